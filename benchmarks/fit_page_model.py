#!/usr/bin/env python3
"""Fit ``rules/models/page_furniture.json``, the model of the ``strip_page_furniture`` step, on
``../shared/realdev/`` (read where it is: no page is copied into the repository).

What the step sees is the text the default chain's earlier steps leave, so both realdev inputs
(container and traf) are first cleaned by those steps; what the later steps remove anyway is
counted as removed whatever the step does (a line is known by its text). Every
line is labelled body or not by realdev's own scorer (``score.py``: the rule the benchmark
scores with). The sites are split in two by a hash of their host (``realdev.held_out_site``):
about a third are held out. On the other two thirds, a five-fold cross-validation by site
gives each line a score from a model that never saw its site. The step's four thresholds (a
line alone, the tail's mean, a run between paragraphs, the head from the top) are chosen in
turn, each the lowest at which those scores (a block's mean never below ``BLOCK_FLOOR``: with
the step's other condition, a line in the block that would go alone, a lower mean would let
one furniture line carry a block of body), applied as the step applies them (the step's own
``furniture_positions``), keep the default chain within the targets on those sites, on both
inputs: gold_lost at most ``--max-lost`` (0.002) and docs_dmg at most ``--max-damaged`` (0.02),
as ``score.py`` counts (against realdev's gold less ``benchmarks/realdev_gold_fixes.json``, as
``benchmarks/realdev.py`` scores; ``--raw-gold``: without). Then the model is fitted on all of those sites and applied to the
held-out ones: those are the numbers to believe, and ``benchmarks/realdev.py`` prints them too.

Needs scikit-learn (``pip install scikit-learn``); the step itself needs only numpy.

    python benchmarks/fit_page_model.py [--realdev DIR] [--max-lost 0.002] [--max-damaged 0.02] [--raw-gold] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realdev import (  # noqa: E402
    GOLD_FIXES,
    INPUTS,
    REALDEV,
    held_out_site,
    scorer_if_present,
    with_gold_fixes,
)

from normalizer.chain.pipeline import apply_chain_alone  # noqa: E402
from normalizer.cleaners.strip_page_furniture import furniture_positions  # noqa: E402
from normalizer.core.document import Doc  # noqa: E402
from normalizer.detect.page_model import FORMAT, Thresholds  # noqa: E402
from normalizer.rules.loader import load_rules  # noqa: E402
from normalizer.text.page_lines import FEATURES, PageShape, line_features, page_shape  # noqa: E402

TREES, RATE, DEPTH, MIN_LEAF = 100, 0.1, 3, 20
BODY_WEIGHT = 4.0           # a body line weighs as much as four furniture lines in the fit
THRESHOLDS = [round(0.50 + step / 100, 2) for step in range(51)]
BLOCK_FLOOR = 0.80          # a block (tail, run between paragraphs) whose mean is lower is not furniture
STEP = "strip_page_furniture"


class Page(NamedTuple):
    """One page as the step sees it (its non-blank lines, their shape and features, the scorer's
    label of each: True for furniture, None for a line the scorer ignores, and whether the steps
    after it would remove it anyway), and the scorer's counts for its input: non-body and body
    lines, and how many the steps before it left."""

    doc: str
    site: str
    lines: list[str]
    shape: PageShape
    rows: list[list[float]]
    furniture: list[bool | None]
    removed_after: list[bool]
    furniture_in: int
    body_in: int
    furniture_left: int
    body_left: int


def cleaned_before_the_step(folder: Path, which: str, work: Path) -> Path:
    """The input as the step receives it: the default chain's steps before it (the step and the
    ones after it switched off)."""
    ids = [step.id for step in load_rules("default").steps]
    after = ids[ids.index(STEP):]
    rules = "extends: default\nsteps:\n" + "".join(f"  - id: {step}\n    enabled: false\n" for step in after)
    (work / "before.yaml").write_text(rules, encoding="utf-8")
    output = work / f"{which}.jsonl"
    subprocess.run([sys.executable, "-m", "normalizer", "clean", str(folder / f"{which}.jsonl"), "-r",
                    str(work / "before.yaml"), "-o", str(output), "-q"], check=True, cwd=ROOT)
    return output


def removed_after_the_step(text: str, lines: Sequence[str]) -> list[bool]:
    """Which of the step's input lines the default chain's steps after it remove (a line is
    known by its text: one that a later step only edits counts as removed)."""
    steps = load_rules("default").steps
    after = steps[[step.id for step in steps].index(STEP) + 1:]
    left = Counter(line.strip() for line in apply_chain_alone(after, Doc("page", text)).text.split("\n"))
    removed = []
    for line in lines:
        removed.append(left[line] == 0)
        left[line] -= 1
    return removed


def read_pages(score: Any, folder: Path, which: str, cleaned: Path) -> list[Page]:
    gold = score.load(folder / "gold.jsonl")
    inputs = score.load(folder / f"{which}.jsonl")
    outputs = score.load(cleaned)
    pages = []
    for doc_id, record in gold.items():
        index = score.GoldIndex("\n".join(record["body"]))
        text = outputs.get(doc_id, {}).get("text") or ""
        stats = score.doc_stats(index, inputs[doc_id]["text"], text)
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        shape = page_shape(lines)
        labels = [None if not tokens else not index.is_gold(tokens) for tokens in map(score.tokens, lines)]
        pages.append(Page(doc_id, inputs[doc_id]["source"], lines, shape, line_features(lines, shape), labels,
                          removed_after_the_step(text, lines),
                          stats["in_ng"], stats["in_g"], stats["out_ng"], stats["out_g"]))
    return pages


class Outcome(NamedTuple):
    """The scorer's pooled numbers for the chain with the step, on some of the pages."""

    removed: float          # ng_removed: the input's non-body lines gone
    lost: float             # gold_lost: the input's body lines gone
    damaged: float          # docs_dmg: pages that lost a body line


