"""Run a document through the chain: the whole engine.

Each step sees the text the previous one produced; its edits are stamped with its id;
the first reject stops the chain. A cleaner that raises rejects that one document
(``internal_error:<Type>``) instead of taking the run down.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from ..core.document import Doc, Outcome, Rejection
from ..core.speed import shortcuts
from ..io.output import result_record
from ..io.records import BadRecord, Blank, Item
from ..rules.loader import Step
from .summary import DocStats

Observer = Callable[[Step, Doc, Doc], None]


def run_step(step: Step, text: str) -> Outcome | Exception:
    """One cleaner on one text; what it raises is returned, to reject that document alone."""
    try:
        outcome: Outcome = step.cleaner(text)
    except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
        return error
    return outcome


def run_step_batch(step: Step, texts: Sequence[str]) -> Sequence[Outcome | Exception]:
    """One cleaner on many texts: through its ``batch`` method when it has one (the language
    step is several times faster that way); if the batch raises, text by text, so that only
    the document at fault is rejected."""
    if step.traits.batched and len(texts) > 1 and shortcuts():
        try:
            outcomes: Sequence[Outcome] = step.cleaner.batch(texts)
        except Exception:  # noqa: BLE001 - find the document at fault below
            pass
        else:
            if len(outcomes) == len(texts):
                return outcomes
    return [run_step(step, text) for text in texts]


def after_step(step: Step, doc: Doc, outcome: Outcome | Exception) -> Doc:
    """The document once ``step`` has given its outcome: edits stamped, meta merged, reject set."""
    if isinstance(outcome, Exception):
        detail = f"{type(outcome).__name__}: {outcome}"
        return doc.replace(rejected=Rejection(step.id, f"internal_error:{type(outcome).__name__}", detail))
    changes: dict[str, Any] = {}
    if outcome.text is not doc.text:
        changes["text"] = outcome.text
    if outcome.edits:
        changes["edits"] = doc.edits + tuple(edit._replace(step=step.id) for edit in outcome.edits)
    if outcome.meta:
        changes["meta"] = {**doc.meta, **outcome.meta}
    if outcome.reject is not None:
        reason, detail = outcome.reject
        changes["rejected"] = Rejection(step.id, reason, detail)
    return doc.replace(**changes) if changes else doc


def apply_chain(steps: Sequence[Step], doc: Doc, observe: Observer | None = None) -> Doc:
    """The document after every step; ``observe(step, before, after)`` sees each step's work
    (``normalizer explain`` is built on it)."""
    for step in steps:
        before = doc
        doc = after_step(step, doc, run_step(step, doc.text))
        if observe is not None:
            observe(step, before, doc)
        if doc.rejected is not None:
            return doc
    return doc


def apply_chain_batch(steps: Sequence[Step], docs: Sequence[Doc], timings: dict[str, float] | None = None
                      ) -> list[Doc]:
    """:func:`apply_chain` on each document, run a step at a time across the batch: the same
    documents, faster. ``timings`` adds up the seconds each step took (``--profile``)."""
    if not shortcuts():                  # the reference: one document at a time, through every step
        return [apply_chain(steps, doc) for doc in docs]
    done = list(docs)
    for step in steps:
        live = [index for index, doc in enumerate(done) if doc.rejected is None]
        if not live:
            break
        started = time.perf_counter()
        outcomes = run_step_batch(step, [done[index].text for index in live])
        for index, outcome in zip(live, outcomes, strict=True):
            done[index] = after_step(step, done[index], outcome)
        if timings is not None:
            timings[step.id] = timings.get(step.id, 0.0) + time.perf_counter() - started
    return done


def clean_items(steps: Sequence[Step], items: Sequence[Item], with_edits: bool = False,
                timings: dict[str, float] | None = None) -> list[tuple[str, dict[str, Any] | None, DocStats]]:
    """Read items through the chain: ``("out" | "reject" | "blank", output record, stats)`` each."""
    docs = [item for item in items if not isinstance(item, (Blank, BadRecord))]
    cleaned = iter(apply_chain_batch(steps, docs, timings))
    results: list[tuple[str, dict[str, Any] | None, DocStats]] = []
    for item in items:
        if isinstance(item, Blank):
            results.append(("blank", None, DocStats(blank_lines=item.lines)))
        elif isinstance(item, BadRecord):
            results.append(("reject", item.as_json(), DocStats(item.reason)))
        else:
            result = next(cleaned)
            kind, record = result_record(item, result, with_edits)
            results.append((kind, record, DocStats.of_doc(result)))
    return results
