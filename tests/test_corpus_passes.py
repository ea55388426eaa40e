"""Corpus passes: a step that learns from the whole corpus before any document is cleaned.

The test plugin's ``strip_common_lines`` (tests/plugin/) counts, per source, in how many
documents each line occurs, and removes the lines most documents of a source share. What it
learns must not depend on the engine, the number of jobs or the batch boundaries, a resumed
sharded run must reuse what the first run learned, and every command must learn the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from iohelpers import interrupt_after, invoke

from normalizer.api import clean_records, clean_text, learn_from
from normalizer.chain.tasks import state_digest
from normalizer.core.errors import UsageError
from normalizer.io import corpus as corpus_module
from normalizer.rules.loader import load_rules

RULES = """\
version: 1
extends: default
steps:
  - use: strip_common_lines
    min_docs: 3
    min_share: 0.5
    before: tidy_after
"""
BODY = ("Le gouvernement a présenté le document numéro {i} mardi, et le débat sur ce sujet continue longuement "
        "à l'Assemblée.")


def records(count: int = 40) -> list[dict[str, str]]:
    """Documents of three sites, each site's footer on most of its documents, and a broken line."""
    found = []
    for i in range(count):
        site = ("a.example", "b.example", "c.example")[i % 3]
        footer = f"© {site} — tous droits réservés" if i % 5 else "Une ligne que seul ce document porte."
        found.append({"id": f"d{i}", "text": f"Titre {i}\n\n{BODY.format(i=i)}\n\n{footer}", "source": site})
    return found


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records()]
    lines.insert(7, '{"id": "broken", "text": \n')
    source.write_text("".join(lines), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    return source, rules


def clean(tmp_path: Path, name: str, source: Path, rules: Path, *args: object) -> tuple[bytes, bytes, dict]:
    out, rejects, manifest = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.rejects.jsonl", tmp_path / f"{name}.json"
    result = invoke("clean", source, "-r", rules, "-o", out, "--rejects", rejects, "--manifest", manifest,
                    "--with-edits", *args)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes(), rejects.read_bytes(), json.loads(manifest.read_text(encoding="utf-8"))


def test_the_step_learns_from_the_whole_corpus_and_cites_what_it_learned(tmp_path, corpus):
    source, rules = corpus
    out, _, manifest = clean(tmp_path, "out", source, rules, "-j", "1")
    kept = [json.loads(line) for line in out.decode().splitlines()]
    assert len(kept) == 40
    footer_docs = [r for r in kept if int(r["id"][1:]) % 5]
    assert all("tous droits réservés" not in r["text"] for r in footer_docs)
    assert all("seul ce document" in r["text"] for r in kept if int(r["id"][1:]) % 5 == 0)   # unique lines stay
    notes = {e["note"] for r in kept for e in r["edits"] if e["step"] == "strip_common_lines"}
    assert notes == {"this line occurs in 11 of 14 documents from a.example",
                     "this line occurs in 11 of 13 documents from b.example",
                     "this line occurs in 10 of 13 documents from c.example"}
    assert set(manifest["learned"]) == {"strip_common_lines"}


@pytest.mark.parametrize("batch_items", [1, 3, 17])
def test_what_is_learned_is_the_same_whatever_the_jobs_and_batches(tmp_path, corpus, monkeypatch, batch_items):
    source, rules = corpus
    reference = clean(tmp_path, "reference", source, rules, "-j", "1")
    monkeypatch.setattr(corpus_module, "BATCH_ITEMS", batch_items)
    for jobs in (1, 2):
        out, rejected, manifest = clean(tmp_path, f"b{batch_items}j{jobs}", source, rules, "-j", jobs)
        assert (out, rejected) == reference[:2]
        assert manifest["learned"] == reference[2]["learned"]


def test_a_step_whose_state_depends_on_the_batches_would_be_caught(tmp_path, corpus, monkeypatch):
    """The control: the faulty plugin counts its merges, and the comparison above sees it."""
    source, _ = corpus
    rules = tmp_path / "merges.yaml"
    rules.write_text("version: 1\nsteps:\n  - use: counts_its_merges\n", encoding="utf-8")
    learned = []
    for batch_items in (1, 256):
        monkeypatch.setattr(corpus_module, "BATCH_ITEMS", batch_items)
        learned.append(clean(tmp_path, f"m{batch_items}", source, rules, "-j", "1")[2]["learned"])
    assert learned[0] != learned[1]


def test_stdin_is_spooled_so_that_it_can_be_read_twice(tmp_path, corpus):
    source, rules = corpus
    expected = clean(tmp_path, "file", source, rules, "-j", "1")[0].decode()
    result = invoke("clean", "-", "-r", rules, "-j", "2", "--with-edits", "-q",
                    input=source.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected.replace(str(source), "<stdin>")


def test_a_resumed_sharded_run_reuses_what_the_first_run_learned(tmp_path, corpus, monkeypatch):
    source, rules = corpus
    whole = tmp_path / "whole"
    assert invoke("clean", source, "-r", rules, "-o", whole, "--shard-size", "15", "-j", "1").exit_code == 0
    interrupted = tmp_path / "interrupted"
    assert invoke("clean", source, "-r", rules, "-o", interrupted, "--shard-size", "15", "-j", "1").exit_code == 0
    learned = json.loads((interrupted / "_learned.json").read_text(encoding="utf-8"))
    assert json.loads((interrupted / "_state.json").read_text(encoding="utf-8"))["learned_digest"]
    interrupt_after(interrupted, 2)

    from normalizer.run import runner

    def no_learning(*args, **kwargs):
        raise AssertionError("a resumed run must not learn again")

    monkeypatch.setattr(runner, "learn_pass", no_learning)
    resumed = invoke("clean", source, "-r", rules, "-o", interrupted, "--shard-size", "15", "--resume", "-j", "2")
    assert resumed.exit_code == 0, resumed.stderr
    for part in sorted(whole.glob("part-*")):
        assert (interrupted / part.name).read_bytes() == part.read_bytes()
    assert json.loads((interrupted / "_learned.json").read_text(encoding="utf-8")) == learned


def test_a_damaged_learned_state_is_refused_on_resume(tmp_path, corpus):
    source, rules = corpus
    shards = tmp_path / "shards"
    assert invoke("clean", source, "-r", rules, "-o", shards, "--shard-size", "15", "-j", "1").exit_code == 0
    (shards / "_learned.json").write_text("{}", encoding="utf-8")
    result = invoke("clean", source, "-r", rules, "-o", shards, "--shard-size", "15", "--resume")
    assert result.exit_code == 2 and "does not hold what the first run learned" in result.stderr


def test_explain_and_check_learn_like_clean(tmp_path, corpus):
    source, rules = corpus
    explained = invoke("explain", source, "-r", rules, "--id", "d1", "--format", "json")
    assert explained.exit_code == 0, explained.stderr
    (story,) = [json.loads(line) for line in explained.stdout.splitlines()]
    steps = {step["step"]: step for step in story["steps"]}
    assert steps["strip_common_lines"]["edits"][0]["note"] == "this line occurs in 11 of 13 documents from b.example"
    out, _, _ = clean(tmp_path, "out", source, rules, "-j", "1")
    checked = invoke("check", tmp_path / "out.jsonl", "-r", rules, "--format", "json", "-j", "2")
    report = json.loads(checked.stdout)
    assert "strip_common_lines" not in report["total"]["boilerplate_by_rule"]     # cleaned: nothing common left
    raw = json.loads(invoke("check", source, "-r", rules, "--format", "json", "-j", "1").stdout)
    assert raw["total"]["boilerplate_by_rule"]["strip_common_lines"]["documents"] == 32


def test_the_python_api_learns_from_all_the_records_first(tmp_path, corpus):
    source, rules_path = corpus
    rules = load_rules(rules_path)
    from_api = list(clean_records(records(), rules))
    out, _, _ = clean(tmp_path, "out", source, rules_path, "-j", "1")
    from_cli = {r["id"]: r["text"] for r in (json.loads(line) for line in out.decode().splitlines())}
    assert {r["id"]: r["text"] for r in from_api} == from_cli
    learned = learn_from(records(), rules)
    (step,) = [s for s in learned.steps if s.use == "strip_common_lines"]
    assert state_digest(step.learned) == json.loads((tmp_path / "out.json").read_text())["learned"][step.id]
    one = records()[1]
    (alone,) = clean_records([one], learned)                    # cleaned with what the whole corpus taught
    assert "tous droits" not in alone["text"]
    assert "tous droits" in clean_text(one["text"], rules).text  # learned from itself alone: nothing is common


def test_spark_partitions_need_rules_that_have_learned(corpus):
    pytest.importorskip("pandas")
    pyarrow = pytest.importorskip("pyarrow")  # noqa: F841
    import pandas

    from normalizer.engines.ray import clean_frames
    _, rules_path = corpus
    rules = load_rules(rules_path)
    frame = pandas.DataFrame(records(6))
    with pytest.raises(UsageError, match="learn from the whole corpus"):
        list(clean_frames([frame], rules))
    cleaned = pandas.concat(list(clean_frames([frame], learn_from(records(), rules))))
    assert len(cleaned) == 6


def test_rejected_documents_teach_nothing(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nextends: default\nsteps:\n  - id: reject_short\n    min_chars: 60\n"
                     "  - use: strip_common_lines\n    after: reject_short\n", encoding="utf-8")
    short = [{"id": f"s{i}", "text": "Court.\nPied commun", "source": "x"} for i in range(5)]
    long = [{"id": f"l{i}", "text": f"{BODY.format(i=i)}\nPied commun", "source": "x"} for i in range(3)]
    done = list(clean_records(short + long, load_rules(rules), with_edits=True))
    assert sum("reject" in r for r in done) == 5
    notes = {edit["note"] for r in done if "reject" not in r for edit in r["edits"]
             if edit["step"] == "strip_common_lines"}
    assert notes == {"this line occurs in 3 of 3 documents from x"}
