"""The Ray engine: the same tasks on Ray Data, for corpora larger than one machine.

``normalizer clean INPUT… --engine ray`` reads the inputs with Ray Data (decompressed by
normalizer's own readers, so the limits and the magic-byte detection of a local run apply),
runs the tasks in a pool of Ray actors (each unpickles the task, and the chain in it, once)
and, for ``clean``, writes the cleaned records and the rejects as part files into two
folders, from the workers. Each record is written exactly as a local run writes it; only the
order differs. A learning pass (a step that learns from the corpus) runs the same way, its
small per-batch states merged in the driver.

:func:`clean_dataset` is the same for a pipeline already on Ray Data, and
:func:`clean_frames` for Spark's ``mapInPandas``.

Needs the ``ray`` extra: ``pip install ".[ray]"`` from a checkout.
"""

from __future__ import annotations

import contextlib
import json
import logging
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ..chain.tasks import CleanTask, ItemResult, LearnTask, learn_all
from ..core.errors import InputError, MissingExtraError, UsageError
from ..core.summary import Summary
from ..io.corpus import Batch, Corpus
from ..io.output import dumps
from ..io.records import (
    Item,
    ReadOptions,
    Unparsed,
)
from ..io.sources import STDIN
from ..rules.loader import Rules, Step
from .ray_io import (
    BATCH_ROWS,
    FileError,
    actor_pool,
    batch_items,
    lines_datasource,
    located,
    output_sink,
    pickled_items,
)


