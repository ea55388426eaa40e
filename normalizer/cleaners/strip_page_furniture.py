"""strip_page_furniture: lines that have the shape and the place of page furniture, in any words.

Most boilerplate on real pages is words no list can hold: the teaser headlines of a "more
news" block, a menu, a standings table, the names under a gallery. What they share is their
shape and their place: short lines without a sentence end, in runs, after the article's last
paragraph or before its first, with words the article never uses. Two rules use that:

- **The page's tail.** After the article's last paragraph, a short line that opens with a
  furniture phrase of any shipped language ("Most read", "Lire aussi", "Kommentare", "Share
  this:", "Advertisement", a network's name) starts the furniture, when every line from there
  to the end is short and no shape of body text: all of it goes, the teasers under it too.
- **A fitted model.** Gradient-boosted trees (``rules/models/page_furniture.json``, fitted by
  ``benchmarks/fit_page_model.py`` on real pages with gold article text, split by site) score
  every line from its features (:mod:`normalizer.text.page_lines`). A line goes when its score
  reaches ``threshold``; a block goes as a whole when all of its lines may go, their mean
  score reaches its threshold and one of them would go alone (a short list that ends an
  article, a squad or a cabinet, may score high on average, but none of its lines is surely
  furniture), all but its lines the model takes for body (under 0.5: a title between a menu
  and the article): the tail after the last paragraph (``tail_threshold``), a run of
  two lines or more between two paragraphs (``between_threshold``); and the head goes from the
  top, line by line, while each scores ``head_threshold`` or more (the title, which scores low,
  stops it; the three lines with words just above the first paragraph, a title, a standfirst,
  a dateline, always stay). Judging a block as a whole is surer than line by line. The thresholds are stored
  with the model, chosen on the fitting sites so that the default chain stays within 0.2 % of
  body lines lost and 2 % of pages damaged. ``model: null`` switches the model off (the tail
  from a label stays).

Whatever the rule, these stay: a paragraph (ten words or more ending a sentence, or 25 words),
code, the lines of a hard-wrapped paragraph, a list a sentence announces ("…as follows:"), the
items of a list written as a sentence ("…organizm,") and the rows of a table of figures. A text
without a paragraph is not a page: it is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..core.cleaner import Role
from ..core.document import Outcome
from ..detect.page_model import SHIPPED, PageModel, Thresholds, load_page_model
from ..text.lines import remove_lines, split_lines
from ..text.page_lines import (
    FEATURES,
    PageShape,
    furniture_phrase,
    furniture_tail,
    line_features,
    page_shape,
)

PROSE_BEFORE, PROSE_AFTER = FEATURES.index("prose_before"), FEATURES.index("prose_after")
MIN_RUN = 2             # a run judged by its mean score has two lines or more
BODY_SCORE = 0.5        # a line of such a run that scores less is more likely body: it stays (a title)
HEAD_SPARED = 3         # the head rule never takes these lines above the first paragraph: title, standfirst, dateline


class Furniture(NamedTuple):
    """What goes from a page: line position -> its score (1.0 for a line of the tail, whatever
    its score), where the tail starts (None: no tail), and why the tail goes."""

    doomed: dict[int, float]
    tail: int | None
    why: str


class StripPageFurniture:
    """Remove the page's tail of furniture after the article, and the lines and blocks a fitted
    model scores as furniture, at thresholds set for precision.

    >>> step = StripPageFurniture()
    >>> page = ("Il sindaco ha presentato ieri il nuovo piano per il traffico del centro storico della città.\\n"
    ...         "Il piano entrerà in vigore a marzo, dopo una consultazione pubblica di sei settimane.\\n"
    ...         "Altre notizie\\nMeteo, allerta gialla\\nSerie A, i risultati\\nOroscopo di oggi\\nContatti")
    >>> step(page).text.splitlines()[-1]
    'Il piano entrerà in vigore a marzo, dopo una consultazione pubblica di sei settimane.'
    """

    name = "strip_page_furniture"
    role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds = "boilerplate"
    repeatable = True

    def __init__(self, *, threshold: float | None = None, tail_threshold: float | None = None,
                 between_threshold: float | None = None, head_threshold: float | None = None,
                 model: str | None = SHIPPED) -> None:
        given = {"threshold": threshold, "tail_threshold": tail_threshold, "between_threshold": between_threshold,
                 "head_threshold": head_threshold}
        if not model and any(value is not None for value in given.values()):
            names = [name for name, value in given.items() if value is not None]
            raise ValueError(f"{', '.join(names)} {'needs' if len(names) == 1 else 'need'} the model: "
                             "with model: null only the tail from a label is removed")
        self.model: PageModel | None = load_page_model(model) if model else None
        stored = self.model.thresholds if self.model else Thresholds()
        self.thresholds = Thresholds(*(given if given is not None else default for given, default in zip(
            (threshold, tail_threshold, between_threshold, head_threshold), stored)))
        if not all(0.0 < value <= 1.0 for value in self.thresholds):
            raise ValueError("the thresholds must be above 0 and at most 1")

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        kept = [index for index, line in enumerate(lines) if line.strip()]
        stripped = [lines[index].strip() for index in kept]
        shape = page_shape(stripped)
        if not any(shape.removable):
            return Outcome(text)
        features = line_features(stripped, shape) if self.model is not None else []
        scores = self.model.scores(features) if self.model is not None else []
        found = furniture_positions(stripped, shape, scores, self.thresholds)
        if not found.doomed:
            return Outcome(text)
        doomed = {kept[position]: position for position in found.doomed}
        first_of_tail = kept[found.tail] if found.tail is not None else len(lines)
        def note(first: int, last: int) -> str:
            """A run the tail ends is noted for both: its lines the model scored, then the tail."""
            scored = [(found.doomed[doomed[index]], features[doomed[index]])
                      for index in range(first, min(last + 1, first_of_tail)) if index in doomed]
            if last < first_of_tail:
                return self.note(scored)
            if scored:
                return f"{self.note(scored)}; then the tail {found.why}"
            return f"page furniture after the article's last paragraph: {found.why}"

        return remove_lines(text, sorted(doomed), note)

    def note(self, run: Sequence[tuple[float, list[float]]]) -> str:
        """"page furniture between paragraphs (3 lines, scores 0.62-0.97; a run between paragraphs
        goes from a mean of 0.91, a line alone from 0.98)"."""
        size = f"{len(run)} lines, " if len(run) > 1 else ""
        low, high = min(score for score, _ in run), max(score for score, _ in run)
        scores = f"score {low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"scores {low:.2f}-{high:.2f}"
        line = f"a line alone from {self.thresholds.line:.2f}"
        features = run[0][1]
        if features[PROSE_AFTER] == 0.0:
            where, rule = "after the article's last paragraph", line
        elif features[PROSE_BEFORE] == 0.0:
            where, rule = ("before the article's first paragraph",
                           f"the head goes from the top while each line scores {self.thresholds.head:.2f}, {line}")
        else:
            where, rule = ("between paragraphs",
                           f"a run between paragraphs goes from a mean of {self.thresholds.between:.2f}, {line}")
        return f"page furniture {where} ({size}{scores}; {rule})"


