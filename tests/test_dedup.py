"""The ``dedup`` step (issue 16): exact and near duplicates of cleaned text, each explained."""

import json
import random
from pathlib import Path

import pytest
from iohelpers import jsonl, read_jsonl, record, run_cli
from planted import planted_corpus, write_corpus

from normalizer import Doc
from normalizer.cleaners.dedup import Dedup
from normalizer.core.cleaner import learn_in_passes
from normalizer.detect.minhash import lsh_split
from normalizer.text.shingles import jaccard, shingle_hashes, units

ARTICLE = ("The city council approved the new budget on Monday after a debate of more than six hours, "
           "with the opposition voting against the plan to raise local taxes by two percent next year. "
           "The mayor said the money would go to schools, buses and the repair of the old bridge.")


def dedup_run(tmp_path, corpus, rules="dedup", *extra):
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = run_cli("clean", corpus, "-r", rules, "-o", out, "--rejects", rejects, *extra)
    assert result.returncode == 0, result.stderr
    return read_jsonl(out), read_jsonl(rejects), out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_exactly_the_planted_copies_are_rejected(tmp_path, jobs):
    planted = write_corpus(tmp_path / "planted.jsonl")
    kept, rejected, _ = dedup_run(tmp_path, tmp_path / "planted.jsonl", "dedup", "-j", jobs)
    assert {r["id"] for r in rejected} == planted                 # none of the 10 look-alike reports
    assert len(kept) == 180
    originals = {r["id"]: n for n, r in enumerate(planted_corpus()[0], 1)}
    for reject in rejected:
        reason, detail = reject["reject"]["reason"], reject["reject"]["detail"]
        kind = reject["id"].split("-")[1]
        assert reason == ("duplicate" if kind in ("exact", "boilerplate") else "near_duplicate")
        kept_id = detail.split('"')[1]
        assert f'{reason} of "{kept_id}" ({tmp_path / "planted.jsonl"}:{originals[kept_id]})' in detail
        if reason == "near_duplicate":
            assert 0.8 <= float(detail.rsplit("Jaccard ", 1)[1]) < 1.0


def test_jobs_give_byte_identical_outputs(tmp_path):
    write_corpus(tmp_path / "planted.jsonl")
    outputs = []
    for jobs in ("1", "2"):
        (tmp_path / jobs).mkdir()
        _, _, out = dedup_run(tmp_path / jobs, tmp_path / "planted.jsonl", "dedup", "-j", jobs)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def look_alike_pairs(count=40, seed=16):
    """``count`` documents of 200 made-up words, each with a look-alike: 6 words changed, 30
    apart, so that their true Jaccard is 0.73, below the threshold, and a pair shares one of
    the 9 MinHash bands with a chance of about 15 %."""
    rng = random.Random(seed)
    words = [f"w{number}" for number in range(5000)]
    records = []
    for number in range(count):
        text = [rng.choice(words) for _ in range(200)]
        records.append(record(f"doc-{number}", " ".join(text)))
        for change in range(6):
            text[14 + change * 30] = rng.choice(words)
        records.append(record(f"alike-{number}", " ".join(text)))
    return records


@pytest.mark.parametrize("verify", ["true", "false"])
def test_only_verification_tells_look_alikes_sharing_a_band_from_copies(tmp_path, verify):
    """Why ``verify`` is on by default: a look-alike below the threshold shares a MinHash band
    now and then, and only the true Jaccard tells it from a copy."""
    pairs = look_alike_pairs()
    assert {round(jaccard(set(shingle_hashes(a["text"], 5, 5).tolist()), set(shingle_hashes(b["text"], 5, 5).tolist())),
                  2) for a, b in zip(pairs[::2], pairs[1::2])} == {0.73}
    (tmp_path / "pairs.jsonl").write_text(jsonl(*pairs), encoding="utf-8")
    rules = tmp_path / "dedup-only.yaml"
    rules.write_text(f"version: 1\nsteps:\n  - use: dedup\n    verify: {verify}\n", encoding="utf-8")
    _, rejected, _ = dedup_run(tmp_path, tmp_path / "pairs.jsonl", rules, "-j", "1")
    if verify == "true":
        assert rejected == []
    else:
        assert 2 <= len(rejected) <= 15 and all(r["id"].startswith("alike-") for r in rejected)
        assert all("a MinHash candidate (verify: false)" in r["reject"]["detail"] for r in rejected)


