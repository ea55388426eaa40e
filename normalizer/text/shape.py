"""Small judgements about the shape of a line: decoration, bullets, headline or prose.

They are shared by the boilerplate cleaners so that "headline-like" means one thing.
"""

from __future__ import annotations

import re

from ..core.speed import shortcuts

# Leading and trailing decoration around a short label: markdown, arrows, brackets, bullets.
RE_BULLET = re.compile(r"^\s*(?:[-–—•·*►▶▸→»■□◆◇●○★☆✓✔>+]|\d{1,2}[.)]|[a-z][.)])\s+\S")
# A sentence ends and another begins inside the line.
RE_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”»)]*\s+[\"'“«(]*\w")
RE_CLOSING = re.compile(r"[\s\"'”’»)\]}】」』]+$")
RE_CITATIONS = re.compile(r"(?:\s*\[(?:\d+|[a-z]|citation needed)\])+\s*$")     # "…occasions.[1]", "[a][2]"
RE_DECORATION_AT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")      # strip_decoration's reference
PROSE_ENDINGS = (".", "。", ";", ":")
ELLIPSES = ("...", "…")


def is_cjk(char: str) -> bool:
    """Han, kana, Hangul, CJK punctuation and fullwidth forms: scripts without spaces between words."""
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x1100 <= code <= 0x11FF or 0x20000 <= code <= 0x3FFFF)


def strip_decoration(line: str) -> str:
    """``"## Related articles :"`` -> ``"Related articles"``: the non-alphanumeric runs at both
    ends off (what ``^[\\W_]+|[\\W_]+$`` removes, without that expression's scan of every run)."""
    if not shortcuts():
        return RE_DECORATION_AT_EDGES.sub("", line)
    start, end = 0, len(line)
    while start < end and not line[start].isalnum():
        start += 1
    while end > start and not line[end - 1].isalnum():
        end -= 1
    return line[start:end]


def is_bulleted(line: str) -> bool:
    return bool(RE_BULLET.match(line))


def list_style(line: str) -> str:
    """How a list item is marked: its bullet character, "number", "letter", or "" for none."""
    match = RE_BULLET.match(line)
    if not match:
        return ""
    marker = line.strip()[0]
    return "number" if marker.isdigit() else "letter" if marker.isalpha() else marker


def ends_like_prose(line: str) -> bool:
    """A sentence-final full stop (quotes and brackets aside); an ellipsis is headline-like."""
    core = RE_CLOSING.sub("", RE_CITATIONS.sub("", line))
    return core.endswith(PROSE_ENDINGS) and not core.endswith(ELLIPSES)


def is_headline_like(line: str, max_chars: int = 150, max_bulleted_chars: int = 250) -> bool:
    """A short title-like line: the shape of an item in a related-articles list.

    Body paragraphs are longer, end with a full stop or run on for several sentences.
    """
    stripped = line.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return False
    if is_bulleted(stripped):
        return len(stripped) <= max_bulleted_chars and len(RE_SENTENCE_BREAK.findall(stripped)) <= 1
    return (len(stripped) <= max_chars and not ends_like_prose(stripped)
            and not RE_SENTENCE_BREAK.search(stripped))
