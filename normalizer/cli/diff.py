"""``normalizer diff``: review what a rule change does to a corpus, as :func:`compare` tells it.

Exit codes as diff(1): 0 the outputs agree, 1 they differ; 3 an output cannot be read.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..core.errors import ExitCode
from .console import Command, emit, visible
from .options import color_option, format_option
from .text import shown_bare

KIND_TITLES = {"changed": "text changed", "newly_rejected": "newly rejected",
               "no_longer_rejected": "no longer rejected", "reject_changed": "rejected for another reason",
               "only_before": "only in BEFORE", "only_after": "only in AFTER"}
RULE_COLUMNS = ("docs_newly_changed", "docs_no_longer_changed", "docs_newly_rejected", "docs_no_longer_rejected",
                "lines_removed", "lines_restored")


@click.command(cls=Command, short_help="Compare two cleaned outputs of one corpus (two rule versions).")
@click.argument("before")
@click.argument("after")
@click.option("--before-rejects", multiple=True, metavar="FILE", help="The rejects file of the BEFORE run.")
@click.option("--after-rejects", multiple=True, metavar="FILE", help="The rejects file of the AFTER run.")
@format_option("text", "json")
@click.option("--show", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many changed documents to show line by line.")
@click.option("--id-field", default="id", show_default=True, metavar="NAME", help="Field holding the id.")
@color_option()
def diff(before: str, after: str, before_rejects: tuple[str, ...], after_rejects: tuple[str, ...], fmt: str,
         show: int, id_field: str, color: bool | None) -> int:
    """Compare BEFORE and AFTER, two outputs of 'clean' on the same corpus, matched by id: which documents
    changed text, which are newly rejected or no longer, and the counts per rule (lines each rule now
    removes or gives back; exact with --with-edits outputs). Give the rejects files too to see rejects.
    A sharded output directory can be given whole.

    Exit 0 when they agree, 1 when they differ (like diff), 3 when one cannot be read.

    \b
    Example:
      normalizer clean corpus/ -r rules-v1.yaml -o v1.jsonl --rejects v1.rejects.jsonl
      normalizer clean corpus/ -r rules-v2.yaml -o v2.jsonl --rejects v2.rejects.jsonl
      normalizer diff v1.jsonl v2.jsonl --before-rejects v1.rejects.jsonl --after-rejects v2.rejects.jsonl
    """
    from ..io.records import ReadOptions
    from ..review.diff import compare
    report = compare((before, *before_rejects), (after, *after_rejects), ReadOptions(id_field=id_field))
    if fmt == "json":
        emit(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        render(report, (before, *before_rejects), (after, *after_rejects), show, color)
    return ExitCode.OK if report.identical else ExitCode.FAILED


def render(report: Any, before: tuple[str, ...], after: tuple[str, ...], show: int, color: bool | None) -> None:
    def out(text: str = "", **style: Any) -> None:
        emit(visible(text), color=color, **style)          # ids and texts may hold ESC sequences

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
