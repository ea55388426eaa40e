"""dedup's learning on Ray, sharded: the band index of a corpus too large for one machine.

On one machine, ``dedup`` gathers every document's entry (about 250 bytes: its place, its
digest, its band keys) and finds the groups in memory: 1 GB holds about a million documents.
On Ray, nothing proportional to the corpus is gathered:

1. The actors run the chain up to ``dedup`` and give one row per document: its entry and its
   64-bit name (:func:`~normalizer.cleaners.dedup.entry_key`); the rows stay in Ray's object
   store, which spills to disk.
2. Each entry becomes one row per bucket it falls in (its digest, each band key, within its
   group: :meth:`~normalizer.cleaners.dedup.Dedup.buckets`): ``(bucket, name)``, 16 bytes.
   Ray shuffles them by bucket (``groupby``), and each bucket of more than one document gives
   the pairs that join its members to its least name.
3. The driver joins the pairs into groups and gathers the entries of the documents in a pair
   alone (a filter on the rows of step 1): what it holds grows with the copies, not the corpus.
   :meth:`~normalizer.cleaners.dedup.Dedup.finish_sharded` then gives the state a local run's
   ``finish`` gives: connected groups do not depend on which pairs joined them.
4. With ``verify``, the candidates' shingles are computed by the actors, shuffled by group,
   and each group is split by true Jaccard where its shingles are
   (:meth:`~normalizer.cleaners.dedup.Dedup.split`); the driver gathers the verdicts.

The cleaning pass then gives every actor the verdicts, one per document in a group of copies.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..chain.tasks import LearnTask, checked_state
from ..cleaners.dedup import Dedup, entry_key
from ..io.corpus import Batch
from ..io.records import ReadOptions
from ..rules.loader import Step
from .ray_io import BATCH_ROWS, FileError, actor_pool, batch_items


def learned_from(task: LearnTask, batch: Any) -> dict[str, Any]:
    """What one Ray batch teaches: the learning task on its readable items."""
    items = [item for item in batch_items(batch, task.options) if not isinstance(item, FileError)]
    state: dict[str, Any] = task(Batch(0, items))
    return state


class EntriesActor:
    """The chain up to ``dedup`` on a batch, one row per document that reached it: ``key``, ``entry``."""

    def __init__(self, task: LearnTask) -> None:
        self.task = task

    def __call__(self, batch: Any) -> dict[str, Any]:
        entries = learned_from(self.task, batch).get("docs", [])
        return {"key": np.array([entry_key(entry) for entry in entries], dtype=np.uint64),
                "entry": np.array(entries, dtype=object)}


class CandidateShingles:
    """The second pass on a batch: the shingles of the candidates in it, one row each, with the
    pending group it belongs to: ``group``, ``key``, ``hashes``."""

    def __init__(self, task: LearnTask) -> None:
        self.task = task
        self.group_of = {member[0]: name for name, members in task.earlier["pending"].items() for member in members}

    def __call__(self, batch: Any) -> dict[str, Any]:
        sets = learned_from(self.task, batch).get("sets", {})
        keys = sorted(sets)
        return {"group": np.array([self.group_of[key] for key in keys], dtype=object),
                "key": np.array(keys, dtype=object),
                "hashes": np.array([json.dumps(sets[key]) for key in keys], dtype=object)}


def bucket_rows(batch: dict[str, Any], step: Dedup) -> dict[str, Any]:
    buckets: list[int] = []
    names: list[int] = []
    for key, entry in zip(batch["key"].tolist(), batch["entry"].tolist(), strict=True):
        found = step.buckets(entry)
        buckets += found
        names += [key] * len(found)
    return {"bucket": np.array(buckets, dtype=np.uint64), "key": np.array(names, dtype=np.uint64)}


def star_pairs(group: dict[str, Any]) -> dict[str, Any]:
    """A bucket's members joined to its least name (nothing for a bucket of one)."""
    names = np.unique(group["key"])
    return {"first": np.full(len(names) - 1, names[0], dtype=np.uint64), "other": names[1:]}


def with_names(batch: dict[str, Any], names: np.ndarray) -> dict[str, Any]:
    chosen = np.isin(batch["key"], names)
    return {"entry": batch["entry"][chosen]}


def split_rows(group: dict[str, Any], step: Dedup, pending: dict[str, list[list[Any]]]) -> dict[str, Any]:
    """One pending group split by true Jaccard, where its shingles are: ``key``, ``verdict`` (JSON)."""
    name = str(group["group"][0])
    sets = {key: json.loads(hashes) for key, hashes in zip(group["key"].tolist(), group["hashes"].tolist(),
                                                             strict=True)}
    verdicts = step.split(name, pending[name], sets)
    keys = sorted(verdicts)
    return {"key": np.array(keys, dtype=object), "verdict": np.array([json.dumps(verdicts[key]) for key in keys],
                                                                     dtype=object)}


def learned_in_buckets(ds: Any, step: Step, before: tuple[Step, ...], options: ReadOptions, inputs: Sequence[str],
                       actors: int | None) -> Any:
    """What ``step`` (dedup) learns from the dataset of read items ``ds``, the same state a
    local run learns, with the band index spread over the cluster."""
    cleaner: Dedup = step.cleaner
    entries = ds.map_batches(EntriesActor, fn_constructor_args=(LearnTask(before, step, options),),
                             batch_size=BATCH_ROWS, batch_format="pyarrow", compute=actor_pool(actors)).materialize()
    documents = entries.count()
    pairs = entries.map_batches(bucket_rows, fn_kwargs={"step": cleaner}, batch_format="numpy").groupby(
        "bucket").map_groups(star_pairs, batch_format="numpy")
    found = [(int(row["first"]), int(row["other"])) for row in pairs.iter_rows()]
    names = np.unique(np.array(found, dtype=np.uint64).ravel())
    chosen = [str(row["entry"]) for row in entries.map_batches(
        with_names, fn_kwargs={"names": names}, batch_format="numpy").iter_rows()] if len(names) else []
    state = checked_state(step, cleaner.finish_sharded(chosen, found, documents, inputs))
    if not cleaner.another_pass(state):
        return state
    task = LearnTask(before, step, options, state)
    verdict_rows = ds.map_batches(CandidateShingles, fn_constructor_args=(task,), batch_size=BATCH_ROWS,
                                  batch_format="pyarrow", compute=actor_pool(actors)).groupby("group").map_groups(
        split_rows, fn_kwargs={"step": cleaner, "pending": state["pending"]}, batch_format="numpy")
    verdicts = dict(state["verdicts"])
    verdicts.update((str(row["key"]), json.loads(row["verdict"])) for row in verdict_rows.iter_rows())
    return checked_state(step, {"documents": documents, "verdicts": verdicts, "pending": {}})
