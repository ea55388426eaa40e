"""Quality signals and the quality filter: hand-computed values, fractions that stay in [0, 1],
script-aware counts, thresholds per language with their sources, tag and reject alike, -r quality."""

import json
import math
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.api import clean_records
from normalizer.core.errors import RuleError
from normalizer.core.speed import reference_implementation
from normalizer.rules.loader import load_rules
from normalizer.text.signals import FRACTIONS, SIGNALS, signals, units
from normalizer.text.thresholds import languages, quality_dir, table_for

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENGLISH_STOP_WORDS = table_for("en").stop_words

# Every value below was worked out by hand from the formulas in the README (see the comments).
HAND_TEXT = "The cat sat.\nThe cat sat.\n\n- A dog ran...\n#pets"
HAND_SIGNALS = {
    "chars": 36,                         # 10 + 10 + (1 + 1 + 3 + 6) + 5
    "words": 11,                         # The cat sat. The cat sat. - A dog ran... #pets
    "mean_word_length": 2.9,             # the cat sat the cat sat a dog ran pets: 29 characters / 10 words
    "symbol_word_ratio": 0.0909,         # max(one '#', one '...') / 11
    "ellipsis_line_frac": 0.25,          # 1 of 4 non-blank lines
    "bullet_line_frac": 0.25,            # "- A dog ran..."
    "terminal_punct_line_frac": 0.75,    # all but "#pets"
    "short_line_frac": 1.0,
    "dup_line_frac": 0.25,               # the second "The cat sat."
    "dup_line_char_frac": 0.2791,        # 12 / (12 + 12 + 14 + 5)
    "dup_para_frac": 0.0,
    "dup_para_char_frac": 0.0,
    "top_2gram_char_frac": 0.4138,       # "the cat" twice: 12 of the 29 characters of words
    "top_3gram_char_frac": 0.6207,       # "the cat sat" twice: 18 / 29
    "top_4gram_char_frac": 0.0,          # no 4-gram repeats
    "stop_words": 2,                     # "the" twice, of Gopher's eight
    "stop_word_frac": 0.1818,            # 2 / 11
    "alpha_word_frac": 0.9091,           # all but "-"
    "lang_score": 0.97,
}


@pytest.mark.parametrize("mode", ["shortcuts", "reference"])
def test_hand_computed_signals_match_exactly(mode):
    with reference_implementation(mode == "reference"):
        assert signals(HAND_TEXT, ENGLISH_STOP_WORDS, 0.97) == HAND_SIGNALS
    assert list(HAND_SIGNALS) == list(SIGNALS)


def test_text_without_spaces_is_counted_in_characters_and_a_repeating_ngram_counts_its_cover_once():
    japanese = signals("東京で雨が降った。東京で雨が降った。")
    assert japanese["words"] == 18 and japanese["chars"] == 18 and japanese["mean_word_length"] is None
    thai = units("ที่ประชุม")                  # a base character carries its marks
    assert thai == ["ที่", "ป", "ร", "ะ", "ชุ", "ม"]
    looping = signals("buy now buy now buy now")
    assert looping["top_3gram_char_frac"] == round(15 / 18, 4)       # counted per occurrence it would be 18 / 18 * 2


def test_no_repeated_ngram_has_no_top_ngram_share():
    assert signals("One two three four five six seven.")["top_2gram_char_frac"] == 0.0


