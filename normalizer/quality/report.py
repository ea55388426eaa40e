"""One self-contained HTML page on a corpus's quality: the page ``normalizer report`` writes.

It is for people who would rather look than read: the checks, the languages, the lengths, which
rules would still fire in which source, and example documents with what the rules would remove.
Everything is inline (CSS and SVG, no script) and a Content-Security-Policy forbids every fetch,
so the file opens offline and cannot reach the network. Corpus text is untrusted: every string
from the data goes through :func:`esc`. Rendering is a pure function of :class:`ReportData`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from ..rules.loader import Step
from .gate import Check, percent, shown_value
from .html_parts import attrs, esc, meter, section, wrappable
from .measures import LENGTH_BUCKETS, CorpusStats, Settings
from .report_examples import Flagged, Shown, explained, problems
from .report_signals import signal_table

EXAMPLES_SHOWN = 3          # example documents per failed check
LANGUAGES_SHOWN = 24        # bars; the rest are one "(other)" bar
SOURCES_SHOWN = 50          # rows of the per-source tables, the largest sources first
OTHER = "(other)"
CSP = "default-src 'none'; style-src 'unsafe-inline'"


class ReportData(NamedTuple):
    """Everything the page shows; ``total`` and ``sources`` are ``GroupStats.as_json`` dicts."""

    checks: tuple[Check, ...]
    total: Mapping[str, Any]
    sources: Mapping[str, Mapping[str, Any]]
    limits: Mapping[str, float | None]
    records_seen: int
    sampled: bool
    notes: tuple[str, ...] = ()
    flagged: tuple[Flagged, ...] = ()
    title: str = "normalizer report"
    clusters: tuple[Mapping[str, Any], ...] = ()     # the largest groups of copies

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)


def gather(checks: Sequence[Check], stats: CorpusStats, settings: Settings, limits: Mapping[str, float | None],
           notes: Sequence[str], sampled: bool, steps: Sequence[Step], title: str = "normalizer report") -> ReportData:
    """The page's data: the measures as JSON, and each failed check's first examples explained by ``steps``."""
    flagged = tuple(Flagged(check, tuple(Shown(example, explained(steps, example))
                                         for example in check.examples[:EXAMPLES_SHOWN]))
                    for check in checks if not check.passed and check.examples)
    return ReportData(checks=tuple(checks), total=stats.total.as_json(settings),
                      sources={name: group.as_json(settings) for name, group in sorted(stats.sources.items())},
                      limits=dict(limits), records_seen=stats.records_seen, sampled=sampled, notes=tuple(notes),
                      flagged=flagged, title=title, clusters=tuple(stats.clusters))


# -- the headline and the checks ---------------------------------------------------------------------------

def summary(data: ReportData) -> str:
    failed = sum(not check.passed for check in data.checks)
    verdict = "PASS" if data.passed else "FAIL"
    counts = f"{len(data.checks) - failed} of {len(data.checks)} checks passed"
    figures = [("documents", data.total.get("documents", 0), "documents"),
               ("invalid", data.total.get("invalid", 0), "invalid records"),
               ("sources", len(data.sources), "sources")]
    parts = [f'<div class="figure"{attrs(id=key, data_value=value)}><span class="number">{esc(value)}</span>'
             f'<span class="label">{esc(label)}</span></div>' for key, value, label in figures]
    parts.append(f'<div{attrs(id="verdict", class_="figure " + verdict.lower(), data_passed=str(data.passed).lower())}>'
                 f'<span class="number">{verdict}</span><span class="label">{esc(counts)}</span></div>')
    body = f'<div class="figures">{"".join(parts)}</div>'
    if data.sampled:
        records = data.total.get("documents", 0) + data.total.get("invalid", 0)
        body += (f'<p{attrs(id="sampled", data_sampled=records, data_seen=data.records_seen)}>sampled {esc(records)} '
                 f'of {esc(data.records_seen)} records (a deterministic sample: the numbers are estimates)</p>')
    if data.notes:
        body += '<ul id="notes">' + "".join(f'<li class="note">{esc(note)}</li>' for note in data.notes) + "</ul>"
    return section("summary", "Summary", body)


def checks_table(checks: Sequence[Check]) -> str:
    rows = []
    for check in checks:
        state = "pass" if check.passed else "fail"
        row_attrs = attrs(class_=f"check {state}", data_name=check.name, data_scope=check.scope,
                          data_value=check.value, data_limit=check.limit, data_passed=str(check.passed).lower())
        advice = "" if check.passed else f'<div class="advice">{esc(check.advice)}</div>'
        rows.append(f"<tr{row_attrs}><td><code>{esc(check.name)}</code>{advice}</td><td>{esc(check.scope)}</td>"
                    f'<td class="num">{esc(shown_value(check.value, check.metric))}</td>'
                    f'<td class="num">{esc(shown_value(check.limit, check.metric))}</td>'
                    f'<td class="state">{state.upper()}</td></tr>')
    head = "<tr><th>check</th><th>scope</th><th>value</th><th>limit</th><th></th></tr>"
    return section("checks-section", "Checks",
                   f'<table id="checks"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>')


# -- charts ------------------------------------------------------------------------------------------------

def svg(id_: str, width: float, height: float, items: Sequence[str]) -> str:
    return (f'<svg{attrs(id=id_, class_="chart")} role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(items)}</svg>')


def bar_chart(id_: str, bars: Sequence[tuple[str, int]], unit: str = "documents") -> str:
    """Horizontal bars, one per label, as inline SVG."""
    row, label_width, bar_width = 24, 130, 420
    height = row * len(bars) + 8
    top = max((value for _, value in bars), default=0) or 1
    total = sum(value for _, value in bars) or 1
    items = []
    for i, (label, value) in enumerate(bars):
        y, width = 4 + i * row, bar_width * value / top
        items.append(f'<g class="row"><text class="label" x="{label_width - 8}" y="{y + 16}">{esc(label)}</text>'
                     f'<rect{attrs(class_="bar", data_label=label, data_value=value)} x="{label_width}" y="{y + 3}" '
                     f'width="{width:.1f}" height="{row - 6}"><title>{esc(label)}: {esc(value)} {esc(unit)}</title>'
                     f'</rect><text class="value" x="{label_width + width + 6:.1f}" y="{y + 16}">{esc(value)} '
                     f'({esc(percent(value / total))})</text></g>')
    return svg(id_, label_width + bar_width + 110, height, items)


def language_bars(languages: Mapping[str, int]) -> list[tuple[str, int]]:
    """The most frequent languages, the rest summed into one bar."""
    ranked = sorted(languages.items(), key=lambda item: (-item[1], item[0]))
    bars = ranked[:LANGUAGES_SHOWN]
    rest = sum(count for _, count in ranked[LANGUAGES_SHOWN:])
    return bars + [(OTHER, rest)] if rest else bars


def bucket_label(lower: int) -> str:
    """A length bucket by its bounds, as the histogram labels it.

    >>> bucket_label(100), bucket_label(100_000)
    ('100-199', '100000+')
    """
    index = LENGTH_BUCKETS.index(lower)
    return f"{lower}+" if index + 1 == len(LENGTH_BUCKETS) else f"{lower}-{LENGTH_BUCKETS[index + 1] - 1}"


def histogram_buckets(histogram: Mapping[str, int]) -> list[tuple[int, int]]:
    """(bucket lower bound, documents) from the first filled bucket to the last, empty ones included."""
    filled = [bucket for bucket in LENGTH_BUCKETS if histogram.get(str(bucket))]
    if not filled:
        return []
    return [(bucket, int(histogram.get(str(bucket), 0))) for bucket in LENGTH_BUCKETS
            if filled[0] <= bucket <= filled[-1]]


def histogram(histogram_data: Mapping[str, int]) -> str:
    """Vertical columns, one per length bucket, as inline SVG."""
    buckets = histogram_buckets(histogram_data)
    column, chart_height, base = 84, 180, 200
    top = max((count for _, count in buckets), default=0) or 1
    width = column * max(len(buckets), 1) + 20
    items = []
    for i, (lower, count) in enumerate(buckets):
        x, bar = 10 + i * column, chart_height * count / top
        label = bucket_label(lower)
        bar_attrs = attrs(class_="bar", data_label=label, data_bucket=lower, data_value=count)
        items.append(f'<g class="column"><rect{bar_attrs} x="{x + 6}" y="{base - bar:.1f}" width="{column - 12}" '
                     f'height="{bar:.1f}"><title>{esc(label)} characters: {esc(count)} documents</title></rect>'
                     f'<text class="value" x="{x + column / 2}" y="{base - bar - 4:.1f}">{esc(count)}</text>'
                     f'<text class="label" x="{x + column / 2}" y="{base + 16}">{esc(label)}</text></g>')
    return svg("length-histogram", width, base + 28, items)


def length_line(length: Mapping[str, int]) -> str:
    if not length:
        return ""
    return '<p id="length-summary">' + ", ".join(f"{esc(key)} {esc(value)}" for key, value in length.items()) \
        + " characters</p>"


# -- per source --------------------------------------------------------------------------------------------

def largest(sources: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, Mapping[str, Any]]]:
    ranked = sorted(sources.items(), key=lambda item: (-int(item[1].get("documents", 0)), item[0]))
    return ranked[:SOURCES_SHOWN]


def more_sources(sources: Mapping[str, Any]) -> str:
    hidden = len(sources) - SOURCES_SHOWN
    return f'<p class="more">and {hidden} smaller sources</p>' if hidden > 0 else ""


def rules_per_source(sources: Mapping[str, Mapping[str, Any]], total: Mapping[str, Any]) -> str:
    """Per source, how many documents each boilerplate rule would change."""
    by_rule: Mapping[str, Mapping[str, int]] = total.get("boilerplate_by_rule", {})
    rules = sorted(by_rule, key=lambda rule: (-by_rule[rule]["documents"], rule))
    if not rules:
        return '<p id="rules-per-source" class="empty">No boilerplate rule would change any document.</p>'

    def cells(name: str, group: Mapping[str, Any]) -> str:
        docs = int(group.get("documents", 0))
        hits: Mapping[str, Mapping[str, int]] = group.get("boilerplate_by_rule", {})
        out = []
        for rule in rules:
            count, lines = hits.get(rule, {}).get("documents", 0), hits.get(rule, {}).get("lines", 0)
            out.append(f'<td{attrs(class_="hits num", data_source=name, data_rule=rule, data_value=count)} '
                       f'title="{esc(lines)} lines">{esc(count)} {meter(count / docs if docs else None)}</td>')
        return "".join(out)

    head = "<tr><th>source</th><th>documents</th>" + "".join(f"<th><code>{wrappable(r)}</code></th>" for r in rules) \
        + "</tr>"
    rows = [f'<tr{attrs(data_source=name)}><td>{esc(name)}</td><td class="num">{esc(group.get("documents", 0))}</td>'
            f"{cells(name, group)}</tr>" for name, group in largest(sources)]
    foot = f'<tr class="all"><th>all sources</th><td class="num">{esc(total.get("documents", 0))}</td>' \
           f'{cells("(all)", total)}</tr>'
    return (f'<div class="wide"><table id="rules-per-source"><thead>{head}</thead><tbody>{"".join(rows)}</tbody>'
            f"<tfoot>{foot}</tfoot></table></div>{more_sources(sources)}")


RATE_COLUMNS = (("mojibake_rate", "max_mojibake_rate", "mojibake"),
                ("duplicate_rate", "max_duplicate_rate", "duplicates"),
                ("near_duplicate_rate", "max_near_duplicate_rate", "near duplicates"),
                ("boilerplate_rate", "max_boilerplate_rate", "boilerplate"))


def rates_per_source(sources: Mapping[str, Mapping[str, Any]], limits: Mapping[str, float | None]) -> str:
    """Per source, the mojibake, duplicate and boilerplate rates, over-limit ones marked."""
    head = "<tr><th>source</th><th>documents</th>" + "".join(f"<th>{esc(title)}</th>" for *_, title in RATE_COLUMNS) \
        + "</tr>"
    rows = []
    for name, group in largest(sources):
        metrics: Mapping[str, float | None] = group.get("metrics", {})
        cells = []
        for metric, limit_name, _ in RATE_COLUMNS:
            value, limit = metrics.get(metric), limits.get(limit_name)
            over = value is not None and limit is not None and value > limit
            cell_attrs = attrs(class_="rate num" + (" over" if over else ""), data_metric=metric, data_value=value)
            cells.append(f"<td{cell_attrs}>{esc(percent(value))} {meter(value, over)}</td>")
        row_attrs = attrs(data_source=name, data_mojibake_rate=metrics.get("mojibake_rate"),
                          data_duplicate_rate=metrics.get("duplicate_rate"))
        rows.append(f"<tr{row_attrs}>"
                    f'<td>{esc(name)}</td><td class="num">{esc(group.get("documents", 0))}</td>{"".join(cells)}</tr>')
    return (f'<table id="rates-per-source"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
            f"{more_sources(sources)}")


def copy_clusters(clusters: Sequence[Mapping[str, Any]]) -> str:
    """A table of the largest groups of copies: their size, the first copy and some others."""
    rows = "".join(
        f'<tr data-size="{esc(cluster["size"])}"><td class="num">{esc(cluster["size"])}</td>'
        f'<td>{esc(cluster["kept"]["id"])} <span class="where">{esc(cluster["kept"]["source"])}:'
        f'{esc(cluster["kept"]["line"])}</span></td><td>{esc(", ".join(cluster["copies"]))}</td></tr>'
        for cluster in clusters)
    return ('<table id="copy-clusters"><thead><tr><th>documents</th><th>first copy</th><th>other copies</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1d2330}
h1{font-size:1.6em}h2{border-bottom:2px solid #e3e6ec;margin-top:1.6em}.intro,.note,.meta,.where,.detail{color:#5b6475}
code,pre,ul.edits li{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
.figures{display:flex;flex-wrap:wrap;gap:1em}.figure .label,.advice{color:#5b6475}
.figure{border:1px solid #e3e6ec;border-radius:8px;padding:.6em 1.2em;min-width:8em}
.figure .number{display:block;font-size:1.9em;font-weight:700}
.pass{background:#e8f6ec;border-color:#7cc893}.fail{background:#fdecec;border-color:#e58a8a}
table{border-collapse:collapse;margin:.5em 0;width:100%}.wide{overflow-x:auto}
th,td{border-bottom:1px solid #e3e6ec;padding:.3em .6em;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap}tr.fail td.state,td.over{color:#b3261e;font-weight:700}
tr.pass{background:none}tr.pass td.state{color:#1e7b34;font-weight:700}tr.all{background:#f6f7f9}
.meter{display:inline-block;width:60px;height:8px;background:#eef0f4;border-radius:4px;vertical-align:middle}
.meter span{display:block;height:100%;border-radius:4px;background:#4a78c2}.meter.over span{background:#d0453b}
#rules-per-source .meter{width:36px}svg.chart{max-width:100%;height:auto;font-size:12px}svg .bar{fill:#4a78c2}
svg .value{fill:#5b6475}#languages-chart .label{text-anchor:end}#length-histogram text{text-anchor:middle}
.problem{border-left:4px solid #d0453b;padding-left:1em;margin:1.2em 0}.example h3{font-size:1em}
.example{border:1px solid #e3e6ec;border-radius:8px;padding:.4em 1em;margin:.8em 0;background:#fbfbfc}
.step h4{margin:.5em 0 .2em}ul.edits{list-style:none;padding-left:1em;margin:0}
ul.edits li,pre{margin:.15em 0;white-space:pre-wrap;word-break:break-word}pre{background:#f6f7f9;padding:.6em}
del{color:#b3261e;background:#fdecec}ins{color:#1e7b34;background:#e8f6ec;text-decoration:none}
.spark{font-family:ui-monospace,monospace;letter-spacing:-1px;color:#4a78c2}td.signal{white-space:nowrap}
li.rejected{color:#b3261e;font-weight:700}li.blank,.arrow,footer{color:#5b6475}footer{margin:2em 0 1em}
"""


