#!/usr/bin/env python3
"""What deduplication costs: `-r dedup` against the default chain, and the memory of its index.

Prints, on a generated corpus (`make_corpus.py`), the seconds of `normalizer clean -r default`
and `-r dedup` (best of ``--repeat`` interleaved rounds, ``--jobs`` 1 by default) and their ratio (issue 16's
budget: 1.3); then the memory the dedup step's learned index takes for ``--index-docs``
documents (tracemalloc, peak over learning and finishing), per document and extrapolated to one
million. Absolute numbers drift on a shared machine; compare the ratios of one run.

    python benchmarks/dedup_bench.py --size 4MB --index-docs 200000
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import generate, parse_size  # noqa: E402


def seconds(corpus: Path, rules: str, out: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "normalizer", "clean", str(corpus), "-r", rules, "-j", str(jobs), "-q",
                    "-o", str(out), "--rejects", str(out.with_suffix(".rejects.jsonl"))], check=True)
    return time.perf_counter() - started


def best_times(corpus: Path, names: tuple[str, ...], repeat: int, jobs: int, folder: Path) -> dict[str, float]:
    """The best seconds of each rule set over ``repeat`` interleaved rounds (outputs in ``folder``)."""
    best = dict.fromkeys(names, float("inf"))
    for _ in range(repeat):
        for rules in names:
            best[rules] = min(best[rules], seconds(corpus, rules, folder / f"{rules}.jsonl", jobs))
    return best


def index_memory(count: int) -> tuple[float, float]:
    """Bytes per document of the learned state, and of the peak while finishing it."""
    from normalizer.cleaners.dedup import Dedup
    from normalizer.core.document import Doc
    step = Dedup()
    rng = random.Random(16)
    words = [f"w{number}" for number in range(20_000)]
    bases = [" ".join(rng.choice(words) for _ in range(120)) for _ in range(500)]
    tracemalloc.start()
    state = step.nothing_learned()
    for number in range(count):
        doc = Doc(f"doc-{number:08d}", f"{bases[number % 500]} {number}", source="corpus/part-0001.jsonl",
                  line=number + 1)
        state = step.merge(state, step.learn(doc))
    learned = tracemalloc.get_traced_memory()[0]
    step.finish(state, ["corpus/part-0001.jsonl"])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return learned / count, peak / count


def cost_arguments(description: str | None) -> argparse.ArgumentParser:
    """The options every rule-set cost benchmark takes: corpus size, rounds, jobs."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="4MB")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=1)
    return parser


def generated(size: str, folder: Path) -> tuple[Path, int]:
    """A benchmark corpus of about ``size`` in ``folder``, and its number of documents."""
    corpus = folder / "corpus.jsonl"
    with corpus.open("wb") as out:
        documents, _ = generate(parse_size(size), 16, out)
    return corpus, documents


def main() -> None:
    parser = cost_arguments(__doc__)
    parser.add_argument("--index-docs", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, documents = generated(args.size, Path(tmp))
        best = best_times(corpus, ("default", "dedup"), args.repeat, args.jobs, Path(tmp))
    print(f"{documents} documents, {args.jobs} job(s), best of {args.repeat}")
    for rules, spent in best.items():
        print(f"  -r {rules:8} {spent:6.2f} s  {documents / spent:8.0f} docs/s")
    print(f"  -r dedup / default: {best['dedup'] / best['default']:.2f}x the time (budget 1.30x)")
    if args.index_docs:
        learned, peak = index_memory(args.index_docs)
        print(f"dedup index for {args.index_docs} documents: {learned:.0f} B/doc learned, {peak:.0f} B/doc at the "
              f"peak of finishing: {learned * 1e6 / 2**20:.0f} MiB and {peak * 1e6 / 2**20:.0f} MiB for a million "
              "(budget 1 GiB)")


if __name__ == "__main__":
    main()
