"""Turn input files into documents: JSONL lines, ``.txt`` files, Parquet rows.

Bytes are read and decoded one line at a time, so one bad byte costs one record, not
the lines that shared its read-ahead buffer. Every physical line ends up as a document,
a :class:`BadRecord` with a reason, or a counted blank line: nothing is dropped silently.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..core.document import Doc
from ..core.errors import ReadFailure
from .binary import LINES_SAMPLE_BYTES, binary_reason
from .linereader import BlankRun, LongLine, read_lines
from .parquet import is_binary_value, parquet_rows
from .sources import (
    CountingReader,
    FileFailure,
    InputFile,
    Limits,
    expand_inputs,
    read_chunks,
    strip_compression_suffix,
)
from .textfiles import DecodeFailure, decode_document

MAX_DEPTH = 128
RAW_LIMIT = 4096
RE_SURROGATE = re.compile("[\ud800-\udfff]")
BOM = b"\xef\xbb\xbf"


class BadRecord(NamedTuple):
    """An input line (or a whole .txt file) that could not become a document, and why."""

    source: str
    line: int
    reason: str
    detail: str
    raw: bytes
    id: str | None = None
    offset: int | None = None
    size: int | None = None          # the record's full size, when ``raw`` is only its head

    def as_json(self) -> dict[str, Any]:
        reject: dict[str, Any] = {"stage": "read", "reason": self.reason, "detail": self.detail,
                                  "source": self.source, "line": self.line}
        if self.offset is not None:
            reject["byte_offset"] = self.offset
        record: dict[str, Any] = {"id": self.id, "reject": reject}
        if not self.raw:
            return record
        raw = self.raw[:RAW_LIMIT]
        try:
            record["raw"] = raw.decode("utf-8")
        except UnicodeDecodeError:
            record["raw_b64"] = base64.b64encode(raw).decode("ascii")
        if len(self.raw) > RAW_LIMIT or (self.size or 0) > len(raw):
            record["raw_truncated"] = True
        return record


class Blank(NamedTuple):
    """Blank lines in a JSONL file: counted, never records."""

    source: str
    line: int
    lines: int = 1


Item = Doc | BadRecord | Blank


class ReadOptions(NamedTuple):
    """How inputs are read: which fields hold the text and the id, the encoding of short legacy
    ``.txt`` files, and the limits that keep one bad input from exhausting the machine. Built
    once from the command line (or the API's arguments) and carried whole to the readers."""

    text_field: str = "text"
    id_field: str = "id"
    fallback_encoding: str | None = None
    limits: Limits = Limits()


DEFAULT_OPTIONS = ReadOptions()


class Unparsed(NamedTuple):
    """A JSONL line not parsed yet: ``clean`` lets its worker processes parse (:meth:`parse`),
    so that the main process only splits lines."""

    line: bytes
    source: str
    number: int
    offset: int
    id_base: str = ""

    def parse(self, options: ReadOptions) -> Doc | BadRecord:
        return parse_record(self.line, self.source, self.number, options, self.offset, self.id_base)


def parsed(items: Sequence[Item | Unparsed], options: ReadOptions) -> list[Item]:
    """JSONL lines parsed here, in the worker (the main process only splits lines)."""
    return [item.parse(options) if isinstance(item, Unparsed) else item for item in items]


def read_file(source: InputFile, options: ReadOptions = DEFAULT_OPTIONS, counter: CountingReader | None = None
              ) -> Iterator[Item]:
    """The items of one input file. Raises FileFailure (after the items read so far) when the
    file as a whole cannot be read: truncated, corrupt, over a limit, binary."""
    for item in read_file_lines(source, options, counter, defer_parsing=False):
        assert not isinstance(item, Unparsed)
        yield item


def read_file_lines(source: InputFile, options: ReadOptions = DEFAULT_OPTIONS, counter: CountingReader | None = None,
                    defer_parsing: bool = True) -> Iterator[Item | Unparsed]:
    """:func:`read_file`, with JSONL lines left :class:`Unparsed` for a worker to parse."""
    if source.kind == "parquet":
        yield from parquet_items(source.path, options, source.record_base)
    elif source.kind == "txt":
        yield read_text_file(source, options, counter)
    else:
        yield from jsonl_items(read_chunks(source.opened, options.limits, counter), source.name, options,
                               defer_parsing, source.record_base)


def parquet_items(path: str, options: ReadOptions, id_base: str = "") -> Iterator[Item]:
    """The rows of a Parquet file as documents, or BadRecords naming the field that is wrong."""
    for row, record in enumerate(parquet_rows(path), 1):
        item = record_to_item(record, path, row, options, id_base=id_base)
        if isinstance(item, BadRecord):
            item = item._replace(raw=json.dumps(record, ensure_ascii=False, default=str).encode())
        yield item


def read_inputs(inputs: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS,
                warnings: list[str] | None = None, failed_files_as_records: bool = False) -> Iterator[Item]:
    """Every item of files, directories and globs, in order (for the commands that only read).

    A file that cannot be read raises its ReadFailure (after the items read so far), or with
    ``failed_files_as_records`` becomes one BadRecord at line 0 and the next file is read.
    """
    for source in expand_inputs(inputs, warnings if warnings is not None else []):
        try:
            yield from read_file(source, options)
        except ReadFailure as failure:      # the file as a whole: truncated, corrupt, binary, too large
            if not failed_files_as_records:
                raise
            yield BadRecord(source.path, 0, failure.reason, failure.detail, b"")


def jsonl_items(chunks: Iterable[bytes], name: str, options: ReadOptions = DEFAULT_OPTIONS,
                defer_parsing: bool = False, id_base: str = "") -> Iterator[Item | Unparsed]:
    """JSONL records from decompressed bytes: one item per line, blank runs counted (a record
    without an id is named ``ID_BASE:LINE``, ``id_base`` defaulting to ``name``).

    A binary file (a magic number, UTF-16's NUL bytes, NULs on most of the first lines) is
    refused whole (``binary_file``); a line with NUL bytes is that line's bad record only.
    """
    limits = options.limits
    for piece in read_lines(refuse_binary(chunks), limits.max_line_bytes):
        if isinstance(piece, BlankRun):
            yield Blank(name, piece.number, piece.blank_lines)
        elif isinstance(piece, LongLine):
            yield BadRecord(name, piece.number, "line_too_long",
                            f"{piece.size} bytes, more than the {limits.max_line_bytes} allowed (--max-line-bytes)",
                            piece.head, offset=piece.offset, size=piece.size)
        else:
            line = piece.data[len(BOM):] if piece.data.startswith(BOM) else piece.data
            if not line.strip():
                yield Blank(name, piece.number)
            elif defer_parsing:
                yield Unparsed(line, name, piece.number, piece.offset, id_base)
            else:
                yield parse_record(line, name, piece.number, options, piece.offset, id_base)


def refuse_binary(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks, once the first 8 KiB show no binary file (:func:`~normalizer.io.binary.binary_reason`:
    a magic number, UTF-16's NULs, NULs on most lines); NULs in a few records cost those records only."""
    head = b""
    iterator = iter(chunks)
    failure: FileFailure | None = None
    try:
        for chunk in iterator:
            head += chunk
            if len(head) >= LINES_SAMPLE_BYTES:
                break
    except FileFailure as error:           # a damaged file: what was read before it still counts
        failure = error
    reason = binary_reason(head)
    if reason:
        raise FileFailure("binary_file", reason)
    if head:
        yield head
    if failure is not None:
        raise failure
    yield from iterator


def read_text_file(source: InputFile, options: ReadOptions, counter: CountingReader | None) -> Doc | BadRecord:
    """A ``.txt`` file is one document; its id is the file name without its extensions."""
    return text_from_chunks(read_chunks(source.opened, options.limits, counter), source.name, source.doc_id, options)


def text_from_chunks(chunks: Iterable[bytes], path: str, doc_id: str, options: ReadOptions) -> Doc | BadRecord:
    """The decompressed bytes of a ``.txt`` file as one document (``doc_id``: its path below the
    directory given, or "" for the file name without its extensions)."""
    kept: list[bytes] = []
    size = 0
    limits = options.limits
    for chunk in chunks:
        size += len(chunk)
        if size > limits.max_doc_bytes:
            raise FileFailure("document_too_large", f"more than {limits.max_doc_bytes} bytes (--max-doc-bytes)")
        kept.append(chunk)
    return text_document(b"".join(kept), path, doc_id or Path(strip_compression_suffix(path)).stem,
                         options.fallback_encoding)


def text_document(raw: bytes, source: str, doc_id: str, fallback: str | None) -> Doc | BadRecord:
    """The bytes of a text file (or of stdin) as one document, its encoding recorded; a binary
    file raises FileFailure, an undecodable or empty text is a BadRecord."""
    try:
        decoded = decode_document(raw, fallback)
    except DecodeFailure as failure:
        if failure.reason == "binary_file":
            raise FileFailure(failure.reason, failure.detail) from None
        return BadRecord(source, 1, failure.reason, failure.detail, raw, doc_id)
    text = decoded.text[:-1] if decoded.text.endswith("\n") else decoded.text   # the file's final newline
    if not text.strip():
        detail = "no text on stdin" if source == "<stdin>" else "the file holds no text"
        return BadRecord(source, 1, "empty_text", detail, raw, doc_id)
    meta: dict[str, Any] = {"encoding": decoded.encoding}
    if decoded.replaced:
        meta["invalid_bytes_replaced"] = decoded.replaced
    return Doc(doc_id, text.removesuffix("\r"), meta=meta, source=source, line=1)


class DuplicateTextKey(ValueError):
    pass


def reject_constant(name: str) -> Any:
    raise ValueError(f"non-finite number {name}")


def finite_float(text: str) -> float:
    """``1e400`` parses as infinity, which JSON cannot hold: reject it like ``NaN``."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"non-finite number {text} (too large for a float)")
    return value


def parse_record(line: bytes, source: str, number: int, options: ReadOptions,
                 offset: int | None = None, id_base: str = "") -> Doc | BadRecord:
    """One JSONL line -> a Doc, or a BadRecord naming what is wrong with it."""
    def bad(reason: str, detail: str, record_id: str | None = None) -> BadRecord:
        return BadRecord(source, number, reason, detail, line, record_id, offset)

    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return bad("invalid_utf8", f"{error.reason} at byte {error.start} of the line")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in items]
        if keys.count(options.text_field) > 1:
            raise DuplicateTextKey(f"duplicate key {options.text_field!r}")
        return dict(items)

    try:
        record = json.loads(decoded, object_pairs_hook=pairs, parse_constant=reject_constant,
                            parse_float=finite_float)
    except DuplicateTextKey as error:
        return bad(f"duplicate_key:{options.text_field}", str(error))
    except RecursionError:
        return bad("too_deep", "nested too deeply to parse")
    except ValueError as error:
        message = str(error)
        if message.startswith("non-finite"):
            return bad("non_finite_number", message)
        if "digits" in message:
            return bad("number_too_large", "an integer with more than 4300 digits")
        return bad("json_decode_error", message)
    return record_to_item(record, source, number, options, line, offset, id_base)


def record_to_item(record: Any, source: str, number: int, options: ReadOptions,
                   raw: bytes = b"", offset: int | None = None, id_base: str = "") -> Doc | BadRecord:
    """A parsed JSON value -> a Doc, or a BadRecord saying which field is wrong. A record
    without a usable id is named ``ID_BASE:NUMBER`` (``id_base`` defaulting to ``source``)."""
    def bad(reason: str, detail: str, record_id: str | None = None) -> BadRecord:
        return BadRecord(source, number, reason, detail, raw, record_id, offset)

    if not isinstance(record, dict):
        return bad("not_an_object", f"{json_type(record)}, not an object")
    if depth(record) > MAX_DEPTH:
        return bad("too_deep", f"nested more than {MAX_DEPTH} levels")
    record = repair_surrogates(record)
    record_id = record.get(options.id_field)
    usable_id = isinstance(record_id, (str, int)) and not isinstance(record_id, bool)
    doc_id = str(record_id) if usable_id else f"{id_base or source}:{number}"
    if options.text_field not in record:
        return bad("missing_text", f"no {options.text_field!r} field", doc_id)
    text = record[options.text_field]
    if is_binary_value(text):
        return bad("invalid_utf8", f"{options.text_field!r} holds bytes (a binary column) that are not UTF-8", doc_id)
    if not isinstance(text, str):
        return bad("text_not_string", f"{options.text_field!r} is {json_type(text)}, not a string", doc_id)
    if not text.strip():
        return bad("empty_text", f"{options.text_field!r} is empty", doc_id)
    # an id that is not a string (an integer, or one we cannot use) stays a field too: the output
    # writes an integer id back as the integer it was (1 and "1" stay apart), any other as input_id
    fields = {k: v for k, v in record.items()
              if k != options.text_field and (k != options.id_field or not isinstance(record_id, str))}
    return Doc(doc_id, text, fields=fields, source=source, line=number)


def json_type(value: Any) -> str:
    return {str: "a string", bool: "a boolean", int: "a number", float: "a number", list: "an array",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def depth(value: Any, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((depth(v, level + 1) for v in value), default=level)
    return level


def repair_surrogates(value: Any) -> Any:
    """JSON escapes can spell lone surrogates, which UTF-8 cannot hold: make them U+FFFD."""
    if isinstance(value, str):
        return RE_SURROGATE.sub("\ufffd", value) if RE_SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {repair_surrogates(k): repair_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repair_surrogates(v) for v in value]
    return value
