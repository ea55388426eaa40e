"""quality_signals: record each document's quality signals, to filter on now or later.

The field records signals and decides later (RedPajama-v2, Dolma, datatrove's ``label_only``):
this step only measures, into a ``signals`` object (:mod:`normalizer.text.signals` says what each
one is and where it comes from); ``quality_filter`` or the user's own code decides.
"""

from __future__ import annotations

from pathlib import Path

from ..core.cleaner import Role
from ..core.document import Doc, Outcome
from ..text.signals import signals
from ..text.thresholds import check_folder, table_for


def folder(quality_dir: str | None) -> Path | None:
    """The user's own folder of quality files, checked when the rules load."""
    if quality_dir is None:
        return None
    path = Path(quality_dir)
    if not path.is_dir():
        raise ValueError(f"quality_dir: no such folder {quality_dir!r} (a path from the current directory)")
    check_folder(path)
    return path


class QualitySignals:
    """Add ``signals`` (counts, shares, repetition, stop words) measured on the cleaned text.

    >>> QualitySignals()("Buy now!\\nBuy now!").meta["signals"]["dup_line_frac"]
    0.5
    """

    name = "quality_signals"
    role = Role.ANNOTATES
    reads: tuple[str, ...] = ("text", "lang", "lang_score")
    writes: tuple[str, ...] = ("signals",)
    finds = ""

    def __init__(self, *, quality_dir: str | None = None) -> None:
        """``quality_dir``: a folder of ``<lang>.yaml`` files whose stop words stand for the shipped
        ones (``rules/quality/``)."""
        self.directory = folder(quality_dir)
        table_for(None, self.directory)                  # a broken file fails when the rules load

    def __call__(self, text: str) -> Outcome:
        return self.apply_to(Doc("", text))

    def apply_to(self, doc: Doc) -> Outcome:
        lang = doc.meta.get("lang")
        table = table_for(lang if isinstance(lang, str) else None, self.directory)
        score = doc.meta.get("lang_score")             # measured again: the text may have changed since
        measured = signals(doc.text, table.stop_words, score if isinstance(score, (int, float)) else None)
        return Outcome(doc.text, meta={"signals": measured})
