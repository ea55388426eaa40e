"""The one corpus runner: read → the chain → results, on any engine, with corpus passes first.

Every command that runs the chain over a corpus comes through here (``clean``, ``check``,
``report``, ``explain``, ``rules suggest``, the Python API, and ``clean --engine ray``): it
prepares the run, then streams each batch's result back in input order (on Ray, ``clean``'s
cleaning pass writes its part files from the workers instead: :meth:`RayEngine.clean`).

Preparing means learning. A step that learns from the corpus (``role: learns``) needs a pass
over the whole corpus before any document is cleaned: the documents as they reach that step
(the steps before it applied, with what *they* learned), each turned into a contribution and
merged into one small state. Steps learn in chain order, in as many passes as each asks for; the
corpus is made replayable first (stdin and records from Python are spooled to a temporary file).
A run that cleans on the local engine keeps the corpus as the first learning pass left it
(:mod:`normalizer.io.midway`), so that later passes and the cleaning pass do not run the steps
before the learning step again: ``-r dedup`` then costs little more than the default chain. Merging is
associative and commutative, so the state is the same whatever the engine, the number of jobs
or the batch boundaries; its digest goes into the manifest, and a resumed sharded run is given
the saved states instead of learning again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from ..chain.tasks import LearnTask, learn_all, state_digest
from ..core.speed import shortcuts
from ..io.corpus import Batch, Corpus, FileEnd, Midway
from ..io.midway import Counted, MidwayCorpus
from ..io.sources import CountingReader
from ..rules.loader import Rules, Step


class Engine(Protocol):
    """Where the tasks run: this process or worker processes (:class:`~normalizer.engines.local.LocalEngine`,
    results in input order), or Ray (:class:`~normalizer.engines.ray.RayEngine`, which reads the
    corpus in its workers and gives results in the order they finish)."""

    @property
    def name(self) -> str: ...

    def session(self) -> contextlib.AbstractContextManager[None]: ...

    def map(self, task: Callable[[Batch], Any], corpus: Corpus, skip: int = 0,
            counters: Sequence[CountingReader] | None = None, seconds: dict[str, float] | None = None
            ) -> Iterator[Any]: ...


class Prepared(NamedTuple):
    """A corpus that can be read as often as the run needs, and the rules with what they learned."""

    corpus: Corpus
    rules: Rules
    seconds: dict[str, float] = {}      # per stage: what the learning passes did that the cleaning pass will not

    @property
    def learned(self) -> dict[str, Any]:
        """Step id -> learned state, for the steps that learn."""
        return {step.id: step.learned for step in self.rules.steps if step.traits.learns}

    def learned_digests(self) -> dict[str, str]:
        return {step_id: state_digest(state) for step_id, state in self.learned.items()}


def learning_steps(rules: Rules) -> list[Step]:
    """The steps that still have to learn (rules that learned already, from :func:`learn`, keep it)."""
    return [step for step in rules.steps if step.traits.learns and step.learned is None]


def learn_pass(corpus: Corpus, engine: Engine, task: LearnTask) -> Iterator[Any]:
    """One learning pass over the corpus: each batch's state, in whatever order the engine gives."""
    for result in engine.map(task, corpus):
        if not isinstance(result, FileEnd):
            yield result


def kept_pass(corpus: Corpus, engine: Engine, task: LearnTask, kept: list[MidwayCorpus]) -> Iterator[Any]:
    """A learning pass that keeps every batch as it reaches the step (``task.keep_in``): each
    batch's state, in input order; at its end, ``kept`` holds the corpus of kept batches."""
    counters = [CountingReader() for _ in corpus.files]
    entries: list[tuple[int, int, Midway] | FileEnd] = []
    seconds: dict[str, float] = {}
    for result in engine.map(task, corpus, 0, counters, seconds):
        if isinstance(result, FileEnd):
            entries.append(result)
            continue
        entries.append((result.file, result.read_to, result.midway))
        for stage, spent in result.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + spent
        yield result.state
    kept.append(MidwayCorpus(tuple(corpus.files), corpus.options, tuple(entries),
                             tuple(Counted.of(counter) for counter in counters),
                             tuple(getattr(corpus, "skipped", ())), seconds))


def learn(corpus: Corpus, rules: Rules, engine: Engine, saved: Mapping[str, Any] | None = None,
          keep_in: str | None = None) -> Prepared:
    """The rules with a learned state on every step that learns (:func:`~normalizer.chain.tasks.learn_all`),
    in passes over ``corpus`` on ``engine``. With ``keep_in`` (a folder; an engine that gives
    results in input order), the first pass keeps the batches there, and the passes after it
    read them instead of ``corpus``: the prepared corpus is then those batches."""
    inputs = [source.name for source in getattr(corpus, "files", ())]
    kept: list[MidwayCorpus] = []

    def run_pass(task: LearnTask) -> Iterator[Any]:
        if kept:
            return learn_pass(kept[0], engine, task)
        if keep_in is not None and task.earlier is None:
            return kept_pass(corpus, engine, dataclasses.replace(task, keep_in=keep_in), kept)
        return learn_pass(corpus, engine, task)

    sharded = getattr(engine, "learn_sharded", None)
    learned = learn_all(rules, corpus.options, run_pass, saved, inputs, None if sharded is None else (
        lambda step, before: sharded(corpus, step, before, inputs)))
    return Prepared(kept[0], learned, kept[0].seconds) if kept else Prepared(corpus, learned)


@contextlib.contextmanager
def prepare(corpus: Corpus, rules: Rules, engine: Engine, saved: Mapping[str, Any] | None = None,
            keep: bool = False) -> Iterator[Prepared]:
    """Learn what the rules' corpus steps need; the corpus is replayable inside the block. With
    ``keep`` (for a task that runs the chain to its end: clean), on the local engine, the corpus
    inside the block is the one the first learning pass kept, in a temporary folder removed at
    its end."""
    if not learning_steps(rules):
        yield Prepared(corpus, rules)
        return
    with corpus.replayable() as again:
        if not (keep and engine.name == "local" and shortcuts()):
            yield learn(again, rules, engine, saved)
            return
        with tempfile.TemporaryDirectory(prefix="normalizer-midway-") as folder:
            yield learn(again, rules, engine, saved, folder)


def stream(prepared: Prepared, make_task: Callable[[tuple[Step, ...]], Callable[[Batch], Any]], engine: Engine,
           skip: int = 0, counters: Sequence[CountingReader] | None = None, seconds: dict[str, float] | None = None
           ) -> Iterator[Any]:
    """The cleaning pass: ``make_task(steps)`` over every batch, results in input order, a FileEnd
    after each input; the first ``skip`` records are left out (a resumed run's)."""
    task = make_task(prepared.rules.steps)
    yield from engine.map(task, prepared.corpus, skip, counters, seconds)
