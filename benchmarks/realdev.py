#!/usr/bin/env python3
"""How the rules do on real scraped pages: ``../shared/realdev/``, scored by its own ``score.py``.

Runs ``normalizer clean`` (the default rules, or ``--rules``) on both realdev inputs (the article
container a naive scraper takes, and trafilatura's output) and prints, per input, F1 before and
after, the share of boilerplate lines removed, the share of body lines lost and the pages
damaged; then the same per language and per dataset. The pages are read where they are (their
sources carry their own licences): nothing of them is copied into this repository. When the
folder is not there, the script says so and exits 0.

The gold is realdev's, less the lines ``benchmarks/realdev_gold_fixes.json`` lists: gold lines
that are page furniture by realdev's own convention (its ``build/gold_fixes.json``: photo
credits, player buttons, related links), each read by hand. ``--raw-gold`` scores against
realdev's gold as it is.

    python benchmarks/realdev.py [--rules RULES] [--realdev DIR] [--raw-gold] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALDEV = ROOT.parent / "shared" / "realdev"
INPUTS = ("container", "traf")
GOLD_FIXES = ROOT / "benchmarks" / "realdev_gold_fixes.json"
COLUMNS = ("docs", "F1 raw", "F1", "ng_removed", "gold_lost", "docs_dmg", "exact")


def held_out_site(host: str) -> bool:
    """About a third of the sites, chosen by a hash of the host: the pages the page-furniture
    model was not fitted on (``benchmarks/fit_page_model.py``), reported apart."""
    return hashlib.sha256(host.encode("utf-8")).digest()[0] % 3 == 0


def scorer_if_present(folder: Path, doing: str) -> Any | None:
    """realdev's scorer, or None (saying so) when the folder is not there: it is not part of
    this repository."""
    if not (folder / "score.py").is_file():
        print(f"{folder} is not here (it is not part of this repository): nothing to {doing}")
        return None
    return scorer(folder)


def scorer(folder: Path) -> Any:
    spec = importlib.util.spec_from_file_location("realdev_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def with_gold_fixes(folder: Path, work: Path) -> Path:
    """A folder like ``folder`` (its inputs and scorer linked, not copied) whose gold lacks the
    lines of :data:`GOLD_FIXES`, every occurrence of each in its page, as realdev's own build
    drops its fixes. A listed line that its page's gold does not hold is an error: the list
    and the gold have drifted apart."""
    fixes = json.loads(GOLD_FIXES.read_text(encoding="utf-8"))["fixes"]
    lines = []
    unused = {(doc_id, fix["line"]) for doc_id, listed in fixes.items() for fix in listed}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        drop = {fix["line"] for fix in fixes.get(record["id"], ())}
        unused -= {(record["id"], body) for body in record["body"] if body in drop}
        record["body"] = [body for body in record["body"] if body not in drop]
        lines.append(json.dumps(record, ensure_ascii=False))
    if unused:
        raise SystemExit(f"{GOLD_FIXES.name} lists lines no page's gold holds: {sorted(unused)[:5]}")
    fixed = work / "realdev"
    fixed.mkdir()
    (fixed / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in (*(f"{which}.jsonl" for which in INPUTS), "score.py"):
        (fixed / name).symlink_to((folder / name).resolve())
    return fixed


def stats(score: Any, folder: Path, which: str, output: Path) -> dict[str, dict[str, Any]]:
    """Per document: the scorer's statistics for the raw input and for the cleaned output."""
    gold = score.load(folder / "gold.jsonl")
    inputs = score.load(folder / f"{which}.jsonl")
    cleaned = score.load(output)
    found = {}
    for doc_id, record in gold.items():
        index = score.GoldIndex("\n".join(record["body"]))
        raw = inputs[doc_id]["text"]
        found[doc_id] = {"raw": score.doc_stats(index, raw, raw),
                         "clean": score.doc_stats(index, raw, cleaned.get(doc_id, {}).get("text") or ""),
                         "lang": inputs[doc_id].get("lang") or "und", "dataset": inputs[doc_id].get("dataset") or "?",
                         "source": inputs[doc_id].get("source") or ""}
    return found


def row(score: Any, docs: list[dict[str, Any]]) -> list[str]:
    raw, clean = score.aggregate([d["raw"] for d in docs]), score.aggregate([d["clean"] for d in docs])
    return [str(len(docs)), f"{raw['F1']:.3f}", f"{clean['F1']:.3f}", f"{clean['ng_removed']:.3f}",
            f"{clean['gold_lost']:.4f}", f"{clean['docs_dmg']:.3f}", f"{clean['exact']:.3f}"]


def table(title: str, rows: list[tuple[str, list[str]]]) -> str:
    lines = [f"| {title} | " + " | ".join(COLUMNS) + " |", "|---|" + "---|" * len(COLUMNS)]
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", default="default", help="rule file or shipped rule set (default: default)")
    parser.add_argument("--realdev", type=Path, default=REALDEV, help="the realdev folder")
    parser.add_argument("--raw-gold", action="store_true", help=f"realdev's gold without {GOLD_FIXES.name}")
    parser.add_argument("--verbose", action="store_true", help="also score.py's lists of lost and left lines")
    args = parser.parse_args()
    score = scorer_if_present(args.realdev, "measure")
    if score is None:
        return 0
    overall, held_out, by_lang, by_dataset = [], [], [], []
    with tempfile.TemporaryDirectory() as work:
        folder = args.realdev if args.raw_gold else with_gold_fixes(args.realdev, Path(work))
        for which in INPUTS:
            output = Path(work) / f"{which}.jsonl"
            subprocess.run([sys.executable, "-m", "normalizer", "clean", str(folder / f"{which}.jsonl"), "-r",
                            args.rules, "-o", str(output), "-q"], check=True)
            found = stats(score, folder, which, output)
            overall.append((which, row(score, list(found.values()))))
            held_out.append((which, row(score, [doc for doc in found.values() if held_out_site(doc["source"])])))
            for key, into in (("lang", by_lang), ("dataset", by_dataset)):
                groups: dict[str, list[dict[str, Any]]] = {}
                for doc in found.values():
                    groups.setdefault(doc[key], []).append(doc)
                for name, docs in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
                    into.append((f"{name} ({which})", row(score, docs)))
            if args.verbose:
                subprocess.run([sys.executable, str(folder / "score.py"), str(output), "--input", which,
                                "--verbose", "--data", str(folder)], check=True)
    gold = "realdev's gold as it is" if args.raw_gold else f"realdev's gold less the lines of {GOLD_FIXES.name}"
    print(f"realdev ({args.realdev}), rules: {args.rules}; {gold}\n")
    print(table("input", overall) + "\n")
    print("The sites the page-furniture model was not fitted on (about a third, by a hash of the host):\n")
    print(table("input (held-out sites)", held_out) + "\n")
    print(table("language", by_lang) + "\n")
    print(table("dataset", by_dataset))
    return 0


if __name__ == "__main__":
    sys.exit(main())
