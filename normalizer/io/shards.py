"""Sharded output (``--shard-size``) and ``--resume``.

Shards are ``part-NNNNN.jsonl`` files with their rejects beside them
(``part-NNNNN.rejects.jsonl``); each pair is committed (renamed into place) when it
is full, and ``_state.json`` then records how many input records the committed shards
cover, with their counts. ``--resume`` skips that many input records and goes on with
the next shard, so an interrupted run is finished without redoing or duplicating work.

What the rules' corpus steps learned is written to ``_learned.json`` before the first shard
is committed (``_state.json`` names its digest), so that a resumed run cleans the rest of the
corpus with the very same state instead of learning it again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..core.errors import OutputError
from ..core.summary import DocStats, Summary
from .remote import check_writable, is_remote, problem
from .remote import filesystem as remote_filesystem
from .remote import join as remote_join
from .sinks import AtomicFile, HashedOutput, RemoteFile, commit_all, write_text

STATE_NAME = "_state.json"
LEARNED_NAME = "_learned.json"
RE_SIZE = re.compile(r"^\s*(\d+)\s*(k|m|g|kb|mb|gb|kib|mib|gib|b)?\s*$", re.IGNORECASE)
UNITS = {None: 0, "b": 1, "k": 1000, "kb": 1000, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
         "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}


class ShardSize(NamedTuple):
    records: int = 0      # rotate after this many input records (0: not by records)
    bytes: int = 0        # rotate once a shard holds this many bytes of output (0: not by size)


def parse_shard_size(text: str) -> ShardSize:
    """``100000`` is records; ``100MB``, ``1GiB``, ``500k`` ... with a unit are bytes."""
    match = RE_SIZE.match(text)
    if not match or int(match[1]) <= 0:
        raise ValueError(f"--shard-size {text!r}: give a number of records (100000) or a size (100MB)")
    unit = match[2].lower() if match[2] else None
    return ShardSize(records=int(match[1])) if unit is None else ShardSize(bytes=int(match[1]) * UNITS[unit])


class ShardState(NamedTuple):
    records_done: int
    next_index: int
    summary: Summary
    learned: dict[str, Any] | None = None       # step id -> state, when the rules learn


def learned_digest(learned: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(learned, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
                          ).hexdigest()


class Folder:
    """The folder of the shards, on this machine or on an fsspec filesystem (``s3://bucket/run/``):
    what shards need of it, the same way in both."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.remote = is_remote(location)

    def join(self, name: str) -> str:
        return remote_join(self.location, name) if self.remote else str(Path(self.location) / name)

    def make(self) -> None:
        try:
            if self.remote:
                check_writable(self.location)
                filesystem, path = remote_filesystem(self.location)
                filesystem.makedirs(path, exist_ok=True)       # object stores have no folders: a no-op there
            else:
                Path(self.location).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(self.location, error) from None

    def read_text(self, name: str) -> str | None:
        """The file's text, or None when it is not there."""
        if not self.remote:
            path = Path(self.join(name))
            return path.read_text(encoding="utf-8") if path.is_file() else None
        filesystem, located = remote_filesystem(self.join(name))
        try:
            filesystem.invalidate_cache()
            if not filesystem.exists(located):
                return None
            with filesystem.open(located, "rb") as stream:
                return stream.read().decode("utf-8")  # type: ignore[no-any-return]
        except Exception as error:  # noqa: BLE001 - sorted into the messages users act on
            raise OSError(problem(error)) from None

    def write_text(self, name: str, text: str) -> None:
        """A small file, whole or not at all."""
        if self.remote:
            write_text(self.join(name), text)
            return
        temp = Path(self.location) / f".{name}.{os.getpid()}.tmp"
        try:
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, Path(self.location) / name)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise OutputError(self.join(name), error) from None

    def output(self, name: str) -> HashedOutput:
        """A shard's file; a symlink planted under its name locally is replaced, never written through."""
        return RemoteFile(self.join(name)) if self.remote else AtomicFile(self.join(name), through_links=False)


def read_learned(folder: Folder, digest: str) -> dict[str, Any]:
    path = folder.join(LEARNED_NAME)
    try:
        learned: dict[str, Any] = json.loads(folder.read_text(LEARNED_NAME) or "")
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: cannot read what the first run learned ({error}); write elsewhere") from None
    if learned_digest(learned) != digest:
        raise ValueError(f"{path}: does not hold what the first run learned (its digest differs); write elsewhere")
    return learned


