"""The formats of ``normalizer check``: a table for people, JSON, JUnit XML, GitHub annotations,
Markdown for a pull-request comment. Each is a pure function of the verdict."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import click

from .console import visible

if TYPE_CHECKING:
    from ..quality.check import Verdict


ANNOTATIONS_PER_CHECK = 10



def header(verdict: Verdict) -> str:
    total = verdict.stats.total
    sample = f" (a deterministic sample of {total.records} of {verdict.stats.records_seen} records)" \
        if verdict.sampled else ""
    return (f"{total.documents} documents, {total.invalid} invalid and {total.empty} empty records, "
            f"{len(verdict.stats.sources)} "
            f"source(s){sample}")


def table(verdict: Verdict) -> str:
    from ..quality.gate import shown_value
    lines = [header(verdict), ""]
    for check in verdict.checks:
        mark = click.style("PASS", fg="green") if check.passed else click.style("FAIL", fg="red", bold=True)
        scope = "" if check.scope == "(all)" else f" [{visible(check.scope)}]"
        lines.append(f"{mark}  {check.name}{scope}: {shown_value(check.value, check.metric)} "
                     f"(limit {shown_value(check.limit, check.metric)})")
        if not check.passed:
            lines.append(f"      {check.advice}")
            for example in check.examples[:3]:
                lines.append(visible(f"      e.g. {example.source}:{example.line} {example.id} {example.detail}".rstrip()))
    if len(verdict.stats.sources) > 1:
        lines += ["", "per source: documents, mojibake, boilerplate, duplicates"]
        for name, group in sorted(verdict.stats.sources.items()):
            rates = group.rates(verdict.quality.settings)
            lines.append(f"  {visible(name)}: {group.documents}, {shown_value(rates['mojibake_rate'], '')}, "
                         f"{shown_value(rates['boilerplate_rate'], '')}, {shown_value(rates['duplicate_rate'], '')}")
    total = verdict.stats.total
    if total.boilerplate_by_rule:
        lines += ["", "boilerplate the rules would remove: " + ", ".join(
            f"{rule} {docs} documents ({total.boilerplate_lines[rule]} lines)"
            for rule, docs in total.boilerplate_by_rule.most_common())]
    languages = total.languages.most_common()          # all of them: a rare language is news
    if languages:
        lines += ["", "languages: " + ", ".join(f"{visible(lang)} {n}" for lang, n in languages)]
    length = total.length_summary()
    if length:
        lines.append("length (characters): " + ", ".join(f"{key} {value}" for key, value in length.items()))
    lines += [f"note: {visible(note)}" for note in verdict.notes]
    failed = sum(not c.passed for c in verdict.checks)
    lines += ["", f"{len(verdict.checks) - failed} passed, {failed} failed"]
    return "\n".join(lines) + "\n"


def as_json(verdict: Verdict) -> str:
    settings = verdict.quality.settings
    data = {"passed": verdict.passed, "sampled": verdict.sampled, "records_seen": verdict.stats.records_seen,
            "checks": [check.as_json() for check in verdict.checks], "notes": verdict.notes,
            "total": verdict.stats.total.as_json(settings),
            "sources": {name: group.as_json(settings) for name, group in sorted(verdict.stats.sources.items())},
            "duplicate_clusters": verdict.stats.clusters,
            "limits": {**verdict.quality.limits, **verdict.quality.percentiles}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Escaped, without the characters XML 1.0 cannot hold (a control character in a source name)."""
    return escape(XML_INVALID.sub("\ufffd", text))


def xml_attr(text: str) -> str:
    return quoteattr(XML_INVALID.sub("\ufffd", text))


def junit(verdict: Verdict) -> str:
    """JUnit XML: one test case per check, a failure element with the examples for a failed one."""
    failures = sum(not c.passed for c in verdict.checks)
    cases = []
    for check in verdict.checks:
        name = check.name if check.scope == "(all)" else f"{check.name}[{check.scope}]"
        body = ""
        if not check.passed:
            side = "<" if check.name.startswith("min_") else ">"
            message = f"{check.metric} {check.value} {side} {check.limit}: {check.advice}"
            details = "\n".join(f"{e.source}:{e.line} {e.id} {e.detail}" for e in check.examples)
            body = f"<failure message={xml_attr(message)} type=\"threshold\">{xml_text(details)}</failure>"
        cases.append(f'  <testcase classname="normalizer.check" name={xml_attr(name)}>{body}</testcase>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites tests="{len(verdict.checks)}" failures="{failures}">\n'
            f'<testsuite name="normalizer check" tests="{len(verdict.checks)}" failures="{failures}">\n'
            + "\n".join(cases) + "\n</testsuite>\n</testsuites>\n")


def annotation_value(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def annotation_property(text: str) -> str:
    return annotation_value(text).replace(":", "%3A").replace(",", "%2C")


def github(verdict: Verdict) -> str:
    """GitHub workflow commands: an error on the file and line of offending records (capped per check)."""
    lines = []
    for check in verdict.checks:
        if check.passed:
            continue
        scope = "" if check.scope == "(all)" else f" [{check.scope}]"
        title = annotation_property(f"normalizer check: {check.name}{scope}")
        value = f"{check.metric} is {check.value}, the limit is {check.limit}. {check.advice}"
        lines.append(f"::error title={title}::{annotation_value(value)}")
        for example in check.examples[:ANNOTATIONS_PER_CHECK]:
            place = f",line={example.line}" if example.line else ""      # line 0: the whole file
            lines.append(f"::error file={annotation_property(example.source)}{place},"
                         f"title={title}::{annotation_value(f'{example.id}: {example.detail}')}")
    failed = sum(not c.passed for c in verdict.checks)
    lines.append(f"::notice title=normalizer check::{len(verdict.checks) - failed} checks passed, {failed} failed")
    return "\n".join(lines) + "\n"


def md(text: object) -> str:
    """Data in a pull-request comment, inert: a code span (no link, image, @mention, emphasis or
    HTML can come alive in it), fenced by more backticks than the text holds in a row, with no
    column break, line break or control character."""
    shown = visible(XML_INVALID.sub("\ufffd", str(text))).replace("\n", " ").replace("|", "\\|")
    if not shown:
        return ""
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def markdown(verdict: Verdict) -> str:
    from ..quality.gate import shown_value
    """A table for a pull-request comment."""
    icon = "✅" if verdict.passed else "❌"
    lines = [f"### {icon} normalizer check", "", header(verdict), "", "| check | scope | value | limit | |",
             "|---|---|---:|---:|---|"]
    for check in verdict.checks:
        scope = check.scope if check.scope == "(all)" else md(check.scope)
        lines.append(f"| `{check.name}` | {scope} | {shown_value(check.value, check.metric)} | "
                     f"{shown_value(check.limit, check.metric)} | {'✅' if check.passed else '❌'} |")
    failing = [c for c in verdict.checks if not c.passed]
    for check in failing:
        lines += ["", f"**{check.name}**: {check.advice}"]
        lines += [f"- {md(e.source)}:{e.line} {md(e.id)} {md(e.detail)}".rstrip() for e in check.examples[:3]]
    lines += [f"> note: {note}" for note in verdict.notes]
    return "\n".join(lines) + "\n"


FORMATS = {"table": table, "json": as_json, "junit": junit, "github": github, "markdown": markdown}
