"""Parquet text stored as BINARY / LARGE_BINARY (legacy Hive and Impala writers): UTF-8 bytes are
read as text, a text that is not UTF-8 is rejected as invalid_utf8, and binary metadata that
is not UTF-8 is kept as {"$base64": …}; never a Python b'…' repr."""

import base64
import json

import pytest
from iohelpers import read_jsonl, run_cli

pyarrow = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

TEXTS = ["Le conseil municipal a adopté lundi le nouveau budget.", "Городской совет утвердил новый бюджет."]


@pytest.mark.parametrize("kind", ["binary", "large_binary"])
def test_binary_columns_are_decoded_or_marked(tmp_path, kind):
    binary = getattr(pyarrow, kind)()
    table = pyarrow.table({
        "id": pyarrow.array([b"a", b"b", b"c"], binary),
        "text": pyarrow.array([TEXTS[0].encode(), TEXTS[1].encode(), b"\xff\xfe caf\xe9"], binary),
        "meta": pyarrow.array([b"\x00\x01\xff", "é".encode(), None], binary),
        "tags": pyarrow.array([[b"x", b"\xff"], [], None], pyarrow.list_(binary)),
    })
    source = tmp_path / "in.parquet"
    parquet.write_table(table, source)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = run_cli("clean", source, "-o", out, "--rejects", rejects, "-r", "fast", "-j", "1")
    assert result.returncode == 0, result.stderr
    kept = read_jsonl(out)
    assert [(r["id"], r["text"]) for r in kept] == [("a", TEXTS[0]), ("b", TEXTS[1])]
    assert kept[0]["meta"] == {"$base64": base64.b64encode(b"\x00\x01\xff").decode()} and kept[1]["meta"] == "é"
    assert kept[0]["tags"] == ["x", {"$base64": base64.b64encode(b"\xff").decode()}]
    assert "b'" not in out.read_text(encoding="utf-8")
    (rejected,) = read_jsonl(rejects)
    assert rejected["id"] == "c" and rejected["reject"]["reason"] == "invalid_utf8"


def test_a_new_field_after_the_first_parquet_batch_is_a_clear_schema_error(tmp_path):
    records = [{"id": str(i), "text": TEXTS[0]} for i in range(1500)]
    records[1200]["extra"] = "x"
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = run_cli("clean", source, "-o", tmp_path / "out.parquet", "-r", "fast", "-j", "1", "-q")
    assert result.returncode == 4
    err = result.stderr.decode()
    assert "records have fields the first 1024 rows did not (extra), which Parquet cannot add later" in err
    assert "Traceback" not in err and "closed file" not in err
    assert not (tmp_path / "out.parquet").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_an_integer_id_after_the_first_batch_does_not_change_the_parquet_schema(tmp_path):
    records = [{"id": str(i), "text": TEXTS[0]} for i in range(1500)] + [{"id": 1600, "text": TEXTS[1]}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = run_cli("clean", source, "-o", tmp_path / "out.parquet", "-r", "fast", "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    assert parquet.read_table(tmp_path / "out.parquet").num_rows == 1501
