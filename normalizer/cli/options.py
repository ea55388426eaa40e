"""Options shared by several commands, declared once (sqlite-utils' option decorators).

Each group adds its click options and hands the command one typed object built from them:
``read=ReadOptions(...)`` (which fields, which encoding, which limits), ``output=OutputOptions``,
``engine=EngineOptions``. The defaults and help texts live here and nowhere else.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..io.records import ReadOptions
from ..io.shards import parse_shard_size
from ..io.sources import Limits
from ..run.options import COMPRESSIONS, ENGINES, EngineOptions, OutputOptions

F = TypeVar("F", bound=Callable[..., Any])
RULES_HELP = "Rule file, or a shipped rule set by name (default: the shipped 'default')."



class FiniteFloat(click.FloatRange):
    """A float within its range, and never NaN or infinity (``click.FloatRange`` lets NaN
    through: every comparison with NaN is false), which would switch a limit off."""

    name = "finite float"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        converted = super().convert(value, param, ctx)
        if isinstance(converted, float) and not math.isfinite(converted):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return converted

def parse_bytes(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """``32MiB``, ``1GB``, ``500000`` -> bytes."""
    if value is None:
        return None
    try:
        size = parse_shard_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 32MiB or 1000000") from None
    return size.bytes or size.records


def grouped(options: list[Callable[[F], F]], build: Callable[..., dict[str, Any]], names: tuple[str, ...]
            ) -> Callable[[F], F]:
    """A decorator adding ``options`` and replacing their values (``names``) by what ``build``
    makes of them."""
    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names if name in kwargs}
            return command(*args, **kwargs, **build(**values))
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper  # type: ignore[return-value]
    return decorate


def rules_option(help: str = RULES_HELP) -> Callable[[F], F]:
    return click.option("-r", "--rules", "rules_path", default=None, metavar="RULES", help=help)


def read_options(fallback: bool = True, limits: bool = False) -> Callable[[F], F]:
    """--text-field, --id-field (and --fallback-encoding, the limits): ``read=ReadOptions``."""
    options = [
        click.option("--text-field", default="text", show_default=True, metavar="NAME",
                     help="JSONL/Parquet field holding the text."),
        click.option("--id-field", default="id", show_default=True, metavar="NAME",
                     help="Field holding the id; a record without one gets FILE:LINE."),
    ]
    if fallback:
        options.append(click.option("--fallback-encoding", default=None, metavar="ENC",
                                    help="Encoding for text (.txt, stdin) that is not UTF-8 and too short to detect "
                                         "(e.g. cp1252)."))
    if limits:
        options += [
            click.option("--max-line-bytes", default="32MiB", show_default=True, callback=parse_bytes,
                         help="Longer JSONL lines are rejected as line_too_long."),
            click.option("--max-doc-bytes", default="64MiB", show_default=True, callback=parse_bytes,
                         help="Larger .txt documents are a file error."),
            click.option("--max-decompressed-bytes", default="64GiB", show_default=True, callback=parse_bytes,
                         help="Stop reading a compressed input past this size."),
            click.option("--max-expansion-ratio", type=FiniteFloat(min=1, max=1e6), default=500.0, show_default=True,
                         help="Stop reading a compressed input that expands more than this (after 256 MiB)."),
            click.option("--zstd-max-window", default="128MiB", show_default=True, callback=parse_bytes,
                         help="Largest zstd window to accept (frames written with --long need more)."),
        ]

    def build(text_field: str, id_field: str, fallback_encoding: str | None = None,
              max_line_bytes: int | None = None, max_doc_bytes: int | None = None,
              max_decompressed_bytes: int | None = None, max_expansion_ratio: float | None = None,
              zstd_max_window: int | None = None) -> dict[str, Any]:
        default = Limits()
        bounds = Limits(max_line_bytes=max_line_bytes or default.max_line_bytes,
                        max_doc_bytes=max_doc_bytes or default.max_doc_bytes,
                        max_decompressed_bytes=max_decompressed_bytes or default.max_decompressed_bytes,
                        max_expansion_ratio=max_expansion_ratio or default.max_expansion_ratio,
                        zstd_max_window=zstd_max_window or default.zstd_max_window)
        return {"read": ReadOptions(text_field=text_field, id_field=id_field, fallback_encoding=fallback_encoding,
                                    limits=bounds)}

    return grouped(options, build, ("text_field", "id_field", "fallback_encoding", "max_line_bytes", "max_doc_bytes",
                                    "max_decompressed_bytes", "max_expansion_ratio", "zstd_max_window"))


def jobs_option() -> Callable[[F], F]:
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                        help="Worker processes (default: all cores). The output is the same for any value.")


def engine_options() -> Callable[[F], F]:
    """-j/--jobs, --engine, --ray-address: ``engine=EngineOptions``."""
    options = [
        jobs_option(),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="local: processes on this machine (--jobs). ray: Ray Data, on a local Ray instance or the "
                          "cluster at --ray-address; -o and --rejects are then folders of part files (-o NAME.parquet "
                          "for Parquet parts). Needs the 'ray' extra."),
        click.option("--ray-address", default=None, metavar="ADDRESS",
                     help="With --engine ray: join this cluster (auto, HOST:6379, ray://HOST:10001) instead of "
                          "starting a local Ray instance."),
    ]

    def build(jobs: int | None, engine: str, ray_address: str | None) -> dict[str, Any]:
        return {"engine": EngineOptions(engine, jobs, ray_address)}

    return grouped(options, build, ("jobs", "engine", "ray_address"))


def output_options() -> Callable[[F], F]:
    """Where ``clean`` writes: ``output=OutputOptions``."""
    options = [
        click.option("-o", "--output", default="-", metavar="PATH",
                     help="Cleaned JSONL ('-', the default, is stdout). .gz/.bz2/.xz/.zst compress; .parquet writes "
                          "Parquet. With --shard-size, a directory."),
        click.option("--rejects", default=None, metavar="FILE",
                     help="Write every dropped document and malformed line here, with the reason."),
        click.option("--with-edits", is_flag=True,
                     help="Add the full edit log (rule, offsets, old/new text) to each record."),
        click.option("--shard-size", default=None, metavar="N|SIZE",
                     help="Write shards of N input records (100000) or of about SIZE (100MB) into the -o directory, "
                          "rejects beside them."),
        click.option("--compress", type=click.Choice(list(COMPRESSIONS)), default=None,
                     help="Compress the shards (single files are compressed by their extension)."),
        click.option("--resume", is_flag=True, help="Continue an interrupted sharded run where its last shard ended."),
        click.option("--manifest", default=None, metavar="FILE",
                     help="Write a JSON manifest: inputs and hashes, resolved rules, versions, counts, output hashes."),
        click.option("--salvage", is_flag=True,
                     help="Keep the records read from a damaged compressed file (marked salvaged) instead of rolling "
                          "them back."),
        click.option("--clean-stale", is_flag=True,
                     help="Delete temporary files left beside the outputs by a killed run."),
    ]

    def build(output: str, rejects: str | None, with_edits: bool, shard_size: str | None, compress: str | None,
              resume: bool, manifest: str | None, salvage: bool, clean_stale: bool) -> dict[str, Any]:
        try:
            size = parse_shard_size(shard_size) if shard_size else None
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--shard-size") from None
        return {"output": OutputOptions(output=output, rejects=rejects, with_edits=with_edits, shard_size=size,
                                        compress=compress, resume=resume, manifest=manifest, salvage=salvage,
                                        clean_stale=clean_stale)}

    return grouped(options, build, ("output", "rejects", "with_edits", "shard_size", "compress", "resume", "manifest",
                                    "salvage", "clean_stale"))


def format_option(*choices: str, default: str | None = None, help: str | None = None) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default or choices[0],
                        show_default=True, help=help)


def color_option() -> Callable[[F], F]:
    return click.option("--color/--no-color", default=None, help="Colour (default: only on a terminal).")
