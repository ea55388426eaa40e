"""Regex safety: re2 by default with Python's Unicode meaning, backtracking only by opt-in, under a budget."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from iohelpers import invoke, jsonl, read_jsonl, record

from normalizer.cleaners.strip_lines import StripLines
from normalizer.core.errors import RuleError
from normalizer.rules.loader import load_rules
from normalizer.text.patterns import LinePatterns, translate_for_re2

# Letters with and without accents, CJK, other digits, Unicode spaces, punctuation, underscore.
ALPHABET = "aeé東京z9٣_ -.,:©\u00a0\u3000\u2009'’«»\tÅ"
PATTERNS = [r"\bété\b", r"\bété", r"été\b", r"^\w+$", r"\d{2}", r"^\s*©", r"\S+:\S+", r"[\w-]+:", r"\b東京\b",
            r"\W$", r"\D\d", r"^[\w,]+ \w", r"\b\d+\b", r"\b_", r"[\s,]{2}", r"Å\b", r"\b(?:été|東京)\b",
            r"^é{,2}z", r"a{2,}"]


@pytest.mark.parametrize("pattern", PATTERNS)
@given(line=st.text(alphabet=ALPHABET + "été東京", max_size=24))
def test_re2_translation_matches_like_python(pattern, line):
    """The translated pattern on re2 finds a match exactly when Python's re does, on Unicode text."""
    assert LinePatterns([pattern]).matches(line) == bool(re.search(pattern, line)), translate_for_re2(pattern)


@pytest.mark.parametrize(("pattern", "line", "expected"), [
    (r"\bété\b", "un été chaud", True),
    (r"\bété\b", "unété chaud", False),
    (r"^\w+$", "naïve", True),
    (r"^\w+$", "東京都", True),
    (r"^\d+$", "٣٤", True),          # Arabic-Indic digits are digits for Python
    (r"^\s+$", "\u00a0\u3000", True),
    (r"(?i)^ÉTÉ$", "été", True),
    (r"^Lire \w+ :", "Lire aussi : le débat", True),
])
def test_unicode_meaning_on_re2(pattern, line, expected):
    assert LinePatterns([pattern]).matches(line) is expected


def test_a_boundary_inside_a_pattern_is_kept_with_a_warning():
    assert translate_for_re2(r"a\bb").warnings
    assert translate_for_re2(r"\bfoo|bar").warnings      # the \b belongs to one alternative only
    assert not translate_for_re2(r"\bfoo\b").warnings
    step = load_rules_text_step(r"x\b ")
    assert step.warnings and "ASCII" in step.warnings[0]


def load_rules_text_step(pattern, tmp=None):
    import tempfile
    from pathlib import Path
    path = Path(tempfile.mkdtemp()) / "r.yaml"
    path.write_text(f"steps:\n  - use: strip_lines\n    patterns: ['{pattern}']\n", encoding="utf-8")
    return load_rules(path).steps[0]


@pytest.mark.parametrize("pattern", [r"(?<=a)b", r"(\w+) \1", r"(?!x)y", r"(?P<w>a)(?P=w)"])
def test_backtracking_features_need_an_opt_in(tmp_path, pattern):
    path = tmp_path / "r.yaml"
    path.write_text(f"steps:\n  - use: strip_lines\n    patterns: ['{pattern}']\n", encoding="utf-8")
    with pytest.raises(RuleError, match="engine: regex") as error:
        load_rules(path)
    assert error.value.line == 2
    path.write_text(f"steps:\n  - use: strip_lines\n    engine: regex\n    patterns: ['{pattern}']\n",
                    encoding="utf-8")
    assert load_rules(path).steps[0].options["engine"] == "regex"


def test_a_pattern_python_only_warns_about_is_refused_not_run_differently():
    """re2 reads [[:digit:]] as a POSIX class; Python as a set and a ']': refuse it, naming the fix."""
    with pytest.raises(ValueError, match=r"ambiguous regex '\^\[\[:digit:\]\]\+\$'.*\[0-9\]"):
        LinePatterns([r"^[[:digit:]]+$"])


def test_shorthand_that_re2_cannot_hold_in_a_class_is_named():
    with pytest.raises(ValueError, match=r"\\W inside"):
        LinePatterns([r"[\W\d]"])
    assert LinePatterns([r"[\W\d]"], engine="regex").matches("!")


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(x+x+)+y"])
def test_catastrophic_patterns_are_linear_on_re2(pattern):
    """re2 answers at once, and rightly: there is no match."""
    cleaner = StripLines(patterns=[pattern])
    text = "Body.\n" + ("a" if "a" in pattern else "x") * 100_000 + "!"
    out = cleaner(text)
    assert out.reject is None and out.text == text


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(x+x+)+y"])
def test_catastrophic_patterns_on_the_backtracking_engine_are_rejected_on_budget(pattern):
    cleaner = StripLines(patterns=[pattern], engine="regex", time_budget=0.2)
    text = "Body.\n" + ("a" if "a" in pattern else "x") * 5000 + "!"
    out = cleaner(text)
    assert out.reject is not None and out.reject[0] == "rule_timeout"
    assert pattern in out.reject[1]
    assert cleaner("Body.\nShort line.").reject is None     # the budget is per document


def test_a_run_with_an_adversarial_document_finishes_with_the_right_outcomes(tmp_path):
    """Through the CLI: the adversarial document is rejected with rule_timeout, the others are cleaned."""
    rules = tmp_path / "r.yaml"
    rules.write_text("extends: default\nsteps:\n"
                     "  - use: strip_lines\n    id: evil\n    engine: regex\n    time_budget: 0.2\n"
                     "    patterns: ['(a+)+$', '(x+x+)+y', '^Footer(?= of)']\n", encoding="utf-8")
    body = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine."
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1, body + "\nFooter of the site"), record(2, body + "\n" + "a" * 5000 + "!"),
                            record(3, "x" * 5000 + "\n" + body), record(4, body)), encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = invoke("clean", source, "-r", rules, "-o", out, "--rejects", rejects, "-j", "2")
    assert result.exit_code == 0, result.output
    kept = {r["id"]: r for r in read_jsonl(out)}
    dropped = {r["id"]: r["reject"] for r in read_jsonl(rejects)}
    assert set(kept) == {"1", "4"} and kept["1"]["text"] == body
    assert {k: (v["step"], v["reason"]) for k, v in dropped.items()} == {"2": ("evil", "rule_timeout"),
                                                                          "3": ("evil", "rule_timeout")}
    assert "4 documents in, 2 out, 2 rejected" in result.stderr


def test_the_same_patterns_on_re2_keep_every_document(tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("extends: default\nsteps:\n  - use: strip_lines\n    id: evil\n"
                     "    patterns: ['(a+)+$', '(x+x+)+y']\n", encoding="utf-8")
    body = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine."
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(2, body + "\n" + "a" * 100_000 + "!"), record(3, "x" * 100_000 + "\n" + body)),
                      encoding="utf-8")
    result = invoke("clean", source, "-r", rules, "-o", tmp_path / "out.jsonl", "-j", "1")
    assert result.exit_code == 0, result.output
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 2


def test_backreferences_keep_their_own_groups_on_the_backtracking_engine():
    """Each pattern is searched alone: \\1 in the second pattern still means its own first group."""
    cleaner = StripLines(patterns=[r"^(a)\1$", r"^(b)\1$"], engine="regex")
    assert cleaner("Body.\naa\nbb\nab").text == "Body.\nab"