def import_ray() -> Any:
    """``ray`` with Ray Data, or the error that says how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise MissingExtraError("the Ray engine", "ray", "ray") from None
    return ray


# -- the tasks, in actors -----------------------------------------------------------------------------


class TaskActor:
    """Any task in a Ray actor: one row out per batch, the task's result pickled. Ray builds one
    per actor, so the task (and the chain in it) is unpickled once there, not once per batch."""

    def __init__(self, task: Callable[[Batch], Any], options: ReadOptions) -> None:
        self.task = task
        self.options = options

    def __call__(self, batch: Any) -> dict[str, list[bytes]]:
        items = [item for item in batch_items(batch, self.options) if not isinstance(item, FileError)]
        return {"result": [pickle.dumps(self.task(Batch(0, items)))]}


class CleanActor:
    """The cleaning task in a Ray actor, one row out per record: ``kind`` (``out``, ``reject``,
    ``blank``, ``file``), ``line`` (the JSON line a local run writes) and ``stats``."""

    def __init__(self, task: CleanTask) -> None:
        self.task = task

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        kinds: list[str] = []
        lines: list[str] = []
        stats: list[bytes] = []
        readable: list[Item | Unparsed] = []
        for item in batch_items(batch, self.task.options):
            if isinstance(item, FileError):
                kinds.append("file")
                lines.append(dumps(item.record()))
                stats.append(b"")
            else:
                readable.append(item)
        results: list[ItemResult] = self.task(Batch(0, readable)).results if readable else []
        for kind, line, doc_stats in results:
            kinds.append(kind)
            lines.append(line or "")
            stats.append(pickle.dumps(doc_stats))
        return {"kind": kinds, "line": lines, "stats": stats}


# -- the engine ---------------------------------------------------------------------------------------


class RayEngine(NamedTuple):
    """Ray Data: a local Ray instance of ``jobs`` CPUs, or the cluster at ``address``; ``jobs``
    actors at most (None: one per CPU of the cluster)."""

    jobs: int | None = None
    address: str | None = None
    progress: bool = False

    @property
    def name(self) -> str:
        return "ray"

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """Ray started for the run (or joined), and shut down after it if this run started it."""
        ray = import_ray()
        own_instance = not ray.is_initialized()
        if own_instance:
            ray.init(address=self.address, num_cpus=self.jobs if self.address is None else None,
                     include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
                     configure_logging=False)
        try:
            context = ray.data.DataContext.get_current()
            context.enable_progress_bars = self.progress
            logging.getLogger("ray.data").setLevel(logging.ERROR)    # its notes on scheduling are not for our users
            yield
        finally:
            if own_instance:
                ray.shutdown()

    def dataset(self, corpus: Corpus) -> Any:
        """The corpus as a dataset of read items, read by the workers."""
        import ray
        files = list(corpus.files)
        if any(source.path == STDIN for source in files):
            raise InputError("-: stdin cannot be read by Ray workers; name files, folders or URIs")
        lines = [located(f.path) for f in files if f.kind != "parquet"]
        parquet = [located(f.path) for f in files if f.kind == "parquet"]
        doc_ids = {located(f.path): f.doc_id for f in files if f.doc_id}
        id_bases = {located(f.path): f.record_base for f in files}
        read = []
        if lines:
            read.append(ray.data.read_datasource(lines_datasource(lines, corpus.options, doc_ids, id_bases)))
        if parquet:
            read.append(ray.data.read_parquet(parquet).map_batches(
                pickled_items,  # type: ignore[arg-type]  # its second argument comes from fn_kwargs
                fn_kwargs={"options": corpus.options}, batch_format="pyarrow"))
        if not read:
            raise UsageError("nothing to read")
        return read[0].union(*read[1:]) if len(read) > 1 else read[0]

    def map(self, task: Callable[[Batch], Any], corpus: Corpus, skip: int = 0, counters: Any = None,
            seconds: dict[str, float] | None = None) -> Iterator[Any]:
        """``task`` over the corpus in the actor pool, a result per batch in whatever order the
        batches finish (a learning pass merges them, and the merge does not care)."""
        with self.session():
            done = map_dataset(self.dataset(corpus), task, corpus.options, self.jobs)
            for row in done.iter_rows():
                yield pickle.loads(row["result"])

    def learn_sharded(self, corpus: Corpus, step: Step, before: tuple[Step, ...], inputs: Sequence[str]) -> Any:
        """What a step that can learn in buckets (``dedup``) learns, with its index spread over the
        cluster (:mod:`normalizer.engines.ray_dedup`); None for any other step (it learns as usual)."""
        if not callable(getattr(step.cleaner, "buckets", None)):
            return None
        parquet = [source.path for source in corpus.files if source.kind == "parquet"]
        if parquet:
            raise UsageError(f"{parquet[0]}: step {step.id!r} names each copy by its file and line, and rows read "
                             "from Parquet on Ray have no line number; run it on the local engine, or read JSONL")
        from .ray_dedup import learned_in_buckets
        with self.session():
            return learned_in_buckets(self.dataset(corpus), step, before, corpus.options, inputs, self.jobs)

    def clean(self, steps: tuple[Step, ...], corpus: Corpus, output: str, rejects: str | None,
              with_edits: bool) -> Summary:
        """The cleaning pass: records cleaned in the actor pool and written as part files by the
        workers; the summary merged from what each write task saw."""
        with self.session():
            task = CleanTask(steps, corpus.options, with_edits)
            cleaned = clean_lines(self.dataset(corpus), task, self.jobs)
            sink = output_sink(located(output), located(rejects) if rejects else None)
            cleaned.write_datasink(sink)
            summary: Summary = sink.summary
            return summary


def map_dataset(ds: Any, task: Callable[[Batch], Any], options: ReadOptions, actors: int | None) -> Any:
    return ds.map_batches(TaskActor, fn_constructor_args=(task, options), batch_size=BATCH_ROWS,
                          batch_format="pyarrow", compute=actor_pool(actors))


def clean_lines(ds: Any, task: CleanTask, actors: int | None = None) -> Any:
    """``ds`` through the cleaning task: a dataset of ``kind``, ``line``, ``stats`` rows."""
    return ds.map_batches(CleanActor, fn_constructor_args=(task,), batch_size=BATCH_ROWS, batch_format="pyarrow",
                          compute=actor_pool(actors))


# -- for pipelines already on Ray Data, or on Spark -----------------------------------------------------


def learned_on_dataset(ds: Any, rules: Rules, options: ReadOptions, actors: int | None = None) -> Rules:
    """The rules with what their corpus steps learn from ``ds`` (a pass over it per such step)."""
    def run_pass(task: LearnTask) -> Iterator[Any]:
        return (pickle.loads(row["result"]) for row in map_dataset(ds, task, options, actors).iter_rows())

    def in_buckets(step: Step, before: tuple[Step, ...]) -> Any:
        if callable(getattr(step.cleaner, "buckets", None)):
            raise UsageError(f"step {step.id!r} names each copy by its file and line, and a dataset's rows have no "
                             "line number: run it with normalizer clean --engine ray on JSONL files, or locally")
        return None
    return learn_all(rules, options, run_pass, learn_step=in_buckets)


def clean_dataset(ds: Any, rules: Rules, *, text_field: str = "text", id_field: str = "id",
                  with_edits: bool = False, actors: int | None = None) -> tuple[Any, Any]:
    """Clean a Ray dataset of records; return ``(cleaned, rejected)`` datasets of records as
    :func:`normalizer.api.clean_records` gives them (rejects carry a ``reject`` object). Steps
    that learn from the corpus learn from ``ds`` first.

    The cleaning runs once: its result is materialised (in Ray's object store, which spills
    to disk) and both datasets are read from it.

    Example (the README has more)::

        cleaned, rejected = clean_dataset(ray.data.read_parquet("s3://bucket/news/"), load_rules())
        cleaned.write_parquet("s3://bucket/news-clean/")
    """
    import_ray()
    options = ReadOptions(text_field, id_field)
    rules = learned_on_dataset(ds, rules, options, actors)
    done = clean_lines(ds, CleanTask(rules.steps, options, with_edits), actors).materialize()
    return (done.map_batches(as_records, fn_kwargs={"kind": "out"}, batch_format="pyarrow"),
            done.map_batches(as_records, fn_kwargs={"kind": "reject"}, batch_format="pyarrow"))


def as_records(batch: Any, kind: str) -> Any:
    """The ``line`` of the rows of one ``kind`` back into record columns (the fields of all rows;
    missing ones null)."""
    import pyarrow
    records = [json.loads(line) for line, of in zip(batch.column("line").to_pylist(), batch.column("kind").to_pylist(),
                                                    strict=True) if of == kind]
    names = list(dict.fromkeys(key for record in records for key in record))
    columns = {}
    for name in names:
        values = [record.get(name) for record in records]
        try:
            columns[name] = pyarrow.array(values)
        except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):   # mixed types: kept as JSON text
            columns[name] = pyarrow.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values])
    return pyarrow.table(columns) if names else pyarrow.table({"id": pyarrow.array([], pyarrow.string())})


def clean_frames(frames: Iterable[Any], rules: Rules, *, text_field: str = "text", id_field: str = "id",
                 keep: str = "out") -> Iterator[Any]:
    """For Spark's ``mapInPandas``: pandas DataFrames of records in, the cleaned records out
    (``keep="reject"``: the rejects instead). Non-scalar values come out as JSON text, so that
    the output fits a fixed Spark schema. Each executor sees only its own frames, so steps that
    learn from the corpus must have learned before (:func:`normalizer.api.learn`)."""
    import pandas
    import pyarrow

    unlearned = [step.id for step in rules.steps if step.traits.learns and step.learned is None]
    if unlearned:
        raise UsageError(f"step(s) {', '.join(unlearned)} learn from the whole corpus, which mapInPandas never "
                         f"sees: pass rules that have learned (normalizer.api.learn)")
    actor = CleanActor(CleanTask(rules.steps, ReadOptions(text_field, id_field)))
    for frame in frames:
        result = actor(pyarrow.Table.from_pandas(frame, preserve_index=False))
        rows = [json.loads(line) for kind, line in zip(result["kind"], result["line"], strict=True) if kind == keep]
        yield pandas.DataFrame([{key: flat(value) for key, value in row.items()} for row in rows])


def flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
