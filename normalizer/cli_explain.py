"""``normalizer explain``: what every step did to each document. Part of the CLI layer: it prints."""

from __future__ import annotations

import codecs
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import click

from .cli_clean import EXIT_INPUT, say
from .cli_rules import load_or_exit, shown, shown_bare


class ExplainRequest(NamedTuple):
    inputs: tuple[str, ...]
    rules_path: str | None
    ids: tuple[str, ...]
    fmt: str
    color: bool | None
    changed_only: bool
    limit: int | None
    text_field: str
    id_field: str
    fallback_encoding: str | None = None


def stdin_document(fallback: str | None) -> Any:
    """Plain text on stdin, read like a ``.txt`` file (BOMs, UTF-16, legacy encodings): a Doc,
    or a BadRecord at line 0 saying why it cannot be explained."""
    from .core.errors import ReadFailure
    from .io.records import BadRecord, text_document
    data = sys.stdin.buffer.read()
    if not data.strip():
        return BadRecord("<stdin>", 0, "empty_text", "no text on stdin", b"")
    try:
        return text_document(data, "<stdin>", "<stdin>", fallback)
    except ReadFailure as failure:
        return BadRecord("<stdin>", 0, failure.reason, failure.detail, b"")


def documents(request: ExplainRequest, failures: list[str]) -> Iterator[Any]:
    """The documents to explain: '-' is one plain text on stdin; anything else is read like ``clean`` reads
    it. Stdin or a file that cannot be read is named in ``failures`` and skipped."""
    from .io.records import BadRecord, Blank, RecordOptions, read_inputs
    warnings: list[str] = []
    options = RecordOptions(request.text_field, request.id_field, request.fallback_encoding)
    stdin = [stdin_document(request.fallback_encoding)] if "-" in request.inputs else []
    files = read_inputs([path for path in request.inputs if path != "-"], options, warnings,
                        failed_files_as_records=True)

    def say_warnings() -> None:       # skipped inputs, known once the inputs have been expanded
        for warning in warnings:
            say(f"warning: {warning}")
        warnings.clear()

    for item in itertools.chain(stdin, files):
        say_warnings()
        if isinstance(item, BadRecord) and item.source == "<stdin>":
            failures.append(f"<stdin>: {item.detail}")
        elif isinstance(item, BadRecord) and item.line == 0:
            failures.append(f"{item.source}: {item.reason} ({item.detail})")
        elif isinstance(item, BadRecord):
            say(f"warning: {item.source}:{item.line}: {item.reason} (not explained)")
        elif not isinstance(item, Blank):
            yield item
    say_warnings()


def execute(request: ExplainRequest) -> int:
    from .core.errors import NormalizerError
    from .review.explain import explain
    rules = load_or_exit(request.rules_path)
    wanted = set(request.ids)
    found: set[str] = set()
    shown_count = 0
    failures: list[str] = []
    try:
        for doc in documents(request, failures):
            if wanted and doc.id not in wanted:
                continue
            found.add(doc.id)
            explanation = explain(rules.steps, doc)
            if request.changed_only and not explanation.steps_changed():
                continue
            if request.fmt == "json":
                click.echo(json.dumps(explanation.as_json(), ensure_ascii=False))
            else:
                render(explanation, request.color)
            shown_count += 1
            if request.limit is not None and shown_count >= request.limit:
                break
    except NormalizerError as error:    # an input that is not there, a missing optional extra
        say(f"error: {error}")
        return EXIT_INPUT
    for failure in failures:
        say(f"error: {failure}")
    missing = sorted(wanted - found)
    if missing and not (request.limit is not None and shown_count >= request.limit):
        say(f"error: no document with id {', '.join(map(repr, missing))} in {', '.join(request.inputs)}")
        return 1
    return EXIT_INPUT if failures else 0


def render(explanation: Any, color: bool | None) -> None:
    def out(text: str = "", **style: Any) -> None:
        click.echo(click.style(text, **style) if style else text, color=color)

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
    out()


def verdict_line(result: Any) -> str:
    if result.rejected:
        return f"REJECTED by {result.rejected.step}: {result.rejected.reason}"
    lang = result.meta.get("lang")
    return "kept" + (f", {lang} ({result.meta.get('lang_score')})" if lang else "")


def step_lines(report: Any) -> Iterable[tuple[str, dict[str, Any]]]:
    from .review.explain import line_around, removed_lines
    removed = sum(len(lines) for lines in (removed_lines(e, report.before) for e in report.edits) if lines)
    changed = len(report.edits) - sum(1 for e in report.edits if removed_lines(e, report.before))
    counts = ", ".join(part for part in (f"removed {removed} line(s)" if removed else "",
                                        f"{changed} change(s)" if changed else "") if part)
    name = report.step if report.step == report.use else f"{report.step} ({report.use})"
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
