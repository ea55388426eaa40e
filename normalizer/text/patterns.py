"""User regular expressions that cannot hang a run.

Patterns from a rule file run on google-re2 by default: linear time whatever the input.
re2 reads ``\\w``, ``\\d``, ``\\s`` and ``\\b`` as ASCII only, so a pattern is translated
first to mean what it means in Python: ``\\w`` becomes ``[\\p{L}\\p{N}_]`` and so on, and a
``\\b`` at either end of the pattern becomes a test of the neighbouring character. A ``\\b``
elsewhere cannot be translated; it is kept (ASCII-only) with a warning.

A pattern that needs backtracking (lookaround, backreferences) must opt in with
``engine: regex``: it then runs on the ``regex`` module under a time budget per document,
and a document that exceeds it raises :class:`PatternTimeout` (the step rejects it).
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
import time
import unicodedata
import warnings
from collections.abc import Sequence
from typing import Any, NamedTuple

ENGINES = ("re2", "regex")
MAX_PATTERN_CHARS = 10_000    # a line pattern longer than this is not a line pattern
MAX_REPEAT = 1000             # re2's own limit on a counted repetition
MAX_EXPANSION = 100_000       # copies of its parts that nested repetitions may expand a pattern to
MAX_STEP_EXPANSION = 50_000   # and all the patterns of one step together
CLASS_WEIGHT = 10             # a character class costs re2 about ten literals (\w{1000}: 0.4 s to compile)
MAX_TIME_BUDGET = 60.0        # seconds a backtracking pattern may take on one document
POSSESSIVE_REPEAT = getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)
WORD = r"\p{L}\p{N}_"
SPACE = r"\t-\r\x{1c}-\x{1f}\x{85}\p{Z}"     # what Python's str.isspace() accepts
CLASS_SHORTHANDS = {"w": WORD, "d": r"\p{Nd}", "s": SPACE, "D": r"\P{Nd}"}
SHORTHANDS = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}",
              "s": f"[{SPACE}]", "S": f"[^{SPACE}]", "Z": r"\z"}
NO_WORD_BEFORE = f"(?:^|[^{WORD}])"
NO_WORD_AFTER = f"(?:$|[^{WORD}])"


class PatternTimeout(Exception):
    """A backtracking pattern used up its time budget on one document."""

    def __init__(self, pattern: str, budget: float) -> None:
        super().__init__(f"pattern '{pattern}' ran out of the step's {budget:g} s time budget")


class Translation(NamedTuple):
    pattern: str
    warnings: tuple[str, ...]


def is_word_char(char: str) -> bool:
    """Python's ``\\w`` for one character."""
    return char.isalnum() or char == "_"


def edge_kind(items: Sequence[Any], first: bool) -> str | None:
    """Is the first (last) character a match can have at this edge a word character?

    ``"word"``, ``"other"``, or None when it can be either or the pattern is too intricate to tell.
    """
    if not items:
        return None
    op, arg = items[0] if first else items[-1]
    if op is sre_constants.LITERAL:
        return "word" if is_word_char(chr(arg)) else "other"
    if op is sre_constants.IN:
        kinds = {set_member_kind(member) for member in arg}
        return kinds.pop() if len(kinds) == 1 else None
    if op is sre_constants.BRANCH:
        kinds = {edge_kind(branch, first) for branch in arg[1]}
        return kinds.pop() if len(kinds) == 1 else None
    if op is sre_constants.SUBPATTERN:
        return edge_kind(list(arg[3]), first)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1:
        return edge_kind(list(arg[2]), first)
    return None


def set_member_kind(member: tuple[Any, Any]) -> str | None:
    op, arg = member
    if op is sre_constants.LITERAL:
        return "word" if is_word_char(chr(arg)) else "other"
    if op is sre_constants.RANGE and arg[1] - arg[0] < 2000:
        kinds = {is_word_char(chr(code)) for code in range(arg[0], arg[1] + 1)}
        return ("word" if kinds.pop() else "other") if len(kinds) == 1 else None
    if op is sre_constants.CATEGORY:
        return {sre_constants.CATEGORY_WORD: "word", sre_constants.CATEGORY_DIGIT: "word",
                sre_constants.CATEGORY_SPACE: "other", sre_constants.CATEGORY_NOT_WORD: "other"}.get(arg)
    return None


def boundary(kind: str | None, before: bool) -> str | None:
    """A consuming equivalent of ``\\b`` for a yes/no search, given the character on its inner side."""
    if kind == "word":
        return NO_WORD_BEFORE if before else NO_WORD_AFTER
    if kind == "other":
        return f"[{WORD}]"
    return None


