"""The language of a text, as ``check_language`` records it: ``(lang, score)``.

n-grams alone misjudge Chinese or Japanese prose full of Latin command names, so the script
of the text decides between Chinese, Japanese and Korean before a backend (langdetect, CLD2
with py3langid, or fastText's lid.176) is asked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..core.speed import shortcuts
from .langdetect_batch import detector_factory, normalize_code, supported_languages

MIN_LETTERS = 20              # below this, langdetect's answers are arbitrary
PREFIX = 200                  # where MIN_LETTERS letters are usually found
SAMPLE_CHARS = 10_000         # langdetect reads no further anyway
CJK_WEIGHT = 3                # a CJK character against Latin letters
MIN_CJK_WITH_PUNCTUATION = 8
CJK_PUNCTUATION = "。，、！？：；「」『』（）"
BACKENDS = ("langdetect", "fast", "fasttext")
HAN_VARIETIES = frozenset({"yue", "wuu"})      # lid.176's Chinese languages besides zh
SHORT_TEXT = 300              # fastText's unsure answer on a text this short asks langdetect
UNSURE = 0.5
SURE = 0.9
CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                 "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9d]")     # the ranges script_counts looks for


SCRIPT_RANGES = {
    "latin": ((0x0000, 0x024F), (0x1E00, 0x1EFF)),
    "han": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)),
    "kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D)),
    "hangul": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
}


@functools.lru_cache(maxsize=1)
def script_letters() -> dict[str, re.Pattern[str]]:
    """One character class per script: the letters (``str.isalpha``) of its ranges."""
    classes = {}
    for script, ranges in SCRIPT_RANGES.items():
        runs: list[list[int]] = []
        for low, high in ranges:
            for code in range(low, high + 1):
                if chr(code).isalpha():
                    if runs and runs[-1][1] == code - 1:
                        runs[-1][1] = code
                    else:
                        runs.append([code, code])
        classes[script] = re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                                   for a, b in runs) + "]")
    return classes


def script_counts(text: str) -> tuple[int, int, int, int, int]:
    """Letters in the text: all, Latin, Han, kana, Hangul."""
    if not shortcuts():
        return script_counts_by_loop(text)
    found = {script: len(pattern.findall(text)) for script, pattern in script_letters().items()}
    return sum(map(str.isalpha, text)), found["latin"], found["han"], found["kana"], found["hangul"]


def script_counts_by_loop(text: str) -> tuple[int, int, int, int, int]:
    """:func:`script_counts` one character at a time: the reference its character classes must equal."""
    letters = latin = han = kana = hangul = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        code = ord(char)
        if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
            latin += 1
        elif 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
            kana += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            hangul += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            han += 1
    return letters, latin, han, kana, hangul


def by_script(text: str, letters: int, latin: int, han: int, kana: int, hangul: int
              ) -> tuple[str, float] | None:
    """Chinese, Japanese or Korean from the script alone, when the script is decisive.

    One CJK character carries about as much as a short Latin word, so CJK counts three
    times against other letters; and CJK sentence punctuation (。，「」) marks prose written
    in CJK even when Latin command names outnumber it ("git rebase を実行してから…").
    """
    cjk = han + kana + hangul
    if cjk == 0:
        return None
    weighted = CJK_WEIGHT * cjk >= letters - cjk
    punctuated = cjk >= MIN_CJK_WITH_PUNCTUATION and sum(text.count(p) for p in CJK_PUNCTUATION) >= 2
    if not (weighted or punctuated):
        return None
    share = round(cjk / max(letters - latin, 1), 4)
    if hangul >= 0.5 * cjk:
        return "ko", share
    if kana >= 0.05 * cjk:
        return "ja", share
    return "zh", share


def require(backend: str) -> None:
    """Raise ``ValueError`` for an unknown backend, or one whose optional libraries are missing."""
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    if backend == "fast":
        from . import fast_language
        fast_language.require()
    elif backend == "fasttext":
        from . import fasttext_language
        fasttext_language.require()


def supported(backend: str = "langdetect") -> frozenset[str]:
    """The codes ``backend`` can record, which ``allow:`` is checked against when the rules load."""
    if backend == "fast":
        from . import fast_language
        return fast_language.supported()
    if backend == "fasttext":
        from . import fasttext_language
        return fasttext_language.supported()
    return supported_languages()


def chinese_varieties(texts: Sequence[str], results: list[tuple[str | None, float | None]]) -> None:
    """Han script says Chinese; lid.176 also tells Cantonese (``yue``) and Wu (``wuu``) apart, so
    on the fasttext backend a text the script called ``zh`` is asked, and keeps such an answer
    (``allow: [yue]`` can then match)."""
    from .fasttext_language import detect_many
    chinese = [index for index, (lang, _) in enumerate(results) if lang == "zh"]
    if not chinese:
        return
    for index, (lang, score) in zip(chinese, detect_many([texts[index][:SAMPLE_CHARS] for index in chinese]),
                                    strict=True):
        if lang in HAN_VARIETIES:
            results[index] = lang, score


def second_opinion(texts: Sequence[str], results: list[tuple[str | None, float | None]], pending: Sequence[int]
                   ) -> None:
    """fastText's unsure answers on a short text (a headline: probability below ``UNSURE``), when
    langdetect knows the language, go to langdetect, whose answer stands when it is sure.

    lid.176 takes short Portuguese for Spanish, Catalan for French, Indonesian for English or Malay,
    each time with a probability below 0.5, where langdetect is right and sure: on the 324 first
    sentences of the labelled sets this second opinion takes fastText from 95.7 % to 98.5 %
    (langdetect alone: 96.9 %). A language langdetect does not know (Galician, Basque …) keeps
    fastText's answer, however unsure, for langdetect would name a neighbour instead."""
    known = supported_languages()
    unsure = [index for index in pending if len(texts[index]) < SHORT_TEXT and results[index][0] in known
              and (results[index][1] or 0.0) < UNSURE]
    if not unsure:
        return
    for index, (lang, score) in zip(unsure, detect_batch([texts[index] for index in unsure]), strict=True):
        if lang is not None and score is not None and score >= SURE:
            results[index] = lang, score


