"""The chain on one document (and on a batch of them, a step at a time): the whole engine.

Each step sees the text the previous one produced; its edits are stamped with its id;
the first reject stops the chain. A cleaner that raises rejects that one document
(``internal_error:<Type>``) instead of taking the run down. A step that learns from the
corpus acts with the state the runner learned for it (``Step.learned``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from ..core.document import Doc, Outcome, Rejection
from ..core.speed import shortcuts
from ..rules.loader import Step

Observer = Callable[[Step, Doc, Doc], None]


def run_step(step: Step, doc: Doc) -> Outcome | Exception:
    """One step on one document; what it raises is returned, to reject that document alone."""
    try:
        if step.traits.learns:
            outcome: Outcome = step.cleaner.apply(doc, learned_state(step))
        else:
            outcome = step.cleaner(doc.text)
    except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
        return error
    return outcome


def learned_state(step: Step) -> Any:
    if step.learned is None:
        raise ValueError(f"step {step.id!r} learns from the corpus, and nothing was learned for it: run the chain "
                         f"through normalizer's runner (normalizer.api.clean_records, normalizer clean …)")
    return step.learned


def run_step_batch(step: Step, docs: Sequence[Doc]) -> Sequence[Outcome | Exception]:
    """One step on many documents: through its ``batch`` method when it has one (the language
    step is several times faster that way); if the batch raises, document by document, so that
    only the document at fault is rejected."""
    if step.traits.batched and len(docs) > 1 and shortcuts():
        try:
            outcomes: Sequence[Outcome] = step.cleaner.batch([doc.text for doc in docs])
        except Exception:  # noqa: BLE001 - find the document at fault below
            pass
        else:
            if len(outcomes) == len(docs):
                return outcomes
    return [run_step(step, doc) for doc in docs]


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
        doc = after_step(step, doc, run_step(step, doc))
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
        outcomes = run_step_batch(step, [done[index] for index in live])
        for index, outcome in zip(live, outcomes, strict=True):
            done[index] = after_step(step, done[index], outcome)
        if timings is not None:
            timings[step.id] = timings.get(step.id, 0.0) + time.perf_counter() - started
    return done


def apply_chain_alone(steps: Sequence[Step], doc: Doc) -> Doc:
    """:func:`apply_chain` outside a corpus (a rule file's examples): a step that has not learned
    from a corpus learns from this one document, as it reaches the step."""
    for step in steps:
        if step.traits.learns and step.learned is None:
            cleaner = step.cleaner
            step = step._replace(learned=cleaner.merge(cleaner.nothing_learned(), cleaner.learn(doc)))
        doc = after_step(step, doc, run_step(step, doc))
        if doc.rejected is not None:
            return doc
    return doc


def apply_alone(step: Step, text: str) -> Outcome:
    """One step on one text, outside a corpus (rule examples, lint's prose): a step that learns
    from the corpus learns from this one document alone. Raises what the cleaner raises."""
    if not step.traits.learns:
        outcome: Outcome = step.cleaner(text)
        return outcome
    doc = Doc("example", text)
    cleaner = step.cleaner
    return cleaner.apply(doc, cleaner.merge(cleaner.nothing_learned(), cleaner.learn(doc)))  # type: ignore[no-any-return]
