"""The Python API: the same rules and results as the CLI, for use inside pipelines.

>>> rules = load_rules()
>>> clean_text("Corps de l'article, assez long pour être reconnu.\\nttn-fr-34", rules).text
"Corps de l'article, assez long pour être reconnu."
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .document import Doc
from .pipeline import apply_chain, clean_item
from .records import Item, RecordOptions, record_to_item
from .rules import Rules, load_rules
from .summary import Summary

__all__ = ["load_rules", "clean_text", "clean_records", "clean_items"]


def clean_text(text: str, rules: Rules | None = None, *, doc_id: str = "text") -> Doc:
    """Clean one string; the returned Doc has ``.text``, ``.meta['lang']``, ``.edits``, ``.rejected``."""
    rules = rules or load_rules()
    return apply_chain(rules.steps, Doc(doc_id, text))


def clean_records(records: Iterable[Mapping[str, Any]], rules: Rules | None = None, *,
                  text_field: str = "text", id_field: str = "id", with_edits: bool = False,
                  summary: Summary | None = None) -> Iterator[dict[str, Any]]:
    """Clean dict records; yield output records, rejected ones carrying a ``reject`` object."""
    options = RecordOptions(text_field, id_field)
    items = (record_to_item(record, "<records>", number, options) for number, record in enumerate(records, 1))
    for _kind, record in clean_items(items, rules or load_rules(), with_edits, summary or Summary()):
        yield record


def clean_items(items: Iterable[Item], rules: Rules, with_edits: bool, summary: Summary
                ) -> Iterator[tuple[str, dict[str, Any]]]:
    """Run read items through the chain in this process: yield ``("out" | "reject", record)``."""
    for item in items:
        kind, record, stats = clean_item(rules.steps, item, with_edits)
        summary.add(stats)
        if record is not None:
            yield kind, record
