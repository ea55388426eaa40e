"""dedup: exact and near-duplicate documents, found on cleaned text, each explained.

A corpus step, placed after the cleaners: two wire copies that differ only by their share bars
are exact duplicates once cleaned. It learns, for each document, a digest of its folded text
and the LSH band keys of its MinHash signature (:mod:`normalizer.detect.minhash`); once the
whole corpus has been seen, :meth:`Dedup.finish` groups the documents (exact copies first, then
near ones by shared bands, within one source with ``scope: source``) and picks the copy each
group keeps: the first in input order (the order of the inputs as given, then their lines), or
the longest, or the one with the best language score. Every other copy is rejected
(``duplicate`` / ``near_duplicate``) with the kept copy's id, file and line in the detail, or
tagged (``action: tag``: ``dup_cluster``, ``dup_of``, ``dup_similarity``).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
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
    shingles,
    text_digest,
)

FOLDS = ("spaces", "case", "punctuation", "digits")
SCOPES = ("corpus", "source")
ACTIONS = ("reject", "tag")
PREFERENCES = ("first", "longest", "best_language")     # which copy of a group stays
# one document as learned: where it is, what it is called, its group, what it is compared on
SOURCE, LINE, ID, GROUP, DIGEST, BANDS, LENGTH, LANG_SCORE = range(8)


def doc_key(source: str, line: int) -> str:
    return f"{source}\t{line}"


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
        """Where the document is, and what it is compared on (about 140 bytes); in the second
        pass, the shingle hashes of a near-duplicate candidate (to measure its true Jaccard)."""
        if earlier is not None:
            if not self.wants(doc, earlier):
                return {}
            return {"sets": {doc_key(doc.source, doc.line): shingle_hashes(
                shingles(doc.text, self.shingle_words, self.shingle_chars))}}
        group = group_of(doc, self.by) if self.scope == "source" else ""
        digest = text_digest(folded(doc.text, self.folding)) if self.exact else ""
        bands = ""
        if self.near:
            found = shingles(doc.text, self.shingle_words, self.shingle_chars)
            keys = band_keys(signature(shingle_hashes(found), self.num_perm), self.bands, self.rows)
            bands = base64.b64encode(keys.astype("<u8").tobytes()).decode("ascii")
        score = doc.meta.get("lang_score")
        return {"docs": [[doc.source, doc.line, doc.id, group, digest, bands, len(doc.text),
                          score if isinstance(score, (int, float)) else 0.0]]}

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
        rank = {name: index for index, name in enumerate(inputs)}
        docs = sorted(learned["docs"], key=lambda d: (rank.get(d[SOURCE], len(rank)), d[SOURCE], d[LINE], d[ID]))
        groups = Groups(len(docs))
        if self.exact:
            seen: dict[tuple[str, str], int] = {}
            for index, doc in enumerate(docs):
                groups.join(seen.setdefault((doc[GROUP], doc[DIGEST]), index), index)
        if self.near:
            alone = [index for index in range(len(docs)) if groups.root(index) == index]
            if len(alone) > 1:
                keys = np.frombuffer(b"".join(base64.b64decode(docs[index][BANDS]) for index in alone),
                                     dtype="<u8").reshape(len(alone), self.bands)
                sources = np.unique([docs[index][GROUP] for index in alone], return_inverse=True)[1]
                for first, other in candidate_pairs(keys, sources.astype(np.int64)):
                    groups.join(alone[first], alone[other])
        groups_found = sorted(members for members in groups.members().values() if len(members) > 1)
        verdicts: dict[str, list[Any]] = {}
        pending: dict[str, list[list[Any]]] = {}
        for number, members in enumerate(groups_found, 1):
            ordered = self.preferred(docs, members)
            name = f"dup-{number}"
            if self.verify and any(docs[index][DIGEST] != docs[ordered[0]][DIGEST] for index in ordered):
                pending[name] = [[doc_key(docs[i][SOURCE], docs[i][LINE]), docs[i][ID], docs[i][SOURCE], docs[i][LINE],
                                  docs[i][DIGEST]] for i in ordered]
                continue
            head = docs[ordered[0]]
            for index in ordered:
                doc = docs[index]
                why = "kept" if index == ordered[0] else ("duplicate" if doc[DIGEST] and doc[DIGEST] == head[DIGEST]
                                                          else "near_duplicate")
                verdicts[doc_key(doc[SOURCE], doc[LINE])] = [why, name, head[ID], head[SOURCE], head[LINE],
                                                             1.0 if why == "duplicate" else None]
        return {"documents": len(docs), "verdicts": verdicts, "pending": pending}

    def verified(self, earlier: dict[str, Any], sets: dict[str, list[int]]) -> dict[str, Any]:
        """The pending groups split by true Jaccard: each remaining copy goes with the first
        remaining one (the preferred) when their shingle sets are ``threshold`` alike."""
        verdicts = dict(earlier["verdicts"])
        for name, members in earlier["pending"].items():
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
        return {"documents": earlier["documents"], "verdicts": verdicts, "pending": {}}

    def preferred(self, docs: list[list[Any]], members: list[int]) -> list[int]:
        """A group's members, the copy it keeps first: the first in input order, or the longest,
        or the best language score (ties: the first), then the others in input order."""
        if self.prefer == "longest":
            kept = min(members, key=lambda index: (-docs[index][LENGTH], index))
        elif self.prefer == "best_language":
            kept = min(members, key=lambda index: (-docs[index][LANG_SCORE], index))
        else:
            kept = members[0]
        return [kept, *(index for index in members if index != kept)]

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
