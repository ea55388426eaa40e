"""Find the input files and open them as streams of decompressed bytes, within limits.

Directories and globs are expanded recursively, in sorted order, to regular files only:
a FIFO found while walking would block the run, a socket cannot be read, a symlink loop
never ends; each is skipped with a warning. Compression is recognised by magic bytes,
whatever the file is called.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .compression import EXTENSIONS, ZSTD_MAX_WINDOW, StreamError, decompressed_chunks, sniff
from .errors import InputError

KINDS = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".txt": "txt", ".parquet": "parquet"}
STDIN = "-"


class Limits(NamedTuple):
    """Bounds that keep one bad input from exhausting memory, disk or time."""

    max_line_bytes: int = 32 << 20
    max_doc_bytes: int = 64 << 20
    max_decompressed_bytes: int = 64 << 30
    max_expansion_ratio: float = 500.0
    ratio_checked_after: int = 256 << 20
    zstd_max_window: int = ZSTD_MAX_WINDOW


class InputFile(NamedTuple):
    path: str             # as given or found; "-" is stdin
    kind: str             # jsonl, txt or parquet
    size: int | None      # bytes on disk, when known


class FileFailure(Exception):
    """A whole input cannot be read: ``reason`` from a closed set, ``detail`` for people."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def kind_of(name: str) -> str | None:
    """``a.jsonl.gz`` -> jsonl; ``a.txt`` -> txt; None for files we do not read."""
    for ext in EXTENSIONS:
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    return KINDS.get(Path(name).suffix.lower())


def regular_file(path: str) -> tuple[bool, str]:
    """Is ``path`` a regular file? If not, say what it is, for the warning."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return False, "a symlink loop"
        return False, error.strerror or "unreadable"
    if stat.S_ISREG(mode):
        return True, ""
    if stat.S_ISFIFO(mode):
        return False, "a FIFO"
    if stat.S_ISSOCK(mode):
        return False, "a socket"
    return False, "not a regular file"


def walk(directory: str, warnings: list[str]) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            path = os.path.join(root, name)
            if kind_of(name) is None:
                continue
            ok, what = regular_file(path)
            if ok:
                found.append(path)
            else:
                warnings.append(f"{path}: skipped, {what}")
    return sorted(found)


def expand_inputs(inputs: Iterable[str], warnings: list[str]) -> list[InputFile]:
    """The files to read, in order. Named files are read whatever they are called
    (as JSONL unless they end in .txt or .parquet); directories and globs contribute
    the files with a known extension."""
    files: list[InputFile] = []
    for name in inputs:
        if name == STDIN:
            files.append(InputFile(STDIN, "jsonl", None))
            continue
        if os.path.isdir(name):
            paths = walk(name, warnings)
            if not paths:
                raise InputError(f"{name}: no .jsonl, .txt or .parquet files in this directory")
        elif not os.path.lexists(name) and glob.has_magic(name):
            paths = sorted(p for p in glob.glob(name, recursive=True) if kind_of(p) and not os.path.isdir(p))
            if not paths:
                raise InputError(f"{name}: no files match this pattern")
        elif os.path.lexists(name):
            paths = [name]
        else:
            raise InputError(f"{name}: no such file or directory")
        for path in paths:
            try:
                size = os.stat(path).st_size if os.path.isfile(path) else None
            except OSError:
                size = None
            files.append(InputFile(path, kind_of(path) or "jsonl", size))
    return files


class CountingReader:
    """Counts the compressed bytes read, for the expansion-ratio limit and progress."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data


def open_raw(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as error:
        raise FileFailure("unreadable", f"cannot open: {error.strerror}") from None


def read_chunks(path: str, limits: Limits, progress: CountingReader | None = None) -> Iterator[bytes]:
    """Decompressed bytes of one input, within the size and ratio limits.

    Raises FileFailure for a truncated or corrupt stream or a limit, after the chunks
    already handed out: the caller decides what happens to records read so far.
    """
    raw = open_raw(path)
    reader = progress or CountingReader(raw)
    reader.raw = raw
    try:
        head = reader.read(8)
        kind = sniff(head)
        total = 0
        try:
            for chunk in decompressed_chunks(reader, kind, head, limits.zstd_max_window):  # type: ignore[arg-type]
                total += len(chunk)
                if kind is not None:
                    check_limits(total, reader.count, limits)
                yield chunk
        except StreamError as error:
            raise FileFailure(error.reason, error.detail) from None
        except OSError as error:
            raise FileFailure("unreadable", f"read error: {error.strerror or error}") from None
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def check_limits(decompressed: int, compressed: int, limits: Limits) -> None:
    if decompressed > limits.max_decompressed_bytes:
        raise FileFailure("decompressed_size_limit",
                          f"decompressed to more than {limits.max_decompressed_bytes} bytes")
    if decompressed > limits.ratio_checked_after and decompressed > limits.max_expansion_ratio * max(compressed, 1):
        raise FileFailure("expansion_ratio_limit",
                          f"expands more than {limits.max_expansion_ratio:g}x ({compressed} -> {decompressed} bytes): "
                          "a decompression bomb?")
