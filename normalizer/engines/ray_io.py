"""Reading and writing for the Ray engine: a datasource that reads inputs with normalizer's own
readers (so the limits and the magic-byte detection of a local run apply), and a datasink whose
write tasks write part files and return what they saw.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ..core.summary import Summary
from ..io.parquet import ParquetWriter, json_safe
from ..io.records import (
    BadRecord,
    Blank,
    Item,
    ReadOptions,
    Unparsed,
    jsonl_items,
    record_to_item,
    text_from_chunks,
)
from ..io.sources import FileFailure, kind_of, stream_chunks

READ_BLOCK_ROWS = 4096       # lines per block a read task hands on
BATCH_ROWS = 256             # records per batch through the chain (as a local run)
DATASET_SOURCE = "<dataset>"


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


def items_of_stream(stream: Any, path: str, options: ReadOptions, doc_id: str = "", id_base: str = ""
                    ) -> Iterator[Item | Unparsed | FileError]:
    """The read items of one input (any compression): JSONL lines unparsed, or a ``.txt`` file
    as one document (``doc_id``: as a local run names it). A file that cannot be read as a
    whole ends with a :class:`FileError`, after the records read before."""
    read = 0
    try:
        if kind_of(path) == "txt":
            yield text_from_chunks(stream_chunks(stream, options.limits), path, doc_id, options)
            return
        for item in jsonl_items(stream_chunks(stream, options.limits), path, options, defer_parsing=True,
                                id_base=id_base):
            read += not isinstance(item, Blank)
            yield item
    except FileFailure as failure:
        yield FileError(path, failure.reason, failure.detail, read)


def lines_datasource(paths: list[str], options: ReadOptions, doc_ids: dict[str, str] | None = None,
                     id_bases: dict[str, str] | None = None) -> Any:
    """A Ray datasource yielding the records of JSONL and ``.txt`` inputs as pickled items.
    ``doc_ids``: the id of each ``.txt`` file, by path; ``id_bases``: what names the id-less
    records of each file, by path, as a local run names them."""
    import pyarrow
    from ray.data.datasource import FileBasedDatasource

    class JsonlLines(FileBasedDatasource):
        def resolve_compression(self, path: str, open_args: dict[str, Any]) -> None:
            return None                     # the raw bytes: items_of_stream decompresses

        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            rows: list[bytes] = []
            named = (doc_ids or {}).get(path, ""), (id_bases or {}).get(path, "")
            for item in items_of_stream(f, path, options, *named):
                rows.append(pickle.dumps(item))
                if len(rows) >= READ_BLOCK_ROWS:
                    yield pyarrow.table({"item": pyarrow.array(rows, pyarrow.large_binary())})
                    rows = []
            if rows:
                yield pyarrow.table({"item": pyarrow.array(rows, pyarrow.large_binary())})

    return JsonlLines(paths)


def is_uri(path: str) -> bool:
    return "://" in path


def located(path: str) -> str:
    """A local path as the workers must see it (absolute: they do not share the driver's
    directory); a URI (``s3://…``) as it is."""
    return path if is_uri(path) else os.path.abspath(path)


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
            writer = ParquetWriter(out, path)
            for line in lines:
                writer.write(json.loads(line))
            writer.close()
        else:
            out.write("".join(lines).encode("utf-8", "surrogatepass"))
    filesystem.move(temporary, path)


# -- rows as items, and the actors that take them ---------------------------------------------------


def batch_items(batch: Any, options: ReadOptions) -> list[Item | Unparsed | FileError]:
    """A Ray batch as read items: an ``item`` column of pickled items (from :func:`lines_datasource`)
    or records, one column per field (Parquet, or a user's dataset)."""
    if "item" in batch.column_names:
        return [pickle.loads(raw) for raw in batch.column("item").to_pylist()]
    return list(records_as_items(batch.to_pylist(), options))


def records_as_items(records: Iterable[dict[str, Any]], options: ReadOptions) -> Iterator[Item]:
    """Rows of a dataset as read items. A row's number is not known across a cluster, so a row
    without an id (or with a null one: in a column, that is the same) gets ``<dataset>:`` and a
    digest of its text, the same on every run."""
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


def pickled_items(batch: Any, options: ReadOptions) -> dict[str, list[bytes]]:
    """Rows of records (Parquet) as the ``item`` column the read lines have, so that both kinds
    of input go through one pool of actors."""
    return {"item": [pickle.dumps(item) for item in records_as_items(batch.to_pylist(), options)]}


def actor_pool(actors: int | None) -> Any:
    """A pool of 1 to ``actors`` actors (default: one per CPU of the cluster)."""
    import ray
    cpus = ray.cluster_resources().get("CPU", 1)  # type: ignore[no-untyped-call]
    return ray.data.ActorPoolStrategy(min_size=1, max_size=actors or max(1, int(cpus)))
