#!/usr/bin/env python3
"""Fit ``rules/models/page_furniture.json``, the model of the ``strip_page_furniture`` step, on
``../shared/realdev/`` (read where it is: no page is copied into the repository).

What the step sees is the text the default chain leaves before it, so both realdev inputs
(container and traf) are first cleaned by the default rules with the step switched off. Every
line is labelled body or not by realdev's own scorer (``score.py``: the rule the benchmark
scores with). The sites are split in two by a hash of their host (``realdev.held_out_site``):
about a third are held out. On the other two thirds, a five-fold cross-validation by site
gives each line a score from a model that never saw its site; the threshold is the lowest at
which those scores, applied as the step applies them (paragraphs and body shapes kept), keep
the default chain with the step within the targets on those sites, on both inputs: gold_lost at
most ``--max-lost`` (0.002) and docs_dmg at most ``--max-damaged`` (0.02), as ``score.py`` counts. Then the model is fitted on all
of those sites, and scored on the held-out ones, which is the number to believe.

Needs scikit-learn (``pip install scikit-learn``); the step itself needs only numpy.

    python benchmarks/fit_page_model.py [--realdev DIR] [--max-lost 0.002] [--max-damaged 0.02] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realdev import INPUTS, REALDEV, held_out_site, scorer  # noqa: E402

from normalizer.detect.page_model import FORMAT  # noqa: E402
from normalizer.text.page_lines import (  # noqa: E402
    FEATURES,
    furniture_tail,
    line_features,
    page_shape,
)

TREES, RATE, DEPTH, MIN_LEAF = 100, 0.1, 3, 20
BODY_WEIGHT = 4.0           # a body line weighs as much as four furniture lines in the fit
THRESHOLDS = [round(0.50 + step / 100, 2) for step in range(50)]
OFF_RULES = "extends: default\nsteps:\n  - id: strip_page_furniture\n    enabled: false\n"


class Lines:
    """Every scored line of one input: features, whether the step may remove it, its label."""

    def __init__(self) -> None:
        self.rows: list[list[float]] = []
        self.eligible: list[bool] = []
        self.in_tail: list[bool] = []        # removed whatever its score: the page's tail of furniture
        self.furniture: list[bool] = []
        self.site: list[str] = []
        self.line: list[str] = []
        self.doc: list[str] = []
        self.pages: dict[str, Page] = {}


class Page(NamedTuple):
    """One page's counts from the scorer: its source, and its input's non-body and body lines,
    and how many of each the chain before the step left."""

    site: str
    furniture_in: int
    body_in: int
    furniture_left: int
    body_left: int


def cleaned_before_the_step(folder: Path, which: str, work: Path) -> Path:
    (work / "off.yaml").write_text(OFF_RULES, encoding="utf-8")
    output = work / f"{which}.jsonl"
    subprocess.run([sys.executable, "-m", "normalizer", "clean", str(folder / f"{which}.jsonl"), "-r",
                    str(work / "off.yaml"),
                    "-o", str(output), "-q"], check=True, cwd=ROOT)
    return output


def read_lines(score: Any, folder: Path, which: str, cleaned: Path) -> Lines:
    gold = score.load(folder / "gold.jsonl")
    inputs = score.load(folder / f"{which}.jsonl")
    outputs = score.load(cleaned)
    found = Lines()
    for doc_id, record in gold.items():
        index = score.GoldIndex("\n".join(record["body"]))
        text = outputs.get(doc_id, {}).get("text") or ""
        stats = score.doc_stats(index, inputs[doc_id]["text"], text)
        found.pages[doc_id] = Page(inputs[doc_id]["source"], stats["in_ng"], stats["in_g"], stats["out_ng"],
                                   stats["out_g"])
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        shape = page_shape(lines)
        tail = furniture_tail(lines, shape)
        for position, (line, row, may) in enumerate(zip(lines, line_features(lines, shape), shape.removable)):
            tokens = score.tokens(line)
            if not tokens:
                continue                    # the scorer ignores it
            found.rows.append(row)
            found.eligible.append(may)
            found.in_tail.append(may and tail is not None and position >= tail)
            found.furniture.append(not index.is_gold(tokens))
            found.site.append(inputs[doc_id]["source"])
            found.line.append(line)
            found.doc.append(doc_id)
    return found


class Outcome(NamedTuple):
    """The scorer's pooled numbers for the chain with the step, on some of the sites."""

    removed: float          # ng_removed: the input's non-body lines gone
    lost: float             # gold_lost: the input's body lines gone
    damaged: float          # docs_dmg: pages that lost a body line


def outcome(lines: Lines, held_out: bool, scores: np.ndarray, threshold: float) -> Outcome:
    """What the chain before the step and the step at ``threshold`` do together on the fitting
    sites (``held_out`` false) or the held-out ones; ``scores`` are those sites' lines' scores."""
    mask = np.array([held_out_site(site) == held_out for site in lines.site])
    furniture = np.array(lines.furniture)[mask]
    removed = np.array(lines.eligible)[mask] & ((scores >= threshold) | np.array(lines.in_tail)[mask])
    pages = {doc_id: page for doc_id, page in lines.pages.items() if held_out_site(page.site) == held_out}
    lost_in = {doc_id: 0 for doc_id in pages}
    for doc_id, gone in zip(np.array(lines.doc)[mask], removed & ~furniture):
        lost_in[doc_id] += int(gone)
    furniture_in = sum(page.furniture_in for page in pages.values())
    body_in = sum(page.body_in for page in pages.values())
    furniture_gone = furniture_in - sum(page.furniture_left for page in pages.values()) + int((removed & furniture).sum())
    body_gone = body_in - sum(page.body_left for page in pages.values()) + sum(lost_in.values())
    damaged = sum(1 for doc_id, page in pages.items() if page.body_left < page.body_in or lost_in[doc_id])
    return Outcome(furniture_gone / furniture_in, body_gone / body_in, damaged / len(pages))


