"""``normalizer check`` and ``normalizer report``: :func:`check_corpus`, then a format or an HTML page.

Exit codes: 0 every threshold (and the baseline) holds; 1 one fails; 2 a usage, rule or
configuration error; 3 an input cannot be read; 4 an output cannot be written; 5 a cleaner
crashed while measuring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..core.errors import ExitCode
from ..io.records import ReadOptions
from ..io.sinks import write_text
from .check_formats import FORMATS
from .console import Command, emit, say
from .options import FiniteFloat, format_option, jobs_option, read_options, rules_option

F = TypeVar("F", bound=Callable[..., Any])


def measure_options(command: F) -> F:
    """What ``check`` and ``report`` share: the rules, thresholds, grouping, sample, jobs, fields."""
    for option in reversed([
        click.argument("inputs", nargs=-1, required=True),
        rules_option("The rules whose work must already be done (and whose 'quality:' thresholds apply)."),
        click.option("--config", default=None, metavar="FILE", help="A YAML file of thresholds (a 'quality:' mapping)."),
        click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
                     help="A threshold, e.g. --set max_mojibake_rate=0.01 --set expected_languages=fr,de, "
                          "--set max_flagged_rate=0.05 (quality flags), or a signal's percentile: "
                          "--set max_p95_dup_line_frac=0.3 --set min_p10_words=50 (repeatable)."),
        click.option("--by", default="source", show_default=True, metavar="FIELD",
                     help="Measure per value of this field ('url' host when 'source' is missing)."),
        click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Check a deterministic sample of N records (the report says so)."),
        jobs_option(),
        read_options(fallback=False),
    ]):
        command = option(command)
    return command


def verdict_of(inputs: tuple[str, ...], rules_path: str | None, read: ReadOptions, jobs: int | None,
               options: Any, outputs: tuple[str | None, ...]) -> Any:
    from ..io.corpus import FileCorpus
    from ..io.overlap import refuse_outputs_that_are_inputs
    from ..quality.check import check_corpus
    from ..rules.loader import load_rules
    from ..run.options import EngineOptions
    refuse_outputs_that_are_inputs(outputs, inputs)
    rules = load_rules(rules_path)
    warnings: list[str] = []
    corpus = FileCorpus.from_paths(inputs, read, warnings)
    for warning in warnings:
        say(f"warning: {warning}")
    verdict = check_corpus(corpus, rules, options, EngineOptions(jobs=jobs).build(), outputs)
    for warning in verdict.warnings:
        say(f"warning: {warning}")
    if verdict.stats.total.crashed:
        say(f"error: a cleaner crashed on {verdict.stats.total.crashed} document(s) while measuring "
            f"(counted as rejected by that step); please report it")
    return verdict


@click.command(cls=Command, short_help="Check a corpus against quality thresholds (a CI gate); writes nothing to it.")
@measure_options
@click.option("--no-group", is_flag=True, help="No per-source breakdown.")
@click.option("--per-source", is_flag=True, help="Apply the thresholds to each source too, not only the corpus.")
@format_option("table", "json", "junit", "github", "markdown")
@click.option("-o", "--output", default=None, metavar="FILE", help="Write the report here instead of stdout.")
@click.option("--baseline", default=None, metavar="FILE", help="Fail when a metric got worse than in this file.")
@click.option("--update-baseline", is_flag=True, help="Write the current metrics to --baseline (never looser).")
@click.option("--allow-regression", is_flag=True, help="Let --update-baseline loosen a stored metric.")
@click.option("--tolerance", type=FiniteFloat(0, 1), default=0.001, show_default=True,
              help="How much worse than the baseline a rate may get.")
def check(inputs: tuple[str, ...], rules_path: str | None, config: str | None, settings: tuple[str, ...], by: str,
          sample: int | None, jobs: int | None, read: ReadOptions, no_group: bool, per_source: bool, fmt: str,
          output: str | None, baseline: str | None, update_baseline: bool, allow_regression: bool,
          tolerance: float) -> int:
    """Measure INPUTS (read like 'clean' reads them, nothing written to them) and judge them against
    thresholds: invalid lines, mojibake left, boilerplate the rules would still remove, languages,
    low-confidence language, empty and short documents, exact duplicates, control characters.

    Exit 0 when every threshold holds, 1 when one fails, 2 for a usage or configuration error.

    \b
    Examples:
      normalizer check cleaned.jsonl
      normalizer check corpus/ --set expected_languages=fr --format junit -o check.xml
      normalizer check corpus/ --baseline quality-baseline.json
    """
    from ..quality.check import Baseline, CheckOptions, write_baseline
    stored = Baseline(baseline, update_baseline, allow_regression, tolerance)
    options = CheckOptions(by=None if no_group else by, per_source=per_source, config=config, settings=settings,
                           baseline=stored, sample=sample)
    verdict = verdict_of(inputs, rules_path, read, jobs, options, (output, baseline if update_baseline else None))
    text = FORMATS[fmt](verdict)
    if output:
        write_text(output, click.unstyle(text))
    else:
        emit(text, nl=False)
    code = verdict.exit_code
    if update_baseline:
        refused = write_baseline(verdict, stored)
        for item in refused:
            say(f"baseline not loosened: {item} (pass --allow-regression to accept it)")
        say(f"baseline written to {baseline}")
        if refused and code == ExitCode.OK:
            code = ExitCode.FAILED
    return int(code)


@click.command(cls=Command, short_help="Write a self-contained HTML report on a corpus's quality.")
@measure_options
@click.option("-o", "--output", required=True, metavar="FILE", help="The HTML file to write.")
def report(inputs: tuple[str, ...], rules_path: str | None, config: str | None, settings: tuple[str, ...], by: str,
           sample: int | None, jobs: int | None, read: ReadOptions, output: str) -> int:
    """Measure INPUTS like 'check' and write one HTML file (no network needed to open it): language
    distribution, length histogram, rule hits per source, mojibake and duplicate rates, the checks,
    and example documents for each problem with what the rules would remove.

    Exit 0 when every threshold holds, 1 when one fails (the report is written either way), 2 on errors.
    """
    from ..quality.check import CheckOptions
    from ..quality.report import gather, render
    options = CheckOptions(by=by, config=config, settings=settings, sample=sample)
    verdict = verdict_of(inputs, rules_path, read, jobs, options, (output,))
    data = gather(verdict.checks, verdict.stats, verdict.quality.settings, verdict.quality.limits, verdict.notes,
                  verdict.sampled, verdict.rules.steps, title=f"normalizer report: {', '.join(inputs)}")
    write_text(output, render(data))
    failed = sum(not check.passed for check in verdict.checks)
    say(f"report written to {output}: {len(verdict.checks) - failed} checks passed, {failed} failed")
    return int(verdict.exit_code)
