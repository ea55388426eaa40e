"""langdetect's own answers, several times faster: the same steps, computed in bulk.

langdetect is nondeterministic unless seeded and not safe to initialise from several threads
at once (it can return wrong answers from half-loaded profiles), so there is one seeded
factory per process, loaded once under a lock (:func:`detector_factory`).

langdetect spends its time in two pure-Python loops: it normalises the text one character
at a time to list its n-grams, then runs seven random trials in which every drawn n-gram
multiplies 55 language probabilities, one float at a time. Here:

- the text is normalised in a few regular-expression passes and cut into words; a word's n-grams
  depend only on the word (langdetect restarts at every space), so they are cached;
- the trials of a whole batch of documents run side by side on numpy arrays. Each document
  keeps its own seeded ``random.Random`` and draws exactly as langdetect does, and every
  float operation is the one langdetect performs, in the same order (products one factor
  at a time, sums as Python's ``sum`` does), so the probabilities are bit-for-bit langdetect's.

``tests/test_language.py`` checks n-grams and probabilities against langdetect itself, on
the dev set and on random mixed-script text.
"""

from __future__ import annotations

import functools
import random
import re
import sys
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.language import Language
from langdetect.utils.ngram import NGram

RE_SPACES = re.compile(" {2,}")
RE_LATIN = re.compile("[A-z]")                            # langdetect's 'A' <= ch <= 'z'
RE_NON_LATIN = re.compile("[^\x00-\u02ff]")   # >= U+0300: langdetect means to spare Latin Extended
                                               # Additional, but compares a block number with a name
WORD_CACHE = 1 << 17
BLOCK = 5                     # langdetect checks convergence every fifth draw
SIDE_BY_SIDE = 4              # from this many documents, numpy's trials beat langdetect's loop


LOCK = threading.Lock()


def normalize_code(code: str) -> str:
    """langdetect says ``zh-cn``/``zh-tw``; we record ISO 639-1 ``zh``."""
    return code.split("-")[0]


@functools.lru_cache(maxsize=1)
def detector_factory() -> Any:
    """The process's one seeded langdetect factory, loaded under a lock."""
    with LOCK:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.seed = 0
        return factory


def supported_languages() -> frozenset[str]:
    """Codes the default backend can return, as recorded in ``lang``."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY
    return frozenset(normalize_code(name) for name in os.listdir(PROFILES_DIRECTORY))


class NormalisedChars(dict[int, str]):
    """``str.translate`` table that asks ``NGram.normalize`` once per character ever seen."""

    def __missing__(self, code: int) -> str:
        value = self[code] = str(NGram.normalize(chr(code)))
        return value


NORMALISED = NormalisedChars()
RE_FROM_CJK = re.compile("[^\x00-\u2fff]")


@functools.lru_cache(maxsize=1)
def normalisations_below_cjk() -> list[tuple[re.Pattern[str], str]]:
    """``NGram.normalize`` for U+0000-U+2FFF as a few substitutions, one per target character
    (almost all of it: punctuation and digits to a space), computed from langdetect itself."""
    targets: dict[str, list[int]] = {}
    for code in range(0x3000):
        if not 0xD800 <= code <= 0xDFFF and NORMALISED[code] != chr(code):
            targets.setdefault(NORMALISED[code], []).append(code)
    return [(re.compile("[" + "".join(re.escape(chr(code)) for code in codes) + "]"), target)
            for target, codes in targets.items()]


def normalised(text: str) -> str:
    """Every character through ``NGram.normalize``: by regular expressions when the text has
    nothing from U+3000 up (``str.translate`` with a computed table is several times slower)."""
    if RE_FROM_CJK.search(text) is not None:
        return text.translate(NORMALISED)
    for pattern, target in normalisations_below_cjk():
        text = pattern.sub(target, text)
    return text


def prepared_text(text: str, max_length: int) -> str:
    """``Detector.append`` then ``Detector.cleaning_text``: URLs and e-mail addresses out,
    Vietnamese normalised, runs of spaces collapsed, Latin letters dropped from mostly non-Latin text."""
    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    text = RE_SPACES.sub(" ", NGram.normalize_vi(text)[:max_length])
    if mostly_non_latin(text):
        text = RE_LATIN.sub("", text)
    return text


def mostly_non_latin(text: str) -> bool:
    """langdetect's test: twice the letters A-z fewer than the characters from U+0300 up.
    The first characters usually settle it: A-z there already outweigh the whole text's others."""
    non_latin = len(RE_NON_LATIN.findall(text))
    if non_latin == 0 or 2 * len(RE_LATIN.findall(text, 0, 2 * non_latin)) >= non_latin:
        return False
    return 2 * len(RE_LATIN.findall(text)) < non_latin


