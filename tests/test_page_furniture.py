"""strip_page_furniture's model and strip_site_template in a real run (the cases of each rule are
in tests/cases/; realdev's numbers come from benchmarks/realdev.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from iohelpers import invoke, jsonl, read_jsonl

from normalizer.cleaners.strip_page_furniture import StripPageFurniture
from normalizer.core.errors import RuleError
from normalizer.detect.page_model import cached_model, load_page_model
from normalizer.io import corpus as corpus_module
from normalizer.rules.loader import load_rules
from normalizer.text.page_lines import FEATURES, line_features, page_shape

PARAGRAPHS = ["The city council approved the new budget on Monday after a debate of more than six hours.",
              "Rail workers called off Monday's strike after talks that lasted through the night, the union said.",
              "The city museum reopens on Saturday after two years of building work on its roof and halls."]


def test_the_shipped_model_scores_as_scikit_learn_did_when_it_was_fitted():
    model = load_page_model()
    assert model.checks, "the model file carries rows scikit-learn scored"
    scores = model.scores([check["features"] for check in model.checks])
    assert scores == pytest.approx([check["score"] for check in model.checks], abs=1e-9)
    assert len({round(score, 3) for score in scores}) > 3          # the rows are not all alike
    assert all(0.5 <= value <= 1.0 for value in model.thresholds) and model.fitted["held_out"]


def test_a_model_fitted_on_other_features_is_refused_by_name(tmp_path):
    spec = json.loads(Path(load_page_model().source).read_text(encoding="utf-8"))
    spec["features"] = spec["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    cached_model.cache_clear()
    with pytest.raises(RuleError, match=r"old\.json: the model was fitted on other features"):
        StripPageFurniture(model=str(path))
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.json: the page model is not JSON"):
        StripPageFurniture(model=str(tmp_path / "bad.json"))
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(RuleError, match=r"list\.json: not a page model \(format 'list'"):
        StripPageFurniture(model=str(tmp_path / "list.json"))
    spec["features"] = list(FEATURES)
    for name, broken in (("no-thresholds", {key: value for key, value in spec.items() if key != "thresholds"}),
                         ("bad-node", {**spec, "trees": [{**spec["trees"][0], "left": [99] * len(spec["trees"][0]["left"])}]})):
        (tmp_path / f"{name}.json").write_text(json.dumps(broken), encoding="utf-8")
        with pytest.raises(RuleError, match=rf"{name}\.json: not a page model this version can read"):
            StripPageFurniture(model=str(tmp_path / f"{name}.json"))
    with pytest.raises(RuleError, match=r"missing\.json: cannot read the page model"):
        StripPageFurniture(model=str(tmp_path / "missing.json"))


def test_features_are_computed_for_every_line_in_their_declared_order():
    lines = [PARAGRAPHS[0], "Most read", "Man arrested after crash", "Contact us"]
    rows = line_features(lines, page_shape(lines))
    assert len(rows) == 4 and all(len(row) == len(FEATURES) for row in rows)
    prose, after = FEATURES.index("prose"), FEATURES.index("prose_after")
    assert [row[prose] for row in rows] == [1.0, 0.0, 0.0, 0.0]
    assert [row[after] for row in rows[1:]] == [0.0, 0.0, 0.0]       # all after the last paragraph


def test_without_the_model_only_the_tail_goes_and_the_note_names_its_label():
    page = f"{PARAGRAPHS[0]}\nMan arrested after crash on the ring road\n{PARAGRAPHS[1]}\nMost read\nSchool closes\nContact us"
    outcome = StripPageFurniture(model=None)(page)
    assert outcome.text == f"{PARAGRAPHS[0]}\nMan arrested after crash on the ring road\n{PARAGRAPHS[1]}"
    (edit,) = outcome.edits
    assert edit.note == ("page furniture after the article's last paragraph: from 'Most read' (the label 'most read') "
                         "to the end of the page")


def test_lines_the_model_takes_just_before_a_labelled_tail_are_noted_apart_from_it():
    page = f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}\nShop our deals\nNewsletter sign-up\nMost read\nStorm hits the coast"
    (edit,) = StripPageFurniture(threshold=0.3)(page).edits
    scored, tail = edit.note.split("; then the tail ")
    assert scored.startswith("page furniture after the article's last paragraph (2 lines, scores 0.")
    assert tail == "from 'Most read' (the label 'most read') to the end of the page"


def test_a_line_the_model_removes_names_its_score_and_place():
    page = f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}\nMan arrested after crash on the ring road\nContact us\nPrivacy policy"
    outcome = StripPageFurniture(threshold=0.5)(page)
    assert outcome.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    (edit,) = outcome.edits
    assert edit.note.startswith("page furniture after the article's last paragraph (3 lines, scores 0.")
    assert edit.note.endswith("; a line alone from 0.50)")


def test_a_tail_without_a_label_goes_whole_when_its_mean_is_high_and_one_line_would_go_alone():
    page = f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}\nMan arrested after crash on the ring road\nContact us\nPrivacy policy"
    lines = page.split("\n")
    scores = load_page_model().scores(line_features(lines, page_shape(lines)))
    mean, highest = sum(scores[2:]) / 3, max(scores[2:])
    assert highest - mean > 0.02
    line = round(highest - 0.0005, 4)                       # the highest line goes alone, the others not
    alone = StripPageFurniture(threshold=line, tail_threshold=round(mean + 0.005, 2))(page)
    assert len(alone.edits) == 1 and alone.edits[0].note.startswith("page furniture after the article's last "
                                                                    "paragraph (score ")
    cut = StripPageFurniture(threshold=line, tail_threshold=round(mean - 0.005, 2))(page)
    assert cut.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    (edit,) = cut.edits
    assert edit.note == (f"page furniture after the article's last paragraph: 3 lines, mean score {mean:.2f} "
                         f">= {round(mean - 0.005, 2):.2f}, the highest {highest:.2f} >= {line:.2f}")
    no_witness = StripPageFurniture(threshold=round(highest + 0.0005, 4), tail_threshold=0.01)(page)
    assert no_witness.text == page          # a high mean alone is not enough: no line is surely furniture
    body_list = f"{PARAGRAPHS[0]}\nThe three winners were, in this order, as follows:\n- Anna Berg\n- Tom Lee"
    assert StripPageFurniture(threshold=0.01, tail_threshold=0.01)(body_list).text.endswith(
        "\n- Anna Berg\n- Tom Lee")                                   # an announced list is not removable


def test_the_head_goes_from_the_top_while_each_line_scores_enough_and_a_run_between_paragraphs_as_a_whole():
    lines = ["Home", "News", "Sport", "Council approves the budget", PARAGRAPHS[0], "Advertisement",
             "Shop our deals", "Newsletter sign-up", PARAGRAPHS[1]]
    scores = load_page_model().scores(line_features(lines, page_shape(lines)))
    head, run = min(scores[:3]), sum(scores[5:8]) / 3
    assert scores[3] < head - 0.01 and max(scores[3:5]) < run - 0.01      # the title and the paragraph score low
    witness = round(max(scores[5:8]) - 0.0005, 4)          # the run's highest line would go alone
    assert witness > max(scores[3:5]) + 0.01
    step = StripPageFurniture(threshold=witness, tail_threshold=1.0, head_threshold=round(head - 0.005, 3),
                              between_threshold=round(run - 0.005, 3))
    outcome = step("\n".join(lines))
    assert outcome.text == "\n".join(["Council approves the budget", PARAGRAPHS[0], PARAGRAPHS[1]])
    head_note, run_note = (edit.note for edit in outcome.edits)
    assert head_note.startswith("page furniture before the article's first paragraph (3 lines, scores ")
    assert head_note.endswith(f"the head goes from the top while each line scores {round(head - 0.005, 3):.2f}, "
                              f"a line alone from {witness:.2f})")
    assert run_note.startswith("page furniture between paragraphs (3 lines, scores ")
    assert f"a run between paragraphs goes from a mean of {round(run - 0.005, 3):.2f}" in run_note
    higher = StripPageFurniture(threshold=1.0, tail_threshold=1.0, head_threshold=round(scores[1] + 0.005, 3),
                                between_threshold=round(run + 0.005, 3))("\n".join(lines))
    assert higher.text == "\n".join(lines[1:])            # "News" scores less: the head stops above it


def test_a_text_of_more_lines_than_a_page_has_is_left_alone():
    lines = [PARAGRAPHS[0]] + ["Most read", "Man arrested after crash"] * 2600
    text = "\n".join(lines)
    assert StripPageFurniture()(text).text == text
    assert StripPageFurniture()("\n".join(lines[:3])).text == PARAGRAPHS[0]      # the same tail on a page goes


def test_the_fast_rules_keep_the_tail_rule_without_the_model():
    step = {step.id: step for step in load_rules("fast").steps}["strip_page_furniture"]
    assert step.cleaner.model is None
    assert {step.id: step for step in load_rules("default").steps}["strip_page_furniture"].cleaner.model


def site_corpus(tmp_path):
    pages = [f"Example News\nHome | World | Sport\n{text}\nMore from Example News\n© Example News Ltd"
             for text in PARAGRAPHS]
    records = [{"id": f"p{number}", "text": text, "source": "news.example"} for number, text in enumerate(pages)]
    records.append({"id": "other", "text": f"{PARAGRAPHS[0]}\nMore from Example News", "source": "other.example"})
    path = tmp_path / "pages.jsonl"
    path.write_text(jsonl(*records), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_sites_rules_learn_each_sites_template_and_cite_it(tmp_path, jobs):
    source, out = site_corpus(tmp_path), tmp_path / "out.jsonl"
    result = invoke("clean", source, "-r", "sites", "-o", out, "--with-edits", "-j", jobs)
    assert result.exit_code == 0, result.stderr
    kept = {record["id"]: record for record in read_jsonl(out)}
    assert [kept[f"p{number}"]["text"] for number in range(3)] == PARAGRAPHS
    assert kept["other"]["text"] == f"{PARAGRAPHS[0]}\nMore from Example News"     # another site: nothing learned
    notes = {edit["note"] for edit in kept["p1"]["edits"] if edit["step"] == "strip_site_template"}
    assert notes == {"site template: these lines occur in 3 of 3 documents from news.example"}


def test_the_sites_rules_give_the_same_bytes_whatever_the_jobs_and_the_batches(tmp_path, monkeypatch):
    source = site_corpus(tmp_path)
    outputs, learned = [], []
    for jobs, batch in (("1", 1), ("2", 2), ("2", 256)):
        monkeypatch.setattr(corpus_module, "BATCH_ITEMS", batch)
        out, manifest = tmp_path / f"out-{jobs}-{batch}.jsonl", tmp_path / f"m-{jobs}-{batch}.json"
        assert invoke("clean", source, "-r", "sites", "-o", out, "--manifest", manifest, "-j", jobs).exit_code == 0
        outputs.append(out.read_bytes())
        learned.append(json.loads(manifest.read_text(encoding="utf-8"))["learned"])
    assert outputs[0] == outputs[1] == outputs[2] and learned[0] == learned[1] == learned[2]
    assert "strip_site_template" in learned[0]


def test_rule_examples_run_through_a_chain_that_learns():
    """The whole-chain examples of `-r sites` learn from the example itself (nothing to compare
    with: the template step keeps every line), as a single step's examples do."""
    result = invoke("rules", "test", "sites")
    assert result.exit_code == 0, result.stdout
    assert "0 failed" in result.stdout