def detect(text: str, backend: str = "langdetect") -> tuple[str | None, float | None]:
    """``(lang, score)``; ``(None, None)`` when the text has too few letters to tell."""
    return detect_batch([text], backend)[0]


def detect_batch(texts: Sequence[str], backend: str = "langdetect") -> list[tuple[str | None, float | None]]:
    """:func:`detect` for many texts at once (langdetect's trials run side by side, same answers).
    Too few letters, and Chinese, Japanese or Korean script, are decided here for every backend."""
    results: list[tuple[str | None, float | None]] = []
    pending: list[int] = []
    for text in texts:
        sample = text[:SAMPLE_CHARS]
        if sum(map(str.isalpha, sample[:PREFIX])) < MIN_LETTERS and sum(map(str.isalpha, sample)) < MIN_LETTERS:
            decided: tuple[str | None, float | None] | None = (None, None)
        elif CJK.search(sample) is None:
            decided = None
        else:
            decided = by_script(sample, *script_counts(sample))
        if decided is None:
            pending.append(len(results))
            decided = (None, None)
        results.append(decided)
    if pending and backend in ("fast", "fasttext"):
        if backend == "fast":
            from .fast_language import detect_many
        else:
            from .fasttext_language import detect_many
        for index, answer in zip(pending, detect_many([texts[index][:SAMPLE_CHARS] for index in pending]),
                                 strict=True):
            results[index] = answer
        if backend == "fasttext":
            second_opinion(texts, results, pending)
    elif pending:
        from .langdetect_batch import probabilities_batch, probabilities_by_langdetect
        samples = [texts[index][:SAMPLE_CHARS] for index in pending]
        answers = probabilities_batch(detector_factory(), samples) if shortcuts() else \
            [probabilities_by_langdetect(detector_factory(), sample) for sample in samples]
        for index, languages in zip(pending, answers, strict=True):
            if languages:
                results[index] = normalize_code(languages[0].lang), round(languages[0].prob, 4)
    if backend == "fasttext":
        chinese_varieties(texts, results)
    return results