def two_sources(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl(record("a1", ARTICLE, source="wire.example"),
                                            record("a2", "Short note about the weather today in the north.")),
                                      encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl(record("b1", ARTICLE + "\nPartager sur Facebook", source="paper.example"),
                                            record("b2", ARTICLE.upper(), source="paper.example")), encoding="utf-8")


def test_input_order_decides_which_copy_stays_never_which_are_copies(tmp_path):
    two_sources(tmp_path)
    _, first, _ = dedup_run(tmp_path, tmp_path / "a.jsonl", "dedup", tmp_path / "b.jsonl", "-j", "1")
    _, second, _ = dedup_run(tmp_path, tmp_path / "b.jsonl", "dedup", tmp_path / "a.jsonl", "-j", "1")
    assert [r["id"] for r in first] == ["b1", "b2"] and all('"a1"' in r["reject"]["detail"] for r in first)
    assert [r["id"] for r in second] == ["b2", "a1"] and all('"b1"' in r["reject"]["detail"] for r in second)
    assert first[1]["reject"]["reason"] == "near_duplicate"          # the same words, shouted


def rules_with(tmp_path, **options):
    lines = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in options.items())
    path = tmp_path / "rules.yaml"
    path.write_text(f"version: 1\nextends: dedup\nsteps:\n  - id: dedup\n{lines}", encoding="utf-8")
    return path


def test_folding_case_makes_a_shouted_copy_an_exact_one(tmp_path):
    two_sources(tmp_path)
    _, plain, _ = dedup_run(tmp_path, tmp_path / "a.jsonl", rules_with(tmp_path, near=False), tmp_path / "b.jsonl")
    _, folded, _ = dedup_run(tmp_path, tmp_path / "a.jsonl", rules_with(tmp_path, near=False, fold=["spaces", "case"]),
                             tmp_path / "b.jsonl")
    assert [r["id"] for r in plain] == ["b1"]
    assert [r["id"] for r in folded] == ["b1", "b2"] and folded[1]["reject"]["reason"] == "duplicate"


def test_scope_source_compares_within_a_source_only(tmp_path):
    two_sources(tmp_path)
    _, rejected, _ = dedup_run(tmp_path, tmp_path / "a.jsonl", rules_with(tmp_path, scope="source"),
                               tmp_path / "b.jsonl")
    assert [r["id"] for r in rejected] == ["b2"]           # b1 and b2 are both paper.example's


def test_action_tag_keeps_every_document_and_names_its_cluster(tmp_path):
    two_sources(tmp_path)
    kept, rejected, _ = dedup_run(tmp_path, tmp_path / "a.jsonl", rules_with(tmp_path, action="tag"),
                                  tmp_path / "b.jsonl")
    assert rejected == [] and len(kept) == 4
    by_id = {r["id"]: r for r in kept}
    assert by_id["a1"]["dup_cluster"] == by_id["b1"]["dup_cluster"] == by_id["b2"]["dup_cluster"]
    assert by_id["a1"]["dup_of"] is None and by_id["b1"]["dup_of"] == "a1" and by_id["b1"]["dup_similarity"] == 1.0
    assert 0.8 <= by_id["b2"]["dup_similarity"] <= 1.0 or by_id["b2"]["dup_of"] == "a1"
    assert "dup_cluster" not in by_id["a2"]


def test_prefer_longest_keeps_the_longest_copy(tmp_path):
    two_sources(tmp_path)
    _, rejected, _ = dedup_run(tmp_path, tmp_path / "b.jsonl", rules_with(tmp_path, prefer="longest", near=False),
                               tmp_path / "a.jsonl")
    # b1 is longer on input, but the same once cleaned: the first of two equal lengths stays
    assert [r["id"] for r in rejected] == ["a1"]


