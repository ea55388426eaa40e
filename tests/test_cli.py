"""The CLI: exit codes, messages, stdin/stdout, accounting (in = out + rejected)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from normalizer.cli import main

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus"
GOOD = {"id": "a", "text": "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.",
        "source": "x.fr", "lang": "fr-FR"}


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def jsonl(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_clean_corpus_to_stdout():
    result = run("clean", str(CORPUS))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = len(list(CORPUS.glob("*.txt"))) + len((CORPUS / "news.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(records) == expected
    assert f"{expected} documents in, {expected} out, 0 rejected" in result.stderr


def test_stdin_to_stdout_key_order_and_no_escapes():
    result = run("clean", "-", input=jsonl(GOOD))
    assert result.exit_code == 0
    line = result.stdout.splitlines()[0]
    assert "\\u" not in line and "présenté" in line
    record = json.loads(line)
    assert list(record) == ["id", "text", "lang", "lang_score", "source", "input_lang", "changed_by"]
    assert record["lang"] == "fr" and record["input_lang"] == "fr-FR"


def test_malformed_lines_are_rejected_with_source_and_line_and_counted(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [jsonl(GOOD), '{"text": "abc"\n', "\n", '["text"]\n', '{"body": "x"}\n', '{"text": 5}\n',
             jsonl({**GOOD, "id": "b"}), '{"text": NaN}\n', '{"text": "  "}\n']
    source.write_bytes("".join(lines).encode() + b'{"text": "caf\xe9"}\n' + jsonl({**GOOD, "id": "c"}).encode())
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = run("clean", str(source), "-o", str(out), "--rejects", str(rejects))
    assert result.exit_code == 0, result.output
    kept, dropped = read_jsonl(out), read_jsonl(rejects)
    assert [r["id"] for r in kept] == ["a", "b", "c"]
    reasons = {(r["reject"]["line"], r["reject"]["reason"]) for r in dropped}
    assert reasons == {(2, "json_decode_error"), (4, "not_an_object"), (5, "missing_text"),
                       (6, "text_not_string"), (8, "non_finite_number"), (9, "empty_text"), (10, "invalid_utf8")}
    assert all(r["reject"]["source"] == str(source) for r in dropped)
    assert next(r for r in dropped if r["reject"]["reason"] == "invalid_utf8")["raw_b64"]
    assert "10 documents in, 3 out, 7 rejected (1 blank lines skipped)" in result.stderr
    assert len(kept) + len(dropped) == 10


def test_rejected_document_keeps_its_input_text(tmp_path):
    rules = tmp_path / "fr-only.yaml"
    rules.write_text("extends: default\nsteps:\n  - id: check_language\n    allow: [fr]\n", encoding="utf-8")
    english = {"id": "en", "text": "The government presented its budget on Tuesday.\nttn-en-3"}
    rejects = tmp_path / "rejects.jsonl"
    result = run("clean", "-", "-r", str(rules), "--rejects", str(rejects), input=jsonl(GOOD, english))
    assert result.exit_code == 0
    [dropped] = read_jsonl(rejects)
    assert dropped["id"] == "en" and dropped["text"] == english["text"]
    assert dropped["reject"]["step"] == "check_language"
    assert dropped["reject"]["reason"] == "language_not_allowed"
    assert dropped["reject"]["line"] == 2


def test_strict_exits_1_on_malformed_input():
    result = run("clean", "-", "--strict", input=jsonl(GOOD) + "{oops\n")
    assert result.exit_code == 1
    assert "--strict: 1 malformed input record(s)" in result.stderr


def test_rule_error_exits_2_without_traceback(tmp_path):
    rules = tmp_path / "bad.yaml"
    rules.write_text("steps:\n  - use: strip_relatd\n", encoding="utf-8")
    result = run("clean", str(CORPUS), "-r", str(rules))
    assert result.exit_code == 2
    assert result.stderr.startswith("normalizer: error: ")
    assert "bad.yaml:2: step 1 (strip_relatd): unknown cleaner" in result.stderr
    assert "Traceback" not in result.output


def test_missing_input_exits_3():
    result = run("clean", "no/such/file.jsonl")
    assert result.exit_code == 3
    assert "no/such/file.jsonl: no such file or directory" in result.stderr


def test_output_that_is_an_input_is_refused(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(GOOD), encoding="utf-8")
    result = run("clean", str(source), "-o", str(source))
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == jsonl(GOOD)


def test_failed_run_leaves_previous_output_untouched(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps: [", encoding="utf-8")
    assert run("clean", str(CORPUS), "-o", str(out), "-r", str(bad)).exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.jsonl"]


def test_with_edits_logs_every_change():
    text = "Titre\nLe corps du texte.\nttn-fr-34"
    result = run("clean", "-", "--with-edits", input=jsonl({"id": "x", "text": text}))
    record = json.loads(result.stdout)
    assert record["changed_by"] == ["strip_tracking_tag"]
    assert record["edits"] == [{"step": "strip_tracking_tag", "start": 24, "end": 34, "old": "\nttn-fr-34", "new": "", "note": "tracking tag"}]


def test_missing_id_becomes_file_and_line(tmp_path):
    source = tmp_path / "noid.jsonl"
    source.write_text(jsonl({"text": GOOD["text"]}), encoding="utf-8")
    record = json.loads(run("clean", str(source)).stdout)
    assert record["id"] == "noid.jsonl:1"          # the file's name, however its path was typed


def test_text_and_id_field_options():
    record = {"doc": "x1", "body": GOOD["text"]}
    result = run("clean", "-", "--text-field", "body", "--id-field", "doc", input=jsonl(record))
    out = json.loads(result.stdout)
    assert out["id"] == "x1" and out["text"] == GOOD["text"]


def test_installed_command_runs_from_another_directory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "normalizer", "clean", str(CORPUS), "-q"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 10


def test_closed_stdout_exits_quietly(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(jsonl(*({"id": str(i), "text": GOOD["text"]} for i in range(3000))), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "normalizer", "clean", str(big), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 141
    assert b"Traceback" not in stderr


@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"]])
def test_help(args):
    result = run(*args)
    assert result.exit_code == 0 and "Usage:" in result.output
