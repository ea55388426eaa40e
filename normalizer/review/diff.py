"""Compare two cleaned outputs of one corpus: what a rule change did, before it ships.

Documents are matched by id. Kept documents compare by text; a record with a ``reject``
object (from a rejects file, or a sharded output directory) is a rejected document.
Each difference is put down to the rules that explain it: the step that now rejects,
the steps that newly changed or stopped changing the document (``changed_by``), and,
when the outputs carry ``--with-edits``, the step whose edit removed each line.

Memory stays proportional to the number of ids and the changed documents: the BEFORE
side is read twice (once for digests, once for the texts of changed documents).
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..core.document import Doc
from ..io.records import BadRecord, ReadOptions, read_file
from ..io.sources import expand_inputs

UNATTRIBUTED = "(unattributed)"
SAME_LINE = 0.6             # two lines this much alike are one line changed in place
LineEdit = tuple[str, str, str]          # (old, new, step) of a logged edit inside one line


class Side(NamedTuple):
    """What one output says about one document."""

    digest: str
    changed_by: tuple[str, ...]
    reject: tuple[str, str] | None        # (step, reason) when the document was rejected

    @property
    def kept(self) -> bool:
        return self.reject is None


class Change(NamedTuple):
    id: str
    kind: str               # changed | newly_rejected | no_longer_rejected | reject_changed | only_before | only_after
    before: Side | None
    after: Side | None
    removed: tuple[tuple[str, str], ...] = ()    # (line, step) now removed
    restored: tuple[tuple[str, str], ...] = ()   # (line, step) no longer removed

    def as_json(self) -> dict[str, Any]:
        def side(value: Side | None) -> dict[str, Any] | None:
            if value is None:
                return None
            return {"kept": value.kept, "changed_by": list(value.changed_by),
                    "reject": dict(zip(("step", "reason"), value.reject)) if value.reject else None}
        return {"id": self.id, "kind": self.kind, "before": side(self.before), "after": side(self.after),
                "lines_removed": [{"line": line, "step": step} for line, step in self.removed],
                "lines_restored": [{"line": line, "step": step} for line, step in self.restored]}


class DiffReport(NamedTuple):
    counts: Counter[str]                 # before/after kept and rejected, same, and each change kind
    by_rule: dict[str, Counter[str]]     # rule -> newly_changed, no_longer_changed, lines_removed, ...
    changes: list[Change]
    problems: list[str]                   # "file:line: reason" of records with no text to compare

    @property
    def identical(self) -> bool:
        return not self.changes

    def as_json(self) -> dict[str, Any]:
        return {"counts": dict(self.counts), "by_rule": {rule: dict(c) for rule, c in self.by_rule.items()},
                "changes": [change.as_json() for change in self.changes], "problems": self.problems}


def side_of(doc: Doc) -> Side:
    reject = doc.fields.get("reject")
    rejected = (str(reject.get("step", "")), str(reject.get("reason", ""))) if isinstance(reject, dict) else None
    changed = doc.fields.get("changed_by")
    changed_by = tuple(str(s) for s in changed) if isinstance(changed, list) else ()
    return Side(hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(), changed_by, rejected)


def documents(paths: Iterable[str], options: ReadOptions, problems: list[str]) -> Iterator[tuple[str, Doc]]:
    """(key, document) for every record; a repeated id gets ``#2``, ``#3`` so none is lost.

    In a sharded output directory, the run's own files (``_state.json``, a manifest named
    ``_*``) are not records; a malformed line is noted in ``problems``.
    """
    seen: Counter[str] = Counter()
    paths = list(paths)
    files = [f for f in expand_inputs(paths, problems)
             if f.path in paths or not Path(f.path).name.startswith("_")]     # a named file is always read
    for item in (item for f in files for item in read_file(f, options)):
        if isinstance(item, BadRecord):
            problems.append(f"{item.source}:{item.line}: {item.reason}")
        elif isinstance(item, Doc):
            seen[item.id] += 1
            yield (item.id if seen[item.id] == 1 else f"{item.id}#{seen[item.id]}"), item


def kind_of(before: Side | None, after: Side | None) -> str | None:
    if before is None:
        return "only_after"
    if after is None:
        return "only_before"
    if before.kept and not after.kept:
        return "newly_rejected"
    if after.kept and not before.kept:
        return "no_longer_rejected"
    if not before.kept:
        return "reject_changed" if before.reject != after.reject else None
    return "changed" if before.digest != after.digest else None


def compare(before_paths: Iterable[str], after_paths: Iterable[str],
            options: ReadOptions = ReadOptions()) -> DiffReport:
    """Match the two outputs by id and describe every difference."""
    before_paths, after_paths = list(before_paths), list(after_paths)
    problems: list[str] = []
    counts: Counter[str] = Counter()
    before: dict[str, Side] = {}
    for key, doc in documents(before_paths, options, problems):
        before[key] = side = side_of(doc)
        counts["before_kept" if side.kept else "before_rejected"] += 1
    changes: dict[str, Change] = {}
    after_docs: dict[str, Doc] = {}
    seen: set[str] = set()
    for key, doc in documents(after_paths, options, problems):
        side = side_of(doc)
        seen.add(key)
        counts["after_kept" if side.kept else "after_rejected"] += 1
        kind = kind_of(before.get(key), side)
        if kind is None:
            counts["same"] += 1
            continue
        changes[key] = Change(key, kind, before.get(key), side)
        if kind == "changed":
            after_docs[key] = doc
    for key, side in before.items():
        if key not in seen:
            changes[key] = Change(key, "only_before", side, None)
    if after_docs:
        for key, doc in documents(before_paths, options, []):
            if key in after_docs:
                changes[key] = with_lines(changes[key], doc, after_docs.pop(key))
    ordered = sorted(changes.values(), key=lambda change: (change.kind != "changed", change.id))
    return DiffReport(counts + Counter(change.kind for change in ordered), rule_counts(ordered), ordered,
                      problems)


def with_lines(change: Change, before: Doc, after: Doc) -> Change:
    """The lines one side has and the other lacks, each put down to the step that explains it."""
    assert change.before is not None and change.after is not None
    old_lines, new_lines = before.text.split("\n"), after.text.split("\n")
    newly = [s for s in change.after.changed_by if s not in change.before.changed_by]
    stopped = [s for s in change.before.changed_by if s not in change.after.changed_by]
    removed: list[tuple[str, str]] = []
    restored: list[tuple[str, str]] = []
    after_edits, before_edits = after.fields.get("edits"), before.fields.get("edits")
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old_lines[i1:i2], new_lines[j1:j2]
        if op == "replace":
            # a line changed in place is one change, put down to one step: first the pairs an edit log
            # proves (the edit turns one line into the other, however much of it changed: a URL
            # that was mostly tracking parameters), then lines most of which are the same
            pairs, olds, news = paired_by_edits(olds, news, in_line_edits(after_edits), in_line_edits(before_edits))
            if olds and len(olds) == len(news) and all(same_line(old, new) for old, new in zip(olds, news)):
                pairs += [(old, new, blame_change(old, new, after_edits, before_edits, newly + stopped))
                          for old, new in zip(olds, news)]
                olds, news = [], []
            for old, new, step in pairs:
                removed.append((old, step))
                restored.append((new, step))
        if op in ("delete", "replace"):
            removed.extend((line, blame(line, after_edits, newly)) for line in olds)
        if op in ("insert", "replace"):
            restored.extend((line, blame(line, before_edits, stopped)) for line in news)
    return change._replace(removed=tuple(removed), restored=tuple(restored))


def in_line_edits(edits: Any) -> list[LineEdit]:
    """``(old, new, step)`` of each logged edit inside one line (an ``--with-edits`` log)."""
    found: list[LineEdit] = []
    for edit in edits if isinstance(edits, list) else []:
        if isinstance(edit, dict) and isinstance(edit.get("old"), str) and isinstance(edit.get("new"), str):
            old, new = edit["old"], edit["new"]
            if old and "\n" not in old and "\n" not in new:
                found.append((old, new, str(edit.get("step", UNATTRIBUTED))))
    return found


def paired_by_edits(olds: list[str], news: list[str], after_edits: list[LineEdit], before_edits: list[LineEdit]
                    ) -> tuple[list[LineEdit], list[str], list[str]]:
    """The lines of a replaced block an edit log pairs: an after-side edit (a step that now acts)
    turns an old line into a new one, or a before-side edit (a step that no longer acts) turns a
    new line into an old one. Gives ``(old, new, step)`` for each pair, and the lines left."""
    pairs: list[LineEdit] = []
    olds, news = list(olds), list(news)
    for edits, sources, targets, forward in ((after_edits, olds, news, True), (before_edits, news, olds, False)):
        for line in list(sources):
            found = rewritten(line, edits, targets)
            if found is not None:
                target, step = found
                sources.remove(line)
                targets.remove(target)
                pairs.append((line, target, step) if forward else (target, line, step))
    return pairs, olds, news


def rewritten(line: str, edits: list[LineEdit], targets: list[str]) -> tuple[str, str] | None:
    """The target ``line`` becomes once the edits found in it are made, one after the other, and
    the step of the first of them; None when no such rewriting gives a target."""
    first = ""
    for old, new, step in edits:
        if old in line:
            line, first = line.replace(old, new, 1), first or step
            if line in targets:
                return line, first
    return None


def same_line(old: str, new: str) -> bool:
    """Two versions of one line (most of it the same), not a line removed and another restored."""
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= SAME_LINE


def blame_change(old: str, new: str, after_edits: Any, before_edits: Any, candidates: list[str]) -> str:
    """The step behind a line that changed in place: the after side's edit of a fragment of the
    old line (a step that now acts), or the before side's edit of a fragment of the new line (a
    step that no longer does), else the one step that started or stopped acting."""
    for edits, line in ((after_edits, old), (before_edits, new)):
        if isinstance(edits, list):
            for edit in edits:
                fragment = edit.get("old") if isinstance(edit, dict) else None
                if isinstance(fragment, str) and fragment.strip("\n") and fragment.strip("\n") in line:
                    return str(edit.get("step", UNATTRIBUTED))
    return candidates[0] if len(candidates) == 1 else UNATTRIBUTED


def blame(line: str, edits: Any, candidates: list[str]) -> str:
    """The step whose edit took ``line`` out (from an ``--with-edits`` log), else the one step that
    started or stopped acting, else unattributed."""
    if isinstance(edits, list) and line.strip():
        for edit in edits:
            if isinstance(edit, dict) and isinstance(edit.get("old"), str) and line in edit["old"].split("\n"):
                return str(edit.get("step", UNATTRIBUTED))
    return candidates[0] if len(candidates) == 1 else UNATTRIBUTED


def rule_counts(changes: Iterable[Change]) -> dict[str, Counter[str]]:
    by_rule: dict[str, Counter[str]] = {}

    def add(rule: str, what: str, n: int = 1) -> None:
        by_rule.setdefault(rule, Counter())[what] += n

    for change in changes:
        before, after = change.before, change.after
        if change.kind == "changed" and before and after:
            for rule in set(after.changed_by) - set(before.changed_by):
                add(rule, "docs_newly_changed")
            for rule in set(before.changed_by) - set(after.changed_by):
                add(rule, "docs_no_longer_changed")
        if after and after.reject and change.kind in ("newly_rejected", "reject_changed"):
            add(after.reject[0], "docs_newly_rejected")
        if before and before.reject and change.kind in ("no_longer_rejected", "reject_changed"):
            add(before.reject[0], "docs_no_longer_rejected")
        for _line, rule in change.removed:
            add(rule, "lines_removed")
        for _line, rule in change.restored:
            add(rule, "lines_restored")
    return dict(sorted(by_rule.items()))
