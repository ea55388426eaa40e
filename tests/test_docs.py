"""The README tells the truth: every cleaner is documented, and the worked example is real output."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from normalizer.cleaners import CLEANERS
from normalizer.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CLEANERS))
def test_every_cleaner_is_documented(name):
    cls = CLEANERS[name]
    assert cls.__doc__ and ">>>" in cls.__doc__, f"{name} needs a docstring with a doctest"
    assert f"| `{name}` |" in README, f"{name} is missing from the README's option table"


@pytest.mark.parametrize("name", sorted(CLEANERS))
def test_every_cleaner_describes_itself_under_one_name(name):
    """One hop: the use: name is the registry key, the module under cleaners/, the class's own name,
    the step id in the edit log and the key in the summary."""
    from normalizer.core.cleaner import Role
    from normalizer.rules.catalog import describe
    cls = CLEANERS[name]
    assert cls.name == name and cls.__module__ == f"normalizer.cleaners.{name}"
    info = describe(name, cls)
    assert isinstance(cls.role, Role) and info.traits.role is cls.role
    assert info.traits.reads and all(isinstance(field, str) for field in info.traits.writes)
    assert info.traits.finds in ("", "mojibake", "boilerplate")
    assert info.examples, f"{name}: its docstring's doctest is its example"
    assert info.as_json()["role"] == cls.role.value


def test_the_step_id_is_the_use_name_in_the_edit_log_and_the_summary(tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "1", "text": "Le corps du texte, assez long pour être lu."
                                                                     "\nPartager sur Facebook"}) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in.jsonl"), "--with-edits"])
    record = json.loads(result.stdout)
    assert {edit["step"] for edit in record["edits"]} == {"strip_share_lines"} == set(record["changed_by"])
    assert "strip_share_lines" in result.stderr


def test_worked_example_is_real_output(tmp_path):
    block = README.split("`demo.jsonl` holds one scraped record:", 1)[1]
    record = re.search(r"```json\n(.*?)\n```", block, re.S).group(1)
    console = re.search(r"```console\n\$ normalizer clean demo.jsonl\n(.*?)\n```", block, re.S).group(1)
    shown_output, *shown_summary = console.split("\n")
    (tmp_path / "demo.jsonl").write_text(record + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "demo.jsonl")])
    assert json.loads(result.stdout) == json.loads(shown_output)
    timing = re.compile(r"elapsed: [\d.]+ s \([\d,]+ documents/s\)")       # the one line that varies
    assert [timing.sub("elapsed", line) for line in result.stderr.rstrip("\n").split("\n")] == \
        [timing.sub("elapsed", line) for line in shown_summary]


def test_readme_test_command_is_what_ci_runs():
    command = re.search(r"```sh\n(python3 -m venv .venv && .venv/bin/pip install -e .*?)\n```", README).group(1)
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_explain_example_is_real_output():
    block = README.split("### See what happened to a document", 1)[1]
    console = re.search(r"```console\n\$ printf '(.*?)' \| normalizer explain -\n(.*?)\n```", block, re.S)
    text = console.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    result = CliRunner().invoke(main, ["explain", "-"], input=text.encode("utf-8"))
    assert result.stdout.rstrip("\n") == console.group(2)


def test_the_library_example_for_explain_and_check_is_true(monkeypatch):
    """Run the README's second Python block; each commented result is asserted."""
    block = README.split("`explain` and `check` are library functions too:", 1)[1]
    code = re.search(r"```python\n(.*?)\n```", block, re.S).group(1)
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    statements = []
    for line in code.split("\n"):
        expression, _, comment = line.partition("#")
        if line.startswith("[") and comment.strip().startswith("["):
            expected = comment.strip().split(":")[0]
            statements.append(f"assert {expression.strip()} == {expected}, {expression.strip()!r}")
        else:
            statements.append(line)
    exec("\n".join(statements), namespace)   # noqa: S102 - our own README
