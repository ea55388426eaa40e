"""strip_site_template: the lines a site repeats on its pages (a corpus step: it learns first).

A site prints the same furniture on every page: its name, its menus, "Continue reading the
main story", the footer, the labels of its share bar. One page cannot tell them from body;
the corpus can. In a first pass this step counts, for each source (the ``source`` field, or
the host of a ``url`` field), in how many of its documents each short line occurs; then it
removes from each document the lines that at least ``min_docs`` documents of its source hold,
and at least ``min_share`` of them (a quarter by default): a template is on most of a site's
pages, while "Yes", "No" or a short quote two interviews of a large site share is not.
Copies of one article (crawled twice, or under two addresses) are one document here: each
document is known by its longest paragraph, and a line counts the different ones it is seen with.

What is counted and removed is only what could be furniture: a line of at most ``max_chars``
characters that is not a paragraph (ten words or more ending a sentence), nor a shape of
body text (code, a hard-wrapped paragraph, a table of figures, a list written in a sentence),
nor a lone line between two paragraphs (a subheading: two articles of a site may share one),
nor an encyclopedia's "References" or "See also" heading (every article of the site has one).
A document's first line (its title, or the site's name) and the line just before its first
paragraph (its headline) must be shared by one document more: two pages of a site may carry the
same headline (a recurring column, or one page's title in the other's list of links).
So a quote or a syndicated paragraph that two pages share stays. Documents with no source
are never compared.

The state holds, per source, the number of documents and, for each such line (by a 64-bit
digest), how many documents hold it and the ``min_docs + 1`` smallest of their articles' digests:
about 230 bytes per distinct short line of the corpus (measured with tracemalloc).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from ..core.cleaner import Role
from ..core.document import NO_GROUP, Doc, Outcome, group_of
from ..text.lines import remove_lines, split_lines
from ..text.page_lines import is_prose, page_shape
from ..text.shape import strip_decoration
from ..text.vocab import load_vocabulary, normalize_phrase

NOT_SEEN: tuple[int, list[str]] = (0, [])
RE_BRACKETED_END = re.compile(r"\s*\[[^\]]*\]\s*$")        # "References[edit]", "Notes [modifier]"


def digest(line: str) -> str:
    """The line's key: casefolded, white space collapsed, as a 64-bit hex digest."""
    key = " ".join(line.split()).casefold()
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class StripSiteTemplate:
    """Remove the short lines that at least ``min_docs`` documents of the same source share, and
    at least ``min_share`` of its documents.

    >>> from normalizer import Doc
    >>> step = StripSiteTemplate()
    >>> pages = [Doc(str(n), f"Example News\\n{body}\\nMore from Example News\\nContact us", fields={"source": "news.example"})
    ...          for n, body in enumerate(["The council approved the budget for next year after a long debate.",
    ...                                    "Rail workers will strike on Monday, their union said in a statement.",
    ...                                    "The museum reopens on Saturday after two years of building work."])]
    >>> learned = step.nothing_learned()
    >>> for page in pages:
    ...     learned = step.merge(learned, step.learn(page))
    >>> step.apply(pages[1], learned).text
    'Rail workers will strike on Monday, their union said in a statement.'
    """

    name = "strip_site_template"
    role = Role.LEARNS
    reads: tuple[str, ...] = ("text", "source", "url")
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"

    def __init__(self, *, min_docs: int = 2, min_share: float = 0.25, max_chars: int = 200,
                 by: str = "source") -> None:
        if min_docs < 2:
            raise ValueError("min_docs must be at least 2: a line one document holds is not a template")
        if not 0.0 <= min_share <= 1.0:
            raise ValueError("min_share must be between 0 and 1")
        if max_chars < 1:
            raise ValueError("max_chars must be at least 1")
        vocab = load_vocabulary()
        self.sections = vocab.reference_sections | vocab.related_block_only     # "References", "See also"
        self.min_docs = min_docs
        self.min_share = min_share
        self.max_chars = max_chars
        self.by = by

    def nothing_learned(self) -> dict[str, Any]:
        return {}

    def learn(self, doc: Doc) -> dict[str, Any]:
        """This document's short non-paragraph lines, once each, under its source, each with the
        digest of the document's article."""
        source = group_of(doc, self.by)
        if source == NO_GROUP:
            return {}
        short, paragraphs = self.lines_of(doc.text)
        article = digest(max(paragraphs, key=lambda line: (len(line), line)) if paragraphs else doc.text)
        return {source: {"documents": 1, "lines": {digest(line): [1, [article]] for line in sorted(short)}}}

    def merge(self, left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
        """Counts added up and article digests pooled (the ``min_docs + 1`` smallest kept: the most
        any line needs), source by source. ``left`` is updated and returned (a pass merges a
        document at a time: copying would make it quadratic)."""
        for source, counts in right.items():
            into = left.setdefault(source, {"documents": 0, "lines": {}})
            into["documents"] += counts["documents"]
            lines = into["lines"]
            for key, (seen, articles) in counts["lines"].items():
                if key in lines:
                    known = lines[key]
                    lines[key] = [known[0] + seen, sorted(set(known[1]) | set(articles))[:self.min_docs + 1]]
                else:
                    lines[key] = [seen, list(articles)]
        return left

    def apply(self, doc: Doc, learned: dict[str, Any]) -> Outcome:
        counts = learned.get(group_of(doc, self.by))
        if not counts or counts["documents"] < self.min_docs:
            return Outcome(doc.text)
        lines = split_lines(doc.text)
        kept = [index for index, line in enumerate(lines) if line.strip()]
        total = counts["documents"]
        seen = {index: counts["lines"].get(digest(lines[index]), NOT_SEEN) if len(lines[index].strip()) <= self.max_chars
                else NOT_SEEN for index in kept}
        seen = {index: (times, articles) if times >= self.min_share * total else NOT_SEEN
                for index, (times, articles) in seen.items()}
        if not any(len(articles) >= self.min_docs for _, articles in seen.values()):
            return Outcome(doc.text)
        shape = page_shape([lines[index].strip() for index in kept])
        title = digest(lines[kept[0]])
        headline = next((position - 1 for position, flag in enumerate(shape.prose) if flag), 0)
        doomed = [index for position, index in enumerate(kept) if shape.removable[position]
                  and not subheading(shape.prose, position) and not self.reference_section(lines[index])
                  and len(seen[index][1]) >= self.min_docs + (position == headline or digest(lines[index]) == title)]
        source = group_of(doc, self.by)
        return remove_lines(doc.text, doomed, lambda first, last: note(
            [seen[index][0] for index in range(first, last + 1)], total, source))

    def reference_section(self, line: str) -> bool:
        """An encyclopedia's "References", "See also[edit]": a heading every article has, of the body."""
        return normalize_phrase(strip_decoration(RE_BRACKETED_END.sub("", line))) in self.sections

    def lines_of(self, text: str) -> tuple[set[str], list[str]]:
        """The short lines that are not paragraphs, and the paragraphs."""
        short, paragraphs = set(), []
        for line in split_lines(text):
            stripped = line.strip()
            if not stripped:
                continue
            if is_prose(stripped):
                paragraphs.append(stripped)
            elif len(stripped) <= self.max_chars:
                short.add(stripped)
        return short, paragraphs


def subheading(prose: Sequence[bool], position: int) -> bool:
    """A line alone between two paragraphs."""
    return 0 < position < len(prose) - 1 and prose[position - 1] and prose[position + 1]


def note(seen: Sequence[int], total: int, source: str) -> str:
    """"these lines occur in 2 to 5 of 12 documents from example.fr"."""
    low, high = min(seen), max(seen)
    times = f"{low}" if low == high else f"{low} to {high}"
    subject = "this line occurs" if len(seen) == 1 else "these lines occur"
    return f"site template: {subject} in {times} of {total} documents from {source}"
