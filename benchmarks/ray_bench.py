#!/usr/bin/env python3
"""The Ray engine on one machine: `normalizer clean --engine ray` against `--jobs N` on the same corpus.

Prints documents/s of both, their ratio (the overhead of running on a local Ray instance,
start-up included), the start-up alone (both engines on 100 records), and whether they kept
the same records byte for byte (compared by id).
Absolute numbers drift on a shared machine; compare the ratio measured in the same run.

    python benchmarks/ray_bench.py --size 20MB --jobs 2 --repeat 2
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import generate, parse_size  # noqa: E402
from run_bench import ENV  # noqa: E402


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return time.perf_counter() - started


def kept(lines: list[str]) -> dict[str, str]:
    return {json.loads(line)["id"]: line for line in lines if line}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rules", default="default")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved rounds; the fastest of each is kept")
    parser.add_argument("--keep", help="directory to keep the corpus and outputs in")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="normalizer-ray-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"corpus-{args.size}.jsonl"
    if not corpus.exists():
        with open(corpus, "wb") as out:
            generate(parse_size(args.size), 1, out)
    documents = sum(1 for line in corpus.open("rb") if line.strip())
    small = workdir / "corpus-100.jsonl"
    small.write_bytes(b"".join(corpus.open("rb").readlines()[:100]))
    best = {"local": float("inf"), "ray": float("inf"), "local-small": float("inf"), "ray-small": float("inf")}
    for round_ in range(args.repeat):
        for name, source in (("", corpus), ("-small", small)):
            clean = [sys.executable, "-m", "normalizer", "clean", str(source), "-r", args.rules, "-j", str(args.jobs),
                     "-q"]
            local_out = workdir / f"local{name}.jsonl"
            best[f"local{name}"] = min(best[f"local{name}"], timed(clean + ["-o", str(local_out)]))
            ray_out = workdir / f"ray{name}-{round_}"
            shutil.rmtree(ray_out, ignore_errors=True)
            best[f"ray{name}"] = min(best[f"ray{name}"], timed(clean + ["--engine", "ray", "-o", str(ray_out)]))
    local_out, ray_out = workdir / "local.jsonl", workdir / f"ray-{args.repeat - 1}"
    local_records = kept(local_out.read_text("utf-8").split("\n"))
    ray_records = kept([line for part in sorted(ray_out.glob("part-*.jsonl"))
                        for line in part.read_text("utf-8").split("\n")])
    size = corpus.stat().st_size / 1e6
    for name in ("local", "ray"):
        label = f"--jobs {args.jobs}" if name == "local" else f"--engine ray -j {args.jobs}"
        print(f"{label:>22}: {documents} records  {best[name]:7.1f} s  {documents / best[name]:8.1f} docs/s  "
              f"{size / best[name]:6.2f} MB/s")
    print(f"start-up (100 records): --jobs {args.jobs} {best['local-small']:.1f} s, "
          f"--engine ray {best['ray-small']:.1f} s")
    print(f"ray / local throughput = {best['local'] / best['ray']:.2f}x; "
          f"same records kept, byte for byte: {ray_records == local_records} ({len(ray_records)} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