@pytest.mark.parametrize(("options", "message"), [
    ({"scope": "site"}, "scope must be one of corpus, source"),
    ({"prefer": "newest"}, "prefer must be one of first, longest, best_language"),
    ({"fold": ["vowels"]}, "fold must be one of spaces, case, punctuation, digits"),
    ({"exact": False, "near": False}, "exact and near are both off"),
    ({"threshold": 0}, "threshold must be above 0"),
])
def test_a_wrong_option_is_a_rule_error_naming_it(tmp_path, options, message):
    (tmp_path / "in.jsonl").write_text(jsonl(record("a", ARTICLE)), encoding="utf-8")
    result = run_cli("clean", tmp_path / "in.jsonl", "-r", rules_with(tmp_path, **options), "-o", tmp_path / "o.jsonl")
    assert result.returncode == 2 and message in result.stderr.decode()


def test_text_without_spaces_is_cut_in_characters():
    assert units("東京で大雨が降り、電車が止まった。", 5, 3) == ("東京で大雨が降り電車が止まった", 3)
    assert units("รัฐบาลประกาศมาตรการใหม่", 5, 4) == ("รัฐบาลประกาศมาตรการใหม่", 4)     # Thai: its vowel marks kept
    assert units("Москва и Санкт-Петербург", 2, 3) == (["москва", "и", "санкт", "петербург"], 2)
    assert len(shingle_hashes("東京で大雨が降り、電車が止まった。", 5, 3)) == 15 - 3 + 1
    assert len(shingle_hashes("Москва и Санкт-Петербург", 2, 3)) == 3


def test_a_shingle_is_its_words_in_their_order():
    cat = set(shingle_hashes("the cat sat on the mat", 5, 3).tolist())
    assert len(cat) == 2
    assert set(shingle_hashes("The cat, sat on the MAT!", 5, 3).tolist()) == cat       # case and punctuation aside
    assert not set(shingle_hashes("mat the on sat cat the", 5, 3).tolist()) & cat        # the same words reversed
    assert len(shingle_hashes("two words", 5, 3)) == 1 and len(shingle_hashes(" ,; ", 5, 3)) == 0


def test_lsh_split_follows_the_threshold():
    assert lsh_split(0.8, 128) == (9, 13)
    bands, rows = lsh_split(0.5, 128)
    assert rows < 13 and bands * rows <= 128


def test_learning_in_passes_measures_candidates_only():
    step = Dedup()
    docs = [Doc(str(n), text, source="in", line=n) for n, text in enumerate([ARTICLE, ARTICLE.replace("six", "seven"),
                                                                            "Another story entirely, about rail."])]
    seen_passes = []

    def one_pass(earlier):
        seen_passes.append(earlier is not None)
        state = step.nothing_learned()
        for doc in docs:
            state = step.merge(state, step.learn(doc) if earlier is None else step.learn(doc, earlier))
        return state

    learned = learn_in_passes(step, one_pass, ["in"])
    assert seen_passes == [False, True]
    assert learned["verdicts"]["in\t1"][0] == "near_duplicate" and learned["verdicts"]["in\t1"][5] >= 0.8
    assert "in\t2" not in learned["verdicts"]


def test_check_measures_copies_on_cleaned_text_and_gates_on_them(tmp_path):
    planted = write_corpus(tmp_path / "planted.jsonl")
    result = run_cli("check", tmp_path / "planted.jsonl", "--format", "json", "-j", "1")
    assert result.returncode == 1                                     # 5 % of copies is over both defaults
    report = json.loads(result.stdout)
    metrics = report["total"]["metrics"]
    assert metrics["duplicate_rate"] == 0.05 and metrics["near_duplicate_rate"] == 0.05     # 10 + 10 of 200
    failed = {c["name"]: c for c in report["checks"] if not c["passed"]}
    # the dev set's bodies carry tracking parameters: boilerplate too
    assert set(failed) == {"max_duplicate_rate", "max_near_duplicate_rate", "max_boilerplate_rate"}
    examples = failed["max_near_duplicate_rate"]["examples"]
    assert examples and all(e["id"] in planted and "a near copy of" in e["detail"] for e in examples)
    assert {c["copies"][0] for c in report["duplicate_clusters"]} <= planted
    passing = run_cli("check", tmp_path / "planted.jsonl", "--format", "json", "-j", "1",
                      "--set", "max_duplicate_rate=0.06", "--set", "max_near_duplicate_rate=0.06",
                      "--set", "max_boilerplate_rate=0.5")
    assert passing.returncode == 0


