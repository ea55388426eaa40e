#!/usr/bin/env python3
"""Throughput and memory of `normalizer clean` on generated corpora, --jobs 1 and 2, per rule set.

Prints documents/s, MB/s and peak RSS (the process and its workers) for each corpus
size, rule set (``default``: langdetect; ``fast``: CLD2 + py3langid) and job count, the
seconds each stage took (from the run manifest), and the ratios that matter: normalizer
vs the naive chain (`naive_chain.py`, run on the same corpus in the same run), jobs 2 vs
jobs 1, and peak RSS of the largest vs the smallest corpus (the target: within 20 %).
Absolute numbers drift on a shared machine; compare ratios measured in the same run.

    python benchmarks/run_bench.py --sizes 20MB --repeat 3 --profile
    python benchmarks/run_bench.py --sizes 20MB 500MB --jobs 2 --no-naive
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import generate, parse_size  # noqa: E402

# Python as users run it: with its bytecode cache (some sandboxes set PYTHONDONTWRITEBYTECODE,
# which makes every process compile normalizer's source again, a fifth of a second).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
PROBE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")


def run_once(corpus: Path, jobs: int, rules: str, workdir: Path) -> dict[str, Any]:
    """One run; peak RSS is the largest of the main process and its workers (ru_maxrss of children)."""
    out, manifest = workdir / f"out-{rules}-{jobs}.jsonl", workdir / f"manifest-{rules}-{jobs}.json"
    command = [sys.executable, "-c", PROBE, sys.executable, "-m", "normalizer", "clean", str(corpus), "-o", str(out),
               "--rejects", str(workdir / f"rej-{rules}-{jobs}.jsonl"), "--manifest", str(manifest),
               "-j", str(jobs), "-q", "--rules", rules]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"normalizer failed: {result.stderr}")
    written = json.loads(manifest.read_text(encoding="utf-8"))
    documents = written["counts"]["documents_in"]
    size = corpus.stat().st_size
    return {"seconds": seconds, "docs_per_s": documents / seconds, "mb_per_s": size / 1e6 / seconds,
            "peak_rss_mb": int(result.stderr.strip().splitlines()[-1]) / 1024, "documents": documents,
            "profile": written.get("profile_seconds", {}), "output": out}


def run_naive(corpus: Path, workdir: Path) -> dict[str, float]:
    """The naive chain on the same corpus, one process."""
    command = [sys.executable, "-c", PROBE, sys.executable, str(HERE / "naive_chain.py"), str(corpus),
               str(workdir / "naive.jsonl")]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the naive chain failed: {result.stderr}")
    documents = int(result.stdout.strip())
    return {"seconds": seconds, "docs_per_s": documents / seconds, "mb_per_s": corpus.stat().st_size / 1e6 / seconds,
            "peak_rss_mb": int(result.stderr.strip().splitlines()[-1]) / 1024, "documents": documents}


def line(label: str, row: dict[str, Any]) -> str:
    return (f"{label:>22}: {row['documents']:>8} docs  {row['seconds']:8.1f} s  {row['docs_per_s']:8.1f} docs/s  "
            f"{row['mb_per_s']:6.2f} MB/s  peak RSS {row['peak_rss_mb']:7.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["20MB", "500MB"])
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--rules", nargs="+", default=["default", "fast"], help="rule sets to run")
    parser.add_argument("--keep", help="directory to keep corpora and outputs in")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive chain baseline")
    parser.add_argument("--profile", action="store_true", help="print the seconds per stage of every run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every configuration N times, in interleaved rounds, and keep the fastest of each "
                             "(this machine is shared)")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="normalizer-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        corpus = workdir / f"corpus-{size}.jsonl"
        if not corpus.exists():
            with open(corpus, "wb") as out:
                generate(parse_size(size), 1, out)
        # Rounds: every configuration once per round, the fastest of its rounds kept. On a shared
        # machine the speed drifts over minutes; interleaving spreads the drift over all of them.
        configs = ([("naive", 1)] if not args.no_naive else []) + [(r, j) for r in args.rules for j in args.jobs]
        best: dict[tuple[str, int], dict[str, Any]] = {}
        for _ in range(args.repeat):
            for rules, jobs in configs:
                run = run_naive(corpus, workdir) if rules == "naive" else run_once(corpus, jobs, rules, workdir)
                if (rules, jobs) not in best or run["seconds"] < best[rules, jobs]["seconds"]:
                    best[rules, jobs] = run
        for rules, jobs in configs:
            row = {"size": size, "rules": rules, "jobs": jobs, **best[rules, jobs]}
            rows.append(row)
            print(f"{size:>7} " + line("naive chain" if rules == "naive" else f"{rules} jobs={jobs}", row), flush=True)
            if args.profile and rules != "naive":
                for stage, spent in row["profile"].items():
                    print(f"{'':>12}{stage:>24} {spent:8.2f} s  {spent / row['documents'] * 1000:7.3f} ms/doc")
        for rules in args.rules:
            runs = [r for r in rows if r["size"] == size and r["rules"] == rules]
            if len(runs) > 1:
                same = len({r["output"].read_bytes() for r in runs}) == 1
                print(f"{size:>7} {rules}: outputs of jobs {', '.join(str(r['jobs']) for r in runs)} "
                      f"byte-identical: {same}")
    print()
    for size in args.sizes:
        naive = next((r for r in rows if r["size"] == size and r["rules"] == "naive"), None)
        for rules in args.rules:
            by_jobs = {r["jobs"]: r for r in rows if r["size"] == size and r["rules"] == rules}
            target = 10 if rules == "fast" else 3
            for jobs, row in sorted(by_jobs.items()):
                if naive is not None:
                    print(f"{size}: {rules} jobs {jobs} / naive chain = {row['docs_per_s'] / naive['docs_per_s']:.2f}x"
                          + (f" (target >= {target}x)" if jobs == 1 else ""))
            if 1 in by_jobs and 2 in by_jobs:
                print(f"{size}: {rules} jobs 2 / jobs 1 throughput = "
                      f"{by_jobs[2]['docs_per_s'] / by_jobs[1]['docs_per_s']:.2f}x (target >= 1.7x)")
    if len(args.sizes) > 1:
        for rules in args.rules:
            for jobs in args.jobs:
                rss = [r["peak_rss_mb"] for r in rows if r["jobs"] == jobs and r["rules"] == rules]
                if len(rss) >= 2:
                    print(f"{rules} jobs {jobs}: peak RSS largest / smallest corpus = {rss[-1] / rss[0]:.2f} "
                          f"(target <= 1.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