def word_ngrams(word: str, space_follows: bool, known: Any) -> tuple[str, ...]:
    """``Detector._extract_ngrams`` over one normalised word (and the space after it, if any),
    from the state langdetect resets to at every space."""
    found: list[str] = []
    grams = " "
    capitals = False
    for char in word + " " if space_follows else word:
        last = grams[-1]
        grams = grams[1:] + char if len(grams) >= 3 else grams + char
        if char.isupper():
            capitals = capitals or last.isupper()
        else:
            capitals = False
        if capitals:                                   # inside a word in capitals: langdetect skips it
            continue
        if char != " " and char in known:
            found.append(char)
        if len(grams) >= 2:
            if grams[-2:] in known:
                found.append(grams[-2:])
            if len(grams) == 3 and grams in known:
                found.append(grams)
    return tuple(found)


WORD_CACHES: dict[int, tuple[Any, dict[str, tuple[str, ...]]]] = {}


def word_cache(known: Any) -> dict[str, tuple[str, ...]]:
    """The n-grams of words followed by a space, per profile map (in practice one per process)."""
    entry = WORD_CACHES.get(id(known))
    if entry is None or entry[0] is not known:
        entry = WORD_CACHES[id(known)] = (known, {})
    return entry[1]


def ngrams(text: str, known: Any) -> list[str]:
    """The n-grams langdetect would draw from, in its order, for an already prepared text."""
    words = normalised(text).split(" ")
    tail = words.pop()                       # the one word no space follows (often empty)
    cache = word_cache(known)
    found: list[str] = []
    for word in words:
        if word:
            grams = cache.get(word)
            if grams is None:
                if len(cache) >= WORD_CACHE:
                    cache.clear()
                grams = cache[word] = word_ngrams(word, True, known)
            found += grams
    if tail:
        found += word_ngrams(tail, False, known)
    return found


class ProfileRows:
    """langdetect's per-n-gram probability lists as rows of one array, copied when first drawn."""

    def __init__(self, word_lang_prob_map: dict[str, list[float]], languages: int) -> None:
        self.source = word_lang_prob_map
        self.index: dict[str, int] = {}
        self.array = np.empty((4096, languages))
        self.lock = threading.Lock()

    def row(self, gram: str) -> int:
        index = self.index.get(gram)
        if index is None:
            with self.lock:                      # threads share the table: one writer at a time
                index = self.index.get(gram)
                if index is None:
                    index = len(self.index)
                    if index == len(self.array):
                        self.array = np.concatenate([self.array, np.empty_like(self.array)])
                    self.array[index] = self.source[gram]
                    self.index[gram] = index     # published only once its row is written
        return index


@functools.lru_cache(maxsize=4)
def profile_rows(factory: Any) -> ProfileRows:
    return ProfileRows(factory.word_lang_prob_map, len(factory.langlist))


class Draws:
    """One document's seeded generator, drawing n-grams exactly as ``random.choice`` would."""

    __slots__ = ("grams", "size", "bits", "getrandbits", "rng")

    def __init__(self, grams: list[str], seed: Any) -> None:
        self.rng = random.Random()
        self.rng.seed(seed)
        self.grams, self.size, self.bits = grams, len(grams), len(grams).bit_length()
        self.getrandbits = self.rng.getrandbits


def choice_is_getrandbits() -> bool:
    """``random.choice`` is ``seq[r]`` with r from ``getrandbits(n.bit_length())``, retried while
    ``r >= n``: true of CPython 3.11-3.13; checked here so that another version falls back."""
    for size in (1, 2, 3, 32, 37, 64):             # powers of two too: where (n-1).bit_length() differs
        draws, rng = Draws([str(number) for number in range(size)], 1), random.Random(1)
        if not all(inline_choice(draws) == rng.choice(draws.grams) for _ in range(200)):
            return False
    return True


def inline_choice(draws: Draws) -> Any:
    value = draws.getrandbits(draws.bits)
    while value >= draws.size:
        value = draws.getrandbits(draws.bits)
    return draws.grams[value]


INLINE_CHOICE = choice_is_getrandbits()


