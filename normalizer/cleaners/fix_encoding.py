"""fix_encoding: repair mojibake with ftfy, one line at a time, and nothing else.

ftfy's defaults also uncurl quotes, fold fullwidth punctuation, unescape HTML and
normalise Unicode: each of those changes correct text, so they are all off here
(after datatrove's conservative FTFYFormatter). Lines are fixed independently so
that no state leaks from one line, or one document, to the next.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

import ftfy

from ..core.cleaner import Role
from ..core.document import Outcome, Span, replace_spans
from ..core.speed import shortcuts
from ..detect.mojibake import looks_bad, suspects_re2_bytes
from ..text.lines import iter_lines
from .tidy_text import RE_INVISIBLE_NOT_C1, tidy_line

MAX_ROUNDS = 4
RE_C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
RE_LINE_OPENS_A_SPACE = re.compile("^[ÃÂ] ", re.MULTILINE)     # ftfy's BADNESS_RE has "^[ÃÂ][ ]"

CONSERVATIVE = ftfy.TextFixerConfig(
    unescape_html=False,          # "&amp;" in plain text is usually meant literally
    remove_terminal_escapes=False,  # tidy_text removes control characters itself, visibly
    fix_encoding=True,            # the point of this step: Ã© -> é, â€™ -> ’
    restore_byte_a0=True,         # "Ã " was "à" whose NBSP became a space
    replace_lossy_sequences=True,  # fix what can be fixed, mark the rest with U+FFFD
    decode_inconsistent_utf8=True,  # lines mixing mojibake and correct text
    fix_c1_controls=True,         # C1 controls in text are cp1252 bytes read as latin-1
    fix_latin_ligatures=False,    # "ﬁ" is a real character, not damage
    fix_character_width=False,    # fullwidth CJK punctuation and halfwidth kana are correct
    uncurl_quotes=False,          # curly quotes and German „ “ are correct
    fix_line_breaks=False,        # tidy_text handles CRLF; never split on U+2028 here
    fix_surrogates=True,          # lone surrogates cannot be written as UTF-8
    remove_control_chars=False,   # tidy_text does this, with its own edit record
    normalization=None,           # tidy_text does NFC
    max_decode_length=1 << 26,    # ftfy cuts longer lines into segments and can split a surrogate pair
    explain=True,
)


def plan_note(explanation: Sequence[tuple[str, str]] | None) -> str:
    """ftfy's plan as one short string, e.g. ``encode:latin-1 decode:utf-8``."""
    return " ".join(f"{action}:{parameter}" for action, parameter in explanation or [])


def ftfy_would_act(text: str) -> bool:
    """False when ftfy (with the configuration above) is sure to return ``text`` unchanged.

    With every other fixer off, ftfy changes text only if its mojibake heuristic ``is_bad``
    fires, or to replace C1 controls or surrogates: two regular-expression searches (ftfy's
    on re2, see ``badness.py``) instead of ftfy's whole loop. ``tests/test_encoding_fast_path.py`` checks the shortcut against
    always running ftfy.
    """
    return bool(RE_C1_OR_SURROGATE.search(text)) or looks_bad(text)


def ftfy_fix(text: str) -> ftfy.ExplainedText:
    """ftfy's repair and plan, without running ftfy where it is sure to change nothing."""
    if shortcuts() and not ftfy_would_act(text):
        return ftfy.ExplainedText(text, [])
    return ftfy.fix_and_explain(text, config=CONSERVATIVE)


def tidied_form(text: str) -> str:
    """The whole text tidied as :func:`fix_line` tidies each line before ftfy sees it (invisible
    characters out, NFC, which never reaches across a line break; CR as a line break)."""
    form = RE_INVISIBLE_NOT_C1.sub("", text.replace("\r", "\n"))
    return form if form.isascii() else unicodedata.normalize("NFC", form)


