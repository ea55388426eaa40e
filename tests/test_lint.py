"""`normalizer rules lint`: each check fires on its mistake and stays quiet on the shipped rules."""

import json
from pathlib import Path

import pytest
from iohelpers import invoke

from normalizer.review.lint import lint, shipped_prose


def findings(tmp_path, text, prose=()):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return [(f.level, f.code, f.step) for f in lint(path, list(prose))]


def strip_lines(*patterns, extra=""):
    quoted = ", ".join(f"'{p}'" for p in patterns)
    return f"steps:\n  - use: strip_lines\n    id: mine\n{extra}    patterns: [{quoted}]\n"


@pytest.mark.parametrize(("patterns", "extra", "expected"), [
    ((r"^\s*$",), "", ("error", "empty-match")),
    (("a*",), "", ("error", "empty-match")),
    (("[",), "", ("error", "bad-regex")),
    (("(a+)+$",), "", ("warning", "nested-quantifier")),
    ((r"^(\w+\s?)*:",), "", ("warning", "nested-quantifier")),
    (("(x+x+)+y",), "    engine: regex\n", ("error", "nested-quantifier")),
    (("^(a|aa)+$",), "    engine: regex\n", ("error", "nested-quantifier")),
    (("^Copyright", "^Copyright"), "", ("warning", "duplicate-pattern")),
    (("^Copyright", r"^Copyright \d{4} Example$"), "", ("warning", "shadowed-pattern")),
    (("Example Corp", r"^© \d{4} Example Corp"), "", ("warning", "shadowed-pattern")),
    ((r"x\b ",), "", ("warning", "re2-boundary")),
])
def test_each_pattern_check_fires(tmp_path, patterns, extra, expected):
    assert (*expected, "mine") in findings(tmp_path, strip_lines(*patterns, extra=extra))


@pytest.mark.parametrize("patterns", [
    ("^Copyright",), ("^© Example Corp$", "^All rights reserved$"), (r"^(?:ab)+$",), (r"^\d+ comments?$",),
    (r"^Copyright \d{4}", "^Copyright"),     # the later, broader pattern is not shadowed by the narrower one
    ("^Copyright",),
])
def test_sound_patterns_raise_nothing(tmp_path, patterns):
    assert findings(tmp_path, strip_lines(*patterns)) == []


def test_where_trailing_patterns_are_not_judged_shadowed(tmp_path):
    text = strip_lines("^Copyright", r"^Copyright \d{4}", extra="    where: trailing\n")
    assert findings(tmp_path, text) == []


def test_a_step_that_removes_prose_is_named_with_the_line_and_pattern(tmp_path):
    from normalizer.review.lint import Prose
    prose = [Prose("Le budget a été présenté mardi.\n\nLe ministre a répondu aux questions.", "mine.txt", (1, 2, 3))]
    found = lint_text(tmp_path, strip_lines("^Le ministre"), prose)
    assert len(found) == 1 and found[0].code == "removes-prose"
    assert "Le ministre a répondu" in found[0].message and "(pattern '^Le ministre')" in found[0].message
    assert "(mine.txt:3)" in found[0].message


def lint_text(tmp_path, text, prose):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return lint(path, prose)


def test_a_vocabulary_header_that_is_also_prose_is_caught_by_the_prose_run(tmp_path):
    """A generic header added as extra_headers would take a body list under the same subheading with it."""
    from normalizer.review.lint import Prose
    prose = [Prose("Le budget adopté\n\nLes députés ont voté mardi.\n\nÀ retenir\n- Les impôts baissent\n"
                   "- Les retraites sont revalorisées\n\nLe Sénat examinera le texte en mai.", "p", tuple(range(1, 10)))]
    text = "steps:\n  - use: strip_related\n    extra_headers: ['À retenir']\n"
    found = [f for f in lint_text(tmp_path, text, prose) if f.level != "note"]
    assert {f.code for f in found} == {"removes-prose"} and len(found) == 3 and "À retenir" in found[0].message


