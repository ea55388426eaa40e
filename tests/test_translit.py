"""transliterate: opt-in, needs the [translit] extra, adds text_ascii without touching text."""

import pytest

from normalizer import clean_text, load_rules
from normalizer.core.errors import RuleError

unidecode = pytest.importorskip("unidecode", reason="the [translit] extra is not installed")


def rules_with_translit(tmp_path, extra=""):
    path = tmp_path / "translit.yaml"
    path.write_text("extends: default\nsteps:\n  - use: transliterate\n" + extra, encoding="utf-8")
    return load_rules(path)


def test_adds_text_ascii_and_keeps_text(tmp_path):
    doc = clean_text("Müller traf sich in 北京 mit Freunden 😀 und sprach über die Zukunft.", rules_with_translit(tmp_path))
    assert doc.text == "Müller traf sich in 北京 mit Freunden 😀 und sprach über die Zukunft."
    assert doc.meta["text_ascii"] == "Muller traf sich in Bei Jing mit Freunden und sprach uber die Zukunft."
    assert doc.meta["lang"] == "de", "language is checked before transliteration"


def test_in_place(tmp_path):
    doc = clean_text("Ça coûte 12 € à Zürich, dit-il en souriant à ses amis.",
                     rules_with_translit(tmp_path, "    in_place: true\n"))
    assert doc.text == "Ca coute 12 EUR a Zurich, dit-il en souriant a ses amis."
    assert doc.changed_by() == ["transliterate"]


def test_not_in_default_chain():
    assert "transliterate" not in [step.use for step in load_rules().steps]
    assert "text_ascii" not in clean_text("Müller und Straße sind deutsche Wörter, sagte er.").meta


def test_missing_extra_is_a_clear_rule_error(tmp_path, hide_module):
    hide_module("unidecode")
    with pytest.raises(RuleError) as info:
        rules_with_translit(tmp_path)
    assert "needs the optional package 'Unidecode'" in str(info.value)
    assert 'pip install "Unidecode>=1.3"' in str(info.value)
