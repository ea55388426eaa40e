"""strip_share_lines: share, follow and newsletter calls to action, each a line of its own.

A share or follow line must be *nothing but* the call, network names, short connectors
and punctuation ("Partager sur Facebook, X et WhatsApp"), so "Share prices fell…" stays.
A newsletter line must be short, start with a call ("Sign up", "Abonnez-vous") and name a
newsletter; a bare row of three or more network names is a share bar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Outcome
from ..vocab import Vocabulary, normalize_phrase, vocabulary_for
from .lines import remove_lines, split_lines
from .textshape import RE_SENTENCE_BREAK, strip_decoration

RE_FILLER = re.compile(r"^[\W_]+")


def is_cjk(char: str) -> bool:
    """CJK, kana, Hangul and fullwidth forms: words are not separated by spaces."""
    return ord(char) >= 0x2E80


def longest_prefix(text: str, words: Iterable[str]) -> str | None:
    """The longest of ``words`` that starts ``text`` and ends at a word boundary."""
    best = None
    for word in words:
        if text.startswith(word) and (best is None or len(word) > len(best)):
            after = text[len(word):len(word) + 1]
            if not after or not after.isalnum() or is_cjk(word[-1]) or is_cjk(after):
                best = word
    return best


def only_names(rest: str, words: frozenset[str]) -> int | None:
    """How many ``words`` make up ``rest`` (punctuation between them aside), or None."""
    count = 0
    while True:
        rest = RE_FILLER.sub("", rest)
        if not rest:
            return count
        word = longest_prefix(rest, words)
        if word is None:
            return None
        rest = rest[len(word):]
        count += 1


class StripShareLines:
    """Remove share/follow lines and newsletter calls.

    >>> StripShareLines(languages=["en"])("Share prices fell.\\nShare on Facebook | X\\nBody.").text
    'Share prices fell.\\nBody.'
    """

    def __init__(self, *, languages: list[str] | None = None, extra_phrases: list[str] | None = None,
                 newsletter: bool = True, max_newsletter_chars: int = 160) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"share": extra_phrases or []})
        self.names = self.vocab.networks | self.vocab.connectors
        self.newsletter = newsletter
        self.max_newsletter_chars = max_newsletter_chars

    def is_share_line(self, key: str) -> bool:
        call = longest_prefix(key, self.vocab.share)
        if call is not None:
            return only_names(key[len(call):], self.names) is not None
        networks = only_names(key, self.names)
        return networks is not None and networks >= 3 and any(
            name in key for name in self.vocab.networks if len(name) > 2)

    def is_newsletter_line(self, line: str, key: str) -> bool:
        return (self.newsletter and len(line.strip()) <= self.max_newsletter_chars
                and longest_prefix(key, self.vocab.newsletter_calls) is not None
                and any(word in key for word in self.vocab.newsletter_words)
                and len(RE_SENTENCE_BREAK.findall(line)) <= 1)

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        doomed = []
        for index, line in enumerate(lines):
            key = normalize_phrase(strip_decoration(line))
            if key and (self.is_share_line(key) or self.is_newsletter_line(line, key)):
                doomed.append(index)
        return remove_lines(text, doomed, "share/newsletter line")
