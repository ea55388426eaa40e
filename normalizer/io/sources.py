"""Find the input files and open them as streams of decompressed bytes, within limits.

Directories and globs are expanded recursively, in sorted order, to regular files only:
a FIFO found while walking would block the run, a socket cannot be read, a symlink loop
never ends; each is skipped with a warning. Compression is recognised by magic bytes,
whatever the file is called.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import posixpath
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..core.errors import InputError, ReadFailure
from .compression import (
    EXTENSIONS,
    ZSTD_MAX_WINDOW,
    StreamError,
    decompressed_chunks,
    sniff,
)
from .remote import expand as expand_remote
from .remote import filesystem as remote_filesystem
from .remote import is_remote, problem

KINDS = {".jsonl": "jsonl", ".jsonlines": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".txt": "txt",
         ".parquet": "parquet"}
NAMED_SKIPS = 5         # a warning names this many of the files a folder holds that are not read
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
    doc_id: str = ""      # for a .txt found in a directory: its path below it, without extensions
    spooled: str | None = None     # stdin copied to this file, so that a run can read it more than once
    id_base: str = ""     # what names its records that have no id ("sub/a.jsonl" for sub/a.jsonl:12)

    @property
    def name(self) -> str:
        """The input as messages and rejects name it."""
        return "<stdin>" if self.path == STDIN else self.path

    @property
    def record_base(self) -> str:
        """The first part of an id-less record's id, ``BASE:LINE``: the same however the input's
        path was spelled (``data``, ``./data/``, an absolute path)."""
        return self.id_base or self.name

    @property
    def opened(self) -> str:
        """What to open to read it."""
        return self.spooled or self.path


class FileFailure(ReadFailure):
    """A whole input cannot be read: ``reason`` from a closed set, ``detail`` for people."""


def strip_compression_suffix(name: str) -> str:
    """``a.jsonl.gz`` -> ``a.jsonl`` (``a.jsonl.GZ`` too)."""
    lowered = name.lower()
    for ext in EXTENSIONS:
        if lowered.endswith(ext):
            return name[: -len(ext)]
    return name


def kind_of(name: str) -> str | None:
    """``a.jsonl.gz`` -> jsonl; ``a.txt`` -> txt; None for files we do not read."""
    return KINDS.get(Path(strip_compression_suffix(name)).suffix.lower())


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
    """Files below ``directory`` with a known extension, sorted; hidden files and folders
    (``.git``, ``.venv``) are not read, and are named in a warning (a hidden file of a kind
    read here, or a folder). Symlinked folders are followed, each folder read once (a loop, or
    a second link to a folder already read, is named in a warning and left); a file reached
    twice is read once; the files of other kinds are named in a warning."""
    found: list[str] = []
    folders: set[tuple[int, int]] = set()
    files_seen: set[str] = set()
    other: list[str] = []
    hidden: list[str] = []

    def unreadable(error: OSError) -> None:
        warnings.append(f"{error.filename}: cannot be read ({error.strerror}); its files are left out")

    for root, dirs, files in os.walk(directory, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(root)
        except OSError as error:
            unreadable(error)
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in folders:
            warnings.append(f"{root}: skipped, a folder already read (a symlink loop, or a second link to it)")
            dirs[:] = []
            continue
        folders.add((info.st_dev, info.st_ino))
        hidden += [os.path.join(root, name) for name in dirs if name.startswith(".")]
        hidden += [os.path.join(root, name) for name in files if name.startswith(".") and kind_of(name) is not None]
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(root, name)
            if kind_of(name) is None:
                other.append(path)
                continue
            ok, what = regular_file(path)
            real = os.path.realpath(path)
            if not ok:
                warnings.append(f"{path}: skipped, {what}")
            elif real in files_seen:
                warnings.append(f"{path}: skipped, a file already read through another link")
            else:
                files_seen.add(real)
                found.append(path)
    if other:
        warnings.append(f"{directory}: {len(other)} file(s) skipped, not of a kind read here "
                        f"({', '.join(sorted(KINDS))}, maybe compressed): {named(other)}")
    if hidden:
        warnings.append(f"{directory}: {len(hidden)} hidden file(s) or folder(s) skipped (name one to read it): "
                        f"{named(hidden)}")
    return sorted(found)


def named(paths: list[str]) -> str:
    """The first few of ``paths``, sorted, for a warning."""
    return ", ".join(sorted(paths)[:NAMED_SKIPS]) + (", …" if len(paths) > NAMED_SKIPS else "")


def globbed(pattern: str, warnings: list[str]) -> list[str]:
    """Regular files matching ``pattern``, each once (``**`` can reach a file through a symlink too)."""
    seen: set[str] = set()
    paths = []
    for path in sorted(glob.glob(pattern, recursive=True)):
        if kind_of(path) is None or os.path.isdir(path):
            continue
        ok, what = regular_file(path)
        real = os.path.realpath(path)
        if not ok:
            warnings.append(f"{path}: skipped, {what}")
        elif real not in seen:
            seen.add(real)
            paths.append(path)
    return paths


def expand_inputs(inputs: Iterable[str], warnings: list[str]) -> list[InputFile]:
    """The files to read, in order. Named files are read whatever they are called
    (as JSONL unless they end in .txt or .parquet); directories and globs contribute
    the files with a known extension."""
    files: list[InputFile] = []
    for name in inputs:
        if name == STDIN:
            files.append(InputFile(STDIN, "jsonl", None))
            continue
        if is_remote(name):
            files.extend(remote_files(name, warnings))
            continue
        base = None
        if os.path.isdir(name):
            paths = walk(name, warnings)
            base = name
            if not paths:
                raise InputError(f"{name}: no .jsonl, .txt or .parquet files in this directory")
        elif not os.path.lexists(name) and glob.has_magic(name):
            paths = globbed(name, warnings)
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
            doc_id = ""
            if base is not None:
                relative = strip_compression_suffix(os.path.relpath(path, base))
                doc_id = str(Path(relative).with_suffix(""))
            id_base = Path(os.path.relpath(path, base)).as_posix() if base is not None else os.path.basename(path)
            files.append(InputFile(path, kind_of(path) or "jsonl", size, doc_id, id_base=id_base))
    return distinct_id_bases(files)


def remote_files(uri: str, warnings: list[str]) -> list[InputFile]:
    """A URI's files (:func:`normalizer.io.remote.expand`), named below the prefix given, as a
    local folder's are."""
    found = expand_remote(uri, kind_of, warnings)
    prefix = uri.rstrip("/") + "/"
    files = []
    for path, size in found:
        relative = path[len(prefix):] if path.startswith(prefix) else path.rsplit("/", 1)[-1]
        doc_id = str(Path(strip_compression_suffix(relative)).with_suffix("")) if path != uri else ""
        files.append(InputFile(path, kind_of(path) or "jsonl", size, doc_id, id_base=relative))
    return files


