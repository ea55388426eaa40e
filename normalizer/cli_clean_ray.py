"""``normalizer clean --engine ray``: the checks, messages and exit codes around :mod:`normalizer.ray_run`.

The exit codes are the local run's: 2 usage, 3 an input could not be read, 5 a cleaner
crashed on some documents, 1 ``--strict`` and malformed records, 0.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .cli_clean import (
    EXIT_INPUT,
    EXIT_USAGE,
    CleanRequest,
    UsageProblem,
    print_exit_reason,
    print_summary,
    say,
)

UNSUPPORTED = {"shard_size": "--shard-size", "resume": "--resume", "compress": "--compress",
               "manifest": "--manifest", "salvage": "--salvage", "clean_stale": "--clean-stale",
               "profile": "--profile"}


def check_ray_request(request: CleanRequest) -> None:
    if request.engine != "ray":
        raise UsageProblem("--ray-address needs --engine ray")
    given = [flag for field, flag in UNSUPPORTED.items() if getattr(request, field)]
    if given:
        raise UsageProblem(f"{', '.join(given)}: not available with --engine ray (the local engine has them)")
    if request.output == "-" or request.rejects == "-":
        raise UsageProblem("--engine ray writes folders of part files: give -o FOLDER (and --rejects FOLDER)")
    for target in (request.output, request.rejects):
        if target and "://" not in target:
            if os.path.isfile(target):
                raise UsageProblem(f"{target} is a file; --engine ray writes a folder of part files there")
            if os.path.isdir(target) and any(not name.startswith(".") for name in os.listdir(target)):
                raise UsageProblem(f"{target} already holds files; write to a new or empty folder")
    if request.rejects and os.path.abspath(request.rejects) == os.path.abspath(request.output):
        raise UsageProblem("the output and the rejects must be different folders")


def execute_on_ray(request: CleanRequest, rules: Any) -> int:
    from .core.errors import InputError, MissingExtraError
    from .io.records import RecordOptions
    from .io.sources import Limits
    from .run.ray_run import RayJob, run_on_ray
    from .run.runner import exit_code

    try:
        check_ray_request(request)
        from .engines.ray import import_ray
        import_ray()
    except (UsageProblem, MissingExtraError) as error:
        say(f"error: {error}")
        return EXIT_USAGE
    limits = Limits(request.max_line_bytes, request.max_doc_bytes, request.max_decompressed_bytes,
                    request.max_expansion_ratio, Limits().ratio_checked_after, request.zstd_max_window)
    job = RayJob(request.inputs, rules, request.output, request.rejects,
                 RecordOptions(request.text_field, request.id_field, request.fallback_encoding), limits,
                 request.with_edits, request.jobs_asked, request.ray_address,
                 request.progress and sys.stderr.isatty())     # Ray's progress bars, as our progress line
    warnings: list[str] = []
    try:
        summary = run_on_ray(job, warnings)
    except InputError as error:
        say(f"error: {error}")
        return EXIT_INPUT
    finally:
        for warning in warnings:
            say(f"warning: {warning}")
    if not request.quiet:
        print_summary(summary, rules, bool(request.rejects), "FOLDER")
    code = exit_code(summary, request.strict)
    print_exit_reason(code, summary, "written")
    return code
