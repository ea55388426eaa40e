"""``normalizer sample``: :func:`sample_corpus`, then JSONL or a page to read."""

from __future__ import annotations

import json

import click

from ..core.errors import ExitCode, most_severe
from ..io.records import ReadOptions
from ..review.sample import SAMPLE_KEYS
from .console import Command, emit, say
from .options import format_option, jobs_option, read_options, rules_option


@click.command(cls=Command, short_help="Deterministic review samples of a cleaning run, per reason, step, source "
                                       "or language.")
@click.argument("inputs", nargs=-1, required=True)
@rules_option()
@click.option("--by", type=click.Choice(SAMPLE_KEYS), required=True,
              help="Group by the reject reason (rejected documents only), each step that changed the text (a "
                   "document can be in several groups), the source ('url' host when 'source' is missing) or the "
                   "language.")
@click.option("-n", "--per-group", type=click.IntRange(min=1), default=5, show_default=True, metavar="N",
              help="Documents per group: those with the smallest SHA-256 of their input text.")
@format_option("jsonl", "markdown", "html",
               help="jsonl: one object per sampled document; markdown or html: a page to read, removed lines "
                    "struck through.")
@click.option("-o", "--output", default=None, metavar="FILE", help="Write the sample here instead of stdout.")
@jobs_option()
@read_options()
def sample(inputs: tuple[str, ...], rules_path: str | None, by: str, per_group: int, fmt: str,
           output: str | None, jobs: int | None, read: ReadOptions) -> int:
    """Run the rules over INPUTS (read like 'clean' reads them; nothing is written to them) and pick, in
    each group, the N documents whose input text has the smallest SHA-256 (id, then place, break ties):
    the same corpus gives the same sample whatever its order, --jobs or the run. Each comes with its
    reject reason, its text before and after, and the lines each step removed.

    Memory is groups x N documents, whatever the size of the corpus. Exit codes as 'clean': 3 an input
    could not be read, 5 a cleaner crashed (the sample is written either way).

    \b
    Examples:
      normalizer sample corpus/ --by reject.reason -n 20 --format html -o rejects.html
      normalizer sample corpus/ --by changed_by -n 5 --format markdown -o changes.md
    """
    from ..io.corpus import FileCorpus
    from ..io.overlap import refuse_outputs_that_are_inputs
    from ..io.sinks import check_output_place, write_text
    from ..review.sample import sample_corpus, sample_record
    from ..rules.loader import load_rules
    from ..run.options import EngineOptions
    refuse_outputs_that_are_inputs((output,), inputs)
    check_output_place(output)                  # a missing folder or bucket fails before the corpus is read
    rules = load_rules(rules_path)
    for warning in rules.warnings:
        say(f"warning: {warning}")
    warnings: list[str] = []
    corpus = FileCorpus.from_paths(inputs, read, warnings)
    for warning in warnings:
        say(f"warning: {warning}")
    taken = sample_corpus(corpus, rules, by, per_group, EngineOptions(jobs=jobs).build())
    if fmt == "jsonl":
        text = "".join(json.dumps(sample_record(by, picked), ensure_ascii=False) + "\n" for picked in taken.picked)
    else:
        from ..quality.sample_page import html_page, markdown_page
        title = f"normalizer sample: {', '.join(inputs)}"
        text = html_page(taken, title) if fmt == "html" else markdown_page(taken, title)
    if output:
        write_text(output, text)
    else:
        emit(text, nl=False)
    shown = sum(len(picked) for picked in taken.groups.values())
    say(f"{shown} document(s) sampled from {len(taken.groups)} group(s) of {taken.documents} documents read"
        + (f" (written to {output})" if output else ""))
    if taken.malformed:
        say(f"warning: {taken.malformed} malformed record(s) not sampled (see 'clean --rejects')")
    for failure in taken.failures:
        say(f"error: {failure}")
    if taken.crashed:
        say(f"error: a cleaner crashed on {taken.crashed} document(s) (rejected as internal_error:*); please report it")
    return most_severe(ExitCode.CRASHED if taken.crashed else ExitCode.OK,
                       ExitCode.INPUT if taken.failures else ExitCode.OK)

