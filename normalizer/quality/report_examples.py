"""Example documents in the report: what the rules would remove from each, step by step."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import NamedTuple

from ..core.document import Doc, Edit
from ..review.explain import (
    Explanation,
    StepReport,
    explain,
    line_around,
    removed_lines,
)
from ..rules.loader import Step
from .gate import Check, shown_value
from .html_parts import LINE_SHOWN, attrs, esc, section, visible
from .measures import Example

EDITS_SHOWN = 20            # edits per step of one example
TEXT_SHOWN = 4000           # characters of a document shown whole


class Shown(NamedTuple):
    """An example document and, when its text was kept, what the rules would do to it."""

    example: Example
    explanation: Explanation | None


class Flagged(NamedTuple):
    """A failed check and the examples that show it."""

    check: Check
    shown: tuple[Shown, ...]


def explained(steps: Sequence[Step], example: Example) -> Explanation | None:
    if example.text is None:
        return None
    return explain(steps, Doc(example.id, example.text, source=example.source, line=example.line))


# -- examples ----------------------------------------------------------------------------------------------

def marked_pair(old: str, new: str) -> tuple[str, str]:
    """Both texts escaped, the characters that differ wrapped in <del> (old) and <ins> (new)."""
    before, after = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            before.append(esc(old[i1:i2]))
            after.append(esc(new[j1:j2]))
            continue
        if i2 > i1:
            before.append(f"<del>{esc(visible(old[i1:i2]))}</del>")
        if j2 > j1:
            after.append(f"<ins>{esc(visible(new[j1:j2]))}</ins>")
    return "".join(before), "".join(after)


def blank_only(edit: Edit, before: str) -> bool:
    lines = removed_lines(edit, before)
    return lines is not None and not any(line.strip() for line in lines)


def edit_items(edit: Edit, before: str) -> list[str]:
    """One edit as list items: the lines it removed, or the change before -> after."""
    note = f' <span class="note">[{esc(edit.note)}]</span>' if edit.note else ""
    lines = removed_lines(edit, before)
    if lines is not None:
        return [f'<li class="removed"><del>{esc(line) if line.strip() else "(blank line)"}</del></li>'
                for line in lines] + ([f'<li class="note">{note}</li>'] if note else [])
    around = line_around(edit, before, LINE_SHOWN)
    old, new = around if around else (visible(edit.old), visible(edit.new))
    marked_old, marked_new = marked_pair(old, new) if around else (f"<del>{esc(old)}</del>", f"<ins>{esc(new)}</ins>")
    return [(f'<li class="replacement"><div class="before">{marked_old}</div>'
             f'<div class="after"><span class="arrow">→</span> {marked_new}{note}</div></li>')]


def step_block(report: StepReport) -> str:
    """What one step did: removed lines, replacements, blank lines counted, what it measured, a reject."""
    name = report.step if report.step == report.use else f"{report.step} ({report.use})"
    shown = report.edits[:EDITS_SHOWN]
    blank = sum(len(removed_lines(edit, report.before) or ()) for edit in shown if blank_only(edit, report.before))
    items = [item for edit in shown if not blank_only(edit, report.before) for item in edit_items(edit, report.before)]
    if blank:
        items.append(f'<li class="removed blank">{blank} blank line{"s" if blank > 1 else ""} removed</li>')
    if len(report.edits) > EDITS_SHOWN:
        items.append(f'<li class="more">… and {len(report.edits) - EDITS_SHOWN} more changes</li>')
    items += [f'<li class="meta">{esc(key)} = {esc(json.dumps(value, ensure_ascii=False))}</li>'
              for key, value in report.meta.items()]
    if report.rejected:
        detail = f" ({report.rejected.detail})" if report.rejected.detail else ""
        items.append(f'<li class="rejected">rejected: {esc(report.rejected.reason)}{esc(detail)}</li>')
    return (f'<div{attrs(class_="step", data_step=report.step, data_use=report.use)}><h4><code>{esc(name)}</code></h4>'
            f'<ul class="edits">{"".join(items)}</ul></div>')


def whole_text(title: str, text: str) -> str:
    cut = text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN] + f"\n… ({len(text) - TEXT_SHOWN} more characters)"
    return f"<details><summary>{esc(title)}</summary><pre>{esc(cut)}</pre></details>"


def example_block(shown: Shown) -> str:
    example, explanation = shown
    where = f"{example.source}:{example.line}" if example.line else example.source
    head = (f'<h3><code>{esc(example.id)}</code> <span class="where">{esc(where)}</span></h3>'
            + (f'<p class="detail">{esc(example.detail)}</p>' if example.detail else ""))
    body = ""
    if explanation is not None:
        steps = [step_block(report) for report in explanation.steps if report.edits or report.rejected]
        body = "".join(steps) or '<p class="unchanged">the rules change nothing in it</p>'
        body += whole_text("the document as read", explanation.original.text)
        if explanation.result.text != explanation.original.text:
            body += whole_text("after the rules", explanation.result.text)
    return f'<article{attrs(class_="example", data_id=example.id)}>{head}{body}</article>'


def problems(flagged: Sequence[Flagged]) -> str:
    if not flagged:
        return ""
    blocks = []
    for item in flagged:
        check = item.check
        title = check.name if check.scope == "(all)" else f"{check.name} [{check.scope}]"
        blocks.append(f'<div{attrs(class_="problem", data_check=check.name, data_scope=check.scope)}>'
                      f'<h3 class="problem-title"><code>{esc(title)}</code>: '
                      f"{esc(shown_value(check.value, check.metric))} "
                      f"(limit {esc(shown_value(check.limit, check.metric))})</h3>"
                      f'<p class="advice">{esc(check.advice)}</p>{"".join(example_block(s) for s in item.shown)}</div>')
    return section("problems", "Problems, with examples", "".join(blocks),
                   "For each failed check, a few documents and what the rules would do to them: removed lines "
                   "struck through, replacements before → after.")
