"""Decode a plain-text document whose encoding nobody wrote down.

Strict UTF-8 first. Then byte-order marks, then UTF-16 without a BOM, then
charset-normalizer, but only on samples long enough for it to be right (on short
inputs it answers nonsense: ``caf\\xe9`` -> UTF-16-BE "捡曩"). A file that is UTF-8
but for a stray byte stays UTF-8 with one U+FFFD. Binary files are refused.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

MIN_DETECT_BYTES = 100
MAX_BAD_UTF8_SHARE = 0.001
BINARY_SNIFF_BYTES = 8192
BOMS = ((codecs.BOM_UTF32_LE, "utf_32_le"), (codecs.BOM_UTF32_BE, "utf_32_be"), (codecs.BOM_UTF8, "utf_8"),
        (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be"))
# Legacy encodings in rough order of how much text is written in them.
PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "gb18030", "cp932", "shift_jis", "euc_jp", "big5",
             "euc_kr", "cp949", "koi8_r", "koi8_u", "cp1250", "iso8859_2", "cp1253", "cp1254", "cp1255",
             "cp1256", "cp1257", "cp874", "mac_roman")
RE_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0            # bytes that could not be decoded and became U+FFFD


class DecodeFailure(Exception):
    """``reason`` is ``binary_file``, ``undetectable_encoding`` or ``undecodable``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def printable_share(text: str) -> float:
    if not text:
        return 1.0
    good = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return good / len(text)


def utf16_without_bom(raw: bytes) -> Decoded | None:
    """Single-script UTF-16 repeats one or two high bytes (0x00 for Latin, 0x04 for Cyrillic)."""
    if len(raw) < 8 or len(raw) % 2:
        return None
    for encoding, high in (("utf_16_le", raw[1::2]), ("utf_16_be", raw[0::2])):
        counts = sorted((high.count(bytes([value])) for value in set(high)), reverse=True)
        if sum(counts[:2]) >= 0.8 * len(high):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if printable_share(text) > 0.98:
                return Decoded(text, encoding)
    return None


def decode_document(raw: bytes, fallback: str | None = None) -> Decoded:
    """The text of a ``.txt`` document and the encoding used; raise DecodeFailure if unsure."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise DecodeFailure("undecodable", f"{encoding} BOM but {error.reason} at byte {error.start}") from None
    sample = raw[:BINARY_SNIFF_BYTES]
    if b"\x00" in sample or printable_share(sample.decode("latin-1")) < 0.9:
        guess = utf16_without_bom(raw)
        if guess:
            return guess
        if b"\x00" in sample:
            raise DecodeFailure("binary_file", "NUL bytes in the first 8 KiB: this is not a text file")
    try:
        return Decoded(raw.decode("utf-8"), "utf_8")
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if RE_UTF8_MULTIBYTE.search(raw) and bad <= MAX_BAD_UTF8_SHARE * len(raw):
        return Decoded(lenient, "utf_8", replaced=bad)
    if fallback:
        try:
            return Decoded(raw.decode(fallback), fallback)
        except (UnicodeDecodeError, LookupError) as error:
            raise DecodeFailure("undecodable", f"not {fallback} either: {error}") from None
    if len(raw) < MIN_DETECT_BYTES:
        raise DecodeFailure("undetectable_encoding",
                            f"not UTF-8, and {len(raw)} bytes are too few to guess the encoding "
                            "(name it with --fallback-encoding)")
    best = detect_encoding(raw)
    if best is None:
        raise DecodeFailure("undecodable", "not UTF-8, and no encoding could be detected with confidence")
    return best


def detect_encoding(raw: bytes) -> Decoded | None:
    """charset-normalizer's verdict, with ties broken towards the encodings text is usually in.

    It scores cp1250 and cp1252 the same on French ("à" vs "ŕ" is one letter), and lists
    cp1250 first; among equally good candidates we prefer the more common encoding.
    """
    from charset_normalizer import from_bytes
    candidates = [match for match in from_bytes(raw) if printable_share(str(match)) >= 0.98]
    if not candidates:
        return None
    top = min(candidates, key=lambda m: (round(m.chaos, 2), -round(m.coherence, 2)))
    tied = [m for m in candidates if round(m.chaos, 2) == round(top.chaos, 2)
            and round(m.coherence, 2) == round(top.coherence, 2)]
    best = min(tied, key=lambda m: PREFERRED.index(m.encoding) if m.encoding in PREFERRED else len(PREFERRED))
    return Decoded(str(best), best.encoding)
