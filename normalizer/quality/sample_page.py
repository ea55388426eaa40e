"""A review sample as a page to read: Markdown, or one self-contained HTML file.

Each sampled document is shown the way ``normalizer report`` shows its examples
(:mod:`.report_examples`): every step that acted, the lines it removed struck through,
replacements before → after, a reject with its reason, then the text as read and after the
rules. Corpus text is untrusted: on the HTML page it goes through :func:`esc`; in Markdown
every character Markdown (or the HTML a Markdown viewer lets through) could read is
backslash-escaped, and whole texts sit in code fences longer than any backtick run they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.document import Doc
from ..review.explain import StepReport, line_around, removed_lines
from ..review.sample import Picked, Sample
from .html_parts import CONTROL, esc, section, visible
from .measures import Example
from .report import CSP, STYLE
from .report_examples import EDITS_SHOWN, TEXT_SHOWN, Shown, blank_only, example_block

RE_MARKDOWN = re.compile(r"([\\`*_\[\]<>&~|#!])")


def verdict(result: Doc) -> str:
    """Kept (with its language) or rejected, by which step and why."""
    if result.rejected:
        detail = f" ({result.rejected.detail})" if result.rejected.detail else ""
        return f"rejected by {result.rejected.step}: {result.rejected.reason}{detail}"
    lang = result.meta.get("lang")
    return "kept" + (f", {lang} ({result.meta.get('lang_score')})" if lang else "")


def headline(sample: Sample) -> str:
    groups = len(sample.groups)
    return (f"{sample.documents} documents read, {groups} group{'s' if groups != 1 else ''} by {sample.by}; in each, "
            f"the {sample.per_group} document(s) with the smallest SHA-256 of the input text (the same sample "
            "whatever the input order or --jobs).")


def group_title(sample: Sample, group: str) -> str:
    return f"{sample.by} = {group} ({len(sample.groups[group])} of {sample.sizes[group]})"


# -- HTML ----------------------------------------------------------------------------------------------------

def html_page(sample: Sample, title: str) -> str:
    """The whole page: one section per group, one article per document (the report's view)."""
    body = [f"<h1>{esc(title)}</h1>", f'<p class="intro">{esc(headline(sample))}</p>']
    for index, (group, picked) in enumerate(sample.groups.items()):
        articles = "".join(example_block(shown(item)) for item in picked)
        body.append(section(f"group-{index}", group_title(sample, group), articles))
    if not sample.groups:
        body.append('<p class="empty">no document falls in any group</p>')
    body.append("<footer>Written by normalizer sample: self-contained, it makes no network request.</footer>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
            f"<style>{STYLE}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def shown(picked: Picked) -> Shown:
    result = picked.explanation.result
    example = Example(result.id, result.source, result.line, verdict(result), picked.explanation.original.text)
    return Shown(example, picked.explanation)


# -- Markdown ------------------------------------------------------------------------------------------------

def inline(text: str) -> str:
    """Corpus text on one Markdown line, escaped: line breaks shown as ↵, controls as U+FFFD.

    >>> inline("<script>*x*</script>")
    '\\\\<script\\\\>\\\\*x\\\\*\\\\</script\\\\>'
    """
    return RE_MARKDOWN.sub(r"\\\1", CONTROL.sub("\ufffd", text).replace("\n", "↵"))


def struck(line: str) -> str:
    """A removed line, struck through (GFM's ``~~`` needs no space inside its marks)."""
    return f"~~{inline(line.strip())}~~" if line.strip() else "(blank line)"


def fenced(text: str) -> str:
    """A whole text in a code fence that nothing in it can close."""
    cut = text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN] + f"\n… ({len(text) - TEXT_SHOWN} more characters)"
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", cut)), default=0))
    return f"{fence}text\n{CONTROL.sub(chr(0xFFFD), cut)}\n{fence}"


def markdown_step(report: StepReport) -> Iterator[str]:
    """What one step did, as Markdown lines."""
    name = report.step if report.step == report.use else f"{report.step} ({report.use})"
    yield f"**{inline(name)}**"
    edits = report.edits[:EDITS_SHOWN]
    blank = sum(len(removed_lines(edit, report.before) or ()) for edit in edits if blank_only(edit, report.before))
    for edit in edits:
        if blank_only(edit, report.before):
            continue
        lines = removed_lines(edit, report.before)
        note = f" [{inline(edit.note)}]" if edit.note else ""
        if lines is not None:
            yield from (f"- {struck(line)}{note}" for line in lines)
        else:
            old, new = line_around(edit, report.before) or (visible(edit.old), visible(edit.new))
            before = f"~~{inline(old.strip())}~~ " if old.strip() else ""
            yield f"- {before}→ {inline(new)}{note}"
    if blank:
        yield f"- {blank} blank line{'s' if blank > 1 else ''} removed"
    if len(report.edits) > EDITS_SHOWN:
        yield f"- … and {len(report.edits) - EDITS_SHOWN} more changes"
    if report.rejected:
        detail = f" ({report.rejected.detail})" if report.rejected.detail else ""
        yield f"- **rejected: {inline(report.rejected.reason + detail)}**"
    yield ""


def markdown_document(picked: Picked) -> Iterator[str]:
    explanation = picked.explanation
    result = explanation.result
    where = f"{result.source}:{result.line}" if result.line else result.source
    yield f"### {inline(result.id)} · {inline(where)} · {inline(verdict(result))}"
    yield ""
    acted = [report for report in explanation.steps if report.edits or report.rejected]
    for report in acted:
        yield from markdown_step(report)
    if not acted:
        yield "The rules change nothing in it."
        yield ""
    yield "As read:"
    yield ""
    yield fenced(explanation.original.text)
    if result.text != explanation.original.text:
        yield ""
        yield "After the rules:"
        yield ""
        yield fenced(result.text)
    yield ""


def markdown_page(sample: Sample, title: str) -> str:
    lines = [f"# {inline(title)}", "", inline(headline(sample)), ""]
    for group, picked in sample.groups.items():
        lines += [f"## {inline(group_title(sample, group))}", ""]
        for item in picked:
            lines.extend(markdown_document(item))
    if not sample.groups:
        lines += ["No document falls in any group.", ""]
    return "\n".join(lines)
