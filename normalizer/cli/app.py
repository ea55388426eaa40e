"""The ``normalizer`` command: a click group of thin commands, one module each.

Commands parse options into typed objects (:mod:`.options`), call one library function and
print; every failure becomes a message and an exit code in one place (:mod:`.console`).
"""

from __future__ import annotations

import click

from ..core.version import __version__
from .check import check, report
from .clean import clean
from .console import Group
from .diff import diff
from .explain import explain
from .path_check import clash_note
from .rules import rules
from .sample import sample


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="normalizer")
def main() -> None:
    """Clean text corpora with rule files: repair encoding, tidy Unicode, strip boilerplate,
    check the language, and write tidy JSONL with a rejects file that says why.

    Also installed as corpus-normalizer, a name no other package uses."""
    note = clash_note()
    if note is not None:
        click.echo(note, err=True)


for command in (clean, explain, diff, check, report, sample, rules):
    main.add_command(command)


if __name__ == "__main__":
    main()
