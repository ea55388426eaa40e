"""``normalizer explain``: what every step did to each document. Part of the CLI layer: it prints."""

from __future__ import annotations

import codecs
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


class Unreadable(Exception):
    """An input that could not be read; the other inputs are still explained."""


def stdin_document(fallback: str | None) -> Any:
    """Plain text on stdin, decoded like a ``.txt`` file (BOMs, UTF-16, legacy encodings)."""
    from .document import Doc
    from .textfiles import decode_document
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise Unreadable("<stdin>: no text on stdin")
    decoded = decode_document(data, fallback)
    text = decoded.text[:-1] if decoded.text.endswith("\n") else decoded.text      # echo's final newline
    meta: dict[str, Any] = {"encoding": decoded.encoding}
    if decoded.replaced:
        meta["invalid_bytes_replaced"] = decoded.replaced
    return Doc("<stdin>", text.removesuffix("\r"), meta=meta, source="<stdin>", line=1)


def documents(request: ExplainRequest, failures: list[str]) -> Iterator[Any]:
    """The documents to explain: '-' is one plain text on stdin; anything else is read like ``clean`` reads
    it. A file that cannot be read is named in ``failures`` and skipped."""
    from .errors import ReadFailure
    from .records import BadRecord, Blank, RecordOptions, read_file
    from .sources import expand_inputs
    if "-" in request.inputs:
        try:
            yield stdin_document(request.fallback_encoding)
        except (Unreadable, ReadFailure) as error:
            failures.append(str(error) if isinstance(error, Unreadable) else f"<stdin>: {error}")
    warnings: list[str] = []
    files = expand_inputs([path for path in request.inputs if path != "-"], warnings)
    for warning in warnings:
        say(f"warning: {warning}")
    options = RecordOptions(request.text_field, request.id_field, request.fallback_encoding)
    for source in files:
        try:
            for item in read_file(source, options):
                if isinstance(item, BadRecord):
                    say(f"warning: {item.source}:{item.line}: {item.reason} (not explained)")
                elif not isinstance(item, Blank):
                    yield item
        except ReadFailure as error:
            failures.append(f"{source.path}: {error.reason} ({error.detail})")


def execute(request: ExplainRequest) -> int:
    from .errors import NormalizerError
    from .explain import explain
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
    from .explain import line_around, removed_lines
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
