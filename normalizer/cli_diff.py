"""``normalizer diff``: review what a rule change does to a corpus. Part of the CLI layer: it prints.

Exit codes as diff(1): 0 the outputs agree, 1 they differ, 2 usage, 3 an output cannot be read.
"""

from __future__ import annotations

import json
from typing import Any

import click

from .cli_clean import EXIT_INPUT, say
from .cli_rules import shown_bare

KIND_TITLES = {"changed": "text changed", "newly_rejected": "newly rejected",
               "no_longer_rejected": "no longer rejected", "reject_changed": "rejected for another reason",
               "only_before": "only in BEFORE", "only_after": "only in AFTER"}
RULE_COLUMNS = ("docs_newly_changed", "docs_no_longer_changed", "docs_newly_rejected", "docs_no_longer_rejected",
                "lines_removed", "lines_restored")


def execute(before: tuple[str, ...], after: tuple[str, ...], fmt: str, show: int, id_field: str,
            color: bool | None) -> int:
    from .core.errors import NormalizerError
    from .io.records import RecordOptions
    from .review.diff import compare
    try:
        report = compare(before, after, RecordOptions(id_field=id_field))
    except NormalizerError as error:     # unreadable, missing, or a missing optional extra
        say(f"error: {error}")
        return EXIT_INPUT
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        render(report, before, after, show, color)
    return 0 if report.identical else 1


def render(report: Any, before: tuple[str, ...], after: tuple[str, ...], show: int, color: bool | None) -> None:
    def out(text: str = "", **style: Any) -> None:
        click.echo(click.style(text, **style) if style else text, color=color)

    c = report.counts
    out(f"BEFORE {' '.join(before)}: {c['before_kept']} kept, {c['before_rejected']} rejected")
    out(f"AFTER  {' '.join(after)}: {c['after_kept']} kept, {c['after_rejected']} rejected")
    if report.problems:
        shown_problems = "; ".join(report.problems[:3]) + ("; …" if len(report.problems) > 3 else "")
        out(f"{len(report.problems)} record(s) with no text to compare (malformed lines, or rejects of "
            f"malformed input): {shown_problems}", fg="yellow")
    if report.identical:
        out(f"identical: {c['same']} documents, same texts and verdicts", fg="green", bold=True)
        return
    parts = [f"{c[kind]} {title}" for kind, title in KIND_TITLES.items() if c[kind]]
    out(f"{c['same']} unchanged; " + ", ".join(parts), bold=True)
    out()
    width = max(len(rule) for rule in report.by_rule) if report.by_rule else 4
    out(f"{'rule':<{width}}  " + "  ".join(col.replace("docs_", "docs ").replace("_", " ") for col in RULE_COLUMNS),
        bold=True)
    for rule, counts in report.by_rule.items():
        cells = "  ".join(f"{counts[col]:>{len(col)}}" for col in RULE_COLUMNS)
        out(f"{rule:<{width}}  {cells}")
    for change in report.changes[:show]:
        out()
        out(f"── {change.id}: {KIND_TITLES[change.kind]}{verdicts(change)}", bold=True)
        for line, rule in change.removed:
            out(f"  - {shown_bare(line) if line.strip() else '(blank line)'}   [{rule}]", fg="red")
        for line, rule in change.restored:
            out(f"  + {shown_bare(line) if line.strip() else '(blank line)'}   [{rule}]", fg="green")
    if len(report.changes) > show:
        out(f"\n… and {len(report.changes) - show} more (--show N, or --format json for all)", dim=True)


def verdicts(change: Any) -> str:
    def verdict(side: Any) -> str:
        return "absent" if side is None else ("kept" if side.kept else f"rejected by {side.reject[0]}: "
                                                                       f"{side.reject[1]}")
    if change.kind == "changed":
        newly = [s for s in change.after.changed_by if s not in change.before.changed_by]
        stopped = [s for s in change.before.changed_by if s not in change.after.changed_by]
        parts = ([f"now changed by {', '.join(newly)}"] if newly else []) + \
            ([f"no longer by {', '.join(stopped)}"] if stopped else [])
        return f" ({'; '.join(parts)})" if parts else ""
    return f" (before: {verdict(change.before)}; after: {verdict(change.after)})"
