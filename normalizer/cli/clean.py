"""``normalizer clean``: options in, :func:`normalizer.run.clean.clean_corpus`, the summary out."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..core.errors import ExitCode, UsageError
from ..io.records import ReadOptions
from ..run.options import EngineOptions, OutputOptions
from .console import Command, say, visible
from .options import engine_options, output_options, read_options, rules_option


@click.command(cls=Command, short_help="Clean files, directories or stdin into JSONL, with rejects and a summary.")
@click.argument("inputs", nargs=-1, required=True)
@rules_option()
@output_options()
@engine_options()
@read_options(limits=True)
@click.option("--strict", is_flag=True,
              help="Exit 1 when any input record was malformed (they are still rejected, not lost).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress line on stderr (only when it is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@click.option("--profile", is_flag=True,
              help="Print the seconds each step took (all workers), and reading, serialising, writing.")
def clean(inputs: tuple[str, ...], rules_path: str | None, output: OutputOptions, engine: EngineOptions,
          read: ReadOptions, strict: bool, progress: bool, quiet: bool, profile: bool) -> int:
    """Clean INPUTS into JSONL: files (.jsonl, .txt, .parquet, compressed or not), directories (recursive,
    sorted, hidden entries skipped), globs, or '-' for JSONL on stdin. A .txt file is one document whose
    id is its path below the directory given, without extensions.

    Exit codes: 0 ok; 1 --strict and malformed records; 2 rule or usage error; 3 an input could not be
    read; 4 an output could not be written; 5 a cleaner crashed on some documents; 130/143 interrupted.

    \b
    Examples:
      normalizer clean corpus/ -o clean.jsonl --rejects rejects.jsonl
      cat docs.jsonl.gz | normalizer clean - -r my-rules.yaml > clean.jsonl
      normalizer clean 'crawl/**/*.jsonl.zst' -o out/ --shard-size 1GB --compress zstd --manifest run.json
      normalizer clean s3://bucket/crawl/ --engine ray --ray-address auto -o s3://bucket/clean/ --rejects s3://bucket/rejects/
    """
    from ..io.corpus import FileCorpus
    from ..rules.loader import load_rules
    from ..run.clean import check_outputs, clean_corpus
    rules = load_rules(rules_path)
    for warning in rules.warnings:
        say(f"warning: {warning}")
    if profile and engine.engine == "ray":
        raise UsageError("--profile: not available with --engine ray (the local engine has it)")
    chosen = engine.build()
    check_outputs(output, inputs, engine.engine)         # usage mistakes (2) before a missing input (3)
    if engine.engine == "ray":
        chosen = chosen._replace(progress=progress and not quiet and sys.stderr.isatty())
    warnings: list[str] = []
    corpus = FileCorpus.from_paths(inputs, read, warnings, expand_uris=engine.engine != "ray")
    for warning in warnings:
        say(f"warning: {warning}")
    result = clean_corpus(corpus, rules, output, chosen, strict=strict, progress=progress and not quiet,
                          argv=sys.argv, say=say)
    if not quiet:
        click.echo(visible(result.summary.render([step.id for step in rules.steps])), err=True)
        rate = result.summary.documents_in / result.seconds if result.seconds > 0 else 0.0
        click.echo(f"  elapsed: {result.seconds:.1f} s ({rate:,.0f} documents/s)", err=True)
        note = rejects_not_kept(result.summary, output, "FOLDER" if engine.engine == "ray" else "FILE")
        if note:
            click.echo(note, err=True)
    if profile:
        from ..core.summary import render_profile
        click.echo(render_profile(result.profile, result.seconds, getattr(chosen, "jobs", 1),
                                  result.summary.documents_in), err=True)
    reason = exit_reason(result.exit_code, result.summary, "written" if engine.engine == "ray" else "committed")
    if reason:
        say(f"error: {reason}")
    return int(result.exit_code)


def rejects_not_kept(summary: Any, output: OutputOptions, hint: str) -> str:
    """A word on rejected documents that were not kept."""
    count = summary.documents_rejected
    if not count or output.rejects or output.shard_size:
        return ""
    return f"  ({count} rejected document{'s' if count != 1 else ''} not kept: add --rejects {hint} to keep them)"


def exit_reason(code: ExitCode, summary: Any, others: str) -> str:
    """Why the exit code is not 0 (``others``: what happened to the inputs that could be read)."""
    if code == ExitCode.FAILED:
        return f"--strict: {summary.malformed} malformed input record(s)"
    if code == ExitCode.INPUT:
        return f"{len(summary.file_errors)} input file(s) could not be read; the others were {others}"
    if code == ExitCode.CRASHED:
        return "a cleaner crashed on some documents (rejected as internal_error:*); please report it"
    return ""
