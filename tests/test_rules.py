"""Rule files: the shipped ones load; every mistake is a RuleError naming file, line and step."""

from pathlib import Path

import pytest

from normalizer.core.errors import RuleError
from normalizer.core.resources import rules_dir
from normalizer.rules.loader import load_rules


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(RuleError) as info:
        load_rules(path)
    return str(info.value)


@pytest.mark.parametrize("path", sorted(rules_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_rule_files_load(path):
    assert load_rules(path).steps


def test_default_by_name_and_by_none_are_the_same():
    assert load_rules().digest == load_rules("default").digest


@pytest.mark.parametrize(("text", "expected"), [
    ("steps:\n  - use: strip_relatd\n", "rules.yaml:2: step 1 (strip_relatd): unknown cleaner 'strip_relatd'; did you mean 'strip_related'?"),
    ("steps:\n  - use: strip_lines\n    patern: ['^x']\n", "unknown option 'patern'; did you mean 'patterns'?"),
    ("steps:\n  - use: strip_lines\n    patterns: '^x'\n", "option 'patterns' must be a list of strings, got string"),
    ("steps:\n  - use: strip_lines\n    patterns: [yes]\n", "option 'patterns' must be a list of strings, got list"),
    ("steps:\n  - use: tidy_text\n    max_blank_lines: two\n", "option 'max_blank_lines' must be an integer, got string"),
    ("steps:\n  - use: tidy_text\n    max_blank_lines: true\n", "must be an integer, got bool (quote it"),
    ("steps:\n  - use: strip_lines\n", "missing option(s) patterns"),
    ("steps:\n  - use: strip_lines\n    patterns: ['(unclosed']\n", "bad regex '(unclosed': missing ), unterminated subpattern"),
    ("steps:\n  - use: strip_lines\n    patterns: ['x*']\n", "matches the empty string"),
    ("steps:\n  - use: strip_lines\n    patterns: []\n", "patterns: list at least one regex"),
    ("steps:\n  - use: check_language\n    allow: [fr, xx]\n", "unknown language code(s) xx for the langdetect backend"),
    ("steps:\n  - use: strip_related\n    languages: [fr, qq]\n", "no boilerplate vocabulary for qq"),
    ("steps:\n  - use: strip_lines\n    patterns: ['^a']\n    patterns: ['^b']\n", "rules.yaml:4:5: duplicate key 'patterns' (first defined on line 3)"),
    ('steps:\n  - use: strip_lines\n    patterns: ["\\d+"]\n', "rules.yaml:3:18: found unknown escape character 'd'"),
    ("stepz: []\n", "unknown top-level key 'stepz'; did you mean 'steps'?"),
    ("version: 2\nsteps: []\n", "unsupported version"),
    ("steps: {use: tidy_text}\n", "'steps' must be a list of steps"),
    ("- just\n- a list\n", "a rule file is a mapping with a 'steps' list"),
    ("steps:\n  - use: [oops\n", "rules.yaml:3:1"),
    ("a: &x [1]\nb: *x\n", "anchors/aliases are not allowed"),
    ("steps:\n  - !!python/object/apply:os.system ['touch MARKER']\n", "could not determine a constructor for the tag"),
    ("steps:\n" + "[" * 5000 + "]" * 5000 + "\n", "rules.yaml"),
    ("extends: nowhere\n", "rules.yaml:1: no rule file 'nowhere'"),
    ("steps:\n  - use: tidy_text\n  - use: tidy_text\n", "rules.yaml:3: step 2: step id 'tidy_text' is used twice"),
    ("extends: default\nsteps:\n  - id: strip_relate\n    enabled: false\n", "no step with id 'strip_relate' to override; did you mean 'strip_related'?"),
    ("extends: default\nsteps:\n  - id: tidy_text\n    use: strip_lines\n    patterns: ['x']\n", "id 'tidy_text' is taken by a 'tidy_text' step from default.yaml; to add a 'strip_lines' step, give it an id"),
    ("extends: default\nsteps:\n  - use: strip_lines\n    patterns: ['x']\n    before: nope\n", "'before: nope' names no step"),
    ("extends: default\nsteps:\n  - id: strip_stray_letters\n    enabled: 'no'\n", "rules.yaml:4: step 1: 'enabled' must be true or false"),
    ("extends: default\nsteps:\n  - use: strip_lines\n    id: x\n    patterns: ['x']\n    before: tidy_after\n    after: tidy_text\n", "give 'before' or 'after', not both"),
    ("steps:\n  - use: strip_related\n    languages: []\n", "languages: list at least one"),
    ("extends: base.yaml\n", "rules.yaml:1: extends 'base.yaml', but there is no such file"),
    ("steps:\n  - use: check_language\n    allow: [no]\n", "option 'allow' must be a list of strings, got list"),
    ("extends: default\nsteps:\n  - use: strip_lines\n    id: a\n    patterns: ['x']\n  - use: strip_relatd\n", "rules.yaml:6: step 2 (strip_relatd): unknown cleaner"),
])
def test_rule_errors(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    message = error_of(write(tmp_path, text))
    assert expected in message
    assert "rules.yaml" in message
    assert not (tmp_path / "MARKER").exists()


def test_alias_bomb_is_refused_quickly(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        levels.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    assert "anchors/aliases are not allowed" in error_of(write(tmp_path, "\n".join(levels) + "\n"))


def test_extends_disables_overrides_and_inserts(tmp_path):
    path = write(tmp_path, """\
extends: default
steps:
  - id: strip_stray_letters
    enabled: false
  - id: check_language
    allow: [fr]
  - use: strip_lines
    id: site-footer
    patterns: ['^© Example']
    before: tidy_after
""")
    rules = load_rules(path)
    ids = [step.id for step in rules.steps]
    assert "strip_stray_letters" not in ids
    assert ids.index("site-footer") == ids.index("tidy_after") - 1
    language = next(step for step in rules.steps if step.id == "check_language")
    assert language.options == {"allow": ["fr"]}
    assert language.origin.endswith("rules.yaml:5")
    assert rules.digest != load_rules().digest


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path, "extends: b.yaml\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\n", "b.yaml")
    assert "cycle" in error_of(tmp_path / "a.yaml")


def test_repeated_cleaner_needs_distinct_ids(tmp_path):
    rules = load_rules(write(tmp_path, "steps:\n  - use: tidy_text\n  - use: tidy_text\n    id: tidy2\n"))
    assert [s.id for s in rules.steps] == ["tidy_text", "tidy2"]


def test_a_number_of_the_wrong_kind_gets_no_quoting_hint(tmp_path):
    message = error_of(write(tmp_path, "steps:\n  - use: reject_short\n    min_chars: 1.5\n"))
    assert message.endswith("option 'min_chars' must be an integer, got float")
