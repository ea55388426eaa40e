"""strip_credit_lines: bylines and credits, a label and names: "By Jane Doe", "Photo: Reuters".

Who wrote the article, who took its photographs and where a figure comes from are printed as
lines of their own: "By Stella Kim and Jennifer Jett", "Par Laurence Defranoux", "Foto: dpa",
"Credit: STR/AFP", "Źródło: Super Express", "Источник: ТАСС", "来源：新华社", "사진=연합뉴스".
They are page furniture, and their shape says so in any language: a label from the
vocabularies and then nothing but names. Two forms:

- a **credit**: a ``credits`` label ("Photo", "Quelle", "Fuente", "Источник", "来源") and a
  separator (":", "=", "/", "|"; "Photo by" needs none) before the names, or alone ("Autor:"):
  anywhere in the text (a photograph's credit sits where the photograph was);
- a **byline**: a ``bylines`` word ("By", "Von", "Par", "Por", "Door") and the names straight
  after it, before the article's first paragraph or after its last one: between paragraphs,
  "By Land and Sea" is a subheading.

Names are words that open with a capital letter (or are all capitals: "JEFFREY GETTLEMAN"),
agencies written in lower case (``common.yaml``'s ``agencies``: "dpa", "iStockPhoto"), web
addresses ("cosmo.gr"), joined by connectors ("and", "et", "и", "avec") and punctuation, with
maybe a date or a time ("— 24 novembre 2017 à 18:42"): so "By 2030, half of…", "By the end of
the year", "Photo: the flooded streets of the old town" and "By The Numbers" (an article is no
name) stay. After a CJK label the names are short (20 characters) and no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.lines import remove_lines, split_lines
from ..text.page_lines import is_prose
from ..text.phrases import longest_prefix
from ..text.shape import is_cjk, strip_decoration
from ..text.vocab import Vocabulary, normalize_phrase, vocabulary_for

MAX_CHARS = 120          # a credit is a label: longer lines are never looked at
MAX_WORDS = 12           # names and a date, at most
MAX_CJK_NAMES = 20       # characters after a CJK label
LABEL_ENDS = (":", "：", "=")
RE_SEPARATOR = re.compile(r"\s*[:：=/|｜]\s*")
RE_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|\d[\w.,:/\-]*")
RE_SENTENCE = re.compile(r"[。！？!?]|(?<!\b\w)\.\s+\S")      # a sentence ends (not an initial: "Nelson D. Schwartz")
# An article opens a title, never a name: "By The Numbers", "Photo: The flooded streets".
ARTICLES = frozenset("the a an der die das den dem des ein eine le la les l' un une el los las il lo gli "
                     "de het een o os as um uma".split())
JOINERS = frozenset("avec with mit con com amb met z ze с со і for für pour para per van von de du der da di "
                    "of y".split())


class StripCreditLines:
    """Remove bylines ("By Jane Doe") and credits ("Photo: Reuters", "Źródło: PAP", "来源：新华社").

    >>> StripCreditLines()("By Jane Doe\\nThe council approved the budget on Monday.\\nPhoto: Reuters").text
    'The council approved the budget on Monday.'
    """

    name = "strip_credit_lines"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True
    vocabulary_lists = ("bylines", "credits")
    extra_vocabulary = {"extra_labels": "credits"}

    def __init__(self, *, languages: list[str] | None = None, extra_labels: list[str] | None = None) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"credits": extra_labels or []})
        self.bylines = self.vocab.bylines
        self.credits = self.vocab.credits
        self.fillers = (self.vocab.connectors | self.vocab.chrome_fillers | JOINERS) - ARTICLES

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        found = {index: kind for index, line in enumerate(lines)
                 if len(line) <= MAX_CHARS and line.strip() and (kind := self.kind_of(line))}
        if not found:
            return Outcome(text)
        if "byline" in found.values():
            prose = [index for index, line in enumerate(lines) if line.strip() and is_prose(line.strip())]
            inside = range(prose[0] + 1, prose[-1]) if prose else range(0)
            found = {index: kind for index, kind in found.items() if kind == "credit" or index not in inside}
        return remove_lines(text, sorted(found), lambda first, last: note([found[i] for i in range(first, last + 1)]))

    def kind_of(self, line: str) -> str | None:
        """"credit", "byline" or None for a line that is neither."""
        bare = strip_decoration(line)
        key = normalize_phrase(bare) if bare else ""
        label = longest_prefix(key, self.credits) if key else None
        if label is not None and (rest := after_label(bare, label)) is not None:
            if not rest.strip():                       # "Autor:", "Источник:": the label alone
                return "credit" if line.rstrip()[-1:] in LABEL_ENDS else None
            separator = RE_SEPARATOR.match(rest)
            if separator or label.endswith(" by"):
                names = rest[separator.end():] if separator else rest
                return "credit" if self.are_names(names, cjk=is_cjk(label[-1])) else None
        label = longest_prefix(key, self.bylines) if key else None
        if (label is not None and bare[0].isupper() and (rest := after_label(bare, label)) is not None
                and rest[:1] == " "):           # a byline is a label: "by Turkey for…" goes on a wrapped sentence
            return "byline" if self.are_names(rest, cjk=False) else None
        return None

    def are_names(self, rest: str, cjk: bool) -> bool:
        """Nothing but names (with connectors, agencies, addresses, a date or a time)."""
        rest = rest.strip()
        if cjk:
            return 0 < len(rest) <= MAX_CJK_NAMES and not RE_SENTENCE.search(rest)
        if RE_SENTENCE.search(rest.rstrip(".")):
            return False
        tokens = RE_TOKEN.findall(rest)
        words = [token for token in tokens if not token[0].isdigit()]
        if not words or len(tokens) > MAX_WORDS or tokens[0][0].isdigit():
            return False
        if not self.is_name(words[0]) or (words[0].casefold() in ARTICLES and not words[0].isupper()):
            return False                                # "By the end…", "By The Numbers" (but "LA NACION")
        return all(self.is_name(word) or word.casefold() in self.fillers for word in words)

    def is_name(self, word: str) -> bool:
        """A capitalised word or initials, an agency written in lower case, a web address."""
        return (word[0].isupper() or normalize_phrase(word) in self.vocab.agencies
                or ("." in word.strip(".") and not word.endswith("..")))


def after_label(line: str, label: str) -> str | None:
    """What follows ``label`` (a normalised phrase the line opens with) in the line as written."""
    for end in range(len(label), min(len(line), len(label) + 8) + 1):
        if normalize_phrase(line[:end]) == label:
            return line[end:]
    return None


def note(kinds: Sequence[str]) -> str:
    """"byline", "credit", or "byline and credit" for a run of both."""
    names = sorted(set(kinds))
    return " and ".join(names) + (" lines" if len(kinds) > 1 else " line")
