"""The command line: ``normalizer clean`` and friends. The only module that prints or exits.

Each command lives in a ``cli_<command>`` module beside this one, which does the work
through the library and turns its exceptions into messages and exit codes.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="normalizer")
def main() -> None:
    """Clean text corpora with rule files: repair encoding, tidy Unicode, strip boilerplate,
    check the language, and write tidy JSONL with a rejects file that says why."""


def parse_bytes(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """``32MiB``, ``1GB``, ``500000`` -> bytes."""
    if value is None:
        return None
    from .io.shards import parse_shard_size
    try:
        size = parse_shard_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 32MiB or 1000000") from None
    return size.bytes or size.records


@main.command(short_help="Clean files, directories or stdin into JSONL, with rejects and a summary.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES",
              help="Rule file, or a shipped rule set by name. Default: the shipped 'default'.")
@click.option("-o", "--output", default="-", metavar="PATH",
              help="Cleaned JSONL ('-', the default, is stdout). .gz/.bz2/.xz/.zst compress; .parquet writes "
                   "Parquet. With --shard-size, a directory.")
@click.option("--rejects", default=None, metavar="FILE",
              help="Write every dropped document and malformed line here, with the reason.")
@click.option("--text-field", default="text", show_default=True, metavar="NAME",
              help="JSONL/Parquet field holding the text.")
@click.option("--id-field", default="id", show_default=True, metavar="NAME",
              help="Field holding the id; a record without one gets FILE:LINE.")
@click.option("--with-edits", is_flag=True, help="Add the full edit log (rule, offsets, old/new text) to each record.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: all cores. The output is the same for any value.")
@click.option("--shard-size", default=None, metavar="N|SIZE",
              help="Write shards of N input records (100000) or of about SIZE (100MB) into the -o directory, "
                   "rejects beside them.")
@click.option("--compress", type=click.Choice(["gzip", "zstd", "bz2", "xz"]), default=None,
              help="Compress the shards (single files are compressed by their extension).")
@click.option("--resume", is_flag=True, help="Continue an interrupted sharded run where its last shard ended.")
@click.option("--manifest", default=None, metavar="FILE",
              help="Write a JSON manifest: inputs and hashes, resolved rules, versions, counts, output hashes.")
@click.option("--strict", is_flag=True,
              help="Exit 1 when any input record was malformed (they are still rejected, not lost).")
@click.option("--salvage", is_flag=True,
              help="Keep the records read from a damaged compressed file (marked salvaged) instead of rolling "
                   "them back.")
@click.option("--fallback-encoding", default=None, metavar="ENC",
              help="Encoding for .txt files that are not UTF-8 and too short to detect (e.g. cp1252).")
@click.option("--max-line-bytes", default="32MiB", show_default=True, callback=parse_bytes,
              help="Longer JSONL lines are rejected as line_too_long.")
@click.option("--max-doc-bytes", default="64MiB", show_default=True, callback=parse_bytes,
              help="Larger .txt documents are a file error.")
@click.option("--max-decompressed-bytes", default="64GiB", show_default=True, callback=parse_bytes,
              help="Stop reading a compressed input past this size.")
@click.option("--max-expansion-ratio", type=float, default=500.0, show_default=True,
              help="Stop reading a compressed input that expands more than this (after 256 MiB).")
@click.option("--zstd-max-window", default="128MiB", show_default=True, callback=parse_bytes,
              help="Largest zstd window to accept (frames written with --long need more).")
@click.option("--clean-stale", is_flag=True, help="Delete temporary files left beside the outputs by a killed run.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress line on stderr (only when it is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@click.option("--profile", is_flag=True,
              help="Print the seconds each step took (all workers), and reading, serialising, writing.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: processes on this machine (--jobs). ray: Ray Data, on a local Ray instance or the "
                   "cluster at --ray-address; -o and --rejects are then folders of part files (-o NAME.parquet "
                   "for Parquet parts). Needs the 'ray' extra.")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="With --engine ray: join this cluster (auto, HOST:6379, ray://HOST:10001) instead of starting "
                   "a local Ray instance.")
def clean(inputs: tuple[str, ...], rules_path: str | None, output: str, rejects: str | None, text_field: str,
          id_field: str, with_edits: bool, jobs: int | None, shard_size: str | None, compress: str | None,
          resume: bool, manifest: str | None, strict: bool, salvage: bool, fallback_encoding: str | None,
          max_line_bytes: int, max_doc_bytes: int, max_decompressed_bytes: int, max_expansion_ratio: float,
          zstd_max_window: int, clean_stale: bool, progress: bool, quiet: bool, profile: bool, engine: str,
          ray_address: str | None) -> None:
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
    from .cli_clean import CleanRequest, execute
    request = CleanRequest(inputs, rules_path, output, rejects, text_field, id_field, with_edits,
                           jobs or os.cpu_count() or 1, shard_size, compress, resume, manifest, strict, salvage,
                           fallback_encoding, max_line_bytes, max_doc_bytes, max_decompressed_bytes,
                           max_expansion_ratio, zstd_max_window, clean_stale, progress and not quiet, quiet,
                           profile, engine, ray_address, jobs)
    sys.exit(execute(request))


@main.command(short_help="Show what every step did to each document.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES", help="Rule file or shipped rule set.")
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only the document(s) with this id (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object per document (JSONL), for tools.")
@click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
@click.option("--changed-only", is_flag=True, help="Skip documents no step edited or rejected.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None, help="Stop after N documents.")
@click.option("--text-field", default="text", show_default=True, metavar="NAME")
@click.option("--id-field", default="id", show_default=True, metavar="NAME")
@click.option("--fallback-encoding", default=None, metavar="ENC",
              help="Encoding for text (stdin, .txt) that is not UTF-8 and too short to detect.")
def explain(inputs: tuple[str, ...], rules_path: str | None, ids: tuple[str, ...], fmt: str, color: bool | None,
            changed_only: bool, limit: int | None, text_field: str, id_field: str,
            fallback_encoding: str | None) -> None:
    """Explain what the rules do to each document in INPUTS (read like 'clean' reads them; '-' is one plain
    text on stdin): lines removed, replacements before/after, the encoding repair plan, the language and
    its score, the reject reason. Nothing is written.

    \b
    Examples:
      normalizer explain corpus/ --id seed-1
      echo 'Body.
      Partager sur Facebook' | normalizer explain -
    """
    from .cli_explain import ExplainRequest, execute
    sys.exit(execute(ExplainRequest(inputs, rules_path, ids, fmt, color, changed_only, limit, text_field,
                                    id_field, fallback_encoding)))


@main.command(short_help="Compare two cleaned outputs of one corpus (two rule versions).")
@click.argument("before")
@click.argument("after")
@click.option("--before-rejects", multiple=True, metavar="FILE", help="The rejects file of the BEFORE run.")
@click.option("--after-rejects", multiple=True, metavar="FILE", help="The rejects file of the AFTER run.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--show", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many changed documents to show line by line.")
@click.option("--id-field", default="id", show_default=True, metavar="NAME")
@click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
def diff(before: str, after: str, before_rejects: tuple[str, ...], after_rejects: tuple[str, ...], fmt: str,
         show: int, id_field: str, color: bool | None) -> None:
    """Compare BEFORE and AFTER, two outputs of 'clean' on the same corpus, matched by id: which documents
    changed text, which are newly rejected or no longer, and the counts per rule (lines each rule now
    removes or gives back; exact with --with-edits outputs). Give the rejects files too to see rejects.
    A sharded output directory can be given whole.

    Exit 0 when they agree, 1 when they differ (like diff), 3 when one cannot be read.

    \b
    Example:
      normalizer clean corpus/ -r rules-v1.yaml -o v1.jsonl --rejects v1.rejects.jsonl
      normalizer clean corpus/ -r rules-v2.yaml -o v2.jsonl --rejects v2.rejects.jsonl
      normalizer diff v1.jsonl v2.jsonl --before-rejects v1.rejects.jsonl --after-rejects v2.rejects.jsonl
    """
    from .cli_diff import execute
    sys.exit(execute((before, *before_rejects), (after, *after_rejects), fmt, show, id_field, color))


@main.command(short_help="Check a corpus against quality thresholds (a CI gate); writes nothing to it.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES",
              help="The rules whose work must already be done (and whose 'quality:' thresholds apply).")
@click.option("--config", default=None, metavar="FILE", help="A YAML file of thresholds (a 'quality:' mapping).")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="A threshold, e.g. --set max_mojibake_rate=0.01 --set expected_languages=fr,de (repeatable).")
@click.option("--by", default="source", show_default=True, metavar="FIELD",
              help="Measure per value of this field ('url' host when 'source' is missing).")
@click.option("--no-group", is_flag=True, help="No per-source breakdown.")
@click.option("--per-source", is_flag=True, help="Apply the thresholds to each source too, not only the corpus.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "junit", "github", "markdown"]),
              default="table", show_default=True)
@click.option("-o", "--output", default=None, metavar="FILE", help="Write the report here instead of stdout.")
@click.option("--baseline", default=None, metavar="FILE", help="Fail when a metric got worse than in this file.")
@click.option("--update-baseline", is_flag=True, help="Write the current metrics to --baseline (never looser).")
@click.option("--allow-regression", is_flag=True, help="Let --update-baseline loosen a stored metric.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=0.001, show_default=True,
              help="How much worse than the baseline a rate may get.")
@click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check a deterministic sample of N records (the report says so).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--text-field", default="text", show_default=True, metavar="NAME")
@click.option("--id-field", default="id", show_default=True, metavar="NAME")
def check(inputs: tuple[str, ...], rules_path: str | None, config: str | None, settings: tuple[str, ...], by: str,
          no_group: bool, per_source: bool, fmt: str, output: str | None, baseline: str | None,
          update_baseline: bool, allow_regression: bool, tolerance: float, sample: int | None, jobs: int | None,
          text_field: str, id_field: str) -> None:
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
    from .cli_check import CheckRequest, execute
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    sys.exit(execute(CheckRequest(inputs, rules_path, config, settings, None if no_group else by, per_source, fmt,
                                  output, baseline, update_baseline, allow_regression, tolerance, sample,
                                  jobs or os.cpu_count() or 1, text_field, id_field)))


@main.command(short_help="Write a self-contained HTML report on a corpus's quality.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="FILE", help="The HTML file to write.")
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES")
@click.option("--config", default=None, metavar="FILE", help="A YAML file of thresholds (a 'quality:' mapping).")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE", help="A threshold (repeatable).")
@click.option("--by", default="source", show_default=True, metavar="FIELD")
@click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None)
@click.option("--text-field", default="text", show_default=True, metavar="NAME")
@click.option("--id-field", default="id", show_default=True, metavar="NAME")
def report(inputs: tuple[str, ...], output: str, rules_path: str | None, config: str | None,
           settings: tuple[str, ...], by: str, sample: int | None, jobs: int | None, text_field: str,
           id_field: str) -> None:
    """Measure INPUTS like 'check' and write one HTML file (no network needed to open it): language
    distribution, length histogram, rule hits per source, mojibake and duplicate rates, the checks,
    and example documents for each problem with what the rules would remove.

    Exit 0 when every threshold holds, 1 when one fails (the report is written either way), 2 on errors.
    """
    from .cli_check import CheckRequest
    from .cli_report import execute
    request = CheckRequest(inputs=inputs, rules_path=rules_path, config=config, settings=settings, by=by,
                           per_source=False, fmt="json", output=None, baseline=None, update_baseline=False,
                           allow_regression=False, tolerance=0.0, sample=sample, jobs=jobs or os.cpu_count() or 1,
                           text_field=text_field, id_field=id_field)
    sys.exit(execute(request, output))


@main.group()
def rules() -> None:
    """Look at rule files before trusting them: run their examples, show the resolved chain, lint them,
    mine a corpus for new ones."""


@rules.command("test", short_help="Run the examples that rule files carry.")
@click.argument("files", nargs=-1)
@click.option("-v", "--verbose", is_flag=True, help="List every example, not only the failures.")
@click.option("--no-vocabulary", is_flag=True, help="Skip the examples of the shipped vocabulary files.")
def rules_test(files: tuple[str, ...], verbose: bool, no_vocabulary: bool) -> None:
    """Run every example and must-not-change input in FILES (default: the shipped 'default' rules):
    a step's on that step, a pattern's on that pattern alone, the file's top-level ones on the
    whole chain, the vocabularies' on the steps that read them. Exit 1 when one fails."""
    from .cli_rules import run_tests
    sys.exit(run_tests(files, verbose, not no_vocabulary))


