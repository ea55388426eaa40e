"""Where results go: stdout, one file, or shards, committed only when the run succeeds.

Files are written to a temporary file beside the destination (``.NAME.PID.RANDOM.tmp``)
and renamed over it after flush and fsync; a failed or interrupted run deletes its
temporary files and leaves the previous output as it was. A SIGKILL cannot be caught:
its leftovers are found and reported by :func:`stale_temp_files` on the next run.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import posixpath
import secrets
import signal
import tempfile
from pathlib import Path
from typing import IO, Any, BinaryIO

from ..core.errors import OutputError
from .compression import open_writer
from .parquet import ParquetWriter
from .remote import check_writable, is_remote, problem
from .remote import filesystem as remote_filesystem

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def stale_temp_files(path: str) -> list[Path | str]:
    """Temporary files a killed run left beside ``path`` (keys, on object storage)."""
    if is_remote(path):
        folder, name = path.rsplit("/", 1)
        return [*stale_keys(folder, f".{glob.escape(name)}.*")]
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob(f".{target.name}.*{TEMP_SUFFIX}") if p.is_file())


class HashedOutput:
    """What every committed output does with a line: count it, hash it (before compression), and
    write it compressed or as a Parquet row. Subclasses open ``raw`` and commit it."""

    path: str
    raw: BinaryIO

    def open_stream(self, parquet: bool) -> None:
        self.stream: BinaryIO = self.raw if parquet else open_writer(self.path, self.raw)
        self.parquet = ParquetWriter(self.raw, self.path) if parquet else None
        self.bytes = 0
        self.sha256 = hashlib.sha256()          # of the lines written, before any compression

    def write(self, line: str) -> None:
        data = encode_line(line)
        self.bytes += len(data)
        self.sha256.update(data)
        try:
            if self.parquet is not None:
                self.parquet.write(json.loads(line))
            else:
                self.stream.write(data)
        except OSError as error:
            raise OutputError(self.path, error) from None

    def close_streams(self) -> None:
        """Close the Parquet writer and the compressor, which write their last bytes to ``raw``."""
        if self.parquet is not None:
            self.parquet.close()
        if self.stream is not self.raw:
            self.stream.close()

    def prepare(self) -> None:
        raise NotImplementedError

    def publish(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def drop_streams(self) -> None:
        if self.parquet is not None:
            self.parquet.abandon()
        for stream in (self.stream, self.raw):
            try:
                stream.close()
            except Exception:  # noqa: BLE001 - already failing; the temporary output goes either way
                pass


class AtomicFile(HashedOutput):
    """A file that appears at ``path`` only when :meth:`publish` runs after :meth:`prepare`.

    Several outputs are prepared (flushed, fsynced, closed) first and published (renamed)
    together, so a failure in any of them leaves every previous output as it was.
    """

    def __init__(self, path: str, parquet: bool = False, through_links: bool = True) -> None:
        self.path = path
        # A named output that is a symlink is written through (the user's link); a file the run
        # names itself (a shard) replaces a link planted there, never writing through it.
        target = Path(os.path.realpath(path) if through_links else os.path.abspath(path))
        try:
            handle, self.temp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX,
                                                 dir=str(target.parent) or ".")
            self.raw = os.fdopen(handle, "wb")
        except OSError as error:
            raise OutputError(path, error) from None
        self.target = str(target)
        self.open_stream(parquet)

    def prepare(self) -> None:
        try:
            self.close_streams()
            self.raw.flush()
            os.fsync(self.raw.fileno())
            self.raw.close()
            os.chmod(self.temp, file_mode(self.target))
        except OSError as error:
            self.abort()
            raise OutputError(self.path, error) from None

    def publish(self) -> None:
        try:
            os.replace(self.temp, self.target)
        except OSError as error:
            self.abort()
            raise OutputError(self.path, error) from None
        sync_directory(self.target)

    def commit(self) -> None:
        self.prepare()
        self.publish()

    def abort(self) -> None:
        self.drop_streams()
        Path(self.temp).unlink(missing_ok=True)


class RemoteFile(HashedOutput):
    """An output on an fsspec filesystem (``s3://…``), with the local guarantees: written to a
    temporary key beside it (``.NAME.PID.RANDOM.tmp``), streamed as it is written (S3 shows no
    object before the upload completes), and moved to its name only when every output of the
    run is prepared. A failed run deletes its temporary keys; the final key is never half written."""

    def __init__(self, path: str, parquet: bool = False) -> None:
        self.path = path
        self.filesystem, self.target = remote_filesystem(path)
        folder, name = posixpath.split(self.target)
        self.temp = posixpath.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            self.raw = self.filesystem.open(self.temp, "wb")
        except Exception as error:  # noqa: BLE001 - sorted into the messages users act on
            raise OutputError(path, problem(error)) from None
        self.open_stream(parquet)

    def prepare(self) -> None:
        try:
            self.close_streams()
            self.raw.close()                    # the upload completes here
        except Exception as error:  # noqa: BLE001
            self.abort()
            raise OutputError(self.path, problem(error)) from None

    def publish(self) -> None:
        try:                    # the exact keys: mv() and rm() would read "?", "*" and "[" as a glob
            self.filesystem.cp_file(self.temp, self.target)
            self.filesystem.rm_file(self.temp)
        except Exception as error:  # noqa: BLE001
            self.abort()
            raise OutputError(self.path, problem(error)) from None

    def commit(self) -> None:
        self.prepare()
        self.publish()

    def abort(self) -> None:
        discard = getattr(self.raw, "discard", None)     # an S3 upload in progress is cancelled
        if callable(discard) and not getattr(self.raw, "closed", True):
            try:
                discard()
            except Exception:  # noqa: BLE001 - already failing
                pass
        self.drop_streams()
        try:
            if self.filesystem.exists(self.temp):
                self.filesystem.rm_file(self.temp)
        except Exception:  # noqa: BLE001 - a temporary key that cannot be removed is named next run
            pass


def stale_keys(folder: str, pattern: str) -> list[str]:
    """Temporary keys a killed run left in a remote folder (``.part-00003.jsonl.4242.9f3a.tmp``)."""
    try:
        found, path = remote_filesystem(folder)
        found.invalidate_cache()
        return sorted(found.unstrip_protocol(name) for name in found.glob(f"{path.rstrip('/')}/{pattern}{TEMP_SUFFIX}"))
    except Exception:  # noqa: BLE001 - a listing that fails here fails again, with its message, when writing
        return []


def remove_stale(path: Path | str) -> None:
    """Delete what :func:`stale_temp_files` found: a local file, or a remote key."""
    if isinstance(path, Path):
        path.unlink(missing_ok=True)
        return
    found, located = remote_filesystem(path)
    found.rm_file(located)


def check_output_place(path: str | None) -> None:
    """Before anything is read: the folder (or, on object storage, the bucket) an output goes into
    must be there; OutputError (exit 4) otherwise. ``-`` (stdout) and no output pass."""
    if not path or path == "-":
        return
    if is_remote(path):
        check_writable(path)
    elif not Path(path).resolve().parent.is_dir():
        raise OutputError(path, f"no directory {Path(path).parent}")


def is_device(path: str) -> bool:
    """An existing file that is neither a regular file nor a folder (``/dev/null``, a FIFO): an
    output written straight into it, never replaced by a renamed temporary file."""
    return os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path)


def write_text(path: str, text: str) -> None:
    """A small text file (a report, a baseline) written whole and atomically: a temporary file
    beside it, renamed over it only once written and synced, so that a full disk or a kill
    leaves the previous file as it was. A failure is an OutputError naming it."""
    if is_remote(path):
        remote = RemoteFile(path)
        remote.stream.write(text.encode("utf-8", "surrogatepass"))
        remote.commit()
        return
    if is_device(path):
        try:                                # /dev/null, a FIFO: written straight, never replaced
            with open(path, "wb") as device:
                device.write(text.encode("utf-8", "surrogatepass"))
        except OSError as error:
            raise OutputError(path, error) from None
        return
    sink = AtomicFile(path)
    try:
        sink.stream.write(text.encode("utf-8", "surrogatepass"))
    except OSError as error:
        sink.abort()
        raise OutputError(path, error) from None
    sink.commit()


def encode_line(line: str) -> bytes:
    """UTF-8; a lone surrogate (from a file name that is not UTF-8) becomes a JSON escape."""
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(json.loads(line), ensure_ascii=True).encode("ascii") + b"\n"


def commit_all(sinks: list[Any]) -> None:
    """Prepare every sink, then publish them all with SIGINT/SIGTERM held back for the renames."""
    for sink in sinks:
        sink.prepare()
    blocked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        for sink in sinks:
            sink.publish()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def file_mode(path: str) -> int:
    """The existing file's mode, or what the umask gives a new file (mkstemp makes 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sync_directory(path: str) -> None:
    try:
        handle = os.open(str(Path(path).parent) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


class StreamSink:
    """stdout (or a device): streamed as it comes, UTF-8 and LF whatever the locale; no atomicity."""

    def __init__(self, stream: BinaryIO, name: str = "<stdout>") -> None:
        self.stream = stream
        self.path_name = name

    def write(self, line: str) -> None:
        try:
            self.stream.write(encode_line(line))
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(self.path_name, error) from None

    def prepare(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(self.path_name, error) from None

    def publish(self) -> None:
        pass

    def abort(self) -> None:
        pass


class NullSink:
    def write(self, line: str) -> None:
        pass

    def prepare(self) -> None:
        pass

    def publish(self) -> None:
        pass

    def abort(self) -> None:
        pass


class DeviceSink(StreamSink):
    """An existing non-regular file (``/dev/null``, a FIFO): written straight, never replaced."""

    def __init__(self, path: str) -> None:
        try:
            super().__init__(open(path, "wb"), path)
        except OSError as error:
            raise OutputError(path, error) from None

    def publish(self) -> None:
        self.stream.close()

    def abort(self) -> None:
        self.stream.close()


def open_sink(path: str | None, stdout: IO[str]) -> Any:
    if path is None:
        return NullSink()
    if path == "-":
        return StreamSink(stdout.buffer if hasattr(stdout, "buffer") else stdout)  # type: ignore[arg-type]
    if is_remote(path):
        return RemoteFile(path, parquet=path.endswith(".parquet"))
    if is_device(path):
        return DeviceSink(path)
    return AtomicFile(path, parquet=path.endswith(".parquet"))
