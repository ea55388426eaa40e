"""`normalizer sample`: deterministic review samples, the same whatever the order, the jobs or the batches."""

import hashlib
import json
import random
import re
import shlex
from pathlib import Path

import pytest
from iohelpers import invoke, jsonl, record

from normalizer.review.sample import SAMPLE_KEYS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
BODY = "Le conseil municipal de {town} a voté {day} le budget numéro {i} pour l'année prochaine."
TOWNS = ("Lyon", "Nantes", "Lille", "Rennes")
DAYS = ("lundi", "mardi", "jeudi")
RULES = "extends: default\nsteps:\n  - id: reject_short\n    min_chars: 20\n  - id: check_language\n    allow: [fr]\n"


def records():
    """French bodies from three sources with share lines and tracking tags; English, short and empty ones."""
    found = []
    for i in range(18):
        lines = [BODY.format(town=TOWNS[i % 4], day=DAYS[i % 3], i=i)]
        if i % 2 == 0:
            lines.append("Partager sur Facebook")
        if i % 3 == 0:
            lines.append(f"ttn-fr-{i}")
        found.append(record(f"fr{i}", "\n".join(lines), source=("a.fr", "b.fr", "c.fr")[i % 3]))
    for i in range(4):
        found.append(record(f"en{i}", f"The city council of Leeds voted budget number {i} for next year on Tuesday.",
                            url=f"https://news{i % 2}.example.com/{i}"))
    found += [record(f"short{i}", f"Court {i}.", source="a.fr") for i in range(3)]
    found += [record(f"empty{i}", "\u200b\n\n", source="b.fr") for i in range(2)]
    return found


@pytest.fixture
def place(tmp_path):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(jsonl(*records()), encoding="utf-8")
    shuffled = records()
    random.Random(7).shuffle(shuffled)
    (tmp_path / "shuffled.jsonl").write_text(jsonl(*shuffled), encoding="utf-8")
    return tmp_path


