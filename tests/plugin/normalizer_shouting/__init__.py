"""A sample plugin cleaner for normalizer: what a third-party package ships.

``strip_shouting`` removes lines written entirely in capitals ("SUBSCRIBE NOW TO READ MORE"),
with an option checked by normalizer like a built-in one.
"""

from normalizer.text.lines import remove_lines, split_lines
from normalizer import Outcome


class StripShouting:
    """Remove lines written in capitals (at least ``min_letters`` letters, none lower-case)."""

    def __init__(self, *, min_letters: int = 8, allowed: list[str] | None = None) -> None:
        if min_letters < 1:
            raise ValueError("min_letters must be at least 1")
        self.min_letters = min_letters
        self.allowed = set(allowed or [])

    def __call__(self, text: str) -> Outcome:
        doomed = [i for i, line in enumerate(split_lines(text)) if self.shouts(line)]
        return remove_lines(text, doomed, "shouting")

    def shouts(self, line: str) -> bool:
        letters = [c for c in line if c.isalpha()]
        return (len(letters) >= self.min_letters and all(c.isupper() for c in letters)
                and line.strip() not in self.allowed)


class ReturnsText:
    """A faulty plugin: returns a str instead of an Outcome."""

    def __call__(self, text: str) -> str:
        return text.upper()


class ReservedOption:
    """A faulty plugin: its option is named like a step key (``keep``)."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep_lines = keep

    def __call__(self, text: str) -> Outcome:
        return Outcome(text)


class NoEditLog:
    """A faulty plugin: changes the text without saying how."""

    def __call__(self, text: str) -> Outcome:
        return Outcome(text.upper())


class BadMeta:
    """A faulty plugin: measures something JSON cannot hold."""

    def __call__(self, text: str) -> Outcome:
        return Outcome(text, meta={"letters": set(text)})


class CrashesOnMarker:
    """A faulty plugin: raises on a document holding ``marker``, as a bug would (for the test
    that one crashing document is rejected and the run goes on, on every engine)."""

    def __init__(self, *, marker: str = "CRASH ME") -> None:
        self.marker = marker

    def __call__(self, text: str) -> Outcome:
        if self.marker in text:
            raise RuntimeError(f"found {self.marker!r}")
        return Outcome(text)
