"""dedup: exact and near-duplicate documents, found on cleaned text, each explained.

A corpus step, placed after the cleaners: two wire copies that differ only by their share bars
are exact duplicates once cleaned. It learns, for each document, a digest of its folded text
and the LSH band keys of its MinHash signature (:mod:`normalizer.detect.minhash`); once the
whole corpus has been seen, :meth:`Dedup.finish` groups the documents (exact copies first, then
near ones by shared bands, within one source with ``scope: source``); with ``verify`` (the
default) a second pass reads the shingles of those candidates alone and keeps in a group only
the copies whose true Jaccard with the copy that stays reaches the threshold. Each group keeps
the first in input order (the order of the inputs as given, then their lines), or the longest,
or the one with the best language score. Every other copy is rejected
(``duplicate`` / ``near_duplicate``) with the kept copy's id, file and line in the detail, or
tagged (``action: tag``: ``dup_cluster``, ``dup_of``, ``dup_similarity``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from ..core.cleaner import Role
from ..core.document import Doc, Outcome, group_of
from ..detect.minhash import Groups, band_keys, candidate_pairs, lsh_split, signature
from ..text.shingles import (
    Folding,
    folded,
    jaccard,
    shingle_hashes,
    text_digest,
)

FOLDS = ("spaces", "case", "punctuation", "digits")
SCOPES = ("corpus", "source")
ACTIONS = ("reject", "tag")
PREFERENCES = ("first", "longest", "best_language")     # which copy of a group stays
# one document as learned, in one string (half the memory of a list of its fields): its fields
# parted by FIELD, the free-text ones as JSON (which writes U+001F as an escape)
FIELD = "\x1f"
SOURCE, LINE, DIGEST, BANDS, GROUP, LENGTH, LANG_SCORE, ID = range(8)


def doc_key(source: str, line: int) -> str:
    return f"{source}\t{line}"


def hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def entry_key(entry: str) -> int:
    """A learned document's 64-bit name (its entry holds its source and line: no two alike)."""
    return hash64(entry)


