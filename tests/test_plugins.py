"""Plugin cleaners: found through the `normalizer.cleaners` entry point group, only when a rule names them.

The sample plugin package in tests/plugin/ is installed by the README's test command.
"""

import os
import subprocess
import sys
from importlib import metadata

import pytest
from iohelpers import invoke, jsonl, read_jsonl, record

from normalizer.core.errors import RuleError
from normalizer.rules.loader import load_rules

try:
    metadata.distribution("normalizer-shouting")
except metadata.PackageNotFoundError:
    if os.environ.get("CI"):
        raise RuntimeError("the sample plugin is not installed: the test command installs tests/plugin") from None
    pytest.skip("the sample plugin in tests/plugin is not installed (pip install ./tests/plugin)",
                allow_module_level=True)

BODY = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine."


def rules_file(tmp_path, step):
    path = tmp_path / "rules.yaml"
    path.write_text(f"extends: default\nsteps:\n  - use: {step}\n    before: tidy_after\n", encoding="utf-8")
    return path


def test_a_plugin_cleaner_runs_in_the_chain(tmp_path):
    path = rules_file(tmp_path, "strip_shouting\n    min_letters: 6\n    examples:\n"
                                "      - input: \"Body.\\nABONNEZ-VOUS MAINTENANT\"\n        output: \"Body.\"")
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1, BODY + "\nABONNEZ-VOUS MAINTENANT\nLa séance reprendra jeudi, a précisé le président de l'Assemblée nationale."),
                            record(2, BODY + "\nONU")), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("clean", source, "-r", path, "-o", out, "-j", "2")
    assert result.exit_code == 0, result.output
    kept = read_jsonl(out)
    assert kept[0]["text"] == BODY + "\nLa séance reprendra jeudi, a précisé le président de l'Assemblée nationale." and "strip_shouting" in kept[0]["changed_by"]
    assert kept[1]["text"] == BODY + "\nONU"          # too short to be shouting
    assert invoke("rules", "test", path, "--no-vocabulary").exit_code == 0
    assert "strip_shouting" in invoke("rules", "show", path).stdout


@pytest.mark.parametrize(("options", "message"), [
    ("\n    min_letters: many", "option 'min_letters' must be an integer, got string"),
    ("\n    min_leters: 3", "unknown option 'min_leters'; did you mean 'min_letters'?"),
    ("\n    min_letters: 0", "min_letters must be at least 1"),
    ("\n    allowed: 'ONU'", "option 'allowed' must be a list of strings"),
])
def test_plugin_options_are_checked_like_built_in_ones(tmp_path, options, message):
    with pytest.raises(RuleError, match=message) as error:
        load_rules(rules_file(tmp_path, "strip_shouting" + options))
    assert error.value.line == 3


def test_plugins_are_imported_only_when_named():
    code = ("import sys; from normalizer.rules.loader import load_rules; load_rules(); "
            "print('normalizer_shouting' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    listing = invoke("rules", "list").stdout
    assert "strip_shouting  (normalizer_shouting:StripShouting)" in listing


def test_a_plugin_that_cannot_be_imported_is_a_rule_error_naming_it(tmp_path):
    with pytest.raises(RuleError, match=r"plugin cleaner 'broken_import' \(normalizer_shouting.missing:Nothing\) "
                                        r"cannot be imported: ModuleNotFoundError"):
        load_rules(rules_file(tmp_path, "broken_import"))


def test_a_plugin_option_named_like_a_step_key_is_refused(tmp_path):
    with pytest.raises(RuleError, match="option 'keep'.*step key"):
        load_rules(rules_file(tmp_path, "reserved_option"))


@pytest.mark.parametrize(("plugin", "reason", "detail"), [
    ("returns_text", "internal_error:TypeError", "returned str, not normalizer.Outcome"),
    ("no_edit_log", "internal_error:ValueError", "changed the text without an edit log"),
    ("bad_meta", "internal_error:TypeError", "returned meta JSON cannot hold"),
])
def test_a_plugin_returning_a_wrong_result_rejects_the_document_not_the_run(tmp_path, plugin, reason, detail):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(record(1, BODY)), encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = invoke("clean", source, "-r", rules_file(tmp_path, plugin), "-o", out, "--rejects", rejects)
    assert result.exit_code == 5
    (reject,) = read_jsonl(rejects)
    assert reject["reject"]["reason"] == reason and detail in reject["reject"]["detail"]
    assert read_jsonl(out) == []


def test_a_plugin_cannot_take_a_built_in_name():
    listing = invoke("rules", "list").stdout
    assert "strip_lines  (normalizer_shouting:StripShouting; ignored: a built-in cleaner has that name)" in listing
    assert load_rules().steps   # the built-in strip_lines is what rule files get


def test_an_unknown_cleaner_says_plugins_must_be_installed(tmp_path):
    with pytest.raises(RuleError, match="a plugin must be installed to be found"):
        load_rules(rules_file(tmp_path, "strip_shoutin"))
    with pytest.raises(RuleError, match="did you mean 'strip_shouting'"):
        load_rules(rules_file(tmp_path, "strip_shoutin"))