def fit(rows: np.ndarray, furniture: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier
    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=RATE, max_depth=DEPTH,
                                           min_samples_leaf=MIN_LEAF, random_state=0)
    return model.fit(rows, furniture, sample_weight=np.where(furniture, 1.0, BODY_WEIGHT))


def cross_validated(rows: np.ndarray, furniture: np.ndarray, sites: Sequence[str]) -> np.ndarray:
    """Each line's score from a model fitted without its site (five folds by site)."""
    from sklearn.model_selection import GroupKFold
    names = sorted(set(sites))
    groups = np.array([names.index(site) for site in sites])
    scores = np.zeros(len(rows))
    for fitted_on, scored in GroupKFold(n_splits=5).split(rows, furniture, groups):
        scores[scored] = fit(rows[fitted_on], furniture[fitted_on]).predict_proba(rows[scored])[:, 1]
    return scores


def export(model: Any, threshold: float, fitted: dict[str, Any], checks: np.ndarray) -> dict[str, Any]:
    """The trees as arrays the step's scorer reads, with rows scikit-learn scored as checks."""
    trees, depth = [], 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        own = np.arange(len(nodes))
        trees.append({"feature": [int(v) for v in np.where(leaf, 0, nodes["feature_idx"])],
                      "split": [float(v) for v in np.where(leaf, 0.0, nodes["num_threshold"])],
                      "left": [int(v) for v in np.where(leaf, own, nodes["left"])],
                      "right": [int(v) for v in np.where(leaf, own, nodes["right"])],
                      "value": [float(v) if is_leaf else 0.0 for v, is_leaf in zip(nodes["value"], leaf)]})
        depth = max(depth, int(nodes["depth"].max()))
    probabilities = model.predict_proba(checks)[:, 1]
    return {"format": FORMAT, "features": list(FEATURES), "depth": depth,
            "baseline": float(np.ravel(model._baseline_prediction)[0]), "threshold": threshold,
            "fitted": fitted, "trees": trees,
            "checks": [{"features": [float(v) for v in row], "score": float(p)}
                       for row, p in zip(checks, probabilities)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdev", type=Path, default=REALDEV, help="the realdev folder")
    parser.add_argument("--max-lost", type=float, default=0.002,
                        help="the largest gold_lost allowed on the fitting sites (default 0.002, the target)")
    parser.add_argument("--max-damaged", type=float, default=0.02,
                        help="the largest docs_dmg allowed on the fitting sites (default 0.02, the target)")
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "models" / "page_furniture.json")
    args = parser.parse_args()
    folder = args.realdev
    if not (folder / "score.py").is_file():
        print(f"{folder} is not here (it is not part of this repository): nothing to fit on")
        return 0
    score = scorer(folder)
    with tempfile.TemporaryDirectory() as work:
        found = {which: read_lines(score, folder, which, cleaned_before_the_step(folder, which, Path(work)))
                 for which in INPUTS}
    rows = np.array([row for which in INPUTS for row in found[which].rows])
    furniture = np.array([flag for which in INPUTS for flag in found[which].furniture])
    sites = [site for which in INPUTS for site in found[which].site]
    held = np.array([held_out_site(site) for site in sites])
    part = {which: np.array([which == name for name in INPUTS for _ in found[name].rows]) for which in INPUTS}

    fitted_part = ~held
    scores = np.zeros(len(rows))
    scores[fitted_part] = cross_validated(rows[fitted_part], furniture[fitted_part],
                                          [site for site, out in zip(sites, held) if not out])
    print("cross-validated on the fitting sites (the default chain with the step, as score.py counts)")
    chosen = None
    for threshold in THRESHOLDS:
        results = {which: outcome(found[which], False, scores[part[which] & fitted_part], threshold)
                   for which in INPUTS}
        print(f"  threshold {threshold:.2f}: " + "  ".join(
            f"{which} ng_removed {r.removed:.3f} gold_lost {r.lost:.4f} docs_dmg {r.damaged:.3f}"
            for which, r in results.items()))
        if chosen is None and all(r.lost <= args.max_lost and r.damaged <= args.max_damaged
                                  for r in results.values()):
            chosen = threshold
    if chosen is None:
        print("no threshold loses little enough body: nothing written")
        return 1
    model = fit(rows[fitted_part], furniture[fitted_part])
    held_scores = model.predict_proba(rows[held])[:, 1]
    report = {}
    for which in INPUTS:
        result = outcome(found[which], True, held_scores[part[which][held]], chosen)
        report[which] = {"ng_removed": round(result.removed, 4), "gold_lost": round(result.lost, 4),
                         "docs_dmg": round(result.damaged, 4)}
    sites_fitted = sorted({site for site, out in zip(sites, held) if not out})
    fitted = {"on": "realdev, default chain before the step; sites with held_out_site(host) false",
              "sites": len(sites_fitted), "lines": int(fitted_part.sum()),
              "trees": TREES, "learning_rate": RATE, "max_depth": DEPTH, "min_samples_leaf": MIN_LEAF,
              "body_weight": BODY_WEIGHT, "max_lost": args.max_lost, "max_damaged": args.max_damaged,
              "held_out_sites": len({site for site, out in zip(sites, held) if out}),
              "held_out": report}
    checks = rows[held][:: max(1, int(held.sum()) // 24)][:24]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(export(model, chosen, fitted, checks), separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"threshold {chosen:.2f}; held-out sites: {json.dumps(report)}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
