"""Files as a whole (RELIABILITY.md §3, items 22-37): encodings, binary files, compression,
truncation and corruption, bombs, concatenated streams, magic bytes over extensions."""

import bz2
import gzip
import io
import lzma
import os
import socket
import time

import pytest
import zstandard
from iohelpers import TEXT, invoke, jsonl, read_jsonl, record

FRENCH = "L'été dernier, à Besançon, les élèves ont réclamé des crêpes et du café, « c'était génial », dit-on. " * 2
JAPANESE = "日本語のテキストです。政府は経済を支援する新しい計画を発表した。来年度から実施する予定だという。" * 2
CHINESE = "政府宣布了支持国家经济的新计划，预计明年开始实施。这是该机型投入商业运营以来规模最大的一次扩展。" * 2
RUSSIAN = "Правительство утвердило новый бюджет на следующий год, сообщили в министерстве финансов во вторник." * 2


def clean_dir(tmp_path, files: dict, *extra):
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    for name, data in files.items():
        (inputs / name).write_bytes(data)
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = invoke("clean", inputs, "-o", out, "--rejects", rejects, "-j", "1", *extra)
    return result, (read_jsonl(out) if out.exists() else []), (read_jsonl(rejects) if rejects.exists() else [])


@pytest.mark.parametrize(("text", "encoding", "recorded"), [
    (FRENCH, "cp1252", "cp1252"), (FRENCH, "latin-1", "cp1252"), (JAPANESE, "shift_jis", "cp932"),
    (CHINESE, "gb18030", "gb18030"), (RUSSIAN, "cp1251", "cp1251"), (RUSSIAN, "koi8_r", "koi8_r"),
    (FRENCH, "utf-16", "utf_16_le"), (RUSSIAN, "utf-16-be", "utf_16_be"), (FRENCH, "utf-16-le", "utf_16_le"),
], ids=["fr-cp1252", "fr-latin1", "ja-shift_jis", "zh-gb18030", "ru-cp1251", "ru-koi8_r", "fr-utf16-bom",
        "ru-utf16be-no-bom", "fr-utf16le-no-bom"])
def test_legacy_encodings_are_decoded_and_recorded(tmp_path, text, encoding, recorded):
    result, kept, _ = clean_dir(tmp_path, {"doc.txt": text.encode(encoding)})
    assert kept[0]["text"] == text.strip()
    assert kept[0]["encoding"] == recorded


def test_short_non_utf8_file_is_not_guessed(tmp_path):
    result, kept, dropped = clean_dir(tmp_path, {"cafe.txt": b"caf\xe9"})
    assert dropped[0]["reject"]["reason"] == "undetectable_encoding" and not kept
    result, kept, dropped = clean_dir(tmp_path, {"cafe.txt": b"caf\xe9 et th\xe9, encore un peu"},
                                      "--fallback-encoding", "cp1252")
    assert dropped == [] and kept[0]["text"] == "café et thé, encore un peu"


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path):
    raw = ("é" + "x" * 150_000).encode() + b"\xff" + ("y" * 150_000).encode()
    result, kept, _ = clean_dir(tmp_path, {"big.txt": raw})
    assert kept[0]["encoding"] == "utf_8" and kept[0]["invalid_bytes_replaced"] == 1


