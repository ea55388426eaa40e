"""Exceptions the library raises, each carrying the exit code it means (click's model).

Only the CLI turns them into a message and an exit code, in one place
(:mod:`normalizer.cli.app`); the README's exit-code table lists the same codes and
``tests/test_exit_codes.py`` checks every command against it.
"""

from __future__ import annotations

import enum
from typing import ClassVar


class ExitCode(enum.IntEnum):
    """What a command's exit status means. When several apply, :func:`most_severe` picks one."""

    OK = 0
    FAILED = 1          # a check failed: quality gate, --strict, rule tests, lint, diff found differences
    USAGE = 2           # a rule file or the command line is wrong: nothing was read or written
    INPUT = 3           # an input could not be read (the others were processed)
    OUTPUT = 4          # an output could not be written: nothing was committed
    CRASHED = 5         # a cleaner crashed on some documents (they were rejected)
    SIGINT = 130        # interrupted (Ctrl-C): nothing was committed
    PIPE = 141          # stdout was closed by the reader
    SIGTERM = 143       # terminated: nothing was committed


PRECEDENCE = (ExitCode.USAGE, ExitCode.OUTPUT, ExitCode.SIGINT, ExitCode.SIGTERM, ExitCode.PIPE, ExitCode.CRASHED,
              ExitCode.INPUT, ExitCode.FAILED, ExitCode.OK)


def most_severe(*codes: ExitCode) -> ExitCode:
    """The code that wins when several apply (the README's order: 2, 4, 130/143, 141, 5, 3, 1).

    >>> most_severe(ExitCode.FAILED, ExitCode.INPUT, ExitCode.OK)
    <ExitCode.INPUT: 3>
    """
    return min(codes, key=PRECEDENCE.index, default=ExitCode.OK)


class NormalizerError(Exception):
    """Base class for every error normalizer raises on purpose; ``exit_code`` says what it means."""

    exit_code: ClassVar[ExitCode] = ExitCode.USAGE


class UsageError(NormalizerError):
    """The command line asks for something that cannot be done (found before anything is read)."""

    exit_code = ExitCode.USAGE


class RuleError(UsageError):
    """A rule file is wrong: raised while loading, before any text is read.

    The message names the file, the line (and column when known) and the step.
    """

    def __init__(self, message: str, *, path: str = "", line: int | None = None,
                 column: int | None = None, step: str = "") -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.step = step
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<rules>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        step = f" {self.step}:" if self.step else ""
        return f"{where}:{step} {self.message}"


class MissingExtraError(UsageError):
    """An optional dependency a step needs is not installed."""

    def __init__(self, step: str, package: str, extra: str) -> None:
        self.step, self.package, self.extra = step, package, extra
        from .install import install_command
        super().__init__(f"step {step!r} needs the optional package {package!r}: {install_command(extra)}")


class InputError(NormalizerError):
    """An input cannot be read at all (missing, a directory with nothing in it, not a file)."""

    exit_code = ExitCode.INPUT


class ReadFailure(InputError):
    """Something could not be read: ``reason`` from a closed set (it becomes a reject reason),
    ``detail`` for people."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class OutputError(NormalizerError):
    """Writing an output failed (disk full, permission denied, no such directory, a Parquet
    schema clash); nothing was committed."""

    exit_code = ExitCode.OUTPUT

    def __init__(self, path: str, error: OSError | str) -> None:
        self.path = path
        self.reason = error if isinstance(error, str) else (error.strerror or str(error))
        super().__init__(f"{self.reason} while writing {path}")

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, str]]:
        return OutputError, (self.path, self.reason)       # raised in a worker, shown by the main process


class Terminated(BaseException):
    """SIGTERM arrived: raised from the signal handler so that outputs are rolled back (a
    BaseException, like KeyboardInterrupt, so that no ``except Exception`` takes it for a
    cleaner's crash)."""

    exit_code = ExitCode.SIGTERM
