"""Parquet in and out (the optional ``[parquet]`` extra, pyarrow), streamed in row batches.

Rows become the same records a JSONL line would; the ``--text-field``/``--id-field``
options apply. Output columns are the output record's keys; values that are not
scalars (``changed_by``, ``edits``, nested input fields) are stored as JSON strings so
that every batch has the same schema.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..core.errors import MissingExtraError, OutputError
from .remote import is_remote
from .sources import FileFailure
from .sources import open_raw as remote_input

BATCH_ROWS = 1024
BINARY_MARK = "$base64"      # a binary value that is not UTF-8, kept as {"$base64": "…"}


def import_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtraError("parquet input/output", "pyarrow", "parquet") from None
    return pyarrow


def parquet_rows(path: str) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file as JSON-safe records, in order; raises FileFailure when the
    file cannot be read (after the rows read before)."""
    pyarrow = import_pyarrow()
    try:
        table = pyarrow.parquet.ParquetFile(remote_input(path) if is_remote(path) else path)
        for batch in table.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                yield json_safe(record)
    except (OSError, pyarrow.ArrowException) as error:
        raise FileFailure("corrupt_input", f"parquet: {error}") from None


def json_safe(record: dict[str, Any]) -> Any:
    """What a JSONL record can hold: dates and decimals as strings, NaN as null, and BINARY /
    LARGE_BINARY values (legacy Hive and Impala writers store text so) decoded as UTF-8, or,
    when they are not UTF-8, kept as ``{"$base64": "…"}``: never a Python ``b'…'`` repr."""
    def plain(value: Any) -> Any:
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, (bytes, bytearray, memoryview)):
            raw = bytes(value)
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                return {BINARY_MARK: base64.b64encode(raw).decode("ascii")}
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        return value
    text = json.dumps(plain(record), ensure_ascii=False, default=str)
    return json.loads(text, parse_constant=lambda name: None)


def is_binary_value(value: Any) -> bool:
    """A value :func:`json_safe` kept as base64 (bytes that are not UTF-8)."""
    return isinstance(value, dict) and list(value) == [BINARY_MARK]


class ParquetWriter:
    """Writes output records as Parquet; columns are fixed by the first batch."""

    def __init__(self, stream: BinaryIO, path: str = "") -> None:
        self.pyarrow = import_pyarrow()
        self.stream = stream
        self.path = path
        self.writer: Any = None
        self.columns: list[str] = []
        self.rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(record)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if self.writer is None:
            self.columns = list(dict.fromkeys(key for row in self.rows for key in row))
        extra = [key for row in self.rows for key in row if key not in self.columns]
        if extra:
            raise OutputError(self.path, f"records have fields the first {BATCH_ROWS} rows did not "
                                         f"({', '.join(sorted(set(extra)))}), which Parquet cannot add later")
        flat = [{key: row.get(key) if key == "lang_score" else cell(row.get(key)) for key in self.columns}
                for row in self.rows]
        schema = self.pyarrow.schema([(key, self.pyarrow.string()) if key not in ("lang_score",)
                                      else (key, self.pyarrow.float64()) for key in self.columns])
        try:
            table = self.pyarrow.Table.from_pylist(flat, schema=schema)
            if self.writer is None:
                self.writer = self.pyarrow.parquet.ParquetWriter(self.stream, schema)
            self.writer.write_table(table)
        except (ValueError, self.pyarrow.ArrowException) as error:
            raise OutputError(self.path, f"Parquet: {error}") from None
        self.rows = []

    def close(self) -> None:
        self.flush()
        if self.writer is not None:
            self.writer.close()

    def abandon(self) -> None:
        """A failed run's writer, let go before its file is closed and removed (pyarrow would
        otherwise try to finish the file when it is collected, and print a traceback)."""
        writer, self.writer, self.rows = self.writer, None, []
        if writer is not None:
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - the output is being thrown away
                pass


def cell(value: Any) -> Any:
    """Every column but lang_score is a string column: other values go in as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