def translate_for_re2(pattern: str) -> Translation:
    """Rewrite Python-flavoured ``pattern`` so that re2 matches Unicode text as Python would.

    >>> translate_for_re2(r"^\\d+ \\w+$").pattern
    '^\\\\p{Nd}+ [\\\\p{L}\\\\p{N}_]+$'
    """
    tree = list(sre_parse.parse(pattern))
    out: list[str] = []
    notes: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char != "\\" or index + 1 == len(pattern):
            if char == "[" and not in_class:
                in_class = True
                out.append(char)
                if pattern[index + 1:index + 2] == "^":
                    out.append("^")
                    index += 1
                if pattern[index + 1:index + 2] == "]":      # a literal ] first in a class
                    out.append(r"\]")
                    index += 1
            elif char == "{" and not in_class and pattern[index + 1:index + 2] == ",":
                out.append("{0")                    # Python's x{,2} is x{0,2}; re2 would read it literally
            else:
                if char == "]" and in_class:
                    in_class = False
                out.append(char)
            index += 1
            continue
        code = pattern[index + 1]
        end = index + 2
        if code in "bB" and not in_class:
            out.append(translate_boundary(code, index, end, pattern, tree, notes))
        elif code in "uU":
            width = 4 if code == "u" else 8
            out.append(f"\\x{{{pattern[end:end + width]}}}")
            end += width
        elif code == "N" and pattern[end:end + 1] == "{":
            close = pattern.index("}", end)
            out.append(re.escape(unicodedata.lookup(pattern[end + 1:close])))
            end = close + 1
        elif in_class and code in CLASS_SHORTHANDS:
            out.append(CLASS_SHORTHANDS[code])
        elif in_class and code in "WS":
            raise ValueError(f"pattern '{pattern}': re2 cannot put \\{code} inside [...]; "
                             f"rewrite it, or set 'engine: regex' on this step")
        elif not in_class and code in SHORTHANDS:
            out.append(SHORTHANDS[code])
        else:
            out.append(pattern[index:end])
        index = end
    return Translation("".join(out), tuple(notes))


def translate_boundary(code: str, start: int, end: int, pattern: str, tree: list[Any],
                       notes: list[str]) -> str:
    """``\\b`` at the very start or end of a pattern becomes a neighbour test; elsewhere, a warning."""
    if code == "b" and start == 0:
        replacement = boundary(edge_kind(tree[1:], first=True), before=True)
    elif code == "b" and end == len(pattern):
        replacement = boundary(edge_kind(tree[:-1], first=False), before=False)
    else:
        replacement = None
    if replacement is None:
        notes.append(f"pattern '{pattern}': re2 reads \\{code} with ASCII letters only, so it will not "
                        f"see a word boundary next to 'é' or '東'; put \\b only at the ends of a pattern, "
                        f"or set 'engine: regex'")
        return "\\" + code
    return replacement


class LinePatterns:
    """Patterns compiled into one alternation; ``matches(line)`` says if any of them is found.

    ``engine`` is ``re2`` (linear time) or ``regex`` (backtracking, under ``time_budget``
    seconds per document: call :meth:`start_document` before each document).

    >>> LinePatterns([r"\\bété\\b"]).matches("un été chaud")
    True
    """

    def __init__(self, patterns: Sequence[str], *, ignore_case: bool = False, engine: str = "re2",
                 time_budget: float = 1.0) -> None:
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}")
        if not patterns:   # an empty alternation would match everything
            raise ValueError("patterns: list at least one regex")
        if not 0 < time_budget <= MAX_TIME_BUDGET:      # False for NaN too
            raise ValueError(f"time_budget must be a number of seconds above 0 and at most {MAX_TIME_BUDGET:g}")
        self.engine = engine
        self.time_budget = time_budget
        self.deadline: float | None = None     # None: each search gets the whole budget
        found_warnings: list[str] = []
        sources: list[str] = []
        compiled: list[Any] = []
        total = 0
        for pattern in patterns:
            total += check_size(pattern)
            if total > MAX_STEP_EXPANSION:
                raise ValueError(f"the step's {len(patterns)} patterns expand to more than {MAX_STEP_EXPANSION} "
                                 "copies of their parts together (counted repetitions): split or shorten them")
            check_python_syntax(pattern, ignore_case)
            source = pattern
            if engine == "re2":
                source, found = translate_for_re2(pattern)
                found_warnings.extend(found)
            sources.append(source)
            compiled.append(compile_one(source, ignore_case, engine, pattern))
        self.warnings = tuple(found_warnings)
        self.patterns = tuple(patterns)
        if engine == "re2":     # one pass over the line; re2 has no backreferences to renumber
            combined = "|".join(f"(?:{s})" for s in sources)
            compiled = [compile_one(combined, ignore_case, engine, combined)]
        self.compiled = compiled   # regex: each alone, so \1 still means its own pattern's group

    def start_document(self) -> None:
        self.deadline = time.monotonic() + self.time_budget

    def matches(self, line: str) -> bool:
        if self.engine == "re2":
            return self.compiled[0].search(line) is not None
        for pattern, compiled in zip(self.patterns, self.compiled):
            remaining = self.time_budget if self.deadline is None else self.deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                if compiled.search(line, timeout=remaining) is not None:
                    return True
            except TimeoutError:
                raise PatternTimeout(pattern, self.time_budget) from None
        return False