def render(data: ReportData) -> str:
    """The whole page."""
    total = data.total
    languages = language_bars(total.get("languages", {}))
    body = [f"<h1>{esc(data.title)}</h1>", summary(data), checks_table(data.checks),
            section("languages", "Languages",
                    bar_chart("languages-chart", languages) if languages else '<p class="empty">no documents</p>',
                    "Documents per detected language."),
            section("lengths", "Document length",
                    histogram(total.get("length_histogram", {})) + length_line(total.get("length", {})),
                    "Documents per length in characters."),
            section("signals", "Quality signals per language",
                    signal_table(total.get("signals", {}), total.get("languages", {}), total.get("flags_by_signal")),
                    "Each signal's distribution per language (README, \"Quality signals\"), with p5, p50 and p95; "
                    f"{total.get('counts', {}).get('flagged', 0)} documents fail a threshold of rules/quality/."),
            section("rules", "Rule hits per source", rules_per_source(data.sources, total),
                    "Documents each boilerplate rule would still change (hover a cell for the lines)."),
            section("rates", "Mojibake and duplicates per source", rates_per_source(data.sources, data.limits),
                    "Share of each source's documents; over the corpus limit in red."),
            section("copies", "Largest groups of copies", copy_clusters(data.clusters),
                    "Documents whose cleaned text repeats another's, exactly or nearly (Jaccard 0.8 or more), "
                    "the copy that comes first in input order named.") if data.clusters else "",
            problems(data.flagged),
            "<footer>Written by normalizer report: self-contained, it makes no network request.</footer>"]
    return ("<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(data.title)}</title>'
            f"<style>{STYLE}</style></head>\n<body>\n" + "\n".join(part for part in body if part)
            + "\n</body></html>\n")
