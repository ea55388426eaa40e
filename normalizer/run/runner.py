"""Stream a corpus through the chain: files -> batches -> workers -> sinks, nothing lost.

Each input record ends in the output or the rejects, in input order whatever ``jobs``
is. Records of a compressed input are held back (spooled) until its end-of-stream check
passes: a truncated or corrupt file is rolled back whole (or kept, marked ``salvaged``,
with ``salvage=True``) and reported as a file error, while the other files are committed.
"""

from __future__ import annotations

import json
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from ..chain.pipeline import clean_items
from ..chain.summary import DocStats, Summary
from ..engines.local import Passthrough, ordered_map
from ..io.output import dumps
from ..io.records import (
    BadRecord,
    Blank,
    Item,
    RecordOptions,
    Unparsed,
    read_file_lines,
)
from ..io.shards import ShardedSink, ShardSize, ShardState
from ..io.sinks import AtomicFile, OutputError, commit_all, open_sink
from ..io.sources import CountingReader, FileFailure, InputFile, Limits
from ..rules.loader import Rules, Step
from .progress import Progress

BATCH_ITEMS = 256
BATCH_BYTES = 4 << 20
SPOOL_MEMORY = 64 << 20
ITEM_OVERHEAD = 200            # bytes a queued item costs beyond its text
READ_REASONS = frozenset({"invalid_utf8", "json_decode_error", "not_an_object", "missing_text", "text_not_string",
                          "non_finite_number", "number_too_large", "too_deep", "empty_text", "line_too_long",
                          "duplicate_key:text", "undetectable_encoding", "undecodable"})
READ, PARSE, SERIALISE, WRITE = "(read)", "(parse)", "(serialise)", "(write)"   # --profile's other stages
EXIT_OK, EXIT_STRICT, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 3, 5


class RunConfig(NamedTuple):
    inputs: Sequence[InputFile]
    rules: Rules
    output: str | None = "-"            # "-" stdout, a file, a directory when sharded, None: nowhere
    rejects: str | None = None
    options: RecordOptions = RecordOptions()
    limits: Limits = Limits()
    with_edits: bool = False
    jobs: int = 1
    strict: bool = False
    salvage: bool = False
    shard_size: ShardSize | None = None
    shard_suffix: str = ".jsonl"
    fingerprint: dict[str, Any] = {}
    resume: ShardState | None = None
    progress: bool = False
    manifest: str | None = None
    argv: Sequence[str] = ()


class RunResult(NamedTuple):
    summary: Summary
    exit_code: int
    outputs: list[dict[str, Any]]
    inputs: list[dict[str, Any]]
    seconds: float
    profile: dict[str, float] = {}      # seconds per step (summed over workers), READ, PARSE, SERIALISE, WRITE


class Batch(NamedTuple):
    file: int
    items: list[Item | Unparsed]          # JSONL lines are parsed in the worker


class FileEnd(NamedTuple):
    file: int
    failure: FileFailure | None


ItemResult = tuple[str, "str | None", DocStats]     # ("out" | "reject" | "blank", JSON line, stats)
WORKER: dict[str, Any] = {}    # the chain, set once per worker process by init_worker


def init_worker(rules: Rules, with_edits: bool, options: RecordOptions = RecordOptions()) -> None:
    WORKER["rules"], WORKER["with_edits"], WORKER["options"] = rules, with_edits, options


class BatchResult(NamedTuple):
    file: int
    results: list[ItemResult]
    seconds: dict[str, float]          # per step, PARSE and SERIALISE


def clean_batch(batch: Batch) -> BatchResult:
    """Runs in a worker: clean and serialise every item of one batch, timing each step."""
    seconds: dict[str, float] = {}
    results = clean_serialised(WORKER["rules"].steps, batch.items, WORKER["options"], WORKER["with_edits"], seconds)
    return BatchResult(batch.file, results, seconds)


