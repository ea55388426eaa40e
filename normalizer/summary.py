"""Counts for the end of a run: in = out + rejected, by reason, and what each rule did.

Computed from the edit logs and reject records, the single source of truth; cleaners
keep no counters of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .document import Doc


@dataclass
class Summary:
    documents_in: int = 0
    documents_out: int = 0
    blank_lines: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    docs_changed: Counter[str] = field(default_factory=Counter)
    chars_removed: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)

    @property
    def documents_rejected(self) -> int:
        return sum(self.rejected.values())

    def add_doc(self, doc: Doc) -> None:
        self.documents_in += 1
        for step in doc.changed_by():
            self.docs_changed[step] += 1
        for edit in doc.edits:
            self.chars_removed[edit.step] += len(edit.old) - len(edit.new)
        if doc.rejected is not None:
            self.rejected[doc.rejected.reason] += 1
        else:
            self.documents_out += 1
            self.languages[str(doc.meta.get("lang"))] += 1

    def add_bad_record(self, reason: str) -> None:
        self.documents_in += 1
        self.rejected[reason] += 1

    def as_json(self) -> dict[str, Any]:
        return {
            "documents_in": self.documents_in, "documents_out": self.documents_out,
            "documents_rejected": self.documents_rejected, "blank_lines": self.blank_lines,
            "rejected_by_reason": dict(sorted(self.rejected.items())),
            "rules": {step: {"docs_changed": self.docs_changed[step], "chars_removed": self.chars_removed[step]}
                      for step in self.docs_changed},
            "languages": dict(self.languages.most_common()),
        }

    def render(self, step_order: list[str]) -> str:
        """The human summary printed on stderr."""
        noun = "document" if self.documents_in == 1 else "documents"
        lines = [f"{self.documents_in} {noun} in, {self.documents_out} out, "
                 f"{self.documents_rejected} rejected"
                 + (f" ({self.blank_lines} blank lines skipped)" if self.blank_lines else "")]
        for reason, count in sorted(self.rejected.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  rejected {reason}: {count}")
        changed = [step for step in step_order if self.docs_changed[step]]
        if changed:
            width = max(len(step) for step in changed)
            lines.append(f"  {'rule'.ljust(width)}  docs changed  chars removed")
            for step in changed:
                lines.append(f"  {step.ljust(width)}  {self.docs_changed[step]:>12}  {self.chars_removed[step]:>13}")
        if self.languages:
            lines.append("  languages: " + ", ".join(f"{lang} {n}" for lang, n in self.languages.most_common(10)))
        return "\n".join(lines)