def test_unused_and_duplicate_vocabulary_notes(tmp_path):
    text = ("steps:\n  - use: strip_related\n    languages: [fr]\n    extra_headers: ['Sur le même sujet']\n")
    found = findings(tmp_path, text)
    assert ("note", "duplicate-phrase", "strip_related") in found
    notes = [f.message for f in lint(tmp_path / "rules.yaml", []) if f.code == "unused-vocabulary"]
    assert any("'share' lists are read by strip_share_lines" in n for n in notes)
    assert any("no step reads the vocabularies of" in n and "de" in n for n in notes)


def test_the_shipped_rules_lint_clean_against_the_prose_sample():
    prose = shipped_prose()
    assert len(prose) >= 200 and len({p.file for p in prose}) == 18
    assert lint(None, prose) == []


def test_lint_cli_exit_codes_and_json(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(strip_lines("(a+)+$"), encoding="utf-8")
    assert invoke("rules", "lint", path, "--no-shipped-prose").exit_code == 0      # a warning only
    strict = invoke("rules", "lint", path, "--no-shipped-prose", "--strict")
    assert strict.exit_code == 1 and "warning [nested-quantifier] mine:" in strict.stdout
    data = json.loads(invoke("rules", "lint", path, "--no-shipped-prose", "--format", "json").stdout)
    assert data[0]["code"] == "nested-quantifier" and data[0]["where"] == f"{path}:2"
    path.write_text(strip_lines("a*"), encoding="utf-8")
    assert invoke("rules", "lint", path, "--no-shipped-prose").exit_code == 1
    prose = tmp_path / "prose.txt"
    prose.write_text("Le texte.\nSa ligne avec un a à la fin: la\n", encoding="utf-8")
    path.write_text(strip_lines("la$"), encoding="utf-8")
    result = invoke("rules", "lint", path, "--no-shipped-prose", "--prose", prose)
    assert "removes-prose" in result.stdout and "prose.txt:2" in result.stdout
    assert invoke("rules", "lint", path, "--prose", tmp_path / "missing.txt").exit_code == 3     # a missing input


def test_prose_findings_point_at_the_file_line_and_each_pattern_gets_its_own(tmp_path):
    from normalizer.review.lint import shipped_prose
    found = lint_text(tmp_path, strip_lines("^Le Stade toulousain", "i"), shipped_prose())
    messages = [f.message for f in found if f.code == "removes-prose"]
    lines = (Path(__file__).parent.parent / "rules" / "prose" / "fr.txt").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("Le Stade toulousain"))
    assert any(f"(prose/fr.txt:{number}): 'Le Stade toulousain" in m for m in messages)
    # the greedy pattern 'i' is capped, and the specific one is still reported
    assert sum("(pattern 'i')" in m for m in messages) == 3
    assert any("more prose lines removed by pattern 'i'" in m for m in messages)


def test_one_bad_pattern_does_not_hide_the_other_findings(tmp_path):
    text = ("extends: default\nsteps:\n  - use: strip_lines\n    id: bad\n    patterns: ['a*', '^Le ']\n"
            "  - use: strip_lines\n    id: ascii\n    patterns: ['foo\\bbar']\n"
            "  - id: strip_related\n    extra_headers: ['Sur le même sujet']\n")
    codes = {(f.code, f.step) for f in lint_text(tmp_path, text, shipped_prose())}
    assert {("empty-match", "bad"), ("removes-prose", "bad"), ("re2-boundary", "ascii"),
            ("duplicate-phrase", "strip_related")} <= codes


def test_a_rule_file_that_cannot_be_read_is_a_rule_error_as_in_every_command(tmp_path):
    from normalizer.core.errors import RuleError
    with pytest.raises(RuleError, match="no such rule file"):
        lint(tmp_path / "nope.yaml", [])
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(RuleError, match="a rule file is a mapping"):
        lint(tmp_path / "list.yaml", [])
    result = invoke("rules", "lint", tmp_path / "nope.yaml", "--no-shipped-prose")
    assert result.exit_code == 2 and "no such rule file" in result.stderr
