"""Whole runs (RELIABILITY.md §3, items 57-68 and the I/O issue): jobs, signals, output
errors, shards and resume, the manifest, Parquet, crashes inside a cleaner."""

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from iohelpers import TEXT, invoke, jsonl, read_jsonl, record, run_cli

LANGS = ["Le gouvernement a présenté mardi son projet de budget.\nLire aussi : Un titre\nttn-fr-3",
         "The central bank left rates unchanged on Thursday.\nShare on Facebook",
         "Die Regierung hat am Mittwoch einen Entwurf vorgelegt.\nSchlagwörter: a, b",
         "Правительство утвердило новый бюджет на следующий год."]


def mixed_corpus(path: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        lines.append(json.dumps(record(i, text=LANGS[i % 4] + f" ({i})")) + "\n")
        if i % 97 == 0:
            lines.append('{"broken": \n')
        if i % 89 == 0:
            lines.append("\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_jobs_1_and_2_give_byte_identical_output_rejects_and_counts(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 1500)
    runs = []
    for jobs in (1, 2):
        out, rej = tmp_path / f"out{jobs}.jsonl", tmp_path / f"rej{jobs}.jsonl"
        result = run_cli("clean", source, "-o", out, "--rejects", rej, "-j", jobs)
        assert result.returncode == 0, result.stderr
        summary = b"\n".join(line for line in result.stderr.split(b"\n") if not line.startswith(b"  elapsed: "))
        runs.append((out.read_bytes(), rej.read_bytes(), summary))
    assert runs[0] == runs[1]
    assert b"1516 documents in, 1500 out, 16 rejected" in runs[0][2]


def test_cleaning_the_output_again_changes_nothing(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 200)
    first = run_cli("clean", source, "-o", tmp_path / "once.jsonl", "-q")
    assert first.returncode == 0
    again = run_cli("clean", tmp_path / "once.jsonl", "-o", tmp_path / "twice.jsonl", "-q")
    assert again.returncode == 0
    once = read_jsonl(tmp_path / "once.jsonl")
    twice = read_jsonl(tmp_path / "twice.jsonl")
    assert [r["text"] for r in once] == [r["text"] for r in twice]
    assert all(r["changed_by"] == [] for r in twice)


def run_never_ending(tmp_path, *args):
    """A run reading stdin that is never closed, so it cannot finish before it is signalled;
    returned once it has opened its output and had a moment to clean what it was given."""
    source = mixed_corpus(tmp_path / "big.jsonl", 2000)
    proc = subprocess.Popen([sys.executable, "-m", "normalizer", "clean", "-", *map(str, args)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(source.read_bytes())
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)
    assert proc.poll() is None
    return proc


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_mid_run_leaves_previous_output_and_no_temp_files(tmp_path, sig, code):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    proc = run_never_ending(tmp_path, "-o", out, "--rejects", tmp_path / "rej.jsonl", "-j", "2")
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not (tmp_path / "rej.jsonl").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    assert b"Traceback" not in stderr


def test_sigkill_leaves_previous_output_and_the_next_run_warns(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    proc = run_never_ending(tmp_path, "-o", out, "-j", "1")
    proc.kill()
    proc.communicate(timeout=60)
    assert out.read_text(encoding="utf-8") == "previous\n"
    [stale] = tmp_path.glob(".out.jsonl.*.tmp")
    small = tmp_path / "small.jsonl"
    small.write_text(jsonl(record(1)), encoding="utf-8")
    warned = run_cli("clean", small, "-o", out)
    assert f"{stale} was left by an earlier run that was killed" in warned.stderr.decode()
    cleaned = run_cli("clean", small, "-o", out, "--clean-stale")
    assert cleaned.returncode == 0 and not stale.exists()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_disk_full_exits_4_and_commits_nothing(tmp_path, monkeypatch, where):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(*(record(i) for i in range(50))), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        import normalizer.io.sinks as sinks
        monkeypatch.setattr(sinks.AtomicFile, "write", lambda self, line: (_ for _ in ()).throw(
            sinks.OutputError(self.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))))
    result = invoke("clean", source, "-o", out, "-j", "1")
    assert result.exit_code == 4
    assert f"No space left on device while writing {out}" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_permission_denied_exits_4_with_the_file_named(tmp_path, monkeypatch):
    import tempfile
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = invoke("clean", source, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 4
    assert f"Permission denied while writing {tmp_path / 'out.jsonl'}" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_unwritable_directory_exits_4(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere: permission denied cannot be provoked")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    assert invoke("clean", source, "-o", locked / "out.jsonl").exit_code == 4


def test_a_cleaner_crashing_on_one_document_rejects_it_and_exits_5(tmp_path, monkeypatch):
    from normalizer.cleaners.tidy_text import TidyText
    original = TidyText.__call__

    def crashing(self, text):
        if "BOOM" in text:
            raise RuntimeError("kaboom")
        return original(self, text)

    monkeypatch.setattr(TidyText, "__call__", crashing)
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1), record(2, text="BOOM " + TEXT), record(3)), encoding="utf-8")
    result = invoke("clean", source, "--rejects", tmp_path / "rej.jsonl", "-j", "1")
    assert result.exit_code == 5
    assert len(result.stdout.splitlines()) == 2
    [crash] = read_jsonl(tmp_path / "rej.jsonl")
    assert crash["reject"]["reason"] == "internal_error:RuntimeError" and "kaboom" in crash["reject"]["detail"]


def test_output_to_dev_null_does_not_replace_it(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    assert invoke("clean", source, "-o", os.devnull).exit_code == 0
    assert Path(os.devnull).is_char_device()


def test_output_through_a_symlink_writes_the_target(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(target)
    assert invoke("clean", source, "-o", tmp_path / "link.jsonl").exit_code == 0
    assert (tmp_path / "link.jsonl").is_symlink() and read_jsonl(target)[0]["id"] == "1"


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{d}/same.jsonl", "--rejects", "{d}/same.jsonl"], "must be different files"),
    (["--resume"], "--resume needs --shard-size"),
    (["--shard-size", "10"], "--shard-size needs -o DIRECTORY"),
    (["--compress", "gzip"], "--compress is for shards"),
    (["-o", "{d}"], "is a directory; name a file"),
    (["--shard-size", "ten", "-o", "{d}/shards"], "give a number of records"),
])
def test_usage_errors_exit_2_before_reading(tmp_path, args, message):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    result = invoke("clean", source, *[a.format(d=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_output_in_a_directory_that_does_not_exist_is_exit_4_before_reading(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    result = invoke("clean", source, "-o", tmp_path / "nodir" / "out.jsonl")
    assert result.exit_code == 4 and "does not exist" in result.stderr


def test_shards_by_records_and_resume_without_duplicates(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 250)
    whole = tmp_path / "whole"
    assert invoke("clean", source, "-o", whole, "--shard-size", "100", "-j", "1").exit_code == 0
    shards = sorted(p.name for p in whole.glob("part-*"))
    assert shards == ["part-00000.jsonl", "part-00000.rejects.jsonl", "part-00001.jsonl",
                      "part-00001.rejects.jsonl", "part-00002.jsonl", "part-00002.rejects.jsonl"]
    state = json.loads((whole / "_state.json").read_text(encoding="utf-8"))
    assert [s["records_end"] for s in state["shards"]] == [100, 200, 253]

    interrupted = tmp_path / "interrupted"
    assert invoke("clean", source, "-o", interrupted, "--shard-size", "100", "-j", "1").exit_code == 0
    for name in ("part-00002.jsonl", "part-00002.rejects.jsonl"):
        (interrupted / name).unlink()
    state = json.loads((interrupted / "_state.json").read_text(encoding="utf-8"))
    state["shards"] = state["shards"][:2]
    (interrupted / "_state.json").write_text(json.dumps(state), encoding="utf-8")
    refused = invoke("clean", source, "-o", interrupted, "--shard-size", "100")
    assert refused.exit_code == 2 and "pass --resume" in refused.stderr
    resumed = invoke("clean", source, "-o", interrupted, "--shard-size", "100", "--resume", "-j", "2")
    assert resumed.exit_code == 0
    for name in shards:
        assert (interrupted / name).read_bytes() == (whole / name).read_bytes()
    assert "253 documents in, 250 out, 3 rejected" in resumed.stderr


def test_resume_refuses_other_rules(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 50)
    assert invoke("clean", source, "-o", tmp_path / "s", "--shard-size", "20").exit_code == 0
    rules = tmp_path / "r.yaml"
    rules.write_text("extends: default\nsteps:\n  - id: strip_stray_letters\n    enabled: false\n", encoding="utf-8")
    result = invoke("clean", source, "-o", tmp_path / "s", "--shard-size", "20", "--resume", "-r", rules)
    assert result.exit_code == 2 and "different rules digest" in result.stderr


def test_shards_by_size_are_compressed_when_asked(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 300)
    assert invoke("clean", source, "-o", tmp_path / "s", "--shard-size", "20KB", "--compress", "gzip").exit_code == 0
    parts = sorted((tmp_path / "s").glob("part-*[0-9].jsonl.gz"))
    assert len(parts) > 2
    import gzip
    total = sum(len(gzip.decompress(p.read_bytes()).splitlines()) for p in parts)
    assert total == 300


def test_manifest_records_inputs_rules_counts_and_a_stable_output_hash(tmp_path):
    source = mixed_corpus(tmp_path / "in.jsonl", 100)
    manifests = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.jsonl"
        assert invoke("clean", source, "-o", out, "--manifest", tmp_path / f"m{jobs}.json", "-j", jobs).exit_code == 0
        manifests.append(json.loads((tmp_path / f"m{jobs}.json").read_text(encoding="utf-8")))
    first, second = manifests
    assert first["outputs"][0]["content_sha256"] == second["outputs"][0]["content_sha256"]
    import hashlib
    assert first["outputs"][0]["content_sha256"] == hashlib.sha256((tmp_path / "out1.jsonl").read_bytes()).hexdigest()
    assert first["inputs"][0]["sha256"] == second["inputs"][0]["sha256"]
    assert first["inputs"][0]["bytes_read"] == source.stat().st_size
    assert first["rules"]["digest"] == second["rules"]["digest"] and first["rules"]["steps"][0]["id"] == "fix_encoding"
    assert first["counts"]["documents_in"] == 102 and first["counts"]["rejected_by_reason"] == {"json_decode_error": 2}
    assert first["packages"]["ftfy"] and first["seconds"] >= 0


def test_a_failing_manifest_commits_nothing(tmp_path, monkeypatch):
    import normalizer.io.sinks as sinks
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    real_prepare = sinks.AtomicFile.prepare

    def prepare(self):
        if self.path.endswith("run.json"):
            raise sinks.OutputError(self.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        real_prepare(self)

    monkeypatch.setattr(sinks.AtomicFile, "prepare", prepare)
    result = invoke("clean", source, "-o", out, "--rejects", tmp_path / "rej.jsonl", "--manifest", tmp_path / "run.json")
    assert result.exit_code == 4
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not (tmp_path / "rej.jsonl").exists() and not list(tmp_path.glob(".*.tmp"))


def test_stdout_is_utf8_whatever_the_locale(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1, text="Ελληνικά και 日本語 και émoji 😀, αρκετά για να αναγνωριστεί.")),
                      encoding="utf-8")
    result = run_cli("clean", source, "-q", env_extra={"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "日本語" in result.stdout.decode("utf-8")


def test_parquet_in_and_out(tmp_path):
    pyarrow = pytest.importorskip("pyarrow", reason="the [parquet] extra is not installed")
    import datetime

    import pyarrow.parquet as pq
    when = datetime.datetime(2024, 3, 1, 12, 0)
    table = pyarrow.Table.from_pylist([{"doc": "a", "body": TEXT + "\nttn-fr-3", "n": 1, "score": float("nan"),
                                        "when": when},
                                       {"doc": "b", "body": "", "n": 2, "score": 0.5, "when": when}])
    pq.write_table(table, tmp_path / "in.parquet")
    result = invoke("clean", tmp_path / "in.parquet", "--text-field", "body", "--id-field", "doc",
                    "-o", tmp_path / "out.parquet", "--rejects", tmp_path / "rej.jsonl")
    assert result.exit_code == 0, result.stderr
    rows = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert [(r["id"], r["text"]) for r in rows] == [("a", TEXT)]
    assert rows[0]["score"] is None and rows[0]["when"] == "2024-03-01 12:00:00" and rows[0]["n"] == "1"
    assert read_jsonl(tmp_path / "rej.jsonl")[0]["reject"]["reason"] == "empty_text"


def test_a_100_megabyte_line_is_rejected_in_bounded_memory(tmp_path):
    source = tmp_path / "huge.jsonl"
    with open(source, "wb") as stream:
        stream.write(jsonl(record(1)).encode())
        stream.write(b'{"text": "' + b"x" * (100 << 20) + b'"}\n')
        stream.write(jsonl(record(3)).encode())
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "normalizer", "clean", str(source),
                             "-o", str(tmp_path / "out.jsonl"), "--rejects", str(tmp_path / "rej.jsonl"), "-j", "1"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    peak_kib = int(result.stdout)
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["1", "3"]
    assert read_jsonl(tmp_path / "rej.jsonl")[0]["reject"]["reason"] == "line_too_long"
    assert peak_kib < 150 * 1024, f"peak RSS {peak_kib} KiB"


def test_progress_counts_the_bytes_of_cleaned_batches_and_the_summary_the_elapsed_time(tmp_path):
    from normalizer.io.corpus import Batch, FileCorpus
    from normalizer.io.sources import CountingReader
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(*(record(i, "Le conseil municipal a adopté le budget. " * 40) for i in range(3000))),
                      encoding="utf-8")
    corpus = FileCorpus.from_paths([str(source)])
    counters = [CountingReader()]
    marks = [batch.read_to for batch in corpus.batches(counters=counters) if isinstance(batch, Batch)]
    assert len(marks) > 2 and marks == sorted(marks) and 0 < marks[0] < marks[-1] == source.stat().st_size
    result = run_cli("clean", source, "-o", tmp_path / "out.jsonl", "-r", "fast", "-j", "1")
    assert result.returncode == 0 and b"elapsed: " in result.stderr and b"documents/s)" in result.stderr
