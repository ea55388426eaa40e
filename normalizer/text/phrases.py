"""Lines made of nothing but known phrases: the matching the line cleaners share.

A share line ("Partager sur Facebook, X et WhatsApp") or a chrome line ("71 Kommentare",
"Like this:") is removed only when *every* word of it is one of the cleaner's phrases,
network names or connectors; these helpers split a normalised line into such phrases, or
say that it cannot be.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .shape import is_cjk
from .vocab import alternation

RE_FILLER = re.compile(r"^[\W_]+")
# A case ending on a network name: "Instagramie" (pl), "Instagramu" (cs), "Facebook'ta" (tr).
RE_ENDING = re.compile(r"'?[a-z\u00df-\u024f\u0430-\u04ff]{1,4}(?![^\W\d_])")


@functools.lru_cache(maxsize=64)
def by_first_char(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first character, longest first: a line is checked only
    against the phrases that can start it."""
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[0], []).append(word)
    return {char: tuple(sorted(group, key=len, reverse=True)) for char, group in index.items()}


def longest_prefix(text: str, words: frozenset[str]) -> str | None:
    """The longest of ``words`` that starts ``text`` and ends at a word boundary."""
    for word in by_first_char(words).get(text[:1], ()):
        if text.startswith(word):
            after = text[len(word):len(word) + 1]
            if not after or not after.isalnum() or is_cjk(word[-1]) or is_cjk(after):
                return word
    return None


def inflected_length(rest: str, names: frozenset[str]) -> int | None:
    """Length of a network name with a case ending at the start of ``rest``, if there is one."""
    for name in by_first_char(names).get(rest[:1], ()):
        if len(name) >= 4 and rest.startswith(name) and (ending := RE_ENDING.match(rest, len(name))):
            return ending.end()
    return None


def any_of(words: Iterable[str], template: str = "{}", anywhere: Iterable[str] = ()) -> re.Pattern[str]:
    """One expression that finds any of ``words`` (inside ``template``) or of ``anywhere``."""
    parts = [template.format(alternation(words))] if words else []
    parts += [alternation(anywhere)] if anywhere else []
    return re.compile("|".join(parts) or "(?!)")


def split_tokens(rest: str, words: frozenset[str], inflected: frozenset[str]) -> list[str] | None:
    """Split ``rest`` into ``words`` (punctuation between them aside), or None if it is not
    made only of them. Names in ``inflected`` (networks) may carry a case ending:
    "Instagramie" (pl), "Instagramu" (cs), "Facebook'ta" (tr).
    """
    found: list[str] = []
    while True:
        rest = RE_FILLER.sub("", rest)
        if not rest:
            return found
        length = inflected_length(rest, inflected)
        if length is None:
            word = longest_prefix(rest, words)
            if word is None:
                return None
            length = len(word)
        found.append(rest[:length])
        rest = rest[length:]
