"""Exceptions the library raises; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class NormalizerError(Exception):
    """Base class for every error normalizer raises on purpose."""


class RuleError(NormalizerError):
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


class MissingExtraError(NormalizerError):
    """An optional dependency a step needs is not installed."""

    def __init__(self, step: str, package: str, extra: str) -> None:
        self.step, self.package, self.extra = step, package, extra
        super().__init__(
            f"step {step!r} needs the optional package {package!r}: "
            f"pip install \"corpus-normalizer[{extra}]\" (or \".[{extra}]\" from a checkout)")


class ReadFailure(NormalizerError):
    """Something could not be read: ``reason`` from a closed set (it becomes a reject reason),
    ``detail`` for people."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class InputError(NormalizerError):
    """An input cannot be read at all (missing, a directory with nothing in it, not a file)."""