def furniture_positions(lines: Sequence[str], shape: PageShape, scores: Sequence[float],
                        thresholds: Thresholds) -> Furniture:
    """The lines of a page that go (``scores``: the model's, or empty without a model): those that
    score ``thresholds.line`` or more; the tail after the article's last paragraph, from a marker
    (:func:`~normalizer.text.page_lines.furniture_tail`), or as a whole when all of its lines may
    go, their mean score reaches ``thresholds.tail`` and one scores ``thresholds.line``; a run of
    two lines or more between two paragraphs, all of which may go, whose mean score reaches
    ``thresholds.between``, with such a line (in both, a line scoring under ``BODY_SCORE`` stays:
    the model takes it for body, a title between a menu and the article); and the
    head's lines from the top while each may go and scores ``thresholds.head`` or more, never the
    ``HEAD_SPARED`` lines with words just above the first paragraph (a title, its standfirst, a
    dateline or a source line between them).
    ``benchmarks/fit_page_model.py`` calls it too, so that the thresholds are chosen on what the
    step does."""
    doomed = {position: score for position, score in enumerate(scores)
              if shape.removable[position] and score >= thresholds.line}
    paragraphs = [position for position, flag in enumerate(shape.prose) if flag]
    tail, why = furniture_tail(lines, shape), ""
    if tail is not None:
        why = f"from {lines[tail][:60]!r} (the label {furniture_phrase(lines[tail])[0]!r}) to the end of the page"
        doomed.update({position: doomed.get(position, 1.0) for position in range(tail, len(lines))})
    elif scores and paragraphs and (taken := block(shape, scores, paragraphs[-1] + 1, len(lines),
                                                   thresholds.tail, thresholds.line)):
        tail = paragraphs[-1] + 1
        why = (f"{len(lines) - tail} lines, mean score {mean(scores[tail:]):.2f} >= {thresholds.tail:.2f}, "
               f"the highest {max(scores[tail:]):.2f} >= {thresholds.line:.2f}")
        doomed.update({position: doomed.get(position, 1.0) for position in taken})
    if scores and paragraphs:
        for first, after in zip(paragraphs, paragraphs[1:]):
            doomed.update({position: scores[position] for position in block(
                shape, scores, first + 1, after, thresholds.between, thresholds.line)})
        worded = [position for position in range(paragraphs[0]) if any(char.isalpha() for char in lines[position])]
        for position in range(worded[-HEAD_SPARED] if len(worded) >= HEAD_SPARED else 0):
            if not shape.removable[position] or scores[position] < thresholds.head:
                break
            doomed[position] = scores[position]
    return Furniture(doomed, tail, why)


def block(shape: PageShape, scores: Sequence[float], start: int, end: int, mean_threshold: float,
          line_threshold: float) -> list[int]:
    """The lines of the run ``start`` to ``end`` that go when it is judged as a whole, or none:
    it has two lines or more, all may go, their mean score reaches ``mean_threshold``, and one of
    them at least scores as a line that would go alone (``line_threshold``): a short list that
    ends an article (a squad, a cabinet, towns) may score high on average, but it has no line
    that is surely furniture. Its lines the model takes for body (under ``BODY_SCORE``) stay."""
    run = scores[start:end]
    if end - start < MIN_RUN or not all(shape.removable[start:end]) or mean(run) < mean_threshold \
            or max(run) < line_threshold:
        return []
    return [position for position in range(start, end) if scores[position] >= BODY_SCORE]


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)