def clean_serialised(steps: Sequence[Step], items: Sequence[Item | Unparsed], options: RecordOptions,
                     with_edits: bool, seconds: dict[str, float] | None = None) -> list[ItemResult]:
    """Parse the unparsed lines, clean every item, serialise the records: a batch's work in a
    worker (a local process, or a Ray actor). ``seconds`` gets PARSE, each step and SERIALISE."""
    timings = seconds if seconds is not None else {}
    started = time.perf_counter()
    parsed = [item.parse(options) if isinstance(item, Unparsed) else item for item in items]
    timings[PARSE] = time.perf_counter() - started
    cleaned = clean_items(steps, parsed, with_edits, timings)
    started = time.perf_counter()
    results = [(kind, None if record is None else dumps(record), stats) for kind, record, stats in cleaned]
    timings[SERIALISE] = time.perf_counter() - started
    return results


def batches(config: RunConfig, counters: list[CountingReader], seconds: dict[str, float]
            ) -> Iterator[Batch | Passthrough]:
    """Read every input into batches, skipping the records a resumed run already has;
    ``seconds[READ]`` adds up the time spent reading (not the time the consumer holds a batch)."""
    to_skip = config.resume.records_done if config.resume else 0
    seconds.setdefault(READ, 0.0)
    for index, source in enumerate(config.inputs):
        items: list[Item | Unparsed] = []
        size = 0
        started = time.perf_counter()
        try:
            for item in read_file_lines(source, config.options, config.limits, counters[index]):
                if to_skip:
                    to_skip -= 0 if isinstance(item, Blank) else 1
                    continue
                items.append(item)
                size += item_weight(item)
                if len(items) >= BATCH_ITEMS or size >= BATCH_BYTES:
                    seconds[READ] += time.perf_counter() - started
                    yield Batch(index, items)
                    started = time.perf_counter()
                    items, size = [], 0
            failure = None
        except FileFailure as error:
            failure = error
        seconds[READ] += time.perf_counter() - started
        if items:
            yield Batch(index, items)
        yield Passthrough(FileEnd(index, failure))


def item_weight(item: Item | Unparsed) -> int:
    """Bytes an item holds, roughly: its text, its string fields, a bad line's raw bytes."""
    if isinstance(item, Blank):
        return ITEM_OVERHEAD
    if isinstance(item, Unparsed):
        return ITEM_OVERHEAD + len(item.line)
    if isinstance(item, BadRecord):
        return ITEM_OVERHEAD + len(item.raw)
    return ITEM_OVERHEAD + len(item.text) + sum(len(v) for v in item.fields.values() if isinstance(v, str))


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

    def __init__(self, config: RunConfig, stdout: IO[str]) -> None:
        self.summary = Summary()
        if config.resume:
            self.summary.merge(config.resume.summary)
        self.sharded: ShardedSink | None = None
        self.out: Any = None
        self.rejects: Any = None
        self.extra: list[AtomicFile] = []
        if config.shard_size is not None:
            assert config.output not in (None, "-")
            self.sharded = ShardedSink(str(config.output), config.shard_size, config.shard_suffix,
                                       config.fingerprint, config.resume)
        else:
            self.out = open_sink(config.output, stdout)
            try:
                self.rejects = open_sink(config.rejects, stdout)
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
                       for sink in sinks if isinstance(sink, AtomicFile)]
        if manifest is not None:
            path, build = manifest
            document = AtomicFile(path)
            self.extra.append(document)
            sinks.append(document)
            document.write(json.dumps(build(outputs), ensure_ascii=False, indent=2) + "\n")
        commit_all(sinks)
        return outputs

    def abort(self) -> None:
        for sink in (self.sharded, self.out, self.rejects, *self.extra):
            if sink is not None:
                sink.abort()


def salvaged(result: ItemResult) -> ItemResult:
    kind, line, stats = result
    if line is None:
        return result
    record = json.loads(line)
    record["salvaged"] = True
    return kind, dumps(record), stats


