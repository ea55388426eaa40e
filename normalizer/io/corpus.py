"""A corpus to read in batches, as often as a run needs: files, stdin, or records from Python.

A step that learns from the whole corpus needs a pass over it before the cleaning pass, so
a corpus hands out its batches afresh each time it is asked. What can be read only once
(stdin, an iterator of records) is copied to a temporary file first (:meth:`replayable`),
and read back from there by every pass.

Batches are what worker processes (or Ray actors) are given: up to ``BATCH_ITEMS`` items or
``BATCH_BYTES`` of text, never two files in one batch; the end of each file is a
:class:`FileEnd` in the stream, carrying the failure that ended it early, if any.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from .records import (
    DEFAULT_OPTIONS,
    BadRecord,
    Blank,
    Item,
    ReadOptions,
    Unparsed,
    parsed,
    read_file_lines,
    record_to_item,
)
from .sources import (
    STDIN,
    CountingReader,
    FileFailure,
    InputFile,
    distinct_id_bases,
    expand_inputs,
    kind_of,
)

BATCH_ITEMS = 256
BATCH_BYTES = 4 << 20
ITEM_OVERHEAD = 200            # bytes a queued item costs beyond its text
READ = "(read)"                # the reading stage, in --profile's table
RECORDS = "<records>"          # the name of records given from Python


class Midway(NamedTuple):
    """A batch a learning pass kept on disk, part-way through the chain (:mod:`normalizer.io.midway`)."""

    path: str
    done: int                  # steps of the chain its documents have been through
    records: int               # items that are not blank lines (what --resume counts)
    skip: int = 0              # records to leave out at its start (a resumed run's)


class Batch(NamedTuple):
    """Items of one input file, in order, for one worker to take."""

    file: int
    items: list[Item | Unparsed]          # JSONL lines are parsed in the worker
    read_to: int = 0                      # bytes of the file read when the batch was cut (for progress)
    midway: Midway | None = None          # instead of items: a batch a learning pass kept


class FileEnd(NamedTuple):
    """The end of one input file in the stream of batches, and why it ended early (if it did)."""

    file: int
    failure: FileFailure | None


class Corpus(Protocol):
    """What a run reads: its inputs, how to read them, and its batches."""

    @property
    def files(self) -> Sequence[InputFile]: ...

    @property
    def options(self) -> ReadOptions: ...

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]: ...

    def replayable(self) -> contextlib.AbstractContextManager[Corpus]: ...


def item_weight(item: Item | Unparsed) -> int:
    """Bytes an item holds, roughly: its text, its string fields, a bad line's raw bytes."""
    if isinstance(item, Blank):
        return ITEM_OVERHEAD
    if isinstance(item, Unparsed):
        return ITEM_OVERHEAD + len(item.line)
    if isinstance(item, BadRecord):
        return ITEM_OVERHEAD + len(item.raw)
    return ITEM_OVERHEAD + len(item.text) + sum(len(v) for v in item.fields.values() if isinstance(v, str))


def batched(index: int, items: Iterable[Item | Unparsed], skip: list[int], seconds: dict[str, float],
            counter: CountingReader | None = None) -> Iterator[Batch]:
    """The items of one file in batches, the first ``skip[0]`` records left out (and counted off);
    ``seconds[READ]`` adds up the time spent reading (not the time the consumer holds a batch)."""
    batch: list[Item | Unparsed] = []
    size = 0
    started = time.perf_counter()
    try:
        for item in items:
            if skip[0]:
                skip[0] -= 0 if isinstance(item, Blank) else 1
                continue
            batch.append(item)
            size += item_weight(item)
            if len(batch) >= BATCH_ITEMS or size >= BATCH_BYTES:
                seconds[READ] += time.perf_counter() - started
                yield Batch(index, batch, counter.count if counter else 0)
                started = time.perf_counter()
                batch, size = [], 0
    except Exception:       # a file that fails, records that cannot be read: what came before goes first
        seconds[READ] += time.perf_counter() - started
        if batch:
            yield Batch(index, batch, counter.count if counter else 0)
        raise
    seconds[READ] += time.perf_counter() - started
    if batch:
        yield Batch(index, batch, counter.count if counter else 0)


def as_one_file(items: Iterable[Item], skip: int = 0, seconds: dict[str, float] | None = None
                ) -> Iterator[Batch | FileEnd]:
    """Items that come from no file (records from Python, a spool, a sample) as one input's batches."""
    timing = seconds if seconds is not None else {}
    timing.setdefault(READ, 0.0)
    yield from batched(0, items, [skip], timing)
    yield FileEnd(0, None)


