"""A file is refused as binary only for what binary files show (a magic number, UTF-16's NUL
bytes, NULs over most lines); NUL bytes in some records of a JSONL file cost those records,
each rejected with its reason, and every other record is written."""

import gzip
import json

import pytest
from iohelpers import jsonl, record
from test_io_files import clean_dir

from normalizer.io.binary import binary_reason

GOOD = 3_000


def nul_records(where):
    """Records with raw NUL bytes (JSON forbids them unescaped) at ``where`` among GOOD good ones."""
    lines = [json.dumps(record(i), ensure_ascii=False).encode() for i in range(GOOD)]
    for index in where:
        lines[index] = b'{"id": "bad%d", "text": "a\x00b\x00c\x00' % index + b"\x00" * 200 + b'"}'
    return b"\n".join(lines) + b"\n"


@pytest.mark.parametrize("where", [[0], [0, 1], [0, 2, 5], [GOOD - 1], [0, GOOD // 2, GOOD - 1]],
                         ids=["first", "first-two", "three-early", "last", "spread"])
@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_nul_bytes_in_some_records_cost_those_records_only(tmp_path, where, compressed):
    data = nul_records(where)
    name = "corpus.jsonl.gz" if compressed else "corpus.jsonl"
    result, kept, dropped = clean_dir(tmp_path, {name: gzip.compress(data) if compressed else data}, "-r", "fast")
    assert result.exit_code == 0, result.output
    assert len(kept) == GOOD - len(where)
    assert len(dropped) == len(where) and {r["reject"]["reason"] for r in dropped} == {"json_decode_error"}


@pytest.mark.parametrize(("head", "expected"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
    (b"%PDF-1.7\n" + b"x" * 100, "PDF document"),
    (b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "ELF executable"),
    (b"PAR1" + b"\x00" * 40, "Parquet file"),
    ('{"id": "1", "text": "bonjour"}\n'.encode("utf-16-le") * 20, "UTF-16"),
    (b"\x00" * 4096, "4096 NUL bytes in 4096 bytes"),
    (b"\x00\x01\x02\x03\n" * 500, "NUL bytes on 500 of the first 501 lines"),
])
def test_what_binary_files_show_makes_them_binary(head, expected):
    assert expected in (binary_reason(head) or "")


@pytest.mark.parametrize("head", [
    jsonl(*(record(i) for i in range(50))).encode(),
    b'{"text": "a\x00b\x00c\x00d\x00e"}\n' + jsonl(*(record(i) for i in range(50))).encode(),
    "Добрый день, мир\n".encode() * 100,
    b"",
])
def test_text_with_a_few_nuls_is_not_binary(head):
    assert binary_reason(head) is None


@pytest.mark.parametrize("text", ["MZ Motors announced a new model on Monday.", "RIFF raids are planned.",
                                  "ID3 tags hold a song's title.", "OggS is no word.", "PK, as the players call him"])
def test_text_that_opens_like_a_magic_number_is_text(text):
    assert binary_reason(text.encode()) is None


def bad_start(kind):
    good = [json.dumps(record(i), ensure_ascii=False).encode() for i in range(GOOD)]
    if kind == "utf16-record":          # the first record's text is raw UTF-16
        bad = [b'{"id": "bad", "text": "' + ("Le budget est adopté. " * 60).encode("utf-16-le") + b'"}']
    elif kind == "long-line":           # one 10 KB first line, 1.5 % NULs
        bad = [b'{"id": "bad", "text": "' + (b"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq\x00" * 180)
               + b'"}']
    else:                               # a whole first batch of short records with a NUL
        bad = [b'{"id": "b%d", "text": "a\x00b"}' % i for i in range(200)]
    return b"\n".join(bad + good) + b"\n", len(bad)


@pytest.mark.parametrize("kind", ["utf16-record", "long-line", "bad-first-batch"])
def test_a_bad_start_costs_its_records_not_the_file(tmp_path, kind):
    data, bad = bad_start(kind)
    result, kept, dropped = clean_dir(tmp_path, {"corpus.jsonl": data}, "-r", "fast")
    assert result.exit_code == 0, result.output
    assert len(kept) == GOOD and len(dropped) == bad


def test_a_text_file_with_a_stray_nul_is_read(tmp_path):
    text = "Le conseil municipal a adopté lundi le nouveau budget après un long débat.\x00 Fin."
    result, kept, dropped = clean_dir(tmp_path, {"doc.txt": text.encode()}, "-r", "fast")
    assert result.exit_code == 0 and kept[0]["text"] == text.replace("\x00", "") and not dropped
