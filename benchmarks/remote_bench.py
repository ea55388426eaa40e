#!/usr/bin/env python3
"""What object storage costs the local engine: `normalizer clean` from and to `s3://` on an
S3-compatible server on the loopback address (moto in server mode, started here), against the
same corpus from and to local files, best of ``--repeat`` interleaved rounds, in one run. The
loopback server has no network latency: on real S3 add the transfer time of the bytes.

    python benchmarks/remote_bench.py --size 4MB
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dedup_bench import cost_arguments, generated  # noqa: E402


def run(arguments: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "normalizer", "clean", *arguments, "-q"], check=True, env=environment)
    return time.perf_counter() - started


def main() -> None:
    args = cost_arguments(__doc__).parse_args()
    import s3fs
    from moto.server import ThreadedMotoServer
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    environment = {**os.environ, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                   "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}"}
    os.environ.update(environment)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, documents = generated(args.size, Path(tmp))
            fs = s3fs.S3FileSystem()
            fs.mkdir("bench")
            fs.put(str(corpus), "bench/in/corpus.jsonl")
            best = {"local": float("inf"), "s3": float("inf")}
            for round_ in range(args.repeat):
                best["local"] = min(best["local"], run([str(corpus), "-j", str(args.jobs), "-o",
                                                        f"{tmp}/out-{round_}.jsonl"], environment))
                best["s3"] = min(best["s3"], run(["s3://bench/in/", "-j", str(args.jobs), "-o",
                                                  f"s3://bench/out-{round_}.jsonl"], environment))
            last = args.repeat - 1
            same = fs.cat(f"bench/out-{last}.jsonl") == Path(f"{tmp}/out-{last}.jsonl").read_bytes()
    finally:
        server.stop()
    print(f"{documents} documents ({args.size}), {args.jobs} job(s), best of {args.repeat}")
    for where, spent in best.items():
        print(f"  {where:6} {spent:6.2f} s  {documents / spent:8.0f} docs/s")
    print(f"  s3:// / local files: {best['s3'] / best['local']:.2f}x the time; same bytes: {same}")


if __name__ == "__main__":
    main()