class FileCorpus(NamedTuple):
    """Files (JSONL, text, Parquet; compressed or not) and stdin, as the command line names them."""

    files: tuple[InputFile, ...]
    options: ReadOptions = DEFAULT_OPTIONS
    skipped: tuple[str, ...] = ()       # what expanding the inputs left out, and why (for the summary)

    @classmethod
    def from_paths(cls, paths: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS,
                   warnings: list[str] | None = None, stdin_kind: str = "jsonl", expand_uris: bool = True
                   ) -> FileCorpus:
        """Files, directories and globs expanded (raises InputError for one that is not there);
        what is skipped while expanding is added to ``warnings``. A URI (``s3://…``, any fsspec
        protocol) is listed the same way, or with ``expand_uris=False`` left as it is, for an
        engine that reads it itself (Ray). ``stdin_kind="txt"`` reads stdin as one plain text
        (``explain -``) instead of JSONL."""
        found = []
        skipped: list[str] = []
        for path in paths:
            if path == STDIN:
                found.append(InputFile(STDIN, stdin_kind, None, "<stdin>" if stdin_kind == "txt" else ""))
            elif "://" in path and not expand_uris:
                found.append(InputFile(path, kind_of(path) or "jsonl", None))
            else:
                found.extend(expand_inputs([path], skipped))
        if warnings is not None:
            warnings.extend(skipped)
        return cls(tuple(distinct_id_bases(found)), options, tuple(skipped))

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]:
        """Every input in batches, a :class:`FileEnd` after each file; the first ``skip`` records
        (a resumed run's) are read but left out."""
        timing = seconds if seconds is not None else {}
        timing.setdefault(READ, 0.0)
        to_skip = [skip]
        for index, source in enumerate(self.files):
            counter = counters[index] if counters is not None else None
            try:
                yield from batched(index, read_file_lines(source, self.options, counter), to_skip, timing, counter)
                failure = None
            except FileFailure as error:
                failure = error
            yield FileEnd(index, failure)

    @contextlib.contextmanager
    def replayable(self) -> Iterator[FileCorpus]:
        """This corpus, with stdin first copied (raw, compressed or not) to a temporary file that
        every pass reads; the file is deleted afterwards."""
        if not any(source.path == STDIN and source.spooled is None for source in self.files):
            yield self
            return
        with tempfile.NamedTemporaryFile(prefix="normalizer-stdin-", suffix=".spool") as spool:
            if sys.stdin is not None:
                shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.flush()
            yield self._replace(files=tuple(source._replace(spooled=spool.name) if source.path == STDIN else source
                                            for source in self.files))


class RecordCorpus:
    """Records from Python (mappings), read like JSONL records: the API's input.

    Reading the records may raise: the batch read before is handed out first, then the
    error goes on to the caller.
    """

    def __init__(self, records: Iterable[Mapping[str, Any]], options: ReadOptions = DEFAULT_OPTIONS,
                 name: str = RECORDS) -> None:
        self.records = records
        self.options = options
        self.files: tuple[InputFile, ...] = (InputFile(name, "records", None),)

    def items(self) -> Iterator[Item]:
        name = self.files[0].path
        for number, record in enumerate(self.records, 1):
            yield record_to_item(record, name, number, self.options)

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]:
        return as_one_file(self.items(), skip, seconds)

    @contextlib.contextmanager
    def replayable(self) -> Iterator[Corpus]:
        """The records read once into a temporary file (pickled items), which every pass reads."""
        with tempfile.TemporaryFile(prefix="normalizer-records-") as spool:
            count = 0
            for item in self.items():
                pickle.dump(item, spool)
                count += 1
            yield SpooledItems(spool, count, self.files, self.options)


class SpooledItems(NamedTuple):
    """Items kept in a temporary file (pickled one after another), read back by each pass."""

    spool: Any
    records: int
    files: tuple[InputFile, ...]
    options: ReadOptions

    def items(self) -> Iterator[Item]:
        self.spool.seek(0)
        for _ in range(self.records):
            yield pickle.load(self.spool)

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]:
        return as_one_file(self.items(), skip, seconds)

    @contextlib.contextmanager
    def replayable(self) -> Iterator[Corpus]:
        yield self


class ListCorpus(NamedTuple):
    """Items already read (a sample), handed out in batches as often as asked."""

    items: list[Item]
    files: Sequence[InputFile]
    options: ReadOptions

    def batches(self, skip: int = 0, counters: Sequence[CountingReader] | None = None,
                seconds: dict[str, float] | None = None) -> Iterator[Batch | FileEnd]:
        return as_one_file(self.items, skip, seconds)

    @contextlib.contextmanager
    def replayable(self) -> Iterator[Corpus]:
        yield self


class SampledCorpus(NamedTuple):
    """A deterministic sample of a corpus: the ``size`` records whose (id, line) hash lowest, in
    input order. A file that cannot be read counts as one invalid record of the population."""

    corpus: Corpus
    size: int

    @property
    def options(self) -> ReadOptions:
        return self.corpus.options

    def population(self, seen: list[int]) -> Iterator[tuple[bytes, int, Item]]:
        number = 0
        for batch in self.corpus.batches():
            if isinstance(batch, FileEnd):
                failure = batch.failure
                if failure is None:
                    continue
                items: list[Item] = [BadRecord(self.corpus.files[batch.file].path, 0, failure.reason, failure.detail,
                                               b"")]
            else:
                items = parsed(batch.items, self.options)
            for item in items:
                number += 1
                if isinstance(item, Blank):
                    continue
                seen[0] += 1
                # by record, not by path: the same corpus gives the same sample wherever it is checked out
                name = item.id if not isinstance(item, BadRecord) else f"{os.path.basename(item.source)}:{item.line}"
                key = hashlib.blake2b(f"{name}\0{item.line}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
                yield key, number, item

    def sample(self) -> tuple[list[Item], int]:
        """The chosen records in input order, and how many records there were."""
        seen = [0]
        chosen = heapq.nsmallest(self.size, self.population(seen))
        return [item for _, _, item in sorted(chosen, key=lambda entry: entry[1])], seen[0]