def finish_file(writer: Writer, config: RunConfig, end: FileEnd, spool: Spool | None, compressed: bool,
                written: int) -> None:
    """Commit a spooled file's records, or roll them back (or salvage them) if it failed."""
    if end.failure is None or config.salvage:
        for result in spool.drain() if spool else ():
            writer.write(salvaged(result) if end.failure else result)
    if end.failure is not None:
        source = config.inputs[end.file].path
        held = spool.records if spool else 0
        reject: dict[str, Any] = {"stage": "file", "reason": end.failure.reason, "detail": end.failure.detail,
                                  "source": "<stdin>" if source == "-" else source}
        if not compressed:
            reject["records_already_written"] = written    # a plain input streams; it cannot be rolled back
        elif config.salvage:
            reject["records_salvaged"] = held
        else:
            reject["records_rolled_back"] = held
            if writer.sharded is not None:      # --resume skips them by count, so they count as done
                writer.sharded.records_done += held
        writer.write_file_error({"id": None, "reject": reject})


def run_clean(config: RunConfig, stdout: IO[str]) -> RunResult:
    """Clean every input into the sinks. Raises OutputError, KeyboardInterrupt or SystemExit,
    and then commits nothing."""
    started = time.monotonic()
    counters = [CountingReader() for _ in config.inputs]
    progress = Progress(sum(f.size or 0 for f in config.inputs) or None, enabled=config.progress)
    writer = Writer(config, stdout)
    profile: dict[str, float] = {step.id: 0.0 for step in config.rules.steps}
    try:
        spool: Spool | None = None
        written = 0                       # records of the current plain input already written
        for result in ordered_map(clean_batch, batches(config, counters, profile), config.jobs, init_worker,
                                  (config.rules, config.with_edits, config.options)):
            if isinstance(result, Passthrough):
                finish_file(writer, config, result.value, spool, counters[result.value.file].compression is not None,
                            written)
                spool, written = None, 0
                continue
            file_index, item_results, seconds = result
            for stage, spent in seconds.items():
                profile[stage] = profile.get(stage, 0.0) + spent
            writing = time.perf_counter()
            if spool is None and counters[file_index].compression is not None:
                spool = Spool()
            for item_result in item_results:
                if spool is not None:
                    spool.add(item_result)
                else:
                    writer.write(item_result)
                    written += item_result[0] != "blank"
            profile[WRITE] = profile.get(WRITE, 0.0) + time.perf_counter() - writing
            progress.update(writer.summary.documents_in + (spool.records if spool else 0),
                            sum(counter.count for counter in counters))
        inputs = input_records(config, counters)
        manifest = None
        if config.manifest:
            from .manifest import build_manifest

            def build(outputs: list[dict[str, Any]]) -> dict[str, Any]:
                return build_manifest(config.rules, writer.summary, inputs, outputs,
                                      time.monotonic() - started, config.jobs, list(config.argv), profile)
            manifest = (config.manifest, build)
        outputs = writer.commit(manifest)
    except BaseException:
        writer.abort()
        raise
    finally:
        progress.close()
    return RunResult(writer.summary, exit_code(writer.summary, config.strict), outputs, inputs,
                     time.monotonic() - started, profile)


def input_records(config: RunConfig, counters: list[CountingReader]) -> list[dict[str, Any]]:
    """What the manifest says of each input: bytes read and their SHA-256 (Parquet: the file's)."""
    records = []
    for source, counter in zip(config.inputs, counters, strict=True):
        if source.kind == "parquet":
            from .manifest import file_digest
            records.append({"path": source.path, "bytes_read": source.size, "sha256": file_digest(source.path),
                            "compression": None})
        else:
            records.append({"path": source.path, "bytes_read": counter.count, "sha256": counter.sha256.hexdigest(),
                            "compression": counter.compression})
    return records


def exit_code(summary: Summary, strict: bool) -> int:
    """5 (a cleaner crashed) > 3 (an input could not be read) > 1 (--strict, malformed input) > 0."""
    if any(reason.startswith("internal_error") for reason in summary.rejected):
        return EXIT_INTERNAL
    if summary.file_errors:
        return EXIT_INPUT
    if strict and any(reason in READ_REASONS for reason in summary.rejected):
        return EXIT_STRICT
    return EXIT_OK
