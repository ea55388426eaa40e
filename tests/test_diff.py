"""`normalizer diff`: two cleaned outputs of one corpus, compared by id, put down to rules."""

import json

from iohelpers import invoke, jsonl, record

BODY = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine."
V2 = """\
extends: default
steps:
  - use: strip_lines
    id: drop_sources
    before: tidy_after
    patterns: ['^Dépêche ?:']
  - id: strip_share_lines
    enabled: false
  - id: strip_page_furniture          # it would take the share line as the page's tail
    enabled: false
  - id: check_language
    allow: [fr]
"""


def two_runs(tmp_path, *extra):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(jsonl(
        record("same", BODY),
        record("footer", BODY + "\nDépêche : AFP"),
        record("share", BODY + "\nPartager sur Facebook"),
        record("english", "The government presented its budget for next year on Tuesday morning."),
        record("both", BODY + "\nDépêche : Reuters\nPartager sur Facebook"),
    ), encoding="utf-8")
    rules = tmp_path / "v2.yaml"
    rules.write_text(V2, encoding="utf-8")
    paths = {}
    for name, rule_args in (("v1", ()), ("v2", ("-r", rules))):
        out, rejects = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.rejects.jsonl"
        assert invoke("clean", corpus, *rule_args, "-o", out, "--rejects", rejects, "-j", "1", *extra).exit_code == 0
        paths[name] = (out, rejects)
    return paths


def test_identical_outputs_exit_0(tmp_path):
    paths = two_runs(tmp_path)
    result = invoke("diff", paths["v1"][0], paths["v1"][0])
    assert result.exit_code == 0 and "identical: 5 documents" in result.stdout


def test_diff_names_each_change_and_the_rule_behind_it(tmp_path):
    paths = two_runs(tmp_path)
    result = invoke("diff", paths["v1"][0], paths["v2"][0], "--before-rejects", paths["v1"][1],
                    "--after-rejects", paths["v2"][1])
    assert result.exit_code == 1
    out = result.stdout
    assert "BEFORE" in out and "5 kept, 0 rejected" in out and "4 kept, 1 rejected" in out
    assert "1 unchanged; 3 text changed, 1 newly rejected" in out
    assert "── footer: text changed (now changed by drop_sources)" in out
    assert "  - Dépêche : AFP   [drop_sources]" in out
    assert "── share: text changed (no longer by strip_share_lines)" in out
    assert "  + Partager sur Facebook   [strip_share_lines]" in out
    assert "── english: newly rejected (before: kept; after: rejected by check_language: language_not_allowed)" in out
    assert "── both: text changed (now changed by drop_sources; no longer by strip_share_lines)" in out
    assert "  - Dépêche : Reuters   [drop_sources]\n  + Partager sur Facebook   [strip_share_lines]" in out


def test_a_line_two_new_rules_could_explain_is_unattributed_without_an_edit_log():
    from normalizer.review.diff import UNATTRIBUTED, blame
    assert blame("Dépêche : AFP", None, ["drop_sources", "strip_related"]) == UNATTRIBUTED
    assert blame("Dépêche : AFP", [{"step": "strip_related", "old": "x\nDépêche : AFP\n"}],
                 ["drop_sources", "strip_related"]) == "strip_related"


def test_diff_json_counts_per_rule_and_edit_logs_attribute_every_line(tmp_path):
    paths = two_runs(tmp_path, "--with-edits")
    result = invoke("diff", paths["v1"][0], paths["v2"][0], "--before-rejects", paths["v1"][1],
                    "--after-rejects", paths["v2"][1], "--format", "json")
    report = json.loads(result.stdout)
    assert report["counts"]["changed"] == 3 and report["counts"]["newly_rejected"] == 1
    by_rule = report["by_rule"]
    assert by_rule["drop_sources"] == {"docs_newly_changed": 2, "lines_removed": 2}
    assert by_rule["strip_share_lines"] == {"docs_no_longer_changed": 2, "lines_restored": 2}
    assert by_rule["check_language"] == {"docs_newly_rejected": 1}
    both = next(c for c in report["changes"] if c["id"] == "both")
    assert both["lines_removed"] == [{"line": "Dépêche : Reuters", "step": "drop_sources"}]


def test_only_on_one_side_and_duplicate_ids(tmp_path):
    before, after = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    before.write_text(jsonl(record("x", BODY), record("y", BODY), record("y", BODY + " Deux.")), encoding="utf-8")
    after.write_text(jsonl(record("x", BODY), record("y", BODY), record("z", BODY)), encoding="utf-8")
    report = json.loads(invoke("diff", before, after, "--format", "json").stdout)
    kinds = {c["id"]: c["kind"] for c in report["changes"]}
    assert kinds == {"y#2": "only_before", "z": "only_after"}
    assert invoke("diff", before, tmp_path / "missing.jsonl").exit_code == 3


