"""The one corpus runner: read → the chain → results, on any engine, with corpus passes first.

Every command that runs the chain over a corpus comes through here (``clean``, ``check``,
``report``, ``explain``, ``rules suggest``, the Python API, and ``clean --engine ray``): it
prepares the run, then streams each batch's result back in input order (on Ray, ``clean``'s
cleaning pass writes its part files from the workers instead: :meth:`RayEngine.clean`).

Preparing means learning. A step that learns from the corpus (``role: learns``) needs a pass
over the whole corpus before any document is cleaned: the documents as they reach that step
(the steps before it applied, with what *they* learned), each turned into a contribution and
merged into one small state. Steps learn in chain order, one pass each; the corpus is made
replayable first (stdin and records from Python are spooled to a temporary file). Merging is
associative and commutative, so the state is the same whatever the engine, the number of jobs
or the batch boundaries; its digest goes into the manifest, and a resumed sharded run is given
the saved states instead of learning again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from ..chain.tasks import LearnTask, learn_all, state_digest
from ..core.errors import UsageError
from ..io.corpus import Batch, Corpus, FileEnd
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


def learn(corpus: Corpus, rules: Rules, engine: Engine, saved: Mapping[str, Any] | None = None) -> Rules:
    """The rules with a learned state on every step that learns (:func:`~normalizer.chain.tasks.learn_all`),
    a pass over ``corpus`` on ``engine`` for each."""
    inputs = [source.name for source in getattr(corpus, "files", ())]
    return learn_all(rules, corpus.options, lambda task: learn_pass(corpus, engine, task), saved, inputs)


@contextlib.contextmanager
def prepare(corpus: Corpus, rules: Rules, engine: Engine, saved: Mapping[str, Any] | None = None
            ) -> Iterator[Prepared]:
    """Learn what the rules' corpus steps need; the corpus is replayable inside the block. A URI
    is refused (UsageError, before anything is read or written) on an engine that cannot read it."""
    uris = [f.path for f in getattr(corpus, "files", ()) if "://" in f.path]
    if uris and engine.name != "ray":
        raise UsageError(f"{uris[0]}: the local engine reads local files, folders and globs; "
                         "read a URI with --engine ray")
    if not learning_steps(rules):
        yield Prepared(corpus, rules)
        return
    with corpus.replayable() as again:
        yield Prepared(again, learn(again, rules, engine, saved))


def stream(prepared: Prepared, make_task: Callable[[tuple[Step, ...]], Callable[[Batch], Any]], engine: Engine,
           skip: int = 0, counters: Sequence[CountingReader] | None = None, seconds: dict[str, float] | None = None
           ) -> Iterator[Any]:
    """The cleaning pass: ``make_task(steps)`` over every batch, results in input order, a FileEnd
    after each input; the first ``skip`` records are left out (a resumed run's)."""
    task = make_task(prepared.rules.steps)
    yield from engine.map(task, prepared.corpus, skip, counters, seconds)
