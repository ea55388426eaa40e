"""What a folder or a glob holds is read, or named: symlinked folders are followed once (loops
and second links named), a file reached twice is read once, upper-case compression suffixes and
.jsonlines are read, and the files of other kinds are named in a warning and in the summary."""

import gzip
import json
import os

import pytest
from iohelpers import jsonl, read_jsonl, record, run_cli


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "in" / "deep").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(jsonl(record("a")), encoding="utf-8")
    (tmp_path / "elsewhere" / "x.jsonl").write_text(jsonl(*(record(f"x{i}") for i in range(5))), encoding="utf-8")
    os.symlink("../elsewhere", tmp_path / "in" / "linked")            # a folder of inputs through a symlink
    os.symlink("..", tmp_path / "in" / "deep" / "loop")                # a loop
    os.symlink("a.jsonl", tmp_path / "in" / "again.jsonl")             # a second link to a file
    (tmp_path / "in" / "b.jsonl.GZ").write_bytes(gzip.compress(jsonl(record("gz")).encode()))
    (tmp_path / "in" / "c.jsonlines").write_text(jsonl(record("lines")), encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("# not a corpus\n", encoding="utf-8")
    return tmp_path


def test_every_file_of_a_folder_is_read_or_named(tree):
    out, manifest = tree / "out.jsonl", tree / "run.json"
    result = run_cli("clean", "in", "-o", out, "--manifest", manifest, "-r", "fast", "-j", "1", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert sorted(r["id"] for r in read_jsonl(out)) == ["a", "gz", "lines", "x0", "x1", "x2", "x3", "x4"]
    err = result.stderr.decode()
    for named in ("in/deep/loop: skipped, a folder already read", "in/again.jsonl: skipped, a file already read",
                  "1 file(s) skipped, not of a kind read here", "in/notes.md"):
        assert named in err
        assert "not read: " in err
    counts = json.loads(manifest.read_text(encoding="utf-8"))["counts"]
    assert len(counts["skipped_inputs"]) == 3 and any("notes.md" in line for line in counts["skipped_inputs"])


def test_a_folder_linked_twice_is_read_once(tree):
    os.symlink("../elsewhere", tree / "in" / "deep" / "same")
    out = tree / "out.jsonl"
    result = run_cli("clean", "in", "-o", out, "-r", "fast", "-j", "1", cwd=tree)
    assert result.returncode == 0
    ids = [r["id"] for r in read_jsonl(out)]
    assert sorted(ids) == sorted(set(ids)) and ids.count("x0") == 1


def test_hidden_files_and_folders_are_named_not_silently_left(tree):
    (tree / "in" / ".part-0.jsonl").write_text(jsonl(record("hidden")), encoding="utf-8")
    (tree / "in" / ".staging").mkdir()
    (tree / "in" / ".staging" / "y.jsonl").write_text(jsonl(record("staged")), encoding="utf-8")
    (tree / "in" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")            # not a kind read here: no word
    out = tree / "out.jsonl"
    result = run_cli("clean", "in", "-o", out, "-r", "fast", "-j", "1", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert "hidden" not in {r["id"] for r in read_jsonl(out)}
    err = result.stderr.decode()
    assert "2 hidden file(s) or folder(s) skipped (name one to read it): in/.part-0.jsonl, in/.staging" in err
    assert ".DS_Store" not in err
    named = run_cli("clean", "in/.part-0.jsonl", "-o", tree / "named.jsonl", "-r", "fast", "-j", "1", cwd=tree)
    assert named.returncode == 0 and [r["id"] for r in read_jsonl(tree / "named.jsonl")] == ["hidden"]
