"""``normalizer clean``: options in, exit code out. Part of the CLI layer: it prints.

Exit codes, in order of precedence when several apply: 2 rule file or usage error
(nothing read or written); 4 an output could not be written (nothing committed);
130/143 interrupted by SIGINT/SIGTERM (nothing committed); 141 stdout closed by the
reader; 5 a cleaner crashed on some document (rejected, run committed); 3 an input
could not be read (other files committed); 1 ``--strict`` and malformed records; 0.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any, NamedTuple

import click

EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT = 2, 3, 4
EXIT_SIGINT, EXIT_SIGTERM, EXIT_PIPE = 130, 143, 141


class CleanRequest(NamedTuple):
    inputs: tuple[str, ...]
    rules_path: str | None
    output: str
    rejects: str | None
    text_field: str
    id_field: str
    with_edits: bool
    jobs: int
    shard_size: str | None
    compress: str | None
    resume: bool
    manifest: str | None
    strict: bool
    salvage: bool
    fallback_encoding: str | None
    max_line_bytes: int
    max_doc_bytes: int
    max_decompressed_bytes: int
    max_expansion_ratio: float
    zstd_max_window: int
    clean_stale: bool
    progress: bool
    quiet: bool
    profile: bool = False
    engine: str = "local"
    ray_address: str | None = None
    jobs_asked: int | None = None       # --jobs as given (the Ray engine's default is the whole cluster)


class UsageProblem(Exception):
    pass


def say(message: str) -> None:
    click.echo(f"normalizer: {message}", err=True)


def on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(EXIT_SIGTERM)


def check_request(request: CleanRequest, input_paths: list[str]) -> None:
    """Usage mistakes found before anything is read."""
    if request.resume and not request.shard_size:
        raise UsageProblem("--resume needs --shard-size (only sharded runs can be resumed)")
    if request.shard_size:
        if request.output == "-":
            raise UsageProblem("--shard-size needs -o DIRECTORY for the shards")
        if request.rejects:
            raise UsageProblem("with --shard-size the rejects are written beside the shards; drop --rejects")
        if os.path.isfile(request.output):
            raise UsageProblem(f"{request.output} is a file; --shard-size needs a directory")
    elif request.compress:
        raise UsageProblem("--compress is for shards; name a single output file .gz, .zst, .bz2 or .xz instead")
    elif os.path.isdir(request.output):
        raise UsageProblem(f"{request.output} is a directory; name a file, or add --shard-size to write shards into it")
    inputs = {os.path.realpath(path) for path in input_paths if path != "-"}
    for target in (request.output, request.rejects, request.manifest):
        if target and target != "-" and os.path.realpath(target) in inputs:
            raise UsageProblem(f"{target} is also an input; write the output somewhere else")
    if request.output == "-" and request.rejects == "-":
        raise UsageProblem("the output and the rejects cannot both go to stdout")
    named = [t for t in (request.output, request.rejects, request.manifest) if t and t != "-"]
    if len({os.path.realpath(t) for t in named}) < len(named):
        raise UsageProblem("the output, the rejects and the manifest must be different files")
    files = [request.rejects, request.manifest] + ([] if request.shard_size else [request.output])
    for target in files:
        if target and target != "-" and not Path(target).parent.is_dir():
            raise UsageProblem(f"{target}: the directory {Path(target).parent} does not exist")


def warn_stale(request: CleanRequest) -> None:
    """Name (or, with --clean-stale, delete) temporary files a killed run left beside the outputs."""
    from .io.sinks import TEMP_SUFFIX, stale_temp_files
    if request.shard_size:
        stale = sorted(Path(request.output).glob(f".part-*{TEMP_SUFFIX}"))
    else:
        stale = [p for t in (request.output, request.rejects, request.manifest) if t and t != "-"
                 for p in stale_temp_files(t)]
    for path in stale:
        if request.clean_stale:
            path.unlink(missing_ok=True)
            say(f"removed {path}, left by an earlier run that was killed")
        else:
            say(f"warning: {path} was left by an earlier run that was killed; delete it, or pass --clean-stale")


def execute(request: CleanRequest) -> int:
    from .core.errors import InputError, MissingExtraError, RuleError
    from .io.records import RecordOptions
    from .io.sources import Limits, expand_inputs
    from .rules.loader import load_rules

    try:
        rules = load_rules(request.rules_path)
    except RuleError as error:
        say(f"error: {error}")
        return EXIT_USAGE
    for warning in rules.warnings:
        say(f"warning: {warning}")
    if request.engine == "ray" or request.ray_address:
        from .cli_clean_ray import execute_on_ray
        return execute_on_ray(request, rules)
    warnings: list[str] = []
    try:
        files = expand_inputs(request.inputs, warnings)
    except InputError as error:
        say(f"error: {error}")
        return EXIT_INPUT
    for warning in warnings:
        say(f"warning: {warning}")
    try:
        check_request(request, [f.path for f in files])
        if any(f.kind == "parquet" for f in files) or request.output.endswith(".parquet"):
            from .io.parquet import import_pyarrow
            import_pyarrow()
        config = build_config(request, rules, files, Limits(
            request.max_line_bytes, request.max_doc_bytes, request.max_decompressed_bytes,
            request.max_expansion_ratio, Limits().ratio_checked_after, request.zstd_max_window),
            RecordOptions(request.text_field, request.id_field, request.fallback_encoding))
    except (UsageProblem, MissingExtraError, ValueError) as error:
        say(f"error: {error}")
        return EXIT_USAGE
    warn_stale(request)
    return run_and_report(request, config, rules)


def build_config(request: CleanRequest, rules: Any, files: list[Any], limits: Any, options: Any) -> Any:
    from .io.shards import parse_shard_size, read_state
    from .run.runner import RunConfig

    shard_size = parse_shard_size(request.shard_size) if request.shard_size else None
    suffix = ".jsonl" + {"gzip": ".gz", "zstd": ".zst", "bz2": ".bz2", "xz": ".xz", None: ""}[request.compress]
    fingerprint = {"rules_digest": rules.digest, "inputs": [f.path for f in files],
                   "shard_size": request.shard_size, "shard_suffix": suffix,
                   "text_field": request.text_field, "id_field": request.id_field,
                   "options": {"with_edits": request.with_edits, "salvage": request.salvage,
                               "fallback_encoding": request.fallback_encoding, "limits": list(limits)}}
    resume = None
    if shard_size is not None:
        state = read_state(request.output, fingerprint)
        if state is not None and not request.resume:
            raise UsageProblem(f"{request.output} holds shards of an earlier run: pass --resume to continue it, "
                               "or write to an empty directory")
        resume = state
    return RunConfig(files, rules, request.output, request.rejects, options, limits, request.with_edits,
                     request.jobs, request.strict, request.salvage, shard_size, suffix, fingerprint, resume,
                     request.progress)


def run_and_report(request: CleanRequest, config: Any, rules: Any) -> int:
    from .io.sinks import OutputError
    from .run.runner import run_clean

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        result = run_clean(config._replace(manifest=request.manifest, argv=sys.argv), sys.stdout)
    except OutputError as error:
        say(f"error: {error} (nothing was committed)")
        return EXIT_OUTPUT
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE
    except KeyboardInterrupt:
        say("interrupted; nothing was committed")
        return EXIT_SIGINT
    except SystemExit as exit_:
        if exit_.code == EXIT_SIGTERM:
            say("terminated; nothing was committed")
        raise
    if not request.quiet:
        print_summary(result.summary, rules, bool(request.rejects or request.shard_size), "FILE")
    if request.profile:
        from .chain.summary import render_profile
        click.echo(render_profile(result.profile, result.seconds, config.jobs, result.summary.documents_in), err=True)
    print_exit_reason(result.exit_code, result.summary, "committed")
    return int(result.exit_code)


def print_summary(summary: Any, rules: Any, rejects_kept: bool, rejects_hint: str) -> None:
    """The summary on stderr, and a word on rejected documents that were not kept."""
    click.echo(summary.render([step.id for step in rules.steps]), err=True)
    if summary.documents_rejected and not rejects_kept:
        count = summary.documents_rejected
        click.echo(f"  ({count} rejected document{'s' if count != 1 else ''} not kept: "
                   f"add --rejects {rejects_hint} to keep them)", err=True)


def print_exit_reason(code: int, summary: Any, others: str) -> None:
    """Why the exit code is not 0 (``others``: what happened to the inputs that could be read)."""
    if code == 1:
        from .run.runner import READ_REASONS
        malformed = sum(count for reason, count in summary.rejected.items() if reason in READ_REASONS)
        say(f"error: --strict: {malformed} malformed input record(s)")
    elif code == EXIT_INPUT:
        say(f"error: {len(summary.file_errors)} input file(s) could not be read; the others were {others}")
    elif code == 5:
        say("error: a cleaner crashed on some documents (rejected as internal_error:*); please report it")
