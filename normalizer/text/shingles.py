"""What two documents are compared on: a folded text (exact duplicates) and its shingles (near ones).

Exact duplicates compare a text folded as the ``dedup`` step's options say (white space by
default; case, punctuation and digits on request). Near duplicates compare sets of shingles:
runs of ``size`` words, or of ``size`` characters in a text written without spaces (Chinese,
Japanese, Thai), where a "word" would be a whole sentence. The folded text is hashed with
BLAKE2, shingles to 32 bits from CRC-32s of their words: stable across processes and machines
(Python's ``hash`` is salted per process), in C and numpy.
"""

from __future__ import annotations

import operator
import re
import unicodedata
import zlib
from typing import NamedTuple

import numpy as np

RE_SPACES = re.compile(r"\s+")
RE_DIGITS = re.compile(r"\d+")
SHINGLE_SEED = 20241206
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


class Separators(dict[int, str]):
    """A ``str.translate`` table that turns punctuation, symbols, separators and controls into
    spaces and leaves the rest, each character's category looked up once and kept."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = kept = " " if unicodedata.category(char)[0] in "PSZC" else char
        return kept


SEPARATORS = Separators()
RE_SPACELESS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f\U00020000-\U0002ffff]+")
UNIT_MIX = np.random.Generator(np.random.PCG64(SHINGLE_SEED)).integers(
    1, 1 << 64, 64, dtype=np.uint64, endpoint=False) | np.uint64(1)          # odd multipliers, one per position
to_utf8 = operator.methodcaller("encode", "utf-8", "surrogatepass")


def is_spaceless(text: str) -> bool:
    """Is the text mostly in a script written without spaces between words (Han, kana, Thai)?"""
    head = text[:2000]
    if not RE_SPACELESS.search(head):
        return False
    letters = sum(map(str.isalpha, head))
    spaceless = sum(map(str.isalpha, "".join(RE_SPACELESS.findall(head))))
    return letters > 0 and spaceless >= SPACELESS_SHARE * letters


def units(text: str, words: int, characters: int) -> tuple[list[str] | str, int]:
    """What a text's shingles are runs of, and how many make one: its words (lower case,
    punctuation out), or its characters for a text written without spaces.

    >>> units("The cat sat. On the mat!", 3, 4)
    (['the', 'cat', 'sat', 'on', 'the', 'mat'], 3)
    >>> units("東京で雨が降った", 3, 4)
    ('東京で雨が降った', 4)
    """
    plain = text.casefold().translate(SEPARATORS)
    if is_spaceless(plain):
        return plain.replace(" ", ""), characters
    return plain.split(), words


def shingle_hashes(text: str, words: int, characters: int) -> np.ndarray:
    """The 32-bit hashes of a text's shingles (runs of ``words`` words, or ``characters``
    characters: :func:`units`), sorted, each once; a text shorter than one shingle is one
    shingle. A shingle's hash is the high half of its units' hashes (CRC-32 of a word, the code
    point of a character) each times an odd multiplier for its place: numpy folds every
    shingle of a document at once, where joining each run into a string to hash it cost 4×."""
    found, size = units(text, words, characters)
    if isinstance(found, str):
        unit_hashes = np.frombuffer(found.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    else:
        unit_hashes = np.fromiter(map(zlib.crc32, map(to_utf8, found)), dtype=np.uint32, count=len(found))
    count = len(unit_hashes)
    if not count:
        return np.zeros(0, dtype=np.uint32)
    size = min(size, count)
    values = unit_hashes.astype(np.uint64)
    folded_runs = np.zeros(count - size + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for place in range(size):
            folded_runs += values[place:count - size + 1 + place] * UNIT_MIX[place]
    hashes: np.ndarray = np.unique((folded_runs >> np.uint64(32)).astype(np.uint32))
    return hashes


def jaccard(left: set[int] | frozenset[int], right: set[int] | frozenset[int]) -> float:
    """|A ∩ B| / |A ∪ B| of two shingle sets (1.0 for two empty ones)."""
    union = len(left | right)
    return len(left & right) / union if union else 1.0
