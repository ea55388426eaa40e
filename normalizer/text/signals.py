"""Quality signals of a text: the numbers the field filters on, computed once and recorded.

Each signal follows a published rule (Gopher: Rae et al. 2021, appendix A; C4: Raffel et al.
2020; FineWeb: Penedo et al. 2024); the README lists each formula beside its source. Two
choices differ from some peers on purpose:

- **Units, not white-space words.** Chinese, Japanese, Thai, Lao, Khmer and Myanmar do not space
  their words, so a white-space split calls a whole paragraph one word. Here each character of
  those scripts is one unit with the marks it carries (as multilingual BERT's tokenizer cuts
  Chinese), and every other white-space token is one; ``words`` counts units.
- **Every fraction is within [0, 1].** Blank lines are not lines; a duplicate is an occurrence
  after the first, so the duplicate fractions are below 1; the top n-gram share counts the
  characters its occurrences *cover*, so overlapping occurrences ("a a a a") are not counted twice
  (Dolma's duplicate-line fraction can pass 1, and datatrove counts blank lines); an n-gram that
  occurs once is no repetition, so a text where none repeats has a top n-gram share of 0.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from ..core.speed import shortcuts

SPACELESS_CHARS = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003ffff")      # Thai Lao, Myanmar, Khmer, kana, Han
MARKS = ("\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"       # Thai, Lao vowel and tone marks
         "\u102b-\u103e\u1056-\u1059\u17b4-\u17d3\u3099\u309a")               # Myanmar, Khmer, kana voicing
RE_UNIT = re.compile(f"[{SPACELESS_CHARS}][{MARKS}]*|[^\\s{SPACELESS_CHARS}]+")   # a base character and its marks
RE_SINGLE_SPACELESS = re.compile(f"[{SPACELESS_CHARS}]")
RE_ELIDED = re.compile(r"(?<![\w'’])(\w+['’])(?=\w)")          # "l'" of "l'année", "dell’" of "dell’anno"
RE_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
EDGE_PUNCTUATION = "\"'“”‘’«»„‚‹›()[]{}<>.,;:!?¡¿…-–—/\\|*_#@%&^~`+=·•。、，！？：；「」『』（）【】《》〈〉"
BULLETS = frozenset("•‣●▪◦·-–—*►▸▶→»■□◆◇○★☆✓✔")
TERMINAL = (".", "!", "?", '"', "”", "’", "'", "»", ")", "。", "！", "？", "…", "」", "』", "؟", "।", "။", "።", "។",
            "៕")
ELLIPSES = ("...", "…")
SHORT_LINE_CHARS = 30          # FineWeb's short line
TOP_NGRAMS = (2, 3, 4)         # Gopher's top n-gram rule
FEW_TIED = 8                   # most frequent n-grams found by a scan each; more, in one pass
DIGITS = 4                     # every recorded fraction and ratio is rounded to this many places

# name -> what it measures, its formula and where it comes from (the README's table is built from it)
SIGNALS: dict[str, str] = {
    "chars": "non-space characters (count)",
    "words": "units: white-space tokens, and each character of a script without spaces (count)",
    "mean_word_length": "mean characters of a spaced word, its edge punctuation off; null without one (Gopher)",
    "symbol_word_ratio": "the larger of '#' per unit and '...'/'…' per unit (Gopher)",
    "ellipsis_line_frac": "non-blank lines ending in '...' or '…' / non-blank lines (Gopher)",
    "bullet_line_frac": "non-blank lines starting with a bullet / non-blank lines (Gopher)",
    "terminal_punct_line_frac": "non-blank lines ending in terminal punctuation / non-blank lines (C4, FineWeb)",
    "short_line_frac": "non-blank lines of 30 characters or fewer / non-blank lines (FineWeb)",
    "dup_line_frac": "non-blank lines equal to an earlier line / non-blank lines (Gopher)",
    "dup_line_char_frac": "characters of those lines / characters of non-blank lines (Gopher, FineWeb)",
    "dup_para_frac": "paragraphs equal to an earlier one / paragraphs (Gopher)",
    "dup_para_char_frac": "characters of those paragraphs / characters of paragraphs (Gopher)",
    "top_2gram_char_frac": "characters covered by the most frequent 2-gram / characters of units (Gopher)",
    "top_3gram_char_frac": "the same for 3-grams (Gopher)",
    "top_4gram_char_frac": "the same for 4-grams (Gopher)",
    "stop_words": "units that are stop words of the document's language (count; Gopher asks for 2); null "
                  "when the language has no list",
    "stop_word_frac": "stop_words / units; null when the language has no list (Gopher, FineWeb-2)",
    "alpha_word_frac": "units with an alphabetic character / units (Gopher)",
    "lang_score": "the language step's score, when the chain has one",
}
FRACTIONS = frozenset(name for name in SIGNALS if name.endswith("_frac")) | {"lang_score"}


def units(text: str) -> list[str]:
    """The text's units: white-space tokens, and single characters of the scripts without spaces.

    >>> units("Le 12 mai, 東京で")
    ['Le', '12', 'mai,', '東', '京', 'で']
    """
    if shortcuts() and RE_SINGLE_SPACELESS.search(text) is None:
        return text.split()                 # the same units, when no script without spaces is there
    return RE_UNIT.findall(text)


def count_units(text: str) -> int:
    """How many units the text has (``reject_short``'s ``min_words``)."""
    return len(units(text))


def words_of(lowered: str) -> tuple[list[str], list[str]]:
    """A lower-cased text's units, and each with its edge punctuation off (the words the n-grams
    and stop words are counted on; a unit of punctuation alone becomes "")."""
    found = units(lowered)                          # lower case does not move a unit's edges
    return found, [unit.strip(EDGE_PUNCTUATION) for unit in found]


def duplicated(items: Sequence[str]) -> tuple[int, int]:
    """How many items repeat an earlier one, and their characters."""
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def share(part: float, whole: float) -> float:
    return round(part / whole, DIGITS) if whole else 0.0


def top_ngram_share(words: Sequence[str], lengths: Sequence[int], n: int, total: int) -> float:
    """The characters covered by the most frequent n-gram's occurrences, over all units' characters;
    among n-grams as frequent, the one covering most (its occurrences overlap only when the n-gram
    repeats itself, "buy now buy now", so most are measured by their count alone)."""
    if len(words) < n or not total:
        return 0.0
    grams = list(zip(*(words[i:] for i in range(n)), strict=False))
    counts = Counter(grams)
    most = max(counts.values())
    if most == 1:               # no n-gram repeats: nothing to measure (a short text's one 4-gram
        return 0.0              # would otherwise be a large share of it)
    tied = [gram for gram, count in counts.items() if count == most]
    bounds = sorted(((sum(map(len, gram)) * most, gram) for gram in tied), reverse=True)
    starts = occurrences(grams, tied)
    best = 0
    for bound, gram in bounds:
        if bound <= best:
            break
        covered = {index for start in starts(gram) for index in range(start, start + n)}
        best = max(best, sum(lengths[index] for index in covered))
    return share(best, total)


def occurrences(grams: list[tuple[str, ...]], tied: list[tuple[str, ...]]
                ) -> Callable[[tuple[str, ...]], list[int]]:
    """Where each tied n-gram starts: found by ``list.index`` (a scan in C) when they are few, in one
    pass over all n-grams when they are many, so that the time stays linear in the text."""
    if len(tied) > FEW_TIED:
        found: dict[tuple[str, ...], list[int]] = {}
        wanted = set(tied)
        for start, gram in enumerate(grams):
            if gram in wanted:
                found.setdefault(gram, []).append(start)
        return found.__getitem__

    def scanned(gram: tuple[str, ...]) -> list[int]:
        where = [grams.index(gram)]
        while True:
            try:
                where.append(grams.index(gram, where[-1] + 1))
            except ValueError:
                return where
    return scanned


def line_signals(text: str) -> dict[str, float]:
    """The signals of lines and paragraphs; blank lines are not counted."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    paragraphs = [part.strip() for part in RE_PARAGRAPH_BREAK.split(text)]
    paragraphs = [part for part in paragraphs if part]
    line_chars = sum(map(len, lines))
    dup_lines, dup_line_chars = duplicated(lines)
    dup_paras, dup_para_chars = duplicated(paragraphs)
    count = len(lines)
    return {
        "ellipsis_line_frac": share(sum(line.endswith(ELLIPSES) for line in lines), count),
        "bullet_line_frac": share(sum(line[0] in BULLETS for line in lines), count),
        "terminal_punct_line_frac": share(sum(line.endswith(TERMINAL) for line in lines), count),
        "short_line_frac": share(sum(len(line) <= SHORT_LINE_CHARS for line in lines), count),
        "dup_line_frac": share(dup_lines, count),
        "dup_line_char_frac": share(dup_line_chars, line_chars),
        "dup_para_frac": share(dup_paras, len(paragraphs)),
        "dup_para_char_frac": share(dup_para_chars, sum(map(len, paragraphs))),
    }


def signals(text: str, stop_words: Collection[str] | None = None, lang_score: float | None = None
            ) -> dict[str, Any]:
    """Every signal of :data:`SIGNALS` for one text; ``stop_words`` are the document's language's
    (lower case), ``None`` when it has no list.

    >>> s = signals("Hello world.\\nHello world.\\n\\nBye...")
    >>> s["words"], s["dup_line_frac"], s["ellipsis_line_frac"]
    (5, 0.3333, 0.3333)
    """
    lowered = text.lower()
    found, bare = words_of(lowered)
    words = len(found)
    kept = list(filter(None, bare))                  # n-grams are of words, punctuation alone left out
    lengths = list(map(len, kept))
    total = sum(lengths)
    spaced = lengths if RE_SINGLE_SPACELESS.search(text) is None else \
        [len(unit) for unit in kept if not RE_SINGLE_SPACELESS.match(unit)]     # a character and its marks
    not_letters = list(itertools.filterfalse(str.isalpha, bare))
    alpha = words - len(not_letters) + sum(1 for unit in not_letters if any(map(str.isalpha, unit)))
    stops = stop_word_count(bare, lowered, stop_words) if stop_words is not None else None
    result: dict[str, Any] = {
        "chars": len("".join(text.split())),
        "words": words,
        "mean_word_length": round(sum(spaced) / len(spaced), DIGITS) if spaced else None,
        "symbol_word_ratio": round(max(text.count("#"), text.count("...") + text.count("…")) / words, DIGITS)
        if words else 0.0,
    }
    result.update(line_signals(text))
    for n in TOP_NGRAMS:            # when no 2-gram repeats, no longer one does
        repeats = n == TOP_NGRAMS[0] or result[f"top_{TOP_NGRAMS[0]}gram_char_frac"] > 0
        result[f"top_{n}gram_char_frac"] = top_ngram_share(kept, lengths, n, total) if repeats else 0.0
    result["stop_words"] = stops
    result["stop_word_frac"] = share(stops, words) if stops is not None else None
    result["alpha_word_frac"] = share(alpha, words)
    result["lang_score"] = lang_score
    return result


def stop_word_count(words: Sequence[str], lowered: str, stop_words: Collection[str]) -> int:
    """Words in the list; an elided article or preposition counts as its own word ("l'année" has
    "l'", "dell’anno" has "dell'"), as FineWeb-2's lists write them."""
    count = sum(map(stop_words.__contains__, words))
    if "'" in lowered or "’" in lowered:
        count += sum(elided.replace("’", "'") in stop_words for elided in RE_ELIDED.findall(lowered))
    return count


def stop_word_signals(text: str, stop_words: Collection[str] | None) -> dict[str, Any]:
    """``stop_words`` and ``stop_word_frac`` alone, for another stop-word list than the one recorded."""
    if stop_words is None:
        return {"stop_words": None, "stop_word_frac": None}
    lowered = text.lower()
    found, bare = words_of(lowered)
    count = stop_word_count(bare, lowered, stop_words)
    return {"stop_words": count, "stop_word_frac": share(count, len(found))}


def signals_of_doc(text: str, meta: Mapping[str, Any], stop_words: Collection[str] | None) -> dict[str, Any]:
    """The signals the chain recorded for a document (``quality_signals``), else measured now."""
    recorded = meta.get("signals")
    if isinstance(recorded, dict):
        return recorded
    score = meta.get("lang_score")
    return signals(text, stop_words, score if isinstance(score, (int, float)) else None)
