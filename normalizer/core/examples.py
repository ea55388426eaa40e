"""Examples a rule carries: inputs with the output they must give, and inputs that must not change.

A step, a single pattern, a whole rule file and a vocabulary file may all list them::

    examples:
      - input: "Body.\\n© Example Corp 2024"
        output: "Body."
      - input: "Nothing but a footer"
        reject: empty           # the step must reject it, with this reason
    keep:
      - "Body that mentions © Example Corp in passing."

They are read here, next to where they were written (file and line), and run by
:mod:`normalizer.ruletests`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .errors import RuleError
from .yamlfile import Located

EXAMPLE_KEYS = ("input", "output", "reject", "note")


class Example(NamedTuple):
    """One input and what must come out: ``output`` text, a ``reject`` reason, or (keep) the input itself."""

    input: str
    output: str | None
    reject: str | None
    origin: str               # "file:line" where it was written
    pattern: str | None = None  # set for the examples of one pattern: run with that pattern alone
    label: str = ""           # what it is about, for reports: "[fr]", "pattern '^©'"

    @property
    def keep(self) -> bool:
        return self.output is None and self.reject is None


def parse_examples(entry: Located, where: str, step: str = "", pattern: str | None = None,
                   label: str = "") -> tuple[Example, ...]:
    """The ``examples:`` and ``keep:`` of one mapping, checked; each error names file, line and step."""
    found: list[Example] = []
    examples = entry.get("examples", [])
    keep = entry.get("keep", [])
    if not isinstance(examples, list):
        raise RuleError("'examples' must be a list of {input, output} mappings", path=where,
                        line=entry.key_lines.get("examples"), step=step)
    for number, item in enumerate(examples, 1):
        found.append(parse_example(item, number, where, entry.key_lines.get("examples"), step, pattern, label))
    if not isinstance(keep, list) or not all(isinstance(text, str) for text in keep):
        raise RuleError("'keep' must be a list of strings (inputs the rule must leave unchanged; quote them)",
                        path=where, line=entry.key_lines.get("keep"), step=step)
    line = entry.key_lines.get("keep")
    found.extend(Example(text, None, None, f"{where}:{line}", pattern, f"{label} keep #{number}".strip())
                 for number, text in enumerate(keep, 1))
    return tuple(found)


def parse_example(item: Any, number: int, where: str, list_line: int | None, step: str,
                  pattern: str | None, label: str) -> Example:
    if not isinstance(item, Located):
        raise RuleError(f"example {number} must be a mapping with 'input' and 'output' (or 'reject')",
                        path=where, line=list_line, step=step)
    for key in item:
        if key not in EXAMPLE_KEYS:
            raise RuleError(f"example {number}: unknown key {key!r} (use {', '.join(EXAMPLE_KEYS)})",
                            path=where, line=item.key_lines[key], step=step)
    if not isinstance(item.get("input"), str):
        raise RuleError(f"example {number} needs 'input' as a string (quote it)", path=where, line=item.line,
                        step=step)
    if ("output" in item) == ("reject" in item):
        raise RuleError(f"example {number} needs exactly one of 'output' (the expected text) and 'reject' "
                        f"(the expected reason)", path=where, line=item.line, step=step)
    for key in ("output", "reject"):
        if key in item and not isinstance(item[key], str):
            raise RuleError(f"example {number}: '{key}' must be a string (quote it)", path=where,
                            line=item.key_lines[key], step=step)
    return Example(item["input"], item.get("output"), item.get("reject"), f"{where}:{item.line}", pattern, label)


def split_patterns(value: Any, where: str, step: str) -> tuple[Any, tuple[Example, ...]]:
    """``patterns:`` items may be ``{pattern: REGEX, examples: [...], keep: [...]}``: unwrap them.

    Returns the plain list the cleaner takes and the examples of each pattern.
    """
    if not isinstance(value, list):
        return value, ()
    plain: list[Any] = []
    examples: list[Example] = []
    for item in value:
        if not isinstance(item, Located):
            plain.append(item)
            continue
        unknown = [key for key in item if key not in ("pattern", "examples", "keep", "description")]
        if unknown or not isinstance(item.get("pattern"), str):
            raise RuleError("a pattern given as a mapping needs 'pattern: <regex>' and may have 'examples', "
                            "'keep' and 'description'" + (f" (not {unknown[0]!r})" if unknown else ""),
                            path=where, line=item.line, step=step)
        plain.append(item["pattern"])
        examples.extend(parse_examples(item, where, step, item["pattern"], f"pattern '{item['pattern']}'"))
    return plain, tuple(examples)
