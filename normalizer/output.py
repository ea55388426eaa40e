"""Serialise results: tidy JSONL for kept documents, reject records for the rest.

Key order is stable (``id``, ``text``, ``lang``, ``lang_score``, the input's other fields
unchanged, what cleaners added, ``changed_by``), UTF-8 without ``\\u`` escapes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .document import Doc

OWN_KEYS = ("id", "text", "lang", "lang_score", "changed_by", "edits", "reject")


def doc_record(doc: Doc, with_edits: bool = False) -> dict[str, Any]:
    """The output object for a cleaned document.

    An input field whose name we also write (``lang``, say) is kept as ``input_lang``.
    """
    record: dict[str, Any] = {"id": doc.id, "text": doc.text,
                              "lang": doc.meta.get("lang"), "lang_score": doc.meta.get("lang_score")}
    for key, value in doc.fields.items():
        record[f"input_{key}" if key in OWN_KEYS or key in doc.meta else key] = value
    for key, value in doc.meta.items():
        if key not in record:
            record[key] = value
    record["changed_by"] = doc.changed_by()
    if with_edits:
        record["edits"] = [edit.as_json() for edit in doc.edits]
    return record


def reject_record(original: Doc, result: Doc, with_edits: bool = False) -> dict[str, Any]:
    """A dropped document, whole (its input text), with the step and the reason."""
    assert result.rejected is not None
    record = doc_record(result, with_edits)
    record["text"] = original.text
    record["reject"] = {"stage": "clean", "step": result.rejected.step, "reason": result.rejected.reason,
                        "detail": result.rejected.detail, "source": result.source, "line": result.line}
    return record


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


@contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """Write beside ``path`` and rename over it only if the block finishes without error.

    An interrupted or failed run leaves the previous file as it was and no temp file.
    """
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
