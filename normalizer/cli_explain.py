"""``normalizer explain``: what every step did to each document. Part of the CLI layer: it prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import click

from .cli_clean import EXIT_INPUT, say
from .cli_rules import load_or_exit, shown


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


def documents(request: ExplainRequest) -> Iterator[Any]:
    """The documents to explain: '-' is one plain text on stdin; anything else is read like ``clean`` reads it."""
    from .document import Doc
    from .records import BadRecord, Blank, RecordOptions, read_inputs
    files = [path for path in request.inputs if path != "-"]
    if "-" in request.inputs:
        data = sys.stdin.buffer.read()
        yield Doc("<stdin>", data.decode("utf-8", errors="replace"), source="<stdin>", line=1)
    warnings: list[str] = []
    for item in read_inputs(files, RecordOptions(request.text_field, request.id_field), warnings):
        if isinstance(item, BadRecord):
            say(f"warning: {item.source}:{item.line}: {item.reason}: {item.detail} (not explained)")
        elif not isinstance(item, Blank):
            yield item
    for warning in warnings:
        say(f"warning: {warning}")


def execute(request: ExplainRequest) -> int:
    from .errors import InputError, ReadFailure
    from .explain import explain
    rules = load_or_exit(request.rules_path)
    wanted = set(request.ids)
    found: set[str] = set()
    shown_count = 0
    try:
        for doc in documents(request):
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
    except (InputError, ReadFailure) as error:
        say(f"error: {error}")
        return EXIT_INPUT
    missing = sorted(wanted - found)
    if missing and not (request.limit is not None and shown_count >= request.limit):
        say(f"error: no document with id {', '.join(map(repr, missing))} in {', '.join(request.inputs)}")
        return 1
    return 0


def render(explanation: Any, color: bool | None) -> None:
    def out(text: str = "", **style: Any) -> None:
        click.echo(click.style(text, **style) if style else text, color=color)

    result = explanation.result
    where = f"{result.source}:{result.line}" if result.source else ""
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
    from .explain import removed_lines
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
                yield f"  - {line}" if line.strip() else "  - (blank line)", {"fg": "red"}
            if note and any(line.strip() for line in lines):
                yield f"   {note.strip()}", {"dim": True}
        else:
            old, new = in_context(edit, report.before)
            yield f"  ~ {shown(old)}", {"fg": "red"}
            yield f"    → {shown(new)}{note}", {"fg": "green"}
    for key, value in report.meta.items():
        yield f"  {key} = {json.dumps(value, ensure_ascii=False)}", {"fg": "cyan"}
    if report.rejected:
        detail = f" ({report.rejected.detail})" if report.rejected.detail else ""
        yield f"  rejected: {report.rejected.reason}{detail}", {"fg": "red", "bold": True}


def in_context(edit: Any, before: str) -> tuple[str, str]:
    """The whole line around a change inside one line, before and after it; the bare change otherwise."""
    start = before.rfind("\n", 0, edit.start) + 1
    end = before.find("\n", edit.end)
    end = len(before) if end < 0 else end
    if "\n" in edit.old or "\n" in edit.new or end - start > 300:
        return edit.old, edit.new
    line = before[start:end]
    offset = edit.start - start
    return line, line[:offset] + edit.new + line[offset + len(edit.old):]