def outcome(pages: Sequence[Page], scores: Sequence[Sequence[float]], thresholds: Thresholds) -> Outcome:
    """What the default chain (the steps before the step, the step as it decides with these
    thresholds, and the steps after it) does on ``pages``, each with its lines' ``scores``."""
    furniture_gone = body_gone = damaged = 0
    for page, page_scores in zip(pages, scores):
        doomed = furniture_positions(page.lines, page.shape, page_scores, thresholds).doomed
        gone = [position in doomed or page.removed_after[position] for position in range(len(page.lines))]
        furniture_gone += page.furniture_in - page.furniture_left + sum(
            label is True and out for label, out in zip(page.furniture, gone))
        lost = page.body_in - page.body_left + sum(label is False and out for label, out in zip(page.furniture, gone))
        body_gone += lost
        damaged += lost > 0
    return Outcome(furniture_gone / sum(page.furniture_in for page in pages),
                   body_gone / sum(page.body_in for page in pages), damaged / len(pages))


def fit(rows: np.ndarray, furniture: np.ndarray) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier
    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=RATE, max_depth=DEPTH,
                                           min_samples_leaf=MIN_LEAF, random_state=0)
    return model.fit(rows, furniture, sample_weight=np.where(furniture, 1.0, BODY_WEIGHT))


def training_set(pages: Sequence[Page]) -> tuple[np.ndarray, np.ndarray]:
    """The rows and labels of the lines the scorer labels."""
    pairs = [(row, label) for page in pages for row, label in zip(page.rows, page.furniture) if label is not None]
    return np.array([row for row, _ in pairs]), np.array([label for _, label in pairs])


def cross_validated(pages: Sequence[Page]) -> list[list[float]]:
    """Each line's score from a model fitted without its site (five folds by site, balanced by
    the number of labelled lines)."""
    from sklearn.model_selection import GroupKFold
    names = sorted({page.site for page in pages})
    sites = [names.index(page.site) for page in pages for label in page.furniture if label is not None]
    scores: list[list[float]] = [[] for _ in pages]
    for _, scored_lines_of in GroupKFold(n_splits=5).split(np.zeros(len(sites)), groups=sites):
        held_sites = {names[sites[line]] for line in scored_lines_of}
        model = fit(*training_set([page for page in pages if page.site not in held_sites]))
        for number, page in enumerate(pages):
            if page.site in held_sites:
                scores[number] = scored_lines(model, page)
    return scores


def scored_lines(model: Any, page: Page) -> list[float]:
    return [float(p) for p in model.predict_proba(np.array(page.rows))[:, 1]] if page.rows else []


def report_line(title: str, results: dict[str, Outcome], changed: Sequence[str] = ()) -> None:
    print(f"  {title}: " + "  ".join(f"{which} ng_removed {r.removed:.3f} gold_lost {r.lost:.4f} "
                                     f"docs_dmg {r.damaged:.3f}" for which, r in results.items())
          + (f"  changes keep cases: {', '.join(changed)}" if changed else ""))


