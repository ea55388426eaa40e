"""The same chain on Ray Data, for corpora larger than one machine.

``normalizer clean INPUT… --engine ray`` reads the inputs with Ray Data, cleans them in a
pool of Ray actors (each unpickles the rules once, then takes batch after batch) and writes
the cleaned records and the rejects as part files into two folders, from the workers.
Each record is written exactly as a local run writes it; only the order differs.

:func:`clean_dataset` is the same for a pipeline already on Ray Data, and
:func:`clean_frames` for Spark's ``mapInPandas``.

Needs the ``ray`` extra: ``pip install "corpus-normalizer[ray]"``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ..chain.summary import Summary
from ..core.errors import MissingExtraError
from ..io.output import dumps
from ..io.records import (
    BadRecord,
    Blank,
    Item,
    RecordOptions,
    Unparsed,
    jsonl_items,
    record_to_item,
    text_from_chunks,
)
from ..io.sources import FileFailure, Limits, kind_of, stream_chunks
from ..rules.loader import Rules
from ..run.runner import clean_serialised

BATCH_ROWS = 256             # records per batch through the chain (as a local run)
READ_BLOCK_ROWS = 4096       # lines per block a read task hands on
DATASET_SOURCE = "<dataset>"


def import_ray() -> Any:
    """``ray`` with Ray Data, or the error that says how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise MissingExtraError("the Ray engine", "ray", "ray") from None
    return ray


# -- the chain, in an actor ---------------------------------------------------------------------------


class FileError(NamedTuple):
    """A whole input that could not be read, carried to the writers as a row like any other."""

    source: str
    reason: str
    detail: str
    records_read: int

    def record(self) -> dict[str, Any]:
        """The reject a local run writes for an unreadable plain file."""
        return {"id": None, "reject": {"stage": "file", "reason": self.reason, "detail": self.detail,
                                       "source": self.source, "records_already_written": self.records_read}}


class CleanBatch:
    """The chain in a Ray actor. Ray builds one per actor: the rules are unpickled once
    there, with their compiled patterns and language profiles, not once per batch.

    A batch is either read lines (an ``item`` column of pickled items, from
    :class:`JsonlLines`) or records (one column per field, from Parquet or a user's
    dataset). Out come ``kind`` (``out``, ``reject``, ``blank``, ``file``), ``line`` (the
    JSON line a local run writes) and ``stats`` (for the summary).
    """

    def __init__(self, rules: Rules, options: RecordOptions, with_edits: bool = False) -> None:
        self.steps = rules.steps
        self.options = options
        self.with_edits = with_edits

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        if "item" in batch.column_names:
            items: list[Item | Unparsed | FileError] = [pickle.loads(raw) for raw in batch.column("item").to_pylist()]
        else:
            items = list(records_as_items(batch.to_pylist(), self.options))
        kinds: list[str] = []
        lines: list[str] = []
        stats: list[bytes] = []
        readable: list[Item | Unparsed] = []
        for item in items:
            if isinstance(item, FileError):
                kinds.append("file")
                lines.append(dumps(item.record()))
                stats.append(b"")
            else:
                readable.append(item)
        for kind, line, doc_stats in clean_serialised(self.steps, readable, self.options, self.with_edits):
            kinds.append(kind)
            lines.append(line or "")
            stats.append(pickle.dumps(doc_stats))
        return {"kind": kinds, "line": lines, "stats": stats}


def pickled_items(batch: Any, options: RecordOptions) -> dict[str, list[bytes]]:
    """Rows of records (Parquet) as the ``item`` column the read lines have, so that both kinds
    of input go through one pool of cleaning actors."""
    return {"item": [pickle.dumps(item) for item in records_as_items(batch.to_pylist(), options)]}


def records_as_items(records: Iterable[dict[str, Any]], options: RecordOptions) -> Iterator[Item]:
    """Rows of a dataset as read items. A row's number is not known across a cluster, so a row
    without an id (or with a null one: in a column, that is the same) gets ``<dataset>:`` and a
    digest of its text, the same on every run."""
    from ..io.parquet import json_safe
    for number, record in enumerate(records, 1):
        safe = json_safe(record)
        named = safe
        text = safe.get(options.text_field)
        if safe.get(options.id_field) is None and isinstance(text, str):
            digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            named = {options.id_field: f"{DATASET_SOURCE}:{digest}", **{k: v for k, v in safe.items()
                                                                        if k != options.id_field}}
        item = record_to_item(named, DATASET_SOURCE, number, options)
        if isinstance(item, BadRecord):
            item = item._replace(raw=json.dumps(safe, ensure_ascii=False).encode())
        yield item


