"""Sample plugin cleaners for normalizer: what a third-party package ships.

``strip_shouting`` removes lines written entirely in capitals ("SUBSCRIBE NOW TO READ MORE"),
with an option checked by normalizer like a built-in one. ``strip_common_lines`` is a corpus
step: it learns from the whole corpus which lines most documents of a source share, then
removes them. The others are faulty on purpose, for the tests.
"""

from normalizer import Doc, Outcome, Role
from normalizer.core.document import group_of
from normalizer.text.lines import remove_lines, split_lines


class StripShouting:
    """Remove lines written in capitals (at least ``min_letters`` letters, none lower-case)."""

    def __init__(self, *, min_letters: int = 8, allowed: list[str] | None = None) -> None:
        if min_letters < 1:
            raise ValueError("min_letters must be at least 1")
        self.min_letters = min_letters
        self.allowed = set(allowed or [])

    def __call__(self, text: str) -> Outcome:
        doomed = [i for i, line in enumerate(split_lines(text)) if self.shouts(line)]
        return remove_lines(text, doomed, "shouting")

    def shouts(self, line: str) -> bool:
        letters = [c for c in line if c.isalpha()]
        return (len(letters) >= self.min_letters and all(c.isupper() for c in letters)
                and line.strip() not in self.allowed)


class ReturnsText:
    """A faulty plugin: returns a str instead of an Outcome."""

    def __call__(self, text: str) -> str:
        return text.upper()


class ReservedOption:
    """A faulty plugin: its option is named like a step key (``keep``)."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep_lines = keep

    def __call__(self, text: str) -> Outcome:
        return Outcome(text)


class NoEditLog:
    """A faulty plugin: changes the text without saying how."""

    def __call__(self, text: str) -> Outcome:
        return Outcome(text.upper())


class BadMeta:
    """A faulty plugin: measures something JSON cannot hold."""

    def __call__(self, text: str) -> Outcome:
        return Outcome(text, meta={"letters": set(text)})


class CrashesOnMarker:
    """A faulty plugin: raises on a document holding ``marker``, as a bug would (for the test
    that one crashing document is rejected and the run goes on, on every engine)."""

    def __init__(self, *, marker: str = "CRASH ME") -> None:
        self.marker = marker

    def __call__(self, text: str) -> Outcome:
        if self.marker in text:
            raise RuntimeError(f"found {self.marker!r}")
        return Outcome(text)


class StripCommonLines:
    """Remove lines that most documents of the same source share (a corpus step: it learns first).

    It proves normalizer's corpus passes: it counts, over the whole corpus, in how many documents
    of each source every line occurs (``learn`` and ``merge``, whatever the batches or workers),
    then removes from each document the lines at least ``min_share`` of its source's documents
    (and at least ``min_docs`` of them) hold, and says so in the edit note.
    """

    name = "strip_common_lines"
    role = Role.LEARNS
    reads = ("text", "source")
    writes = ("text",)
    finds = "boilerplate"

    def __init__(self, *, min_docs: int = 3, min_share: float = 0.5, by: str = "source") -> None:
        if min_docs < 2 or not 0 < min_share <= 1:
            raise ValueError("min_docs must be at least 2 and min_share in (0, 1]")
        self.min_docs = min_docs
        self.min_share = min_share
        self.by = by

    def nothing_learned(self) -> dict:
        return {}

    def learn(self, doc: Doc) -> dict:
        lines = {line.strip() for line in split_lines(doc.text) if line.strip()}
        return {group_of(doc, self.by): {"documents": 1, "lines": dict.fromkeys(sorted(lines), 1)}}

    def merge(self, left: dict, right: dict) -> dict:
        merged = {group: {"documents": counts["documents"], "lines": dict(counts["lines"])}
                  for group, counts in left.items()}
        for group, counts in right.items():
            into = merged.setdefault(group, {"documents": 0, "lines": {}})
            into["documents"] += counts["documents"]
            for line, seen in counts["lines"].items():
                into["lines"][line] = into["lines"].get(line, 0) + seen
        return merged

    def apply(self, doc: Doc, learned: dict) -> Outcome:
        group = group_of(doc, self.by)
        counts = learned.get(group, {"documents": 0, "lines": {}})
        total = counts["documents"]
        lines = split_lines(doc.text)
        doomed = [index for index, line in enumerate(lines)
                  if self.common(counts["lines"].get(line.strip(), 0), total)]
        if not doomed:
            return Outcome(doc.text)
        seen = sorted({counts["lines"][lines[index].strip()] for index in doomed})
        times = f"{seen[0]}" if len(seen) == 1 else f"{seen[0]} to {seen[-1]}"
        return remove_lines(doc.text, doomed, f"{'this line occurs' if len(doomed) == 1 else 'these lines occur'} "
                                              f"in {times} of {total} documents from {group}")

    def common(self, seen: int, total: int) -> bool:
        return seen >= self.min_docs and seen >= self.min_share * total


class CountsItsMerges:
    """A faulty corpus step: its state counts the merges, so it depends on the batch boundaries
    (the tests use it to show that they would catch such a step)."""

    name = "counts_its_merges"
    role = Role.LEARNS
    writes = ()

    def nothing_learned(self) -> int:
        return 0

    def learn(self, doc: Doc) -> int:
        return 0

    def merge(self, left: int, right: int) -> int:
        return left + right + 1

    def apply(self, doc: Doc, learned: int) -> Outcome:
        return Outcome(doc.text, meta={"merges": learned})
