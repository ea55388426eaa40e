"""Invariants on arbitrary input (Hypothesis; derandomised when CI is set)."""

import json

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from normalizer import clean_text, load_rules
from normalizer.api import clean_corpus_records
from normalizer.core.summary import Summary
from normalizer.io.binary import binary_reason
from normalizer.io.corpus import ListCorpus
from normalizer.io.output import dumps
from normalizer.io.records import ReadOptions, jsonl_items

RULES = load_rules()
PIECES = st.sampled_from([
    "Le corps du texte.", "Articles similaires", "- Un titre", "Lire aussi : Un titre", "ttn-fr-34",
    "Partager sur Facebook", "Tags: a, b", "Ã©tÃ©", "â€™", "Â ", "Ο Le", "https://x.org/?utm_source=a&b=1",
    " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u200b", "\x00", "\u00a0", "«", "»", "é", "e\u0301",
    "漢字", "かな", "한국어", "Привет", "😀", "\ud800", "\x85",
    # controls, Turkish dotted and dotless i, spaces and tabs before punctuation (issue 15, item 15)
    "\x01", "\x07", "\x1b", "\x7f", "\x0b", "\x0c", "İ", "ı", "İLGİLİ HABERLER", "\t.", " ;", "\t,", "\u00a0:",
    # every kind of boilerplate atom the default chain removes
    "Advertisement", "Comments (12)", "By Jane Doe", "Photo: Reuters", "Most read", "Share this:",
    "© 2019 Example Media, Inc.", "1 of 12", "5 min read", "[AFP-EN-2031]", "(ria_ru_118)", "#budget #mairie",
    "Mots-clés : budget, mairie", "ZOBACZ TAKŻE", "Foto: dpa", "来源：新华社", "Zobacz także:", "Lesen Sie auch",
    "관련기사", "関連記事", "Читайте также:", "Follow us on X", "Sign up for our newsletter", "Εκτύπωση",
    "The city council approved the new budget on Monday after a debate of more than six hours.",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=25).map("".join)


def assert_cleans_to_itself(text):
    once = clean_text(text, RULES)
    if once.rejected is None:
        again = clean_text(once.text, RULES)
        assert again.text == once.text, (once.text, again.text, once.edits, again.edits)


@given(TEXTS)
def test_default_chain_is_idempotent(text):
    assert_cleans_to_itself(text)


# the same atoms one per line around a paragraph, as pages lay them out (a line one step removes
# must not hide another from an earlier step: the chain settles)
PARAGRAPH = "The city council approved the new budget on Monday after a debate."
PAGES = st.tuples(st.lists(PIECES, max_size=6), st.lists(PIECES, max_size=6)).map(
    lambda parts: "\n".join([*parts[0], PARAGRAPH, *parts[1]]))


@given(PAGES)
def test_default_chain_is_idempotent_on_lines(text):
    assert_cleans_to_itself(text)


@given(st.lists(st.one_of(
    st.binary(max_size=40),
    st.builds(lambda t: json.dumps({"text": t}).encode(), TEXTS),
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False).encode("utf-8", "surrogatepass"), TEXTS),
), max_size=12))
def test_records_are_conserved_and_output_is_strict_json(lines):
    raw = b"".join(line.replace(b"\n", b" ") + b"\n" for line in lines)
    assume(binary_reason(raw) is None)          # a binary file is refused whole (test_binary_detection)
    summary = Summary()
    items = list(jsonl_items([raw[:7], raw[7:]], "mem"))
    results = list(clean_corpus_records(ListCorpus(items, (), ReadOptions()), RULES, False, summary))
    assert summary.documents_in + summary.blank_lines == len(lines)
    assert summary.documents_in == summary.documents_out + summary.documents_rejected
    assert len(results) == summary.documents_in
    for _kind, record in results:
        line = dumps(record)
        encoded = line.encode("utf-8")            # strict: no lone surrogates
        assert line.endswith("\n") and line.count("\n") == 1
        assert isinstance(json.loads(encoded), dict)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.one_of(
    st.binary(max_size=30),
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False).encode("utf-8", "surrogatepass"), TEXTS),
), min_size=1, max_size=40))
def test_jobs_1_and_2_are_byte_identical(lines):
    import tempfile
    from pathlib import Path

    from normalizer.engines.local import LocalEngine
    from normalizer.io.corpus import FileCorpus
    from normalizer.run.clean import clean_corpus
    from normalizer.run.options import OutputOptions

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_bytes(b"".join(line.replace(b"\n", b" ") + b"\n" for line in lines))
        results = []
        for jobs in (1, 2):
            out, rejects = Path(tmp) / f"out{jobs}", Path(tmp) / f"rej{jobs}"
            summary = clean_corpus(FileCorpus.from_paths([str(source)]), RULES,
                                   OutputOptions(str(out), str(rejects)), LocalEngine(jobs)).summary
            results.append((out.read_bytes(), rejects.read_bytes(), summary.as_json()))
        assert results[0] == results[1]


def test_records_read_before_a_failing_source_still_come_out():
    import pytest

    from normalizer.api import clean_records

    def records():
        for number in range(3):
            yield {"id": str(number), "text": f"Document {number}, long enough to say something."}
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for record in clean_records(records()):
            seen.append(record["id"])
    assert seen == ["0", "1", "2"]
