"""What binary files are, so that a file is refused as one only for what binary files show:
a known magic number at its start, the NUL-byte pattern of UTF-16, or NUL bytes spread over
most of its lines. A text or JSONL file with NUL bytes in one record is not binary: that
record alone is bad."""

from __future__ import annotations

SNIFF_BYTES = 8192          # where a magic number and UTF-16's pattern are looked for
LINES_SAMPLE_BYTES = 1 << 20  # where NULs are counted line by line: a bad first batch is not most of 1 MiB
MIN_SAMPLE_LINES = 8
NUL_SHARE = 0.05        # UTF-16: at least this share of code units holds a NUL byte ...
NUL_SIDE = 0.8          # ... and this share of those NULs is on the same side of each pair
# Magic numbers that plain text could not begin with (an ASCII one is followed by a control byte).
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"), (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"), (b"PAR1", "Parquet file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"), (b"OggS\x00", "Ogg media file"),
    (b"\x00\x00\x01\xba", "MPEG video"), (b"ID3\x03\x00", "MP3 audio"), (b"ID3\x04\x00", "MP3 audio"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xca\xfe\xba\xbe", "Java class file"), (b"\x00asm", "WebAssembly module"),
)


def magic_name(head: bytes) -> str | None:
    """The kind of binary file ``head`` opens ("PNG image"), or None."""
    return next((name for magic, name in MAGIC if head.startswith(magic)), None)


def utf16_side(raw: bytes) -> str | None:
    """"utf_16_le" or "utf_16_be" when the NUL bytes of ``raw`` show UTF-16 (the high byte of
    every ASCII character: one code unit in twenty or more, four in five on one side), else None."""
    raw = raw[: len(raw) - len(raw) % 2]
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if len(raw) < 8 or even + odd < NUL_SHARE * len(raw) / 2:
        return None
    if odd >= NUL_SIDE * (even + odd):
        return "utf_16_le"
    if even >= NUL_SIDE * (even + odd):
        return "utf_16_be"
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the file whose first bytes are ``head`` (up to ``LINES_SAMPLE_BYTES`` of them) is
    binary (not UTF-8 text or JSONL), or None. UTF-16 shows in its line breaks ("\\n\\0" or
    "\\0\\n": every line holds a NUL) as well as in its NUL share; a binary file has NULs on most
    lines of its first MiB; a text whose first records (or first long line) hold NULs has not."""
    name = magic_name(head[:SNIFF_BYTES])
    if name:
        return f"a {name} (it opens with that format's magic number): not UTF-8 JSONL"
    sample = head[:LINES_SAMPLE_BYTES]
    nuls = sample.count(0)
    if nuls < 4:
        return None
    lines = sample.split(b"\n")
    with_nul = sum(b"\x00" in line for line in lines)
    if len(lines) > 2 and with_nul > len(lines) / 2 and utf16_side(sample):
        return f"{nuls} NUL bytes in UTF-16's pattern, on {with_nul} of {len(lines)} lines: UTF-16, not UTF-8 JSONL"
    if len(lines) >= MIN_SAMPLE_LINES or len(sample) >= LINES_SAMPLE_BYTES:
        if with_nul > len(lines) / 2:
            return f"NUL bytes on {with_nul} of the first {len(lines)} lines: a binary file, not UTF-8 JSONL"
        return None
    if nuls >= len(sample) // 10:              # a few long lines: a binary file is dense with NULs
        return f"{nuls} NUL bytes in {len(sample)} bytes: a binary file, not UTF-8 JSONL"
    return None
