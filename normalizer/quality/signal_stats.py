"""The quality signals of a corpus, kept per language: percentiles to gate on, histograms to look at.

Each document's signals are kept as 4-byte floats (76 bytes a document, beside the 600 the
copy detection keeps), so percentiles are exact; NaN stands for a signal with no value.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text.signals import FRACTIONS, SIGNALS

SIGNAL_NAMES = tuple(SIGNALS)


@dataclass
class SignalValues:
    """Per language, one array of values per signal (in :data:`SIGNAL_NAMES` order)."""

    by_language: dict[str, list[array[float]]] = field(default_factory=dict)

    def add(self, lang: str, values: Sequence[float]) -> None:
        arrays = self.by_language.setdefault(lang, [array("f") for _ in SIGNAL_NAMES])
        for kept, value in zip(arrays, values, strict=True):
            kept.append(value)

    def percentile(self, signal: str, q: float, lang: str | None = None) -> float | None:
        """The ``q``-th percentile (nearest rank) of a signal over the documents (of one language)."""
        index = SIGNAL_NAMES.index(signal)
        groups = [self.by_language[lang]] if lang is not None else list(self.by_language.values())
        values = sorted(value for arrays in groups for value in arrays[index] if not math.isnan(value))
        if not values:
            return None
        return round(values[max(0, math.ceil(q / 100 * len(values)) - 1)], 4)

    def summary(self) -> dict[str, dict[str, Any]]:
        """Per language and signal: p5, p50, p95 and a histogram (``[lower bound, documents]``)."""
        return {lang: {name: {"p5": self.percentile(name, 5, lang), "p50": self.percentile(name, 50, lang),
                              "p95": self.percentile(name, 95, lang),
                              "histogram": histogram(self.by_language[lang][index], name)}
                       for index, name in enumerate(SIGNAL_NAMES)}
                for lang in sorted(self.by_language)}


STEPS = {"symbol_word_ratio": 0.02, "mean_word_length": 1.0}      # fixed buckets where the thresholds are


def histogram(values: array[float], signal: str) -> list[list[float]]:
    """Documents per bucket: the ten tenths for a fraction; ten buckets of 0.02 for
    ``symbol_word_ratio`` and sixteen of one character for ``mean_word_length`` (the last holds
    the rest); for a count, powers of two (0, 1, 2, 4 …) from the lowest bucket used to the
    highest, empty ones included."""
    step = 0.1 if signal in FRACTIONS else STEPS.get(signal)
    width = 16 if signal == "mean_word_length" else 10
    buckets: Counter[float] = Counter()
    for value in values:
        if math.isnan(value):
            continue
        if step is not None:
            buckets[round(min(width - 1, int(value / step)) * step, 4)] += 1
        else:
            buckets[0.0 if value < 1 else float(2 ** int(math.log2(value)))] += 1
    if not buckets:
        return []
    if step is not None:
        lowers = [round(index * step, 4) for index in range(width)]
    else:
        top = int(max(buckets)).bit_length()
        lowers = [lower for lower in (0.0, *(float(2 ** power) for power in range(top))) if lower >= min(buckets)]
    return [[lower, buckets[lower]] for lower in lowers]
