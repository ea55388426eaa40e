"""Where ``clean``'s results go on the local engine: output and rejects (or shards), in order.

Records of a compressed input are held back (:class:`Spool`) until its end-of-stream check
passes: a truncated or corrupt file is rolled back whole (or kept, marked ``salvaged``), and
reported as a file error, while the other files are committed. Every output is committed at
the end, together with the manifest, or none is.
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..chain.tasks import ItemResult
from ..core.errors import OutputError
from ..core.summary import Summary
from ..io.corpus import ITEM_OVERHEAD, FileEnd
from ..io.output import dumps
from ..io.shards import ShardedSink, ShardState
from ..io.sinks import HashedOutput, commit_all, open_sink
from ..io.sources import InputFile
from .options import OutputOptions

SPOOL_MEMORY = 64 << 20


class Spool:
    """Results of one compressed input, held until it has been read to its end (on disk past 64 MiB)."""

    def __init__(self) -> None:
        self.items: list[ItemResult] = []
        self.size = 0
        self.records = 0
        self.file: IO[bytes] | None = None

    def add(self, result: ItemResult) -> None:
        self.items.append(result)
        self.records += result[0] != "blank"
        self.size += ITEM_OVERHEAD + len(result[1] or "")
        if self.size > SPOOL_MEMORY:
            try:
                self.file = self.file or tempfile.TemporaryFile()
                pickle.dump(self.items, self.file)
            except OSError as error:
                raise OutputError("a temporary spool file", error) from None
            self.items, self.size = [], 0

    def drain(self) -> Iterator[ItemResult]:
        if self.file is not None:
            self.file.seek(0)
            while True:
                try:
                    yield from pickle.load(self.file)
                except EOFError:
                    break
            self.file.close()
        yield from self.items


class Writer:
    """Sends each result to the output or the rejects (or the current shard), and counts it."""

    def __init__(self, output: OutputOptions, stdout: IO[str], fingerprint: dict[str, Any],
                 resume: ShardState | None, learned: dict[str, Any]) -> None:
        self.summary = Summary()
        if resume:
            self.summary.merge(resume.summary)
        self.sharded: ShardedSink | None = None
        self.out: Any = None
        self.rejects: Any = None
        self.extra: list[Any] = []
        if output.shard_size is not None:
            assert output.output not in (None, "-")
            self.sharded = ShardedSink(str(output.output), output.shard_size, output.shard_suffix, fingerprint,
                                       resume, learned)
        else:
            self.out = open_sink(output.output, stdout)
            try:
                self.rejects = open_sink(output.rejects, stdout)
            except BaseException:
                self.out.abort()
                raise

    def write(self, result: ItemResult) -> None:
        kind, line, stats = result
        self.summary.add(stats)
        if self.sharded is not None:
            self.sharded.write(kind, line, stats)
        elif line is not None:
            (self.out if kind == "out" else self.rejects).write(line)

    def write_file_error(self, record: dict[str, Any]) -> None:
        self.summary.file_errors.append(record["reject"])
        if self.sharded is not None:
            self.sharded.write_note(dumps(record))
        else:
            self.rejects.write(dumps(record))

    def commit(self, manifest: tuple[str, Callable[[list[dict[str, Any]]], dict[str, Any]]] | None
               ) -> list[dict[str, Any]]:
        """Commit every output (and the manifest, which names their hashes) together."""
        if self.sharded is not None:
            self.sharded.commit()
            outputs = self.sharded.outputs()
            sinks: list[Any] = []
        else:
            sinks = [self.out, self.rejects]
            outputs = [{"path": sink.path, "content_sha256": sink.sha256.hexdigest(), "bytes": sink.bytes}
                       for sink in sinks if isinstance(sink, HashedOutput)]
        if manifest is not None:
            path, build = manifest
            document = open_sink(path, sys.stdout)     # /dev/null or a FIFO is written, never replaced
            self.extra.append(document)
            sinks.append(document)
            document.write(json.dumps(build(outputs), ensure_ascii=False, indent=2) + "\n")
        commit_all(sinks)
        return outputs

    def abort(self) -> None:
        for sink in (self.sharded, self.out, self.rejects, *self.extra):
            if sink is not None:
                sink.abort()

    def committed(self) -> list[str]:
        """The files already committed when a run stops short: the shards written so far (a
        sharded run commits shard by shard; ``--resume`` goes on after them); none otherwise."""
        if self.sharded is None:
            return []
        return [name for shard in self.sharded.shards for name in shard["files"]]


def salvaged(result: ItemResult) -> ItemResult:
    kind, line, stats = result
    if line is None:
        return result
    record = json.loads(line)
    record["salvaged"] = True
    return kind, dumps(record), stats


def finish_file(writer: Writer, source: InputFile, salvage: bool, end: FileEnd, spool: Spool | None,
                compressed: bool, written: int) -> None:
    """Commit a spooled file's records, or roll them back (or salvage them) if it failed."""
    if end.failure is None or salvage:
        for result in spool.drain() if spool else ():
            writer.write(salvaged(result) if end.failure else result)
    if end.failure is not None:
        held = spool.records if spool else 0
        reject: dict[str, Any] = {"stage": "file", "reason": end.failure.reason, "detail": end.failure.detail,
                                  "source": source.name}
        if not compressed:
            reject["records_already_written"] = written    # a plain input streams; it cannot be rolled back
        elif salvage:
            reject["records_salvaged"] = held
        else:
            reject["records_rolled_back"] = held
            if writer.sharded is not None:      # --resume skips them by count, so they count as done
                writer.sharded.records_done += held
        writer.write_file_error({"id": None, "reject": reject})
