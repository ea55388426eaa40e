"""Decode a plain-text document whose encoding nobody wrote down.

Byte-order marks first, then UTF-16 without a BOM when its NUL bytes show it, then strict
UTF-8 (text that decodes as UTF-8 is read as UTF-8), then chardet, but
only on samples long enough for a detector to be right (on short inputs detectors answer
nonsense: ``caf\\xe9`` -> UTF-16-BE "捡曩"). A file that is UTF-8 but for a stray byte
stays UTF-8 with one U+FFFD. Binary files are refused.

chardet rather than charset-normalizer: the latter installs a console script called
``normalizer``, which would shadow this package's command.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from ..core.errors import ReadFailure
from .binary import binary_reason, magic_name, utf16_side

MIN_DETECT_BYTES = 100
MAX_BAD_UTF8_SHARE = 0.001
BINARY_SNIFF_BYTES = 8192
BOMS = ((codecs.BOM_UTF32_LE, "utf_32_le"), (codecs.BOM_UTF32_BE, "utf_32_be"), (codecs.BOM_UTF8, "utf_8"),
        (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be"))
# Legacy encodings in rough order of how much text is written in them.
PREFERRED = ("cp1252", "iso8859_15", "latin_1", "cp1251", "gb18030", "cp932", "shift_jis", "euc_jp", "big5",
             "euc_kr", "cp949", "koi8_r", "koi8_u", "cp1250", "iso8859_2", "cp1253", "cp1254", "cp1255",
             "cp1256", "cp1257", "cp874", "mac_roman")
RE_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0            # bytes that could not be decoded and became U+FFFD


class DecodeFailure(ReadFailure):
    """``reason`` is ``binary_file``, ``undetectable_encoding`` or ``undecodable``."""


def printable_share(text: str) -> float:
    if not text:
        return 1.0
    good = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return good / len(text)


def utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 shows itself by its NUL bytes (:func:`~normalizer.io.binary.utf16_side`); the
    absence of spaces or a run of repeated high bytes proves nothing (valid UTF-8 Cyrillic
    repeats 0xD0 0xD1 just the same)."""
    encoding = utf16_side(raw) if len(raw) % 2 == 0 else None
    if encoding is None:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return Decoded(text, encoding) if printable_share(text) > 0.98 else None


def utf16_by_high_bytes(raw: bytes) -> Decoded | None:
    """Single-script UTF-16 without NUL bytes repeats one or two high bytes (0x04 for Cyrillic);
    asked only of a text that is not readable as UTF-8 text."""
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
    name = magic_name(raw)
    if name:
        raise DecodeFailure("binary_file", f"a {name} (it opens with that format's magic number): not a text file")
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        guess = utf16_without_bom(raw)
        if guess:
            return guess
        if binary_reason(raw):                  # a stray NUL is a control character tidy_text removes
            raise DecodeFailure("binary_file", "NUL bytes in the first 8 KiB: this is not a text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 made of control characters is UTF-16 of a script without one ASCII
        # character ("Привет" in UTF-16-LE is 1F 04 40 04 …, all ASCII bytes): its high bytes repeat
        if printable_share(text[:BINARY_SNIFF_BYTES]) < 0.9:
            guess = utf16_by_high_bytes(raw)
            if guess:
                return guess
        return Decoded(text, "utf_8")
    if printable_share(raw[:BINARY_SNIFF_BYTES].decode("latin-1")) < 0.9:     # not UTF-8, and full of controls
        guess = utf16_by_high_bytes(raw)
        if guess:
            return guess
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
    """chardet's verdict, reported as the most common encoding that reads the bytes the same way.

    chardet names ISO-8859-15 for French that cp1252 decodes identically; the commoner name
    is the more useful record of what the file was.
    """
    import chardet
    encoding = chardet.detect(raw).get("encoding")
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name.replace("-", "_")
        text = raw.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    if printable_share(text) < 0.98:
        return None
    for common in PREFERRED[: PREFERRED.index(name)] if name in PREFERRED else PREFERRED:
        try:
            if raw.decode(common) == text:
                return Decoded(text, common)
        except UnicodeDecodeError:
            continue
    return Decoded(text, name)
