"""strip_share_lines: share, follow and newsletter calls to action, each a line of its own.

A share or follow line must be *nothing but* the call, network names, short connectors
and punctuation ("Partager sur Facebook, X et WhatsApp"), so "Share prices fell…" stays.
A newsletter line must be short, start with a call ("Sign up", "Abonnez-vous") and name a
newsletter; a bare row of three or more network names is a share bar.
"""

from __future__ import annotations

import re

from ..core.cleaner import Role
from ..core.document import Outcome
from ..core.speed import shortcuts
from ..text.lines import remove_lines, split_lines
from ..text.phrases import any_of, longest_prefix, split_tokens
from ..text.shape import RE_SENTENCE_BREAK, is_bulleted, is_cjk, strip_decoration
from ..text.vocab import PhraseTrigger, Vocabulary, normalize_phrase, vocabulary_for

RE_HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")          # "Follow us on X @valleyherald"
SHORT_CALL_CHARS = 80
STATEMENT_CHARS = 60
FULL_STOPS = (".", "。", "．")
RE_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿两]+[万亿千百十]")


class StripShareLines:
    """Remove share/follow lines and newsletter calls.

    >>> StripShareLines(languages=["en"])("Share prices fell.\\nShare on Facebook | X\\nBody.").text
    'Share prices fell.\\nBody.'
    """

    name = "strip_share_lines"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True
    vocabulary_lists = ("share", "newsletter_calls", "newsletter_words", "ours")
    extra_vocabulary = {"extra_phrases": "share"}

    def __init__(self, *, languages: list[str] | None = None, extra_phrases: list[str] | None = None,
                 newsletter: bool = True, max_newsletter_chars: int = 160) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"share": extra_phrases or []})
        self.words = self.vocab.share | self.vocab.networks | self.vocab.connectors
        self.newsletter = newsletter
        self.max_newsletter_chars = max_newsletter_chars
        self.newsletter_word = any_of(self.vocab.newsletter_words)
        self.calls = tuple(sorted(self.vocab.newsletter_calls))     # for one endswith() before the loop
        # "our"/"notre" as a word of its own; a CJK one anywhere ("我们的")
        self.ours = any_of({word for word in self.vocab.ours if not is_cjk(word[0])}, r"(?<!\w)(?:{})(?!\w)",
                           {word for word in self.vocab.ours if is_cjk(word[0])})
        # A line removed here holds a call, a newsletter word (anywhere in a word), or two network
        # names of 3+ letters; calls and names are whole tokens (a name may take a case ending).
        self.trigger = PhraseTrigger(self.vocab.newsletter_words, self.vocab.share
                                     | {name for name in self.vocab.networks if len(name) > 2})

    def is_share_line(self, line: str, key: str) -> bool:
        """Only calls, network names, @handles and connectors, with a call among them; or a bar
        of three or more network names and nothing else ("Facebook | X | Email"), which a body
        list ("- Facebook, Instagram and WhatsApp") is not."""
        tokens = split_tokens(RE_HANDLE.sub(" ", key) if "@" in key or not shortcuts() else key, self.words,
                              self.vocab.networks)
        if not tokens:
            return False
        if any(token in self.vocab.share for token in tokens):
            return True
        named = [t for t in tokens if t not in self.words or (t in self.vocab.networks and len(t) > 2)]
        letters = [t for t in tokens if t in self.vocab.networks and len(t) <= 2]   # "X", "VK": not alone
        return (len(named) + len(letters) == len(tokens) and len(named) >= 2 and len(tokens) >= 3
                and "," not in line and "、" not in line and not is_bulleted(line))

    def is_network_name(self, key: str) -> bool:
        tokens = split_tokens(key, self.vocab.networks, self.vocab.networks)
        return tokens is not None and 0 < len(tokens) <= 2

    def is_newsletter_line(self, line: str, key: str) -> bool:
        """One sentence that names a newsletter, starts or ends with a call to sign up, and is
        either short or speaks as the publisher ("our newsletter") - so a news sentence about
        signing up by e-mail stays."""
        if not (self.newsletter and len(line.strip()) <= self.max_newsletter_chars
                and self.newsletter_word.search(key)
                and len(RE_SENTENCE_BREAK.findall(line)) <= 1):
            return False
        called = longest_prefix(key, self.vocab.newsletter_calls) is not None or (
            not shortcuts() or key.endswith(self.calls)) and any(
            key.endswith(call) and (len(key) == len(call) or not key[-len(call) - 1].isalnum() or is_cjk(call[0]))
            for call in self.vocab.newsletter_calls)
        if not called:
            return False
        if self.ours.search(key):
            return True
        # Not the publisher speaking: a short call, and not a statement of fact ("Newsletter
        # subscribers doubled in a year.", "メルマガ登録者は10万人を超えた。"): no figures, and not
        # a long sentence brought to a full stop.
        stripped = line.strip()
        return (len(stripped) <= SHORT_CALL_CHARS and not RE_NUMBER.search(stripped)
                and not (stripped.endswith(FULL_STOPS) and len(stripped) > STATEMENT_CHARS))

    def __call__(self, text: str) -> Outcome:
        candidates = set(self.trigger.lines(text))
        if not candidates:
            return Outcome(text)
        lines = split_lines(text)
        doomed: list[int] = []
        in_share_block = False
        for index, line in enumerate(lines):
            if index not in candidates and not in_share_block:
                continue                      # no call, newsletter word or network name: it stays
            key = normalize_phrase(strip_decoration(line))
            if not key:
                in_share_block = False
                continue
            if in_share_block and self.is_network_name(key):
                doomed.append(index)          # "Share this with" / "Email" / "Facebook" / ... one per line
            elif self.is_share_line(line, key) or self.is_newsletter_line(line, key):
                doomed.append(index)
                in_share_block = True
            else:
                in_share_block = False
        return remove_lines(text, doomed, "share/newsletter line")
