"""Measure a corpus without changing it: the numbers behind ``normalizer check`` and ``report``.

Each record is measured on its own (in worker processes when there are several cores):
is it a valid record, would the encoding repair change it, would the cleaning rules remove
lines from it (and which rule), its language and score, its length, control characters, a
digest of its text. The main process adds the measures up per source and for the corpus, in
input order, so ``--jobs`` cannot change a number. Thresholds are judged in :mod:`.gate`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..chain.pipeline import apply_chain_batch, run_step_batch
from ..core.document import TOTAL, Doc, group_of
from ..detect.copies import NUM_PERM, SHINGLE_CHARS, SHINGLE_WORDS, Copy, copies_of
from ..detect.minhash import signature
from ..io.corpus import Batch, Corpus, FileEnd, ListCorpus, SampledCorpus
from ..io.records import BadRecord, Blank, Item, ReadOptions, parsed
from ..rules.loader import Rules, Step
from ..run.runner import Engine, prepare
from ..text.shingles import Folding, folded, shingle_hashes
from ..text.signals import signals_of_doc
from ..text.thresholds import LanguageTable, table_for
from .signal_stats import SIGNAL_NAMES, SignalValues

RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EXAMPLES_KEPT = 5
LENGTH_BUCKETS = (0, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000)
UNDETERMINED = "undetermined"


class DocMeasure(NamedTuple):
    """What one record tells about the corpus. ``text`` is carried only when it shows a problem."""

    group: str
    kind: str                                   # doc | invalid | blank
    source: str
    line: int
    id: str = ""
    reason: str = ""                            # why an invalid record is invalid
    chars: int = 0
    digest: bytes = b""                         # of the cleaned text, white space folded
    signature: bytes = b""                      # MinHash of the cleaned text's shingles (near copies)
    mojibake: bool = False
    boilerplate: tuple[tuple[str, int], ...] = ()   # (step, lines it would remove) per boilerplate rule
    changed: tuple[str, ...] = ()               # every step that would change it
    rejected_by: str | None = None              # the step that would reject it
    lang: str | None = None
    lang_score: float | None = None
    control: bool = False
    blank_lines: int = 0
    text: str | None = None
    crashed: bool = False                       # a cleaner raised on it (rejected as internal_error:*)
    signals: tuple[float, ...] = ()             # of the cleaned text, in SIGNAL_NAMES order (NaN: no value)
    flags: tuple[str, ...] = ()                 # the quality thresholds it fails ("words 12 < 50 (fr)")


def lines_removed(old: str) -> int:
    return sum(1 for line in old.split("\n") if line.strip())


def measure_all(steps: Sequence[Step], items: Sequence[Item], by: str | None, language: Step | None = None
                ) -> list[DocMeasure]:
    """Measure records, the chain run across them a step at a time; ``language`` is a
    check_language step to run when the chain has none."""
    docs = [item for item in items if not isinstance(item, (Blank, BadRecord))]
    results = apply_chain_batch(steps, docs)
    unmeasured = [index for index, result in enumerate(results) if "lang" not in result.meta]
    if language is not None and unmeasured:            # rejected ones too: their language is a measure
        outcomes = run_step_batch(language, [results[index] for index in unmeasured])
        for index, outcome in zip(unmeasured, outcomes, strict=True):
            if isinstance(outcome, Exception):
                raise outcome
            results[index] = results[index].replace(meta={**results[index].meta, **outcome.meta})
    cleaned = iter(results)
    return [measured(steps, item, by, None if isinstance(item, (Blank, BadRecord)) else next(cleaned))
            for item in items]


def measured(steps: Sequence[Step], item: Item, by: str | None, result: Doc | None) -> DocMeasure:
    if isinstance(item, Blank):
        return DocMeasure(TOTAL, "blank", item.source, item.line, blank_lines=item.lines)
    if isinstance(item, BadRecord):
        return DocMeasure(TOTAL, "invalid", item.source, item.line, item.id or "", item.reason)
    assert result is not None
    finds = {step.id: step.traits.finds for step in steps}
    boilerplate: dict[str, int] = {}
    mojibake = False
    for edit in result.edits:
        found = finds.get(edit.step, "")
        if found == "mojibake":
            mojibake = True
        elif found == "boilerplate":
            boilerplate[edit.step] = boilerplate.get(edit.step, 0) + (lines_removed(edit.old) if not edit.new else 0)
    meta = result.meta
    text = item.text
    control = bool(RE_CONTROL.search(text))
    flagged = mojibake or bool(boilerplate) or control or result.rejected is not None
    cleaned = folded(result.text, Folding())
    signal_values: tuple[float, ...] = ()
    flags: tuple[str, ...] = ()
    if result.rejected is None:
        table = quality_table(steps, meta.get("lang"))
        recorded = signals_of_doc(result.text, meta, table.stop_words)
        signal_values = tuple(math.nan if recorded.get(name) is None else float(recorded[name])
                              for name in SIGNAL_NAMES)
        flags = tuple(table.flags(recorded))
    return DocMeasure(group=group_of(item, by), kind="doc", source=item.source, line=item.line, id=item.id,
                      chars=len(text.strip()),
                      digest=hashlib.blake2b(cleaned.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                      signature=signature(shingle_hashes(cleaned, SHINGLE_WORDS, SHINGLE_CHARS),
                                          NUM_PERM).astype("<u4").tobytes(),
                      mojibake=mojibake, boilerplate=tuple(boilerplate.items()), changed=tuple(result.changed_by()),
                      rejected_by=result.rejected.step if result.rejected else None, lang=meta.get("lang"),
                      lang_score=meta.get("lang_score"), control=control, text=text if flagged else None,
                      crashed=result.rejected is not None and result.rejected.reason.startswith("internal_error"),
                      signals=signal_values, flags=flags)


def quality_table(steps: Sequence[Step], lang: Any) -> LanguageTable:
    """The thresholds a document is flagged by: the chain's ``quality_filter``'s (its own folder
    and overrides), else the shipped ones for its language."""
    for step in steps:
        if step.use == "quality_filter":
            table: LanguageTable = step.cleaner.table(lang)
            return table
    return table_for(lang if isinstance(lang, str) else None)


class Example(NamedTuple):
    id: str
    source: str
    line: int
    detail: str = ""
    text: str | None = None


@dataclass
class GroupStats:
    """The measures of one source (or of the whole corpus) added up."""

    documents: int = 0
    invalid: int = 0
    empty: int = 0
    blank_lines: int = 0
    mojibake: int = 0
    boilerplate_docs: int = 0
    boilerplate_lines: Counter[str] = field(default_factory=Counter)
    boilerplate_by_rule: Counter[str] = field(default_factory=Counter)
    changed_by_step: Counter[str] = field(default_factory=Counter)
    rejected_by_step: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    low_confidence: int = 0
    other_language: int = 0
    short: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    control: int = 0
    crashed: int = 0
    flagged: int = 0
    flags_by_signal: Counter[str] = field(default_factory=Counter)
    signals: SignalValues = field(default_factory=SignalValues)
    chars: list[int] = field(default_factory=list)
    examples: dict[str, list[Example]] = field(default_factory=dict)

    def example(self, problem: str, example: Example) -> None:
        kept = self.examples.setdefault(problem, [])
        if len(kept) < EXAMPLES_KEPT:
            kept.append(example)

    def add(self, m: DocMeasure, settings: Settings) -> None:
        if m.kind == "blank":
            self.blank_lines += m.blank_lines
            return
        if m.kind == "invalid" and m.reason == "empty_text":
            self.empty += 1
            self.example("empty", Example(m.id, m.source, m.line, "the text is empty"))
            return
        if m.kind == "invalid":
            self.invalid += 1
            self.example("invalid", Example(m.id, m.source, m.line, m.reason))
            return
        self.documents += 1
        self.chars.append(m.chars)
        if m.mojibake:
            self.mojibake += 1
            self.example("mojibake", Example(m.id, m.source, m.line, "fix_encoding would change it", m.text))
        if m.boilerplate:
            self.boilerplate_docs += 1
            for rule, lines in m.boilerplate:
                self.boilerplate_by_rule[rule] += 1
                self.boilerplate_lines[rule] += lines
            self.example("boilerplate", Example(m.id, m.source, m.line,
                                                ", ".join(rule for rule, _ in m.boilerplate), m.text))
        self.crashed += m.crashed
        for step in m.changed:
            self.changed_by_step[step] += 1
        if m.rejected_by:
            self.rejected_by_step[m.rejected_by] += 1
        self.languages[m.lang or "undetermined"] += 1
        if m.lang is None or (m.lang_score or 0.0) < settings.min_language_score:
            self.low_confidence += 1
            self.example("low_confidence", Example(m.id, m.source, m.line,
                                                   f"{m.lang} ({m.lang_score})" if m.lang else "undetermined"))
        if settings.expected_languages and m.lang is not None and m.lang not in settings.expected_languages:
            self.other_language += 1
            self.example("other_language", Example(m.id, m.source, m.line, str(m.lang)))
        if m.chars < settings.short_chars:
            self.short += 1
            self.example("short", Example(m.id, m.source, m.line, f"{m.chars} characters"))
        if m.control:
            self.control += 1
            self.example("control_chars", Example(m.id, m.source, m.line, "control characters", m.text))
        if m.signals:
            self.signals.add(m.lang or UNDETERMINED, m.signals)
        if m.flags:
            self.flagged += 1
            self.flags_by_signal.update(flag.split(" ", 1)[0] for flag in m.flags)
            self.example("flagged", Example(m.id, m.source, m.line, "; ".join(m.flags)))

    def add_copy(self, copy: Copy) -> None:
        """A document that repeats an earlier one (found once the whole corpus is measured)."""
        of = f'"{copy.kept.id}" ({copy.kept.source}:{copy.kept.line})'
        if copy.exact:
            self.duplicates += 1
            self.example("duplicate", Example(copy.doc.id, copy.doc.source, copy.doc.line,
                                              f"the same text once cleaned as {of}"))
        else:
            self.near_duplicates += 1
            self.example("near_duplicate", Example(copy.doc.id, copy.doc.source, copy.doc.line,
                                                   f"a near copy of {of}, similarity about {copy.similarity:.2f}"))

    @property
    def records(self) -> int:
        return self.documents + self.invalid + self.empty

    def rates(self, settings: Settings) -> dict[str, float | None]:
        """Every metric as a share (lower is better); None when it cannot be computed."""
        def share(count: int, total: int) -> float | None:
            return round(count / total, 6) if total else None
        docs = self.documents
        return {
            "invalid_rate": share(self.invalid, self.records),
            "empty_rate": share(self.empty, self.records),
            "mojibake_rate": share(self.mojibake, docs),
            "boilerplate_rate": share(self.boilerplate_docs, docs),
            "other_language_rate": share(self.other_language, docs) if settings.expected_languages else None,
            "low_confidence_rate": share(self.low_confidence, docs),
            "short_rate": share(self.short, docs),
            "duplicate_rate": share(self.duplicates, docs),
            "near_duplicate_rate": share(self.near_duplicates, docs),
            "control_char_rate": share(self.control, docs),
            "flagged_rate": share(self.flagged, docs),
        }

    def length_summary(self) -> dict[str, int]:
        if not self.chars:
            return {}
        ordered = sorted(self.chars)
        def at(q: float) -> int:
            return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
        return {"min": ordered[0], "p10": at(0.1), "median": at(0.5), "p90": at(0.9), "max": ordered[-1]}

    def length_histogram(self) -> dict[str, int]:
        """Documents per length bucket (its lower bound), the empty buckets left out."""
        buckets = Counter(max(b for b in LENGTH_BUCKETS if b <= chars) for chars in self.chars)
        return {str(b): buckets[b] for b in LENGTH_BUCKETS if buckets[b]}

    def as_json(self, settings: Settings) -> dict[str, Any]:
        return {
            "documents": self.documents, "invalid": self.invalid, "blank_lines": self.blank_lines,
            "metrics": self.rates(settings),
            "counts": {"mojibake": self.mojibake, "boilerplate": self.boilerplate_docs, "empty": self.empty,
                       "low_confidence": self.low_confidence, "other_language": self.other_language,
                       "short": self.short, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                       "control_chars": self.control, "flagged": self.flagged},
            "flags_by_signal": dict(sorted(self.flags_by_signal.items())),
            "boilerplate_by_rule": {rule: {"documents": n, "lines": self.boilerplate_lines[rule]}
                                    for rule, n in sorted(self.boilerplate_by_rule.items())},
            "languages": dict(self.languages.most_common()),
            "length": self.length_summary(),
            "length_histogram": self.length_histogram(),
            "steps": {"changed": dict(self.changed_by_step), "rejected": dict(self.rejected_by_step)},
            "signals": self.signals.summary(),
            "examples": {problem: [e._asdict() for e in examples] for problem, examples in self.examples.items()},
        }


class Settings(NamedTuple):
    """What measuring needs to know from the thresholds (the rest is judged afterwards)."""

    expected_languages: tuple[str, ...] = ()
    min_language_score: float = 0.8
    short_chars: int = 20


@dataclass
class CorpusStats:
    total: GroupStats = field(default_factory=GroupStats)
    sources: dict[str, GroupStats] = field(default_factory=dict)
    records_seen: int = 0        # before sampling
    measured: list[DocMeasure] = field(default_factory=list)      # the documents, for their copies
    clusters: list[dict[str, Any]] = field(default_factory=list)  # the largest groups of copies

    def add(self, m: DocMeasure, settings: Settings) -> None:
        self.total.add(m, settings)
        if m.kind == "doc":
            self.sources.setdefault(m.group, GroupStats()).add(m, settings)
            self.measured.append(m._replace(text=None))

    def find_copies(self) -> None:
        """Exact and near copies of the cleaned texts, once every document is measured
        (:mod:`normalizer.detect.copies`), counted in the copy's source and in the total."""
        found, self.clusters = copies_of(self.measured)
        for copy in found:
            self.total.add_copy(copy)
            self.sources[copy.doc.group].add_copy(copy)
        self.measured = []

    def add_all(self, measures: Iterable[DocMeasure], settings: Settings) -> None:
        for m in measures:
            self.add(m, settings)


