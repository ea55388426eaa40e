"""The one document type that flows through the chain, and the record of each edit.

Cleaners never mutate a document: they return an :class:`Outcome` describing the new
text and the exact spans they changed, and the pipeline builds the next :class:`Doc`.
Because every change is a span, ``replay(original, edits)`` reproduces the output,
which the tests check for every cleaner case and ``--with-edits`` lets users audit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

EMPTY: Mapping[str, Any] = MappingProxyType({})
TOTAL = "(all)"            # the group of every document, when documents are not grouped
NO_GROUP = "(none)"         # the group of a document with no source field and no URL


class Edit(NamedTuple):
    """One change: ``text[start:end]`` (``old``) became ``new``; ``new == ""`` is a removal."""

    step: str
    start: int
    end: int
    old: str
    new: str = ""
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"step": self.step, "start": self.start, "end": self.end,
                                  "old": self.old, "new": self.new}
        if self.note:
            record["note"] = self.note
        return record


class Rejection(NamedTuple):
    """Why a document was dropped: the step id, a reason code from a closed set, and detail."""

    step: str
    reason: str
    detail: str = ""


class Outcome(NamedTuple):
    """What every cleaner returns for one text."""

    text: str
    edits: tuple[Edit, ...] = ()
    reject: tuple[str, str] | None = None   # (reason code, detail); None keeps the document
    meta: Mapping[str, Any] = EMPTY


@dataclasses.dataclass(frozen=True, slots=True)
class Doc:
    """A document: its id, current text, the input record's other fields, what cleaners added.

    ``fields`` are carried through untouched; ``meta`` holds what cleaners measured
    (``lang``, ``lang_score``, ``text_ascii`` ...); ``edits`` is the full edit log in order.
    ``source``/``line`` say where the record came from, for messages and rejects.
    """

    id: str
    text: str
    fields: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    meta: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    edits: tuple[Edit, ...] = ()
    rejected: Rejection | None = None
    source: str = ""
    line: int = 0

    def replace(self, *, text: str | None = None, meta: Mapping[str, Any] | None = None,
                edits: tuple[Edit, ...] | None = None, rejected: Rejection | None = None) -> Doc:
        """A copy with some of the fields a cleaner can change (``dataclasses.replace`` costs
        several times more, and the chain calls this for every step of every document)."""
        return Doc(self.id, self.text if text is None else text, self.fields, self.meta if meta is None else meta,
                   self.edits if edits is None else edits, self.rejected if rejected is None else rejected,
                   self.source, self.line)

    def changed_by(self) -> list[str]:
        """Step ids that changed the text, in chain order, each once."""
        return list(dict.fromkeys(edit.step for edit in self.edits))


class Span(NamedTuple):
    """A planned change, in offsets of the text a cleaner received."""

    start: int
    end: int
    new: str = ""
    note: str = ""


def replace_spans(text: str, spans: Iterable[Span]) -> Outcome:
    """Apply sorted, non-overlapping spans and describe each one as an :class:`Edit`.

    >>> replace_spans("a bad day", [Span(2, 6)]).text
    'a day'
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    for span in spans:
        if span.start < cursor or span.end < span.start:
            raise ValueError(f"spans overlap or run backwards at {span.start}")
        old = text[span.start:span.end]
        if old == span.new:
            continue
        pieces.append(text[cursor:span.start])
        pieces.append(span.new)
        edits.append(Edit("", span.start, span.end, old, span.new, span.note))
        cursor = span.end
    if not edits:
        return Outcome(text)
    pieces.append(text[cursor:])
    return Outcome("".join(pieces), tuple(edits))


def replay(text: str, edits: Sequence[Edit]) -> str:
    """Re-apply an edit log to the original text; each step's offsets refer to its own input.

    >>> replay("a bad day", [Edit("x", 2, 6, "bad ")])
    'a day'
    """
    steps: dict[str, list[Edit]] = {}
    order: list[str] = []
    for edit in edits:
        if edit.step not in steps:
            steps[edit.step] = []
            order.append(edit.step)
        steps[edit.step].append(edit)
    for step in order:
        for edit in steps[step]:
            if text[edit.start:edit.end] != edit.old:
                raise ValueError(f"edit log does not fit the text at step {step!r}, offset {edit.start}")
        text = replace_spans(text, (Span(e.start, e.end, e.new) for e in steps[step])).text
    return text


def group_of(doc: Doc, by: str | None) -> str:
    """The group (source) a document belongs to, for per-source counts: the ``by`` field, or the
    host of a ``url`` field when ``by`` is ``source`` and the field is missing.

    >>> group_of(Doc("1", "text", fields={"url": "https://www.example.fr/a"}), "source")
    'www.example.fr'
    """
    if by is None:
        return TOTAL
    value = doc.fields.get(by)
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
        return str(value)
    url = doc.fields.get("url")
    if by == "source" and isinstance(url, str):
        from urllib.parse import urlsplit
        try:
            return urlsplit(url).hostname or NO_GROUP
        except ValueError:
            return NO_GROUP
    return NO_GROUP
