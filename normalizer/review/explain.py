"""What every step did to one document: the data behind ``normalizer explain``.

Built on the same :func:`apply_chain` as a run, watching each step, so what it shows is
what a run does. Rendering (colours, layout) is the CLI's job; this module gives facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from ..chain.pipeline import apply_chain
from ..core.document import Doc, Edit, Rejection
from ..rules.loader import Step


class StepReport(NamedTuple):
    """One step that did something: its edits (offsets in ``before``), what it measured, or a reject."""

    step: str
    use: str
    before: str
    edits: tuple[Edit, ...]
    meta: dict[str, Any]
    rejected: Rejection | None

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"step": self.step, "use": self.use,
                                  "edits": [edit.as_json() for edit in self.edits]}
        if self.meta:
            record["meta"] = self.meta
        if self.rejected:
            record["rejected"] = self.rejected._asdict()
        return record


class Explanation(NamedTuple):
    original: Doc
    result: Doc
    steps: tuple[StepReport, ...]

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
                "output": result.text}


def explain(steps: Sequence[Step], doc: Doc) -> Explanation:
    """Run ``doc`` through ``steps`` and keep, for each step that acted, what it did."""
    reports: list[StepReport] = []

    def observe(step: Step, before: Doc, after: Doc) -> None:
        edits = after.edits[len(before.edits):]
        meta = {key: value for key, value in after.meta.items() if before.meta.get(key, object()) != value}
        if edits or meta or after.rejected:
            reports.append(StepReport(step.id, step.use, before.text, edits, meta, after.rejected))

    result = apply_chain(steps, doc, observe)
    return Explanation(doc, result, tuple(reports))


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
