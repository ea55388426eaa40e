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
    from .shards import parse_shard_size
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
def clean(inputs: tuple[str, ...], rules_path: str | None, output: str, rejects: str | None, text_field: str,
          id_field: str, with_edits: bool, jobs: int | None, shard_size: str | None, compress: str | None,
          resume: bool, manifest: str | None, strict: bool, salvage: bool, fallback_encoding: str | None,
          max_line_bytes: int, max_doc_bytes: int, max_decompressed_bytes: int, max_expansion_ratio: float,
          zstd_max_window: int, clean_stale: bool, progress: bool, quiet: bool) -> None:
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
    """
    from .cli_clean import CleanRequest, execute
    request = CleanRequest(inputs, rules_path, output, rejects, text_field, id_field, with_edits,
                           jobs or os.cpu_count() or 1, shard_size, compress, resume, manifest, strict, salvage,
                           fallback_encoding, max_line_bytes, max_doc_bytes, max_decompressed_bytes,
                           max_expansion_ratio, zstd_max_window, clean_stale, progress and not quiet, quiet)
    sys.exit(execute(request))


if __name__ == "__main__":
    main()
