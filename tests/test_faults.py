"""Fault injection on real processes: kill -9 of the main process (its workers must not outlive
it), and SIGTERM during a sharded run (the message says which shards were committed, and
--resume goes on from them)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from iohelpers import read_jsonl

if not Path("/proc/self/stat").exists():
    pytest.skip("needs /proc to find the worker processes", allow_module_level=True)

BODY = ("Le conseil municipal a adopté lundi le nouveau budget après un débat de plus de six heures. "
        "Le maire a précisé que l'argent irait aux écoles, aux routes et à une nouvelle bibliothèque.\n")


def corpus(path, records):
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            handle.write('{"id": "%d", "text": "%s Lire aussi : un autre titre %d"}\n'
                         % (number, BODY.strip().replace('"', "'"), number))
    return path


def start(*args, cwd):
    return subprocess.Popen([sys.executable, "-m", "normalizer", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def state(pid):
    """A process's state letter, or None when it is gone (a zombie counts as gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None if fields[0] in "ZX" else fields[0]


def children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 60_000)
    process = start("clean", source, "-o", tmp_path / "out.jsonl", "-j", "2", "-q", cwd=tmp_path)
    workers: list[int] = []
    try:
        assert wait_for(lambda: len([p for p in children(process.pid) if state(p)]) >= 2, 60), "no workers started"
        workers = [p for p in children(process.pid) if state(p)]
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        assert wait_for(lambda: not any(state(p) for p in workers), 30), \
            f"workers {[p for p in workers if state(p)]} outlived their parent"
        assert not (tmp_path / "out.jsonl").exists()        # nothing committed
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        for orphan in (pid for pid in workers if state(pid)):      # a failure must not leave them running
            os.kill(orphan, signal.SIGKILL)


def test_sigterm_during_a_sharded_run_says_which_shards_were_committed_and_resume_finishes(tmp_path):
    records = 30_000
    source = corpus(tmp_path / "in.jsonl", records)
    shards = tmp_path / "shards"
    process = start("clean", source, "-o", shards, "--shard-size", "2000", "-j", "1", "-q", cwd=tmp_path)
    try:
        assert wait_for(lambda: (shards / "part-00001.jsonl").exists(), 120), "no shard was committed"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 143
    message = err.decode()
    assert "nothing was committed" not in message
    assert "committed before it (part-00000 to part-0000" in message and "--resume" in message
    resumed = subprocess.run([sys.executable, "-m", "normalizer", "clean", source, "-o", shards, "--shard-size",
                              "2000", "--resume", "-j", "1", "-q"], cwd=tmp_path, capture_output=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for part in sorted(shards.glob("part-*.jsonl")) if ".rejects" not in part.name
           for r in read_jsonl(part)]
    assert ids == [str(number) for number in range(records)]