TEXTS = st.text(alphabet=st.sampled_from(list("ab c.\n\n…#-•東京ทีà") + [" ", "\n", "\t", "。"]), max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_fraction_stays_within_zero_and_one(text):
    found = signals(text, frozenset({"a", "東"}), 0.5)
    for name in FRACTIONS:
        assert found[name] is None or 0.0 <= found[name] <= 1.0, (name, found[name], text)
    assert found["words"] >= 0 and found["chars"] >= found["words"] - text.count("\u0e35")


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", "one line", "\n\nline\n\n", "...", "#"])
def test_edge_texts_have_fractions_in_range(text):
    found = signals(text)
    assert all(found[name] is None or 0.0 <= found[name] <= 1.0 for name in FRACTIONS)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_the_fast_units_are_the_reference_units(text):
    with reference_implementation():
        expected = signals(text, frozenset({"a"}))
    assert signals(text, frozenset({"a"})) == expected


def naive_dup_line_frac(text):
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    counts = Counter(lines)
    return round(sum(count - 1 for count in counts.values()) / len(lines), 4) if lines else 0.0


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_duplicate_lines_are_the_occurrences_after_the_first(text):
    assert signals(text)["dup_line_frac"] == naive_dup_line_frac(text)


# -- thresholds per language ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["default", *languages()])
def test_each_quality_file_flags_its_examples_and_keeps_its_prose(lang):
    data = yaml.safe_load((quality_dir() / f"{lang}.yaml").read_text(encoding="utf-8"))
    table = table_for(None if lang == "default" else lang)
    for example in data["examples"]["flag"]:
        flagged = sorted(flag.split(" ")[0] for flag in table.flags(signals(example["text"], table.stop_words)))
        assert flagged == sorted(example["signals"])
    for prose in data["examples"]["keep"]:
        assert table.flags(signals(prose, table.stop_words)) == []
    assert all(bound.source for bound in table.bounds), "every threshold says where it comes from"


def test_a_flag_names_the_signal_its_value_the_threshold_and_whose_it_is():
    text = "Le conseil a voté.\nLe conseil a voté.\nLe conseil a voté.\nLe maire est parti."
    flags = table_for("fr").flags(signals(text, table_for("fr").stop_words))
    assert "dup_line_frac 0.5 > 0.264 (fr)" in flags


def test_an_unknown_signal_in_a_step_is_a_rule_error_naming_the_close_one(tmp_path):
    rules = tmp_path / "q.yaml"
    rules.write_text("version: 1\nsteps:\n  - use: quality_filter\n    thresholds: {dup_line_fraction: {max: 0.2}}\n")
    with pytest.raises(RuleError) as error:
        load_rules(str(rules))
    assert "dup_line_frac" in str(error.value) and "q.yaml" in str(error.value)


def test_a_users_quality_folder_stands_for_the_shipped_files(tmp_path):
    (tmp_path / "fr.yaml").write_text("version: 1\nlanguage: fr\nstop_words: [conseil]\n"
                                      "thresholds:\n  dup_line_frac: {max: 0.9, source: ours}\n")
    ours = table_for("fr", tmp_path)
    assert ours.stop_words == frozenset({"conseil"})
    assert [b for b in ours.bounds if b.signal == "dup_line_frac"][0].limit == 0.9
    assert [b.limit for b in ours.bounds if b.signal == "words"] == [100000, 50]   # the shipped default.yaml applies


# -- through the runner ----------------------------------------------------------------------------------------

JAPANESE = ("市議会は月曜日の夜、六時間を超える議論の末に来年度の予算案を可決した。計画には二つの橋の補修、"
            "市の北部での新しい図書館の建設、利用者の多い路線でのバスの増便が含まれている。")
THAI = ("สภาเทศบาลอนุมัติงบประมาณสำหรับปีหน้าเมื่อคืนวันจันทร์ หลังจากการอภิปรายนานกว่าหกชั่วโมง "
        "แผนดังกล่าวรวมถึงการซ่อมสะพานสองแห่ง การสร้างห้องสมุดแห่งใหม่ทางตอนเหนือของเมือง")
ENGLISH = ("The city council approved the new budget on Monday after a debate that lasted more than six hours. "
           "The plan sets aside money for the repair of two bridges, a new library in the northern district and "
           "more frequent buses on the busiest lines. Opposition members said the spending was too high.")
SPAM = "Buy now and save!\nBuy now and save!\nBuy now and save!\nFree shipping on every order today."
RECORDS = [{"id": "ja", "text": JAPANESE}, {"id": "th", "text": THAI}, {"id": "en", "text": ENGLISH},
           {"id": "spam", "text": SPAM}]


def cleaned(rules):
    """The kept records and the rejected ones."""
    records = list(clean_records(RECORDS, rules=rules))
    return [r for r in records if "reject" not in r], [r for r in records if "reject" in r]


def rules_file(tmp_path, action, min_words=0):
    path = tmp_path / f"{action}-{min_words}.yaml"
    path.write_text(f"version: 1\nextends: quality\nsteps:\n  - id: quality_filter\n    action: {action}\n"
                    f"  - id: reject_short\n    min_words: {min_words}\n")
    return str(path)


def test_japanese_and_thai_articles_pass_the_word_count_rules(tmp_path):
    kept, rejects = cleaned(load_rules(rules_file(tmp_path, "reject", min_words=50)))
    assert {"ja", "th", "en"} <= {record["id"] for record in kept}, [r["reject"] for r in rejects]
    assert all(len(record["text"].split()) < 50 for record in kept if record["id"] in ("ja", "th"))


def test_tag_and_reject_compute_the_same_signals_and_reject_names_the_threshold(tmp_path):
    tagged, none = cleaned(load_rules(rules_file(tmp_path, "tag")))
    kept, rejects = cleaned(load_rules(rules_file(tmp_path, "reject")))
    by_id = {record["id"]: record for record in tagged}
    assert not none and by_id["spam"]["quality_flags"] and by_id["en"]["quality_flags"] == []
    for record in [*kept, *rejects]:
        assert record["signals"] == by_id[record["id"]]["signals"]
    (spam,) = rejects
    assert spam["reject"]["reason"] == "low_quality"
    assert "dup_line_frac 0.5 > 0.3 (en)" in spam["reject"]["detail"]
    assert spam["reject"]["detail"] == "; ".join(by_id["spam"]["quality_flags"])


def test_the_shipped_quality_rules_tag_and_never_drop(tmp_path):
    kept, rejects = cleaned(load_rules("quality"))
    assert not rejects and len(kept) == len(RECORDS)
    assert all(set(record) >= {"signals", "quality_flags"} for record in kept)


def test_every_signal_and_default_threshold_is_in_the_readme():
    for name in SIGNALS:
        assert f"| `{name}` |" in README, f"signal {name} is missing from the README's table"
    for bound in table_for(None).bounds:
        assert f"`{bound.signal}`" in README


def test_signals_are_json_numbers_or_null():
    found = signals(ENGLISH, ENGLISH_STOP_WORDS)
    assert json.loads(json.dumps(found)) == found
    assert all(value is None or (isinstance(value, (int, float)) and math.isfinite(value)) for value in found.values())


def test_the_readme_shows_the_reject_detail_it_gets(tmp_path):
    kept, rejects = cleaned(load_rules(rules_file(tmp_path, "reject")))
    (spam,) = rejects
    assert f"\n{spam['reject']['detail']}\n" in README


def test_a_broken_file_in_a_users_quality_folder_is_a_rule_error_when_the_rules_load(tmp_path):
    folder = tmp_path / "qd"
    folder.mkdir()
    (folder / "de.yaml").write_text("version: 1\nthresholds: [oops\n", encoding="utf-8")
    rules = tmp_path / "q.yaml"
    rules.write_text(f"version: 1\nextends: quality\nsteps:\n  - id: quality_filter\n    quality_dir: {folder}\n")
    with pytest.raises(RuleError) as error:
        load_rules(str(rules))
    assert "de.yaml:3" in str(error.value)
    (folder / "de.yaml").write_text("version: 1\nthresholds: {words: {min: 100, max: 10}}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="min 100 is above max 10"):
        load_rules(str(rules))


def test_a_filter_with_its_own_folder_counts_stop_words_with_its_own_lists(tmp_path):
    from normalizer.cleaners.quality_filter import QualityFilter
    from normalizer.core.document import Doc
    (tmp_path / "pl.yaml").write_text("version: 1\nlanguage: pl\nstop_words: [w, do, na]\n", encoding="utf-8")
    text = "Rada miasta w poniedziałek przyjęła budżet na rok do końca grudnia w ratuszu."
    recorded = signals(text)                      # what quality_signals recorded without a list for pl
    outcome = QualityFilter(action="tag", quality_dir=str(tmp_path)).apply_to(
        Doc("pl", text, meta={"lang": "pl", "signals": recorded}))
    assert not [flag for flag in outcome.meta["quality_flags"] if flag.startswith("stop_words")]


def test_scripts_without_spaces_have_no_mean_word_length_and_flags_say_whose_threshold():
    khmer = "ក្រុមប្រឹក្សាក្រុងបានអនុម័តថវិកាសម្រាប់ឆ្នាំក្រោយ។"
    found = signals(khmer)
    assert found["mean_word_length"] is None and found["terminal_punct_line_frac"] == 1.0
    flags = table_for("lo").flags({**signals("ສະພາ"), "words": 1234567})
    assert "words 1234567 > 100000 (default for lo)" in flags
