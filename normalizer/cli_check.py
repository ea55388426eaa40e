"""``normalizer check``: a corpus quality gate for CI. Part of the CLI layer: it prints.

Exit codes: 0 every threshold (and the baseline) holds; 1 one fails; 2 a usage, rule or
configuration error (nothing was judged).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape, quoteattr

import click

from .cli_clean import EXIT_USAGE, say
from .quality.gate import shown_value

ANNOTATIONS_PER_CHECK = 10


class CheckRequest(NamedTuple):
    inputs: tuple[str, ...]
    rules_path: str | None
    config: str | None
    settings: tuple[str, ...]
    by: str | None
    per_source: bool
    fmt: str
    output: str | None
    baseline: str | None
    update_baseline: bool
    allow_regression: bool
    tolerance: float
    sample: int | None
    jobs: int
    text_field: str
    id_field: str


class Verdict(NamedTuple):
    """Everything a format needs."""

    checks: list[Any]
    stats: Any
    quality: Any
    notes: list[str]
    sampled: bool
    rules: Any = None

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)


def evaluate(request: CheckRequest) -> tuple[Verdict, dict[str, Any]]:
    """Measure and judge; raises RuleError/InputError/UsageProblem for exit 2."""
    from .cli_clean import UsageProblem
    from .io.records import RecordOptions
    from .quality.gate import (
        against_baseline,
        baseline_metrics,
        build_quality,
        judge,
        parse_cli_setting,
        read_baseline,
        read_config,
        step_notes,
    )
    from .quality.measures import measure_corpus
    from .rules.loader import load_rules
    rules = load_rules(request.rules_path)
    settings = list(rules.quality)
    if request.config:
        settings += read_config(request.config)
    settings += [parse_cli_setting(text) for text in request.settings]
    quality = build_quality(settings)
    if request.baseline and not request.update_baseline and not os.path.exists(request.baseline):
        raise UsageProblem(f"no baseline at {request.baseline}; create it with --update-baseline")
    stored = read_baseline(request.baseline) if request.baseline and os.path.exists(request.baseline) else None
    for target in (request.output, request.baseline if request.update_baseline else None):
        if target and not Path(target).resolve().parent.is_dir():
            raise UsageProblem(f"cannot write {target}: no directory {Path(target).parent}")
    if request.per_source and request.by is None:
        raise UsageProblem("--per-source needs sources: drop --no-group")
    warnings: list[str] = []
    stats = measure_corpus(request.inputs, rules.steps, RecordOptions(request.text_field, request.id_field),
                           request.by, quality.settings, request.jobs, request.sample, warnings)
    for warning in warnings:
        say(f"warning: {warning}")
    checks = judge(stats, quality, request.per_source)
    current = baseline_metrics(stats, quality)
    if stored is not None and not request.update_baseline:
        checks += against_baseline(current, stored, request.tolerance)
    if request.by is not None and stats.total.documents and set(stats.sources) == {"(none)"}:
        say(f"warning: no record has a {request.by!r} field" + (" or a 'url'" if request.by == "source" else "")
            + ": there is one source, '(none)'")
    notes = step_notes(stats, rules.steps)
    return Verdict(checks, stats, quality, notes, request.sample is not None, rules), current


def write_baseline(request: CheckRequest, current: dict[str, Any]) -> list[str]:
    from .cli_clean import UsageProblem
    from .quality.gate import read_baseline, updated_baseline
    path = Path(str(request.baseline))
    stored = read_baseline(str(path)) if path.exists() else None
    merged, refused = updated_baseline(current, stored, request.allow_regression)
    try:
        path.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageProblem(f"cannot write the baseline {path}: {error.strerror or error}") from None
    return refused


def execute(request: CheckRequest) -> int:
    from .cli_clean import UsageProblem
    from .core.errors import NormalizerError
    try:
        verdict, current = evaluate(request)
    except (NormalizerError, UsageProblem) as error:     # rules, inputs, a missing optional extra
        say(f"error: {error}")
        return EXIT_USAGE
    text = {"table": table, "json": as_json, "junit": junit, "github": github, "markdown": markdown}[request.fmt](
        verdict)
    if request.output:
        try:
            Path(request.output).write_text(click.unstyle(text), encoding="utf-8")
        except OSError as error:
            say(f"error: cannot write {request.output}: {error.strerror or error}")
            return EXIT_USAGE
    else:
        click.echo(text, nl=False)
    code = 0 if verdict.passed else 1
    if request.update_baseline:
        try:
            refused = write_baseline(request, current)
        except UsageProblem as error:
            say(f"error: {error}")
            return EXIT_USAGE
        for item in refused:
            say(f"baseline not loosened: {item} (pass --allow-regression to accept it)")
        say(f"baseline written to {request.baseline}")
        code = 1 if refused else code
    return code


def header(verdict: Verdict) -> str:
    total = verdict.stats.total
    sample = f" (a deterministic sample of {total.records} of {verdict.stats.records_seen} records)" \
        if verdict.sampled else ""
    return (f"{total.documents} documents, {total.invalid} invalid and {total.empty} empty records, "
            f"{len(verdict.stats.sources)} "
            f"source(s){sample}")


def table(verdict: Verdict) -> str:
    lines = [header(verdict), ""]
    for check in verdict.checks:
        mark = click.style("PASS", fg="green") if check.passed else click.style("FAIL", fg="red", bold=True)
        scope = "" if check.scope == "(all)" else f" [{check.scope}]"
        lines.append(f"{mark}  {check.name}{scope}: {shown_value(check.value, check.metric)} "
                     f"(limit {shown_value(check.limit, check.metric)})")
        if not check.passed:
            lines.append(f"      {check.advice}")
            for example in check.examples[:3]:
                lines.append(f"      e.g. {example.source}:{example.line} {example.id} {example.detail}".rstrip())
    if len(verdict.stats.sources) > 1:
        lines += ["", "per source: documents, mojibake, boilerplate, duplicates"]
        for name, group in sorted(verdict.stats.sources.items()):
            rates = group.rates(verdict.quality.settings)
            lines.append(f"  {name}: {group.documents}, {shown_value(rates['mojibake_rate'], '')}, "
                         f"{shown_value(rates['boilerplate_rate'], '')}, {shown_value(rates['duplicate_rate'], '')}")
    total = verdict.stats.total
    if total.boilerplate_by_rule:
        lines += ["", "boilerplate the rules would remove: " + ", ".join(
            f"{rule} {docs} documents ({total.boilerplate_lines[rule]} lines)"
            for rule, docs in total.boilerplate_by_rule.most_common())]
    languages = total.languages.most_common(8)
    if languages:
        lines += ["", "languages: " + ", ".join(f"{lang} {n}" for lang, n in languages)]
    length = total.length_summary()
    if length:
        lines.append("length (characters): " + ", ".join(f"{key} {value}" for key, value in length.items()))
    lines += [f"note: {note}" for note in verdict.notes]
    failed = sum(not c.passed for c in verdict.checks)
    lines += ["", f"{len(verdict.checks) - failed} passed, {failed} failed"]
    return "\n".join(lines) + "\n"


def as_json(verdict: Verdict) -> str:
    settings = verdict.quality.settings
    data = {"passed": verdict.passed, "sampled": verdict.sampled, "records_seen": verdict.stats.records_seen,
            "checks": [check.as_json() for check in verdict.checks], "notes": verdict.notes,
            "total": verdict.stats.total.as_json(settings),
            "sources": {name: group.as_json(settings) for name, group in sorted(verdict.stats.sources.items())},
            "limits": verdict.quality.limits}
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
            message = f"{check.metric} {check.value} > {check.limit}: {check.advice}"
            details = "\n".join(f"{e.source}:{e.line} {e.id} {e.detail}" for e in check.examples)
            body = f"<failure message={xml_attr(message)} type=\"threshold\">{xml_text(details)}</failure>"
        cases.append(f'  <testcase classname="normalizer.check" name={xml_attr(name)}>{body}</testcase>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites tests="{len(verdict.checks)}" failures="{failures}">\n'
            f'<testsuite name="normalizer check" tests="{len(verdict.checks)}" failures="{failures}">\n'
            + "\n".join(cases) + "\n</testsuite>\n</testsuites>\n")


def annotation_value(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
    """Table-cell safe: no HTML, no column breaks, no line breaks."""
    import html
    return html.escape(XML_INVALID.sub("\ufffd", str(text))).replace("|", "\\|").replace("\n", " ")


def markdown(verdict: Verdict) -> str:
    """A table for a pull-request comment."""
    icon = "✅" if verdict.passed else "❌"
    lines = [f"### {icon} normalizer check", "", header(verdict), "", "| check | scope | value | limit | |",
             "|---|---|---:|---:|---|"]
    for check in verdict.checks:
        lines.append(f"| `{check.name}` | {md(check.scope)} | {shown_value(check.value, check.metric)} | "
                     f"{shown_value(check.limit, check.metric)} | {'✅' if check.passed else '❌'} |")
    failing = [c for c in verdict.checks if not c.passed]
    for check in failing:
        lines += ["", f"**{check.name}**: {check.advice}"]
        lines += [f"- {md(e.source)}:{e.line} {md(e.id)} {md(e.detail)}".rstrip() for e in check.examples[:3]]
    lines += [f"> note: {note}" for note in verdict.notes]
    return "\n".join(lines) + "\n"
