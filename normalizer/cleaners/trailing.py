"""Trailing boilerplate: tracking tags (``ttn-fr-34``) and tag lists (``Tags: a, b``).

Both are only removed at the very end of a document (blank lines aside), where a site
appends them; the same shapes in the body are left alone.
"""

from __future__ import annotations

import re

from ..document import Outcome
from ..vocab import Vocabulary, normalize_phrase, vocabulary_for
from .isocodes import ISO_639_1
from .lines import remove_lines, split_lines, trailing_run

# site code, language code (optionally with a region), number; -, _ or / between them;
# optionally in brackets. The language code is checked against ISO 639-1 separately.
RE_TRACKING_TAG = re.compile(
    r"^[\[({<]?\s*[a-z][a-z0-9]{1,15}[-_/](?P<lang>[a-z]{2})(?:[-_][a-z]{2})?[-_/]\d{1,10}\s*[\])}>]?$",
    re.IGNORECASE)
RE_TAG_LABEL = re.compile(r"^[\W_]*(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<items>.+)$")
RE_TAG_SEPARATOR = re.compile(r"\s*[,;|、，／/·•]\s*|\s+(?=#)")
RE_HASHTAGS = re.compile(r"^(?:#[^\W\d_][\w-]*[\s,;]*){2,}$")


def is_tracking_tag(line: str) -> bool:
    match = RE_TRACKING_TAG.match(line)
    return match is not None and match["lang"].lower() in ISO_639_1


class StripTrackingTag:
    """Remove site/feed codes such as ``ttn-fr-34`` or ``[AFP-EN-2031]`` from the end.

    >>> StripTrackingTag()("Fin de l'article.\\n\\nttn-fr-34").text
    "Fin de l'article.\\n"
    """

    def __init__(self) -> None:
        self.is_tag = is_tracking_tag

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        return remove_lines(text, trailing_run(lines, self.is_tag, spare_first=True), "tracking tag")


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

    def __init__(self, *, languages: list[str] | None = None, extra_labels: list[str] | None = None,
                 max_item_chars: int = 60) -> None:
        self.vocab: Vocabulary = vocabulary_for(languages, {"tags": extra_labels or []})
        self.max_item_chars = max_item_chars

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        return remove_lines(text, trailing_run(lines, self.matches, spare_first=True), "tag list")

    def matches(self, line: str) -> bool:
        return is_tag_list(line, self.vocab.tags, self.max_item_chars)
