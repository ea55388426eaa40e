"""corpus/ through the default rules gives the reviewed output in tests/golden/.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the diff before committing.
"""

import os
from pathlib import Path

from click.testing import CliRunner

from normalizer.cli import main

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "corpus.jsonl"


def test_corpus_matches_golden_output(implementation):
    result = CliRunner().invoke(main, ["clean", str(ROOT / "corpus"), "-q"])
    assert result.exit_code == 0, result.output
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_output_is_deterministic_across_runs():
    first = CliRunner().invoke(main, ["clean", str(ROOT / "corpus"), "-q"]).stdout
    second = CliRunner().invoke(main, ["clean", str(ROOT / "corpus"), "-q"]).stdout
    assert first == second
