"""A fitted page-furniture model: gradient-boosted trees over :mod:`normalizer.text.page_lines`'
features, read from a JSON file and scored with numpy.

The file is written by ``benchmarks/fit_page_model.py`` (scikit-learn is needed there only). It
names its features, and a model whose features are not the ones this version computes is
refused, so a model can never be scored on the wrong columns. It also carries a few rows with
the probabilities scikit-learn gave them: ``tests/`` checks that this scorer agrees.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..core.errors import RuleError
from ..core.resources import rules_dir
from ..text.page_lines import FEATURES

FORMAT = "normalizer-trees/1"
SHIPPED = "page_furniture"
CHUNK = 1024                # lines scored at once


class Thresholds(NamedTuple):
    """The scores from which the model's lines go: a line alone; the whole tail after the last
    paragraph, the whole run of lines between two paragraphs (by their mean score); and the page's
    head, line by line from the top while each scores enough."""

    line: float = 1.0
    tail: float = 1.0
    between: float = 1.0
    head: float = 1.0


class PageModel:
    """Trees padded into arrays, so that every line of a page goes down every tree at once."""

    def __init__(self, spec: Any, source: str) -> None:
        if not isinstance(spec, dict) or spec.get("format") != FORMAT:
            found = spec.get("format") if isinstance(spec, dict) else type(spec).__name__
            raise RuleError(f"{source}: not a page model (format {found!r}, expected {FORMAT!r})")
        if tuple(spec.get("features", ())) != FEATURES:
            raise RuleError(f"{source}: the model was fitted on other features than this version computes; "
                            "fit it again with benchmarks/fit_page_model.py")
        try:
            self.build(spec)
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise RuleError(f"{source}: not a page model this version can read ({type(error).__name__}: {error})"
                            ) from None
        self.source = source

    def build(self, spec: dict[str, Any]) -> None:
        trees = spec["trees"]
        width = max(len(tree["feature"]) for tree in trees)
        shape = (len(trees), width)
        self.feature = np.zeros(shape, dtype=np.intp)
        self.split = np.zeros(shape)
        self.left = np.zeros(shape, dtype=np.intp)
        self.right = np.zeros(shape, dtype=np.intp)
        self.value = np.zeros(shape)
        for row, tree in enumerate(trees):
            size = len(tree["feature"])
            if not all(0 <= node < size for node in (*tree["left"], *tree["right"])) or not all(
                    0 <= feature < len(FEATURES) for feature in tree["feature"]):
                raise ValueError(f"tree {row} points outside itself or at a feature that does not exist")
            self.feature[row, :size] = tree["feature"]
            self.split[row, :size] = tree["split"]
            self.left[row, :size] = tree["left"]      # a leaf points to itself
            self.right[row, :size] = tree["right"]
            self.value[row, :size] = tree["value"]
        self.depth = int(spec["depth"])
        self.baseline = float(spec["baseline"])
        stored = spec["thresholds"]
        self.thresholds = Thresholds(*(float(stored.get(name, 1.0)) for name in Thresholds._fields))
        self.fitted: dict[str, Any] = spec.get("fitted", {})
        self.checks: list[dict[str, Any]] = spec.get("checks", [])

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each line is page furniture (a chunk of lines at a time, so that
        the arrays stay small)."""
        found: list[float] = []
        for start in range(0, len(rows), CHUNK):
            found += self.chunk_scores(np.asarray(rows[start:start + CHUNK], dtype=float))
        return found

    def chunk_scores(self, features: np.ndarray) -> list[float]:
        trees = np.arange(self.feature.shape[0])
        nodes = np.zeros((len(features), len(trees)), dtype=np.intp)
        lines = np.arange(len(features))[:, None]
        for _ in range(self.depth):
            goes_left = features[lines, self.feature[trees, nodes]] <= self.split[trees, nodes]
            nodes = np.where(goes_left, self.left[trees, nodes], self.right[trees, nodes])
        raw = self.baseline + self.value[trees, nodes].sum(axis=1)
        return [float(score) for score in 1.0 / (1.0 + np.exp(-raw))]


def load_page_model(name_or_path: str = SHIPPED) -> PageModel:
    """The shipped model by name, or a model file by path (ending ``.json``)."""
    if name_or_path.endswith(".json"):
        return cached_model(name_or_path)
    shipped = sorted(path.stem for path in (rules_dir() / "models").glob("*.json"))
    if name_or_path not in shipped:
        raise RuleError(f"unknown page model {name_or_path!r}: the shipped ones are {', '.join(shipped)}; "
                        "or give a model file's path ending .json")
    return cached_model(str(rules_dir() / "models" / f"{name_or_path}.json"))


@lru_cache(maxsize=4)
def cached_model(path: str) -> PageModel:
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"{path}: cannot read the page model ({error.strerror or error})") from None
    except ValueError as error:
        raise RuleError(f"{path}: the page model is not JSON ({error})") from None
    return PageModel(spec, path)
