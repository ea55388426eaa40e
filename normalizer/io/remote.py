"""Object storage and every other fsspec filesystem (``s3://``, ``gs://``, ``hf://``, ``memory://``)
for the local engine: finding inputs under a prefix, opening them as byte streams, and the
messages for what goes wrong there.

Credentials come only from where the filesystem's own library looks (the environment, profiles,
instance metadata); normalizer never takes, stores or prints them. Errors are sorted into the
messages users act on, naming the URI (its password left out) and nothing else: no such bucket or
key, access denied, cannot be reached, no credentials. Listings are read fresh (fsspec caches
them per process, and a long-lived process or a second pass must see what is there now).
"""

from __future__ import annotations

import glob
import posixpath
import re
from collections.abc import Callable
from typing import Any

from ..core.errors import InputError, MissingExtraError, UsageError

PACKAGES = {"s3": ("s3fs", "s3"), "s3a": ("s3fs", "s3"), "gs": ("gcsfs", "gcs"), "gcs": ("gcsfs", "gcs"),
            "hf": ("huggingface_hub", None), "az": ("adlfs", None), "abfs": ("adlfs", None),
            "abfss": ("adlfs", None)}            # protocol -> the library fsspec needs, and our extra for it
RE_USERINFO = re.compile(r"://[^/@]*@")
BUCKETS = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "oss"})   # the first part of a path is a bucket
NETWORK_ERRORS = ("EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError", "ClientConnectorError",
                  "ConnectionError", "ServerDisconnectedError", "TimeoutError")


def is_remote(path: str | None) -> bool:
    """A URI that a filesystem library reads (``s3://bucket/key``, ``file:///…`` too); a plain path is local."""
    return bool(path) and "://" in str(path)


def protocol(uri: str) -> str:
    return uri.split("://", 1)[0].lower()


def redacted(uri: str) -> str:
    """The URI as messages show it: a user and password written into it (``https://u:p@host``) left out."""
    return RE_USERINFO.sub("://…@", uri)


def filesystem(uri: str) -> tuple[Any, str]:
    """The fsspec filesystem that holds ``uri`` and the path in it; a missing library is a
    MissingExtraError (or, for a protocol we have no extra for, a UsageError) naming the package
    to install, an unknown protocol a UsageError."""
    import fsspec
    scheme = protocol(uri)
    try:
        return fsspec.core.url_to_fs(uri)  # type: ignore[no-any-return]
    except ImportError:
        package, extra = PACKAGES.get(scheme, (None, None))
        if package is not None and extra is not None:
            raise MissingExtraError(f"reading or writing {scheme}://", package, extra) from None
        needed = f"the package {package}: pip install {package}" if package else "a filesystem library for it"
        raise UsageError(f"{redacted(uri)}: reading or writing {scheme}:// needs {needed}") from None
    except ValueError as error:
        raise UsageError(f"{redacted(uri)}: {error}") from None


def problem(error: BaseException) -> str:
    """What went wrong, in words that name no credential: the cases users act on."""
    name = type(error).__name__
    kinds = {kind.__name__ for kind in type(error).__mro__}
    text = str(error)
    if kinds & set(NETWORK_ERRORS) or isinstance(error, (ConnectionError, TimeoutError)) \
            or text.startswith("Could not connect"):
        return "cannot be reached (a network error)"
    if "NoCredentials" in name or "PartialCredentials" in name:
        return "no credentials found (set them in the environment or a profile, as the filesystem's library reads them)"
    if isinstance(error, FileNotFoundError) or "NoSuchBucket" in text or "NoSuchKey" in text:
        return "no such bucket, folder or key"
    if isinstance(error, PermissionError) or "AccessDenied" in text or "Forbidden" in text:
        return ("access denied (credentials are read from the environment or your profile, "
                "as the filesystem's own library reads them)")
    return f"cannot be used ({name})"


def hidden_below(path: str, root: str) -> bool:
    """Is a part of ``path`` below ``root`` hidden (``.git``, a ``.tmp`` an earlier run left)?"""
    relative = posixpath.relpath(path, root) if path.startswith(root) else posixpath.basename(path)
    return any(part.startswith(".") for part in relative.split("/"))


def expand(uri: str, kind_of: Callable[[str], str | None], warnings: list[str]) -> list[tuple[str, int | None]]:
    """The files a URI names, as ``(uri, size)`` in sorted order: a file as it is (read as JSONL
    unless its name says otherwise), a prefix (folder) or a glob for the files of a kind read
    here, hidden ones left out and named in a warning. Raises InputError (exit 3) when there is
    nothing there, or it cannot be listed."""
    fs, path = filesystem(uri)
    try:
        fs.invalidate_cache()
        if glob.has_magic(path) and not fs.exists(path):        # a key named "a[1].jsonl" is itself
            found = fs.glob(path, detail=True)
            root = path.split("*", 1)[0].rsplit("/", 1)[0]
        elif fs.isdir(path):
            found = fs.find(path, detail=True)
            root = path
        else:
            return [(uri, fs.info(path).get("size"))]
    except Exception as error:  # noqa: BLE001 - sorted into the messages users act on
        raise InputError(f"{redacted(uri)}: {problem(error)}") from None
    files = sorted((name, info) for name, info in found.items() if info.get("type", "file") == "file")
    hidden = [name for name, _ in files if hidden_below(name, root)]
    if hidden:
        warnings.append(f"{uri}: {len(hidden)} hidden file(s) skipped: {', '.join(hidden[:5])}")
    chosen = [(fs.unstrip_protocol(name), info.get("size")) for name, info in files
              if not hidden_below(name, root) and kind_of(name) is not None]
    if not chosen:
        raise InputError(f"{redacted(uri)}: no .jsonl, .txt or .parquet files there")
    return chosen


def check_writable(uri: str) -> None:
    """Before anything is read: an object store's bucket for an output must be there and
    reachable; OutputError (exit 4) otherwise. (Other filesystems make the folders they need.)"""
    from ..core.errors import OutputError
    fs, path = filesystem(uri)
    top = path.strip("/").split("/", 1)[0]
    if protocol(uri) not in BUCKETS:
        return
    try:
        if top:
            fs.info(top)                # raises what went wrong, where exists() would say False
    except Exception as error:  # noqa: BLE001 - sorted into the messages users act on
        raise OutputError(redacted(uri), problem(error)) from None


def join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name
