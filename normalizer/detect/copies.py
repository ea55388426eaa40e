"""Copies among measured documents: what ``normalizer check`` calls duplicates and near duplicates.

``check`` reads a corpus once, so it cannot measure true Jaccards in a second pass as the
``dedup`` step does: each document brings its cleaned text's digest and its whole MinHash
signature (128 values, 512 bytes), candidates come from LSH bands, and a candidate is a near
copy when its signature agrees with the other's on ``threshold`` of the positions (an estimate
of their Jaccard within about ±0.04 at 0.8; a look-alike at 0.6 is not taken). The same
documents as ``-r dedup`` finds, up to that estimate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

import numpy as np

from .minhash import Groups, band_keys, candidate_pairs, lsh_split

NUM_PERM, SHINGLE_WORDS, SHINGLE_CHARS, THRESHOLD = 128, 5, 5, 0.8     # the dedup step's defaults
CLUSTERS_SHOWN = 10


class Measured(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def digest(self) -> bytes: ...
    @property
    def signature(self) -> bytes: ...


class Copy(NamedTuple):
    doc: Any              # the copy (a DocMeasure)
    kept: Any             # the first document it repeats
    exact: bool
    similarity: float     # 1.0 for an exact copy; the signatures' agreement for a near one


def copies_of(docs: Sequence[Measured], threshold: float = THRESHOLD) -> tuple[list[Copy], list[dict[str, Any]]]:
    """Every document that repeats an earlier one (in the order given), and the largest groups."""
    groups = Groups(len(docs))
    first_of: dict[bytes, int] = {}
    for index, doc in enumerate(docs):
        groups.join(first_of.setdefault(doc.digest, index), index)
    alone = [index for index in range(len(docs)) if groups.root(index) == index and docs[index].signature]
    signatures = np.frombuffer(b"".join(docs[index].signature for index in alone), dtype="<u4").reshape(
        len(alone), NUM_PERM) if alone else np.zeros((0, NUM_PERM), dtype="<u4")
    if len(alone) > 1:
        bands, rows = lsh_split(threshold, NUM_PERM)
        keys = np.stack([band_keys(row.astype(np.uint64), bands, rows) for row in signatures])
        for first, other in candidate_pairs(keys, np.zeros(len(alone), dtype=np.int64)):
            if groups.root(alone[first]) != groups.root(alone[other]) and float(
                    np.mean(signatures[first] == signatures[other])) >= threshold:
                groups.join(alone[first], alone[other])
    position = {index: row for row, index in enumerate(alone)}
    found: list[tuple[int, Copy]] = []
    clusters: list[dict[str, Any]] = []
    for head, members in sorted(groups.members().items()):
        if len(members) < 2:
            continue
        kept = docs[head]
        for index in members[1:]:
            doc = docs[index]
            exact = doc.digest == kept.digest
            twin, head_row = position.get(first_of[doc.digest]), position.get(head)
            similar = 1.0 if exact else 0.0 if twin is None or head_row is None else round(
                float(np.mean(signatures[twin] == signatures[head_row])), 4)
            found.append((index, Copy(doc, kept, exact, similar)))
        clusters.append({"size": len(members), "kept": {"id": kept.id, "source": kept.source, "line": kept.line},
                         "copies": [docs[index].id for index in members[1:6]]})
    clusters.sort(key=lambda cluster: -int(cluster["size"]))
    return [copy for _, copy in sorted(found, key=lambda pair: pair[0])], clusters[:CLUSTERS_SHOWN]