# -- reading JSONL ------------------------------------------------------------------------------------


def items_of_stream(stream: Any, path: str, options: RecordOptions, limits: Limits, doc_id: str = ""
                    ) -> Iterator[Item | Unparsed | FileError]:
    """The read items of one input (any compression): JSONL lines unparsed, or a ``.txt`` file
    as one document (``doc_id``: as a local run names it). A file that cannot be read as a
    whole ends with a :class:`FileError`, after the records read before."""
    read = 0
    try:
        if kind_of(path) == "txt":
            yield text_from_chunks(stream_chunks(stream, limits), path, doc_id, options, limits)
            return
        for item in jsonl_items(stream_chunks(stream, limits), path, options, limits, defer_parsing=True):
            read += not isinstance(item, Blank)
            yield item
    except FileFailure as failure:
        yield FileError(path, failure.reason, failure.detail, read)


def lines_datasource(paths: list[str], options: RecordOptions, limits: Limits,
                     doc_ids: dict[str, str] | None = None) -> Any:
    """A Ray datasource yielding the records of JSONL and ``.txt`` inputs as pickled items
    (decompressed here, not by Arrow, so that the limits and the magic-byte detection of a
    local run apply). ``doc_ids``: the id of each ``.txt`` file, by path."""
    import pyarrow
    from ray.data.datasource import FileBasedDatasource

    class JsonlLines(FileBasedDatasource):
        def resolve_compression(self, path: str, open_args: dict[str, Any]) -> None:
            return None                     # the raw bytes: items_of_stream decompresses

        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            rows: list[bytes] = []
            for item in items_of_stream(f, path, options, limits, (doc_ids or {}).get(path, "")):
                rows.append(pickle.dumps(item))
                if len(rows) >= READ_BLOCK_ROWS:
                    yield pyarrow.table({"item": pyarrow.array(rows, pyarrow.large_binary())})
                    rows = []
            if rows:
                yield pyarrow.table({"item": pyarrow.array(rows, pyarrow.large_binary())})

    return JsonlLines(paths)


# -- writing ------------------------------------------------------------------------------------------


def part_name(task_index: int, suffix: str) -> str:
    """Named by the write task alone: a task Ray retries writes the same names again, never a
    second copy of its records."""
    return f"part-{task_index:05d}{suffix}"


def output_sink(output: str, rejects: str | None) -> Any:
    """A Ray datasink: each write task writes its cleaned records and rejects as part files
    (``part-00003.jsonl``; ``.parquet`` when the output folder ends in ``.parquet``)
    and returns what it saw; the driver merges those into one summary."""
    from ray.data.datasource import Datasink

    parquet = output.rstrip("/").endswith(".parquet")

    class OutputSink(Datasink[Summary]):
        def __init__(self) -> None:
            self.summary = Summary()

        def on_write_start(self, schema: Any = None) -> None:
            for folder in (output, rejects):
                if folder:
                    filesystem, path = filesystem_of(folder)
                    filesystem.create_dir(path, recursive=True)

        def write(self, blocks: Iterable[Any], ctx: Any) -> Summary:
            summary = Summary()
            kept: list[str] = []
            dropped: list[str] = []
            for block in blocks:
                columns = block.to_pydict()
                for kind, line, stats in zip(columns["kind"], columns["line"], columns["stats"], strict=True):
                    if kind == "file":
                        summary.file_errors.append(json.loads(line)["reject"])
                        dropped.append(line)
                        continue
                    summary.add(pickle.loads(stats))
                    if kind == "out":
                        kept.append(line)
                    elif kind == "reject":
                        dropped.append(line)
            if kept:
                write_part(output, part_name(ctx.task_idx, ".parquet" if parquet else ".jsonl"), kept, parquet)
            if dropped and rejects:
                write_part(rejects, part_name(ctx.task_idx, ".jsonl"), dropped, False)
            return summary

        def on_write_complete(self, result: Any) -> None:
            returns = getattr(result, "write_returns", result)
            for part in returns:
                self.summary.merge(part)

    return OutputSink()


