"""Table-driven cleaner cases from tests/cases/*.yaml: positives and must-not-change."""

import json
from pathlib import Path

import pytest
import yaml

from normalizer.cleaners import CLEANERS
from normalizer.core.cleaner import learn_in_passes, traits_of
from normalizer.core.document import Doc, replay

CASES_DIR = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case['label']}")


@pytest.mark.parametrize(("cleaner_name", "case"), list(load_cases()))
def test_case(cleaner_name, case, implementation):
    cleaner = CLEANERS[cleaner_name](**case.get("options", {}))
    if traits_of(cleaner).learns:
        out = learned_and_applied(cleaner, case)
    elif "doc_meta" in case:            # what earlier steps recorded (lang): the step reads the document
        out = cleaner.apply_to(Doc("case", case["input"], meta=case["doc_meta"]))
    else:
        out = cleaner(case["input"])
    for key, expected in case.get("meta", {}).items():      # what the step records (a subset for a mapping)
        recorded = out.meta[key]
        assert ({name: recorded[name] for name in expected} if isinstance(expected, dict) else recorded) == expected
    if "reject" in case:
        assert out.reject is not None and out.reject[0] == case["reject"]
        return
    assert out.reject is None, out.reject
    expected = case["input"] if case.get("keep") else case["output"]
    assert out.text == expected
    assert (out.edits == ()) == (expected == case["input"]), "edits must be reported exactly when text changed"
    stamped = [edit._replace(step=cleaner_name) for edit in out.edits]
    assert replay(case["input"], stamped) == out.text


def learned_and_applied(cleaner, case):
    """A corpus step learns from the case's ``corpus`` (other documents of the same source, or of
    the sources ``sources`` names, one per document) and its input, which comes last in input
    order (the copy ``dedup`` would reject), in as many passes as it asks for; then it cleans the
    input."""
    texts = [*case.get("corpus", []), case["input"]]
    sources = case.get("sources", ["news.example"] * len(texts))
    docs = [Doc(str(number), text, fields={"source": source}, source="case.jsonl", line=number)
            for number, (text, source) in enumerate(zip(texts, sources), 1)]

    def one_pass(earlier):
        learned = cleaner.nothing_learned()
        for doc in docs:
            learned = cleaner.merge(learned, cleaner.learn(doc) if earlier is None else cleaner.learn(doc, earlier))
        return learned

    learned = learn_in_passes(cleaner, one_pass, ["case.jsonl"], lambda state: json.loads(json.dumps(state)))
    return cleaner.apply(docs[-1], learned)      # as the runner hands it over: through JSON


def test_every_cleaner_has_cases():
    names = {path.stem for path in CASES_DIR.glob("*.yaml")}
    missing = set(CLEANERS) - names - {"transliterate"}   # needs the optional extra: test_translit.py
    assert not missing, f"cleaners without a case file: {sorted(missing)}"


def test_every_case_file_has_positive_and_negative_cases():
    for path in CASES_DIR.glob("*.yaml"):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert any(c.get("keep") for c in cases), f"{path.name} has no must-not-change case"
        assert any(not c.get("keep") for c in cases), f"{path.name} has no positive case"
