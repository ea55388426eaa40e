"""``normalizer clean --engine ray``: the inputs read, cleaned and written by Ray Data.

The driver plans the inputs, starts a local Ray instance (or joins the cluster at
``address``), and runs one Ray Data job: read → clean in an actor pool → write part files
from the workers. The summary is merged from what each write task saw.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..chain.summary import Summary
from ..core.errors import InputError
from ..io.records import RecordOptions
from ..io.sources import Limits, expand_inputs, kind_of
from ..rules.loader import Rules


class RayJob(NamedTuple):
    inputs: Sequence[str]
    rules: Rules
    output: str                # a folder; ``….parquet`` for Parquet part files
    rejects: str | None        # a folder, or None to drop the rejects (they are still counted)
    options: RecordOptions
    limits: Limits
    with_edits: bool = False
    jobs: int | None = None    # actors at most; None: every CPU of the cluster
    address: str | None = None
    progress: bool = False


def is_uri(path: str) -> bool:
    return "://" in path


class Plan(NamedTuple):
    lines: list[str]            # JSONL and .txt inputs
    parquet: list[str]
    doc_ids: dict[str, str]     # the id of each .txt file named below a directory, by path


def plan_inputs(inputs: Sequence[str], warnings: list[str]) -> Plan:
    """The inputs: local files, directories and globs expanded as a local run expands them, to
    absolute paths (the workers do not share the driver's directory); URIs (``s3://…``) are
    left to Ray's filesystems."""
    jsonl: list[str] = []
    parquet: list[str] = []
    doc_ids: dict[str, str] = {}
    local = [name for name in inputs if not is_uri(name)]
    if "-" in local:
        raise InputError("-: stdin cannot be read by Ray workers; name files, folders or URIs")
    for name in inputs:
        if is_uri(name):
            (parquet if kind_of(name) == "parquet" else jsonl).append(name)
    for source in expand_inputs(local, warnings):
        path = os.path.abspath(source.path)
        (parquet if source.kind == "parquet" else jsonl).append(path)
        if source.doc_id:
            doc_ids[path] = source.doc_id
    return Plan(jsonl, parquet, doc_ids)


def folder(path: str) -> str:
    return path if is_uri(path) else os.path.abspath(path)


def run_on_ray(job: RayJob, warnings: list[str]) -> Summary:
    """Run the job and return its summary; raises InputError before Ray starts when the inputs are wrong."""
    from ..engines.ray import (
        clean_lines,
        import_ray,
        lines_datasource,
        output_sink,
        pickled_items,
    )

    plan = plan_inputs(job.inputs, warnings)
    ray = import_ray()
    own_instance = not ray.is_initialized()
    if own_instance:
        ray.init(address=job.address, num_cpus=job.jobs if job.address is None else None,
                 include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
                 configure_logging=False)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = job.progress
        logging.getLogger("ray.data").setLevel(logging.ERROR)    # its notes on scheduling are not for our users
        read = []
        if plan.lines:
            read.append(ray.data.read_datasource(lines_datasource(plan.lines, job.options, job.limits, plan.doc_ids)))
        if plan.parquet:
            read.append(ray.data.read_parquet(plan.parquet).map_batches(
                pickled_items, fn_kwargs={"options": job.options}, batch_format="pyarrow"))
        everything = clean_lines(read[0].union(*read[1:]) if len(read) > 1 else read[0], job.rules, job.options,
                                 job.with_edits, job.jobs)
        sink = output_sink(folder(job.output), folder(job.rejects) if job.rejects else None)
        everything.write_datasink(sink)
        summary: Summary = sink.summary
        return summary
    finally:
        if own_instance:
            ray.shutdown()