def python_compile(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """Compile in Python syntax, the one rule files are written in. A pattern Python only warns
    about (``[[:digit:]]``, a possible nested set) means one thing to Python and another to re2:
    it is refused, so that what the author tests is what runs."""
    check_size(pattern)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compiled = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        except re.error as error:
            raise ValueError(f"bad regex '{pattern}': {error}") from None
    for warning in caught:
        raise ValueError(f"ambiguous regex '{pattern}': {warning.message}; escape the bracket, "
                         f"or write the class out ([0-9] or \\d, not [[:digit:]])")
    return compiled


def check_size(pattern: str) -> int:
    """A stranger's pattern must not exhaust the machine while it is compiled or tried: at most
    ``MAX_PATTERN_CHARS`` characters, no counted repetition above ``MAX_REPEAT`` (re2's own
    limit), and nested repetitions that expand to ``MAX_EXPANSION`` copies at most
    (``((a?){60000}){60000}`` would be 3.6 billion). Checked on the parse tree, before anything
    is compiled, in microseconds; returns the expansion (a step's patterns share a budget)."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"pattern of {len(pattern)} characters: at most {MAX_PATTERN_CHARS} are allowed")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")      # python_compile reports them, next
            tree = sre_parse.parse(pattern)
    except re.error:
        return 0                                 # not a regex at all: compiling it says why
    except (RecursionError, OverflowError):
        raise ValueError(f"pattern '{shorten(pattern)}' is nested too deeply or counts too high") from None

    def expansion(items: Any) -> int:
        """How many copies of its atoms the (sub)pattern expands to, at most."""
        total = 0
        for op, arg in items:
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, POSSESSIVE_REPEAT):
                low, high, inner = arg
                count = low if high is sre_constants.MAXREPEAT else high
                if count > MAX_REPEAT:
                    raise ValueError(f"pattern '{shorten(pattern)}' repeats {count} times: at most {MAX_REPEAT}")
                total += max(count, 1) * expansion(inner)
            elif op is sre_constants.SUBPATTERN:
                total += expansion(arg[3])
            elif op is sre_constants.BRANCH:
                total += sum(expansion(branch) for branch in arg[1])
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                total += expansion(arg[1])
            elif op in (sre_constants.IN, sre_constants.ANY, sre_constants.CATEGORY):
                total += CLASS_WEIGHT      # \w is every letter and digit of Unicode once translated for re2
            else:
                total += 1
            if total > MAX_EXPANSION:
                raise ValueError(f"pattern '{shorten(pattern)}' expands to more than {MAX_EXPANSION} copies "
                                 "of its parts (nested counted repetitions)")
        return total

    return expansion(list(tree))


def shorten(pattern: str) -> str:
    """A pattern as messages quote it: 80 characters at most."""
    return pattern if len(pattern) <= 80 else pattern[:77] + "..."


def check_python_syntax(pattern: str, ignore_case: bool) -> None:
    """Patterns are written in Python syntax: name a bad one, and refuse one that matches nothing at all."""
    compiled = python_compile(pattern, ignore_case)
    if compiled.fullmatch(""):
        raise ValueError(f"pattern '{pattern}' matches the empty string, so it would match every line")


def compile_one(source: str, ignore_case: bool, engine: str, shown: str) -> Any:
    if engine == "regex":
        import regex
        try:
            return regex.compile(source, regex.IGNORECASE if ignore_case else 0)
        except regex.error as error:
            raise ValueError(f"bad regex '{shown}': {error}") from None
    import re2
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    options.max_mem = 64 << 20
    try:
        return re2.compile(source, options)
    except re2.error as error:
        message = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        hint = ("; it needs backtracking (lookaround or a backreference): set 'engine: regex' on this step "
                "to run it under a time budget") if needs_backtracking(shown) else ""
        raise ValueError(f"re2 cannot compile '{shown}': {message}{hint}") from None


def needs_backtracking(pattern: str) -> bool:
    return bool(re.search(r"\(\?<?[=!]|\\[1-9]|\(\?P=|\(\?>|[*+?}]\+", pattern))
