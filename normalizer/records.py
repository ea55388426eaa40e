"""Read inputs into documents: ``.txt`` files, JSONL files, directories, stdin.

Bytes are read and decoded one line at a time, so one bad byte costs one record, not
the lines that shared its read-ahead buffer. Every physical line ends up as a document,
a :class:`BadRecord` with a reason, or a counted blank line: nothing is dropped silently.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from .document import Doc
from .errors import InputError

INPUT_SUFFIXES = (".txt", ".jsonl")
MAX_DEPTH = 128
RAW_LIMIT = 4096
RE_SURROGATE = re.compile("[\ud800-\udfff]")
BOM = b"\xef\xbb\xbf"


class BadRecord(NamedTuple):
    """An input line that could not become a document, and why."""

    source: str
    line: int
    reason: str
    detail: str
    raw: bytes
    id: str | None = None

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "reject": {
            "stage": "read", "reason": self.reason, "detail": self.detail,
            "source": self.source, "line": self.line}}
        if not self.raw:
            return record
        raw = self.raw[:RAW_LIMIT]
        try:
            record["raw"] = raw.decode("utf-8")
        except UnicodeDecodeError:
            record["raw_b64"] = base64.b64encode(raw).decode("ascii")
        if len(self.raw) > RAW_LIMIT:
            record["raw_truncated"] = True
        return record


class Blank(NamedTuple):
    """A blank line in a JSONL file: counted, never a record."""

    source: str
    line: int


Item = Doc | BadRecord | Blank


class RecordOptions(NamedTuple):
    text_field: str = "text"
    id_field: str = "id"


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files to read, in order: directories become their ``.txt``/``.jsonl`` files, sorted."""
    paths: list[str] = []
    for name in inputs:
        if name == "-":
            paths.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.suffix in INPUT_SUFFIXES and p.is_file())
            if not found:
                raise InputError(f"{name}: no .txt or .jsonl files in this directory")
            paths.extend(found)
        elif path.is_file():
            paths.append(name)
        else:
            raise InputError(f"{name}: no such file or directory")
    return paths


DEFAULT_OPTIONS = RecordOptions()


def read_inputs(inputs: Iterable[str], options: RecordOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    for name in expand_inputs(inputs):
        if name == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", options)
        elif name.endswith(".txt"):
            yield read_text_file(Path(name))
        else:
            try:
                with open(name, "rb") as stream:
                    yield from read_jsonl(stream, name, options)
            except OSError as error:
                raise InputError(f"{name}: {error.strerror}") from None


def read_text_file(path: Path) -> Doc | BadRecord:
    """A ``.txt`` file is one document; its id is the file name without the extension."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror}") from None
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return BadRecord(str(path), 1, "invalid_utf8", f"{error.reason} at byte {error.start}", raw, path.stem)
    if not text.strip():
        return BadRecord(str(path), 1, "empty_text", "the file holds no text", raw, path.stem)
    return Doc(path.stem, text, source=str(path), line=1)


def read_jsonl(stream: BinaryIO, source: str, options: RecordOptions) -> Iterator[Item]:
    for number, raw in enumerate(stream, 1):
        line = raw[:-1] if raw.endswith(b"\n") else raw
        if line.endswith(b"\r"):
            line = line[:-1]
        if line.startswith(BOM):
            line = line[len(BOM):]
        if not line.strip():
            yield Blank(source, number)
            continue
        yield parse_record(line, source, number, options)


class DuplicateTextKey(ValueError):
    pass


def reject_constant(name: str) -> Any:
    raise ValueError(f"non-finite number {name}")


def parse_record(line: bytes, source: str, number: int, options: RecordOptions) -> Doc | BadRecord:
    """One JSONL line -> a Doc, or a BadRecord naming what is wrong with it."""
    def bad(reason: str, detail: str, record_id: str | None = None) -> BadRecord:
        return BadRecord(source, number, reason, detail, line, record_id)

    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return bad("invalid_utf8", f"{error.reason} at byte {error.start}")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in items]
        if keys.count(options.text_field) > 1:
            raise DuplicateTextKey(f"duplicate key {options.text_field!r}")
        return dict(items)

    try:
        record = json.loads(decoded, object_pairs_hook=pairs, parse_constant=reject_constant)
    except DuplicateTextKey as error:
        return bad(f"duplicate_key:{options.text_field}", str(error))
    except RecursionError:
        return bad("too_deep", "nested too deeply to parse")
    except ValueError as error:
        message = str(error)
        if message.startswith("non-finite"):
            return bad("non_finite_number", message)
        if "digits" in message:
            return bad("number_too_large", message)
        return bad("json_decode_error", message)
    return record_to_item(record, source, number, options, line)


def record_to_item(record: Any, source: str, number: int, options: RecordOptions,
                   raw: bytes = b"") -> Doc | BadRecord:
    """A parsed JSON value -> a Doc, or a BadRecord saying which field is wrong."""
    def bad(reason: str, detail: str, record_id: str | None = None) -> BadRecord:
        return BadRecord(source, number, reason, detail, raw, record_id)

    if not isinstance(record, dict):
        return bad("not_an_object", f"a JSON {type(record).__name__}, not an object")
    if depth(record) > MAX_DEPTH:
        return bad("too_deep", f"nested more than {MAX_DEPTH} levels")
    record_id = record.get(options.id_field)
    doc_id = str(record_id) if isinstance(record_id, (str, int)) and not isinstance(record_id, bool) \
        else f"{source}:{number}"
    if options.text_field not in record:
        return bad("missing_text", f"no {options.text_field!r} field", doc_id)
    text = record[options.text_field]
    if not isinstance(text, str):
        return bad("text_not_string", f"{options.text_field!r} is a {type(text).__name__}", doc_id)
    record = repair_surrogates(record)
    text = record[options.text_field]
    if not text.strip():
        return bad("empty_text", f"{options.text_field!r} is empty", doc_id)
    fields = {k: v for k, v in record.items() if k not in (options.text_field, options.id_field)}
    return Doc(doc_id, text, fields=fields, source=source, line=number)


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
