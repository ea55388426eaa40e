"""Judge corpus measures against thresholds and a baseline: the pass/fail of ``normalizer check``.

Thresholds come, later ones winning, from the defaults below, a ``quality:`` section of the
rule file, a ``--config`` file and ``--set name=value`` options. The defaults are chosen so
that a corpus freshly cleaned by ``normalizer clean`` with the same rules passes, and a raw
scraped corpus with mojibake and related-article lists fails.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..core.errors import RuleError
from ..core.yamlfile import Located, load_yaml
from ..rules.loader import Setting, Step
from .measures import CorpusStats, Example, GroupStats, Settings


class Threshold(NamedTuple):
    metric: str            # the rate it limits
    default: float | None  # None: judged only when set (the quality flags depend on the corpus's purpose)
    problem: str           # the examples that illustrate a failure
    advice: str            # what to do when it fails


THRESHOLDS: dict[str, Threshold] = {
    "max_invalid_rate": Threshold("invalid_rate", 0.0, "invalid",
                                  "fix or drop the malformed lines (file and line are listed)"),
    "max_empty_rate": Threshold("empty_rate", 0.0, "empty", "drop records with an empty text"),
    "max_mojibake_rate": Threshold("mojibake_rate", 0.001, "mojibake",
                                   "run normalizer clean (fix_encoding), or find the step that decoded with the "
                                   "wrong encoding"),
    "max_boilerplate_rate": Threshold("boilerplate_rate", 0.01, "boilerplate",
                                      "run normalizer clean with these rules; see which rule with normalizer explain"),
    "max_other_language_rate": Threshold("other_language_rate", 0.02, "other_language",
                                         "filter with check_language allow:, or fix expected_languages"),
    "max_low_confidence_rate": Threshold("low_confidence_rate", 0.05, "low_confidence",
                                         "look at the examples: very short, mixed-language or non-text documents"),
    "max_short_rate": Threshold("short_rate", 0.05, "short", "drop short documents (reject_short min_chars)"),
    "max_duplicate_rate": Threshold("duplicate_rate", 0.01, "duplicate",
                                    "remove the copies: normalizer clean -r dedup (compared once cleaned)"),
    "max_near_duplicate_rate": Threshold("near_duplicate_rate", 0.02, "near_duplicate",
                                         "remove the near copies: normalizer clean -r dedup"),
    "max_control_char_rate": Threshold("control_char_rate", 0.0, "control_chars",
                                       "run normalizer clean (tidy_text removes control characters)"),
    "max_flagged_rate": Threshold("flagged_rate", None, "flagged",
                                  "see which signals fail in the report's histograms; drop the flagged documents "
                                  "(quality_filter action: reject) or tune rules/quality/<lang>.yaml"),
}
RE_PERCENTILE = re.compile(r"(?P<side>max|min)_p(?P<q>100|[1-9]?[0-9])_(?P<signal>\w+)")
OTHER_SETTINGS = {"expected_languages": (), "min_language_score": 0.8, "short_chars": 20, "min_documents": 1}
ALL_KEYS = (*THRESHOLDS, *OTHER_SETTINGS)
NO_PERCENTILES: Mapping[str, float] = {}


class Quality(NamedTuple):
    limits: dict[str, float | None]          # threshold name -> maximum rate (None: not judged)
    settings: Settings
    min_documents: int
    percentiles: Mapping[str, float] = NO_PERCENTILES     # max_p95_dup_line_frac -> its limit


def percentile_gate(key: str) -> tuple[str, int, str] | None:
    """``max_p95_dup_line_frac`` -> ``("max", 95, "dup_line_frac")``; None for another key."""
    from .signal_stats import SIGNAL_NAMES
    match = RE_PERCENTILE.fullmatch(key)
    if match is None or match["signal"] not in SIGNAL_NAMES:
        return None
    return match["side"], int(match["q"]), match["signal"]


class Check(NamedTuple):
    name: str               # the threshold (max_mojibake_rate) or a baseline check (baseline:mojibake_rate)
    metric: str
    value: float | None
    limit: float
    passed: bool
    scope: str              # "(all)" or a source
    examples: tuple[Example, ...] = ()
    advice: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "metric": self.metric, "value": self.value, "limit": self.limit,
                "passed": self.passed, "scope": self.scope, "advice": self.advice,
                "examples": [{k: v for k, v in e._asdict().items() if k != "text"} for e in self.examples]}


def percent(value: float | None) -> str:
    """A rate as people read it: ``0.001`` -> ``0.1%``."""
    return "-" if value is None else f"{value * 100:.4g}%"


def shown_value(value: float | None, metric: str) -> str:
    """A check's value or limit: a count for ``documents``, a percentage for a rate."""
    if value is None:
        return "-"
    return f"{value:g}" if metric == "documents" or "(" in metric else percent(value)


