"""Deterministic review samples of a cleaning run: the data behind ``normalizer sample``.

A sample is chosen by content, never by position: in each group, the documents whose input text
has the smallest SHA-256 (the id, then the place, breaking ties), as OpusFilter splits a corpus by
a content hash. The same corpus therefore gives the same sample whatever its order, the number of
jobs or the run, and a sampled document stays sampled as the corpus grows unless one with a
smaller hash joins its group. Each worker keeps the smallest N of its batch per group; the main
process merges them into a bounded heap per group, so memory is groups x N documents, flat in
the corpus size. The chain runs over the corpus through the one runner, corpus steps learning
first, exactly as ``clean`` would run it; nothing is written.

The chain's modules are imported when a sample is taken, not with this module: the command line
reads :data:`SAMPLE_KEYS` at start-up and ``normalizer --help`` should not load every cleaner.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from ..core.document import NO_GROUP, Doc, group_of

if TYPE_CHECKING:
    from ..io.corpus import Batch, Corpus
    from ..io.records import ReadOptions
    from ..rules.loader import Rules, Step
    from ..run.runner import Engine
    from .explain import Explanation

SAMPLE_KEYS = ("reject.reason", "changed_by", "source", "lang")
T = TypeVar("T")
Key = tuple[bytes, str, str, int]          # SHA-256 of the input text, id, source, line


def content_key(doc: Doc) -> Key:
    """What orders a group's documents: the hash of the text as read first, so that neither the
    input order nor the id-less records' ``FILE:LINE`` ids decide what is sampled."""
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).digest(), doc.id, doc.source, doc.line


def groups_of(result: Doc, by: str) -> list[str]:
    """The groups a cleaned document falls in under ``by``: its reject reason (none when kept),
    each step that changed its text, its source, or its language.

    >>> groups_of(Doc("1", "t", fields={"url": "https://example.fr/a"}), "source")
    ['example.fr']
    """
    if by == "reject.reason":
        return [result.rejected.reason] if result.rejected else []
    if by == "changed_by":
        return result.changed_by()
    if by == "lang":
        lang = result.meta.get("lang")
        return [str(lang)] if lang else [NO_GROUP]
    if by == "source":
        return [group_of(result, "source")]
    raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(SAMPLE_KEYS)}")


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    key: Key
    value: T

    def __lt__(self, other: _Entry[T]) -> bool:
        return self.key > other.key      # the heap's top is the largest key: the first to give way


class Smallest(Generic[T]):
    """The ``size`` values with the smallest keys among all offered (a max-heap of ``size``).

    >>> kept = Smallest[str](2)
    >>> for text in ("c", "a", "d", "b"):
    ...     kept.offer((text.encode(), text, "", 0), text)
    >>> [value for _, value in kept.ordered()]
    ['a', 'b']
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.heap: list[_Entry[T]] = []

    def offer(self, key: Key, value: T) -> None:
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, _Entry(key, value))
        elif key < self.heap[0].key:
            heapq.heapreplace(self.heap, _Entry(key, value))

    def ordered(self) -> list[tuple[Key, T]]:
        return [(entry.key, entry.value) for entry in sorted(self.heap, key=lambda entry: entry.key)]


class Picked(NamedTuple):
    """A sampled document: its key, the group that chose it, and what every step did to it."""

    key: Key
    group: str
    explanation: Explanation


class BatchSample(NamedTuple):
    """One batch's candidates (its smallest N per group), and what it counted."""

    picked: tuple[Picked, ...]
    sizes: dict[str, int]
    documents: int
    malformed: int
    crashed: int


@dataclasses.dataclass(frozen=True)
class SampleTask:
    """``sample``'s work on one batch: run the chain across it, group each document, and explain
    only the documents that are among the smallest ``per_group`` of a group in this batch."""

    steps: tuple[Step, ...]
    by: str
    per_group: int
    options: ReadOptions

    def __call__(self, batch: Batch) -> BatchSample:
        from ..chain.pipeline import apply_chain_batch
        from ..io.records import BadRecord, parsed
        from .explain import explain
        items = parsed(batch.items, self.options)
        docs = [item for item in items if isinstance(item, Doc)]
        results = apply_chain_batch(self.steps, docs)
        sizes: Counter[str] = Counter()
        chosen: dict[str, Smallest[Doc]] = {}
        for doc, result in zip(docs, results, strict=True):
            key = content_key(doc)
            for group in groups_of(result, self.by):
                sizes[group] += 1
                chosen.setdefault(group, Smallest(self.per_group)).offer(key, doc)
        explained: dict[Key, Explanation] = {}     # once per document, however many groups chose it
        picked: list[Picked] = []
        for group, smallest in chosen.items():
            for key, doc in smallest.ordered():
                if key not in explained:
                    explained[key] = explain(self.steps, doc)
                picked.append(Picked(key, group, explained[key]))
        crashed = sum(1 for result in results
                      if result.rejected and result.rejected.reason.startswith("internal_error"))
        malformed = sum(isinstance(item, BadRecord) for item in items)
        return BatchSample(tuple(picked), dict(sizes), len(docs), malformed, crashed)


