"""Counts for the end of a run: in = out + rejected, by reason, and what each rule did.

Computed from each document's edit log and reject (the single source of truth;
cleaners keep no counters). Workers send back a small :class:`DocStats` per record and
the main process adds them up, so ``--jobs`` cannot change a count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .document import Doc


class DocStats(NamedTuple):
    """What one input record contributed to the summary."""

    reason: str | None = None                  # reject reason; None means kept
    changes: tuple[tuple[str, int], ...] = ()  # (step, chars removed) per step that changed it
    lang: str | None = None
    blank_lines: int = 0                       # a run of blank lines instead of a record
    malformed: bool = False                    # rejected while reading: the record itself is broken

    @classmethod
    def of_bad_record(cls, reason: str) -> DocStats:
        return cls(reason, malformed=True)

    @classmethod
    def of_doc(cls, doc: Doc) -> DocStats:
        removed: dict[str, int] = {}
        for edit in doc.edits:
            removed[edit.step] = removed.get(edit.step, 0) + len(edit.old) - len(edit.new)
        reason = doc.rejected.reason if doc.rejected is not None else None
        return cls(reason, tuple(removed.items()), doc.meta.get("lang"))


@dataclass
class Summary:
    documents_in: int = 0
    documents_out: int = 0
    blank_lines: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    docs_changed: Counter[str] = field(default_factory=Counter)
    chars_removed: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    file_errors: list[dict[str, Any]] = field(default_factory=list)
    malformed: int = 0                         # records rejected while reading (--strict fails on them)
    skipped_inputs: list[str] = field(default_factory=list)   # files a folder or glob held that were not read

    @property
    def documents_rejected(self) -> int:
        return sum(self.rejected.values())

    def add(self, stats: DocStats) -> None:
        if stats.blank_lines:
            self.blank_lines += stats.blank_lines
            return
        self.documents_in += 1
        for step, removed in stats.changes:
            self.docs_changed[step] += 1
            self.chars_removed[step] += removed
        self.malformed += stats.malformed
        if stats.reason is not None:
            self.rejected[stats.reason] += 1
        else:
            self.documents_out += 1
            self.languages[str(stats.lang) if stats.lang else "undetermined"] += 1

    def merge(self, other: Summary) -> None:
        self.documents_in += other.documents_in
        self.documents_out += other.documents_out
        self.blank_lines += other.blank_lines
        self.malformed += other.malformed
        for mine, theirs in ((self.rejected, other.rejected), (self.docs_changed, other.docs_changed),
                             (self.chars_removed, other.chars_removed), (self.languages, other.languages)):
            mine.update(theirs)
        self.file_errors.extend(other.file_errors)

    def as_json(self) -> dict[str, Any]:
        return {
            "documents_in": self.documents_in, "documents_out": self.documents_out,
            "documents_rejected": self.documents_rejected, "blank_lines": self.blank_lines,
            "malformed_records": self.malformed,
            "rejected_by_reason": dict(sorted(self.rejected.items())),
            "rules": {step: {"docs_changed": self.docs_changed[step], "chars_removed": self.chars_removed[step]}
                      for step in sorted(self.docs_changed)},
            "languages": dict(sorted(self.languages.items())),
            "file_errors": self.file_errors,
            **({"skipped_inputs": self.skipped_inputs} if self.skipped_inputs else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        rules = data.get("rules", {})
        return cls(data["documents_in"], data["documents_out"], data.get("blank_lines", 0),
                   Counter(data.get("rejected_by_reason", {})),
                   Counter({step: v["docs_changed"] for step, v in rules.items()}),
                   Counter({step: v["chars_removed"] for step, v in rules.items()}),
                   Counter(data.get("languages", {})), list(data.get("file_errors", [])),
                   int(data.get("malformed_records", 0)), list(data.get("skipped_inputs", [])))

    def render(self, step_order: list[str]) -> str:
        """The human summary printed on stderr."""
        noun = "document" if self.documents_in == 1 else "documents"
        lines = [f"{self.documents_in} {noun} in, {self.documents_out} out, "
                 f"{self.documents_rejected} rejected"
                 + (f" ({self.blank_lines} blank lines skipped)" if self.blank_lines else "")]
        for reason, count in sorted(self.rejected.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  rejected {reason}: {count}")
        for failure in self.file_errors:
            lines.append(f"  unreadable file {failure['source']}: {failure['reason']} ({failure['detail']})")
        for skipped in self.skipped_inputs:
            lines.append(f"  not read: {skipped}")
        changed = [step for step in step_order if self.docs_changed[step]]
        if changed:
            width = max(len(step) for step in changed)
            lines.append(f"  {'rule'.ljust(width)}  docs changed  chars removed (net)")
            for step in changed:
                lines.append(f"  {step.ljust(width)}  {self.docs_changed[step]:>12}  {self.chars_removed[step]:>13}")
        if self.languages:
            ranked = sorted(self.languages.items(), key=lambda item: (-item[1], item[0]))    # all: a rare one is news
            lines.append("  languages: " + ", ".join(f"{lang} {n}" for lang, n in ranked))
        return "\n".join(lines)


def render_profile(profile: dict[str, float], wall_seconds: float, jobs: int, documents: int) -> str:
    """``--profile``: seconds per stage, their share, and documents per second through each.

    Step times are added up over the worker processes, so with ``--jobs 2`` they can sum to
    twice the wall time; reading and writing happen in the main process.
    """
    total = sum(profile.values()) or 1.0
    width = max([len(stage) for stage in profile] + [5])
    lines = [f"profile ({documents} documents, {wall_seconds:.2f} s wall, {jobs} job{'s' if jobs != 1 else ''}):",
             f"  {'stage'.ljust(width)}  {'seconds':>8}  {'share':>6}  {'docs/s':>9}"]
    for stage, seconds in profile.items():
        rate = f"{documents / seconds:9.0f}" if seconds > 0 else f"{'-':>9}"
        lines.append(f"  {stage.ljust(width)}  {seconds:8.3f}  {seconds / total:6.1%}  {rate}")
    lines.append(f"  {'total'.ljust(width)}  {total:8.3f}")
    return "\n".join(lines)