def document_may_need_ftfy(text: str) -> bool:
    """False when no line of ``text`` can give :func:`ftfy_would_act` anything to act on.

    Each line ftfy sees is a piece of :func:`tidied_form`, so a mojibake sequence in any line
    is in the whole form too; the one line-anchored sequence of ftfy's heuristic (a line
    opening with "Ã " or "Â ") is looked for at every line start. One pass instead of one per line.
    """
    form = tidied_form(text)
    return bool(RE_C1_OR_SURROGATE.search(form) or RE_LINE_OPENS_A_SPACE.search(form)) or looks_bad(form)


def suspect_lines(text: str) -> Collection[int] | None:
    """The lines (indexes in ``text.split("\\n")``) on which :func:`ftfy_would_act` may be true;
    None when any line may be (a CR in the text, a lone surrogate: then every line is tried).

    Found in one re2 pass over :func:`tidied_form`: every line a match of ftfy's expression
    touches (it may use the line break before a line), with its line-start case ("Ã ") taken at
    every line, and every line with a C1 control.
    """
    found = suspects_re2_bytes()
    if "\r" in text or found is None:
        return None if document_may_need_ftfy(text) else ()
    try:
        encoded = tidied_form(text).encode("utf-8")
    except UnicodeEncodeError:                           # a lone surrogate: ftfy replaces it
        return None
    lines: set[int] = set()
    first = counted = 0                          # line breaks counted so far, up to offset ``counted``
    for match in found.finditer(encoded):
        first += encoded.count(b"\n", counted, match.start())
        counted = match.start()
        lines.update(range(first, first + encoded.count(b"\n", match.start(), match.end() - 1) + 1))
    return lines


def fix_line(line: str) -> tuple[str, str]:
    """Return the repaired line and the ftfy plan; ASCII lines cannot be mojibake.

    Made to be idempotent, which ftfy alone is not: a lone CR is a line break to
    tidy_text, so the pieces between CRs are fixed apart; ftfy judges the line as
    tidy_text will leave it (NFC; no controls, zero-width or trailing spaces); and a repair is
    repeated until it holds, so a second run finds nothing left to fix.
    """
    if shortcuts() and line.isascii():
        return line, ""
    if "\r" in line:
        pieces = [fix_line(piece) for piece in line.split("\r")]
        return "\r".join(text for text, _ in pieces), " ".join(note for _, note in pieces if note)
    text = tidy_line(line, "NFC", keep_c1=True)
    if shortcuts() and not ftfy_would_act(text):
        return line, ""
    notes: list[str] = []
    for _ in range(MAX_ROUNDS):
        result = ftfy_fix(text)
        if result.text == text:
            stripped = tidy_line(text, "NFC")        # a C1 control can block a repair
            if stripped == text:
                break
            result = ftfy_fix(stripped)
            if result.text == stripped:
                break
        notes.append(plan_note(result.explanation))
        text = tidy_line(result.text, "NFC")
    if not notes:
        return line, ""
    return text, " ".join(notes)


class FixEncoding:
    """Repair mojibake (``Ã©tÃ©`` -> ``été``) line by line; record ftfy's plan per line.

    >>> FixEncoding()("Il a Ã©tÃ© lÃ\\xa0.").text
    'Il a été là.'
    """

    name = "fix_encoding"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "mojibake"
    repeatable = True

    def __init__(self) -> None:
        """No options: the conservative configuration is the point of this step."""

    def __call__(self, text: str) -> Outcome:
        if not shortcuts():                     # every line through fix_line, ftfy on each
            return replace_spans(text, self.line_repairs(text, None))
        if text.isascii():
            return Outcome(text)
        suspects = suspect_lines(text)
        if suspects is not None and not suspects:
            return Outcome(text)
        return replace_spans(text, self.line_repairs(text, suspects))

    def line_repairs(self, text: str, suspects: Collection[int] | None) -> list[Span]:
        """A span per line :func:`fix_line` repairs, looking only at ``suspects`` (all when None)."""
        spans = []
        for index, (start, end) in enumerate(iter_lines(text)):
            if suspects is not None and index not in suspects:
                continue                        # fix_line would return it as it is
            fixed, note = fix_line(text[start:end])
            if fixed != text[start:end]:
                spans.append(Span(start, end, fixed, note))
        return spans
