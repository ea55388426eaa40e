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
# A case ending on a network name: "Instagramie" (pl), "Instagramu" (cs), "Facebook'ta" (tr).
RE_ENDING = re.compile(r"'?[a-z\u00df-\u024f\u0430-\u04ff]{1,4}(?![^\W\d_])")


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


def inflected_length(rest: str, names: frozenset[str]) -> int | None:
    """Length of a network name with a case ending at the start of ``rest``, if there is one."""
    for name in names:
        if len(name) >= 4 and rest.startswith(name) and (ending := RE_ENDING.match(rest, len(name))):
            return ending.end()
    return None


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


class StripShareLines:
    """Remove share/follow lines and newsletter calls.

    >>> StripShareLines(languages=["en"])("Share prices fell.\\nShare on Facebook | X\\nBody.").text
    'Share prices fell.\\nBody.'
    """

    def __init__(self, *, languages: list[str] | None = None, extra_phrases: list[str] | None = None,
                 newsletter: bool = True, max_newsletter_chars: int = 160) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"share": extra_phrases or []})
        self.words = self.vocab.share | self.vocab.networks | self.vocab.connectors
        self.newsletter = newsletter
        self.max_newsletter_chars = max_newsletter_chars

    def is_share_line(self, key: str) -> bool:
        """Only calls, network names and connectors, with a call among them or 3+ networks."""
        tokens = split_tokens(key, self.words, self.vocab.networks)
        if not tokens:
            return False
        networks = [t for t in tokens if t not in self.words or (t in self.vocab.networks and len(t) > 2)]
        return any(t in self.vocab.share for t in tokens) or len(networks) >= 3

    def is_newsletter_line(self, line: str, key: str) -> bool:
        """Short, one sentence, names a newsletter, and starts or ends with a call to sign up."""
        if not (self.newsletter and len(line.strip()) <= self.max_newsletter_chars
                and any(word in key for word in self.vocab.newsletter_words)
                and len(RE_SENTENCE_BREAK.findall(line)) <= 1):
            return False
        return (longest_prefix(key, self.vocab.newsletter_calls) is not None
                or any(key.endswith(call) and (len(key) == len(call) or not key[-len(call) - 1].isalnum()
                                               or is_cjk(call[0]))
                       for call in self.vocab.newsletter_calls))

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        doomed = []
        for index, line in enumerate(lines):
            key = normalize_phrase(strip_decoration(line))
            if key and (self.is_share_line(key) or self.is_newsletter_line(line, key)):
                doomed.append(index)
        return remove_lines(text, doomed, "share/newsletter line")