def test_check_after_dedup_finds_no_copies_left(tmp_path):
    write_corpus(tmp_path / "planted.jsonl")
    _, _, out = dedup_run(tmp_path, tmp_path / "planted.jsonl", "dedup", "-j", "1")
    report = json.loads(run_cli("check", out, "--format", "json", "-j", "1").stdout)
    assert report["total"]["metrics"]["duplicate_rate"] == 0.0
    assert report["total"]["metrics"]["near_duplicate_rate"] == 0.0


def test_the_report_shows_the_largest_groups_of_copies(tmp_path):
    two_sources(tmp_path)
    page = tmp_path / "report.html"
    assert run_cli("report", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "-o", page).returncode in (0, 1)
    html = page.read_text(encoding="utf-8")
    table = html[html.index('id="copy-clusters"'):]
    assert '<tr data-size="3">' in table and "a1" in table and "b1, b2" in table


@pytest.mark.parametrize("batch_items", [1, 13])
def test_batches_and_jobs_change_nothing_learned_or_written(tmp_path, monkeypatch, batch_items):
    from iohelpers import invoke

    from normalizer.io import corpus as corpus_module
    write_corpus(tmp_path / "planted.jsonl")

    def run(name, *args):
        out, rejects, manifest = (tmp_path / f"{name}.jsonl", tmp_path / f"{name}.rejects.jsonl",
                                  tmp_path / f"{name}.json")
        result = invoke("clean", tmp_path / "planted.jsonl", "-r", "dedup", "-o", out, "--rejects", rejects,
                        "--manifest", manifest, *args)
        assert result.exit_code == 0, result.stderr
        return out.read_bytes(), rejects.read_bytes(), json.loads(manifest.read_text(encoding="utf-8"))["learned"]

    reference = run("reference", "-j", "1")
    monkeypatch.setattr(corpus_module, "BATCH_ITEMS", batch_items)
    for jobs in ("1", "2"):
        assert run(f"b{batch_items}j{jobs}", "-j", jobs) == reference


def test_a_resumed_sharded_run_reuses_the_learned_index(tmp_path, monkeypatch):
    from iohelpers import interrupt_after, invoke

    from normalizer.run import runner
    write_corpus(tmp_path / "planted.jsonl")
    whole, interrupted = tmp_path / "whole", tmp_path / "interrupted"
    for folder in (whole, interrupted):
        args = ("clean", tmp_path / "planted.jsonl", "-r", "dedup", "-o", folder, "--shard-size", "60", "-j", "1")
        assert invoke(*args).exit_code == 0
    interrupt_after(interrupted, 3)

    def no_learning(*args, **kwargs):
        raise AssertionError("a resumed run must not learn again")

    monkeypatch.setattr(runner, "learn_pass", no_learning)
    monkeypatch.setattr(runner, "kept_pass", no_learning)
    resumed = invoke("clean", tmp_path / "planted.jsonl", "-r", "dedup", "-o", interrupted, "--shard-size", "60",
                     "--resume", "-j", "2")
    assert resumed.exit_code == 0, resumed.stderr
    parts = sorted(whole.glob("part-*"))
    assert len(parts) == 8 and all((interrupted / part.name).read_bytes() == part.read_bytes() for part in parts)


README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_readme_example_is_what_a_run_says(tmp_path):
    write_corpus(tmp_path / "planted.jsonl")
    result = run_cli("clean", "planted.jsonl", "-r", "dedup", "-o", "kept.jsonl", "--rejects", "rejects.jsonl",
                     "-j", "1", cwd=tmp_path)
    assert result.returncode == 0
    (copy,) = [r for r in read_jsonl(tmp_path / "rejects.jsonl") if r["id"] == "copy-words-02"]
    assert f"```\n{copy['reject']['detail']}\n```" in README


