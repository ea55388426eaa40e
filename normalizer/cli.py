"""The command line: ``normalizer clean`` and friends. The only module that prints or exits.

Exit codes: 0 success; 1 ``--strict`` and some input records were malformed; 2 rule file
or usage error; 3 an input could not be read; 4 an output could not be written;
130/143 interrupted (SIGINT/SIGTERM), nothing committed; 141 stdout closed by the reader.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import ExitStack
from typing import IO, Any, NoReturn

import click

from . import __version__

EXIT_OK, EXIT_STRICT, EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT = 0, 1, 2, 3, 4
EXIT_SIGINT, EXIT_SIGTERM, EXIT_PIPE = 130, 143, 141
READ_REASONS = ("invalid_utf8", "json_decode_error", "not_an_object", "missing_text", "text_not_string",
                "non_finite_number", "number_too_large", "too_deep", "empty_text")


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"normalizer: error: {message}", err=True)
    sys.exit(code)


def on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(EXIT_SIGTERM)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="normalizer")
def main() -> None:
    """Clean text corpora with rule files: repair encoding, tidy Unicode, strip boilerplate,
    check the language, and write tidy JSONL with a rejects file that says why."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-r", "--rules", "rules_path", default=None, metavar="RULES",
              help="Rule file, or a shipped rule set by name. Default: the shipped 'default'.")
@click.option("-o", "--output", default="-", metavar="FILE", help="Cleaned JSONL; '-' (default) is stdout.")
@click.option("--rejects", default=None, metavar="FILE",
              help="Write every dropped document and malformed line here, with the reason.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--id-field", default="id", show_default=True,
              help="JSONL field holding the id; a record without one gets FILE:LINE.")
@click.option("--with-edits", is_flag=True, help="Add the full edit log (rule, offsets, old/new text) to each record.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input record was malformed (they are still rejected, not lost).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def clean(inputs: tuple[str, ...], rules_path: str | None, output: str, rejects: str | None,
          text_field: str, id_field: str, with_edits: bool, strict: bool, quiet: bool) -> None:
    """Clean INPUTS (.txt files, .jsonl files, directories, or '-' for JSONL on stdin) into JSONL.

    \b
    Examples:
      normalizer clean corpus/ -o clean.jsonl --rejects rejects.jsonl
      cat docs.jsonl | normalizer clean - -r my-rules.yaml > clean.jsonl
    """
    from .api import clean_items
    from .errors import InputError, RuleError
    from .output import atomic_output, dumps
    from .records import RecordOptions, expand_inputs, read_inputs
    from .rules import load_rules
    from .summary import Summary

    try:
        rules = load_rules(rules_path)
    except RuleError as error:
        fail(str(error), EXIT_USAGE)
    try:
        files = expand_inputs(inputs)
    except InputError as error:
        fail(str(error), EXIT_INPUT)
    for target in (output, rejects):
        if target and target != "-" and any(os.path.abspath(target) == os.path.abspath(f) for f in files):
            fail(f"{target} is also an input; write the output somewhere else", EXIT_USAGE)

    signal.signal(signal.SIGTERM, on_sigterm)
    summary = Summary()
    try:
        with ExitStack() as stack:
            out: IO[str] = sys.stdout if output == "-" else stack.enter_context(atomic_output(output))
            rej: IO[str] | None = stack.enter_context(atomic_output(rejects)) if rejects else None
            items = read_inputs(files, RecordOptions(text_field, id_field))
            for kind, record in clean_items(items, rules, with_edits, summary):
                if kind == "out":
                    out.write(dumps(record))
                elif rej is not None:
                    rej.write(dumps(record))
            out.flush()
    except InputError as error:
        fail(f"{error} (nothing was written)", EXIT_INPUT)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_PIPE)
    except KeyboardInterrupt:
        fail("interrupted; nothing was written", EXIT_SIGINT)
    except OSError as error:
        fail(f"cannot write output: {error.strerror or error} ({error.filename or output})", EXIT_OUTPUT)

    if not quiet:
        click.echo(summary.render([step.id for step in rules.steps]), err=True)
        if summary.documents_rejected and not rejects:
            click.echo(f"  ({summary.documents_rejected} rejected documents were not kept: "
                       "add --rejects FILE to keep them)", err=True)
    malformed = sum(summary.rejected[reason] for reason in READ_REASONS)
    if strict and malformed:
        fail(f"--strict: {malformed} malformed input record(s)", EXIT_STRICT)


if __name__ == "__main__":
    main()