@dataclasses.dataclass(frozen=True)
class MeasureTask:
    """``check``'s work on one batch, in a worker: parse, run the chain, measure every record."""

    steps: tuple[Step, ...]
    by: str | None
    language: Step | None
    options: ReadOptions = ReadOptions()

    def __call__(self, batch: Batch) -> list[DocMeasure]:
        return measure_all(self.steps, parsed(batch.items, self.options), self.by, self.language)


def language_step(steps: Sequence[Step]) -> Step | None:
    """A step that records the language, with its defaults, when the chain has none: the language
    is always measured."""
    if any("lang" in step.traits.writes for step in steps):
        return None
    from ..cleaners import CLEANERS
    from ..core.cleaner import traits_of
    (cls,) = [cls for cls in CLEANERS.values() if "lang" in traits_of(cls).writes]
    cleaner = cls()
    return Step(id=cls.name, use=cls.name, cleaner=cleaner, options={}, origin="(default)", traits=traits_of(cleaner))


def measure_corpus(corpus: Corpus, rules: Rules, by: str | None, settings: Settings, engine: Engine,
                   sample: int | None = None) -> CorpusStats:
    """Measure every record of the corpus (or a deterministic sample of ``sample`` records); the
    rules' corpus steps learn from the whole corpus first. A file that cannot be read counts as
    one invalid record."""
    stats = CorpusStats()
    with engine.session(), prepare(corpus, rules, engine) as prepared:
        steps = prepared.rules.steps
        language = language_step(steps)
        task = MeasureTask(steps, by, language, corpus.options)
        measured_corpus = prepared.corpus
        if sample is not None:
            items, stats.records_seen = SampledCorpus(prepared.corpus, sample).sample()
            measured_corpus = ListCorpus(items, prepared.corpus.files, corpus.options)
        for result in engine.map(task, measured_corpus):
            if isinstance(result, FileEnd):
                if result.failure is not None:
                    name = prepared.corpus.files[result.file].path
                    stats.add(measured(steps, BadRecord(name, 0, result.failure.reason, result.failure.detail, b""),
                                       by, None), settings)
                continue
            stats.add_all(result, settings)
    if sample is None:
        stats.records_seen = stats.total.records
    stats.find_copies()
    return stats
