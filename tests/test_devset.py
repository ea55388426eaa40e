"""The labelled sets, scored: body kept is the number that must not slip.

tests/devset/ was used to tune the vocabularies; tests/holdout/ never was. Floors here
are regression gates, set a little under what the rules score today.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from normalizer import load_rules

HERE = Path(__file__).parent
spec = importlib.util.spec_from_file_location("score_devset", HERE / "devset" / "score_devset.py")
score_devset = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score_devset)

SETS = {  # name: (file, min body kept, min boilerplate removed, min language accuracy)
    "devset": (HERE / "devset" / "devset.jsonl", 0.998, 0.95, 0.99),
    "holdout": (HERE / "holdout" / "holdout.jsonl", 0.998, 0.60, 0.97),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_labelled_set_scores(name, implementation):
    path, min_body, min_boilerplate, min_lang = SETS[name]
    if not path.exists():
        pytest.fail(f"{path} is missing")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results, _, _ = score_devset.score(items, load_rules())
    summary = score_devset.summarize(results)
    lost = [(r["id"], line) for r in results for line in r["lost"]]
    assert summary["body_kept"] >= min_body, f"body lines lost: {lost}"
    assert summary["bp_removed"] >= min_boilerplate
    assert summary["lang"] >= min_lang
