"""Rules carry their own tests: examples and keep cases, run by `normalizer rules test`; rules show/list."""

import json

import pytest
from iohelpers import invoke

from normalizer.core.errors import RuleError
from normalizer.review.ruletests import collect, run
from normalizer.rules.loader import load_rules

RULES_WITH_EXAMPLES = """\
extends: default
steps:
  - use: strip_lines
    id: site_footer
    before: tidy_after
    where: trailing
    patterns:
      - pattern: '^© Example Corp \\d{4}$'
        examples:
          - input: "Body.\\n© Example Corp 2024"
            output: "Body."
        keep:
          - "Body.\\n© Example Corp 2024, and more prose after it"
      - '^All rights reserved\\.$'
    examples:
      - input: "Body.\\nAll rights reserved."
        output: "Body."
    keep:
      - "All rights reserved. That is what the court said.\\nBody."
examples:
  - input: "Le gouvernement a présenté son budget mardi.\\n\\n© Example Corp 2024\\nttn-fr-34"
    output: "Le gouvernement a présenté son budget mardi."
"""


def write(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_examples_are_read_with_their_origin_and_bound_to_what_they_test(tmp_path):
    rules = load_rules(write(tmp_path, RULES_WITH_EXAMPLES))
    footer = next(step for step in rules.steps if step.id == "site_footer")
    assert footer.options["patterns"] == [r"^© Example Corp \d{4}$", r"^All rights reserved\.$"]
    pattern_examples = [e for e in footer.examples if e.pattern]
    assert [e.keep for e in pattern_examples] == [False, True]
    assert pattern_examples[0].origin.endswith("rules.yaml:10")
    assert len(rules.examples) == 1
    # Examples are documentation and tests, not behaviour: they do not change the rules digest.
    bare = RULES_WITH_EXAMPLES.split("examples:\n  - input: \"Le")[0]
    assert load_rules(write(tmp_path, bare, "bare.yaml")).digest == rules.digest
    results = [run(case) for case in collect(rules, vocabulary=False)]
    assert results and all(r.passed for r in results), [r for r in results if not r.passed]


def test_a_pattern_example_runs_with_that_pattern_alone(tmp_path):
    """The second pattern would remove the line; the first one's keep case must hold on its own."""
    text = RULES_WITH_EXAMPLES.replace("- '^All rights reserved\\.$'", "- '^Body'")
    assert text != RULES_WITH_EXAMPLES
    rules = load_rules(write(tmp_path, text))
    failed = [r for r in map(run, collect(rules, vocabulary=False)) if not r.passed]
    # Only the step-level keep case fails ("^Body" now removes the line "Body."); the pattern-level ones pass.
    assert [r.case.example.pattern for r in failed] == [None, None]


def test_rules_test_reports_failures_like_a_test_runner(tmp_path):
    broken = RULES_WITH_EXAMPLES.replace('output: "Body."\n    keep', 'output: "Body!"\n    keep')
    path = write(tmp_path, broken)
    result = invoke("rules", "test", path, "--no-vocabulary")
    assert result.exit_code == 1
    assert "FAIL step site_footer" in result.stdout
    assert 'expected: "Body!" (output)' in result.stdout and 'actual:   "Body."' in result.stdout
    assert "rules.yaml:16" in result.stdout            # the example's own line
    assert "1 failed" in result.stdout
    assert invoke("rules", "test", write(tmp_path, RULES_WITH_EXAMPLES, "ok.yaml"), "--no-vocabulary").exit_code == 0


def test_rules_test_shows_rejects_and_crashes(tmp_path):
    path = write(tmp_path, "steps:\n  - use: reject_short\n    min_chars: 10\n    examples:\n"
                           "      - input: 'short'\n        reject: empty_after_cleaning\n"
                           "      - input: 'long enough text'\n        reject: too_short\n")
    result = invoke("rules", "test", path)
    assert result.exit_code == 1
    assert "expected: rejected as empty_after_cleaning" in result.stdout
    assert "actual:   rejected as too_short" in result.stdout or "actual:   \"long enough text\"" in result.stdout


@pytest.mark.parametrize(("snippet", "message"), [
    ("    examples: 'x'\n", "'examples' must be a list"),
    ("    examples:\n      - input: 'a'\n", "exactly one of 'output'"),
    ("    examples:\n      - input: 'a'\n        output: 'b'\n        reject: 'c'\n", "exactly one of 'output'"),
    ("    examples:\n      - input: 'a'\n        expected: 'b'\n", "unknown key 'expected'"),
    ("    examples:\n      - input: 5\n        output: 'b'\n", "needs 'input' as a string"),
    ("    keep: [1]\n", "'keep' must be a list of strings"),
])
def test_bad_examples_are_rule_errors_with_file_and_line(tmp_path, snippet, message):
    path = write(tmp_path, "steps:\n  - use: tidy_text\n" + snippet)
    with pytest.raises(RuleError, match=message) as error:
        load_rules(path)
    assert error.value.path == str(path) and error.value.line is not None


def test_an_override_replaces_examples_only_when_it_gives_new_ones(tmp_path):
    parent = write(tmp_path, "steps:\n  - use: reject_short\n    keep: ['abc']\n", "parent.yaml")
    child = write(tmp_path, "extends: parent.yaml\nsteps:\n  - id: reject_short\n    min_chars: 2\n")
    assert [e.input for e in load_rules(child).steps[0].examples] == ["abc"]
    child.write_text("extends: parent.yaml\nsteps:\n  - id: reject_short\n    min_chars: 5\n"
                     "    examples:\n      - input: 'abc'\n        reject: too_short\n", encoding="utf-8")
    assert [(e.input, e.reject) for e in load_rules(child).steps[0].examples] == [("abc", "too_short")]


def test_the_shipped_rules_pass_their_own_examples_in_every_language(implementation):
    result = invoke("rules", "test")
    assert result.exit_code == 0, result.stdout
    rules = load_rules()
    cases = collect(rules)
    from normalizer.text.vocab import available_languages
    for code in available_languages():
        mine = [c for c in cases if c.example.label.startswith(f"[{code}]")]
        assert {c.step.use for c in mine if not c.example.keep} >= {"strip_related", "strip_share_lines",
                                                                      "strip_tag_lists"}, code
        assert {c.step.use for c in mine if c.example.keep} >= {"strip_related", "strip_share_lines"}, code
    assert any(case.example.keep for case in cases) and any(not case.example.keep for case in cases)


def test_rules_show_resolves_extends_and_marks_defaults(tmp_path):
    path = write(tmp_path, RULES_WITH_EXAMPLES)
    result = invoke("rules", "show", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "extends:" in result.stdout and "default.yaml" in result.stdout
    footer = next(i for i, line in enumerate(lines) if "site_footer" in line)
    assert "(use strip_lines)" in lines[footer] and f"{path}:3" in lines[footer] and "[4 examples]" in lines[footer]
    assert lines[footer + 1].strip() == "where: trailing"
    import yaml  # options print as YAML, ready to paste into a rule file
    assert yaml.safe_load(lines[footer + 2].strip())["patterns"] == [r"^© Example Corp \d{4}$",
                                                                    r"^All rights reserved\.$"]
    assert any("engine: re2  (default)" in line for line in lines[footer:footer + 8])
    order = [line.split(".", 1)[1].split()[0] for line in lines if line[:3].strip().rstrip(".").isdigit()]
    assert order.index("site_footer") == order.index("tidy_after") - 1
    data = json.loads(invoke("rules", "show", path, "--format", "json").stdout)
    assert data["files"][-1] == str(path) and data["steps"][-1]["id"] == "check_language"


def test_rules_list_names_every_cleaner_with_its_options():
    from normalizer.cleaners import CLEANERS
    result = invoke("rules", "list")
    assert result.exit_code == 0
    for name in CLEANERS:
        assert f"{name}: " in result.stdout
    assert "    patterns: list[str] (required)" in result.stdout
    assert '    time_budget: float = 1.0' in result.stdout


def test_a_bad_rule_file_is_exit_2_for_every_rules_command(tmp_path):
    path = write(tmp_path, "steps:\n  - use: strip_linez\n")
    for command in (["test"], ["show"]):
        result = invoke("rules", *command, path)
        assert result.exit_code == 2 and "did you mean 'strip_lines'" in result.stderr
