"""What a line of a scraped page looks like, and where it sits: the features a page-furniture
model scores, and the shapes of body text that no score may remove.

Boilerplate on real pages is mostly words no phrase list has (teaser headlines, menus, team
names, counters), but it has a shape and a place: short lines without a sentence end, in runs,
after the article's last paragraph or before its first, with words the article never uses.
These features describe that, in any language (CJK characters count as half a word each).
They are computed on the non-blank lines of one document, in order; both the model's fitting
script (``benchmarks/fit_page_model.py``) and the cleaner call :func:`line_features`, so the
model sees at run time exactly what it was fitted on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .phrases import longest_prefix
from .shape import is_cjk, strip_decoration
from .vocab import load_vocabulary, normalize_phrase

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
RE_WORD = re.compile(rf"[{CJK}]|[^\W_{CJK}]+")
RE_CJK = re.compile(rf"[{CJK}]")
RE_SENTENCE_END = re.compile(r"[.!?…。！？．][\"'”’»)\]」』）]*\s*$")
RE_LIST_MARK = re.compile(r"^\s*(?:[-*•·–—►▶»>]+|\d{1,3}[.)])\s+")
RE_LINKISH = re.compile(r"https?://|www\.|@\w|#\w|\.(?:com|org|net|ru|pl|gr|cn)\b")
RE_SEPARATOR = re.compile(r"[|•·»›/]")
RE_DIGITS = re.compile(r"\d+")
RE_CODE_LINE = re.compile(r"^\s*(?:<|//|/\*|#include|def |class |import |function |var |const |let |return\b)"
                          r"|[;{}\[]\s*$|^[\w.]+\(.*\)$|^\s*[\]})]+[;,]?\s*$")   # "list: [", a closing "]," alone
OPERATORS = "{}=;<>"
CODE_CHARS = "{}();=<>[]"
# a measured number, as a table's cells hold them: "71.1 MB", "-46%", "3,5 kg", "$70/year", a
# score "3-0" or "2:1", or a bare "4582"
RE_FIGURE = re.compile(r"\d[.,]\d|\d\s?%|\d\s?(?:MB|GB|KB|kg|km|m|cm|mm|zł|€|£|\$)|[$€£¥]\s?\d"
                       r"|\d\s?[-:–]\s?\d|^[-+]?\d{2,}$")
RE_BARE_NUMBER = re.compile(r"[-+]?\d+$")
RE_LIST_COMMA = re.compile(r"[,;]\s*$")
PROSE_WORDS, LONG_PROSE_WORDS = 10, 25
MIN_LINES = 3       # fewer lines than this are not a page
MAX_LINES = 5000    # nor are more (a book, a log, a table dump): such a text is left alone
CELL_WORDS, CELL_DIGITS = 5, 0.3   # a table's cell: five words at most, or three characters in ten digits
MARKER_WORDS = 8    # a furniture marker is a short line: "Related stories", "Share this:"
CAP = 30            # distances and counts beyond this say nothing more

FEATURES = (
    "words", "log_words", "log_chars", "sentence_end", "colon_end",
    "opens_lower", "opens_upper", "opens_digit", "opens_symbol", "list_mark",
    "digit_share", "title_case_share", "all_caps_share", "linkish", "separators", "prose",
    "position", "prose_before", "prose_after", "lines_since_prose", "lines_to_prose",
    "run_length", "run_position", "previous_words", "next_words", "previous_prose", "next_prose",
    "body_vocabulary", "continues_previous", "continued_next", "block_words", "block_sentence_end",
    "same_line_in_doc", "doc_prose_share", "doc_log_words", "doc_log_lines", "lines_to_end",
    "code_chars", "code_shape", "prose_nearby", "window_words", "run_reaches_end",
    "run_reaches_start", "run_list_share", "prose_lines_after", "prose_lines_before",
    "opens_with_furniture", "furniture_cover", "marker_since_prose", "markers_in_run",
)


@lru_cache(maxsize=1)
def furniture_phrases() -> frozenset[str]:
    """Every language's related-list headers, share and newsletter calls, tag labels, chrome words
    and network names: a line that opens with one is a marker of furniture (a soft one: "Share
    prices fell" opens with "share" too)."""
    vocab = load_vocabulary()
    return vocab.related | vocab.share | vocab.newsletter_calls | vocab.tags | vocab.chrome | vocab.networks


def furniture_cover(line: str) -> float:
    """How much of the line (in characters) a furniture phrase at its start covers; 0 for none."""
    return furniture_phrase(line)[1]


def furniture_phrase(line: str) -> tuple[str, float]:
    """The furniture phrase the line opens with ("" for none), and how much of the line (in
    characters) it covers. A phrase must end where a word ends (or at a CJK character)."""
    key = normalize_phrase(strip_decoration(line))
    phrase = longest_prefix(key, furniture_phrases()) if key else None
    return (phrase, len(phrase) / len(key)) if phrase else ("", 0.0)


def words_of(line: str) -> list[str]:
    return RE_WORD.findall(line)


def line_weight(line: str, words: Sequence[str]) -> float:
    """The line's words, with each CJK character as half a word (two characters make about one
    word; :data:`RE_WORD` takes each as a word of its own)."""
    cjk = 0 if line.isascii() else len(RE_CJK.findall(line))
    return len(words) - cjk + cjk / 2.0


class PageShape(NamedTuple):
    """What the boilerplate steps that do not know a line's words ask first about a page's
    non-blank lines: their words, sizes, sentence ends, which are paragraphs, and which a step
    may remove (not a paragraph, not a shape of body text; none in a text that has fewer than
    three lines or no paragraph, or more than 5000 lines: that is not a page, and it is not
    looked at further)."""

    words: list[list[str]]
    sizes: list[float]
    ends: list[bool]
    prose: list[bool]
    removable: list[bool]


def page_shape(lines: Sequence[str]) -> PageShape:
    """The :class:`PageShape` of a page's non-blank lines, stripped, in order.
    ``benchmarks/fit_page_model.py`` asks it too, so a threshold is chosen on what the steps
    really do."""
    words = [words_of(line) for line in lines]
    sizes = [line_weight(line, ws) for line, ws in zip(lines, words)]
    ends = [bool(RE_SENTENCE_END.search(line)) for line in lines]
    prose = [is_paragraph(size, end) for size, end in zip(sizes, ends)]
    if not MIN_LINES <= len(lines) <= MAX_LINES or not any(prose):
        return PageShape(words, sizes, ends, prose, [False] * len(lines))
    reasons = body_shapes(lines, sizes, ends)
    return PageShape(words, sizes, ends, prose, [not flag and not reason for flag, reason in zip(prose, reasons)])


def code_share(line: str) -> float:
    """The share of a line's characters that are brackets, semicolons and operators."""
    return sum(map(line.count, CODE_CHARS)) / max(len(line), 1)


def is_paragraph(words: float, sentence_end: bool) -> bool:
    """Ten words or more ending a sentence, or a long line whatever its end."""
    return (words >= PROSE_WORDS and sentence_end) or words >= LONG_PROSE_WORDS


def is_prose(line: str) -> bool:
    """:func:`is_paragraph` for one line."""
    return is_paragraph(line_weight(line, words_of(line)), bool(RE_SENTENCE_END.search(line)))


def runs_of(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive False flags (the lines between paragraphs)."""
    runs, index = [], 0
    while index < len(flags):
        if flags[index]:
            index += 1
            continue
        end = index
        while end < len(flags) and not flags[end]:
            end += 1
        runs.append((index, end))
        index = end
    return runs


def line_features(lines: Sequence[str], shape: PageShape | None = None) -> list[list[float]]:
    """One feature vector (in :data:`FEATURES` order) per line; ``lines`` are the document's
    non-blank lines, stripped, in order (``shape``: their :func:`page_shape`, if known)."""
    count = len(lines)
    words, sizes, ends, prose, _ = shape or page_shape(lines)
    prose_total = sum(size for size, flag in zip(sizes, prose) if flag) or 1.0

    continues = continuations(lines, sizes, ends)
    block_of, block = [], -1
    for flag in continues:
        block += 0 if flag else 1
        block_of.append(block)
    block_words: dict[int, float] = {}
    block_end: dict[int, bool] = {}
    for index in range(count):
        block_words[block_of[index]] = block_words.get(block_of[index], 0.0) + sizes[index]
        block_end[block_of[index]] = ends[index]

    body_vocabulary: Counter[str] = Counter()
    for index in range(count):
        if prose[index]:
            body_vocabulary.update({word.lower() for word in words[index]})
    shapes = [RE_DIGITS.sub("0", line.lower()) for line in lines]
    shape_count = Counter(shapes)

    prose_mass_before, mass = [], 0.0
    prose_lines_before = [0] * (count + 1)
    for index in range(count):
        prose_mass_before.append(mass)
        mass += sizes[index] if prose[index] else 0.0
        prose_lines_before[index + 1] = prose_lines_before[index] + prose[index]
    since, last = [], None
    for index in range(count):
        since.append(min(index - last, CAP) if last is not None else CAP + 1)
        last = index if prose[index] else last
    until, following = [0] * count, None
    for index in range(count - 1, -1, -1):
        until[index] = min(following - index, CAP) if following is not None else CAP + 1
        following = index if prose[index] else following
    run_length, run_position = [0] * count, [0.0] * count
    run_to_end, run_from_start, run_lists = [False] * count, [False] * count, [0.0] * count
    for start, end in runs_of(prose):
        listed = sum(1 for index in range(start, end) if RE_LIST_MARK.match(lines[index])) / (end - start)
        for index in range(start, end):
            run_length[index] = min(end - start, 50)
            run_position[index] = (index - start) / max(end - start - 1, 1)
            run_to_end[index], run_from_start[index], run_lists[index] = end == count, start == 0, listed

    covers = [furniture_cover(line) for line in lines]
    markers_since, seen = [], False
    for index in range(count):
        seen = (seen and not prose[index]) or covers[index] > 0
        markers_since.append(seen)
    markers_in_run = [0] * count
    for start, end in runs_of(prose):
        found = sum(1 for index in range(start, end) if covers[index] > 0)
        for index in range(start, end):
            markers_in_run[index] = min(found, CAP)

    doc_words = sum(sizes)
    doc_prose_share = sum(prose) / count if count else 0.0
    features = []
    for index, line in enumerate(lines):
        size = sizes[index]
        alphanumeric = sum(map(str.isalnum, line)) or 1
        spaced = words[index] if line.isascii() else [word for word in words[index] if not RE_CJK.match(word)]
        title = sum(1 for word in spaced if word[0].isupper()) / len(spaced) if spaced else 0.0
        caps = sum(1 for word in spaced if len(word) > 1 and word.isupper()) / len(spaced) if spaced else 0.0
        first = line.lstrip("-*•·–—►▶»> ")[:1]
        own = {word.lower() for word in words[index]}
        mine = 1 if prose[index] else 0
        shared = sum(1 for word in own if body_vocabulary[word] - mine > 0) / len(own) if own else 0.0
        window = sizes[max(0, index - 3):index + 4]
        features.append([
            size, math.log1p(size), math.log1p(len(line)), ends[index], line.endswith(":"),
            first.islower(), first.isupper(), first.isdigit(), not first.isalnum() if first else True,
            bool(RE_LIST_MARK.match(line)),
            sum(map(str.isdigit, line)) / alphanumeric, title, caps, bool(RE_LINKISH.search(line)),
            len(RE_SEPARATOR.findall(line)), prose[index],
            index / count, prose_mass_before[index] / prose_total,
            (prose_total - prose_mass_before[index] - (size if prose[index] else 0.0)) / prose_total,
            since[index], until[index], run_length[index], run_position[index],
            sizes[index - 1] if index else -1, sizes[index + 1] if index + 1 < count else -1,
            prose[index - 1] if index else False, prose[index + 1] if index + 1 < count else False,
            shared, continues[index], index + 1 < count and continues[index + 1],
            block_words[block_of[index]], block_end[block_of[index]],
            shape_count[shapes[index]], doc_prose_share, math.log1p(doc_words), math.log1p(count),
            min(count - 1 - index, 50),
            code_share(line), bool(RE_CODE_LINE.search(line)),
            prose_lines_before[min(count, index + 6)] - prose_lines_before[max(0, index - 5)] - prose[index],
            sum(window) / len(window), run_to_end[index], run_from_start[index], run_lists[index],
            min(prose_lines_before[count] - prose_lines_before[index + 1], CAP),
            min(prose_lines_before[index], CAP),
            covers[index] > 0, covers[index], markers_since[index], markers_in_run[index]])
    return [[float(value) for value in row] for row in features]


def continuations(lines: Sequence[str], sizes: Sequence[float], ends: Sequence[bool]) -> list[bool]:
    """The lines of a hard-wrapped paragraph after its first: the line before (five words or more)
    ends no sentence, and this one opens in lower case."""
    return [index > 0 and not ends[index - 1] and lines[index][:1].islower() and sizes[index - 1] >= 5
            for index in range(len(lines))]


def body_shapes(lines: Sequence[str], sizes: Sequence[float], ends: Sequence[bool]) -> list[str]:
    """Why each line must stay whatever a model says ("" when nothing protects it).

    Shapes that look like furniture to a model but are article body on real pages:
    code, a hard-wrapped paragraph's lines, the items of a list written in a sentence
    ("…organizm,"), a list that a sentence of the article announces ("The rankings were as
    follows:" then "1. Finland", "2. Norway"), and the rows of a table of figures (a line with at least three lines
    around it, itself included, that hold measured numbers: "71.1 MB", "-46%", "3,5 kg", "4582",
    or bare numbers beside another number: "6" above "1.6%"; the 1, 2, 3 of a ranked list of
    headlines, each above its headline, are not figures).
    """
    count = len(lines)
    bare = [bool(RE_BARE_NUMBER.match(line)) for line in lines]
    measured = [bool(RE_FIGURE.search(line)) and is_cell(line, sizes[index]) for index, line in enumerate(lines)]
    beside = [bare[index] or measured[index] for index in range(count)]
    figures = [measured[index] or (bare[index] and (
        (index > 0 and beside[index - 1]) or (index + 1 < count and beside[index + 1])))
        for index in range(count)]
    announced = announced_lists(lines, sizes)
    continues = continuations(lines, sizes, ends)
    reasons = []
    for index, line in enumerate(lines):
        wrapped = continues[index] or (index + 1 < count and continues[index + 1])
        if RE_CODE_LINE.search(line) or (code_share(line) > 0.08 and any(sign in line for sign in OPERATORS)):
            reasons.append("code")
        elif wrapped:
            reasons.append("a wrapped paragraph")
        elif RE_LIST_COMMA.search(line):
            reasons.append("a list item inside a sentence")
        elif announced[index]:
            reasons.append("a list the article announces")
        elif sum(figures[max(0, index - 3):index + 4]) >= 3:
            reasons.append("a table of figures")
        else:
            reasons.append("")
    return reasons


def is_cell(line: str, words: float) -> bool:
    """Short, or mostly digits: a table's cell or row, not a headline that opens with its time
    ("9:00 Storm closes schools")."""
    return words <= CELL_WORDS or sum(map(str.isdigit, line)) >= CELL_DIGITS * (sum(map(str.isalnum, line)) or 1)


def announced_lists(lines: Sequence[str], sizes: Sequence[float]) -> list[bool]:
    """The items of each list (bulleted or numbered lines, one under the other) that follows a
    sentence of five words or more ending in a colon: the article's own list. A header such as
    "Read more:" is shorter."""
    inside, index = [False] * len(lines), 1
    while index < len(lines):
        if RE_LIST_MARK.match(lines[index]) and lines[index - 1].endswith((":", "：")) and sizes[index - 1] >= 5:
            while index < len(lines) and RE_LIST_MARK.match(lines[index]):
                inside[index] = True
                index += 1
        else:
            index += 1
    return inside



def is_marker(line: str, words: float, sentence_end: bool, max_words: int = MARKER_WORDS) -> bool:
    """A label that opens a block of furniture: short, no sentence, opening with a furniture phrase
    ("Most read", "Share this:", "Kommentare (12)", "Czytaj więcej: ospa wietrzna"). A phrase of
    one word (or of CJK characters) is a label only alone or before a sign ("Photo: …",
    "Comments (12)", "Twitter @example"): "Like many neighbours…", "Follow a regular schedule",
    "홈런 선두 경쟁" and "Facebook said on Tuesday it would appeal" are not markers."""
    if words > max_words or sentence_end:
        return False
    phrase, _ = furniture_phrase(line)
    if not phrase:
        return False
    rest = normalize_phrase(strip_decoration(line))[len(phrase):]
    if is_cjk(phrase[-1]):
        return not rest or not rest[0].isalnum()
    if " " in phrase:
        return phrase not in load_vocabulary().networks
    rest = rest.lstrip()
    return not rest or not rest[0].isalnum()


def furniture_tail(lines: Sequence[str], shape: PageShape, max_words: int = MARKER_WORDS) -> int | None:
    """Where the page's furniture starts after the article: the first marker (:func:`is_marker`)
    after the last paragraph, provided that every line from there to the end may be removed (no
    paragraph, no body shape among them). None when there is no such line."""
    paragraphs = [index for index, flag in enumerate(shape.prose) if flag]
    if not paragraphs or not all(shape.removable[paragraphs[-1] + 1:]):
        return None
    return next((index for index in range(paragraphs[-1] + 1, len(lines))
                 if is_marker(lines[index], shape.sizes[index], shape.ends[index], max_words)), None)
