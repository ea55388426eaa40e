"""What a worker does with one batch: the tasks an engine runs, wherever it runs them.

A task is a picklable callable, built once per run and given to every worker (a local
process, a Ray actor, or this process) with the chain inside it; each call takes one
:class:`~normalizer.io.corpus.Batch` and returns a small, picklable result for the main
process. ``clean`` serialises records in the worker; a learning pass returns the state its
batch taught; ``check`` measures (:mod:`normalizer.quality.measures`); ``explain`` keeps
the whole story of each document (:mod:`normalizer.review.explain`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from ..core.cleaner import learn_in_passes
from ..core.document import Doc
from ..core.errors import UsageError
from ..core.summary import DocStats
from ..io import midway
from ..io.corpus import Batch
from ..io.output import dumps, result_record
from ..io.records import BadRecord, Blank, Item, ReadOptions, parsed
from ..rules.loader import Rules, Step
from .pipeline import apply_chain_batch

R_co = TypeVar("R_co", covariant=True)
PARSE, SERIALISE = "(parse)", "(serialise)"      # --profile's stages besides the steps


class Task(Protocol[R_co]):
    """One batch in, one picklable result out."""

    def __call__(self, batch: Batch) -> R_co: ...


def documents(items: Sequence[Item]) -> list[Doc]:
    return [item for item in items if isinstance(item, Doc)]


ItemResult = tuple[str, "str | None", DocStats]     # ("out" | "reject" | "blank", JSON line, stats)


class BatchResult(NamedTuple):
    file: int
    results: list[ItemResult]
    seconds: dict[str, float]          # per step, PARSE and SERIALISE
    read_to: int = 0                   # bytes of the file read when its batch was cut


def batch_items(batch: Batch, options: ReadOptions) -> tuple[list[Item], list[Doc], int]:
    """A batch's items, its documents, and how many steps of the chain these have been through:
    none when the batch was read from the inputs, the steps before a learning step when a
    learning pass kept it (:mod:`normalizer.io.midway`)."""
    if batch.midway is not None:
        items, docs = midway.load(batch.midway)
        return items, docs, batch.midway.done
    items = parsed(batch.items, options)
    return items, documents(items), 0


def clean_items(steps: Sequence[Step], items: Sequence[Item], with_edits: bool = False,
                timings: dict[str, float] | None = None, docs: Sequence[Doc] | None = None
                ) -> list[tuple[str, dict[str, Any] | None, DocStats]]:
    """Read items through the chain: ``("out" | "reject" | "blank", output record, stats)`` each.
    ``docs``: the items' documents part-way through the chain, ``steps`` the rest of it."""
    cleaned = iter(apply_chain_batch(steps, documents(items) if docs is None else docs, timings))
    results: list[tuple[str, dict[str, Any] | None, DocStats]] = []
    for item in items:
        if isinstance(item, Blank):
            results.append(("blank", None, DocStats(blank_lines=item.lines)))
        elif isinstance(item, BadRecord):
            results.append(("reject", item.as_json(), DocStats.of_bad_record(item.reason)))
        else:
            result = next(cleaned)
            kind, record = result_record(item, result, with_edits)
            results.append((kind, record, DocStats.of_doc(result)))
    return results


@dataclasses.dataclass(frozen=True)
class CleanTask:
    """Parse, clean and serialise a batch: what ``clean`` runs in its workers and Ray actors."""

    steps: tuple[Step, ...]
    options: ReadOptions = ReadOptions()
    with_edits: bool = False

    def __call__(self, batch: Batch) -> BatchResult:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        items, docs, done = batch_items(batch, self.options)
        timings[PARSE] = time.perf_counter() - started
        cleaned = clean_items(self.steps[done:], items, self.with_edits, timings, docs)
        started = time.perf_counter()
        results = [(kind, None if record is None else dumps(record), stats) for kind, record, stats in cleaned]
        timings[SERIALISE] = time.perf_counter() - started
        return BatchResult(batch.file, results, timings, batch.read_to)


@dataclasses.dataclass(frozen=True)
class RecordsTask:
    """Clean a batch into output records (dicts, not yet JSON): the Python API's task."""

    steps: tuple[Step, ...]
    options: ReadOptions = ReadOptions()
    with_edits: bool = False

    def __call__(self, batch: Batch) -> list[tuple[str, dict[str, Any] | None, DocStats]]:
        items, docs, done = batch_items(batch, self.options)
        return clean_items(self.steps[done:], items, self.with_edits, docs=docs)


