"""Serialise results: tidy JSONL for kept documents, reject records for the rest.

Key order is stable (``id``, ``text``, ``lang``, ``lang_score``, the input's other fields
unchanged, what cleaners added, ``changed_by``), UTF-8 without ``\\u`` escapes.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.document import Doc

OWN_KEYS = ("id", "text", "lang", "lang_score", "changed_by", "edits", "reject")


def doc_record(doc: Doc, with_edits: bool = False) -> dict[str, Any]:
    """The output object for a cleaned document.

    An input field whose name we also write (``lang``, say) is kept as ``input_lang``
    (``input_input_lang`` if that is taken too): no input value is ever dropped.
    """
    record: dict[str, Any] = {"id": doc.id, "text": doc.text,
                              "lang": doc.meta.get("lang"), "lang_score": doc.meta.get("lang_score")}
    for key, value in doc.fields.items():
        if key == "id" and isinstance(value, int) and not isinstance(value, bool) and str(value) == doc.id:
            record["id"] = value            # an integer id stays an integer (no new column, no input_id)
            continue
        name = key
        while name in record or name in OWN_KEYS or name in doc.meta or (name != key and name in doc.fields):
            name = f"input_{name}"
        record[name] = value
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


def result_record(original: Doc, result: Doc, with_edits: bool = False) -> tuple[str, dict[str, Any]]:
    """``("out", record)`` for a kept document, ``("reject", record)`` for a dropped one."""
    if result.rejected is None:
        return "out", doc_record(result, with_edits)
    return "reject", reject_record(original, result, with_edits)


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"
