"""tidy_text: Unicode and whitespace tidying that never changes what the text says.

NFC, invisible junk out (C0/C1 controls but tab and newline, zero-width space, word
joiner, stray BOMs), CRLF to LF, trailing spaces off, runs of blank lines collapsed.
Kept on purpose: non-breaking spaces (French « » typography), ZWJ and ZWNJ (emoji
sequences, Persian and Indic spelling), bidi marks, case, accents.
"""

from __future__ import annotations

import operator
import re
import unicodedata

from ..core.cleaner import Role
from ..core.document import Outcome, Span, replace_spans
from ..core.speed import shortcuts
from ..text.lines import iter_lines

# C0 and C1 controls except tab and newline (CR is handled as a line break), plus
# invisible characters that carry no meaning: ZWSP, word joiner, BOM/ZWNBSP, Mongolian
# vowel separator used as a space.
INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff\u180e"
C1_CONTROLS = "\x80-\x9f"    # kept for fix_encoding, which reads them as cp1252 bytes
RE_INVISIBLE = re.compile(f"[{INVISIBLE}{C1_CONTROLS}]")
RE_INVISIBLE_NOT_C1 = re.compile(f"[{INVISIBLE}]")
# Horizontal whitespace at the end of a line (ASCII and Unicode space separators).
RE_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$")
TRAILING_SPACES = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
LAST_CHAR = operator.itemgetter(slice(-1, None))


NORMALIZATIONS = ("NFC", "none")


def tidy_line(line: str, normalization: str, keep_c1: bool = False) -> str:
    """Tidy one line (without its ``\\n``); a lone CR inside it becomes a line break."""
    if line.endswith("\r"):
        line = line[:-1]
    line = line.replace("\r", "\n")
    line = (RE_INVISIBLE_NOT_C1 if keep_c1 else RE_INVISIBLE).sub("", line)
    if normalization == "NFC" and not (shortcuts() and line.isascii()):
        line = unicodedata.normalize("NFC", line)
    return RE_TRAILING_SPACE.sub("", line)


class TidyText:
    """Normalise Unicode (NFC) and whitespace without changing meaning.

    >>> TidyText()("Bonjour\\u200b «\\u00a0monde\\u00a0» \\r\\n\\r\\n\\r\\n\\nSuite.  ").text
    'Bonjour «\\xa0monde\\xa0»\\n\\nSuite.'
    """

    name = "tidy_text"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = ""
    repeatable = True

    def __init__(self, *, normalization: str = "NFC", max_blank_lines: int = 1) -> None:
        if normalization not in NORMALIZATIONS:
            raise ValueError(f"normalization must be one of {', '.join(NORMALIZATIONS)}")
        if max_blank_lines < 0:
            raise ValueError("max_blank_lines must be 0 or more")
        self.normalization = normalization
        self.max_blank_lines = max_blank_lines

    def lines_tidy(self, text: str, lines: list[str]) -> bool:
        """True when :func:`tidy_line` would leave every line (``text.split("\\n")``) as it is, so
        that a blank line is an empty one: a few checks of the whole text, not a tidy per line."""
        flat = text.replace("\n", "").replace("\t", "")
        return (shortcuts() and "\r" not in text
                and (flat.isprintable() or RE_INVISIBLE.search(text) is None)   # every INVISIBLE is unprintable
                and (self.normalization != "NFC" or text.isascii() or unicodedata.is_normalized("NFC", text))
                and TRAILING_SPACES.isdisjoint(map(LAST_CHAR, lines)))

    def already_tidy(self, text: str, lines: list[str]) -> bool:
        """True when no line needs tidying and no blank line is to go (most documents)."""
        return (bool(text) and not text.startswith("\n") and not text.endswith("\n")
                and "\n" * (self.max_blank_lines + 2) not in text and self.lines_tidy(text, lines))

    def __call__(self, text: str) -> Outcome:
        lines = text.split("\n")
        if self.already_tidy(text, lines):
            return Outcome(text)
        bounds = list(iter_lines(text))
        if self.lines_tidy(text, lines):           # only blank lines to see to
            tidied = lines
        else:
            tidied = [tidy_line(line, self.normalization) for line in lines]
        nonblank = [i for i, line in enumerate(tidied) if line]
        if not nonblank:
            return replace_spans(text, [Span(0, len(text), "", "blank")] if text else [])
        first, last = nonblank[0], nonblank[-1]
        spans: list[Span] = []
        blank_run = 0
        for index, ((start, end), line) in enumerate(zip(bounds, tidied, strict=True)):
            blank_run = blank_run + 1 if not line else 0
            if index < first or (first < index < last and blank_run > self.max_blank_lines):
                spans.append(Span(start, end + 1, "", "blank line"))
            elif index > last:
                spans.append(Span(start - 1, end, "", "blank line"))
            elif line != text[start:end]:
                spans.append(Span(start, end, line, "tidy"))
        return replace_spans(text, spans)
