"""What two documents are compared on: a folded text (exact duplicates) and its shingles (near ones).

Exact duplicates compare a text folded as the ``dedup`` step's options say (white space by
default; case, punctuation and digits on request). Near duplicates compare sets of shingles:
runs of ``size`` words, or of ``size`` characters in a text written without spaces (Chinese,
Japanese, Thai), where a "word" would be a whole sentence. Both are hashed to 32 bits with
CRC-32: stable across processes and machines (Python's ``hash`` is salted per process), in C.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from typing import NamedTuple

RE_SPACES = re.compile(r"\s+")
RE_DIGITS = re.compile(r"\d+")
SPACELESS_SHARE = 0.3     # a text whose letters are this much Han, kana or Thai is cut in characters


class Folding(NamedTuple):
    """What an exact comparison ignores."""

    spaces: bool = True
    case: bool = False
    punctuation: bool = False
    digits: bool = False


def folded(text: str, folding: Folding) -> str:
    """The text as an exact comparison sees it.

    >>> folded("Le  Monde, 2024 !", Folding(case=True, punctuation=True, digits=True))
    'le monde 0'
    """
    if folding.case:
        text = text.casefold()
    if folding.punctuation:
        text = "".join(" " if unicodedata.category(char)[0] in "PS" else char for char in text)
    if folding.digits:
        text = RE_DIGITS.sub("0", text)
    if folding.spaces or folding.punctuation:
        text = RE_SPACES.sub(" ", text).strip()
    return text


def text_digest(text: str) -> str:
    """A 128-bit digest of a folded text, as hex (what exact duplicates share)."""
    import hashlib
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def is_spaceless(text: str) -> bool:
    """Is the text mostly in a script written without spaces between words (Han, kana, Thai)?"""
    letters = spaceless = 0
    for char in text[:2000]:
        if char.isalpha():
            letters += 1
            code = ord(char)
            spaceless += (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
                          or 0x0E00 <= code <= 0x0E7F or 0x20000 <= code <= 0x2FFFF)
    return letters > 0 and spaceless >= SPACELESS_SHARE * letters


def shingles(text: str, words: int, characters: int) -> set[str]:
    """The shingles of a text for near-duplicate search: lower case, punctuation out; runs of
    ``words`` words, or of ``characters`` characters for a text written without spaces. A text
    shorter than one shingle is one shingle.

    >>> sorted(shingles("The cat sat. On the mat!", 3, 4))
    ['cat sat on', 'on the mat', 'sat on the', 'the cat sat']
    >>> sorted(shingles("東京で雨が降った", 3, 4))[:2]
    ['が降った', 'で雨が降']
    """
    plain = "".join(" " if unicodedata.category(char)[0] in "PSZC" else char for char in text.casefold())
    if is_spaceless(plain):
        chars = plain.replace(" ", "")
        if len(chars) <= characters:
            return {chars} if chars else set()
        return {chars[index:index + characters] for index in range(len(chars) - characters + 1)}
    tokens = plain.split()
    if len(tokens) <= words:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[index:index + words]) for index in range(len(tokens) - words + 1)}


def shingle_hashes(found: set[str]) -> list[int]:
    """The shingles' 32-bit hashes, sorted."""
    return sorted({zlib.crc32(shingle.encode("utf-8", "surrogatepass")) for shingle in found})


def jaccard(left: set[int] | frozenset[int], right: set[int] | frozenset[int]) -> float:
    """|A ∩ B| / |A ∪ B| of two shingle sets (1.0 for two empty ones)."""
    union = len(left | right)
    return len(left & right) / union if union else 1.0
