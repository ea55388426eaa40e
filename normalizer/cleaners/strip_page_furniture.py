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
  every line from its features (:mod:`normalizer.text.page_lines`); a line goes when its score
  reaches the threshold, chosen on the fitting sites so that the default chain stays within
  0.2 % of body lines lost and 2 % of pages damaged. ``model: null`` switches it off.

Whatever the rule, these stay: a paragraph (ten words or more ending a sentence, or 25 words),
code, the lines of a hard-wrapped paragraph, a list a sentence announces ("…as follows:"), the
items of a list written as a sentence ("…organizm,") and the rows of a table of figures. A text
without a paragraph is not a page: it is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.cleaner import Role
from ..core.document import Outcome
from ..detect.page_model import SHIPPED, PageModel, load_page_model
from ..text.lines import remove_lines, split_lines
from ..text.page_lines import FEATURES, furniture_tail, line_features, page_shape

PROSE_BEFORE, PROSE_AFTER = FEATURES.index("prose_before"), FEATURES.index("prose_after")
TAIL: tuple[float, list[float]] = (1.0, [])      # a line of the page's tail: removed whatever its score


class StripPageFurniture:
    """Remove the page's tail of furniture after the article, and the lines a fitted model scores
    as furniture at a threshold set for precision.

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

    def __init__(self, *, threshold: float | None = None, model: str | None = SHIPPED) -> None:
        self.model: PageModel | None = load_page_model(model) if model else None
        self.threshold = threshold if threshold is not None else self.model.threshold if self.model else 1.0
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be above 0 and at most 1")

    def __call__(self, text: str) -> Outcome:
        lines = split_lines(text)
        kept = [index for index, line in enumerate(lines) if line.strip()]
        stripped = [lines[index].strip() for index in kept]
        shape = page_shape(stripped)
        if not any(shape.removable):
            return Outcome(text)
        tail = furniture_tail(stripped, shape)
        doomed: dict[int, tuple[float, list[float]]] = {}
        if self.model is not None:
            features = line_features(stripped, shape)
            doomed = {kept[position]: (score, row) for position, (score, row)
                      in enumerate(zip(self.model.scores(features), features))
                      if shape.removable[position] and score >= self.threshold}
        if tail is not None:
            doomed.update({kept[position]: doomed.get(kept[position], TAIL) for position in range(tail, len(kept))})
        if not doomed:
            return Outcome(text)
        first_of_tail, marker = (kept[tail], stripped[tail]) if tail is not None else (len(lines), "")
        return remove_lines(text, sorted(doomed), lambda first, last: self.note(
            [doomed[index] for index in range(first, last + 1)], marker if last >= first_of_tail else ""))

    def note(self, run: Sequence[tuple[float, list[float]]], marker: str) -> str:
        """"page furniture after the article's last paragraph (3 lines, scores 0.91-0.99 >= 0.88)", or
        for the page's tail, "page furniture from "Related stories" to the end of the page"."""
        size = f"{len(run)} lines, " if len(run) > 1 else ""
        if marker:
            return f"page furniture from {marker[:60]!r} to the end of the page ({size}after the article's last paragraph)"
        low, high = min(score for score, _ in run), max(score for score, _ in run)   # no tail: all scored
        scores = f"score {low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"scores {low:.2f}-{high:.2f}"
        features = run[0][1]
        where = ("after the article's last paragraph" if features[PROSE_AFTER] == 0.0
                 else "before the article's first paragraph" if features[PROSE_BEFORE] == 0.0
                 else "between paragraphs")
        return f"page furniture {where} ({size}{scores} >= {self.threshold:.2f})"
