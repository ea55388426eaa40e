"""The Python API says what it expects: a caller's wrong argument is a TypeError at the call,
never a document rejected as an internal error; and an integer id keeps a trace of its type."""

import pytest

from normalizer import clean_records, clean_text, load_rules

TEXT = "Le conseil municipal a adopté lundi le nouveau budget après un long débat."


@pytest.mark.parametrize(("text", "expected"), [(None, "not NoneType"), (b"bytes", "decode bytes first"),
                                                (5, "not int"), (["a"], "not list")])
def test_clean_text_wants_a_str(text, expected):
    with pytest.raises(TypeError, match=expected):
        clean_text(text)


@pytest.mark.parametrize(("rules", "expected"), [("default", r"pass load_rules\('default'\)"), (b"fast", "not bytes"),
                                                 (3, "not int"), ({"steps": []}, "not dict")])
def test_rules_must_be_loaded_rules(rules, expected):
    with pytest.raises(TypeError, match=expected):
        clean_text(TEXT, rules)
    with pytest.raises(TypeError, match=expected):
        clean_records([{"text": TEXT}], rules)           # at the call, before the first record


@pytest.mark.parametrize("records", ["a text", b"bytes", {"text": TEXT}, 7])
def test_clean_records_wants_an_iterable_of_records(records):
    with pytest.raises(TypeError, match="iterable of dict records"):
        clean_records(records)


def test_none_still_means_the_default_rules():
    assert clean_text(TEXT, None).text == clean_text(TEXT, load_rules()).text == TEXT


def test_an_integer_id_and_a_string_id_are_told_apart():
    out = list(clean_records([{"id": 1, "text": TEXT}, {"id": "1", "text": TEXT}]))
    assert [(record["id"], record.get("input_id")) for record in out] == [(1, None), ("1", None)]


@pytest.mark.parametrize("records", [b'{"text": "abc"}', "corpus.jsonl", {"text": "x"}, None])
def test_learn_from_wants_records_or_a_corpus(records):
    from normalizer.api import learn_from
    with pytest.raises(TypeError, match="dict records or a corpus"):
        learn_from(records, load_rules())


def test_clean_corpus_records_wants_a_corpus():
    from normalizer.api import clean_corpus_records
    with pytest.raises(TypeError, match="use clean_records"):
        clean_corpus_records([{"text": TEXT}], load_rules())
