"""strip_lines: remove whole lines matching your own regular expressions.

This is the step a user adds for a site of their own ("Copyright Example Corp", a feed
footer). ``where`` limits it to the end or the start of a document, where such lines live.
"""

from __future__ import annotations

import re

from ..document import Outcome
from .lines import remove_lines, split_lines, trailing_run

WHERE = ("anywhere", "trailing", "leading")


def compile_patterns(patterns: list[str], ignore_case: bool) -> re.Pattern[str]:
    """One alternation of every pattern; each is checked alone first, to name a bad one."""
    if not patterns:   # an empty alternation would match everything
        raise ValueError("patterns: list at least one regex")
    flags = re.IGNORECASE if ignore_case else 0
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, flags)
        except re.error as error:
            raise ValueError(f"bad regex {pattern!r}: {error}") from None
        if compiled.search(""):
            raise ValueError(f"pattern {pattern!r} matches the empty string, so it would match every line")
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


class StripLines:
    """Remove every line that matches one of ``patterns`` (searched, so anchor with ``^``/``$``).

    >>> StripLines(patterns=[r"^© Example"])("Body.\\n© Example 2024\\nMore.").text
    'Body.\\nMore.'
    """

    def __init__(self, *, patterns: list[str], where: str = "anywhere", ignore_case: bool = False) -> None:
        if where not in WHERE:
            raise ValueError(f"where must be one of {', '.join(WHERE)}")
        self.regex = compile_patterns(patterns, ignore_case)
        self.where = where

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        if self.where == "trailing":
            doomed = trailing_run(lines, self.matches)
        elif self.where == "leading":
            doomed = [len(lines) - 1 - i for i in reversed(trailing_run(lines[::-1], self.matches))]
        else:
            doomed = [i for i, line in enumerate(lines) if self.matches(line)]
        return remove_lines(text, doomed, "pattern")

    def matches(self, line: str) -> bool:
        return bool(self.regex.search(line))
