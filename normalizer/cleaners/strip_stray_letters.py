"""strip_stray_letters: a lone look-alike letter from another script, e.g. the Greek "Ο"
opening a French sentence in ``corpus/`` (a scraping artefact, invisible to a reader).

Precision over recall. The letter must be a capital that looks exactly like a letter of
the line's script (Greek Ο in Latin text, Latin C in Cyrillic text), stand alone where a
sentence starts, in a line that is at least 90 % that script, and be followed by a
capitalised article or demonstrative ("Le", "The", "Этот"): a one-letter word cannot
stand there, so the letter is not part of the sentence. A look-alike that *is* a word
("B Москве" with a Latin B for "В", Greek "Ο Governo" for Portuguese "O") is left as it
is, and so are "Витамин C", "the angle θ", "iPhone X", a quoted Greek word and "A 社".
"""

from __future__ import annotations

import re

from ..core.cleaner import Role
from ..core.document import Outcome, Span, replace_spans
from ..core.speed import shortcuts
from ..text.lines import iter_lines

LATIN, GREEK, CYRILLIC = "latin", "greek", "cyrillic"
# Capitals that are drawn the same as a capital of another script.
LOOKALIKES = {
    LATIN: set("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" "АВЕЅІЈКМНОРСТХУ"),   # Greek, Cyrillic letters posing as Latin
    GREEK: set("ABEZHIKMNOPTYX" "АВЕКМНОРТХ"),
    CYRILLIC: set("ABEKMHOPCTXYSIJ" "ΑΒΕΚΜΗΟΡΤΧ"),
}
ANY_LOOKALIKE = frozenset().union(*LOOKALIKES.values())
# Greek or Cyrillic: without either, no letter can be a look-alike from another script.
RE_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")
# Capitalised articles and demonstratives: after one of these, a lone letter is no word.
DETERMINERS = frozenset("""
    Le La Les L' L’ Un Une Des Du Ce Cet Cette Ces The A An This That These Those Der Die Das Ein Eine Dieser
    Diese Dieses El Los Las Una Uno Il Lo Gli I O Os As Um Uma De Het Een Els En Sa Ten Ta To Ti Tento
    Этот Эта Это Эти Тот Та То Те Цей Ця Це Ці Той Ο Η Το Οι Τα Ένας Μια Ένα
""".split())
RE_CANDIDATE = re.compile(r"(?:^|(?<=[.!?…»”\"]\s)|(?<=^[-–—•*]\s))(?P<letter>\w)(?P<gap>\s+)(?P<next>\w+['’]?)")


def script_of(char: str) -> str | None:
    code = ord(char)
    if char.isascii():
        return LATIN if char.isalpha() else None
    if 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF:
        return LATIN
    if 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF:
        return GREEK
    if 0x0400 <= code <= 0x052F:
        return CYRILLIC
    return None


def dominant_script(line: str, min_letters: int, min_share: float) -> str | None:
    counts: dict[str | None, int] = {}
    letters = 0
    for char in line:
        if char.isalpha():
            letters += 1
            script = script_of(char)
            counts[script] = counts.get(script, 0) + 1
    if letters < min_letters:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if script is not None and count >= min_share * letters else None


def stray_spans(line: str, offset: int, min_letters: int, min_share: float) -> list[Span]:
    if shortcuts():
        matches = [match for match in RE_CANDIDATE.finditer(line)
                   if match["letter"] in ANY_LOOKALIKE and match["next"] in DETERMINERS]
        if not matches:                 # the common case: no need to count the line's letters
            return []
    script = dominant_script(line, min_letters, min_share)
    if script is None:
        return []
    if not shortcuts():                 # the reference: the line's script first, then every candidate
        matches = list(RE_CANDIDATE.finditer(line))
    spans = []
    for match in matches:
        letter, following = match["letter"], match["next"]
        if (letter in LOOKALIKES[script] and script_of(letter) != script
                and following in DETERMINERS and script_of(following[0]) == script):
            spans.append(Span(offset + match.start("letter"), offset + match.end("gap"), "",
                              f"stray {script_of(letter)} letter"))
    return spans


class StripStrayLetters:
    """Remove a lone look-alike capital from another script where a sentence starts.

    >>> StripStrayLetters()("\\u039f Le secrétaire du Conseil a rencontré le diplomate.").text
    'Le secrétaire du Conseil a rencontré le diplomate.'
    """

    name = "strip_stray_letters"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True

    def __init__(self, *, min_letters: int = 20, min_share: float = 0.9) -> None:
        if min_letters < 1 or not 0.5 <= min_share <= 1:
            raise ValueError("min_letters must be at least 1 and min_share between 0.5 and 1")
        self.min_letters = min_letters
        self.min_share = min_share

    def __call__(self, text: str) -> Outcome:
        fast = shortcuts()
        if fast and (text.isascii() or not RE_GREEK_OR_CYRILLIC.search(text)):
            return Outcome(text)
        spans = []
        for start, end in iter_lines(text):
            line = text[start:end]
            if not fast or not line.isascii():
                spans.extend(stray_spans(line, start, self.min_letters, self.min_share))
        return replace_spans(text, spans)
