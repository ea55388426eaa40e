"""Find rule-file mistakes that load fine but cost text or time: ``normalizer rules lint``.

Checks: patterns that match the empty string or do not compile; nested quantifiers (harmless
on re2, catastrophic under ``engine: regex``); duplicate and shadowed patterns; vocabulary lists
no step reads; steps that remove lines of real prose (every step is run on a prose sample in
many languages, so a vocabulary header or a pattern that also matches body text shows up).
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..chain.pipeline import apply_alone
from ..core.cleaner import traits_of
from ..core.errors import RuleError
from ..core.resources import rules_dir
from ..rules.loader import Rules, Step, StepSpec, build_step, read_specs, resolve_path
from ..text.patterns import MAX_STEP_EXPANSION, check_size, python_compile

REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)

PER_CULPRIT = 3


class Finding(NamedTuple):
    level: str          # error | warning | note
    code: str
    where: str          # file:line
    step: str
    message: str

    def as_json(self) -> dict[str, str]:
        return self._asdict()


class Prose(NamedTuple):
    """A text of real prose, and where each of its lines comes from (``file``, line numbers)."""

    text: str
    file: str
    lines: tuple[int, ...]

    def where(self, line_index: int) -> str:
        return f"{self.file}:{self.lines[min(line_index, len(self.lines) - 1)]}"


class PatternRef(NamedTuple):
    pattern: str
    spec: StepSpec

    def broken(self) -> bool:
        """It does not compile, or it matches every line: the step cannot load with it."""
        try:
            return bool(python_compile(self.pattern, self.spec.options.get("ignore_case") is True).search(""))
        except ValueError:
            return True


def shipped_prose() -> list[Prose]:
    """The shipped prose sample: one document per ``=== topic`` article, paragraphs apart."""
    found = []
    for path in sorted((rules_dir() / "prose").glob("*.txt")):
        name = f"{path.parent.name}/{path.name}"
        paragraphs: list[tuple[int, str]] = []
        for number, line in enumerate([*path.read_text(encoding="utf-8").split("\n"), "=== end"], 1):
            if line.startswith("=== "):
                if paragraphs:
                    found.append(prose_of(paragraphs, name))
                paragraphs = []
            elif line.strip():
                paragraphs.append((number, line))
    return found


def prose_of(paragraphs: list[tuple[int, str]], name: str) -> Prose:
    """Paragraphs joined by blank lines, as articles are written; each text line keeps its file line."""
    numbers: list[int] = []
    for number, _ in paragraphs:
        numbers.extend((number, number))        # the paragraph, and the blank line after it
    return Prose("\n\n".join(text for _, text in paragraphs), name, tuple(numbers[:-1]))


def lint(path: str | Path | None, prose: Sequence[Prose]) -> list[Finding]:
    """Every finding for one rule file (a path or a shipped name).

    A file that cannot be read as rules (missing, not YAML, not a mapping of steps) raises its
    RuleError, as every command does; a step that does not load is reported and left out, and
    the other steps are still checked, so one bad pattern does not hide the rest of the findings.
    """
    resolved = resolve_path(path or "default")
    if not resolved.is_file():
        raise RuleError("no such rule file", path=str(resolved))
    specs = read_specs(resolved).steps
    findings = list(pattern_findings(specs))
    bad = {(id(ref.spec), ref.pattern) for ref in patterns_of(specs) if ref.broken()}
    steps: list[Step] = []
    for spec in specs:
        patterns = spec.options.get("patterns")
        if isinstance(patterns, list):
            kept = [p for p in patterns if (id(spec), p) not in bad]
            if not kept:
                continue
            spec = spec._replace(options={**spec.options, "patterns": kept})
        try:
            steps.append(build_step(spec, f"step {spec.number} ({spec.id})"))
        except RuleError as error:
            findings.append(Finding("error", "load", error_place(error), spec.id, error.message))
    rules = Rules(tuple(steps), str(resolved), "")
    for step in rules.steps:
        findings.extend(Finding("warning", "re2-boundary", step.origin, step.id, w) for w in step.warnings)
    findings.extend(vocabulary_findings(rules))
    findings.extend(prose_findings(rules, prose))
    return findings


def error_place(error: RuleError) -> str:
    return f"{error.path}:{error.line}" if error.line else error.path


def patterns_of(specs: Sequence[StepSpec]) -> Iterator[PatternRef]:
    for spec in specs:
        patterns = spec.options.get("patterns")
        if isinstance(patterns, list):
            yield from (PatternRef(p, spec) for p in patterns if isinstance(p, str))


def pattern_findings(specs: Sequence[StepSpec]) -> Iterator[Finding]:
    seen: list[PatternRef] = []
    refs = list(patterns_of(specs))
    totals: dict[str, int] = {}               # a step's patterns share one expansion budget
    refused: dict[int, str] = {}              # patterns refused before compiling: they could exhaust the machine
    for number, ref in enumerate(refs):
        try:
            totals[ref.spec.id] = totals.get(ref.spec.id, 0) + check_size(ref.pattern)
        except ValueError as error:
            refused[number] = str(error)
    over = {step for step, total in totals.items() if total > MAX_STEP_EXPANSION}
    for step in sorted(over):
        spec = next(ref.spec for ref in refs if ref.spec.id == step)
        yield Finding("error", "unsafe-regex", f"{spec.path}:{spec.line}", step,
                      f"the step's patterns expand to more than {MAX_STEP_EXPANSION} copies of their parts "
                      "together (counted repetitions): split or shorten them")
    for number, ref in enumerate(refs):
        where, step = f"{ref.spec.path}:{ref.spec.line}", ref.spec.id
        ignore_case = ref.spec.options.get("ignore_case") is True
        if step in over:
            continue                          # reported above: its patterns are not tried one by one
        if number in refused:
            yield Finding("error", "unsafe-regex", where, step, refused[number])
            continue
        try:
            compiled = python_compile(ref.pattern, ignore_case)
        except ValueError as error:
            yield Finding("error", "bad-regex", where, step, str(error))
            continue
        tree = sre_parse.parse(ref.pattern, re.IGNORECASE if ignore_case else 0)
        if compiled.search(""):
            yield Finding("error", "empty-match", where, step,
                          f"pattern '{ref.pattern}' matches the empty string, so it matches every line")
        if nested_quantifier(list(tree)):
            backtracking = ref.spec.options.get("engine") == "regex"
            yield Finding("error" if backtracking else "warning", "nested-quantifier", where, step,
                          f"pattern '{ref.pattern}' repeats a repetition: "
                          + ("with engine: regex it can take exponential time; rewrite it"
                             if backtracking else "re2 runs it in linear time, but it would hang a backtracking "
                                                  "engine; simplify it"))
        for earlier in seen:
            if earlier.pattern == ref.pattern:
                yield Finding("warning", "duplicate-pattern", where, step,
                              f"pattern '{ref.pattern}' is already listed in step {earlier.spec.id}")
                break
            if shadows(earlier, ref):
                yield Finding("warning", "shadowed-pattern", where, step,
                              f"pattern '{ref.pattern}' can never fire: every line it matches is already "
                              f"removed by '{earlier.pattern}' (step {earlier.spec.id})")
                break
        seen.append(ref)


def nested_quantifier(items: list[Any], inside_repeat: bool = False) -> bool:
    """A repeat inside a repeat (``(a+)+``, ``(x+x+)+y``), or a repeated alternation whose branches
    overlap (``(a|aa)+``): the shapes that backtrack exponentially."""
    for op, arg in items:
        if op in REPEATS:
            _low, high, body = arg
            if inside_repeat and high > 1:
                return True
            repeated = high > 1
            if repeated and overlapping_branches(list(body)):
                return True
            if nested_quantifier(list(body), inside_repeat or repeated):
                return True
        elif op is sre_constants.SUBPATTERN and nested_quantifier(list(arg[3]), inside_repeat):
            return True
        elif op is sre_constants.BRANCH and any(nested_quantifier(list(b), inside_repeat) for b in arg[1]):
            return True
    return False


def overlapping_branches(items: list[Any]) -> bool:
    """A repeated body that can match the same text in two ways: ``(a|aa)+``, which Python's parser
    turns into ``a(?:|a)``: an empty alternative beside one that starts like the body itself."""
    if items and items[0][0] is sre_constants.SUBPATTERN:
        return overlapping_branches(list(items[0][1][3]))
    first = literal_prefix(items)[1][:1]
    for op, arg in items:
        if op is sre_constants.BRANCH:
            prefixes = [literal_prefix(list(branch))[1] for branch in arg[1]]
            if "" in prefixes and first and any(p.startswith(first) for p in prefixes):
                return True
            if any(a != b and a and b.startswith(a) for a in prefixes for b in prefixes):
                return True
    return False


def literal_prefix(items: list[Any]) -> tuple[bool, str, bool]:
    """(anchored at the start, the literal text every match begins with, nothing but that literal)."""
    anchored = bool(items) and items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING)
    rest = items[1:] if anchored else items
    chars = []
    for op, arg in rest:
        if op is not sre_constants.LITERAL:
            break
        chars.append(chr(arg))
    return anchored, "".join(chars), len(chars) == len(rest)


def shadows(earlier: PatternRef, later: PatternRef) -> bool:
    """Does ``earlier`` match every line ``later`` matches (so ``later`` can never remove one)?

    Only decided for the clear case: ``earlier`` is a plain literal (``^Copyright``), ``later``
    begins with it. Both must search every line (``where: anywhere``) with the same case rule.
    """
    for ref in (earlier, later):
        if ref.spec.options.get("where", "anywhere") != "anywhere":
            return False
    if earlier.spec.options.get("ignore_case") != later.spec.options.get("ignore_case"):
        return False
    try:
        early = literal_prefix(list(sre_parse.parse(earlier.pattern)))
        late = literal_prefix(list(sre_parse.parse(later.pattern)))
    except re.error:
        return False
    anchored, literal, whole = early
    if not whole or not literal:
        return False
    if anchored:
        return late[0] and late[1].startswith(literal)
    return any(literal in run for run in literal_runs(list(sre_parse.parse(later.pattern))))


def literal_runs(items: list[Any]) -> list[str]:
    """The runs of literal text every match of a pattern contains (its top-level literals)."""
    runs, current = [], ""
    for op, arg in items:
        if op is sre_constants.LITERAL:
            current += chr(arg)
        else:
            runs.append(current)
            current = ""
    return [run for run in (*runs, current) if run]


def vocabulary_findings(rules: Rules) -> Iterator[Finding]:
    """Vocabulary lists or languages that no step of this chain reads."""
    from ..cleaners import CLEANERS
    from ..text.vocab import available_languages, load_vocabulary, normalize_phrase
    readers = [step for step in rules.steps if step.traits.vocabulary_lists]
    if not readers:         # a chain of its own that reads no vocabulary: nothing to say
        return
    uses = {step.use for step in rules.steps}
    for name, cls in CLEANERS.items():
        lists = traits_of(cls).vocabulary_lists
        if lists and name not in uses:
            yield Finding("note", "unused-vocabulary", rules.path, "",
                          f"the vocabularies' {lists[0]!r} lists are read by {name}, which this chain does not use")
    for step in rules.steps:
        for option, key in step.traits.extra_vocabulary:
            if not isinstance(step.options.get(option), list):
                continue
            shipped = getattr(load_vocabulary(step.traits.languages), key)
            for phrase in step.options[option]:
                if normalize_phrase(phrase) in shipped:
                    yield Finding("note", "duplicate-phrase", step.origin, step.id,
                                  f"{option}: {phrase!r} is already in the shipped {key!r} vocabulary")
    read = {code for step in readers for code in step.traits.languages}
    unread = [code for code in available_languages() if code not in read]
    if unread:
        yield Finding("note", "unused-vocabulary", rules.path, "",
                      f"no step reads the vocabularies of {', '.join(unread)} (their 'languages' options leave "
                      f"them out): boilerplate in those languages stays")


def prose_findings(rules: Rules, prose: Sequence[Prose]) -> Iterator[Finding]:
    """Run each step alone on every prose text (a step that learns from the corpus learns from
    that text alone); a removed line is a line of body text lost.

    Each finding names the prose file and line; at most ``PER_CULPRIT`` per pattern (per step
    for other cleaners), so that one greedy pattern does not hide the others.
    """
    from .explain import removed_lines
    for step in rules.steps:
        counts: Counter[str] = Counter()
        for sample in prose:
            try:
                outcome = apply_alone(step, sample.text)
            except Exception as error:  # noqa: BLE001 - a crash on prose is itself a finding
                yield Finding("error", "crash", step.origin, step.id,
                              f"crashed on prose {sample.where(0)}: {type(error).__name__}: {error}")
                break
            for edit in outcome.edits:
                first = sample.text.count("\n", 0, edit.start) + edit.old.startswith("\n")
                for offset, line in enumerate(removed_lines(edit, sample.text) or ()):
                    if not line.strip():
                        continue
                    blamed = culprit(step, line)
                    counts[blamed] += 1
                    if counts[blamed] <= PER_CULPRIT:
                        yield Finding("warning", "removes-prose", step.origin, step.id,
                                      f"removes a line of real prose ({sample.where(first + offset)}): "
                                      f"'{line[:120]}'" + (f" (pattern '{blamed}')" if blamed else ""))
        for blamed, count in counts.items():
            if count > PER_CULPRIT:
                yield Finding("warning", "removes-prose", step.origin, step.id,
                              f"… and {count - PER_CULPRIT} more prose lines"
                              + (f" removed by pattern '{blamed}'" if blamed else ""))


def culprit(step: Any, line: str) -> str:
    """For a pattern step, the pattern that matched the line; "" for other cleaners."""
    patterns = step.options.get("patterns")
    if not isinstance(patterns, list):
        return ""
    for pattern in patterns:
        try:
            if re.search(pattern, line, re.IGNORECASE if step.options.get("ignore_case") else 0):
                return str(pattern)
        except re.error:
            continue
    return ""


def read_prose(paths: Iterable[str]) -> list[Prose]:
    """Your own prose: text or JSONL files, read like ``clean`` reads them."""
    from ..core.document import Doc
    from ..io.records import BadRecord, read_inputs
    found = []
    for item in read_inputs(list(paths)):
        if isinstance(item, Doc):
            lines = item.text.count("\n") + 1
            numbers = tuple(range(1, lines + 1)) if item.source.endswith(".txt") else (item.line,) * lines
            found.append(Prose(item.text, item.source, numbers))
        elif isinstance(item, BadRecord):
            raise ValueError(f"{item.source}:{item.line}: {item.reason}: {item.detail}")
    return found
