"""A run whose rules learn starts its later passes where the first one left the corpus
(``normalizer.io.midway``): the same outputs, rejects and manifest as reading the files again."""

import gzip
import json
import pickle
import tempfile

import pytest
from iohelpers import invoke, read_jsonl, run_cli
from planted import planted_corpus

from normalizer import Doc
from normalizer.api import clean_records, load_rules
from normalizer.core.errors import OutputError
from normalizer.core.speed import reference_implementation
from normalizer.io import midway


def corpus_folder(tmp_path):
    """Planted copies across three inputs: JSONL with a malformed line and blank lines, a gzip
    file cut short (it fails part-way), and a plain text file."""
    records, _ = planted_corpus()
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(lines[:100] + ["", "{not json", ""] + lines[160:]) + "\n",
                                    encoding="utf-8")
    packed = gzip.compress(("\n".join(lines[100:160]) + "\n").encode("utf-8"))
    (folder / "b.jsonl.gz").write_bytes(packed[:len(packed) * 3 // 4])
    (folder / "c.txt").write_text(records[3]["text"], encoding="utf-8")         # a copy of a.jsonl's fourth
    return folder


def clean_run(tmp_path, name, *extra, reference=False):
    out, rejects, manifest = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.rejects.jsonl", tmp_path / f"{name}.json"
    result = run_cli("clean", tmp_path / "in", "-r", "dedup", "-o", out, "--rejects", rejects, "--manifest", manifest,
                     *extra, env_extra={"NORMALIZER_REFERENCE": "1" if reference else "0"})
    told = json.loads(manifest.read_text(encoding="utf-8"))
    return (result.returncode, out.read_bytes(), rejects.read_bytes(), told["inputs"], told["counts"],
            told["learned"])


@pytest.mark.parametrize("extra", [("-j", "1"), ("-j", "2"), ("-j", "2", "--salvage")], ids=" ".join)
def test_starting_midway_gives_what_reading_the_files_again_gives(tmp_path, extra):
    corpus_folder(tmp_path)
    midway_run = clean_run(tmp_path, "midway", *extra)
    assert midway_run == clean_run(tmp_path, "reference", *extra, reference=True)
    code, _, rejects, inputs, counts, _ = midway_run
    assert code == 3                                        # the gzip file failed part-way
    reasons = [json.loads(line)["reject"]["reason"] for line in rejects.decode().splitlines()]
    assert {"duplicate", "near_duplicate", "json_decode_error", "truncated_input"} <= set(reasons)
    assert [entry["compression"] for entry in inputs] == [None, "gzip", None]
    assert all(entry["bytes_read"] > 0 and len(entry["sha256"]) == 64 for entry in inputs)
    assert counts["blank_lines"] == 2 and counts["rejected_by_reason"]["duplicate"] >= 5


def test_the_later_passes_read_the_kept_batches(tmp_path, monkeypatch):
    corpus_folder(tmp_path)
    loaded = []
    load = midway.load

    def counted(kept):
        loaded.append(kept.done)
        return load(kept)

    monkeypatch.setattr(midway, "load", counted)
    result = invoke("clean", tmp_path / "in", "-r", "dedup", "-o", tmp_path / "o.jsonl", "--rejects",
                    tmp_path / "r.jsonl", "-j", "1")
    assert result.exit_code == 3, result.stderr
    steps_before_dedup = [step.id for step in load_rules("dedup").steps].index("dedup")
    assert loaded and set(loaded) == {steps_before_dedup}
    assert len(loaded) >= 2 * 3              # every batch by the cleaning pass, and by the second learning pass


def test_the_kept_batches_are_removed_after_the_run_and_after_an_interrupt(tmp_path, monkeypatch):
    corpus_folder(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    result = run_cli("clean", tmp_path / "in", "-r", "dedup", "-o", tmp_path / "o.jsonl", "--rejects",
                     tmp_path / "r.jsonl", env_extra={"TMPDIR": str(scratch)})
    assert result.returncode == 3 and list(scratch.iterdir()) == []

    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen = []

    def interrupted(kept):
        seen.extend(scratch.rglob("*.batch"))
        raise KeyboardInterrupt

    monkeypatch.setattr(midway, "load", interrupted)
    result = invoke("clean", tmp_path / "in", "-r", "dedup", "-o", tmp_path / "o2.jsonl", "-j", "1")
    assert result.exit_code == 130
    assert seen and list(scratch.iterdir()) == [] and not (tmp_path / "o2.jsonl").exists()


def test_a_batch_that_cannot_be_kept_is_an_output_error(tmp_path):
    with pytest.raises(OutputError) as raised:
        midway.keep(str(tmp_path / "gone"), [Doc("a", "text")], [Doc("a", "text")], 3)
    message = str(raised.value)
    assert str(tmp_path / "gone") in message and "TMPDIR" in message
    again = pickle.loads(pickle.dumps(raised.value))          # raised in a worker, told by the main process
    assert str(again) == message and again.path == raised.value.path


def test_a_kept_batch_leaves_out_what_a_resumed_run_skips(tmp_path):
    from normalizer.io.records import Blank
    items = [Doc("a", "one"), Blank("in.jsonl", 2, 1), Doc("b", "two"), Blank("in.jsonl", 4, 1), Doc("c", "three")]
    docs = [doc.replace(text=doc.text.upper()) for doc in items if isinstance(doc, Doc)]
    kept = midway.keep(str(tmp_path), items, docs, 5)
    assert kept.records == 3
    assert midway.load(kept) == (items, docs)
    assert midway.load(kept._replace(skip=2)) == (items[3:], docs[2:])       # a blank among the skipped goes too


def test_clean_records_gives_the_same_records_midway(tmp_path):
    records, planted = planted_corpus()
    rules = load_rules("dedup")
    cleaned = list(clean_records(records, rules=rules, with_edits=True))
    with reference_implementation():
        assert list(clean_records(records, rules=rules, with_edits=True)) == cleaned
    assert {record["id"] for record in cleaned if "reject" in record} == planted


def test_profile_counts_the_steps_the_first_pass_ran(tmp_path):
    corpus_folder(tmp_path)
    result = invoke("clean", tmp_path / "in", "-r", "dedup", "-o", tmp_path / "o.jsonl", "-j", "1", "--profile")
    rows = {line.split()[0]: float(line.split()[1]) for line in result.stderr.splitlines()
            if line.startswith("  ") and len(line.split()) >= 3 and line.split()[1].replace(".", "").isdigit()}
    assert rows["check_language"] > 0 and rows["strip_related"] > 0 and rows["dedup"] > 0
    assert read_jsonl(tmp_path / "o.jsonl")