def check_value(key: str, value: Any, origin: str) -> Any:
    """One setting, type-checked; errors name where it was written."""
    path, _, line = origin.rpartition(":")

    def error(message: str) -> RuleError:
        return RuleError(message, path=path or origin, line=int(line) if line.isdigit() else None)

    shaped = RE_PERCENTILE.fullmatch(key)
    if shaped is not None and key not in ALL_KEYS:
        from .signal_stats import SIGNAL_NAMES
        if shaped["signal"] in SIGNAL_NAMES:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise error(f"{key} must be a number: the limit of the signal's percentile")
            return float(value)
        close = difflib.get_close_matches(shaped["signal"], SIGNAL_NAMES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (signals: {', '.join(SIGNAL_NAMES)})"
        raise error(f"unknown signal {shaped['signal']!r} in {key}{hint}")
    if key not in ALL_KEYS:
        close = difflib.get_close_matches(key, ALL_KEYS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(ALL_KEYS)})"
        raise error(f"unknown quality setting {key!r}{hint}, or a signal's percentile such as "
                    f"max_p95_dup_line_frac or min_p10_words")
    if key == "expected_languages":
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise error("expected_languages must be a list of language codes, e.g. [fr, de]")
        from ..detect.langdetect_batch import supported_languages
        known = supported_languages()
        for code in value:
            if code not in known:
                close = difflib.get_close_matches(code.lower().split("-")[0], sorted(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise error(f"expected_languages: {code!r} is not a language code the detector returns "
                            f"(ISO 639-1, lower case: fr, de, zh){hint}")
        return tuple(value)
    if key in ("short_chars", "min_documents"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise error(f"{key} must be a whole number, 0 or more")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise error(f"{key} must be a share between 0 and 1 (0.01 is 1%)")
    return float(value)


def read_config(path: str) -> list[Setting]:
    """A quality file: a ``quality:`` mapping (or the mapping alone)."""
    if not Path(path).is_file():
        raise RuleError("no such quality file", path=path)
    data = load_yaml(Path(path))
    if isinstance(data, Located) and set(data) == {"quality"}:
        data = data["quality"]
    if not isinstance(data, Located):
        raise RuleError("a quality file is a mapping of thresholds, under 'quality:'", path=path, line=1)
    return [Setting(str(key), value, f"{path}:{data.key_lines[key]}") for key, value in data.items()]


def parse_cli_setting(text: str) -> Setting:
    """``max_mojibake_rate=0.01`` or ``expected_languages=fr,de`` from ``--set``."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise RuleError(f"--set {text!r}: write name=value", path="--set")
    value: Any = raw
    if key.strip() != "expected_languages":
        try:
            value = json.loads(raw)
        except ValueError:
            raise RuleError(f"--set {text!r}: {raw!r} is not a number", path="--set") from None
    return Setting(key.strip(), value, "--set")


def build_quality(settings: Iterable[Setting]) -> Quality:
    values: dict[str, Any] = {name: t.default for name, t in THRESHOLDS.items()} | dict(OTHER_SETTINGS)
    for setting in settings:
        values[setting.key] = check_value(setting.key, setting.value, setting.origin)
    return Quality({name: values[name] for name in THRESHOLDS},
                   Settings(tuple(values["expected_languages"]), values["min_language_score"], values["short_chars"]),
                   values["min_documents"], {key: value for key, value in values.items() if percentile_gate(key)})


def judge(stats: CorpusStats, quality: Quality, per_source: bool = False) -> list[Check]:
    """Every threshold against the corpus (and each source with ``per_source``)."""
    scopes: list[tuple[str, GroupStats]] = [("(all)", stats.total)]
    if per_source:
        scopes += sorted(stats.sources.items())
    checks = [Check("min_documents", "documents", float(stats.total.documents), float(quality.min_documents),
                    stats.total.documents >= quality.min_documents, "(all)",
                    advice="the corpus is empty, or every record is invalid")]
    for scope, group in scopes:
        rates = group.rates(quality.settings)
        for name, threshold in THRESHOLDS.items():
            value = rates[threshold.metric]
            if value is None:
                continue
            limit = quality.limits[name]
            if limit is None:
                continue
            checks.append(Check(name, threshold.metric, value, limit, value <= limit, scope,
                                tuple(group.examples.get(threshold.problem, ())) if value > limit else (),
                                threshold.advice))
        checks += percentile_checks(group, quality, scope)
    return checks


def percentile_checks(group: GroupStats, quality: Quality, scope: str) -> list[Check]:
    """``max_p95_dup_line_frac=0.3``: the 95th percentile of the signal at most 0.3 (``min_``: at least)."""
    checks = []
    for key, limit in sorted(quality.percentiles.items()):
        side, q, signal = percentile_gate(key) or ("", 0, "")
        value = group.signals.percentile(signal, q)
        if value is None:
            continue
        passed = value <= limit if side == "max" else value >= limit
        bound = "at most" if side == "max" else "at least"
        checks.append(Check(key, f"p{q}({signal})", value, limit, passed, scope,
                            advice=f"the {q}th percentile of {signal} should be {bound} {limit:g}: see its histogram "
                                   f"per language in the report"))
    return checks


def step_notes(stats: CorpusStats, steps: Sequence[Step], minimum: int = 10) -> list[str]:
    """Steps that look misconfigured: one that would reject every document, or a boilerplate rule
    that finds nothing in a corpus where the other rules find plenty (so it is not just clean)."""
    total = stats.total.documents
    if total < minimum:
        return []
    notes = [f"step {step} would reject all {total} documents: check its options"
             for step in (s.id for s in steps) if stats.total.rejected_by_step[step] == total]
    if stats.total.boilerplate_docs >= total * 0.05:
        notes += [f"step {step} would change no document while the other rules change "
                  f"{stats.total.boilerplate_docs} of {total}: check its options"
                  for step in (s.id for s in steps if s.traits.finds == "boilerplate")
                  if not stats.total.changed_by_step[step]]
    return notes


def baseline_metrics(stats: CorpusStats, quality: Quality) -> dict[str, Any]:
    return {"version": 1, "metrics": stats.total.rates(quality.settings),
            "sources": {name: group.rates(quality.settings) for name, group in sorted(stats.sources.items())}}


def against_baseline(current: dict[str, Any], stored: dict[str, Any], tolerance: float) -> list[Check]:
    """A metric that got worse than the stored one by more than ``tolerance`` fails."""
    checks = []
    scopes = [("(all)", current["metrics"], stored.get("metrics", {}))]
    scopes += [(name, rates, stored.get("sources", {}).get(name)) for name, rates in current["sources"].items()]
    for scope, rates, old in scopes:
        if not isinstance(old, dict):
            continue
        for metric, value in rates.items():
            before = old.get(metric)
            if value is None or not isinstance(before, (int, float)):
                continue
            checks.append(Check(f"baseline:{metric}", metric, value, round(before + tolerance, 6),
                                value <= before + tolerance, scope,
                                advice=f"was {before} in the baseline; fix the regression, or accept it with "
                                       f"--update-baseline --allow-regression"))
    return checks


def read_baseline(path: str) -> dict[str, Any]:
    """A stored baseline, checked: ``{"version": 1, "metrics": {rate: number}, "sources": {...}}``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"cannot read the baseline: {error.strerror or error}", path=path) from None
    except ValueError as error:
        raise RuleError(f"the baseline is not JSON ({error})", path=path) from None

    def rates_ok(rates: Any) -> bool:
        return isinstance(rates, dict) and all(
            value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
            for value in rates.values())

    if not (isinstance(data, dict) and data.get("version") == 1 and rates_ok(data.get("metrics"))
            and isinstance(data.get("sources", {}), dict)
            and all(rates_ok(rates) for rates in data.get("sources", {}).values())):
        raise RuleError("not a normalizer baseline (write one with --update-baseline)", path=path)
    return data


def updated_baseline(current: dict[str, Any], stored: dict[str, Any] | None,
                     allow_regression: bool) -> tuple[dict[str, Any], list[str]]:
    """The baseline to write: each metric tightened to the current value, never loosened unless allowed.

    A metric or a source this run did not measure keeps its stored value (a smaller corpus or
    fewer settings must not erase what the baseline holds). Returns the baseline and the metrics
    that would have been loosened (kept at their stored value).
    """
    if stored is None:
        return current, []
    refused: list[str] = []

    def merge(scope: str, new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
        merged = dict(old or {})
        for metric, value in new.items():
            before = merged.get(metric)
            if value is None:
                continue
            if isinstance(before, (int, float)) and value > before and not allow_regression:
                refused.append(f"{scope} {metric}: {before} -> {value}")
                continue
            merged[metric] = value
        return merged

    sources = dict(stored.get("sources", {}))
    for name, rates in current["sources"].items():
        sources[name] = merge(name, rates, sources.get(name))
    result = {"version": 1, "metrics": merge("(all)", current["metrics"], stored.get("metrics")),
              "sources": dict(sorted(sources.items()))}
    return result, refused
