"""reject_short: drop documents that cleaning left empty or too short to be useful.

Words are counted as :func:`normalizer.text.signals.count_units` counts them: a white-space
split would call a Japanese or Thai article of 2 000 characters a handful of words, so each
character of a script written without spaces counts as one.
"""

from __future__ import annotations

from ..core.cleaner import Role
from ..core.document import Outcome
from ..core.speed import shortcuts
from ..text.signals import count_units


class RejectShort:
    """Reject a document with no text left, fewer than ``min_chars`` non-space characters, or
    fewer than ``min_words`` words (a character is a word in Chinese, Japanese, Thai).

    >>> RejectShort(min_chars=10)("Trop court").reject
    ('too_short', '9 characters, fewer than 10')
    """

    name = "reject_short"
    role = Role.FILTERS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ()
    finds = ""

    def __init__(self, *, min_chars: int = 1, min_words: int = 0) -> None:
        if min_chars < 1 or min_words < 0:
            raise ValueError("min_chars must be at least 1 and min_words 0 or more")
        self.min_chars = min_chars
        self.min_words = min_words

    def __call__(self, text: str) -> Outcome:
        if not text or text.isspace():
            return Outcome(text, reject=("empty_after_cleaning", "no text left after cleaning"))
        if shortcuts():
            chars = len("".join(text.split())) if self.min_chars > 1 else 1   # split() cuts where isspace()
        else:
            chars = sum(1 for char in text if not char.isspace())
        if chars == 0:
            return Outcome(text, reject=("empty_after_cleaning", "no text left after cleaning"))
        if chars < self.min_chars:
            return Outcome(text, reject=("too_short", f"{chars} characters, fewer than {self.min_chars}"))
        words = count_units(text) if self.min_words else 0
        if words < self.min_words:
            return Outcome(text, reject=("too_few_words", f"{words} words, fewer than {self.min_words}"))
        return Outcome(text)
