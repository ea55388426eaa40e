"""Shared helpers for the I/O tests: run the CLI, read JSONL, make records."""

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from normalizer.cli import main

TEXT = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine."


def record(i, text=TEXT, **fields):
    return {"id": str(i), "text": text, **fields}


def jsonl(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line]


def invoke(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def run_cli(*args, input=None, cwd=None, timeout=300, env_extra=None):
    """The real command in a subprocess (for signals, exit codes of the process, real stdout)."""
    import os
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "normalizer", *map(str, args)], input=input,
                          capture_output=True, cwd=cwd, timeout=timeout, check=False, env=env)


def clean_file(tmp_path, raw: bytes, name="in.jsonl", *extra):
    """Clean one input file; return (exit code, kept records, rejects, stderr)."""
    source = tmp_path / name
    source.write_bytes(raw)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = invoke("clean", source, "-o", out, "--rejects", rejects, "-j", "1", *extra)
    kept = read_jsonl(out) if out.exists() else []
    dropped = read_jsonl(rejects) if rejects.exists() else []
    return result.exit_code, kept, dropped, result.stderr


def interrupt_after(folder, shards):
    """Make a finished sharded run look interrupted after its first ``shards`` shards: the later
    parts gone and the state file saying so (what --resume then goes on from)."""
    state = json.loads((Path(folder) / "_state.json").read_text(encoding="utf-8"))
    for shard in state["shards"][shards:]:
        for name in shard["files"]:
            (Path(folder) / name).unlink()
    state["shards"] = state["shards"][:shards]
    (Path(folder) / "_state.json").write_text(json.dumps(state), encoding="utf-8")