def sample(place, *args, name="in.jsonl"):
    result = invoke("sample", place / name, "-r", place / "rules.yaml", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def chosen(found):
    return [(r["group"], r["id"], r["input"], r["output"], r["removed"]) for r in found]


@pytest.mark.parametrize("by", SAMPLE_KEYS)
def test_the_same_sample_whatever_the_input_order_the_jobs_and_the_batches(place, monkeypatch, by):
    first = sample(place, "--by", by, "-n", "2", "-j", "1")
    monkeypatch.setattr("normalizer.io.corpus.BATCH_ITEMS", 4)      # candidates merged across batches too
    second = sample(place, "--by", by, "-n", "2", "-j", "2", name="shuffled.jsonl")
    assert first and chosen(first) == chosen(second)
    assert {Path(r["source"]).name for r in second} == {"shuffled.jsonl"}


@pytest.mark.parametrize("by", SAMPLE_KEYS)
def test_each_group_holds_the_n_smallest_hashes(place, by):
    every = sample(place, "--by", by, "-n", "100", "-j", "1")
    picked = sample(place, "--by", by, "-n", "2", "-j", "1")
    groups = {r["group"] for r in every}
    for group in groups:
        members = sorted((hashlib.sha256(r["input"].encode()).hexdigest(), r["id"])
                         for r in every if r["group"] == group)
        assert [(r["sha256"], r["id"]) for r in picked if r["group"] == group] == members[:2]
    assert [r["group"] for r in picked] == sorted(r["group"] for r in picked)        # groups in order
    assert len(picked) == sum(min(2, sum(r["group"] == g for r in every)) for g in groups)


def test_each_key_groups_as_documented(place):
    reasons = sample(place, "--by", "reject.reason", "-n", "100", "-j", "1")
    assert {r["group"] for r in reasons} == {"language_not_allowed", "too_short", "empty_after_cleaning"}
    assert all(not r["kept"] and r["rejected"]["reason"] == r["group"] for r in reasons)     # kept ones never
    assert len(reasons) == 4 + 3 + 2
    changed = sample(place, "--by", "changed_by", "-n", "100", "-j", "1")
    groups = {r["group"] for r in changed}
    assert {"strip_share_lines", "strip_tracking_tag"} <= groups
    both = [r["id"] for r in changed if r["id"] == "fr0"]
    assert len(both) == 2                                    # one document, in each group that changed it
    fr0 = next(r for r in changed if r["id"] == "fr0")
    assert fr0["removed"] == {"strip_share_lines": ["Partager sur Facebook"], "strip_tracking_tag": ["ttn-fr-0"]}
    assert fr0["output"] == BODY.format(town="Lyon", day="lundi", i=0) and fr0["line"] == 1
    sources = sample(place, "--by", "source", "-n", "100", "-j", "1")
    assert {r["group"] for r in sources} == {"a.fr", "b.fr", "c.fr", "news0.example.com", "news1.example.com"}
    languages = sample(place, "--by", "lang", "-n", "1", "-j", "1")
    assert "fr" in {r["group"] for r in languages} and all(r["lang"] == r["group"] for r in languages
                                                           if r["group"] != "(none)")


def test_markdown_and_html_strike_the_removed_lines_and_escape_the_corpus(place, tmp_path):
    hostile = record("evil", "Un texte assez long pour rester, écrit en français correct.\n"
                             "<script>alert(1)</script>\nPartager sur Facebook", source="a.fr")
    (tmp_path / "evil.jsonl").write_text(jsonl(hostile), encoding="utf-8")
    page = tmp_path / "sample.html"
    result = invoke("sample", tmp_path / "evil.jsonl", "--by", "changed_by", "--format", "html", "-o", page, "-j", "1")
    assert result.exit_code == 0 and result.stdout == ""
    html = page.read_text(encoding="utf-8")
    assert "<del>Partager sur Facebook</del>" in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = invoke("sample", tmp_path / "evil.jsonl", "--by", "changed_by", "--format", "markdown", "-j", "1").stdout
    assert "- ~~Partager sur Facebook~~" in markdown
    outside_fences = re.sub(r"^(`{3,})text\n.*?^\1$", "", markdown, flags=re.S | re.M)
    assert "<script" in markdown and "<script" not in outside_fences


def test_a_bad_by_is_a_usage_error_naming_the_choices(place):
    result = invoke("sample", place / "in.jsonl", "--by", "colour")
    assert result.exit_code == 2
    assert all(key in result.output for key in SAMPLE_KEYS)
    assert invoke("sample", place / "in.jsonl").exit_code == 2               # --by is required
    assert invoke("sample", place / "in.jsonl", "--by", "lang", "-n", "0").exit_code == 2


def test_unreadable_inputs_malformed_lines_and_outputs(place):
    (place / "bad.jsonl").write_text(jsonl(record("x", "Un texte en français, assez long.")) + "not json\n", "utf-8")
    result = invoke("sample", place / "bad.jsonl", "--by", "source", "-j", "1")
    assert result.exit_code == 0 and "1 malformed record(s) not sampled" in result.stderr
    assert invoke("sample", place / "missing.jsonl", "--by", "lang").exit_code == 3
    assert invoke("sample", place / "in.jsonl", "--by", "lang", "-o", place / "in.jsonl").exit_code == 2
    assert invoke("sample", place / "in.jsonl", "--by", "lang", "-o", place / "nowhere" / "x.jsonl").exit_code == 4


def test_corpus_steps_learn_before_the_sample(tmp_path):
    text = "Le conseil municipal a voté le budget de l'année prochaine, après un long débat."
    (tmp_path / "in.jsonl").write_text(jsonl(record("a", text), record("b", text)), encoding="utf-8")
    found = [json.loads(line) for line in invoke("sample", tmp_path / "in.jsonl", "-r", "dedup", "--by",
                                                 "reject.reason", "-j", "1").stdout.splitlines()]
    assert [(r["group"], r["id"]) for r in found] == [("duplicate", "b")]


def test_the_readme_example_is_real_output(tmp_path, monkeypatch):
    block = README.split("### Review samples: `normalizer sample`", 1)[1].split("### See what happened", 1)[0]
    corpus = re.search(r"```json\n(.*?)\n```", block, re.S).group(1)
    console = re.search(r"````console\n\$ (normalizer sample .*?)\n(.*?)\n````", block, re.S)
    command = shlex.split(console.group(1))
    (tmp_path / command[2]).write_text(corpus + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(*command[1:])
    assert result.exit_code == 0
    assert result.stdout.rstrip("\n") == console.group(2)


def test_a_crashing_cleaner_is_exit_5_and_its_documents_are_a_group(tmp_path):
    """The crash plugin (tests/plugin) raises on a marker; the document is rejected as internal_error:*."""
    text = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, longuement."
    (tmp_path / "in.jsonl").write_text(jsonl(record("a", text), record("b", text + "\nCRASH ME")), encoding="utf-8")
    (tmp_path / "crash.yaml").write_text("version: 1\nextends: default\nsteps:\n  - id: crash\n"
                                         "    use: crashes_on_marker\n    after: tidy_text\n", encoding="utf-8")
    result = invoke("sample", tmp_path / "in.jsonl", "-r", tmp_path / "crash.yaml", "--by", "reject.reason", "-j", "1")
    assert result.exit_code == 5 and "a cleaner crashed on 1 document(s)" in result.stderr
    [found] = [json.loads(line) for line in result.stdout.splitlines()]
    assert found["id"] == "b" and found["group"].startswith("internal_error:")
