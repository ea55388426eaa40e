"""``clean`` as a library function: a corpus through the chain into JSONL and rejects, nothing lost.

Each input record ends in the output or the rejects, in input order whatever the number of
jobs; a file that cannot be read is reported (and a compressed one rolled back whole); the
outputs appear only when the run succeeds. The work itself is the runner's
(:mod:`normalizer.run.runner`): learning passes first, if the rules learn, then the
cleaning pass on the engine asked for. The CLI's ``normalizer clean`` is a thin wrapper.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from ..chain.tasks import CleanTask
from ..core.errors import ExitCode, OutputError, UsageError
from ..core.summary import Summary
from ..io.corpus import Corpus, FileEnd
from ..io.overlap import refuse_outputs_that_are_inputs
from ..io.records import ReadOptions
from ..io.remote import check_writable, is_remote
from ..io.shards import ShardState, read_state
from ..io.sinks import TEMP_SUFFIX, remove_stale, stale_keys, stale_temp_files
from ..io.sources import CountingReader
from ..rules.loader import Rules
from .options import OutputOptions
from .progress import Progress
from .runner import Engine, Prepared, prepare, stream
from .writer import Spool, Writer, finish_file

WRITE = "(write)"                    # --profile's stage for writing (reading, parsing: see io/ and chain/)
RAY_UNSUPPORTED = {"shard_size": "--shard-size", "resume": "--resume", "compress": "--compress",
                   "manifest": "--manifest", "salvage": "--salvage", "clean_stale": "--clean-stale"}


class CleanResult(NamedTuple):
    summary: Summary
    exit_code: ExitCode
    outputs: list[dict[str, Any]]
    inputs: list[dict[str, Any]]
    seconds: float
    profile: dict[str, float] = {}      # seconds per step (summed over workers), reading, parsing, writing
    learned: dict[str, str] = {}        # step id -> digest of what it learned


def exit_code(summary: Summary, strict: bool) -> ExitCode:
    """5 (a cleaner crashed) > 3 (an input could not be read) > 1 (--strict, malformed records) > 0."""
    if any(reason.startswith("internal_error") for reason in summary.rejected):
        return ExitCode.CRASHED
    if summary.file_errors:
        return ExitCode.INPUT
    if strict and summary.malformed:
        return ExitCode.FAILED
    return ExitCode.OK


def check_outputs(output: OutputOptions, inputs: Sequence[str], engine: str) -> None:
    """Mistakes found before anything is read: UsageError (exit 2). A missing directory for an
    output is an OutputError (exit 4), as it would be later."""
    if output.resume and not output.shard_size:
        raise UsageError("--resume needs --shard-size (only sharded runs can be resumed)")
    target = output.output
    if engine == "ray":
        given = [flag for field, flag in RAY_UNSUPPORTED.items() if getattr(output, field)]
        if given:
            raise UsageError(f"{', '.join(given)}: not available with --engine ray (the local engine has them)")
        if target in ("-", None) or output.rejects == "-":
            raise UsageError("--engine ray writes folders of part files: give -o FOLDER (and --rejects FOLDER)")
        for folder in (target, output.rejects):
            if folder and "://" not in folder:
                if os.path.isfile(folder):
                    raise UsageError(f"{folder} is a file; --engine ray writes a folder of part files there")
                if os.path.isdir(folder) and any(not name.startswith(".") for name in os.listdir(folder)):
                    raise UsageError(f"{folder} already holds files; write to a new or empty folder")
        if output.rejects and os.path.abspath(output.rejects) == os.path.abspath(str(target)):
            raise UsageError("the output and the rejects must be different folders")
        return
    if output.shard_size:
        if target in ("-", None):
            raise UsageError("--shard-size needs -o DIRECTORY for the shards")
        if output.rejects:
            raise UsageError("with --shard-size the rejects are written beside the shards; drop --rejects")
        if not is_remote(target) and os.path.isfile(str(target)):
            raise UsageError(f"{target} is a file; --shard-size needs a directory")
    elif output.compress:
        raise UsageError("--compress is for shards; name a single output file .gz, .zst, .bz2 or .xz instead")
    elif target not in ("-", None) and not is_remote(target) and os.path.isdir(str(target)):
        raise UsageError(f"{target} is a directory; name a file, or add --shard-size to write shards into it")
    named = [t for t in (target, output.rejects, output.manifest) if t and t != "-"]
    refuse_outputs_that_are_inputs([name for name in named if not (output.shard_size and name == target)], inputs,
                                   [target] if output.shard_size else [])
    if target == "-" and output.rejects == "-":
        raise UsageError("the output and the rejects cannot both go to stdout")
    if len({os.path.realpath(t) for t in named}) < len(named):
        raise UsageError("the output, the rejects and the manifest must be different files")
    files = [output.rejects, output.manifest] + ([] if output.shard_size else [target])
    for file in files:
        if file and is_remote(file) and file.endswith("/"):
            raise UsageError(f"{file} names a folder; name a file, or add --shard-size to write shards into it")
        if file and is_remote(file):
            check_writable(file)
        elif file and file != "-" and not Path(file).parent.is_dir():
            raise OutputError(file, f"the directory {Path(file).parent} does not exist")


def see_to_stale_files(output: OutputOptions, say: Callable[[str], None]) -> None:
    """Name (or, with ``clean_stale``, delete) temporary files a killed run left beside the outputs."""
    stale: list[Path | str]
    if output.shard_size:
        folder = str(output.output)
        stale = [*stale_keys(folder, ".part-*")] if is_remote(folder) else \
            [*sorted(Path(folder).glob(f".part-*{TEMP_SUFFIX}"))]
    else:
        stale = [p for t in (output.output, output.rejects, output.manifest) if t and t != "-"
                 for p in stale_temp_files(t)]
    for path in stale:
        if output.clean_stale:
            remove_stale(path)
            say(f"removed {path}, left by an earlier run that was killed")
        else:
            say(f"warning: {path} was left by an earlier run that was killed; delete it, or pass --clean-stale")


def fingerprint(rules: Rules, corpus: Corpus, output: OutputOptions) -> dict[str, Any]:
    """What a resumed run must share with the run it resumes."""
    options = corpus.options
    return {"rules_digest": rules.digest, "inputs": [f.path for f in corpus.files],
            "shard_size": list(output.shard_size or ()), "shard_suffix": output.shard_suffix,
            "text_field": options.text_field, "id_field": options.id_field,
            "options": {"with_edits": output.with_edits, "salvage": output.salvage,
                        "fallback_encoding": options.fallback_encoding, "limits": list(options.limits)}}


def resume_state(output: OutputOptions, stamp: dict[str, Any]) -> ShardState | None:
    if output.shard_size is None:
        return None
    try:
        state = read_state(str(output.output), stamp)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if state is not None and not output.resume:
        raise UsageError(f"{output.output} holds shards of an earlier run: pass --resume to continue it, "
                         "or write to an empty directory")
    return state


def clean_corpus(corpus: Corpus, rules: Rules, output: OutputOptions, engine: Engine, *, strict: bool = False,
                 progress: bool = False, argv: Sequence[str] = (), stdout: IO[str] | None = None,
                 say: Callable[[str], None] = lambda message: None) -> CleanResult:
    """Clean ``corpus`` into the outputs. Raises UsageError before anything is read, OutputError
    (nothing committed), KeyboardInterrupt or Terminated (nothing committed)."""
    check_outputs(output, [f.path for f in corpus.files], engine.name)
    if any(f.kind == "parquet" for f in corpus.files) or str(output.output).endswith(".parquet"):
        from ..io.parquet import import_pyarrow
        import_pyarrow()
    if engine.name != "ray":
        see_to_stale_files(output, say)
    stamp = fingerprint(rules, corpus, output)
    resume = resume_state(output, stamp)
    started = time.monotonic()
    with engine.session(), prepare(corpus, rules, engine, resume.learned if resume else None,
                                           keep=True) as prepared:
        digests = prepared.learned_digests()
        if engine.name == "ray":
            summary: Summary = engine.clean(prepared.rules.steps, prepared.corpus,  # type: ignore[attr-defined]
                                            str(output.output), output.rejects, output.with_edits)
            summary.skipped_inputs = list(getattr(corpus, "skipped", ()))
            return CleanResult(summary=summary, exit_code=exit_code(summary, strict), outputs=[], inputs=[],
                               seconds=time.monotonic() - started, learned=digests)
        return write_locally(prepared, output, engine, stamp, resume, strict, progress, argv,
                             stdout or sys.stdout, started)


def write_locally(prepared: Prepared, output: OutputOptions, engine: Engine, stamp: dict[str, Any],
                  resume: ShardState | None, strict: bool, show_progress: bool, argv: Sequence[str],
                  stdout: IO[str], started: float) -> CleanResult:
    """The cleaning pass with results written in this process, in input order."""
    corpus, rules = prepared.corpus, prepared.rules
    files = corpus.files
    counters = [CountingReader() for _ in files]
    progress = Progress(sum(f.size or 0 for f in files) or None, enabled=show_progress)
    writer = Writer(output, stdout, stamp, resume, prepared.learned)
    writer.summary.skipped_inputs = list(getattr(corpus, "skipped", ()))
    profile: dict[str, float] = {step.id: 0.0 for step in rules.steps}
    for stage, spent in prepared.seconds.items():
        profile[stage] = profile.get(stage, 0.0) + spent
    options: ReadOptions = corpus.options
    try:
        spool: Spool | None = None
        written = 0                       # records of the current plain input already written
        results = stream(prepared, lambda steps: CleanTask(steps, options, output.with_edits), engine,
                         resume.records_done if resume else 0, counters, profile)
        done_bytes = 0                    # of the files finished: the progress line counts what is cleaned
        for result in results:
            if isinstance(result, FileEnd):
                finish_file(writer, files[result.file], output.salvage, result, spool,
                            counters[result.file].compression is not None, written)
                spool, written = None, 0
                done_bytes += counters[result.file].count
                continue
            file_index, item_results, seconds, read_to = result
            for stage, spent in seconds.items():
                profile[stage] = profile.get(stage, 0.0) + spent
            writing = time.perf_counter()
            if spool is None and counters[file_index].compression is not None:
                spool = Spool()
            for item_result in item_results:
                if spool is not None:
                    spool.add(item_result)
                else:
                    writer.write(item_result)
                    written += item_result[0] != "blank"
            profile[WRITE] = profile.get(WRITE, 0.0) + time.perf_counter() - writing
            progress.update(writer.summary.documents_in + (spool.records if spool else 0), done_bytes + read_to)
        inputs = input_records(prepared, counters)
        manifest = None
        if output.manifest:
            from .manifest import build_manifest

            def build(outputs: list[dict[str, Any]]) -> dict[str, Any]:
                return build_manifest(rules, writer.summary, inputs, outputs, time.monotonic() - started,
                                      getattr(engine, "jobs", 1), list(argv), profile, prepared.learned_digests())
            manifest = (output.manifest, build)
        outputs = writer.commit(manifest)
    except BaseException as error:
        writer.abort()
        error.committed = writer.committed()         # type: ignore[attr-defined]  # for the message
        raise
    finally:
        progress.close()
    return CleanResult(summary=writer.summary, exit_code=exit_code(writer.summary, strict), outputs=outputs,
                       inputs=inputs, seconds=time.monotonic() - started, profile=profile,
                       learned=prepared.learned_digests())


def input_records(prepared: Prepared, counters: list[CountingReader]) -> list[dict[str, Any]]:
    """What the manifest says of each input: bytes read and their SHA-256 (Parquet: the file's)."""
    records = []
    for source, counter in zip(prepared.corpus.files, counters, strict=True):
        if source.kind == "parquet":
            from .manifest import file_digest
            records.append({"path": source.path, "bytes_read": source.size, "sha256": file_digest(source.path),
                            "compression": None})
        else:
            records.append({"path": source.path, "bytes_read": counter.count, "sha256": counter.sha256.hexdigest(),
                            "compression": counter.compression})
    return records
