"""Outputs that are inputs: refused before anything is read, so that no command can overwrite
the corpus it reads (``report corpus.jsonl -o corpus.jsonl``, an output reached through a
symlink, ``..``, a hard link, or a shard folder that holds the inputs)."""

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
