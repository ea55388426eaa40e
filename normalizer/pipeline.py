"""Run a document through the chain: the whole engine.

Each step sees the text the previous one produced; its edits are stamped with its id;
the first reject stops the chain. A cleaner that raises rejects that one document
(``internal_error:<Type>``) instead of taking the run down.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .document import Doc, Rejection
from .output import result_record
from .records import BadRecord, Blank, Item
from .rules import Step
from .summary import DocStats


Observer = Callable[[Step, Doc, Doc], None]


def apply_chain(steps: Sequence[Step], doc: Doc, observe: Observer | None = None) -> Doc:
    """The document after every step; ``observe(step, before, after)`` sees each step's work
    (``normalizer explain`` is built on it)."""
    for step in steps:
        before = doc
        try:
            out = step.cleaner(doc.text)
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
            detail = f"{type(error).__name__}: {error}"
            doc = doc.replace(rejected=Rejection(step.id, f"internal_error:{type(error).__name__}", detail))
        else:
            edits = doc.edits + tuple(edit._replace(step=step.id) for edit in out.edits)
            meta = {**doc.meta, **out.meta} if out.meta else doc.meta
            doc = doc.replace(text=out.text, edits=edits, meta=meta)
            if out.reject is not None:
                reason, detail = out.reject
                doc = doc.replace(rejected=Rejection(step.id, reason, detail))
        if observe is not None:
            observe(step, before, doc)
        if doc.rejected is not None:
            return doc
    return doc


def clean_item(steps: Sequence[Step], item: Item, with_edits: bool = False
               ) -> tuple[str, dict[str, Any] | None, DocStats]:
    """One read item through the chain: ``("out" | "reject" | "blank", output record, stats)``."""
    if isinstance(item, Blank):
        return "blank", None, DocStats(blank_lines=item.lines)
    if isinstance(item, BadRecord):
        return "reject", item.as_json(), DocStats(item.reason)
    result = apply_chain(steps, item)
    kind, record = result_record(item, result, with_edits)
    return kind, record, DocStats.of_doc(result)
