"""The speed-only shortcuts against the plain reference implementation, document by document.

``normalizer.core.speed`` switches every shortcut off at once; the case, example, dev-set and
golden suites run both ways (the ``implementation`` fixture). Here the two are compared
directly, on whole chains and on texts made to reach the shortcuts' edges: whatever a
shortcut skips must be what the plain way would have left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizer import clean_text, load_rules
from normalizer.core.speed import reference_implementation, shortcuts

ROOT = Path(__file__).parent


def texts() -> list[str]:
    found = []
    for name in ("devset/devset.jsonl", "holdout/holdout.jsonl"):
        found += [json.loads(line)["text"] for line in (ROOT / name).read_text("utf-8").splitlines()]
    found += [path.read_text("utf-8") for path in sorted((ROOT.parent / "rules" / "prose").glob("*.txt"))]
    garbled = [text.encode("utf-8").decode("cp1252", errors="replace") for text in found[::7]]
    spaced = [text.replace(" ", "\u00a0 ").replace("'", "’").upper() for text in found[::9]]
    line_starts = [text.replace("\n", "\nÃ ").replace("\n\nÃ ", "\n\n") for text in found[::11]]
    crlf = [text.replace("\n", "\r\n") for text in found[::13] + line_starts[::2]]
    trailing = [text.replace("\n", f"{space}\n") for space, text in zip("\u00a0\u3000\t\u2009\u202f \u1680" * 9,
                                                                         found[::5])]
    numbered = [text.replace("\n", "\n## 2024 :") for text in found[::17]]
    return found + garbled + spaced + line_starts + crlf + trailing + numbered


@pytest.mark.parametrize("rules", ["default", "fast"])
def test_every_document_comes_out_the_same_both_ways(rules):
    chain = load_rules(rules)
    corpus = texts()
    fast = [clean_text(text, chain) for text in corpus]
    with reference_implementation():
        slow = [clean_text(text, chain) for text in corpus]
    differing = [(index, corpus[index][:80]) for index, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]
    assert not differing, differing[:5]
    assert sum(doc.edits != () for doc in fast) > len(corpus) // 3      # the chain had work to do


def test_the_switch_is_scoped_to_its_block():
    assert shortcuts()
    with reference_implementation():
        assert not shortcuts()
        with reference_implementation(False):
            assert shortcuts()
        assert not shortcuts()
    assert shortcuts()


def test_the_environment_variable_reaches_a_new_process(tmp_path):
    import os
    import subprocess
    import sys
    code = "from normalizer.core.speed import shortcuts; print(shortcuts())"
    env = {**os.environ, "NORMALIZER_REFERENCE": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
