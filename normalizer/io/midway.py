"""The corpus as a learning pass left it, kept on disk so that later passes start there.

A step that learns from the corpus (dedup) sits late in the chain: its first learning pass
runs every step before it over every document, and the cleaning pass would run them all
again. Instead, that first pass keeps each batch as it reaches the learning step, in a
temporary folder: the items read (the originals, bad records, blank lines) and the
documents after the steps before it. Later passes and the cleaning pass read those batches
back and run only the steps from the learning step on, which gives the same documents: the
chain is cut at a learning step and its parts settle apart (:func:`~normalizer.chain.pipeline.parts`).

What reading the files told (the bytes counted and hashed for the manifest, the compression
sniffed, a file that failed part-way) is kept beside the batches and handed out again, so a
run that starts midway reports what a run from the files would. Each batch is written and
read by the worker that cleans it: the main process only passes names around.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from ..core.document import Doc
from ..core.errors import OutputError
from .corpus import READ, Batch, FileEnd, Midway
from .records import Blank, Item, ReadOptions
from .sources import CountingReader, InputFile


def keep(folder: str, items: Sequence[Item], docs: Sequence[Doc], done: int) -> Midway:
    """Write a batch's items and its documents after ``done`` steps into ``folder``. One pickle
    for both, so a text or field no step changed is stored once."""
    try:
        handle, path = tempfile.mkstemp(dir=folder, suffix=".batch")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((list(items), list(docs)), out, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as error:
        raise OutputError(folder, f"{error.strerror or error} (the temporary folder, TMPDIR, needs room for "
                                  "about twice the corpus while the rules learn)") from None
    return Midway(path, done, sum(not isinstance(item, Blank) for item in items))


def load(midway: Midway) -> tuple[list[Item], list[Doc]]:
    """A kept batch's items and documents, its first ``skip`` records (and the blank lines among
    them) left out, as :func:`~normalizer.io.corpus.batched` leaves them out of a file."""
    with open(midway.path, "rb") as kept:
        items, docs = pickle.load(kept)
    if not midway.skip:
        return items, docs
    skip, first, dropped_docs = midway.skip, 0, 0
    while skip and first < len(items):
        if not isinstance(items[first], Blank):
            skip -= 1
            dropped_docs += isinstance(items[first], Doc)
        first += 1
    return items[first:], docs[dropped_docs:]


class Counted(NamedTuple):
    """What a :class:`~normalizer.io.sources.CountingReader` knew once a file was read."""

    bytes_read: int
    sha256: Any                 # a hashlib object, copied out when handed on
    compression: str | None

    @classmethod
    def of(cls, counter: CountingReader) -> Counted:
        return cls(counter.count, counter.sha256.copy(), counter.compression)

    def into(self, counter: CountingReader) -> None:
        counter.count, counter.sha256, counter.compression = self.bytes_read, self.sha256.copy(), self.compression


class Kept(NamedTuple):
    """A learning pass's result for one batch that it also kept."""

    state: Any
    file: int
    read_to: int
    midway: Midway
    seconds: dict[str, float]           # per step, for --profile: the cleaning pass will not run them


class MidwayCorpus(NamedTuple):
    """The batches one learning pass kept, in input order, each file's end in its place: a
    corpus every later pass reads instead of the files."""

    files: tuple[InputFile, ...]
    options: ReadOptions
    entries: tuple[tuple[int, int, Midway] | FileEnd, ...]     # (file, read_to, batch) or a file's end
    counted: tuple[Counted, ...]
    skipped: tuple[str, ...] = ()
    seconds: dict[str, float] = {}      # what the steps before the learning step took in that pass

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]:
        """The kept batches (the first ``skip`` records left out); ``counters`` are told what
        reading each file told, as its first batch goes out."""
        timing = seconds if seconds is not None else {}
        timing.setdefault(READ, 0.0)
        started: set[int] = set()
        for entry in self.entries:
            file = entry.file if isinstance(entry, FileEnd) else entry[0]
            if counters is not None and file not in started:
                self.counted[file].into(counters[file])
            started.add(file)
            if isinstance(entry, FileEnd):
                yield entry
                continue
            _, read_to, midway = entry
            if skip >= midway.records:
                skip -= midway.records
                continue
            yield Batch(file, [], read_to, midway._replace(skip=skip))
            skip = 0

    @contextlib.contextmanager
    def replayable(self) -> Iterator[MidwayCorpus]:
        yield self
