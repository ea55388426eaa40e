"""Outputs that are inputs: refused before anything is read, so that no command can overwrite
the corpus it reads (``report corpus.jsonl -o corpus.jsonl``, an output reached through a
symlink, ``..``, a hard link, or a shard folder that holds the inputs; on object storage, a key
or prefix that is, holds or lies in an input, compared without listing anything)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from ..core.errors import InputError, UsageError
from .sources import STDIN, expand_inputs


def file_key(path: str) -> tuple[int, int] | str:
    """What makes two paths one file: device and inode when it exists (hard links, symlinks),
    else the resolved path (``..``, a symlinked folder)."""
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (found.st_dev, found.st_ino)


ALIASES = {"s3a": "s3", "gcs": "gs"}


def local_form(path: str) -> str:
    """``file:///tmp/a.jsonl`` is the local ``/tmp/a.jsonl``."""
    return path[len("file://"):] if path.startswith("file://") else path


def uri_key(uri: str) -> str:
    """``s3a://b/in/`` -> ``s3://b/in``: one spelling per object or prefix."""
    scheme, _, rest = uri.partition("://")
    return f"{ALIASES.get(scheme.lower(), scheme.lower())}://{rest.strip('/')}"


def refuse_remote_overlaps(outputs: Iterable[str], inputs: Iterable[str], folders: Iterable[str]) -> None:
    """An output key that is an input or lies in an input prefix, or a shard folder that is, holds
    or lies in an input: UsageError (exit 2)."""
    sources = [uri_key(name) for name in inputs if "://" in name]
    for output in outputs:
        key = uri_key(output)
        found = next((source for source in sources if key == source or key.startswith(source + "/")), None)
        if found:
            raise UsageError(f"{output} is, or lies in, the input {found}: writing it would overwrite the corpus; "
                             "write the output somewhere else")
    for folder in folders:
        key = uri_key(folder)
        found = next((source for source in sources
                      if key == source or source.startswith(key + "/") or key.startswith(source + "/")), None)
        if found:
            raise UsageError(f"{folder} holds, or lies in, the input {found}: its shards could overwrite the corpus; "
                             "write them to another folder")


def input_files(names: Iterable[str]) -> list[str]:
    """The files the inputs name (folders and globs expanded; stdin, URIs and what cannot be
    listed left out: reading them reports those)."""
    files = []
    for name in names:
        if name == STDIN or "://" in name:
            continue
        try:
            files += [found.path for found in expand_inputs([name], [])]
        except InputError:
            continue
    return files


def refuse_outputs_that_are_inputs(outputs: Iterable[str | None], inputs: Sequence[str],
                                   folders: Iterable[str | None] = ()) -> None:
    """UsageError (exit 2) for an output file that is one of the input files, or an output
    folder (shards) that holds one."""
    inputs = [local_form(name) for name in inputs]
    named = [local_form(output) for output in outputs if output]
    shard_folders = [local_form(folder) for folder in folders if folder]
    refuse_remote_overlaps([o for o in named if "://" in o], inputs, [f for f in shard_folders if "://" in f])
    outputs, folders = named, shard_folders
    files = input_files(inputs)
    keys = {file_key(path): path for path in files}
    for output in outputs:
        if output and output != "-" and "://" not in output and (found := keys.get(file_key(output))):
            raise UsageError(f"{output} is the input {found}: writing it would overwrite the corpus; "
                             "write the output somewhere else")
    for folder in folders:
        if not folder or folder == "-" or "://" in folder:
            continue
        root = os.path.join(os.path.realpath(folder), "")
        inside = next((path for path in files if os.path.realpath(path).startswith(root)), None)
        if inside:
            raise UsageError(f"{folder} holds the input {inside}: its shards could overwrite the corpus; "
                             "write them to another folder")
