"""strip_lines: remove whole lines matching your own regular expressions.

This is the step a user adds for a site of their own ("Copyright Example Corp", a feed
footer). ``where`` limits it to the end or the start of a document, where such lines live.
Patterns run on re2 (linear time) unless the step opts in to ``engine: regex``.
"""

from __future__ import annotations

from ..core.cleaner import Role
from ..core.document import Outcome
from ..text.lines import remove_lines, split_lines, trailing_run
from ..text.patterns import LinePatterns, PatternTimeout

WHERE = ("anywhere", "trailing", "leading")


class StripLines:
    """Remove every line that matches one of ``patterns`` (searched, so anchor with ``^``/``$``).

    ``engine: regex`` allows lookaround and backreferences; a document on which the patterns
    take longer than ``time_budget`` seconds is rejected as ``rule_timeout``.

    >>> StripLines(patterns=[r"^© Example"])("Body.\\n© Example 2024\\nMore.").text
    'Body.\\nMore.'
    """

    name = "strip_lines"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True

    def __init__(self, *, patterns: list[str], where: str = "anywhere", ignore_case: bool = False,
                 engine: str = "re2", time_budget: float = 1.0) -> None:
        if where not in WHERE:
            raise ValueError(f"where must be one of {', '.join(WHERE)}")
        self.patterns = LinePatterns(patterns, ignore_case=ignore_case, engine=engine, time_budget=time_budget)
        self.warnings = self.patterns.warnings
        self.where = where

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        matches = self.patterns.matches
        self.patterns.start_document()
        try:
            if self.where == "trailing":
                doomed = trailing_run(lines, matches)
            elif self.where == "leading":
                doomed = [len(lines) - 1 - i for i in reversed(trailing_run(lines[::-1], matches))]
            else:
                doomed = [i for i, line in enumerate(lines) if matches(line)]
        except PatternTimeout as timeout:
            return Outcome(text, reject=("rule_timeout", str(timeout)))
        return remove_lines(text, doomed, "pattern")
