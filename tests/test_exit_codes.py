"""Every command, driven into every failure, exits with the code the README's table gives it.

The table in the README ("Exit codes") is the one source: this test reads it, then runs each
command into a missing input, a rule file that cannot be loaded, a usage error, an output
that cannot be written, an interrupt and a crashing cleaner.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from iohelpers import invoke

from normalizer.cli import main
from normalizer.core.errors import Terminated

README = Path(__file__).parent.parent / "README.md"
COMMANDS = ["clean", "explain", "diff", "check", "report", "sample",
            "rules test", "rules show", "rules list", "rules lint",
            "rules suggest"]


def readme_table() -> dict[str, int]:
    """Meaning -> code, from the README's exit-code table (``130 / 143`` gives both rows)."""
    section = README.read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    table: dict[str, int] = {}
    for codes, meaning in re.findall(r"^\| ([\d /]+) \| (.+) \|$", section, re.MULTILINE):
        numbers = [int(code) for code in codes.split("/")]
        if len(numbers) == 2:                         # "interrupted by SIGINT / SIGTERM"
            first, second = re.search(r"by (\w+) / (\w+)", meaning).groups()
            table[first], table[second] = numbers
        else:
            table[meaning] = numbers[0]
    return table


def code_for(phrase: str) -> int:
    (code,) = [code for meaning, code in readme_table().items() if phrase in meaning]
    return code


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A corpus, its cleaned output, rule files (one with a cleaner that crashes on a marker)."""
    root = tmp_path_factory.mktemp("exit-codes")
    text = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, longuement."
    records = [{"id": "a", "text": text, "source": "x"}, {"id": "b", "text": text + "\nCRASH ME", "source": "x"}]
    (root / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    (root / "out.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n", "utf-8")
    (root / "prose.txt").write_text("Une phrase de prose, assez longue pour être lue.\nCRASH ME\n", "utf-8")
    (root / "crash.yaml").write_text(
        "version: 1\nextends: default\nsteps:\n  - id: crash\n    use: crashes_on_marker\n    after: tidy_text\n"
        "    examples:\n      - input: \"Body.\\nCRASH ME\"\n        output: \"Body.\"\n", "utf-8")
    return root


def scenarios(place: Path, missing: Path) -> dict[str, dict[str, list[object]]]:
    """For each failure, the arguments that lead each command that can meet it into it."""
    corpus, out, crash = place / "in.jsonl", place / "out.jsonl", place / "crash.yaml"
    no_rules = place / "no-such-rules.yaml"
    nowhere = place / "no-such-dir" / "x"
    return {
        "missing input": {
            "clean": [missing], "explain": [missing], "diff": [missing, out], "check": [missing],
            "report": [missing, "-o", place / "r.html"], "rules suggest": [missing],
            "rules lint": ["--prose", missing, "--no-shipped-prose"]},
        "rule file": {
            "clean": [corpus, "-r", no_rules], "explain": [corpus, "-r", no_rules], "check": [corpus, "-r", no_rules],
            "report": [corpus, "-r", no_rules, "-o", place / "r.html"], "rules test": [no_rules],
            "rules show": [no_rules], "rules lint": [no_rules, "--no-shipped-prose"],
            "rules suggest": [corpus, "-r", no_rules]},
        "unwritable output": {
            "clean": [corpus, "-o", nowhere], "check": [corpus, "-o", nowhere], "report": [corpus, "-o", nowhere]},
        "crashed cleaner": {
            "clean": [corpus, "-r", crash, "-o", place / "c.jsonl"], "explain": [corpus, "-r", crash],
            "check": [corpus, "-r", crash], "report": [corpus, "-r", crash, "-o", place / "c.html"],
            "rules test": [crash, "--no-vocabulary"], "rules lint": [crash, "--prose", place / "prose.txt",
                                                                        "--no-shipped-prose"],
            "rules suggest": [corpus, "-r", crash]},
    }


EXPECTED = {"missing input": "an input could not be read", "rule file": "a rule file that cannot be loaded",
            "unwritable output": "an output could not be written", "crashed cleaner": "a cleaner crashed"}


# every command that can meet the failure (diff runs no cleaner, rules list reads no rule file …)
MEETINGS = [(failure, command) for failure, commands in scenarios(Path("."), Path("missing.jsonl")).items()
            for command in commands]


@pytest.mark.parametrize(("failure", "command"), MEETINGS)
def test_the_same_failure_gives_the_same_code_in_every_command(place, tmp_path, failure, command):
    args = scenarios(place, tmp_path / "missing.jsonl")[failure][command]
    result = invoke(*command.split(), *args)
    assert result.exit_code == code_for(EXPECTED[failure]), result.output
    assert "Traceback" not in result.output and "error" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_usage_error_is_the_usage_code_in_every_command(command):
    result = invoke(*command.split(), "--no-such-option")
    assert result.exit_code == code_for("usage error")
    assert "No such option" in result.output


def command_object(name: str):
    found = main
    for part in name.split():
        found = found.commands[part]
    return found


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, Terminated])
@pytest.mark.parametrize("command", COMMANDS)
def test_an_interrupt_is_its_signal_code_in_every_command(place, monkeypatch, command, interruption):
    def interrupted(*args, **kwargs):
        raise interruption()
    monkeypatch.setattr(command_object(command), "callback", interrupted)
    result = invoke(*command.split(), *(["x"] if command in ("clean", "explain", "check", "rules suggest") else
                                        ["x", "y"] if command == "diff" else
                                        ["x", "-o", place / "r.html"] if command == "report" else
                                        ["x", "--by", "lang"] if command == "sample" else []))
    assert result.exit_code == code_for("SIGINT" if interruption is KeyboardInterrupt else "SIGTERM")
    assert "nothing was committed" in result.stderr


@pytest.mark.parametrize("command", ["clean", "explain", "check", "rules suggest"])
def test_a_real_sigint_while_reading_stdin(command):
    """The signal itself, in a real process waiting on stdin (the other tests raise it in-process)."""
    jobs = [] if command == "explain" else ["-j", "1"]
    proc = subprocess.Popen([sys.executable, "-m", "normalizer", *command.split(), "-", *jobs], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code_for("SIGINT"), stderr
    assert b"Traceback" not in stderr


@pytest.mark.parametrize("command", ["clean", "explain", "diff", "check", "rules test", "rules show", "rules list",
                                     "rules lint", "rules suggest"])
def test_a_full_stdout_is_the_output_code_in_every_command(place, command):
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is not here: a full disk cannot be provoked")
    corpus, out = place / "in.jsonl", place / "out.jsonl"
    args = {"clean": [corpus], "explain": [corpus], "diff": [out, corpus], "check": [corpus],
            "rules lint": ["--no-shipped-prose", "--prose", place / "prose.txt"],
            "rules suggest": [corpus]}.get(command, [])
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "normalizer", *command.split(), *map(str, args)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120, check=False)
    assert done.returncode == code_for("an output could not be written"), done.stderr.decode()
    assert b"<stdout>" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_a_reader_that_goes_away_is_the_pipe_code(tmp_path, command):
    text = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, longuement. " * 12
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(400)), "utf-8")
    with subprocess.Popen([sys.executable, "-m", "normalizer", command, str(source)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(100)
        proc.stdout.close()                              # as `| head -c 100` does
        stderr = proc.stderr.read()
        proc.wait(timeout=120)
    assert proc.returncode == code_for("stdout was closed by the reader"), stderr
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr
