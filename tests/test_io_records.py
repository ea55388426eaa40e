"""The bad-input catalogue for JSONL records (shared/RELIABILITY.md §3, items 1-21).

Each case: the bytes of one line placed between two good lines, and the reject reason
expected for it (None: accepted). The good neighbours must always come through, and
in = out + rejected.
"""

import json

import pytest
from iohelpers import TEXT, clean_file, jsonl, record

CASES = [
    ("truncated-object", b'{"text": "abc"', "json_decode_error", "Expecting ',' delimiter"),
    ("array", b'["text"]', "not_an_object", "an array"),
    ("string", b'"hello"', "not_an_object", "a string"),
    ("number", b"42", "not_an_object", "a number"),
    ("null", b"null", "not_an_object", "null"),
    ("missing-text", b'{"body": "x"}', "missing_text", "no 'text' field"),
    ("text-number", b'{"text": 5}', "text_not_string", "is a number"),
    ("text-null", b'{"text": null}', "text_not_string", "is null"),
    ("text-list", b'{"text": ["a"]}', "text_not_string", "is an array"),
    ("text-object", b'{"text": {"a": 1}}', "text_not_string", "is an object"),
    ("empty-text", b'{"text": ""}', "empty_text", ""),
    ("blank-text", b'{"text": "  \\n"}', "empty_text", ""),
    ("cesu-surrogate-bytes", b'{"text": "a\xed\xa0\x80b"}', "invalid_utf8", "invalid continuation byte"),
    ("overlong", b'{"text": "a\xc0\xafb"}', "invalid_utf8", "invalid start byte"),
    ("lone-cr-separator", b'{"a":1}\r{"text":"b"}', "json_decode_error", "Extra data"),
    ("two-objects", b'{"text": "a"} {"text": "b"}', "json_decode_error", "Extra data: line 1 column 15"),
    ("raw-tab", b'{"text": "a\tb"}', "json_decode_error", "Invalid control character"),
    ("raw-nul", b'{"text": "a\x00b"}', "json_decode_error", "Invalid control character"),
    ("nan", b'{"text": "a", "x": NaN}', "non_finite_number", "NaN"),
    ("minus-infinity", b'{"text": "a", "x": -Infinity}', "non_finite_number", "Infinity"),
    ("1e400", b'{"text": "a", "x": 1e400}', "non_finite_number", "1e400"),
    ("5000-digits", b'{"text": "a", "x": ' + b"9" * 5000 + b"}", "number_too_large", "4300 digits"),
    ("duplicate-text", b'{"text": "a", "text": "b"}', "duplicate_key:text", "duplicate key 'text'"),
    ("deep-array", b"[" * 1_000_000, "json_decode_error", ""),
    ("deep-metadata", b'{"text": "a", "m": ' + b"[" * 200 + b"]" * 200 + b"}", "too_deep", "128"),
]


@pytest.mark.parametrize(("label", "line", "reason", "detail"), CASES, ids=[c[0] for c in CASES])
def test_bad_line_is_rejected_with_source_line_and_reason(tmp_path, label, line, reason, detail):
    raw = jsonl(record(1)).encode() + line + b"\n" + jsonl(record(3)).encode()
    code, kept, dropped, _ = clean_file(tmp_path, raw)
    assert code == 0
    assert [r["id"] for r in kept] == ["1", "3"]
    [bad] = dropped
    if label == "deep-array":          # too deep to parse: either reason names the problem
        assert bad["reject"]["reason"] in ("too_deep", "json_decode_error")
    else:
        assert bad["reject"]["reason"] == reason
        assert detail in bad["reject"]["detail"]
    assert bad["reject"]["line"] == 2 and bad["reject"]["source"].endswith("in.jsonl")
    assert bad["reject"]["byte_offset"] == len(jsonl(record(1)).encode())


def test_blank_lines_are_counted_and_keep_line_numbers(tmp_path):
    raw = b"\n   \n\r\n" + jsonl(record(1)).encode() + b"\n" + b'{"bad"\n'
    code, kept, dropped, stderr = clean_file(tmp_path, raw)
    assert [r["id"] for r in kept] == ["1"]
    assert dropped[0]["reject"]["line"] == 6
    assert "2 documents in, 1 out, 1 rejected (4 blank lines skipped)" in stderr


@pytest.mark.parametrize(("escaped", "expected"), [
    ('"a\\ud800b"', "a\ufffdb"),                 # lone surrogate: repaired, output stays strict UTF-8
    ('"\\ud83d\\ude00 ' + TEXT + '"', "😀 " + TEXT),   # a valid escaped pair is one emoji
])
def test_escaped_surrogates(tmp_path, escaped, expected):
    code, kept, dropped, _ = clean_file(tmp_path, b'{"id": "s", "text": ' + escaped.encode() + b"}\n")
    assert kept[0]["text"] == expected
    (tmp_path / "out.jsonl").read_bytes().decode("utf-8")     # strict


def test_one_bad_byte_costs_exactly_one_record(tmp_path):
    lines = [jsonl(record(i)).encode() for i in range(1, 1001)]
    lines[500] = lines[500].replace(b"budget", b"budg\xe9t")
    code, kept, dropped, _ = clean_file(tmp_path, b"".join(lines))
    assert len(kept) == 999
    assert [(r["reject"]["line"], r["reject"]["reason"]) for r in dropped] == [(501, "invalid_utf8")]
    assert "raw_b64" in dropped[0]


def test_bom_at_start_and_mid_file_is_stripped(tmp_path):
    raw = b"\xef\xbb\xbf" + jsonl(record(1)).encode() + b"\xef\xbb\xbf" + jsonl(record(2)).encode()
    code, kept, dropped, _ = clean_file(tmp_path, raw)
    assert [r["id"] for r in kept] == ["1", "2"] and not dropped


def test_crlf_and_lf_give_identical_output(tmp_path):
    body = jsonl(record(1), record(2, text="Deuxième document, assez long pour être reconnu comme du français."))
    _, lf, _, _ = clean_file(tmp_path, body.encode())
    _, crlf, _, _ = clean_file(tmp_path, body.replace("\n", "\r\n").encode())
    assert lf == crlf


def test_last_line_without_newline_is_read(tmp_path):
    _, kept, _, _ = clean_file(tmp_path, jsonl(record(1)).encode() + json.dumps(record(2)).encode())
    assert [r["id"] for r in kept] == ["1", "2"]


def test_duplicate_non_text_key_last_wins_and_big_integers_stay_exact(tmp_path):
    raw = b'{"id": "a", "text": "' + TEXT.encode() + b'", "n": 1, "n": 18446744073709551616}\n'
    _, kept, _, _ = clean_file(tmp_path, raw)
    assert kept[0]["n"] == 18446744073709551616
    assert b"18446744073709551616" in (tmp_path / "out.jsonl").read_bytes()


def test_line_separators_inside_strings_do_not_split_records(tmp_path):
    text = TEXT + "\u2028second part\u0085third\u001cfourth"
    _, kept, dropped, _ = clean_file(tmp_path, jsonl(record(1, text=text)).encode())
    assert len(kept) == 1 and not dropped


def test_line_too_long_is_rejected_and_neighbours_kept(tmp_path):
    raw = jsonl(record(1)).encode() + b'{"text": "' + b"x" * 5000 + b'"}\n' + jsonl(record(3)).encode()
    code, kept, dropped, _ = clean_file(tmp_path, raw, "in.jsonl", "--max-line-bytes", "4096")
    assert [r["id"] for r in kept] == ["1", "3"]
    assert dropped[0]["reject"]["reason"] == "line_too_long" and dropped[0]["raw_truncated"]