@pytest.mark.parametrize(("head", "kind"), [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
                                            (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
                                            (b"SQLite format 3\x00", "SQLite database")], ids=["png", "elf", "sqlite"])
def test_binary_files_are_refused_as_files(tmp_path, head, kind):
    result, kept, dropped = clean_dir(tmp_path, {"a.txt": TEXT.encode(), "b.txt": head + b"\x00" * 100})
    assert result.exit_code == 3
    assert [r["id"] for r in kept] == ["a"]
    assert dropped[0]["reject"] == {"stage": "file", "reason": "binary_file", "source": str(tmp_path / "in" / "b.txt"),
                                    "detail": f"a {kind} (it opens with that format's magic number): not a text file",
                                    "records_already_written": 0}


def test_empty_jsonl_file_gives_no_records(tmp_path):
    result, kept, dropped = clean_dir(tmp_path, {"empty.jsonl": b""})
    assert result.exit_code == 0 and kept == [] and dropped == []


def good_lines(n=200):
    return jsonl(*(record(i) for i in range(n))).encode()


def zstd(data, checksum=True):
    return zstandard.ZstdCompressor(write_checksum=checksum).compress(data)


@pytest.mark.parametrize(("name", "compress"), [
    ("a.jsonl.gz", gzip.compress), ("a.jsonl.bz2", bz2.compress), ("a.jsonl.xz", lzma.compress),
    ("a.jsonl.zst", zstd), ("a.jsonl", gzip.compress), ("b.jsonl.gz", lambda data: data),
])
def test_compression_is_read_by_magic_bytes(tmp_path, name, compress):
    result, kept, dropped = clean_dir(tmp_path, {name: compress(good_lines(20))})
    assert result.exit_code == 0 and len(kept) == 20 and not dropped


def test_concatenated_gzip_members_and_zstd_frames_are_read_whole(tmp_path):
    result, kept, _ = clean_dir(tmp_path, {
        "a.jsonl.gz": gzip.compress(good_lines(5)) + gzip.compress(good_lines(7)),
        "b.jsonl.zst": zstd(good_lines(3)) + zstd(good_lines(4))})
    assert len(kept) == 19


@pytest.mark.parametrize(("name", "damage", "reason"), [
    ("t.jsonl.gz", lambda d: gzip.compress(d)[: len(gzip.compress(d)) // 2], "truncated_input"),
    ("t.jsonl.zst", lambda d: zstd(d)[: len(zstd(d)) // 2], "truncated_input"),
    ("t.jsonl.xz", lambda d: lzma.compress(d)[:-20], "truncated_input"),
    ("t.jsonl.gz", lambda d: flip(gzip.compress(d), -6), "corrupt_input"),
    ("t.jsonl.bz2", lambda d: flip(bz2.compress(d), len(bz2.compress(d)) // 2), "corrupt_input"),
    ("t.jsonl.zst", lambda d: flip(zstd(d), -2), "corrupt_input"),
    ("t.jsonl.gz", lambda d: gzip.compress(d) + b"junk after the member", "corrupt_input"),
], ids=["gz-cut", "zst-cut", "xz-cut", "gz-crc", "bz2-flip", "zst-checksum", "gz-junk"])
def test_damaged_compressed_file_is_rolled_back_and_others_committed(tmp_path, name, damage, reason):
    result, kept, dropped = clean_dir(tmp_path, {"a.jsonl": good_lines(3), name: damage(good_lines(2000))})
    assert result.exit_code == 3
    assert [r["id"] for r in kept] == ["0", "1", "2"], "the damaged file's records are rolled back"
    [failure] = dropped
    assert failure["reject"]["reason"] == reason and failure["reject"]["stage"] == "file"
    assert failure["reject"]["records_rolled_back"] >= 0
    assert "1 input file(s) could not be read" in result.stderr


def test_salvage_keeps_records_of_a_damaged_file_marked(tmp_path):
    data = gzip.compress(good_lines(2000))
    result, kept, dropped = clean_dir(tmp_path, {"t.jsonl.gz": data[: len(data) // 2]}, "--salvage")
    assert result.exit_code == 3 and kept and all(r["salvaged"] for r in kept)
    assert dropped[-1]["reject"]["records_salvaged"] == len(kept) + len(dropped) - 1


def flip(data: bytes, index: int) -> bytes:
    mutable = bytearray(data)
    mutable[index] ^= 0xFF
    return bytes(mutable)


def test_zstd_output_carries_a_checksum(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(good_lines(5))
    assert invoke("clean", tmp_path / "in.jsonl", "-o", tmp_path / "out.jsonl.zst", "-q").exit_code == 0
    data = (tmp_path / "out.jsonl.zst").read_bytes()
    assert zstandard.get_frame_parameters(data).has_checksum
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
    assert len(reader.read().splitlines()) == 5


@pytest.mark.parametrize("kind", ["gzip", "zstd"])
def test_decompression_bomb_is_stopped_quickly(tmp_path, kind):
    filler = b"a" * (300 << 20)          # a bomb of NULs is refused sooner, as binary (next test)
    bomb = gzip.compress(filler, compresslevel=9) if kind == "gzip" else zstd(filler)
    started = time.monotonic()
    result, kept, dropped = clean_dir(tmp_path, {f"bomb.jsonl.{'gz' if kind == 'gzip' else 'zst'}": bomb})
    assert time.monotonic() - started < 60
    assert result.exit_code == 3
    assert dropped[-1]["reject"]["reason"] == "expansion_ratio_limit"


def test_a_jsonl_file_full_of_nul_bytes_is_refused_as_binary_but_a_stray_nul_costs_one_record(tmp_path):
    result, kept, dropped = clean_dir(tmp_path, {"zeros.jsonl.gz": gzip.compress(b"\x00" * (1 << 20)),
                                                 "elf.jsonl": b"\x7fELF\x02\x01\x01" + b"\x00" * 64 + b"\n"})
    assert result.exit_code == 3
    assert sorted(r["reject"]["reason"] for r in dropped) == ["binary_file", "binary_file"]
    (tmp_path / "one").mkdir()
    result, kept, dropped = clean_dir(tmp_path / "one", {"one.jsonl": good_lines(3) + b'{"text": "a\x00b"}\n'})
    assert result.exit_code == 0 and len(kept) == 3 and dropped[0]["reject"]["reason"] == "json_decode_error"


def test_whitespace_lines_split_across_chunks_are_counted_in_bulk():
    from normalizer.io.linereader import BlankRun, read_lines
    pieces = list(read_lines([b"  \r", b"\n  \r\n", b"  ", b"\n", b'{"a": 1}\n'], 100))
    assert pieces[:-1] == [BlankRun(1, 2), BlankRun(3, 1)]
    assert pieces[-1].number == 4


def test_a_gigabyte_of_newlines_is_counted_fast(tmp_path):
    data = gzip.compress(b"\n" * (256 << 20), compresslevel=9)
    result, kept, dropped = clean_dir(tmp_path, {"nl.jsonl.gz": data})
    assert result.exit_code == 0
    assert f"({256 << 20} blank lines skipped)" in result.stderr


def test_zstd_frame_needing_a_huge_window_is_refused_with_the_option_named(tmp_path):
    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=31, enable_ldm=True,
                                                            write_content_size=False)
    buffer = io.BytesIO()
    with zstandard.ZstdCompressor(compression_params=params).stream_writer(buffer, closefd=False) as writer:
        writer.write(good_lines(3))
    result, kept, dropped = clean_dir(tmp_path, {"long.jsonl.zst": buffer.getvalue()})
    assert result.exit_code == 3
    assert "Frame requires too much memory" in dropped[0]["reject"]["detail"]
    assert "--zstd-max-window" in dropped[0]["reject"]["detail"]
    result, kept, dropped = clean_dir(tmp_path, {"long.jsonl.zst": buffer.getvalue()}, "--zstd-max-window", "2GiB")
    assert result.exit_code == 0 and len(kept) == 3


def test_stdin_may_be_gzip(tmp_path):
    result = invoke("clean", "-", "-q", input=gzip.compress(good_lines(4)))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4


def test_directory_walk_skips_special_files_and_hidden_folders(tmp_path):
    base = tmp_path / "in"
    (base / "sub").mkdir(parents=True)
    (base / ".hidden").mkdir()
    (base / "sub" / "b.jsonl").write_bytes(good_lines(1))
    (base / "a.txt").write_text(TEXT, encoding="utf-8")
    (base / ".hidden" / "h.txt").write_text(TEXT, encoding="utf-8")
    (base / "notes.md").write_text("ignored", encoding="utf-8")
    os.mkfifo(base / "fifo.jsonl")
    (base / "loop.jsonl").symlink_to(base / "loop.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(base / "sock.jsonl"))
    try:
        result = invoke("clean", base, "-q", "-j", "1")
    finally:
        sock.close()
    assert result.exit_code == 0
    assert [r["id"] for r in map(__import__("json").loads, result.stdout.splitlines())] == ["a", "0"]
    for name, what in (("fifo.jsonl", "a FIFO"), ("loop.jsonl", "a symlink loop"), ("sock.jsonl", "a socket")):
        assert f"{base / name}: skipped, {what}" in result.stderr


def test_txt_ids_are_paths_below_the_directory(tmp_path):
    base = tmp_path / "in"
    for month in ("01", "02"):
        (base / month).mkdir(parents=True)
        (base / month / "index.txt").write_text(TEXT, encoding="utf-8")
    result = invoke("clean", base, "-q")
    ids = [__import__("json").loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["01/index", "02/index"]


def test_globs_expand_recursively_and_sorted(tmp_path):
    for name in ("b/2.jsonl", "a/1.jsonl", "a/deep/3.jsonl.gz", "a/skip.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = jsonl(record(name.split("/")[-1].split(".")[0])).encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = invoke("clean", f"{tmp_path}/**/*.jsonl*", "-q")
    assert [__import__("json").loads(line)["id"] for line in result.stdout.splitlines()] == ["1", "3", "2"]
    assert invoke("clean", f"{tmp_path}/*.nothing").exit_code == 3


def test_progress_line_only_on_a_terminal(monkeypatch, capsys):
    import sys

    from normalizer.run.progress import Progress
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    shown = Progress(total_bytes=2_000_000, enabled=True)
    shown.drawn = -1.0
    shown.update(10, 1_000_000)
    drawn = capsys.readouterr().err
    assert "10 documents" in drawn and "1.0 MB" in drawn and "50%" in drawn and "ETA" in drawn
    shown.close()
    assert capsys.readouterr().err == "\r\x1b[K"
    quiet = Progress(total_bytes=None, enabled=False)
    quiet.update(10, 1_000_000)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    piped = Progress(total_bytes=None, enabled=True)
    piped.update(10, 1_000_000)
    assert capsys.readouterr().err == ""
