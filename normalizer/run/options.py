"""The options of a run, typed and built once (by the CLI's option groups, or by a caller of
the library), then carried whole: what to read is :class:`~normalizer.io.records.ReadOptions`,
where to write is :class:`OutputOptions`, and where to run is :class:`EngineOptions`."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..core.errors import UsageError
from ..engines.local import LocalEngine, default_jobs
from ..io.shards import ShardSize

ENGINES = ("local", "ray")
COMPRESSIONS = {"gzip": ".gz", "zstd": ".zst", "bz2": ".bz2", "xz": ".xz"}


class OutputOptions(NamedTuple):
    """Where ``clean`` writes: ``output`` is "-" (stdout), a file, a folder of shards, or None
    (nowhere); the rejects likewise (None: not kept, still counted)."""

    output: str | None = "-"
    rejects: str | None = None
    with_edits: bool = False
    shard_size: ShardSize | None = None
    compress: str | None = None          # gzip, zstd, bz2, xz: for shards
    resume: bool = False
    manifest: str | None = None
    salvage: bool = False
    clean_stale: bool = False

    @property
    def shard_suffix(self) -> str:
        return ".jsonl" + COMPRESSIONS.get(self.compress or "", "")


class EngineOptions(NamedTuple):
    """Where the work runs: ``local`` (``jobs`` processes; None: every core) or ``ray`` (a local
    Ray instance, or the cluster at ``ray_address``; ``jobs``: actors at most)."""

    engine: str = "local"
    jobs: int | None = None
    ray_address: str | None = None

    def build(self) -> Any:
        """The engine these options describe."""
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}; choose {' or '.join(ENGINES)}")
        if self.ray_address and self.engine != "ray":
            raise UsageError("--ray-address needs --engine ray")
        if self.engine == "ray":
            from ..engines.ray import RayEngine
            return RayEngine(self.jobs, self.ray_address)
        return LocalEngine(self.jobs or default_jobs())
