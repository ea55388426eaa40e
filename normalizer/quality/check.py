"""``check`` and ``report`` as a library function: measure a corpus, judge it against thresholds.

Thresholds come from the rules' ``quality:`` section, then a quality file, then ``--set``
(each later one wins, key by key). The corpus is measured by the runner (so a step that
learns from the corpus learns first, exactly as ``clean`` would), then judged, and compared
with a stored baseline when one is given. Formats (table, JSON, JUnit …) are in
:mod:`.formats`; the CLI only picks one and prints it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..core.errors import ExitCode, UsageError
from ..io.corpus import Corpus
from ..io.sinks import check_output_place, write_text
from ..rules.loader import Rules
from ..run.runner import Engine
from .gate import (
    Check,
    Quality,
    against_baseline,
    baseline_metrics,
    build_quality,
    judge,
    parse_cli_setting,
    read_baseline,
    read_config,
    step_notes,
    updated_baseline,
)
from .measures import CorpusStats, measure_corpus


class Baseline(NamedTuple):
    """A stored baseline to compare with (``path``), or to write (``update``)."""

    path: str | None = None
    update: bool = False
    allow_regression: bool = False
    tolerance: float = 0.001


class CheckOptions(NamedTuple):
    """How to judge: per ``by`` field (None: no groups), thresholds from a quality file and
    ``--set name=value`` strings, the baseline, and a deterministic sample."""

    by: str | None = "source"
    per_source: bool = False
    config: str | None = None
    settings: tuple[str, ...] = ()
    baseline: Baseline = Baseline()
    sample: int | None = None


class Verdict(NamedTuple):
    """Everything a format needs."""

    checks: list[Check]
    stats: CorpusStats
    quality: Quality
    notes: list[str]
    sampled: bool
    rules: Rules
    current: dict[str, Any]          # the metrics as a baseline would store them
    warnings: list[str]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def exit_code(self) -> ExitCode:
        """1 when a check fails; 5 when a cleaner crashed while measuring (it outranks a failure)."""
        if self.stats.total.crashed:
            return ExitCode.CRASHED
        return ExitCode.OK if self.passed else ExitCode.FAILED


def check_corpus(corpus: Corpus, rules: Rules, options: CheckOptions, engine: Engine,
                 outputs: Sequence[str | None] = ()) -> Verdict:
    """Measure and judge. Raises RuleError or UsageError (exit 2) and OutputError (exit 4, an
    output in ``outputs`` whose directory does not exist) before reading the corpus."""
    settings = list(rules.quality)
    if options.config:
        settings += read_config(options.config)
    settings += [parse_cli_setting(text) for text in options.settings]
    quality = build_quality(settings)
    baseline = options.baseline
    if baseline.update and not baseline.path:
        raise UsageError("--update-baseline needs --baseline FILE")
    if baseline.path and not baseline.update and not os.path.exists(baseline.path):
        raise UsageError(f"no baseline at {baseline.path}; create it with --update-baseline")
    stored = read_baseline(baseline.path) if baseline.path and os.path.exists(baseline.path) else None
    for target in (*outputs, baseline.path if baseline.update else None):
        check_output_place(target)
    if options.per_source and options.by is None:
        raise UsageError("--per-source needs sources: drop --no-group")
    stats = measure_corpus(corpus, rules, options.by, quality.settings, engine, options.sample)
    checks = judge(stats, quality, options.per_source)
    current = baseline_metrics(stats, quality)
    if stored is not None and not baseline.update:
        checks += against_baseline(current, stored, baseline.tolerance)
    warnings = []
    if options.by is not None and stats.total.documents and set(stats.sources) == {"(none)"}:
        warnings.append(f"no record has a {options.by!r} field" + (" or a 'url'" if options.by == "source" else "")
                        + ": there is one source, '(none)'")
    return Verdict(checks=checks, stats=stats, quality=quality, notes=step_notes(stats, rules.steps),
                   sampled=options.sample is not None, rules=rules, current=current, warnings=warnings)


def write_baseline(verdict: Verdict, baseline: Baseline) -> list[str]:
    """Store the verdict's metrics, never looser than the stored ones (unless allowed); returns
    what was refused. Raises OutputError when the file cannot be written."""
    path = Path(str(baseline.path))
    stored = read_baseline(str(path)) if path.exists() else None
    merged, refused = updated_baseline(verdict.current, stored, baseline.allow_regression)
    write_text(str(path), json.dumps(merged, indent=1, sort_keys=True) + "\n")
    return refused