def test_explain_shows_the_kept_copy_and_the_lines_that_differ(tmp_path):
    write_corpus(tmp_path / "planted.jsonl")
    text = run_cli("explain", "planted.jsonl", "-r", "dedup", "--id", "copy-words-02", "--id", "copy-exact-00",
                   cwd=tmp_path).stdout.decode()
    assert "kept copy: de-02  planted.jsonl:71" in text and "kept copy: en-00  planted.jsonl:1" in text
    assert "the same text once cleaned" in text
    changed = [line for line in text.splitlines() if line.startswith("  + ")]
    assert changed and all("Zanzibar" in line for line in changed)
    record = json.loads(run_cli("explain", "planted.jsonl", "-r", "dedup", "--id", "copy-words-02", "--format",
                                "json", cwd=tmp_path).stdout)
    assert record["kept_copy"]["id"] == "de-02" and record["kept_copy"]["line"] == 71
    assert any(line.startswith("+") and "Zanzibar" in line for line in record["kept_copy"]["differs"])


def test_prefer_best_language_keeps_the_copy_with_the_surest_language():
    step = Dedup(prefer="best_language", near=False)
    docs = [Doc(str(n), ARTICLE, source="in.jsonl", line=n, meta={"lang": "en", "lang_score": score})
            for n, score in enumerate([0.71, 0.99, 0.85], 1)]

    def one_pass(earlier):
        state = step.nothing_learned()
        for doc in docs:
            state = step.merge(state, step.learn(doc))
        return state

    learned = learn_in_passes(step, one_pass, ["in.jsonl"])
    assert [step.apply(doc, learned).reject for doc in docs] == [
        ("duplicate", 'duplicate of "2" (in.jsonl:2)'), None, ("duplicate", 'duplicate of "2" (in.jsonl:2)')]


def test_without_exact_every_copy_is_measured_by_its_true_jaccard(tmp_path):
    planted = write_corpus(tmp_path / "planted.jsonl")
    rules = tmp_path / "near.yaml"
    rules.write_text("version: 1\nextends: dedup\nsteps:\n  - id: dedup\n    exact: false\n", encoding="utf-8")
    _, rejected, _ = dedup_run(tmp_path, tmp_path / "planted.jsonl", rules, "-j", "1")
    assert {r["id"] for r in rejected} == planted
    assert {r["reject"]["reason"] for r in rejected} == {"near_duplicate"}
    assert all(float(r["reject"]["detail"].rsplit("Jaccard ", 1)[1]) >= 0.8 for r in rejected)


@pytest.mark.parametrize("options", [{}, {"verify": False}, {"exact": False}, {"near": False}, {"scope": "source"}])
def test_the_groups_from_shuffled_buckets_are_the_groups_of_one_process(options):
    """What Ray's sharded path relies on (``normalizer.engines.ray_dedup``): the pairs of each
    bucket, joined to its least name, and the entries in a pair alone give the state the whole
    corpus gives."""
    from normalizer.cleaners.dedup import entry_key
    records, _ = planted_corpus()
    step = Dedup(**options)
    learned = step.nothing_learned()
    for number, item in enumerate(records, 1):
        doc = Doc(item["id"], item["text"], source="a.jsonl" if number <= 100 else "b.jsonl", line=number)
        learned = step.merge(learned, step.learn(doc))
    entries = learned["docs"]
    buckets = {}
    for entry in reversed(entries):                         # the order a shuffle gives them in does not matter
        for bucket in step.buckets(entry):
            buckets.setdefault(bucket, set()).add(entry_key(entry))
    pairs = [(min(names), name) for names in buckets.values() for name in names if name != min(names)]
    paired = {name for pair in pairs for name in pair}
    in_pairs = [entry for entry in entries if entry_key(entry) in paired]
    assert len(in_pairs) < len(entries) / 2
    sharded = step.finish_sharded(in_pairs, pairs, len(entries), ["a.jsonl", "b.jsonl"])
    assert sharded == step.finish({"docs": list(entries)}, ["a.jsonl", "b.jsonl"])
    assert sharded["verdicts"] or sharded["pending"]
