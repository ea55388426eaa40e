"""strip_tracking_tag: a site or feed code (``ttn-fr-34``) at the very end of a document.

Only the last lines (blank lines aside) are looked at, where a site appends such codes; the
same shape in the body, and codes like ``COVID-19``, are left alone.
"""

from __future__ import annotations

import re

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.isocodes import ISO_639_1
from ..text.lines import remove_lines, split_lines, trailing_run

# site code, language code (optionally with a region), number; -, _ or / between them;
# optionally in brackets. The language code is checked against ISO 639-1 separately.
RE_TRACKING_TAG = re.compile(
    r"^[\[({<]?\s*[a-z][a-z0-9]{1,15}[-_/](?P<lang>[a-z]{2})(?:[-_][a-z]{2})?[-_/]\d{1,10}\s*[\])}>]?$",
    re.IGNORECASE)


def is_tracking_tag(line: str) -> bool:
    match = RE_TRACKING_TAG.match(line)
    return match is not None and match["lang"].lower() in ISO_639_1


class StripTrackingTag:
    """Remove site/feed codes such as ``ttn-fr-34`` or ``[AFP-EN-2031]`` from the end.

    >>> StripTrackingTag()("Fin de l'article.\\n\\nttn-fr-34").text
    "Fin de l'article.\\n"
    """

    name = "strip_tracking_tag"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True

    def __init__(self) -> None:
        self.is_tag = is_tracking_tag

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        return remove_lines(text, trailing_run(lines, self.is_tag, spare_first=True), "tracking tag")
