#!/usr/bin/env python3
"""Do two builds of normalizer write the same bytes? A refactor's proof.

Runs ``normalizer clean`` from one installation on every corpus we measure (``corpus/``,
the dev and held-out sets, ``../shared/realdev/`` in both input styles, and the generated
benchmark corpus), with the default and the fast rules, with and without ``--with-edits``,
and records the SHA-256 of every output, every rejects file and the summary printed on
stderr. Run it once with the build before a change and once with the build after, then
compare the two records:

    python benchmarks/same_output.py --normalizer /tmp/before/.venv/bin/normalizer --out /tmp/before-out
    python benchmarks/same_output.py --normalizer .venv/bin/normalizer --out /tmp/after-out
    python benchmarks/same_output.py --compare /tmp/before-out /tmp/after-out

Exit 0 when every output is byte-identical, 1 when one differs (each difference is named).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDEV = ROOT.parent / "shared" / "realdev"


def inputs(corpora: Path, size: str) -> dict[str, Path]:
    """Every corpus to clean, by name; the benchmark corpus is generated (deterministically) into
    ``corpora``, which both records must share: rejects name their input's path."""
    found = {"corpus": ROOT / "corpus", "devset": ROOT / "tests" / "devset" / "devset.jsonl",
             "holdout": ROOT / "tests" / "holdout" / "holdout.jsonl"}
    for style in ("container", "traf"):
        if (REALDEV / f"{style}.jsonl").is_file():
            found[f"realdev-{style}"] = REALDEV / f"{style}.jsonl"
        else:
            print(f"note: {REALDEV} is not here; realdev-{style} is left out", file=sys.stderr)
    corpora.mkdir(parents=True, exist_ok=True)
    bench = corpora / f"bench-{size}.jsonl"
    if not bench.is_file():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), size, "-o", str(bench)],
                       check=True)
    found[f"bench-{size}"] = bench
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "(missing)"


def record(normalizer: str, out: Path, corpora: Path, size: str, jobs: int) -> dict[str, dict[str, object]]:
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, object]] = {}
    for name, path in inputs(corpora, size).items():
        for rules in ("default", "fast"):
            for edits in (False, True):
                case = f"{name}.{rules}{'.edits' if edits else ''}"
                cleaned, rejects = out / f"{case}.jsonl", out / f"{case}.rejects.jsonl"
                command = [normalizer, "clean", str(path), "-r", rules, "-o", str(cleaned), "--rejects", str(rejects),
                           "-j", str(jobs), "--no-progress"] + (["--with-edits"] if edits else [])
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                results[case] = {"exit": done.returncode, "output": sha256(cleaned), "rejects": sha256(rejects),
                                 "summary": hashlib.sha256(done.stderr.encode()).hexdigest(),
                                 "summary_text": done.stderr}
                print(f"{case}: exit {done.returncode}", file=sys.stderr)
    (out / "hashes.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return results


def compare(before: Path, after: Path) -> int:
    old = json.loads((before / "hashes.json").read_text(encoding="utf-8"))
    new = json.loads((after / "hashes.json").read_text(encoding="utf-8"))
    differences = 0
    for case in sorted(set(old) | set(new)):
        if case not in old or case not in new:
            print(f"{case}: only in {'AFTER' if case not in old else 'BEFORE'}")
            differences += 1
            continue
        for key in ("exit", "output", "rejects", "summary"):
            if old[case][key] != new[case][key]:
                differences += 1
                print(f"{case}: {key} differs")
                if key == "summary":
                    print(f"  before: {old[case]['summary_text']!r}\n  after:  {new[case]['summary_text']!r}")
    same = sum(1 for case in old if case in new) * 4 - differences
    print(f"{len(old)} cases: {same} outputs, rejects, summaries and exit codes the same, {differences} different")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--normalizer", default=str(ROOT / ".venv" / "bin" / "normalizer"),
                        help="the normalizer command of the build to record")
    parser.add_argument("--out", type=Path, help="where to write the outputs and hashes.json")
    parser.add_argument("--size", default="20MB", help="size of the generated benchmark corpus")
    parser.add_argument("--corpora", type=Path, default=Path(tempfile.gettempdir()) / "normalizer-same-output",
                        help="where the generated corpus is kept (the same for both records)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="compare two folders written by earlier runs")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("--out is needed to record a build (or --compare BEFORE AFTER)")
    record(args.normalizer, args.out, args.corpora, args.size, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
