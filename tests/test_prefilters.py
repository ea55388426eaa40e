"""The line rules look only at lines that can match: proof that the shortcuts change nothing.

strip_related and strip_share_lines ask a phrase trigger which lines hold one of their
phrases; strip_stray_letters skips text with no Greek or Cyrillic and lines with no
look-alike before a determiner. Each is compared with the rule looking at every line;
the other shortcuts, with the code they replaced.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.cleaners import strip_stray_letters as stray
from normalizer.cleaners.strip_related import StripRelated
from normalizer.cleaners.strip_share_lines import StripShareLines
from normalizer.core.speed import reference_implementation
from normalizer.text.vocab import PhraseTrigger, load_vocabulary

ROOT = Path(__file__).parent


def corpus() -> list[str]:
    texts = []
    for name in ("devset/devset.jsonl", "holdout/holdout.jsonl"):
        texts += [json.loads(line)["text"] for line in (ROOT / name).read_text("utf-8").splitlines()]
    texts += [path.read_text("utf-8") for path in sorted((ROOT.parent / "rules" / "prose").glob("*.txt"))]
    shouted = [text.upper() for text in texts[::3]]                  # "LIRE AUSSI", "BUNLARI DA OKUYUN"
    spaced = [text.replace(" ", "\u00a0 ").replace("'", "’") for text in texts[::4]]
    return texts + shouted + spaced


def every_line(self, text):
    return list(range(text.count("\n") + 1))


@pytest.mark.parametrize("cleaner", [StripRelated, StripShareLines])
def test_looking_only_at_trigger_lines_changes_nothing(monkeypatch, cleaner):
    step = cleaner()
    texts = corpus()
    fast = [step(text) for text in texts]
    assert sum(outcome.text != text for outcome, text in zip(fast, texts)) > 50
    monkeypatch.setattr(PhraseTrigger, "lines", every_line)
    assert [step(text) for text in texts] == fast


def test_the_trigger_finds_a_phrase_in_any_case_spacing_or_apostrophe():
    trigger = PhraseTrigger(["Lire aussi", "bunları da okuyun", "l'essentiel", "関連記事"])
    text = "Titre\nLIRE\u00a0  AUSSI : x\nBUNLARI DA OKUYUN\nL’ESSENTIEL\n本文\n【関連記事】\nfin"
    assert trigger.lines(text) == [1, 2, 3, 5]
    assert trigger.lines("Rien à voir.\nLire la suite.") == []


def test_every_shipped_phrase_triggers_on_its_own_line():
    vocab = load_vocabulary()
    for phrases in (vocab.related, vocab.share, vocab.newsletter_words):
        trigger = PhraseTrigger(phrases)
        for phrase in phrases:
            assert trigger.lines(f"Body.\n{phrase.upper()}\n") == [1], phrase


WORDS = ["Ο", "O", "C", "С", "B", "В", "Le", "The", "Этот", "Το", "président", "Москве", "день", "λόγος",
         "a", "parlé", "A", ".", "»", "-", "Η", "Die"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", ". ", "\n"]))
def test_stray_letters_with_and_without_shortcuts(words, glue):
    text = glue.join(words) + " " + " ".join(["президент"] * 3 + ["président"] * 3)
    step = stray.StripStrayLetters(min_letters=5)
    fast = step(text)
    with reference_implementation():            # the line's script first, then every candidate
        slow = step(text)
    assert fast == slow


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab é\u0301\n\n\n\r\t\u00a0\u200b\x85\u3000\u2028", max_size=40), st.integers(0, 2))
def test_tidy_text_skips_only_text_it_would_leave_alone(text, max_blank_lines):
    from normalizer.cleaners.tidy_text import TidyText
    step = TidyText(max_blank_lines=max_blank_lines)
    with reference_implementation():            # every line tidied, no whole-text checks
        slow = step(text)
    assert step(text) == slow
    if step.already_tidy(text, text.split("\n")):
        assert slow.text == text


@given(st.text(alphabet="a \n\t\u00a0\u2028\u3000\x1c\x85", max_size=12), st.integers(1, 5))
def test_reject_short_counts_what_isspace_counts(text, min_chars):
    from normalizer.cleaners.reject_short import RejectShort
    chars = sum(1 for char in text if not char.isspace())
    outcome = RejectShort(min_chars=min_chars)(text)
    expected = "empty_after_cleaning" if chars == 0 else "too_short" if chars < min_chars else None
    assert (outcome.reject[0] if outcome.reject else None) == expected


@given(st.text(alphabet="ab \t\n\u00a0\u3000\r’'", max_size=20))
def test_spacing_forms_collapse_every_run_of_white_space(text):

    from normalizer.text.vocab import loose_form, normalize_spacing
    plain = text.replace("’", "'")
    assert normalize_spacing(text) == re.sub(r"\s+", " ", plain).strip()
    assert loose_form(text) == re.sub(r"[^\S\n]+", " ", plain).casefold()


@given(st.text(alphabet="ab1_ -:#»\n\u00e9\u0301\u00b2\u2163\u6f22!", max_size=16))
def test_strip_decoration_removes_what_the_edge_expression_did(text):

    from normalizer.text.shape import strip_decoration
    assert strip_decoration(text) == re.sub(r"^[\W_]+|[\W_]+$", "", text)


@given(st.lists(st.sampled_from(["http", "https", "HTTPS", "://", " ", "x", "?", "<", "a=1", "&", ".", "é", "_"]),
                max_size=14).map("".join))
def test_urls_found_from_each_scheme_separator_are_those_the_expression_finds(text):
    from normalizer.cleaners.strip_tracking_params import RE_URL, urls_in
    assert [m.span() for m in urls_in(text)] == [m.span() for m in RE_URL.finditer(text)]


def test_trailing_spaces_are_the_characters_the_expression_strips():
    from normalizer.cleaners.tidy_text import RE_TRAILING_SPACE, TRAILING_SPACES
    for code in range(0x3100):
        assert (chr(code) in TRAILING_SPACES) == bool(RE_TRAILING_SPACE.fullmatch(chr(code))), hex(code)


def test_every_invisible_character_is_unprintable():
    from normalizer.cleaners.tidy_text import RE_INVISIBLE
    for code in range(0x10000):
        if RE_INVISIBLE.fullmatch(chr(code)):
            assert not chr(code).isprintable(), hex(code)


@given(st.lists(st.sampled_from(["", "a", "bb c", "  "]), min_size=1, max_size=8), st.data())
def test_remove_lines_removes_what_walking_every_line_does(lines, data):
    from normalizer.text.lines import remove_lines, remove_lines_walking
    text = "\n".join(lines)
    doomed = sorted(data.draw(st.sets(st.integers(0, len(lines) - 1))))
    assert remove_lines(text, doomed, "x") == remove_lines_walking(text, set(doomed), "x")


def test_remove_lines_ignores_indexes_that_name_no_line():
    from normalizer.text.lines import remove_lines
    assert remove_lines("a\nb", [5, -1]).text == "a\nb"
    assert remove_lines("a\nb", [-1, 1, 9]).text == "a"


def test_line_numbers_of_many_matches_on_long_text():
    trigger = PhraseTrigger([], ["in"])
    text = "\n".join(["said in May", "nothing here", "in"] * 2000)
    assert trigger.lines(text) == [index for index in range(6000) if index % 3 != 1]
