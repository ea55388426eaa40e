"""Run the examples that rules carry: ``normalizer rules test``.

Each example runs on exactly what it was written for: a step's examples on that step
alone, a pattern's on its step with only that pattern, a rule file's top-level examples
on the whole chain, and a vocabulary file's on every step of the chain that uses the
cleaner they name and reads that language.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..chain.pipeline import apply_alone, apply_chain_alone
from ..core.document import Doc
from ..core.examples import Example
from ..rules.loader import Rules, Step, rebuild
from ..text.vocab import available_languages, vocabulary_examples


class Case(NamedTuple):
    """One example bound to what it runs on: ``step`` None means the whole chain."""

    rules: Rules
    step: Step | None
    example: Example

    @property
    def title(self) -> str:
        where = f"step {self.step.id}" if self.step else "whole chain"
        return f"{where} {self.example.label}".strip()


class Result(NamedTuple):
    case: Case
    passed: bool
    actual_text: str
    actual_reject: str | None      # the reason, when the input was rejected
    error: str = ""                # a cleaner crashed on the example


def collect(rules: Rules, vocabulary: bool = True) -> list[Case]:
    """Every example of a loaded chain, in chain order, the chain's own last."""
    cases = [Case(rules, step, example) for step in rules.steps for example in step.examples]
    if vocabulary:
        cases.extend(vocabulary_cases(rules))
    cases.extend(Case(rules, None, example) for example in rules.examples)
    return cases


def vocabulary_cases(rules: Rules) -> Iterator[Case]:
    for code in available_languages():
        by_cleaner = vocabulary_examples(code)
        for step in rules.steps:
            if code in step.traits.languages:
                for example in by_cleaner.get(step.use, ()):
                    yield Case(rules, step, example)


def run(case: Case) -> Result:
    example = case.example
    try:
        if case.step is None:
            done = apply_chain_alone(case.rules.steps, Doc("example", example.input))
            text = done.text
            reject = done.rejected.reason if done.rejected else None
        else:
            step = case.step if example.pattern is None else rebuild(case.step, patterns=[example.pattern])
            outcome = apply_alone(step, example.input)
            text, reject = outcome.text, outcome.reject[0] if outcome.reject else None
    except Exception as error:  # noqa: BLE001 - a crash is a failed example, reported as such
        return Result(case, False, "", None, f"{type(error).__name__}: {error}")
    if example.reject is not None:
        passed = reject is not None and (reject == example.reject or reject.startswith(example.reject + ":"))
    elif example.output is not None:
        passed = reject is None and text == example.output
    else:
        passed = reject is None and text == example.input
    return Result(case, passed, text, reject)
