"""No command writes over the corpus it reads: an output that is an input, by any spelling
(the same name, ``..``, a symlink, a hard link, a file inside an input folder, a shard folder
that holds the inputs), is refused with exit 2 before anything is read, the input untouched."""

import os

import pytest
from iohelpers import jsonl, record, run_cli

SPELLINGS = {
    "same name": "corpus.jsonl",
    "through ..": "folder/../corpus.jsonl",
    "symlink": "link.jsonl",
    "hard link": "hard.jsonl",
    "absolute": "{root}/corpus.jsonl",
}

COMMANDS = {
    "clean": ["clean", "corpus.jsonl", "-o", "{out}"],
    "clean rejects": ["clean", "corpus.jsonl", "-o", "kept.jsonl", "--rejects", "{out}"],
    "clean manifest": ["clean", "corpus.jsonl", "-o", "kept.jsonl", "--manifest", "{out}"],
    "check": ["check", "corpus.jsonl", "--format", "json", "-o", "{out}"],
    "check baseline": ["check", "corpus.jsonl", "--baseline", "{out}", "--update-baseline"],
    "report": ["report", "corpus.jsonl", "-o", "{out}"],
}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "corpus.jsonl").write_text(jsonl(record(1), record(2)), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "part.jsonl").write_text(jsonl(record(3)), encoding="utf-8")
    os.symlink("corpus.jsonl", tmp_path / "link.jsonl")
    os.link(tmp_path / "corpus.jsonl", tmp_path / "hard.jsonl")
    return tmp_path


def untouched(root):
    return ((root / "corpus.jsonl").read_bytes(), (root / "folder" / "part.jsonl").read_bytes())


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_an_output_that_is_an_input_is_refused_before_reading(corpus, command, spelling):
    before = untouched(corpus)
    out = SPELLINGS[spelling].format(root=corpus)
    args = [arg.format(out=out) for arg in COMMANDS[command]]
    result = run_cli(*args, cwd=corpus)
    assert result.returncode == 2, result.stderr
    assert b"is the input" in result.stderr and b"overwrite the corpus" in result.stderr
    assert untouched(corpus) == before


@pytest.mark.parametrize("args", [
    ["clean", "folder", "-o", "folder/part.jsonl"],                    # a file the folder input holds
    ["report", "folder", "-o", "folder/part.jsonl"],
    ["check", "folder", "-o", "./folder/part.jsonl"],
    ["clean", "folder", "--shard-size", "5", "-o", "folder"],          # shards written among the inputs
    ["clean", "corpus.jsonl", "folder", "--shard-size", "5", "-o", "./folder/../folder"],
])
def test_an_input_folder_is_no_place_for_the_outputs(corpus, args):
    before = untouched(corpus)
    result = run_cli(*args, cwd=corpus)
    assert result.returncode == 2, result.stderr
    assert untouched(corpus) == before


def test_an_output_beside_the_inputs_is_fine(corpus):
    result = run_cli("report", "corpus.jsonl", "folder", "-o", "report.html", cwd=corpus)
    assert result.returncode in (0, 1), result.stderr
    assert (corpus / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("uri", ["file:///nonexistent/x.jsonl", "memory://nothing/x.jsonl"])
@pytest.mark.parametrize("command", ["clean", "check", "report"])
def test_a_uri_that_is_not_there_leaves_an_earlier_output_alone(corpus, uri, command):
    """A run whose only input is a URI used to commit an empty output over the earlier one."""
    earlier = corpus / "earlier.out"
    earlier.write_text("an earlier output\n", encoding="utf-8")
    args = {"clean": ["clean", uri, "-o", "earlier.out"],
            "check": ["check", uri, "--format", "json", "-o", "earlier.out"],
            "report": ["report", uri, "-o", "earlier.out"]}[command]
    result = run_cli(*args, cwd=corpus)
    assert result.returncode == 3
    assert f"{uri}: no such bucket, folder or key" in result.stderr.decode()
    assert earlier.read_text(encoding="utf-8") == "an earlier output\n"
