"""Data never drives the terminal or the pull-request page: ESC sequences and other controls in
ids, texts, sources and file names are shown as escapes, and ids or sources that look like
Markdown (images, links, @mentions) stay inert in check's Markdown."""

import re

import pytest
from iohelpers import invoke, jsonl, run_cli

ESCAPES = ["\x1b[2J", "\x1b]0;owned\x07", "\x1b[31mred", "\x9b31m", "a\rb", "\u202eevil"]
DUPLICATE = "Le conseil municipal a adopté lundi le nouveau budget après un débat de plus de six heures."


def corpus(tmp_path, nasty):
    records = [{"id": f"doc{nasty}", "source": f"site{nasty}", "text": DUPLICATE + f" Fin{nasty}"},
               {"id": f"copy{nasty}", "source": f"site{nasty}", "text": DUPLICATE + f" Fin{nasty}"},
               {"id": "ok", "text": "Les cheminots ont levé lundi le préavis de grève après une nuit de négociations."}]
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(*records), encoding="utf-8")
    return path


def raw_controls(text):
    return re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)


@pytest.mark.parametrize("nasty", ESCAPES, ids=range(len(ESCAPES)))
def test_check_explain_and_warnings_show_controls_as_escapes(tmp_path, nasty):
    path = corpus(tmp_path, nasty)
    table = run_cli("check", path, "--per-source", "-j", "1")
    assert raw_controls(table.stdout.decode().replace("\x1b[32m", "").replace("\x1b[31m", "")
                        .replace("\x1b[1m", "").replace("\x1b[0m", "")) == []
    explained = run_cli("explain", path, "--id", f"doc{nasty}")
    assert explained.returncode == 0, explained.stderr
    shown = explained.stdout.decode()
    assert raw_controls(shown) == [] and ("\\x" in shown or "\\u" in shown)
    missing = run_cli("explain", path, "--id", f"none{nasty}")
    assert raw_controls(missing.stderr.decode()) == [] and missing.returncode == 1


@pytest.mark.parametrize("nasty", ["![img](https://evil.example/x.png)", "@maintainer", "[click](https://evil.example)",
                                   "<img src=x onerror=alert(1)>", "`code` and *bold*", "a | b"])
def test_markdown_keeps_ids_and_sources_inert(tmp_path, nasty):
    path = corpus(tmp_path, nasty)
    md = invoke("check", path, "--per-source", "--format", "markdown", "-j", "1").stdout
    outside = re.sub(r"(`+)(.+?)(?<!`)\1(?!`)", "", md)         # what is left outside code spans
    for live in ("](", "@maintainer", "<img", "*bold*"):
        assert live not in outside


def test_lint_shows_a_pattern_with_an_escape_as_an_escape(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text('extends: default\nsteps:\n  - use: strip_lines\n    patterns: ["(\\x1b[2J"]\n', encoding="utf-8")
    result = run_cli("rules", "lint", rules)
    assert "\x1b[2J" not in result.stdout.decode().replace("\x1b[31m", "").replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert "\\x1b" in result.stdout.decode()
