"""Quality thresholds per language: ``rules/quality/default.yaml`` and ``rules/quality/<lang>.yaml``.

A language's file changes the bounds it names (``null`` lifts one) and brings its stop words;
every bound carries its source, so a flag can say where its threshold came from. The files are
read once per process and checked: an unknown signal, a bound that is not a number or a file
that is not a mapping is a ``ValueError`` naming the file and the key.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ..core.resources import rules_dir
from .signals import SIGNALS

DEFAULT = "default"
SIDES = ("min", "max")
FILE_KEYS = frozenset({"version", "language", "description", "stop_words", "stop_words_source", "thresholds",
                       "examples"})


class Bound(NamedTuple):
    """One threshold: ``signal`` must be at least (``min``) or at most (``max``) ``limit``."""

    signal: str
    side: str
    limit: float
    source: str = ""

    def fails(self, value: Any) -> bool:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return False                              # a signal with no value (no stop-word list) passes
        return value < self.limit if self.side == "min" else value > self.limit

    def flag(self, value: float, lang: str) -> str:
        """``dup_line_frac 0.41 > 0.264 (fr)``: the signal, its value, the threshold, whose it is."""
        return f"{self.signal} {number(value)} {'<' if self.side == 'min' else '>'} {number(self.limit)} ({lang})"


def number(value: float) -> str:
    """``1234567`` and ``0.264`` as people write them (``:g`` would print ``1.23457e+06``)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


class LanguageTable(NamedTuple):
    """The bounds that apply to one language, and its stop words (``None``: no list)."""

    lang: str
    bounds: tuple[Bound, ...]
    stop_words: frozenset[str] | None

    def flags(self, signals: Mapping[str, Any]) -> list[str]:
        return [bound.flag(signals[bound.signal], self.lang) for bound in self.bounds
                if bound.fails(signals.get(bound.signal))]


def quality_dir() -> Path:
    return rules_dir() / "quality"


def close_signal(name: str) -> str:
    close = difflib.get_close_matches(name, SIGNALS, n=1)
    return f"; did you mean {close[0]!r}?" if close else f" (signals: {', '.join(SIGNALS)})"


def bounds_of(entries: Any, where: str) -> dict[tuple[str, str], Bound | None]:
    """``{signal: {min: x, max: y, source: s}}`` -> ``{(signal, side): Bound or None (lifted)}``."""
    if entries is None:
        return {}
    if not isinstance(entries, Mapping):
        raise ValueError(f"{where}: thresholds must be a mapping of signal -> {{min, max, source}}")
    found: dict[tuple[str, str], Bound | None] = {}
    for signal, entry in entries.items():
        if signal not in SIGNALS:
            raise ValueError(f"{where}: unknown signal {signal!r}{close_signal(str(signal))}")
        if not isinstance(entry, Mapping) or not set(entry) <= {*SIDES, "source"} or not set(entry) & set(SIDES):
            raise ValueError(f"{where}: {signal}: write {{min: x}}, {{max: y}} or both, with an optional source")
        source = entry.get("source", "")
        for side in SIDES:
            if side not in entry:
                continue
            limit = entry[side]
            if limit is None:
                found[(signal, side)] = None
            elif isinstance(limit, bool) or not isinstance(limit, (int, float)):
                raise ValueError(f"{where}: {signal}.{side} must be a number or null, not {limit!r}")
            else:
                found[(signal, side)] = Bound(str(signal), side, float(limit), str(source))
        low, high = found.get((signal, "min")), found.get((signal, "max"))
        if low is not None and high is not None and low.limit > high.limit:
            raise ValueError(f"{where}: {signal}: min {number(low.limit)} is above max {number(high.limit)}")
    return found


@functools.lru_cache(maxsize=64)
def read_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"quality thresholds {path}: {error.strerror or error}") from None
    except yaml.MarkedYAMLError as error:
        line = f":{error.problem_mark.line + 1}" if error.problem_mark is not None else ""
        raise ValueError(f"quality thresholds {path}{line}: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise ValueError(f"quality thresholds {path}: {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"quality thresholds {path}: expected a mapping")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise ValueError(f"quality thresholds {path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    words = data.get("stop_words")
    if words is not None and not (isinstance(words, list) and all(isinstance(w, str) and w for w in words)):
        raise ValueError(f"quality thresholds {path}: stop_words must be a list of words")
    return data


def check_folder(directory: Path) -> None:
    """Every ``*.yaml`` of a user's folder read and checked now, when the rules load, so that a
    broken file is a rule error, not a crash on the first document in its language."""
    for path in sorted(directory.glob("*.yaml")):
        bounds_of(read_file(path).get("thresholds"), str(path))


def languages(directory: Path | None = None) -> tuple[str, ...]:
    """The languages with a file of their own."""
    return tuple(sorted(p.stem for p in (directory or quality_dir()).glob("*.yaml") if p.stem != DEFAULT))


def located(name: str, directory: Path | None) -> Path | None:
    """``<name>.yaml`` in the user's folder if it is there, else the shipped one, else ``None``."""
    for folder in (directory, quality_dir()):
        if folder is not None and (folder / f"{name}.yaml").is_file():
            return folder / f"{name}.yaml"
    return None


@functools.lru_cache(maxsize=256)
def table_for(lang: str | None, directory: Path | None = None,
              overrides: tuple[tuple[str, str, float | None], ...] = ()) -> LanguageTable:
    """The bounds for ``lang``: the default file's, then the language's file's, then ``overrides``
    (``(signal, side, limit or None)``, a step's own ``thresholds:``). A file in ``directory``
    stands for the shipped file of the same name."""
    base = located(DEFAULT, directory)
    if base is None:
        raise ValueError(f"no {DEFAULT}.yaml in {quality_dir()}: the installation is incomplete")
    merged = dict(bounds_of(read_file(base).get("thresholds"), str(base)))
    stop_words = None
    own = located(lang, directory) if lang else None
    if own is not None:
        data = read_file(own)
        merged.update(bounds_of(data.get("thresholds"), str(own)))
        if data.get("stop_words"):
            stop_words = frozenset(word.lower() for word in data["stop_words"])
    for signal, side, limit in overrides:
        merged[(signal, side)] = None if limit is None else Bound(signal, side, limit, "the step's thresholds")
    bounds = tuple(bound for _, bound in sorted(merged.items()) if bound is not None
                   and (bound.signal not in ("stop_words", "stop_word_frac") or stop_words is not None))
    name = lang if own is not None else f"{DEFAULT} for {lang}" if lang else DEFAULT
    return LanguageTable(str(name), bounds, stop_words)


def parse_overrides(entries: Any, where: str) -> tuple[tuple[str, str, float | None], ...]:
    """A step's ``thresholds:`` option, checked, in the form :func:`table_for` takes."""
    return tuple((signal, side, None if bound is None else bound.limit)
                 for (signal, side), bound in sorted(bounds_of(entries, where).items()))
