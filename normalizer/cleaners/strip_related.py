"""strip_related: "Related articles" blocks and the one-line "Read also: <headline>" form.

A header only counts when it is the whole line (decoration aside), so prose that merely
starts with the same words ("Lire aussi les notes de version…") stays. The items after
it must look like headlines and be marked alike (all "» ", all numbered, or all plain),
so a body subheading or a one-line quote right after a bulleted block stays; a blank
line ends the block unless everything after it is headline-like too (the list at the
foot of an article). An item holds a word (a line of mojibake leftovers is no headline), a
numbered list starts at 1 (item "5." after "Read more" is the body's own list going on), and
a "See also" list that an encyclopedia's "References" or "Notes" follows is that article's
section, not a related-articles block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.lines import remove_lines, split_lines
from ..text.shape import (
    is_bulleted,
    is_cjk,
    is_headline_like,
    list_style,
    strip_decoration,
)
from ..text.vocab import (
    PhraseTrigger,
    Vocabulary,
    alternation,
    normalize_phrase,
    normalize_spacing,
    vocabulary_for,
)

RE_COUNT = re.compile(r"\s*[(\[]\d+[)\]]?$")
RE_WORD = re.compile(r"[^\W\d_]{2}")
RE_NUMBER_MARK = re.compile(r"^\s*(\d{1,2})[.)]\s")
SEPARATORS = r"(?:\s*[:：|»>›→►]+\s*|\s+[-–—]+\s+|\s*[】\]」》)］〕）]\s*)"
ARROWS = "▶►→»➤"


class InlineForms(NamedTuple):
    """The one-line "header: <Headline>" forms.

    The headline must not start with a lower-case word: "Voir aussi : la carte ci-dessous" is a
    sentence of the article, "Lire aussi : Impôts, ce qui change" or "READ MORE: iPhone 16 review"
    a link (a word with a capital inside, such as iPhone or eBay, counts as capitalised).
    """

    separated: re.Pattern[str]    # "Lire aussi : …", "READ MORE - …", "【関連記事】…"
    dotted: re.Pattern[str]       # "LIRE AUSSI. …" (capitals only, see headline_of)
    arrowed: re.Pattern[str]      # "▶ 관련 기사 …": an arrow, a CJK header, a space

    @classmethod
    def build(cls, phrases: frozenset[str]) -> InlineForms:
        every, cjk = alternation(phrases), alternation(p for p in phrases if any(is_cjk(c) for c in p))
        flags = re.IGNORECASE
        return cls(re.compile(rf"^[\W_]*(?:{every}){SEPARATORS}(?P<headline>\S.*)$", flags),
                   re.compile(rf"^[\W_]*(?:{every})\.\s+(?P<headline>\S.*)$", flags),
                   re.compile(rf"^\s*[{ARROWS}]\s*(?:{cjk})\s+(?P<headline>\S.*)$", flags))

    def headline_of(self, line: str) -> str | None:
        spaced = normalize_spacing(line)
        match = self.separated.match(spaced) or self.arrowed.match(spaced)
        if match is None and (match := self.dotted.match(spaced)):
            label = strip_decoration(line.split(".", 1)[0])
            if not label.isupper():       # "Voir aussi. La suite…" could be prose; "LIRE AUSSI." is not
                return None
        if match is None:
            return None
        word = match["headline"].lstrip("\"'«“‘([").split(" ", 1)[0]
        if word[:1].islower() and not any(char.isupper() for char in word[1:]):
            return None             # "la carte ci-dessous": a sentence; "iPhone 16 review": a title
        return match["headline"]


def header_key(line: str) -> str:
    """``"## Related articles (3):"`` -> ``"related articles"``."""
    return normalize_phrase(RE_COUNT.sub("", strip_decoration(line)))


def has_word(line: str) -> bool:
    """Two letters in a row, or a CJK character: what a headline has and a stray "Â" has not."""
    return RE_WORD.search(line) is not None or any(is_cjk(char) for char in line)


def find_blocks(lines: Sequence[str], headers: frozenset[str], inline: InlineForms | None,
                max_items: int, max_item_chars: int, candidates: Iterable[int] | None = None,
                references: frozenset[str] = frozenset()) -> list[int]:
    """Indexes of the lines to remove: headers, their items, and inline related lines.
    ``candidates``: the only lines that can be a header or an inline link (all when None)."""
    doomed: list[int] = []
    title = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title is None:
        return doomed
    after = title + 1                       # lines before this one are the title or taken by a block
    for index in range(len(lines)) if candidates is None else candidates:
        if index < after:
            continue
        line = lines[index]
        if header_key(line) in headers:
            block = block_after(lines, index, max_items, max_item_chars, references)
            if block is not None:
                doomed.extend(block)
                after = block[-1] + 1
                continue
        elif inline and (headline := inline.headline_of(line)) and is_headline_like(
                headline, max_chars=max_item_chars):
            doomed.append(index)
        after = index + 1
    return doomed


def block_after(lines: Sequence[str], header: int, max_items: int, max_item_chars: int,
                references: frozenset[str] = frozenset()) -> list[int] | None:
    """The header and its items, or None when the header is not followed by a list (or the list
    is an encyclopedia's section, which ``references``, its reference-section headers, tell)."""
    style: list[str] = []                # the first item's marker; the others must share it

    def item(i: int) -> bool:
        if not has_word(lines[i]) or not is_headline_like(lines[i], max_chars=max_item_chars):
            return False
        return not style or list_style(lines[i]) == style[0]

    def rest_is_list(i: int) -> bool:
        rest = [j for j in range(i, len(lines)) if lines[j].strip()]
        return all(item(j) for j in rest) and len(rest) <= max_items

    def list_starts(i: int) -> bool:
        """After blank lines below a header: a bulleted item, or two items in a row."""
        j = next((k for k in range(i, len(lines)) if lines[k].strip()), None)
        if j is None or not item(j):
            return False
        return is_bulleted(lines[j]) or (j + 1 < len(lines) and bool(lines[j + 1].strip()) and item(j + 1))

    def marked_item_follows(i: int) -> bool:
        """Blank lines between bulleted or numbered items of the same style do not end a list."""
        j = next((k for k in range(i, len(lines)) if lines[k].strip()), None)
        return j is not None and bool(style) and style[0] != "" and item(j)

    block = [header]
    blanks: list[int] = []              # blank lines inside the block go with it
    index = header + 1
    items = 0
    while index < len(lines) and items < max_items:
        if not lines[index].strip():
            if not (rest_is_list(index) or (items == 0 and list_starts(index)) or marked_item_follows(index)):
                break
            blanks.append(index)
            index += 1
            continue
        if not item(index):
            break
        block.extend(blanks)
        blanks = []
        block.append(index)
        if not style:
            style.append(list_style(lines[index]))
            if style[0] == "" and leads_a_marked_list(lines, index, max_item_chars):
                style[0] = list_style(lines[index + 1])     # a lead teaser, then "- " items
        items += 1
        index += 1
    if items == 0 and any(line.strip() for line in lines[header + 1:]):
        return None                     # a lone header between paragraphs: leave it
    first_item = next((k for k in block[1:] if lines[k].strip()), None)
    first_number = RE_NUMBER_MARK.match(lines[first_item]) if first_item is not None else None
    if first_number and int(first_number[1]) > 1:
        return None                     # "5. …" after "Read more": the body's numbered list goes on
    following = next((k for k in range(index, len(lines)) if lines[k].strip()), None)
    if references and any(header_key(lines[k]) in references
                          for k in [*block[1:], *([following] if following is not None else [])]):
        return None                     # "See also" then "References": an encyclopedia's own section
    glued_to_prose = index < len(lines) and bool(lines[index].strip()) and items < max_items
    if style and style[0] == "" and glued_to_prose:
        # Unmarked items running straight into prose: the last "item" may be the body's
        # subheading for that prose, so it stays (and a one-item block is no block).
        if items < 2:
            return None
        block.pop()
    return block


def leads_a_marked_list(lines: Sequence[str], index: int, max_item_chars: int) -> bool:
    """An unmarked headline straight above two items or more marked alike (bulleted or
    numbered): a related block that opens with its lead teaser ("ZOBACZ TAKŻE" / a headline /
    "- …" / "- …")."""
    following = lines[index + 1:index + 3]
    if len(following) < 2 or not all(line.strip() and has_word(line) for line in following):
        return False
    styles = {list_style(line) for line in following}
    return len(styles) == 1 and "" not in styles and all(
        is_headline_like(line, max_chars=max_item_chars) for line in following)


class StripRelated:
    """Remove related-article blocks (header + headline items) and inline "Read also: …" lines.

    >>> StripRelated(languages=["fr"])("Titre\\nCorps du texte.\\nArticles similaires\\n- Un titre\\n- Un autre").text
    'Titre\\nCorps du texte.'
    """

    name = "strip_related"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True
    vocabulary_lists = ("related", "related_block_only", "reference_sections")
    extra_vocabulary = {"extra_headers": "related"}

    def __init__(self, *, languages: list[str] | None = None, extra_headers: list[str] | None = None,
                 inline: bool = True, max_items: int = 20, max_item_chars: int = 150) -> None:
        if max_items < 1 or max_item_chars < 10:
            raise ValueError("max_items must be at least 1 and max_item_chars at least 10")
        self.vocab: Vocabulary = vocabulary_for(languages, {"related": extra_headers or []})
        self.inline = InlineForms.build(self.vocab.related - self.vocab.related_block_only) if inline else None
        self.max_items = max_items
        self.max_item_chars = max_item_chars
        self.trigger = PhraseTrigger(self.vocab.related)

    def __call__(self, text: str) -> Outcome:
        candidates = self.trigger.lines(text)   # only a line holding a header phrase can start a block
        if not candidates:
            return Outcome(text)
        lines = split_lines(text)
        doomed = find_blocks(lines, self.vocab.related, self.inline, self.max_items, self.max_item_chars,
                             candidates, self.vocab.reference_sections)
        return remove_lines(text, doomed, "related articles")
