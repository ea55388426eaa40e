"""What the commands print, and the one place their errors become messages and exit codes.

Data goes to stdout (:func:`emit`), messages to stderr (:func:`say`). Every command runs
inside :class:`Command.invoke`: a library exception carries its exit code
(:class:`normalizer.core.errors.NormalizerError`), an interrupt is 130 (143 for SIGTERM), a
closed stdout 141; a command returns the exit code of a run that completed (0, 1, 3, 5).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
from collections.abc import Iterator
from typing import Any

import click

from ..core.errors import ExitCode, NormalizerError, OutputError, Terminated

# ESC and the other C0 and C1 controls but tab and line feed, DEL, and the bidirectional overrides
RE_UNSEEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: object) -> str:
    """Data as a terminal or a CI log may show it: the characters that would move the cursor,
    recolour, retitle, erase or reorder text (an id or a file name with ``ESC[2J``) as
    ``\\x1b``-style escapes."""
    return RE_UNSEEN.sub(lambda found: f"\\x{ord(found[0]):02x}" if ord(found[0]) < 0x100
                         else f"\\u{ord(found[0]):04x}", str(text))


def say(message: str) -> None:
    click.echo(f"normalizer: {visible(message)}", err=True)


def emit(text: str = "", *, nl: bool = True, color: bool | None = None, **style: Any) -> None:
    """Data on stdout; a stdout that cannot be written (a full disk, a closed file) is an
    OutputError, a reader that went away a BrokenPipeError."""
    with stdout_errors():
        click.echo(click.style(text, **style) if style else text, nl=nl, color=color)


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """A write to stdout that fails is an OutputError; a reader that went away stays a BrokenPipeError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError("<stdout>", error) from None


def on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated()


def quiet_stdout() -> None:
    """The reader closed stdout: point it at /dev/null so that Python's exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def what_was_committed(error: BaseException) -> str:
    """What a run that stopped short left committed: nothing, or the shards it had finished."""
    files = getattr(error, "committed", None) or []
    if not files:
        return "nothing was committed"
    shards = sorted({name.split(".")[0] for name in files})
    return (f"{len(shards)} shard{'s' if len(shards) != 1 else ''} committed before it ({shards[0]}"
            f"{f' to {shards[-1]}' if len(shards) > 1 else ''}, with their rejects and state): "
            "run again with --resume to go on from there; the shard being written was not committed")


class Command(click.Command):
    """A command whose callback returns an exit code, and whose failures all end the same way."""

    def invoke(self, ctx: click.Context) -> Any:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
        try:
            code = super().invoke(ctx)
            with stdout_errors():
                sys.stdout.flush()
        except NormalizerError as error:
            nothing = f" ({what_was_committed(error)})" if isinstance(error, OutputError) else ""
            say(f"error: {error}{nothing}")
            code = error.exit_code
        except KeyboardInterrupt as error:
            say(f"interrupted; {what_was_committed(error)}")
            code = ExitCode.SIGINT
        except Terminated as error:
            say(f"terminated; {what_was_committed(error)}")
            code = ExitCode.SIGTERM
        except BrokenPipeError:
            quiet_stdout()
            code = ExitCode.PIPE
        finally:
            signal.signal(signal.SIGTERM, previous)
        ctx.exit(int(code or 0))


class Group(click.Group):
    """A group whose commands (and subgroups' commands) are :class:`Command`."""

    command_class = Command
    group_class = type
