"""Mine a corpus for boilerplate the rules miss: lines that repeat across many documents.

Per source (the ``source`` field, or the host of ``url``), every line that is left after
the rules ran is counted once per document; lines in a large share of a source's documents
are footers, bylines, menus. Digits are generalised (``© 2024`` and ``© 2025`` are one
line, matched by ``\\d+``). Nothing is removed: the result is a ranked list and a rule
snippet, with examples computed by the very rule it proposes, for a person to review.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import yaml

from ..chain.pipeline import apply_chain
from ..chain.tasks import documents
from ..core.document import Doc, group_of
from ..io.corpus import Batch, Corpus, FileEnd
from ..io.records import ReadOptions, parsed
from ..rules.loader import Rules, Step
from ..run.runner import Engine, prepare, stream

DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
META = re.compile(r"([.^$*+?{}\[\]\\|()])")
MIN_CHARS, MAX_CHARS = 4, 200


class Suggestion(NamedTuple):
    group: str
    line: str                       # the commonest exact form
    pattern: str
    docs: int                       # documents of the group that contain it
    group_docs: int
    trailing: float                 # share of occurrences that were the document's last line
    examples: tuple[tuple[str, str, str, str], ...]   # (doc id, line before it, the line, line after it)

    @property
    def share(self) -> float:
        return self.docs / self.group_docs if self.group_docs else 0.0


class Tally:
    """Counts for one normalised line within one group."""

    __slots__ = ("docs", "trailing", "forms", "examples")

    def __init__(self) -> None:
        self.docs = 0
        self.trailing = 0
        self.forms: Counter[str] = Counter()
        self.examples: list[tuple[str, str, str, str]] = []


def line_key(line: str) -> str:
    """``"  © 2024   Example "`` -> ``"© 0 Example"``: how lines are compared."""
    return DIGITS.sub("0", SPACES.sub(" ", line).strip())


def line_pattern(line: str) -> str:
    """An anchored regex for a line: metacharacters escaped, digit runs as ``\\d+``, spaces loose
    (leading and trailing ones too: the line was compared without them)."""
    parts = []
    for piece in re.split(r"(\d+|\s+)", line.strip()):
        if not piece:
            continue
        parts.append(r"\d+" if piece.isdigit() and piece.isascii() else r"\s+" if piece.isspace()
                     else META.sub(r"\\\1", piece))
    return r"^\s*" + "".join(parts) + r"\s*$"


def after_rules(steps: Sequence[Step], doc: Doc) -> Doc:
    """The document as the rules leave it; steps that do not write the text (language, length)
    are skipped. A cleaner that crashes leaves it rejected (``internal_error:*``)."""
    return apply_chain([s for s in steps if s.traits.edits_text], doc)


@dataclasses.dataclass(frozen=True)
class AfterRulesTask:
    """``rules suggest``'s work on one batch: each document, and what the rules leave of it."""

    steps: tuple[Step, ...]
    options: ReadOptions = ReadOptions()

    def __call__(self, batch: Batch) -> list[tuple[Doc, Doc]]:
        return [(doc, after_rules(self.steps, doc)) for doc in documents(parsed(batch.items, self.options))]


def texts_after_rules(corpus: Corpus, rules: Rules | None, engine: Engine) -> Iterator[tuple[Doc, Doc]]:
    """Every readable document of the corpus with what the rules leave of it (itself when
    ``rules`` is None), in order, lazily; a step that learns from the corpus learns first."""
    chain = rules if rules is not None else Rules((), "(none)", "")
    with engine.session(), prepare(corpus, chain, engine) as prepared:
        for result in stream(prepared, lambda steps: AfterRulesTask(steps, corpus.options), engine):
            if isinstance(result, FileEnd):
                if result.failure is not None:        # as a reader would: the file cannot be mined
                    raise result.failure
                continue
            yield from result