@rules.command("show", short_help="The resolved chain: steps, options, where each was set.")
@click.argument("file", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_show(file: str | None, fmt: str) -> None:
    """Show the chain FILE (default: 'default') resolves to after 'extends' and overrides: every step,
    its options (defaults marked), the file and line that last set it."""
    from .cli_rules import show_chain
    sys.exit(show_chain(file, fmt == "json"))


@rules.command("list", short_help="Every cleaner a rule file can use, with its options.")
def rules_list() -> None:
    """List the built-in cleaners with their one-line description and options, then installed plugins."""
    from .cli_rules import list_cleaners
    sys.exit(list_cleaners())


@rules.command("lint", short_help="Find patterns and phrases that would cost text or time.")
@click.argument("files", nargs=-1)
@click.option("--prose", "prose", multiple=True, metavar="PATH",
              help="Your own body text (text or JSONL files, directories): no step may remove a line of it.")
@click.option("--no-shipped-prose", is_flag=True, help="Check only against --prose, not the shipped sample.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def rules_lint(files: tuple[str, ...], prose: tuple[str, ...], no_shipped_prose: bool, fmt: str,
               strict: bool) -> None:
    """Lint FILES (default: 'default'): patterns that match the empty string or do not compile, nested
    quantifiers, duplicate and shadowed patterns, vocabulary lists no step reads, and any step that
    removes a line of real prose (every step runs on a prose sample in 18 languages, plus --prose).
    Exit 1 on errors (and warnings with --strict), 2 when a prose file cannot be read."""
    from .cli_rules import run_lint
    sys.exit(run_lint(files, prose, no_shipped_prose, fmt == "json", strict))


@rules.command("suggest", short_help="Mine a corpus for repeated lines and propose rules for them.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES",
              help="Look at what is left after these rules (default: the shipped 'default').")
@click.option("--by", default="source", show_default=True, metavar="FIELD",
              help="Count per value of this field (a 'url' field's host stands in for a missing 'source').")
@click.option("--no-group", is_flag=True, help="Count over the whole corpus, not per source.")
@click.option("--min-docs", type=click.IntRange(min=2), default=3, show_default=True,
              help="A line must repeat in at least this many documents...")
@click.option("--min-share", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="...and in at least this share of its source's documents.")
@click.option("--max-docs", type=click.IntRange(min=1), default=20000, show_default=True,
              help="Read at most this many documents (the first ones).")
@click.option("--raw", is_flag=True, help="Mine the raw text, not what the rules leave.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--text-field", default="text", show_default=True, metavar="NAME")
@click.option("--id-field", default="id", show_default=True, metavar="NAME")
def rules_suggest(inputs: tuple[str, ...], rules_path: str | None, by: str, no_group: bool, min_docs: int,
                  min_share: float, max_docs: int, raw: bool, top: int, fmt: str, text_field: str,
                  id_field: str) -> None:
    """Find lines that repeat across many documents of INPUTS (per source), ranked by how many documents
    they occur in, with examples and a ready-to-paste strip_lines rule whose examples it computed.
    Nothing is removed: review the suggestions, then add them to your rule file and run 'rules test'."""
    from .cli_rules import run_suggest
    sys.exit(run_suggest(inputs, rules_path, None if no_group else by, min_docs, min_share, max_docs, raw, top,
                         fmt, text_field, id_field))


if __name__ == "__main__":
    main()
