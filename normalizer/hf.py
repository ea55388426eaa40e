"""The chain inside Hugging Face ``datasets``: ``ds.map(clean_batch, batched=True, num_proc=N)``.

Each row goes through the same reading and the same chain as :func:`normalizer.api.clean_records`
(:func:`~normalizer.io.records.record_to_item`, then the chain a batch at a time), so a row gets
the results a record gets there. What differs is the shape, because a dataset is columns: every
batch returns the same columns with the same Arrow types (``datasets`` fixes a column's type from
the first batch it writes, and a first batch of ``None`` would fix it as null), nothing is dropped
(a rejected row keeps its input text and says why in ``rejected``; :func:`split` separates them),
and the input's other columns are left as they are.

Rules are loaded once per process and cached by name or path; a :class:`Rules` object is used as
given (it pickles, for ``num_proc``). ``datasets`` and ``pyarrow`` are needed only when a batch is
cleaned: the ``hf`` extra.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .chain.pipeline import apply_chain_batch
from .core.document import Doc
from .core.install import install_command
from .io.records import BadRecord, ReadOptions, record_to_item
from .rules.loader import Rules, load_rules
from .text.signals import SIGNALS

if TYPE_CHECKING:
    from datasets import Dataset

__all__ = ["clean_batch", "split", "batch_rules", "columns_of"]

RECORDS = "<dataset>"              # the source name rows are read under (a row's id, when it has none)
OWN = ("lang", "lang_score")       # the columns every chain gets, first
COUNTS = frozenset({"chars", "words", "stop_words"})      # the integer signals; the others are fractions
JSON_TEXT = "json"                 # a column a plugin writes: its values as JSON text (its type is unknown)


@functools.lru_cache(maxsize=16)
def loaded(name: str) -> Rules:
    """A shipped rule set or a rule file, loaded once per process (each ``num_proc`` worker loads its own)."""
    return load_rules(name)


def batch_rules(rules: str | os.PathLike[str] | Rules) -> Rules:
    """The rules ``clean_batch`` runs: a shipped name (``"default"``), a rule file, or :class:`Rules`.

    A chain with a step that learns from the corpus (``-r dedup``, ``-r sites``) is refused: a
    batch is not the corpus, and learning from each batch alone would clean each batch differently."""
    if isinstance(rules, Rules):
        chosen = rules
    elif isinstance(rules, (str, os.PathLike)):
        chosen = loaded(os.fspath(rules))
    else:
        raise TypeError(f"rules must be a rule-set name, a rule file's path or the Rules load_rules() returns, "
                        f"not {type(rules).__name__}")
    learning = [step.id for step in chosen.steps if step.traits.learns]
    if learning:
        raise ValueError(f"the rules {chosen.path} have a step that learns from the whole corpus "
                         f"({', '.join(learning)}), so they cannot clean a dataset batch by batch; clean the "
                         f"corpus with `normalizer clean` or normalizer.api.clean_records (records from "
                         f"ds.to_list() or ds.to_json()), or use rules without such a step")
    return chosen


def arrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ImportError(f"normalizer.hf needs datasets and pyarrow: {install_command('hf')}") from None
    return pyarrow


def columns_of(rules: Rules) -> dict[str, Any]:
    """What ``clean_batch`` adds, in order, each with its Arrow type: ``lang``, ``lang_score``, what
    the steps write (``signals``, ``quality_flags`` …), ``changed_by``, ``rejected``, ``reject_detail``."""
    pa = arrow()
    known: dict[str, Any] = {
        "lang": pa.string(), "lang_score": pa.float64(),
        "lang_mix": pa.list_(pa.struct([("lang", pa.string()), ("share", pa.float64())])),
        "signals": pa.struct([(name, pa.int64() if name in COUNTS else pa.float64()) for name in SIGNALS]),
        "quality_flags": pa.list_(pa.string()),
    }
    columns = {name: known[name] for name in OWN}
    for step in rules.steps:
        for key in step.traits.writes:
            if key != "text" and key not in columns:
                columns[key] = known.get(key, pa.string() if step.use == "transliterate" else JSON_TEXT)
    columns.update({"changed_by": pa.list_(pa.string()), "rejected": pa.string(), "reject_detail": pa.string()})
    return columns


def clean_batch(batch: Mapping[str, Sequence[Any]], rules: str | os.PathLike[str] | Rules = "default", *,
                text_field: str = "text", id_field: str = "id") -> Any:
    """Clean a batch of rows (``ds.map(clean_batch, batched=True)``): the cleaned ``text_field`` and
    the columns of :func:`columns_of`, for every row.

    A kept row's ``rejected`` is None. A rejected row keeps its input text unchanged (what
    ``--rejects`` writes), with the reason code in ``rejected`` and why in ``reject_detail``; a row
    whose text is not a usable string is rejected the way ``clean_records`` rejects such a record
    (``text_not_string``, ``empty_text``). An input column named like one of ours is kept as
    ``input_<name>``, as ``clean_records`` does; every other column is left as it is.

    Inside ``map`` the batch is backed by an Arrow table, and the result is that table with our
    columns typed (:func:`columns_of`), so that a first batch of ``None`` cannot fix a column's type;
    a plain dict (a direct call, or a dataset given a format such as numpy) gets a dict of lists.
    The whole table comes back, so ``map``'s ``remove_columns=`` does not apply to it: call
    ``ds.remove_columns([...])`` before or after."""
    chosen = batch_rules(rules)
    if not isinstance(batch, Mapping):
        raise TypeError(f"clean_batch takes a batch of columns, not a {type(batch).__name__}: reset the "
                        f"dataset's format first (ds.with_format(None)); a pandas batch would lose columns")
    if text_field in batch and isinstance(batch[text_field], (str, bytes)):
        raise ValueError("clean_batch cleans batches of rows: call ds.map(clean_batch, batched=True, ...)")
    if text_field not in batch:
        raise ValueError(f"the dataset has no {text_field!r} column (its columns: {', '.join(batch)}); "
                         f"name the text column with fn_kwargs={{'text_field': ...}}")
    columns = columns_of(chosen)
    if text_field in columns:
        raise ValueError(f"text_field {text_field!r} is a column clean_batch writes; rename it first")
    names = list(batch)
    rows = [dict(zip(names, values, strict=True)) for values in zip(*(batch[name] for name in names), strict=True)]
    options = ReadOptions(text_field, id_field)
    items = [record_to_item(row, RECORDS, number, options) for number, row in enumerate(rows, 1)]
    cleaned = iter(apply_chain_batch(chosen.steps, [item for item in items if isinstance(item, Doc)]))
    values: dict[str, list[Any]] = {name: [] for name in [text_field, *columns]}
    for row, item in zip(rows, items, strict=True):
        if isinstance(item, BadRecord):
            add_row(values, row[text_field], {"rejected": item.reason, "reject_detail": item.detail})
        else:
            add_row(values, *row_values(item, next(cleaned)))
    for name, kind in columns.items():
        if isinstance(kind, str):
            values[name] = [None if value is None else json.dumps(value, ensure_ascii=False) for value in values[name]]
    moved = renames(names, columns)
    table = getattr(batch, "pa_table", None)
    if table is None:
        return {**{new: list(batch[old]) for old, new in moved.items()}, **values}
    return as_table(table, values, columns, text_field, moved)


def row_values(original: Doc, result: Doc) -> tuple[str, dict[str, Any]]:
    """A document's text and columns, as ``clean_records`` writes them (a rejected one keeps its input text)."""
    found = {**result.meta, "changed_by": result.changed_by()}
    if result.rejected is None:
        return result.text, found
    return original.text, found | {"rejected": result.rejected.reason, "reject_detail": result.rejected.detail}


