"""A stranger's rule file or command line must not hang or exhaust the machine, nor switch a
protection off, nor make an error message quote a file that is not a rule file."""

import pytest
from iohelpers import jsonl, record, run_cli

EVIL_PATTERNS = ["(?:a?){1000000000}", "((a?){60000}){60000}", "(a{1000}){1000}", "((((a{20}){20}){20}){20})",
                 "x" * 20_000, "(?:b|c){2000}"]


def rule_file(tmp_path, body, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern", EVIL_PATTERNS, ids=range(len(EVIL_PATTERNS)))
def test_patterns_that_would_exhaust_the_machine_are_refused_before_compiling(tmp_path, pattern):
    rules = rule_file(tmp_path, f"extends: default\nsteps:\n  - use: strip_lines\n    patterns: ['{pattern}']\n")
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1)), encoding="utf-8")
    cleaned = run_cli("clean", source, "-r", rules, timeout=60)
    assert cleaned.returncode == 2
    assert b"rules.yaml:3: step 1 (strip_lines)" in cleaned.stderr and (b"at most" in cleaned.stderr or b"more than" in cleaned.stderr)
    linted = run_cli("rules", "lint", rules, timeout=60)
    assert linted.returncode == 2 and b"[unsafe-regex]" in linted.stdout


@pytest.mark.parametrize(("step", "option", "value"), [
    ("strip_lines", "time_budget", ".nan"), ("strip_lines", "time_budget", ".inf"),
    ("strip_lines", "time_budget", "100000.0"), ("strip_stray_letters", "min_share", ".nan"),
    ("check_language", "min_score", ".nan"), ("strip_page_furniture", "threshold", ".nan"),
    ("strip_site_template", "min_share", "-.inf"),
])
def test_numeric_options_that_would_switch_a_protection_off_are_refused(tmp_path, step, option, value):
    extra = "    engine: regex\n    patterns: ['^x(?=y)']\n" if step == "strip_lines" else ""
    rules = rule_file(tmp_path, f"extends: default\nsteps:\n  - use: {step}\n    id: mine\n{extra}    {option}: {value}\n")
    result = run_cli("clean", "-", "-r", rules, input=jsonl(record(1)).encode())
    assert result.returncode == 2, result.stderr
    assert option.encode() in result.stderr and b"rules.yaml:" in result.stderr


@pytest.mark.parametrize("args", [["clean", "-", "--max-expansion-ratio", "nan"],
                                  ["clean", "-", "--max-expansion-ratio", "inf"],
                                  ["check", "-", "--tolerance", "nan"]])
def test_numeric_command_line_options_must_be_finite(args):
    result = run_cli(*args, input=jsonl(record(1)).encode())
    assert result.returncode == 2 and (b"not a finite number" in result.stderr or b"not in the range" in result.stderr)


def test_a_huge_file_to_extend_is_refused_by_its_size_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(3 << 30)                   # 3 GiB, sparse: reading it would take 3 GB
    rules = rule_file(tmp_path, "extends: huge.yaml\n")
    result = run_cli("rules", "lint", rules, timeout=60)
    assert result.returncode == 2 and b"huge.yaml: rule file is larger than" in result.stderr


@pytest.mark.parametrize("content", ["password: hunter2\napi_key: s3cr3t\n", "root:x:0:0:root:/root:/bin/bash\n",
                                     "- hunter2\n- s3cr3t\n"])
def test_an_error_quotes_nothing_of_a_file_that_is_not_a_rule_file(tmp_path, content):
    rule_file(tmp_path, content, "secrets")
    rules = rule_file(tmp_path, "extends: secrets\n")
    result = run_cli("clean", "-", "-r", rules, input=jsonl(record(1)).encode())
    assert result.returncode == 2
    for secret in (b"hunter2", b"s3cr3t", b"password", b"api_key", b"root:x"):
        assert secret not in result.stderr


def test_a_misspelt_key_of_a_rule_file_is_still_named(tmp_path):
    rules = rule_file(tmp_path, "step:\n  - use: tidy_text\n")
    result = run_cli("clean", "-", "-r", rules, input=jsonl(record(1)).encode())
    assert result.returncode == 2 and b"unknown top-level key 'step'; did you mean 'steps'?" in result.stderr


def test_many_patterns_that_pass_one_by_one_share_a_budget(tmp_path):
    patterns = ", ".join(f"'\\w{{1000}}a{number}'" for number in range(300))
    rules = rule_file(tmp_path, f"extends: default\nsteps:\n  - use: strip_lines\n    patterns: [{patterns}]\n")
    cleaned = run_cli("clean", "-", "-r", rules, input=jsonl(record(1)).encode(), timeout=120)
    assert cleaned.returncode == 2 and b"patterns expand to more than" in cleaned.stderr
    linted = run_cli("rules", "lint", rules, timeout=120)
    assert linted.returncode == 2 and b"[unsafe-regex]" in linted.stdout