class Dedup:
    """Reject (or tag) the documents that repeat an earlier one, exactly or nearly.

    >>> step = Dedup()
    >>> docs = [Doc(str(n), text, source="in.jsonl", line=n) for n, text in enumerate(
    ...     ["The council approved the budget for next year after a long debate on Monday evening.",
    ...      "Rail workers will strike on Monday, their union said in a statement on Friday.",
    ...      "The council approved the budget for next year after a long debate on Monday evening."], 1)]
    >>> learned = step.nothing_learned()
    >>> for doc in docs:
    ...     learned = step.merge(learned, step.learn(doc))
    >>> learned = step.finish(learned, ["in.jsonl"])
    >>> step.apply(docs[2], learned).reject
    ('duplicate', 'duplicate of "1" (in.jsonl:1)')
    """

    name = "dedup"
    role = Role.LEARNS
    reads: tuple[str, ...] = ("text", "source", "url", "lang_score")
    writes: tuple[str, ...] = ("dup_cluster", "dup_of", "dup_similarity")
    finds = ""                  # a copy is no fault of its text: check measures duplicates itself

    def __init__(self, *, exact: bool = True, near: bool = True, threshold: float = 0.8, shingle_words: int = 5,
                 shingle_chars: int = 5, num_perm: int = 128, fold: list[str] | None = None, scope: str = "corpus",
                 by: str = "source", action: str = "reject", prefer: str = "first", verify: bool = True) -> None:
        if not (exact or near):
            raise ValueError("exact and near are both off: nothing would be found")
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be above 0 and at most 1")
        if shingle_words < 1 or shingle_chars < 1:
            raise ValueError("shingle_words and shingle_chars must be at least 1")
        if not 16 <= num_perm <= 1024:
            raise ValueError("num_perm must be between 16 and 1024")
        folds = ["spaces"] if fold is None else fold
        for value, allowed, option in ((scope, SCOPES, "scope"), (action, ACTIONS, "action"),
                                       (prefer, PREFERENCES, "prefer"),
                                       *((name, FOLDS, "fold") for name in folds)):
            if value not in allowed:
                raise ValueError(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
        self.exact, self.near, self.threshold = exact, near, threshold
        self.shingle_words, self.shingle_chars, self.num_perm = shingle_words, shingle_chars, num_perm
        self.folding = Folding(**{name: name in folds for name in FOLDS})
        self.scope, self.by, self.action, self.prefer = scope, by, action, prefer
        self.bands, self.rows = lsh_split(threshold, num_perm)
        self.verify = verify
        self.wanted: tuple[int, frozenset[str]] = (0, frozenset())      # (id of a state, its candidates)

    # -- learning --------------------------------------------------------------------------------

    def nothing_learned(self) -> dict[str, Any]:
        return {"docs": []}

    def learn(self, doc: Doc, earlier: dict[str, Any] | None = None) -> dict[str, Any]:
        """Where the document is, and what it is compared on (one string of about 200 bytes); in
        the second pass, the shingle hashes of a near-duplicate candidate (for its true Jaccard)."""
        if earlier is not None:
            if not self.wants(doc, earlier):
                return {}
            return {"sets": {doc_key(doc.source, doc.line): shingle_hashes(
                doc.text, self.shingle_words, self.shingle_chars).tolist()}}
        group = group_of(doc, self.by) if self.scope == "source" else ""
        digest = text_digest(folded(doc.text, self.folding)) if self.exact else ""
        bands = ""
        if self.near:
            found = shingle_hashes(doc.text, self.shingle_words, self.shingle_chars)
            keys = band_keys(signature(found, self.num_perm), self.bands, self.rows)
            bands = base64.b64encode(keys.astype("<u8").tobytes()).decode("ascii")
        score = doc.meta.get("lang_score")
        score = float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else 0.0
        return {"docs": [FIELD.join((json.dumps(doc.source), str(doc.line), digest, bands, json.dumps(group),
                                     str(len(doc.text)), repr(score), json.dumps(doc.id)))]}

    def wants(self, doc: Doc, earlier: dict[str, Any]) -> bool:
        """Does the second pass need this document (a near-duplicate candidate)? Asked before the
        chain runs on it, so that the pass cleans the candidates alone."""
        if self.wanted[0] != id(earlier):
            self.wanted = (id(earlier), frozenset(key for members in earlier["pending"].values()
                                                  for key, *_ in members))
        return doc_key(doc.source, doc.line) in self.wanted[1]

    def merge(self, left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
        """The documents of both (``left`` extended and returned: a pass merges one document at
        a time). Their order does not matter: :meth:`finish` sorts them."""
        left["docs"].extend(right.get("docs", ()))
        if "sets" in right:
            left.setdefault("sets", {}).update(right["sets"])
        return left

    def another_pass(self, learned: dict[str, Any]) -> bool:
        """A second pass when near-duplicate candidates wait for their true Jaccard."""
        return bool(learned.get("pending"))

    def finish(self, learned: dict[str, Any], inputs: Sequence[str],
               earlier: dict[str, Any] | None = None) -> dict[str, Any]:
        """The groups of copies, and for each copy that goes the one that stays: ``verdicts``
        maps ``source<TAB>line`` to ``[reason, cluster, kept id, kept source, kept line,
        similarity]`` (the kept copy's reason is ``kept``). With ``verify``, the groups with near
        candidates wait in ``pending`` for a second pass, whose shingles give true Jaccards."""
        if earlier is not None:
            return self.verified(earlier, learned.get("sets", {}))
        table = Learned(learned["docs"], inputs, self.bands if self.near else 0)
        groups = Groups(len(table.order))
        for first, other in self.candidates(table):
            groups.join(first, other)
        return self.decided(table, groups, len(table.order))

    def candidates(self, table: Learned) -> Iterator[tuple[int, int]]:
        """Pairs of rows that share a bucket (:meth:`buckets`). The groups are the connected
        parts of "shares a bucket", whichever pairs of a bucket join them."""
        if self.exact:
            yield from candidate_pairs(table.digests[:, None], table.groups)
        if self.near:
            yield from candidate_pairs(table.bands, table.groups)

    def decided(self, table: Learned, groups: Groups, documents: int) -> dict[str, Any]:
        """Verdicts for the groups of more than one (numbered in input order), or the groups
        that wait for their true Jaccards."""
        groups_found = sorted(members for members in groups.members().values() if len(members) > 1)
        verdicts: dict[str, list[Any]] = {}
        pending: dict[str, list[list[Any]]] = {}
        for number, members in enumerate(groups_found, 1):
            ordered = self.preferred(table, members)
            name = f"dup-{number}"
            digests = {index: table.digest(index) for index in ordered}
            if self.verify and (not self.exact or len(set(digests.values())) > 1):     # not all exact copies
                pending[name] = [[doc_key(*table.where(i)), table.id(i), *table.where(i), digests[i]] for i in ordered]
                continue
            head = ordered[0]
            head_id, (head_source, head_line) = table.id(head), table.where(head)
            for index in ordered:
                why = "kept" if index == head else ("duplicate" if digests[index] and digests[index] == digests[head]
                                                    else "near_duplicate")
                verdicts[doc_key(*table.where(index))] = [why, name, head_id, head_source, head_line,
                                                          1.0 if why == "duplicate" else None]
        return {"documents": documents, "verdicts": verdicts, "pending": pending}

    def verified(self, earlier: dict[str, Any], sets: dict[str, list[int]]) -> dict[str, Any]:
        """The pending groups split by true Jaccard (:meth:`split`)."""
        verdicts = dict(earlier["verdicts"])
        for name, members in earlier["pending"].items():
            verdicts.update(self.split(name, members, sets))
        return {"documents": earlier["documents"], "verdicts": verdicts, "pending": {}}

    def split(self, name: str, members: list[list[Any]], sets: Mapping[str, list[int]]) -> dict[str, list[Any]]:
        """The verdicts of one pending group: each remaining copy goes with the first remaining
        one (the preferred) when their shingle sets are ``threshold`` alike."""
        verdicts: dict[str, list[Any]] = {}
        remaining = list(members)
        part = 0
        while len(remaining) > 1:
            head, *others = remaining
            head_set = frozenset(sets.get(head[0], ()))
            alike = [(member, jaccard(head_set, frozenset(sets.get(member[0], ())))) for member in others]
            found = [(member, similar) for member, similar in alike if similar >= self.threshold or (
                member[4] and member[4] == head[4])]
            if found:
                part += 1
                cluster = name if part == 1 else f"{name}.{part}"
                verdicts[head[0]] = ["kept", cluster, head[1], head[2], head[3], None]
                for member, similar in found:
                    exact = bool(member[4]) and member[4] == head[4]
                    verdicts[member[0]] = ["duplicate" if exact else "near_duplicate", cluster, head[1],
                                           head[2], head[3], 1.0 if exact else round(similar, 4)]
            taken = {member[0] for member, _ in found}
            remaining = [member for member in others if member[0] not in taken]
        return verdicts

    def preferred(self, table: Learned, members: list[int]) -> list[int]:
        """A group's members, the copy it keeps first: the first in input order, or the longest,
        or the best language score (ties: the first), then the others in input order."""
        if self.prefer == "longest":
            kept = min(members, key=lambda index: (-int(table.lengths[index]), index))
        elif self.prefer == "best_language":
            kept = min(members, key=lambda index: (-float(table.scores[index]), index))
        else:
            kept = members[0]
        return [kept, *(index for index in members if index != kept)]

    # -- sharded: the buckets spread over a cluster (normalizer.engines.ray_dedup) --------------

    def buckets(self, entry: str) -> list[int]:
        """The 64-bit buckets one learned document falls in: its folded text's digest and each of
        its band keys, within its group. The documents that share a bucket are what
        :meth:`candidates` pairs; a cluster sorts the buckets out by shuffling them."""
        fields = entry.split(FIELD)
        found = []
        if self.exact and fields[DIGEST]:
            found.append(hash64(FIELD.join(("exact", fields[GROUP], fields[DIGEST][:16]))))
        if self.near:
            keys = np.frombuffer(base64.b64decode(fields[BANDS]), dtype="<u8").tolist()
            found += [hash64(FIELD.join((str(band), fields[GROUP], str(key)))) for band, key in enumerate(keys)]
        return found

    def finish_sharded(self, entries: Sequence[str], pairs: Iterable[tuple[int, int]], documents: int,
                       inputs: Sequence[str]) -> dict[str, Any]:
        """:meth:`finish` from the documents that share a bucket with another (their entries),
        the pairs that joined them (by :func:`entry_key`) and the corpus's count: the same groups,
        so the same state, without the whole corpus in one place."""
        table = Learned(entries, inputs, 0)
        position = {entry_key(entries[row]): index for index, row in enumerate(table.order.tolist())}
        groups = Groups(len(entries))
        for first, other in pairs:
            groups.join(position[first], position[other])
        return self.decided(table, groups, documents)

    # -- applying --------------------------------------------------------------------------------

    def apply(self, doc: Doc, learned: dict[str, Any]) -> Outcome:
        verdict = learned.get("verdicts", {}).get(doc_key(doc.source, doc.line))
        if verdict is None:
            return Outcome(doc.text)
        why, cluster, kept_id, kept_source, kept_line, similar = verdict
        if self.action == "tag":
            of = None if why == "kept" else kept_id
            return Outcome(doc.text, meta={"dup_cluster": cluster, "dup_of": of,
                                           "dup_similarity": None if of is None else similar})
        if why == "kept":
            return Outcome(doc.text)
        how = ("" if why == "duplicate" else f", Jaccard {similar:.2f}" if similar is not None
               else ", a MinHash candidate (verify: false)")
        return Outcome(doc.text, reject=(why, f'{why} of "{kept_id}" ({kept_source}:{kept_line}){how}'))


class Learned:
    """What the first pass learned, as columns in input order (``order`` maps a position to its
    entry): the digests' first 64 bits, the groups as numbers, the band keys, lengths and language
    scores; a document's id and place are read from its entry when a group of copies needs them."""

    def __init__(self, entries: Sequence[str], inputs: Sequence[str], bands: int) -> None:
        ranks = {json.dumps(name): rank for rank, name in enumerate(inputs)}
        count = len(entries)
        source_rank = np.empty(count, dtype=np.int64)
        source_code = np.empty(count, dtype=np.int64)
        lines = np.empty(count, dtype=np.int64)
        digests = np.zeros(count, dtype=np.uint64)
        group_code = np.empty(count, dtype=np.int64)
        self.lengths = np.empty(count, dtype=np.int64)
        self.scores = np.empty(count, dtype=np.float64)
        keys = np.zeros((count, bands), dtype=np.uint64)
        sources: dict[str, int] = {}
        groups: dict[str, int] = {}
        for row, entry in enumerate(entries):
            fields = entry.split(FIELD)
            source = fields[SOURCE]
            source_rank[row] = ranks.get(source, len(ranks))
            source_code[row] = sources.setdefault(source, len(sources))
            lines[row] = int(fields[LINE])
            if fields[DIGEST]:
                digests[row] = int(fields[DIGEST][:16], 16)
            group_code[row] = groups.setdefault(fields[GROUP], len(groups))
            self.lengths[row] = int(fields[LENGTH])
            self.scores[row] = float(fields[LANG_SCORE])
            if bands:
                keys[row] = np.frombuffer(base64.b64decode(fields[BANDS]), dtype="<u8")
        # sources not among the inputs come after them, by name (their codes follow first sight: rank them)
        by_name = {code: rank for rank, (_, code) in enumerate(sorted(sources.items()))}
        names = np.array([by_name[code] for code in source_code.tolist()], dtype=np.int64)
        self.order = np.lexsort((np.arange(count), lines, names, source_rank))
        self.entries = entries
        self.digests = digests[self.order]
        self.groups = group_code[self.order]
        self.bands = keys[self.order]
        self.lengths, self.scores = self.lengths[self.order], self.scores[self.order]

    def fields(self, index: int) -> list[str]:
        return self.entries[int(self.order[index])].split(FIELD)

    def where(self, index: int) -> tuple[str, int]:
        fields = self.fields(index)
        return json.loads(fields[SOURCE]), int(fields[LINE])

    def id(self, index: int) -> str:
        return str(json.loads(self.fields(index)[ID]))

    def digest(self, index: int) -> str:
        return self.fields(index)[DIGEST]