@dataclasses.dataclass(frozen=True)
class LearnTask:
    """A learning pass over one batch: the documents as they reach ``step`` (the steps before it
    applied), and what they teach it, merged into one state. With ``keep_in`` (a folder), the
    batch is also kept there as it reached the step, and the result is a :class:`~normalizer.io.midway.Kept`."""

    before: tuple[Step, ...]
    step: Step
    options: ReadOptions = ReadOptions()
    earlier: Any = None           # a further pass: what the passes before it learned
    keep_in: str | None = None

    def __call__(self, batch: Batch) -> Any:
        cleaner = self.step.cleaner
        state = cleaner.nothing_learned()
        items, docs, done = batch_items(batch, self.options)
        wants = getattr(cleaner, "wants", None)
        if self.earlier is not None and callable(wants):      # a further pass may need few documents
            docs = [doc for doc in docs if wants(doc, self.earlier)]
        timings: dict[str, float] = {}
        reached = apply_chain_batch(self.before[done:], docs, timings)
        started = time.perf_counter()
        for doc in reached:
            if doc.rejected is None:
                learned = cleaner.learn(doc) if self.earlier is None else cleaner.learn(doc, self.earlier)
                state = cleaner.merge(state, learned)
        timings[self.step.id] = time.perf_counter() - started
        if self.keep_in is None:
            return state
        kept = midway.keep(self.keep_in, items, reached, len(self.before))
        return midway.Kept(state, batch.file, batch.read_to, kept, timings)


def learn_all(rules: Rules, options: ReadOptions, run_pass: Callable[[LearnTask], Iterable[Any]],
              saved: Mapping[str, Any] | None = None, inputs: Sequence[str] = (),
              learn_step: Callable[[Step, tuple[Step, ...]], Any] | None = None) -> Rules:
    """The rules with a learned state on every step that learns, in chain order: ``run_pass``
    runs a :class:`LearnTask` over the whole corpus (on whatever engine) and gives each batch's
    state, merged here, then finished (:func:`learned_in_passes`; ``inputs``: the sources in
    input order). An engine may learn a step its own way (``learn_step(step, steps before it)``,
    None where it has none: Ray spreads dedup's index over the cluster). ``saved`` (step id ->
    state, from a resumed run) is taken instead of learning again, and a step that learned
    already keeps what it learned."""
    steps = list(rules.steps)
    for index, step in enumerate(steps):
        if not step.traits.learns or step.learned is not None:
            continue
        before = tuple(steps[:index])
        if saved is not None and step.id in saved:
            state = saved[step.id]
        elif learn_step is None or (state := learn_step(step, before)) is None:
            state = learned_in_passes(step, before, options, run_pass, inputs)
        steps[index] = step._replace(learned=state)
    return rules._replace(steps=tuple(steps))


def learned_in_passes(step: Step, before: tuple[Step, ...], options: ReadOptions,
                      run_pass: Callable[[LearnTask], Iterable[Any]], inputs: Sequence[str]) -> Any:
    """What ``step`` learns from the corpus, in as many passes as it asks for
    (:func:`~normalizer.core.cleaner.learn_in_passes`), each run by ``run_pass`` on whatever engine."""
    cleaner = step.cleaner

    def one_pass(earlier: Any) -> Any:
        state = cleaner.nothing_learned()
        for part in run_pass(LearnTask(before, step, options, earlier)):
            state = cleaner.merge(state, part)
        return state

    return learn_in_passes(cleaner, one_pass, inputs, lambda state: checked_state(step, state))


def checked_state(step: Step, state: Any) -> Any:
    """The state as JSON gives it back (so that a saved state and a learned one are alike),
    or a UsageError naming the step whose state JSON cannot hold."""
    try:
        return json.loads(json.dumps(state, allow_nan=False))
    except (TypeError, ValueError) as error:
        raise UsageError(f"step {step.id!r} learned a state JSON cannot hold: {error}") from None


def state_digest(state: Any) -> str:
    """SHA-256 of a learned state in canonical JSON: the manifest records it, and two runs that
    learned the same thing show the same digest."""
    canonical = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
