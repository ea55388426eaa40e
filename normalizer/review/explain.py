"""What every step did to one document: the data behind ``normalizer explain``.

Built on the same :func:`apply_chain` as a run, watching each step, and run over a corpus by
the same runner (a step that learns from the corpus learns from all of it first), so what it
shows is what a run does. Rendering (colours, layout) is the CLI's job; this module gives facts.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from ..chain.pipeline import apply_chain
from ..core.document import Doc, Edit, Rejection
from ..engines.local import LocalEngine
from ..io.corpus import Batch, Corpus, FileEnd
from ..io.records import BadRecord, Blank, ReadOptions, parsed, read_file
from ..io.sources import InputFile
from ..rules.loader import Rules, Step
from ..run.runner import Engine, prepare, stream


class StepReport(NamedTuple):
    """One step that did something: its edits (offsets in ``before``), what it measured, or a reject;
    ``round`` 2 or more when it acted as the chain ran again, once later steps had removed lines."""

    step: str
    use: str
    before: str
    edits: tuple[Edit, ...]
    meta: dict[str, Any]
    rejected: Rejection | None
    round: int = 1

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"step": self.step, "use": self.use,
                                  "edits": [edit.as_json() for edit in self.edits]}
        if self.round > 1:
            record["round"] = self.round
        if self.meta:
            record["meta"] = self.meta
        if self.rejected:
            record["rejected"] = self.rejected._asdict()
        return record


class Pair(NamedTuple):
    """A copy's kept twin, for ``explain``: where it is, its text as the copy's was compared, and
    the lines that differ (a unified diff, kept first)."""

    id: str
    source: str
    line: int
    text: str
    differs: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "line": self.line, "differs": list(self.differs)}


class Explanation(NamedTuple):
    original: Doc
    result: Doc
    steps: tuple[StepReport, ...]
    pair: Pair | None = None          # a duplicate's kept copy

    def steps_changed(self) -> bool:
        """Did any step edit or reject it (a language verdict alone is not a change)?"""
        return any(step.edits or step.rejected for step in self.steps)

    def as_json(self) -> dict[str, Any]:
        result = self.result
        return {"id": result.id, "source": result.source, "line": result.line,
                "kept": result.rejected is None, "lang": result.meta.get("lang"),
                "lang_score": result.meta.get("lang_score"),
                "rejected": result.rejected._asdict() if result.rejected else None,
                "steps": [step.as_json() for step in self.steps], "input": self.original.text,
                "output": result.text, **({"kept_copy": self.pair.as_json()} if self.pair else {})}


def explain(steps: Sequence[Step], doc: Doc) -> Explanation:
    """Run ``doc`` through ``steps`` and keep, for each step that acted, what it did."""
    reports: list[StepReport] = []

    def observe(step: Step, before: Doc, after: Doc, round_: int) -> None:
        edits = after.edits[len(before.edits):]
        meta = {key: value for key, value in after.meta.items() if before.meta.get(key, object()) != value}
        if edits or meta or after.rejected:
            reports.append(StepReport(step.id, step.use, before.text, edits, meta, after.rejected, round_))

    result = apply_chain(steps, doc, observe)
    return Explanation(doc, result, tuple(reports))


def with_kept_copy(explanation: Explanation, steps: Sequence[Step], files: Sequence[InputFile],
                   options: ReadOptions) -> Explanation:
    """A duplicate's explanation with its kept copy: found where the dedup step's verdict says
    (its file, read to its line), cleaned by the steps before that step, and the lines that differ."""
    rejected = explanation.result.rejected
    if rejected is None or rejected.reason not in ("duplicate", "near_duplicate"):
        return explanation
    index = next((n for n, step in enumerate(steps) if step.id == rejected.step), None)
    learned = steps[index].learned if index is not None else None
    result = explanation.result
    verdict = learned.get("verdicts", {}).get(f"{result.source}\t{result.line}") if isinstance(learned, dict) else None
    if index is None or verdict is None:
        return explanation
    _, _, kept_id, kept_source, kept_line, _ = verdict
    source = next((file for file in files if file.name == kept_source), None)
    if source is None:
        return explanation
    for item in read_file(source, options):
        if isinstance(item, Doc) and item.line == kept_line:
            kept = apply_chain(steps[:index], item).text
            differs = tuple(line.rstrip("\n") for line in difflib.unified_diff(
                kept.split("\n"), result.text.split("\n"), f"{kept_id} (kept)", f"{result.id}", n=0, lineterm=""))
            return explanation._replace(pair=Pair(kept_id, kept_source, kept_line, kept, differs))
    return explanation


@dataclasses.dataclass(frozen=True)
class ExplainTask:
    """``explain``'s work on one batch: the story of each document asked for (all, when ``ids``
    is empty), and the records that could not be read."""

    steps: tuple[Step, ...]
    ids: frozenset[str]
    options: ReadOptions = ReadOptions()
    files: tuple[InputFile, ...] = ()         # where a duplicate's kept copy is read from

    def __call__(self, batch: Batch) -> list[Explanation | BadRecord]:
        found: list[Explanation | BadRecord] = []
        for item in parsed(batch.items, self.options):
            if isinstance(item, BadRecord):
                found.append(item)
            elif not isinstance(item, Blank) and (not self.ids or item.id in self.ids):
                found.append(with_kept_copy(explain(self.steps, item), self.steps, self.files, self.options))
        return found


def explain_corpus(corpus: Corpus, rules: Rules, ids: frozenset[str] = frozenset(),
                   engine: Engine = LocalEngine(1)) -> Iterator[Explanation | BadRecord | FileEnd]:
    """Every document of the corpus (or those with ``ids``) explained, in input order, lazily
    (stop reading when you have seen enough); records that cannot be read come out as
    BadRecords, and the end of each file as a FileEnd (with its failure, if any)."""
    with engine.session(), prepare(corpus, rules, engine) as prepared:
        files = tuple(getattr(corpus, "files", ()))
        for result in stream(prepared, lambda steps: ExplainTask(steps, ids, corpus.options, files), engine):
            if isinstance(result, FileEnd):
                yield result
            else:
                yield from result


def line_around(edit: Edit, before: str, longest: int = 300) -> tuple[str, str] | None:
    """The whole line holding a change inside one line, before and after it; None when the change
    spans lines or the line is longer than ``longest``.

    >>> line_around(Edit("s", 4, 6, "é "), "x\\nO é mot\\ny")
    ('O é mot', 'O mot')
    """
    if "\n" in edit.old or "\n" in edit.new:
        return None
    start = before.rfind("\n", 0, edit.start) + 1
    end = before.find("\n", edit.end)
    end = len(before) if end < 0 else end
    if end - start > longest:
        return None
    line = before[start:end]
    offset = edit.start - start
    return line, line[:offset] + edit.new + line[offset + len(edit.old):]


def removed_lines(edit: Edit, before: str) -> list[str] | None:
    """The whole lines an edit removed, or None when it changed part of a line.

    >>> removed_lines(Edit("s", 6, 17, "Lire aussi\\n"), "Corps\\nLire aussi\\nFin")
    ['Lire aussi']
    """
    if edit.new:
        return None
    starts_line = edit.start == 0 or before[edit.start - 1] == "\n" or edit.old.startswith("\n")
    ends_line = edit.end == len(before) or before[edit.end - 1] == "\n" or before[edit.end:edit.end + 1] == "\n"
    if not (starts_line and ends_line):
        return None
    return edit.old.strip("\n").split("\n")
