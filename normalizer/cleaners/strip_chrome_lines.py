"""strip_chrome_lines: lines that are nothing but page chrome, whatever site they come from.

A scraper that takes a page's article element takes its furniture too: ad labels
("Advertisement", "Reklama"), comment and share buttons with their counters ("71 Kommentare",
"Comments (12)"), player and gallery controls ("Close", "Back to gallery"), "Loading...",
reading times ("5 min read"), "Updated 3 hours ago", WordPress blocks ("Like this:",
"Teilen Sie dies mit:"), copyright lines ("© 2019 Example Media, Inc.") and runs of bare
network names one per line. A line is removed only when *every* word of it is such chrome
(from the vocabularies' ``chrome`` lists), a number, or a word that may stand beside chrome
(``chrome_fillers``: months, "ago", "at"), with at least one chrome word among them: so
"Comments were closed after the vote" and "Close to 200 people came" stay, and so does a
date or a number alone (a table cell, a dateline that opens a lead). Chrome is a label: a line
that opens with a lower-case letter is the rest of a wrapped sentence ("like this:"), and a
copyright line whose sentence runs on into the next line is a licence text's first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.lines import remove_lines, split_lines
from ..text.phrases import split_tokens
from ..text.shape import is_bulleted, strip_decoration
from ..text.vocab import Vocabulary, normalize_phrase, vocabulary_for

RE_NUMBERS = re.compile(r"[+-]?\d+(?:[.,:/h]\d+)*(?:st|nd|rd|th|h|k|m|min)?\b")   # 12, 1.250, 14h05, 3rd, 2k
# "© 2019 Example Media, Inc.", "Copyright 2021 Example", "(c) 2020 Example. All rights reserved."
RE_COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", re.IGNORECASE)
COPYRIGHT_WORDS = 15
MAX_CHROME_CHARS = 160          # a chrome line is a label: longer lines are never looked at
RE_FIRST_WORD = re.compile(r"[^\W\d_][^\s:：()|,.…]*")
# a gallery's or slideshow's counter alone on its line: "36/50", "1 of 12", "3 von 10" (not a fraction: "3/4")
RE_COUNTER = re.compile(r"^\s*(?:[-•·]\s*)?(\d{1,3})\s*(?:(/)|of|von|de|di|sur|van|z|из|από)\s*(\d{1,3})\s*$",
                        re.IGNORECASE | re.MULTILINE)
MIN_SLASHED_TOTAL = 5


class StripChromeLines:
    """Remove lines that are only page chrome: ad labels, comment and share counters, player and
    gallery controls, reading times, copyright lines, runs of bare network names.

    >>> StripChromeLines(languages=["en", "de"])("Body of the article.\\nAdvertisement\\n71 Kommentare").text
    'Body of the article.'
    """

    name = "strip_chrome_lines"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True
    vocabulary_lists = ("chrome", "chrome_fillers")
    extra_vocabulary = {"extra_words": "chrome"}

    def __init__(self, *, languages: list[str] | None = None, extra_words: list[str] | None = None,
                 copyright: bool = True, max_words: int = 8) -> None:
        if max_words < 1:
            raise ValueError("max_words must be at least 1")
        self.vocab: Vocabulary = vocabulary_for(languages, {"chrome": extra_words or []})
        self.chrome = self.vocab.chrome
        self.words = self.vocab.chrome | self.vocab.chrome_fillers | self.vocab.networks | self.vocab.connectors
        self.copyright = copyright
        self.max_words = max_words
        # a chrome line opens with a chrome word, a network name, a number or a symbol
        self.openers = frozenset(normalize_phrase(phrase).split(" ")[0]
                                 for phrase in self.chrome | self.vocab.networks) | {"copyright"}

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        candidates = [index for index, line in enumerate(lines)
                      if len(line) <= MAX_CHROME_CHARS and line.strip() and self.opens_like_chrome(line)]
        if not candidates:
            return Outcome(text)
        doomed = [index for index in candidates if is_counter(lines[index]) or (
            self.is_chrome(lines[index]) and not (is_copyright(lines[index]) and runs_on(lines, index)))]
        doomed += network_runs(lines, candidates, self.vocab) if candidates else []
        return remove_lines(text, sorted(set(doomed)), "page chrome")

    def opens_like_chrome(self, line: str) -> bool:
        """A chrome line opens with a chrome word or a network name (or a number or a symbol before
        the first word): most lines are ruled out here, on their first word."""
        match = RE_FIRST_WORD.search(line)
        if match is None:
            return True
        before = line[:match.start()]
        if any(char.isdigit() or char in "©" for char in before):
            return True
        word = match.group().casefold()
        return word in self.openers or normalize_phrase(word) in self.openers if "'" in word or "’" in word \
            or "\u0307" in word else word in self.openers

    def is_chrome(self, line: str) -> bool:
        first = next((char for char in line if char.isalnum()), "")
        if first.islower():
            return False                 # a label starts with a capital (or a digit, a symbol)
        if self.copyright and is_copyright(line):
            return True
        key = normalize_phrase(RE_NUMBERS.sub(" ", strip_decoration(line)))
        tokens = split_tokens(key, self.words, self.vocab.networks) if key else None
        if not tokens or len(tokens) > self.max_words:
            return False
        return any(token in self.chrome for token in tokens) and all(
            token in self.words for token in tokens)


def is_copyright(line: str) -> bool:
    """A short line that opens with ©, "(c) 2020" or "Copyright 2021": an owner's notice, not a
    sentence about copyright."""
    stripped = line.strip()
    return RE_COPYRIGHT.match(stripped) is not None and len(stripped.split()) <= COPYRIGHT_WORDS


def is_counter(line: str) -> bool:
    """A slide counter alone on its line ("36/50", "1 of 12"); "3/4" is a fraction, "1 of 1" no count."""
    match = RE_COUNTER.match(line)
    if match is None:
        return False
    position, total = int(match[1]), int(match[3])
    return 1 <= position <= total and total >= (MIN_SLASHED_TOTAL if match[2] else 2)


def runs_on(lines: Sequence[str], index: int) -> bool:
    """Does the sentence of ``lines[index]`` go on in the next line (which opens with a
    lower-case letter)? A next line that opens with a digit or a sign ("1 of 12") is no
    continuation."""
    following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
    return following[:1].isalpha() and following[:1].islower() and not lines[index].rstrip().endswith((".", "!", "?"))


def network_runs(lines: Sequence[str], candidates: Sequence[int], vocab: Vocabulary) -> list[int]:
    """Lines that are a bare network name in a run of two or more such lines (blank lines aside):
    a share bar laid out one button per line ("Facebook" / "Twitter" / "- Pinterest"). A run
    inside a list of other items ("- Google", "- Facebook", "- Amazon") is the body's list."""
    named = {index for index in candidates if normalize_phrase(strip_decoration(lines[index])) in vocab.networks}
    filled = [index for index, line in enumerate(lines) if line.strip()]
    found: list[int] = []
    run: list[int] = []
    for position, index in enumerate([*filled, -1]):
        if index in named:
            run.append(index)
            continue
        if len(run) >= 2:
            start = position - len(run)       # the run's first line, among the filled ones
            before = lines[filled[start - 1]] if start > 0 else ""
            after = lines[index] if index != -1 else ""
            if not (is_bulleted(before) or is_bulleted(after)):
                found.extend(run)
        run = []
    return found