def distinct_id_bases(files: list[InputFile]) -> list[InputFile]:
    """Inputs whose id bases collide (``a/x.jsonl`` and ``b/x.jsonl``, both ``x.jsonl``) are
    named by their path below the folder they share instead, resolved, so that the ids stay
    distinct and do not depend on how the paths were typed."""
    seen: dict[str, list[int]] = {}
    for index, found in enumerate(files):
        if found.path != STDIN:
            seen.setdefault(found.id_base, []).append(index)
    for indexes in seen.values():
        real = [resolved(files[i].path) for i in indexes]
        if len(set(real)) < 2:
            continue
        root = posixpath.commonpath([posixpath.dirname(path) for path in real])
        for index, path in zip(indexes, real):
            files[index] = files[index]._replace(id_base=posixpath.relpath(path, root))
    return files


def resolved(path: str) -> str:
    """One spelling per file, as a POSIX path: a local path resolved, a URI as ``/PROTOCOL/BUCKET/KEY``."""
    if is_remote(path):
        scheme, _, rest = path.partition("://")
        return posixpath.join("/", scheme.lower(), rest.strip("/"))
    return Path(os.path.realpath(path)).as_posix()


class CountingReader:
    """Counts and hashes the bytes read from one input (for limits, progress, the manifest),
    and remembers its compression once sniffed."""

    def __init__(self) -> None:
        self.raw: BinaryIO | None = None
        self.count = 0
        self.sha256 = hashlib.sha256()
        self.compression: str | None = None

    def read(self, size: int = -1) -> bytes:
        assert self.raw is not None
        data = self.raw.read(size)
        self.count += len(data)
        self.sha256.update(data)
        return data


def open_raw(path: str) -> BinaryIO:
    if path == STDIN:
        if sys.stdin is None:
            raise FileFailure("unreadable", "stdin is closed")
        return sys.stdin.buffer
    if is_remote(path):                 # read as it is consumed, not downloaded first
        filesystem, located = remote_filesystem(path)
        try:
            return filesystem.open(located, "rb")  # type: ignore[no-any-return]
        except Exception as error:  # noqa: BLE001 - one unreadable input is reported, the run goes on
            raise FileFailure("unreadable", f"cannot open: {problem(error)}") from None
    try:
        return open(path, "rb")
    except OSError as error:
        raise FileFailure("unreadable", f"cannot open: {error.strerror}") from None


def read_chunks(path: str, limits: Limits, counter: CountingReader | None = None) -> Iterator[bytes]:
    """Decompressed bytes of one input, within the size and ratio limits.

    Raises FileFailure for a truncated or corrupt stream or a limit, after the chunks
    already handed out: the caller decides what happens to records read so far.
    """
    raw = open_raw(path)
    try:
        yield from stream_chunks(raw, limits, counter)
    except FileFailure:
        raise
    except Exception as error:          # a remote stream fails with its library's errors, not OSError
        if not is_remote(path):
            raise
        raise FileFailure("unreadable", f"read error: {problem(error)}") from None
    finally:
        if path != STDIN:
            raw.close()


def stream_chunks(raw: BinaryIO, limits: Limits, counter: CountingReader | None = None) -> Iterator[bytes]:
    """:func:`read_chunks` of a stream already open (a Ray read task's); the caller closes it."""
    reader = counter or CountingReader()
    reader.raw = raw
    total = 0
    try:
        head = reader.read(8)
        kind = reader.compression = sniff(head)
        for chunk in decompressed_chunks(reader, kind, head, limits.zstd_max_window):  # type: ignore[arg-type]
            total += len(chunk)
            if kind is not None:
                check_limits(total, reader.count, limits)
            yield chunk
    except StreamError as error:
        raise FileFailure(error.reason, error.detail) from None
    except OSError as error:
        raise FileFailure("unreadable", f"read error: {error.strerror or error}") from None


def check_limits(decompressed: int, compressed: int, limits: Limits) -> None:
    if decompressed > limits.max_decompressed_bytes:
        raise FileFailure("decompressed_size_limit",
                          f"decompressed to more than {limits.max_decompressed_bytes} bytes")
    if decompressed > limits.ratio_checked_after and decompressed > limits.max_expansion_ratio * max(compressed, 1):
        raise FileFailure("expansion_ratio_limit",
                          f"expands more than {limits.max_expansion_ratio:g}x ({compressed} -> {decompressed} bytes): "
                          "a decompression bomb?")
