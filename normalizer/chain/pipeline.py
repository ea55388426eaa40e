"""The chain on one document (and on a batch of them, a step at a time): the whole engine.

Each step sees the text the previous one produced; its edits are stamped with its id;
the first reject stops the chain. A cleaner that raises rejects that one document
(``internal_error:<Type>``) instead of taking the run down. A step that learns from the
corpus acts with the state the runner learned for it (``Step.learned``).

The chain runs until the text settles: a step sees the text as the steps before it left it,
so a line removed late can expose one an earlier step would have removed ("© 2024 Le Monde"
is page chrome at the end of a document, not above a ``ttn-fr-34`` that goes later). The
steps up to the last one that changed the text run again (a repeatable step, a filter, a
label; see :attr:`~normalizer.core.cleaner.Traits.reruns`), and the rest of the chain after
the first change of a round, until a round changes nothing: cleaning the result again then
changes nothing. A step that learns from the corpus cuts the chain in parts that settle
apart, so that it learns from the text it will act on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from ..core.cleaner import learn_in_passes
from ..core.document import Doc, Outcome, Rejection
from ..core.speed import shortcuts
from ..rules.loader import Step

Observer = Callable[[Step, Doc, Doc, int], None]      # step, before, after, round (from 1)
RE_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
RE_BLANK_RUN = re.compile(r"\n{3,}")
MAX_ROUNDS = 4        # rounds of a part of the chain; the shipped rules settle in two (one to confirm)


def run_step(step: Step, doc: Doc) -> Outcome | Exception:
    """One step on one document; what it raises is returned, to reject that document alone."""
    try:
        if step.traits.learns:
            outcome: Outcome = step.cleaner.apply(doc, learned_state(step))
        elif step.traits.whole_document:
            outcome = step.cleaner.apply_to(doc)
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
    if step.traits.batched and not step.traits.whole_document and len(docs) > 1 and shortcuts():
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


def parts(steps: Sequence[Step]) -> list[Sequence[Step]]:
    """The chain cut around its learning steps: each part settles apart, a learning step alone."""
    cut: list[Sequence[Step]] = []
    start = 0
    for index, step in enumerate(steps):
        if step.traits.learns:
            cut += [steps[start:index], [step]]
            start = index + 1
    return [part for part in [*cut, steps[start:]] if part]


class Changes:
    """Tells whether a step changed what the steps judge. A change of layout alone (the blank
    lines and trailing spaces a removal leaves, which ``tidy_text`` takes out) calls for no new
    round: the steps look at lines, blank lines aside, and at paragraphs, however many blank
    lines part them. Each document's folded text is kept, so that it is folded once a change."""

    def __init__(self) -> None:
        self.folded: dict[int, str] = {}

    def judged(self, key: int, before: Doc, after: Doc) -> bool:
        if after.text is before.text or after.text == before.text:
            return False
        old = self.folded.get(key)
        new = self.folded[key] = layout_free(after.text)
        return new != (layout_free(before.text) if old is None else old)


def layout_free(text: str) -> str:
    """The text with its layout folded: trailing spaces out, blank runs as one blank line, no
    blank lines at either end."""
    return RE_BLANK_RUN.sub("\n\n", RE_TRAILING_SPACE.sub("", text)).strip("\n")


def runs_in_round(step: Step, index: int, round_: int, limit: int, changed_yet: bool) -> bool:
    """Does ``step`` (at ``index`` of its part) run in this round for a document whose last
    round changed its text last at ``limit - 1``, and whose text this round changed yet or not?"""
    return round_ == 0 or (step.traits.reruns and (changed_yet or index < limit))


def apply_chain(steps: Sequence[Step], doc: Doc, observe: Observer | None = None) -> Doc:
    """The document after every step, settled; ``observe(step, before, after, round)`` sees each
    step's work, in every round (``normalizer explain`` is built on it)."""
    for part in parts(steps):
        doc = settle(part, doc, observe)
        if doc.rejected is not None:
            return doc
    return doc


def settle(steps: Sequence[Step], doc: Doc, observe: Observer | None = None) -> Doc:
    """One part of the chain on one document, round after round until its text settles."""
    limit = len(steps)
    changes = Changes()
    for round_ in range(MAX_ROUNDS):
        last = -1
        for index, step in enumerate(steps):
            if not runs_in_round(step, index, round_, limit, last >= 0):
                continue
            before = doc
            doc = after_step(step, doc, run_step(step, doc))
            if observe is not None:
                observe(step, before, doc, round_ + 1)
            if doc.rejected is not None:
                return doc
            if changes.judged(0, before, doc):
                last = index
        if last < 0:
            return doc
        limit = last + 1
    return doc


def apply_chain_batch(steps: Sequence[Step], docs: Sequence[Doc], timings: dict[str, float] | None = None
                      ) -> list[Doc]:
    """:func:`apply_chain` on each document, run a step at a time across the batch: the same
    documents, faster. ``timings`` adds up the seconds each step took (``--profile``)."""
    if not shortcuts():                  # the reference: one document at a time, through every step
        return [apply_chain(steps, doc) for doc in docs]
    done = list(docs)
    for part in parts(steps):
        settle_batch(part, done, timings)
    return done


def settle_batch(steps: Sequence[Step], done: list[Doc], timings: dict[str, float] | None) -> None:
    """:func:`settle` on every live document of ``done`` (replaced in place), a step at a time."""
    waiting = [index for index, doc in enumerate(done) if doc.rejected is None]
    limits = dict.fromkeys(waiting, len(steps))
    changes = Changes()
    for round_ in range(MAX_ROUNDS):
        if not waiting:
            return
        last = dict.fromkeys(waiting, -1)
        for position, step in enumerate(steps):
            live = [index for index in waiting if done[index].rejected is None
                    and runs_in_round(step, position, round_, limits[index], last[index] >= 0)]
            if not live:
                continue
            started = time.perf_counter()
            outcomes = run_step_batch(step, [done[index] for index in live])
            for index, outcome in zip(live, outcomes, strict=True):
                before = done[index]
                done[index] = after_step(step, before, outcome)
                if changes.judged(index, before, done[index]):
                    last[index] = position
            if timings is not None:
                timings[step.id] = timings.get(step.id, 0.0) + time.perf_counter() - started
        waiting = [index for index in waiting if done[index].rejected is None and last[index] >= 0]
        limits = {index: last[index] + 1 for index in waiting}


def apply_chain_alone(steps: Sequence[Step], doc: Doc) -> Doc:
    """:func:`apply_chain` outside a corpus (a rule file's examples): a step that has not learned
    from a corpus learns from this one document, as it reaches the step."""
    for part in parts(steps):
        step = part[0]
        if step.traits.learns and step.learned is None:
            part = [step._replace(learned=learned_alone(step.cleaner, doc))]
        doc = settle(part, doc)
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
    return step.cleaner.apply(doc, learned_alone(step.cleaner, doc))  # type: ignore[no-any-return]


def learned_alone(cleaner: Any, doc: Doc) -> Any:
    """What a step that learns from the corpus learns from one document alone."""
    def one_pass(earlier: Any) -> Any:
        return cleaner.merge(cleaner.nothing_learned(), cleaner.learn(doc) if earlier is None
                             else cleaner.learn(doc, earlier))
    return learn_in_passes(cleaner, one_pass, [doc.source])
