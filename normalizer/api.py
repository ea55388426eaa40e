"""The Python API: the same rules and results as the CLI, for use inside pipelines.

>>> rules = load_rules()
>>> clean_text("Corps de l'article, assez long pour être reconnu.\\nttn-fr-34", rules).text
"Corps de l'article, assez long pour être reconnu."
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .chain.pipeline import apply_chain
from .chain.pipeline import clean_items as pipeline_clean_items
from .chain.summary import Summary
from .core.document import Doc
from .io.records import Item, RecordOptions, record_to_item
from .rules.loader import Rules, load_rules

BATCH_ITEMS = 256

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
    """Run read items through the chain in this process: yield ``("out" | "reject", record)``.

    Items are taken a batch at a time (the language step runs a batch several times faster
    than one document at a time), so a result comes out once its batch of 256 is read. If
    reading ``items`` raises, the items read before are cleaned and yielded, then it re-raises.
    """
    iterator = iter(items)
    while True:
        batch: list[Item] = []
        failure: BaseException | None = None
        try:
            batch.extend(itertools.islice(iterator, BATCH_ITEMS))
        except Exception as error:  # noqa: BLE001 - the items read before it still come out first
            failure = error
        for kind, record, stats in pipeline_clean_items(rules.steps, batch, with_edits):
            summary.add(stats)
            if record is not None:
                yield kind, record
        if failure is not None:
            raise failure
        if len(batch) < BATCH_ITEMS:
            return
