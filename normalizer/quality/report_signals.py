"""The report's quality signals: one small histogram per signal and language, with its percentiles.

Thresholds are chosen by looking at distributions (RedPajama-Data#92, data-juicer#136): each
cell shows where a language's documents fall for one signal, as bars of equal width per bucket
(tenths for a fraction, powers of two for a count), with p5, p50 and p95 beside them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .html_parts import attrs, esc, wrappable

BARS = "▁▂▃▄▅▆▇█"
LANGUAGES_SHOWN = 12          # columns: the languages with most documents


def sparkline(buckets: list[list[float]]) -> str:
    """``[[lower, documents], …]`` as a row of block characters, the fullest bucket the tallest."""
    if not buckets:
        return ""
    top = max(count for _, count in buckets)
    return "".join(BARS[min(len(BARS) - 1, int((count / top) * (len(BARS) - 1)))] if count else "\u2002"
                   for _, count in buckets)


def cell(summary: Mapping[str, Any]) -> str:
    percentiles = ", ".join(f"{key} {summary[key]:g}" for key in ("p5", "p50", "p95") if summary.get(key) is not None)
    title = "; ".join(f"≥{lower:g}: {count:g}" for lower, count in summary.get("histogram", []))
    return (f'<td{attrs(class_="signal", title=title, data_p50=summary.get("p50"), data_p95=summary.get("p95"))}>'
            f'<span class="spark">{esc(sparkline(summary.get("histogram", [])))}</span> '
            f'<span class="detail">{esc(percentiles)}</span></td>')


def signal_table(signals: Mapping[str, Mapping[str, Mapping[str, Any]]], languages: Mapping[str, int],
                 flagged: Mapping[str, int] | None = None) -> str:
    """Rows of signals, a column per language (the most documents first), and the documents each
    signal flags; empty when nothing was measured."""
    shown = [lang for lang, _ in sorted(languages.items(), key=lambda item: (-item[1], item[0])) if lang in signals]
    shown = shown[:LANGUAGES_SHOWN]
    if not shown:
        return '<p class="empty">no signals measured</p>'
    names = list(signals[shown[0]])
    counts = flagged or {}
    head = ("<tr><th>signal</th><th>flagged</th>"
            + "".join(f"<th{attrs(data_lang=lang)}>{esc(lang)}</th>" for lang in shown) + "</tr>")
    rows = "".join(f"<tr{attrs(data_signal=name)}><td>{wrappable(name)}</td>"
                   f'<td{attrs(class_="num flagged", data_flagged=counts.get(name, 0))}>{esc(counts.get(name, 0))}</td>'
                   + "".join(cell(signals[lang][name]) for lang in shown) + "</tr>" for name in names)
    return f'<div class="wide"><table id="signal-histograms"><thead>{head}</thead><tbody>{rows}</tbody></table></div>'
