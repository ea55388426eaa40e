#!/usr/bin/env python3
"""Issue 19's table: short news-like documents (about 1.5 KB, every language of the labelled sets,
10 % with mojibake), one core each, side by side in one run, best of ``--repeat`` interleaved
rounds: the JSON floor (read, parse, write), the naive chain, the default rules and ``-r fast`` at
``-j 1`` and ``-j 2``; documents per second past start-up (each command's time on a one-document
input is taken off, and printed apart) and the ratio to the naive chain, beside the figures the
issue measured on ``main`` before its work. Absolute numbers drift on a shared machine; the
ratios of one run are what to compare.

    python benchmarks/short_docs_bench.py --size 2MB
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import generate, parse_size  # noqa: E402

BEFORE = {"JSON read + parse + write (the floor)": (28_000, 219.0), "naive chain": (128, 1.0),
          "default rules, -j 1": (540, 4.2), "-r fast, -j 1": (840, 6.6), "default, -j 2": (1_032, 8.1),
          "-r fast, -j 2": (1_728, 13.5)}
FLOOR = ("import json, sys\nwith open(sys.argv[1], encoding='utf-8') as lines, open(sys.argv[2], 'w') as out:\n"
         "    for line in lines:\n        try:\n            record = json.loads(line)\n"
         "        except ValueError:\n            continue\n"
         "        out.write(json.dumps(record, ensure_ascii=False) + '\\n')\n")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def commands(corpus: Path, out: Path) -> dict[str, list[str]]:
    clean = [sys.executable, "-m", "normalizer", "clean", str(corpus), "-q", "-o", str(out)]
    return {"JSON read + parse + write (the floor)": [sys.executable, "-c", FLOOR, str(corpus), str(out)],
            "naive chain": [sys.executable, str(HERE / "naive_chain.py"), str(corpus), str(out)],
            "default rules, -j 1": [*clean, "-j", "1"], "-r fast, -j 1": [*clean, "-r", "fast", "-j", "1"],
            "default, -j 2": [*clean, "-j", "2"], "-r fast, -j 2": [*clean, "-r", "fast", "-j", "2"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="8MB")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "short.jsonl"
        with corpus.open("wb") as out:
            documents, written = generate(parse_size(args.size), 19, out, median_bytes=1200, mojibake_share=0.10)
        languages = {json.loads(line)["source"] for line in corpus.read_text(encoding="utf-8").splitlines()
                     if line.startswith('{"id": "bench')}
        one = Path(tmp) / "one.jsonl"
        one.write_text(corpus.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
        best: dict[str, float] = {}
        start: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, command in commands(corpus, Path(tmp) / "out.jsonl").items():
                best[name] = min(best.get(name, float("inf")), timed(command))
            for name, command in commands(one, Path(tmp) / "one-out.jsonl").items():
                start[name] = min(start.get(name, float("inf")), timed(command))
        best = {name: max(spent - start[name], 1e-3) for name, spent in best.items()}
    naive = documents / best["naive chain"]
    print(f"{documents} documents, {written / documents / 1000:.1f} KB each on average, {len(languages)} languages, "
          f"best of {args.repeat}")
    print("| configuration | docs/s | × naive chain | start-up (s) | before: docs/s | before: × naive |")
    print("|---|---|---|---|---|---|")
    for name, spent in best.items():
        rate = documents / spent
        old_rate, old_ratio = BEFORE[name]
        print(f"| {name} | {rate:,.0f} | {rate / naive:.1f}× | {start[name]:.2f} | {old_rate:,} | {old_ratio}× |")


if __name__ == "__main__":
    main()