def mine(pairs: Iterable[tuple[Doc, Doc]], by: str | None = "source", min_docs: int = 3,
         min_share: float = 0.2) -> tuple[list[Suggestion], Counter[str]]:
    """Repeated lines per group, commonest first, and the number of documents per group, from
    documents and what the rules left of each."""
    tallies: dict[str, dict[str, Tally]] = {}
    group_docs: Counter[str] = Counter()
    for doc, result in pairs:
        text = result.text
        group = group_of(doc, by)
        group_docs[group] += 1
        lines = [line for line in text.split("\n") if line.strip()]
        table = tallies.setdefault(group, {})
        seen: set[str] = set()
        for index, line in enumerate(lines):
            key = line_key(line)
            if not MIN_CHARS <= len(key) <= MAX_CHARS or key in seen:
                continue
            seen.add(key)
            tally = table.get(key)
            if tally is None:
                tally = table[key] = Tally()
            tally.docs += 1
            tally.trailing += index == len(lines) - 1
            tally.forms[line.strip()] += 1
            if len(tally.examples) < 3 and len(lines) > 1:
                before = lines[index - 1] if index > 0 else ""
                after = lines[index + 1] if index + 1 < len(lines) else ""
                tally.examples.append((doc.id, before, line, after))
    found = []
    for group, table in tallies.items():
        total = group_docs[group]
        for tally in table.values():
            if tally.docs >= min_docs and tally.docs / total >= min_share:
                line = tally.forms.most_common(1)[0][0]
                found.append(Suggestion(group, line, line_pattern(line), tally.docs, total,
                                        tally.trailing / tally.docs, tuple(tally.examples)))
    found.sort(key=lambda s: (-s.docs, s.group, s.line))
    return found, group_docs


def rule_snippet(suggestions: Sequence[Suggestion], extends_default: bool = True) -> list[dict[str, Any]]:
    """``strip_lines`` steps, one per group, each pattern with examples its own rule produced."""
    from ..cleaners.strip_lines import StripLines
    steps: list[dict[str, Any]] = []
    by_group: dict[str, list[Suggestion]] = {}
    for suggestion in suggestions:
        by_group.setdefault(suggestion.group, []).append(suggestion)
    ids: set[str] = set()
    for group, items in by_group.items():
        trailing = all(s.trailing >= 0.9 for s in items)
        name = base = step_id(group)
        suffix = 1
        while name in ids:          # "a.b" and "a-b" give the same slug
            suffix += 1
            name = f"{base}_{suffix}"
        ids.add(name)
        step: dict[str, Any] = {"use": StripLines.name, "id": name}
        if extends_default:
            step["before"] = "tidy_after"
        step["description"] = f"lines repeated across {group} (mined by normalizer rules suggest)"
        if trailing:
            step["where"] = "trailing"
        patterns = []
        for s in items:
            rule = StripLines(patterns=[s.pattern], where="trailing" if trailing else "anywhere")
            entry: dict[str, Any] = {"pattern": s.pattern}
            for _doc_id, before, line, after in s.examples[:1]:
                text = f"{before}\n{line}" if before else f"{line}\n{after}"
                output = rule(text).text
                if output == text:      # never propose a rule that misses its own example
                    break
                entry["examples"] = [{"input": text, "output": output}]
                entry["keep"] = [before or after]
            else:
                patterns.append(entry)
        step["patterns"] = patterns
        if patterns:
            steps.append(step)
    return steps


def step_id(group: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "_", group.lower()).strip("_")
    return f"repeated_{slug or 'lines'}"[:60]


class SnippetDumper(yaml.SafeDumper):
    """Multi-line strings in double quotes with ``\\n``, as the examples in the shipped rules are written."""


def represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\n" in value else None)


SnippetDumper.add_representer(str, represent_text)


def snippet_yaml(steps: list[dict[str, Any]]) -> str:
    return yaml.dump(steps, Dumper=SnippetDumper, allow_unicode=True, sort_keys=False, width=1 << 16)
