"""quality_filter: judge each document's signals by its language's thresholds; reject or tag.

The thresholds live in ``rules/quality/<lang>.yaml`` (FineWeb-2's per-language values over
Gopher's, each with its source); a step's ``thresholds:`` changes some for every language. A
reject or a flag names the signal, its value, the threshold and whose threshold it is:
``dup_line_frac 0.41 > 0.264 (fr)``.
"""

from __future__ import annotations

from typing import Any

from ..core.cleaner import Role
from ..core.document import Doc, Outcome
from ..text.signals import signals_of_doc, stop_word_signals
from ..text.thresholds import LanguageTable, parse_overrides, table_for
from .quality_signals import folder

ACTIONS = ("reject", "tag")


class QualityFilter:
    """Reject (``action: reject``, reason ``low_quality``) or tag (``action: tag``: a
    ``quality_flags`` list on every document, empty when it passes) what fails a threshold.

    >>> QualityFilter()("Buy now!\\nBuy now!").reject[0]
    'low_quality'
    """

    name = "quality_filter"
    role = Role.FILTERS
    reads: tuple[str, ...] = ("text", "lang", "signals")
    writes: tuple[str, ...] = ()
    finds = ""

    def __init__(self, *, action: str = "reject", thresholds: dict[str, Any] | None = None,
                 quality_dir: str | None = None) -> None:
        """``thresholds``: ``{signal: {min: x, max: y}}`` for every language (``null`` lifts a
        bound); ``quality_dir``: a folder whose ``<lang>.yaml`` files stand for the shipped ones."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
        self.action = action
        self.directory = folder(quality_dir)
        self.overrides = parse_overrides(thresholds, "thresholds")
        table_for(None, self.directory, self.overrides)
        if action == "tag":
            self.role = Role.ANNOTATES
            self.writes = ("quality_flags",)

    def table(self, lang: Any) -> LanguageTable:
        return table_for(lang if isinstance(lang, str) else None, self.directory, self.overrides)

    def __call__(self, text: str) -> Outcome:
        return self.apply_to(Doc("", text))

    def apply_to(self, doc: Doc) -> Outcome:
        table = self.table(doc.meta.get("lang"))
        measured = signals_of_doc(doc.text, doc.meta, table.stop_words)
        if self.directory is not None and measured is doc.meta.get("signals"):
            measured = {**measured, **stop_word_signals(doc.text, table.stop_words)}   # this step's own lists
        flags = table.flags(measured)
        if self.action == "tag":
            return Outcome(doc.text, meta={"quality_flags": flags})
        if flags:
            return Outcome(doc.text, reject=("low_quality", "; ".join(flags)))
        return Outcome(doc.text)
