"""``normalizer explain``: what every step did to each document, as :func:`explain_corpus` tells it."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable
from typing import Any

import click

from ..core.errors import ExitCode
from ..io.records import ReadOptions
from .console import Command, emit, say, visible
from .options import color_option, format_option, read_options, rules_option
from .text import shown, shown_bare


@click.command(cls=Command, short_help="Show what every step did to each document.")
@click.argument("inputs", nargs=-1, required=True)
@rules_option()
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only the document(s) with this id (repeatable).")
@format_option("text", "json", help="json: one object per document (JSONL), for tools.")
@color_option()
@click.option("--changed-only", is_flag=True, help="Skip documents no step edited or rejected.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None, help="Stop after N documents.")
@read_options()
def explain(inputs: tuple[str, ...], rules_path: str | None, ids: tuple[str, ...], fmt: str, color: bool | None,
            changed_only: bool, limit: int | None, read: ReadOptions) -> int:
    """Explain what the rules do to each document in INPUTS (read like 'clean' reads them; '-' is one plain
    text on stdin): lines removed, replacements before/after, the encoding repair plan, the language and
    its score, the reject reason. Nothing is written.

    \b
    Examples:
      normalizer explain corpus/ --id seed-1
      echo 'Body.
      Partager sur Facebook' | normalizer explain -
    """
    from ..io.corpus import FileCorpus, FileEnd
    from ..io.records import BadRecord
    from ..review.explain import explain_corpus
    from ..rules.loader import load_rules
    rules = load_rules(rules_path)
    wanted = frozenset(ids)
    found: set[str] = set()
    shown_count = 0
    failures: list[str] = []
    warnings: list[str] = []
    corpus = FileCorpus.from_paths(inputs, read, warnings, stdin_kind="txt")
    for warning in warnings:
        say(f"warning: {warning}")
    crashed = 0
    for result in explain_corpus(corpus, rules, wanted):
        if isinstance(result, FileEnd):
            if result.failure is not None:
                failures.append(f"{corpus.files[result.file].name}: {result.failure.reason} ({result.failure.detail})")
            continue
        if isinstance(result, BadRecord):
            if result.source == "<stdin>":
                failures.append(f"<stdin>: {result.detail}")
            else:
                say(f"warning: {result.source}:{result.line}: {result.reason} (not explained)")
            continue
        found.add(result.result.id)
        rejected = result.result.rejected
        crashed += bool(rejected and rejected.reason.startswith("internal_error"))
        if changed_only and not result.steps_changed():
            continue
        if fmt == "json":
            emit(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            render(result, color)
        shown_count += 1
        if limit is not None and shown_count >= limit:
            break
    for failure in failures:
        say(f"error: {failure}")
    if crashed:
        say(f"error: a cleaner crashed on {crashed} document(s) (rejected as internal_error:*); please report it")
    missing = sorted(wanted - found)
    if missing and not (limit is not None and shown_count >= limit):
        say(f"error: no document with id {', '.join(map(repr, missing))} in {', '.join(inputs)}")
        return ExitCode.FAILED
    return ExitCode.CRASHED if crashed else ExitCode.INPUT if failures else ExitCode.OK


def render(explanation: Any, color: bool | None) -> None:
    def out(text: str = "", **style: Any) -> None:
        emit(visible(text), color=color, **style)          # ids and texts may hold ESC sequences

    result = explanation.result
    where = f"{result.source}:{result.line}" if result.source else ""
    encoding = result.meta.get("encoding")
    if isinstance(encoding, str) and codecs.lookup(encoding).name != "utf-8":
        where += f" (read as {encoding})"
    if result.meta.get("invalid_bytes_replaced"):
        where += f" ({result.meta['invalid_bytes_replaced']} invalid bytes replaced)"
    verdict = verdict_line(result)
    out(f"── {result.id}  {where}  {verdict}", bold=True)
    if not explanation.steps:
        out("   no step changed it", dim=True)
    for report in explanation.steps:
        for line, style in step_lines(report):
            out(line, **style)
    if explanation.pair is not None:
        pair = explanation.pair
        out(f"kept copy: {pair.id}  {pair.source}:{pair.line}", bold=True)
        if not pair.differs:
            out("  the same text once cleaned", dim=True)
        for line in pair.differs[2:] if len(pair.differs) > 2 else ():
            if line.startswith("@@"):
                continue
            out(f"  {line[:1]} {shown_bare(line[1:])}", fg="red" if line.startswith("-") else "green")
    out()


def verdict_line(result: Any) -> str:
    if result.rejected:
        return f"REJECTED by {result.rejected.step}: {result.rejected.reason}"
    lang = result.meta.get("lang")
    return "kept" + (f", {lang} ({result.meta.get('lang_score')})" if lang else "")


def step_lines(report: Any) -> Iterable[tuple[str, dict[str, Any]]]:
    from ..review.explain import line_around, removed_lines
    removed = sum(len(lines) for lines in (removed_lines(e, report.before) for e in report.edits) if lines)
    changed = len(report.edits) - sum(1 for e in report.edits if removed_lines(e, report.before))
    counts = ", ".join(part for part in (f"removed {removed} line(s)" if removed else "",
                                        f"{changed} change(s)" if changed else "") if part)
    name = report.step if report.step == report.use else f"{report.step} ({report.use})"
    if report.round > 1:
        name += f" (round {report.round}: once later steps had removed lines)"
    yield f"{name}: {counts}" if counts else name, {"bold": True}
    for edit in report.edits:
        lines = removed_lines(edit, report.before)
        note = f"   [{edit.note}]" if edit.note else ""
        if lines is not None:
            for line in lines:
                yield f"  - {shown_bare(line)}" if line.strip() else "  - (blank line)", {"fg": "red"}
            if note and any(line.strip() for line in lines):
                yield f"   {note.strip()}", {"dim": True}
        else:
            old, new = line_around(edit, report.before) or (edit.old, edit.new)
            yield f"  ~ {shown(old)}", {"fg": "red"}
            yield f"    → {shown(new)}{note}", {"fg": "green"}
    for key, value in report.meta.items():
        yield f"  {key} = {json.dumps(value, ensure_ascii=False)}", {"fg": "cyan"}
    if report.rejected:
        detail = f" ({report.rejected.detail})" if report.rejected.detail else ""
        yield f"  rejected: {report.rejected.reason}{detail}", {"fg": "red", "bold": True}