@dataclasses.dataclass
class Sample:
    """The documents sampled per group (groups in sorted order, documents by key), and the counts
    a reader needs to weigh them: documents per group, read, malformed, crashed on."""

    by: str
    per_group: int
    groups: dict[str, list[Picked]] = dataclasses.field(default_factory=dict)
    sizes: Counter[str] = dataclasses.field(default_factory=Counter)
    documents: int = 0
    malformed: int = 0
    crashed: int = 0
    failures: list[str] = dataclasses.field(default_factory=list)      # inputs that could not be read

    @property
    def picked(self) -> Iterable[Picked]:
        return (picked for group in self.groups.values() for picked in group)


def merge(sample: Sample, batches: Iterable[BatchSample]) -> Sample:
    """The batches' candidates merged into the smallest ``per_group`` of each group, whatever
    the order the batches come in."""
    heaps: dict[str, Smallest[Picked]] = {}
    for batch in batches:
        sample.sizes.update(batch.sizes)
        sample.documents += batch.documents
        sample.malformed += batch.malformed
        sample.crashed += batch.crashed
        for picked in batch.picked:
            heaps.setdefault(picked.group, Smallest(sample.per_group)).offer(picked.key, picked)
    sample.groups = {group: [picked for _, picked in heaps[group].ordered()] for group in sorted(heaps)}
    return sample


def sample_corpus(corpus: Corpus, rules: Rules, by: str, per_group: int, engine: Engine | None = None) -> Sample:
    """The ``per_group`` documents with the smallest content hash in each group of the corpus
    under ``by`` (one of :data:`SAMPLE_KEYS`), the rules' corpus steps having learned from the
    whole corpus first; each explained. Memory: groups x ``per_group`` documents."""
    from ..core.errors import UsageError
    from ..engines.local import LocalEngine
    from ..io.corpus import FileEnd
    from ..run.runner import prepare, stream
    if by not in SAMPLE_KEYS:
        raise UsageError(f"--by: cannot group by {by!r}; choose one of {', '.join(SAMPLE_KEYS)}")
    if per_group < 1:
        raise UsageError(f"--per-group: {per_group} is not a positive number of documents")
    chosen = engine or LocalEngine(1)
    sample = Sample(by, per_group)

    def batches(results: Iterable[Any]) -> Iterable[BatchSample]:
        for result in results:
            if isinstance(result, FileEnd):
                if result.failure is not None:
                    sample.failures.append(f"{corpus.files[result.file].name}: {result.failure.reason} "
                                           f"({result.failure.detail})")
            else:
                yield result

    with chosen.session(), prepare(corpus, rules, chosen) as prepared:
        results = stream(prepared, lambda steps: SampleTask(steps, by, per_group, corpus.options), chosen)
        return merge(sample, batches(results))


def removed_by_step(explanation: Explanation) -> dict[str, list[str]]:
    """The whole lines each step removed, in chain order (a step acting in several rounds once)."""
    from .explain import removed_lines
    removed: dict[str, list[str]] = {}
    for report in explanation.steps:
        for edit in report.edits:
            lines = removed_lines(edit, report.before)
            if lines is not None:
                removed.setdefault(report.step, []).extend(lines)
    return removed


def sample_record(by: str, picked: Picked) -> dict[str, Any]:
    """One sampled document as a JSON object (a line of ``sample --format jsonl``)."""
    explanation = picked.explanation
    result = explanation.result
    return {"by": by, "group": picked.group, "id": result.id, "source": result.source, "line": result.line,
            "sha256": picked.key[0].hex(), "kept": result.rejected is None,
            "rejected": result.rejected._asdict() if result.rejected else None,
            "lang": result.meta.get("lang"), "changed_by": result.changed_by(),
            "removed": removed_by_step(explanation), "input": explanation.original.text, "output": result.text}