def add_row(values: dict[str, list[Any]], text: Any, found: Mapping[str, Any]) -> None:
    text_field, *columns = values
    unknown = set(found) - set(columns)
    if unknown:
        raise ValueError(f"a step wrote {', '.join(sorted(unknown))}, which no step of the rules declares in its "
                         f"`writes`; a dataset needs every column known before the first batch")
    values[text_field].append(text)
    for name in columns:
        values[name].append(found.get(name, [] if name == "changed_by" else None))


def renames(names: Sequence[str], columns: Mapping[str, Any]) -> dict[str, str]:
    """Input columns named like one of ours -> ``input_<name>`` (``input_input_<name>`` …): kept, not overwritten."""
    moved: dict[str, str] = {}
    for name in names:
        if name in columns:
            new = f"input_{name}"
            while new in columns or new in names or new in moved.values():
                new = f"input_{new}"
            moved[name] = new
    return moved


def as_table(table: Any, values: Mapping[str, list[Any]], columns: Mapping[str, Any], text_field: str,
             moved: Mapping[str, str]) -> Any:
    """The batch's Arrow table with the input columns ``moved`` renamed, our columns typed and the
    text column replaced in its type (one that does not hold text, every row rejected, is left as it is)."""
    pa = arrow()
    for old, new in moved.items():
        table = table.append_column(new, table.column(old)).drop([old])
    kind = table.schema.field(text_field).type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind):
        text_type = kind if not pa.types.is_null(kind) else pa.string()
        table = table.set_column(table.schema.get_field_index(text_field), text_field,
                                 pa.array(values[text_field], text_type))
    for name, kind in columns.items():
        array = pa.array(values[name], pa.string() if isinstance(kind, str) else kind)
        table = table.append_column(name, array)
    return table


def kept_rows(reasons: Sequence[str | None]) -> list[bool]:
    return [reason is None for reason in reasons]


def rejected_rows(reasons: Sequence[str | None]) -> list[bool]:
    return [reason is not None for reason in reasons]


def split(ds: Dataset, **filter_options: Any) -> tuple[Dataset, Dataset]:
    """``(kept, rejected)`` rows of a dataset ``clean_batch`` cleaned; ``filter_options`` go to both
    ``ds.filter`` calls (``num_proc``, ``keep_in_memory``, ``load_from_cache_file`` …)."""
    if "rejected" not in ds.column_names:
        raise ValueError("the dataset has no 'rejected' column: clean it first, ds.map(clean_batch, batched=True)")
    kept = ds.filter(kept_rows, batched=True, input_columns="rejected", **filter_options)
    rejected = ds.filter(rejected_rows, batched=True, input_columns="rejected", **filter_options)
    return kept, rejected
