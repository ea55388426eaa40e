"""strip_tag_lists: a trailing tag list (``Tags: a, b``, ``Mots-clés : …``) or row of ``#hashtags``.

Only the last lines (blank lines aside) are looked at, where a site appends them; the same
shape in the body is left alone.
"""

from __future__ import annotations

import re

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.lines import remove_lines, split_lines, trailing_run
from ..text.vocab import Vocabulary, normalize_phrase, vocabulary_for

RE_TAG_LABEL = re.compile(r"^[\W_]*(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<items>.+)$")
RE_TAG_SEPARATOR = re.compile(r"\s*[,;|、，／/·•]\s*|\s+(?=#)")
RE_HASHTAGS = re.compile(r"^(?:#[^\W\d_][\w-]*[\s,;]*){2,}$")


def is_tag_list(line: str, labels: frozenset[str], max_item_chars: int) -> bool:
    if RE_HASHTAGS.match(line):
        return True
    match = RE_TAG_LABEL.match(line)
    if not match or normalize_phrase(match["label"]) not in labels:
        return False
    items = [item for item in RE_TAG_SEPARATOR.split(match["items"]) if item.strip()]
    return bool(items) and all(len(item) <= max_item_chars and not item.rstrip().endswith(".")
                               for item in items)


class StripTagLists:
    """Remove trailing tag lists: ``Mots-clés : Russie, Chine`` or a row of ``#hashtags``.

    >>> StripTagLists(languages=["fr"])("Le corps.\\nMots-clés : Russie, Chine").text
    'Le corps.'
    """

    name = "strip_tag_lists"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True
    vocabulary_lists = ("tags",)
    extra_vocabulary = {"extra_labels": "tags"}

    def __init__(self, *, languages: list[str] | None = None, extra_labels: list[str] | None = None,
                 max_item_chars: int = 60) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"tags": extra_labels or []})
        self.max_item_chars = max_item_chars

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        return remove_lines(text, trailing_run(lines, self.matches, spare_first=True), "tag list")

    def matches(self, line: str) -> bool:
        return is_tag_list(line, self.vocab.tags, self.max_item_chars)