def run_trials(factory: Any, grams: Sequence[list[str]]) -> np.ndarray:
    """langdetect's ``_detect_block`` trials for several documents at once: one row of language
    probabilities per document (each list of n-grams must be non-empty)."""
    rows = profile_rows(factory)
    languages = len(factory.langlist)
    trials = Detector(factory).n_trial
    start = 1.0 / languages
    result = np.zeros((len(grams), languages))
    draws = [Draws(found, factory.seed) for found in grams]
    active = list(range(len(grams)))            # documents still in a trial; arrays below follow it
    trial = [0] * len(grams)
    checked = np.full(len(grams), -1)            # langdetect's i at the last convergence check
    weight = np.array([trial_weight(state.rng) for state in draws])
    prob = np.full((len(grams), languages), start)
    index = rows.index
    while active:
        slots: list[list[int]] = [[] for _ in range(BLOCK)]   # row drawn per slot, per document
        ones: list[int] = []                     # slots of documents that draw only once
        for position, (doc, first) in enumerate(zip(active, (checked < 0).tolist())):
            state = draws[doc]
            getrandbits, size, bits, source = state.getrandbits, state.size, state.bits, state.grams
            for slot in range(1 if first else BLOCK):
                if INLINE_CHOICE:                # random.choice(source), without two calls per draw
                    value = getrandbits(bits)
                    while value >= size:
                        value = getrandbits(bits)
                    gram = source[value]
                else:
                    gram = state.rng.choice(source)
                row = index.get(gram)
                slots[slot].append(rows.row(gram) if row is None else row)
            if first:                            # a trial opens with one draw, then checks
                for slot in range(1, BLOCK):
                    slots[slot].append(0)
                    ones.append(slot * len(active) + position)
        factors = rows.array[np.array(slots, dtype=np.intp).ravel()]
        factors.reshape(BLOCK, len(active), languages)[:] += weight[None, :, None]
        factors[ones] = 1.0                      # x * 1.0 == x: those documents draw once
        for slot in range(BLOCK):                # one factor at a time, as langdetect multiplies
            prob *= factors[slot * len(active):(slot + 1) * len(active)]
        prob /= row_sums(prob)
        checked = np.where(checked < 0, 0, checked + BLOCK)
        ended = (prob.max(axis=1) > Detector.CONV_THRESHOLD) | (checked >= Detector.ITERATION_LIMIT)
        if not ended.any():
            continue
        keep = np.ones(len(active), dtype=bool)
        for position in np.flatnonzero(ended).tolist():
            doc = active[position]
            result[doc] += prob[position] / trials
            trial[doc] += 1
            checked[position] = -1
            if trial[doc] < trials:
                prob[position] = start
                weight[position] = trial_weight(draws[doc].rng)
            else:
                keep[position] = False
        if not keep.all():
            active = [doc for doc, kept in zip(active, keep.tolist()) if kept]
            prob, weight, checked = prob[keep], weight[keep], checked[keep]
    return result


def row_sums(prob: np.ndarray) -> np.ndarray:
    """``sum(row)`` for each row, as a column: left to right like Python 3.11's ``sum`` (3.12 made
    ``sum`` of floats compensated, so from there on Python's own ``sum`` is called per row)."""
    if SEQUENTIAL_SUM:
        return np.add.accumulate(prob, axis=1)[:, -1:]
    return np.array([sum(row) for row in prob.tolist()])[:, None]


SEQUENTIAL_SUM = sys.version_info < (3, 12)


def trial_weight(rng: random.Random) -> float:
    """The weight langdetect adds to every n-gram probability in one trial."""
    alpha = Detector.ALPHA_DEFAULT + rng.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
    return float(alpha / Detector.BASE_FREQ)


def sorted_languages(factory: Any, probabilities: np.ndarray) -> list[Language]:
    """``Detector._sort_probability``: the languages above 0.1, most probable first."""
    found = [Language(lang, p) for lang, p in zip(factory.langlist, probabilities.tolist())
             if p > Detector.PROB_THRESHOLD]
    found.sort(reverse=True)
    return found


def probabilities_by_langdetect(factory: Any, text: str) -> list[Language] | None:
    """langdetect's own Detector on one text: the reference :func:`probabilities_batch` must
    equal, float for float."""
    from langdetect.lang_detect_exception import LangDetectException
    detector = factory.create()
    detector.append(text)
    try:
        found: list[Language] = detector.get_probabilities()
    except LangDetectException:             # "No features in text"
        return None
    return found


def probabilities_batch(factory: Any, texts: Sequence[str]) -> list[list[Language] | None]:
    """langdetect's sorted ``Language`` list for each text; None where it has no n-gram to go on
    (langdetect raises "No features in text")."""
    max_length = Detector(factory).max_text_length
    known = factory.word_lang_prob_map
    grams = [ngrams(prepared_text(text, max_length), known) for text in texts]
    present = [index for index, found in enumerate(grams) if found]
    results: list[list[Language] | None] = [None] * len(texts)
    if len(present) < SIDE_BY_SIDE:
        for index in present:
            results[index] = langdetect_trials(factory, grams[index])
    else:
        table = run_trials(factory, [grams[index] for index in present])
        for row, index in enumerate(present):
            results[index] = sorted_languages(factory, table[row])
    return results


def langdetect_trials(factory: Any, grams: list[str]) -> list[Language]:
    """langdetect's own trials on n-grams extracted here: quicker than numpy for a lone document."""
    detector = factory.create()
    detector.text = " "
    detector.cleaning_text = lambda: None
    detector._extract_ngrams = lambda: grams
    return list(detector.get_probabilities())