def filesystem_of(folder: str) -> tuple[Any, str]:
    """The Arrow filesystem holding ``folder`` (local, s3://, gs://, hdfs:// …) and its path there."""
    import pyarrow.fs
    return pyarrow.fs.FileSystem.from_uri(folder)  # type: ignore[no-any-return]


def write_part(folder: str, name: str, lines: Sequence[str], parquet: bool) -> None:
    """One part file, written under a temporary name and then moved: a retried task never leaves
    half a file (on object stores, where a move is a copy, the upload is whole or absent anyway)."""
    filesystem, base = filesystem_of(folder)
    temporary, path = f"{base}/.{name}.tmp", f"{base}/{name}"
    with filesystem.open_output_stream(temporary) as out:
        if parquet:
            from ..io.parquet import ParquetWriter
            writer = ParquetWriter(out, path)
            for line in lines:
                writer.write(json.loads(line))
            writer.close()
        else:
            out.write("".join(lines).encode("utf-8", "surrogatepass"))
    filesystem.move(temporary, path)


# -- the entry points ---------------------------------------------------------------------------------


def clean_lines(ds: Any, rules: Rules, options: RecordOptions, with_edits: bool = False,
                actors: int | None = None) -> Any:
    """``ds`` through the chain in a pool of 1 to ``actors`` actors (default: one per CPU of the
    cluster): a dataset of ``kind``, ``line``, ``stats`` rows."""
    import ray
    cpus = ray.cluster_resources().get("CPU", 1)  # type: ignore[no-untyped-call]
    pool = ray.data.ActorPoolStrategy(min_size=1, max_size=actors or max(1, int(cpus)))
    return ds.map_batches(CleanBatch, fn_constructor_args=(rules, options, with_edits), batch_size=BATCH_ROWS,
                          batch_format="pyarrow", compute=pool)


def clean_dataset(ds: Any, rules: Rules, *, text_field: str = "text", id_field: str = "id",
                  with_edits: bool = False, actors: int | None = None) -> tuple[Any, Any]:
    """Clean a Ray dataset of records; return ``(cleaned, rejected)`` datasets of records as
    :func:`normalizer.api.clean_records` gives them (rejects carry a ``reject`` object).

    The cleaning runs once: its result is materialised (in Ray's object store, which spills
    to disk) and both datasets are read from it.

    Example (the README has more)::

        cleaned, rejected = clean_dataset(ray.data.read_parquet("s3://bucket/news/"), load_rules())
        cleaned.write_parquet("s3://bucket/news-clean/")
    """
    import_ray()
    done = clean_lines(ds, rules, RecordOptions(text_field, id_field), with_edits, actors).materialize()
    return (done.map_batches(as_records, fn_kwargs={"kind": "out"}, batch_format="pyarrow"),
            done.map_batches(as_records, fn_kwargs={"kind": "reject"}, batch_format="pyarrow"))


def as_records(batch: Any, kind: str) -> Any:
    """The ``line`` of the rows of one ``kind`` back into record columns (the fields of all rows;
    missing ones null)."""
    import pyarrow
    records = [json.loads(line) for line, of in zip(batch.column("line").to_pylist(), batch.column("kind").to_pylist(),
                                                    strict=True) if of == kind]
    names = list(dict.fromkeys(key for record in records for key in record))
    columns = {}
    for name in names:
        values = [record.get(name) for record in records]
        try:
            columns[name] = pyarrow.array(values)
        except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):   # mixed types: kept as JSON text
            columns[name] = pyarrow.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values])
    return pyarrow.table(columns) if names else pyarrow.table({"id": pyarrow.array([], pyarrow.string())})


def clean_frames(frames: Iterable[Any], rules: Rules, *, text_field: str = "text", id_field: str = "id",
                 keep: str = "out") -> Iterator[Any]:
    """For Spark's ``mapInPandas``: pandas DataFrames of records in, the cleaned records out
    (``keep="reject"``: the rejects instead). Non-scalar values come out as JSON text, so that
    the output fits a fixed Spark schema."""
    import pandas
    import pyarrow

    batch = CleanBatch(rules, RecordOptions(text_field, id_field))
    for frame in frames:
        result = batch(pyarrow.Table.from_pandas(frame, preserve_index=False))
        rows = [json.loads(line) for kind, line in zip(result["kind"], result["line"], strict=True) if kind == keep]
        yield pandas.DataFrame([{key: flat(value) for key, value in row.items()} for row in rows])


def flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