def test_thresholds_without_the_model_and_an_unknown_model_name_are_refused_with_the_way_out():
    with pytest.raises(ValueError, match=r"^threshold, head_threshold need the model: with model: null"):
        StripPageFurniture(model=None, threshold=0.9, head_threshold=0.8)
    with pytest.raises(RuleError, match=r"unknown page model 'page_furnitur': the shipped ones are page_furniture;"):
        StripPageFurniture(model="page_furnitur")


def test_a_block_judged_as_a_whole_keeps_the_lines_the_model_takes_for_body():
    from normalizer.cleaners.strip_page_furniture import BODY_SCORE, furniture_positions
    from normalizer.detect.page_model import Thresholds
    lines = [PARAGRAPHS[0], "Home", "News", "Sport", "Council approves the budget", PARAGRAPHS[1],
             "Storm warning for the coast", "Contact us", "Rail strike called off"]
    shape = page_shape(lines)
    scores = [0.0, 0.99, 0.99, 0.99, BODY_SCORE - 0.1, 0.0, 0.99, 0.99, BODY_SCORE - 0.2]
    found = furniture_positions(lines, shape, scores, Thresholds(line=0.99, tail=0.7, between=0.7, head=1.0))
    assert found.tail == 6 and sorted(found.doomed) == [1, 2, 3, 6, 7]     # the title and the last teaser stay


def test_the_head_rule_never_takes_the_three_worded_lines_above_the_first_paragraph():
    from normalizer.cleaners.strip_page_furniture import furniture_positions
    from normalizer.detect.page_model import Thresholds
    lines = ["Home", "News", "Sport", "Council approves the budget", "|  |", "By the city desk", "Monday",
             PARAGRAPHS[0], PARAGRAPHS[1]]
    shape = page_shape(lines)
    found = furniture_positions(lines, shape, [0.99] * 7 + [0.0, 0.0], Thresholds(line=1.0, tail=1.0, between=1.0,
                                                                                 head=0.5))
    assert sorted(found.doomed) == [0, 1, 2]        # the title, the byline and the date stay; "|  |" has no word