def read_state(directory: str, fingerprint: dict[str, Any]) -> ShardState | None:
    """The committed progress of a previous run into ``directory``, checked against this run."""
    folder = Folder(directory)
    path = folder.join(STATE_NAME)
    try:
        text = folder.read_text(STATE_NAME)
    except OSError as error:                    # the output folder cannot be reached: exit 4, as writing
        raise OutputError(path, str(error)) from None
    if text is None:
        return None
    try:
        state = json.loads(text)
    except ValueError as error:
        raise ValueError(f"{path}: cannot read the resume state ({error})") from None
    for key, value in fingerprint.items():
        if state.get(key) != value:
            raise ValueError(f"{path}: the previous run used a different {key.replace('_', ' ')}; "
                             "resume with the same inputs, rules and shard size, or write elsewhere")
    summary = Summary()
    for shard in state["shards"]:
        summary.merge(Summary.from_json(shard["summary"]))
    done = state["shards"][-1]["records_end"] if state["shards"] else 0
    learned = read_learned(folder, state["learned_digest"]) if state.get("learned_digest") else None
    return ShardState(done, len(state["shards"]), summary, learned)


class ShardedSink:
    """Routes each record to the current shard or its rejects, rotating at record boundaries."""

    def __init__(self, directory: str, size: ShardSize, suffix: str, fingerprint: dict[str, Any],
                 resume: ShardState | None, learned: dict[str, Any] | None = None) -> None:
        self.folder = Folder(directory)
        self.folder.make()
        self.learned_digest = learned_digest(learned) if learned else None
        if learned and not resume:
            self.write_atomically(LEARNED_NAME, json.dumps(learned, ensure_ascii=False, sort_keys=True))
        self.size = size
        self.suffix = suffix
        self.fingerprint = fingerprint
        self.index = resume.next_index if resume else 0
        self.records_done = resume.records_done if resume else 0
        self.shards: list[dict[str, Any]] = self.previous_shards() if resume else []
        self.out: HashedOutput | None = None
        self.rejects: HashedOutput | None = None
        self.records = 0
        self.summary = Summary()

    def previous_shards(self) -> list[dict[str, Any]]:
        state = json.loads(self.folder.read_text(STATE_NAME) or "{}")
        return list(state["shards"])

    def file_name(self, kind: str) -> str:
        middle = "" if kind == "out" else ".rejects"
        return f"part-{self.index:05d}{middle}{self.suffix}"

    def write(self, kind: str, line: str | None, stats: DocStats) -> None:
        self.summary.add(stats)
        if line is None:
            return
        if self.out is None or self.rejects is None:
            self.out, self.rejects = self.open_shard()
        (self.out if kind == "out" else self.rejects).write(line)
        self.records += 1
        self.records_done += 1
        full_by_records = self.size.records and self.records >= self.size.records
        full_by_bytes = self.size.bytes and self.out.bytes + self.rejects.bytes >= self.size.bytes
        if full_by_records or full_by_bytes:
            self.rotate()

    def write_note(self, line: str) -> None:
        """A file-level reject: goes into the current shard's rejects, counts as no record."""
        if self.out is None or self.rejects is None:
            self.out, self.rejects = self.open_shard()
        self.rejects.write(line)

    def open_shard(self) -> tuple[HashedOutput, HashedOutput]:
        """The next shard's two files."""
        out = self.folder.output(self.file_name("out"))
        try:
            return out, self.folder.output(self.file_name("reject"))
        except BaseException:
            out.abort()
            raise

    def rotate(self) -> None:
        if self.out is None or self.rejects is None:
            return
        commit_all([self.out, self.rejects])
        self.shards.append({"index": self.index, "files": [self.out.path.rsplit("/", 1)[-1],
                                                            self.rejects.path.rsplit("/", 1)[-1]],
                            "content_sha256": [self.out.sha256.hexdigest(), self.rejects.sha256.hexdigest()],
                            "records_end": self.records_done, "summary": self.summary.as_json()})
        self.write_state()
        self.index += 1
        self.out = self.rejects = None
        self.records = 0
        self.summary = Summary()

    def write_state(self) -> None:
        state = {**self.fingerprint, "shards": self.shards}
        if self.learned_digest:
            state["learned_digest"] = self.learned_digest
        self.write_atomically(STATE_NAME, json.dumps(state, ensure_ascii=False, indent=1))

    def write_atomically(self, name: str, text: str) -> None:
        self.folder.write_text(name, text)

    def commit(self) -> None:
        self.rotate()
        if not self.shards:
            self.write_state()

    def abort(self) -> None:
        for handle in (self.out, self.rejects):
            if handle is not None:
                handle.abort()

    def outputs(self) -> list[dict[str, Any]]:
        return [{"path": self.folder.join(name), "content_sha256": digest}
                for shard in self.shards for name, digest in zip(shard["files"], shard["content_sha256"], strict=True)]
