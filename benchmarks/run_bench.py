#!/usr/bin/env python3
"""Throughput and memory of `normalizer clean` on generated corpora, --jobs 1 and 2.

Prints documents/s, MB/s and peak RSS (the process and its workers) for each corpus
size and job count, and the ratios that matter: normalizer vs the naive chain
(`naive_chain.py`, run on the same corpus in the same run), jobs 2 vs jobs 1, and peak
RSS of the largest vs the smallest corpus (the target: within 20 %). Absolute numbers
drift on a shared machine; compare ratios measured in the same run.

    python benchmarks/run_bench.py --sizes 20MB 500MB --jobs 1 2
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import generate, parse_size  # noqa: E402

PROBE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")


def run_once(corpus: Path, jobs: int, workdir: Path) -> dict[str, float]:
    """One run; peak RSS is the largest of the main process and its workers (ru_maxrss of children)."""
    out, manifest = workdir / f"out-{jobs}.jsonl", workdir / f"manifest-{jobs}.json"
    command = [sys.executable, "-c", PROBE, sys.executable, "-m", "normalizer", "clean", str(corpus), "-o", str(out),
               "--rejects", str(workdir / f"rej-{jobs}.jsonl"), "--manifest", str(manifest), "-j", str(jobs), "-q"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"normalizer failed: {result.stderr}")
    documents = json.loads(manifest.read_text(encoding="utf-8"))["counts"]["documents_in"]
    size = corpus.stat().st_size
    return {"seconds": seconds, "docs_per_s": documents / seconds, "mb_per_s": size / 1e6 / seconds,
            "peak_rss_mb": int(result.stderr.strip().splitlines()[-1]) / 1024, "documents": documents}


def run_naive(corpus: Path, workdir: Path) -> dict[str, float]:
    """The naive chain on the same corpus, one process."""
    command = [sys.executable, "-c", PROBE, sys.executable, str(HERE / "naive_chain.py"), str(corpus),
               str(workdir / "naive.jsonl")]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the naive chain failed: {result.stderr}")
    documents = int(result.stdout.strip())
    return {"seconds": seconds, "docs_per_s": documents / seconds, "mb_per_s": corpus.stat().st_size / 1e6 / seconds,
            "peak_rss_mb": int(result.stderr.strip().splitlines()[-1]) / 1024, "documents": documents}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["20MB", "500MB"])
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--keep", help="directory to keep corpora and outputs in")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive chain baseline")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="normalizer-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        corpus = workdir / f"corpus-{size}.jsonl"
        if not corpus.exists():
            with open(corpus, "wb") as out:
                generate(parse_size(size), 1, out)
        if not args.no_naive:
            row = {"size": size, "jobs": 0, **run_naive(corpus, workdir)}
            rows.append(row)
            print(f"{size:>7} naive : {row['documents']:>8} docs  {row['seconds']:8.1f} s  "
                  f"{row['docs_per_s']:8.1f} docs/s  {row['mb_per_s']:6.2f} MB/s  peak RSS {row['peak_rss_mb']:7.1f} MB",
                  flush=True)
        for jobs in args.jobs:
            row = {"size": size, "jobs": jobs, **run_once(corpus, jobs, workdir)}
            rows.append(row)
            print(f"{size:>7} jobs={jobs}: {row['documents']:>8} docs  {row['seconds']:8.1f} s  "
                  f"{row['docs_per_s']:8.1f} docs/s  {row['mb_per_s']:6.2f} MB/s  peak RSS {row['peak_rss_mb']:7.1f} MB",
                  flush=True)
    print()
    for size in args.sizes:
        by_jobs = {r["jobs"]: r for r in rows if r["size"] == size}
        if 0 in by_jobs and 1 in by_jobs:
            print(f"{size}: normalizer jobs 1 / naive chain = {by_jobs[1]['docs_per_s'] / by_jobs[0]['docs_per_s']:.2f}x "
                  f"(target >= 3x)")
        if 1 in by_jobs and 2 in by_jobs:
            print(f"{size}: jobs 2 / jobs 1 throughput = {by_jobs[2]['docs_per_s'] / by_jobs[1]['docs_per_s']:.2f}x")
    if len(args.sizes) > 1:
        for jobs in args.jobs:
            rss = [r["peak_rss_mb"] for r in rows if r["jobs"] == jobs]
            if len(rss) < 2:
                continue
            print(f"jobs {jobs}: peak RSS largest / smallest corpus = {rss[-1] / rss[0]:.2f} (target <= 1.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
