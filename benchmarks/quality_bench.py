#!/usr/bin/env python3
"""What quality signals cost: `-r quality` against the default chain, in one run.

Prints, on a generated corpus (`make_corpus.py`), the seconds of `normalizer clean -r default`
and `-r quality` (best of ``--repeat`` interleaved rounds, ``--jobs`` 1 by default) and their
ratio (issue 17's budget: 1.25), then the microseconds the signals take per document alone.
Absolute numbers drift on a shared machine; compare the ratios of one run.

    python benchmarks/quality_bench.py --size 4MB
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dedup_bench import best_times, cost_arguments, generated  # noqa: E402


def signal_microseconds(corpus: Path) -> float:
    """Microseconds per document for the signals and the flags of the cleaned texts, alone."""
    from normalizer.text.signals import signals
    from normalizer.text.thresholds import table_for
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    table = table_for("en")
    started = time.perf_counter()
    for text in texts:
        table.flags(signals(text, table.stop_words))
    return (time.perf_counter() - started) / len(texts) * 1e6


def main() -> None:
    args = cost_arguments(__doc__).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, documents = generated(args.size, Path(tmp))
        best = best_times(corpus, ("default", "quality"), args.repeat, args.jobs, Path(tmp))
        alone = signal_microseconds(Path(tmp) / "quality.jsonl")
    print(f"{documents} documents, {args.jobs} job(s), best of {args.repeat}")
    for rules, spent in best.items():
        print(f"  -r {rules:8} {spent:6.2f} s  {documents / spent:8.0f} docs/s")
    print(f"  -r quality / default: {best['quality'] / best['default']:.2f}x the time (budget 1.25x)")
    print(f"  signals and flags alone: {alone:.0f} µs per cleaned document")


if __name__ == "__main__":
    main()
