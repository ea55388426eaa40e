"""Line arithmetic shared by the line-based cleaners.

Documents are split on ``"\\n"`` only (never ``str.splitlines``, which also splits on
U+2028, U+0085 and form feeds that belong inside a line).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

from ..core.document import Outcome, Span, replace_spans
from ..core.speed import shortcuts


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every line, without its ``"\\n"``."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield start, len(text)
            return
        yield start, end
        start = end + 1


def split_lines(text: str) -> list[str]:
    return text.split("\n")


def remove_lines(text: str, doomed: Sequence[int], note: str | Callable[[int, int], str] = "") -> Outcome:
    """Remove the lines whose indexes are in ``doomed`` (sorted), each with its line break.

    A removed run of lines becomes one edit, so the edit log shows a block as a block; ``note``
    is the edit's note, or a function of the run's first and last line indexes that writes it.
    Blank lines left doubled by a removal are the job of ``tidy_text``, which runs
    again at the end of the default chain.
    """
    if not doomed:
        return Outcome(text)
    if not shortcuts():
        return remove_lines_walking(text, set(doomed), note)
    ends = list(accumulate(map(len, text.split("\n"))))     # line i is text[start(i):ends[i] + i]
    doomed = sorted({index for index in doomed if 0 <= index < len(ends)})    # others name no line
    spans: list[Span] = []
    position = 0
    while position < len(doomed):
        first = last = doomed[position]
        while position + 1 < len(doomed) and doomed[position + 1] == last + 1:
            position += 1
            last += 1
        start, end = (ends[first - 1] + first if first else 0), ends[last] + last
        if end < len(text):
            end += 1                      # take the line break after the run
        elif start > 0:
            start -= 1                    # last line: take the break before it instead
        spans.append(Span(start, end, "", note if isinstance(note, str) else note(first, last)))
        position += 1
    return replace_spans(text, spans)


def remove_lines_walking(text: str, doomed: set[int], note: str | Callable[[int, int], str]) -> Outcome:
    """:func:`remove_lines` the plain way, walking every line: the reference its arithmetic
    on line lengths must agree with."""
    bounds = list(iter_lines(text))
    spans, index = [], 0
    while index < len(bounds):
        if index not in doomed:
            index += 1
            continue
        first = index
        while index + 1 < len(bounds) and index + 1 in doomed:
            index += 1
        start, end = bounds[first][0], bounds[index][1]
        if end < len(text):
            end += 1
        elif start > 0:
            start -= 1
        spans.append(Span(start, end, "", note if isinstance(note, str) else note(first, index)))
        index += 1
    return replace_spans(text, spans)


def trailing_run(lines: Sequence[str], matches: Callable[[str], bool], spare_first: bool = False) -> list[int]:
    """Indexes of the matching lines at the end of the document, blank lines aside.

    ``spare_first`` keeps the first non-blank line (the title) even when it matches, so a
    document is never emptied by a rule that only means to trim its end.
    """
    doomed: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            continue
        if not matches(line):
            break
        doomed.append(index)
    if spare_first and doomed:
        first = next(i for i, line in enumerate(lines) if line.strip())
        doomed = [i for i in doomed if i != first]
    return sorted(doomed)