def keep_cases(model: Any) -> list[tuple[str, list[str], PageShape, list[float]]]:
    """The step's must-not-change cases (``keep: true`` in ``tests/cases/strip_page_furniture.yaml``
    and the ``keep`` texts of the step in ``rules/default.yaml``), each as the step sees it, with
    the fitted model's scores: no threshold may remove a line of them (a short body list that
    ends an article, a squad, a cabinet, towns)."""
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "strip_page_furniture.yaml").read_text(encoding="utf-8"))
    texts = [(case["label"], case["input"]) for case in cases if case.get("keep") and not case.get("options")]
    steps = yaml.safe_load((ROOT / "rules" / "default.yaml").read_text(encoding="utf-8"))["steps"]
    texts += [(f"default.yaml keep {number}", text) for step in steps if step.get("use") == "strip_page_furniture"
              for number, text in enumerate(step.get("keep", []), 1)]
    found = []
    for label, text in texts:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        shape = page_shape(lines)
        if any(shape.removable):
            rows = line_features(lines, shape)
            found.append((label, lines, shape, [float(p) for p in model.predict_proba(np.array(rows))[:, 1]]))
    return found


def within(results: dict[str, Outcome], args: argparse.Namespace) -> bool:
    return all(r.lost <= args.max_lost and r.damaged <= args.max_damaged for r in results.values())


def export(model: Any, thresholds: Thresholds, fitted: dict[str, Any], checks: np.ndarray) -> dict[str, Any]:
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
            "baseline": float(np.ravel(model._baseline_prediction)[0]), "thresholds": thresholds._asdict(),
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
    parser.add_argument("--raw-gold", action="store_true", help=f"realdev's gold without {GOLD_FIXES.name}")
    args = parser.parse_args()
    score = scorer_if_present(args.realdev, "fit on")
    if score is None:
        return 0
    with tempfile.TemporaryDirectory() as work:
        folder = args.realdev if args.raw_gold else with_gold_fixes(args.realdev, Path(work))
        pages = {which: read_pages(score, folder, which, cleaned_before_the_step(folder, which, Path(work)))
                 for which in INPUTS}
    fitting = [page for which in INPUTS for page in pages[which] if not held_out_site(page.site)]
    held = {which: [page for page in pages[which] if held_out_site(page.site)] for which in INPUTS}
    cross = dict(zip(map(id, fitting), cross_validated(fitting)))
    part = {which: [page for page in pages[which] if not held_out_site(page.site)] for which in INPUTS}
    part_scores = {which: [cross[id(page)] for page in part[which]] for which in INPUTS}
    print("cross-validated on the fitting sites (the default chain with the step, as score.py counts);")
    model = fit(*training_set(fitting))
    keep = keep_cases(model)
    print(f"each threshold in turn, the lowest that keeps the targets with the ones chosen before it, "
          f"and leaves the step's {len(keep)} keep cases as they are:")
    chosen = Thresholds()
    for name in Thresholds._fields:
        for value in (v for v in THRESHOLDS if name not in ("tail", "between") or v >= BLOCK_FLOOR):
            trial = chosen._replace(**{name: value})
            results = {which: outcome(part[which], part_scores[which], trial) for which in INPUTS}
            changed = [label for label, lines, shape, scores in keep
                       if furniture_positions(lines, shape, scores, trial).doomed]
            report_line(f"{name} {value:.2f}", results, changed)
            if within(results, args) and not changed:
                chosen = trial
                break
    print("chosen: " + ", ".join(f"{name} {value:.2f}" for name, value in chosen._asdict().items()))
    report = {}
    for which in INPUTS:
        result = outcome(held[which], [scored_lines(model, page) for page in held[which]], chosen)
        report[which] = {"ng_removed": round(result.removed, 4), "gold_lost": round(result.lost, 4),
                         "docs_dmg": round(result.damaged, 4)}
    rows, _ = training_set(fitting)
    fitted = {"on": "realdev, default chain before the step; sites with held_out_site(host) false",
              "gold": "realdev's" if args.raw_gold else f"realdev's less {GOLD_FIXES.name}",
              "sites": len({page.site for page in fitting}), "lines": len(rows),
              "trees": TREES, "learning_rate": RATE, "max_depth": DEPTH, "min_samples_leaf": MIN_LEAF,
              "body_weight": BODY_WEIGHT, "max_lost": args.max_lost, "max_damaged": args.max_damaged,
              "held_out_sites": len({page.site for which in INPUTS for page in held[which]}),
              "held_out": report}
    held_rows, _ = training_set([page for which in INPUTS for page in held[which]])
    checks = held_rows[:: max(1, len(held_rows) // 24)][:24]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(export(model, chosen, fitted, checks), separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"held-out sites: {json.dumps(report)}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
