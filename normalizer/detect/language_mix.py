"""The languages of a document's paragraphs and their shares: what ``check_language`` records as ``lang_mix``.

A bilingual page (a French article with an English press release pasted under it) gets one
``lang`` for the whole; its paragraphs tell the rest. Paragraphs are split on blank lines. One of
fewer than :data:`MIN_PARAGRAPH_LETTERS` letters (a headline, a caption, a dateline), or whose
language the backend gives a score under :data:`MIN_PARAGRAPH_SCORE`, is not judged: on the 204
single-language dev and held-out documents with two paragraphs or more, judging from 40 letters
found a second language in 11 (langdetect) and 13 (fasttext) of them, nearly all headlines; from
80 letters and a score of 0.5, in none and one. Each language's share is its paragraphs'
characters over the judged paragraphs' characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .language import detect_batch

MIN_PARAGRAPH_LETTERS = 80
MIN_PARAGRAPH_SCORE = 0.5
RE_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def judged_paragraphs(text: str) -> list[str]:
    """The paragraphs long enough to judge; none when there is no blank line (one paragraph)."""
    if "\n" not in text:
        return []
    paragraphs = [part.strip() for part in RE_BLANK_LINE.split(text)]
    return [part for part in paragraphs if sum(map(str.isalpha, part)) >= MIN_PARAGRAPH_LETTERS]


def shares(sized: Sequence[tuple[str, int]]) -> list[tuple[str, float]]:
    """``(lang, share)`` from ``(lang, characters)`` pairs: largest first, ties by code, 4 decimals."""
    total = sum(size for _, size in sized)
    by_lang: dict[str, int] = {}
    for lang, size in sized:
        by_lang[lang] = by_lang.get(lang, 0) + size
    return sorted(((lang, round(size / total, 4)) for lang, size in by_lang.items()),
                  key=lambda pair: (-pair[1], pair[0]))


def mix_batch(texts: Sequence[str], backend: str = "langdetect") -> list[list[tuple[str, float]] | None]:
    """Per text, its paragraphs' languages and shares; ``None`` when fewer than two paragraphs can be
    judged. Every paragraph of the batch goes to the backend in one call."""
    paragraphs = [judged_paragraphs(text) for text in texts]
    flat = [paragraph for found in paragraphs if len(found) >= 2 for paragraph in found]
    answers = iter(detect_batch(flat, backend)) if flat else iter(())
    mixes: list[list[tuple[str, float]] | None] = []
    for found in paragraphs:
        if len(found) < 2:
            mixes.append(None)
            continue
        sized = [(lang, len(paragraph)) for paragraph, (lang, score) in zip(found, answers)
                 if lang is not None and score is not None and score >= MIN_PARAGRAPH_SCORE]
        mixes.append(shares(sized) if sized else None)
    return mixes
