"""transliterate: add an ASCII rendering of the text (``text_ascii``), never in place by default.

Unidecode is GPL-licensed, so it is an optional extra (``pip install ".[translit]"`` from a checkout)
and this step is opt-in. It runs after ``check_language``: transliteration destroys the
signal language identification needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.cleaner import Role
from ..core.document import Outcome, Span, replace_spans
from ..core.errors import MissingExtraError

RE_SPACES = re.compile(r"[ \t]{2,}")
RE_LINE_EDGES = re.compile(r"[ \t]+(?=\n)|(?<=\n)[ \t]+|^[ \t]+|[ \t]+$")
RE_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def import_unidecode() -> Callable[[str], str]:
    try:
        from unidecode import unidecode  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise MissingExtraError("transliterate", "Unidecode", "translit") from None
    return unidecode


def ascii_text(text: str, unidecode: Callable[[str], str]) -> str:
    """Transliterate, then tidy the spaces Unidecode leaves around CJK ("Bei Jing ")."""
    return RE_LINE_EDGES.sub("", RE_SPACES.sub(" ", unidecode(text)))


class Transliterate:
    """Add ``text_ascii`` (default) or replace the text (``in_place: true``) with ASCII.

    >>> Transliterate()("Müller 北京").meta["text_ascii"]
    'Muller Bei Jing'
    """

    name = "transliterate"
    role = Role.ANNOTATES
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text_ascii",)
    finds = ""
    repeatable = True

    def __init__(self, *, field: str = "text_ascii", in_place: bool = False) -> None:
        self.unidecode = import_unidecode()
        if not field or field in ("id", "text"):
            raise ValueError("field must be a new field name, not 'id' or 'text'")
        self.field = field
        self.in_place = in_place
        self.role = Role.EDITS if in_place else Role.ANNOTATES
        self.writes = ("text",) if in_place else (field,)

    def __call__(self, text: str) -> Outcome:
        if not self.in_place:
            return Outcome(text, meta={self.field: ascii_text(text, self.unidecode)})
        spans = [Span(m.start(), m.end(), self.unidecode(m.group()), "transliterated")
                 for m in RE_NON_ASCII.finditer(text)]
        return replace_spans(text, spans)
