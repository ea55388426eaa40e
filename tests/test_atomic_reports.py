"""Every file a command writes is written atomically, as `clean`'s outputs are: on a full disk a
report, a check's output or a stored baseline keeps its previous content, the command exits 4
naming the file, and no temporary file is left behind."""

import errno
import os

import pytest
from iohelpers import invoke, jsonl, record

WRITERS = {
    "check -o": (["check", "{corpus}", "--format", "json", "-o", "{target}"], "{\"previous\": true}\n"),
    "check baseline": (["check", "{corpus}", "--baseline", "{target}", "--update-baseline"], None),
    "report -o": (["report", "{corpus}", "-o", "{target}"], "<!DOCTYPE html><p>previous</p>\n"),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_full_disk_keeps_the_previous_file(tmp_path, monkeypatch, writer):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl(record(1), record(2)), encoding="utf-8")
    args, previous = WRITERS[writer]
    target = tmp_path / "out.txt"
    if previous is None:                            # a stored baseline, as a first run writes it
        assert invoke(*[arg.format(corpus=corpus, target=target) for arg in args]).exit_code in (0, 1)
        previous = target.read_text(encoding="utf-8")
    else:
        target.write_text(previous, encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = invoke(*[arg.format(corpus=corpus, target=target) for arg in args])
    assert result.exit_code == 4, result.output
    assert f"No space left on device while writing {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == previous
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus.jsonl", "out.txt"]


def test_a_written_report_replaces_the_previous_one_whole(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl(record(1)), encoding="utf-8")
    target = tmp_path / "check.json"
    target.write_text("x" * 100_000, encoding="utf-8")
    assert invoke("check", corpus, "--format", "json", "-o", target).exit_code in (0, 1)
    assert target.read_text(encoding="utf-8").lstrip().startswith("{") and "x" * 10 not in target.read_text()


@pytest.mark.parametrize("args", [["check", "{corpus}", "--format", "json", "-o", "/dev/null"],
                                  ["report", "{corpus}", "-o", "/dev/null"]])
def test_a_report_to_a_device_writes_it_and_never_replaces_it(tmp_path, args):
    import stat
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl(record(1)), encoding="utf-8")
    assert invoke(*[arg.format(corpus=corpus) for arg in args]).exit_code in (0, 1)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_manifest_to_a_device_writes_it_and_never_replaces_it(tmp_path):
    import stat
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(jsonl(record(1)), encoding="utf-8")
    assert invoke("clean", corpus, "-o", tmp_path / "out.jsonl", "--manifest", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