def test_sharded_output_directories_compare_whole_and_bad_lines_are_named(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(jsonl(*(record(i, BODY + ("\nPartager sur Facebook" if i % 2 else "")) for i in range(7))),
                      encoding="utf-8")
    for name in ("a", "b"):
        assert invoke("clean", corpus, "-o", tmp_path / name, "--shard-size", "3", "-j", "1").exit_code == 0
    assert (tmp_path / "a" / "_state.json").exists()
    result = invoke("diff", tmp_path / "a", tmp_path / "b")
    assert result.exit_code == 0 and "identical: 7 documents" in result.stdout and "no text" not in result.stdout
    broken = tmp_path / "broken.jsonl"
    broken.write_text(jsonl(record("x", BODY)) + "{not json\n", encoding="utf-8")
    result = invoke("diff", broken, broken)
    assert "2 record(s) with no text to compare" in result.stdout and "broken.jsonl:2: json_decode_error" in result.stdout


def test_a_line_is_blamed_only_on_an_edit_that_removed_that_whole_line():
    from normalizer.review.diff import UNATTRIBUTED, blame
    assert blame("Share", [{"step": "strip_share_lines", "old": "Share prices fell\n"}], []) == UNATTRIBUTED
    assert blame("Share", [{"step": "strip_share_lines", "old": "Body\nShare\n"}], []) == "strip_share_lines"


def test_a_line_changed_in_place_is_put_down_to_its_rule_on_both_sides(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(jsonl(record("url", BODY + "\nLe rapport : https://example.org/r?utm_source=nl&page=2")),
                      encoding="utf-8")
    rules = tmp_path / "v2.yaml"
    rules.write_text("extends: default\nsteps:\n  - id: strip_tracking_params\n    enabled: false\n", encoding="utf-8")
    outputs = []
    for name, extra in (("v1", ()), ("v2", ("-r", rules))):
        out = tmp_path / f"{name}.jsonl"
        assert invoke("clean", corpus, *extra, "-o", out, "--with-edits", "-j", "1").exit_code == 0
        outputs.append(out)
    report = json.loads(invoke("diff", *outputs, "--format", "json").stdout)
    (change,) = report["changes"]
    assert [entry["step"] for entry in change["lines_removed"] + change["lines_restored"]] == \
        ["strip_tracking_params", "strip_tracking_params"]


def run_twice(tmp_path, text, v2_rules):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(jsonl(record("doc", text)), encoding="utf-8")
    rules = tmp_path / "v2.yaml"
    rules.write_text(v2_rules, encoding="utf-8")
    outputs = []
    for name, extra in (("v1", ()), ("v2", ("-r", rules))):
        out = tmp_path / f"{name}.jsonl"
        assert invoke("clean", corpus, *extra, "-o", out, "--with-edits", "-j", "1").exit_code == 0
        outputs.append(out)
    (change,) = json.loads(invoke("diff", *outputs, "--format", "json").stdout)["changes"]
    return ([(entry["line"], entry["step"]) for entry in change["lines_removed"]],
            [(entry["line"], entry["step"]) for entry in change["lines_restored"]])


URL = "https://example.org/a?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&fbclid=IwAR0xyz"


def test_a_line_mostly_made_of_tracking_parameters_is_one_change_the_edit_log_proves(tmp_path):
    removed, restored = run_twice(tmp_path, BODY + "\n" + URL,
                                  "extends: default\nsteps:\n  - id: strip_tracking_params\n    enabled: false\n")
    assert removed == [("https://example.org/a", "strip_tracking_params")]
    assert restored == [(URL, "strip_tracking_params")]


def test_lines_of_two_rules_switched_off_are_each_put_down_to_their_own(tmp_path):
    removed, restored = run_twice(tmp_path, BODY + "\nLe rapport : " + URL + "\nPartager sur Facebook",
                                  "extends: default\nsteps:\n  - id: strip_tracking_params\n    enabled: false\n"
                                  "  - id: strip_share_lines\n    enabled: false\n"
                                  "  - id: strip_page_furniture\n    enabled: false\n")
    assert removed == [("Le rapport : https://example.org/a", "strip_tracking_params")]
    assert sorted(restored) == [("Le rapport : " + URL, "strip_tracking_params"),
                                ("Partager sur Facebook", "strip_share_lines")]


def test_an_edit_pairs_lines_only_when_it_turns_one_into_the_other():
    from normalizer.review.diff import paired_by_edits
    edits = [("?utm_source=a", "", "strip_tracking_params")]
    pairs, olds, news = paired_by_edits(["https://x.org/p?utm_source=a", "Une autre ligne"], ["https://x.org/p"],
                                        edits, [])
    assert pairs == [("https://x.org/p?utm_source=a", "https://x.org/p", "strip_tracking_params")]
    assert olds == ["Une autre ligne"] and news == []
    pairs, olds, news = paired_by_edits(["https://x.org/p?utm_source=a"], ["https://y.org/q"], edits, [])
    assert pairs == [] and olds == ["https://x.org/p?utm_source=a"] and news == ["https://y.org/q"]
