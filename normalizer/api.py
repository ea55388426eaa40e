"""The Python API: the same rules, runner and results as the CLI, for use inside pipelines.

>>> rules = load_rules()
>>> clean_text("Corps de l'article, assez long pour être reconnu.\\nttn-fr-34", rules).text
"Corps de l'article, assez long pour être reconnu."

Files go through :func:`normalizer.run.clean.clean_corpus` (what ``normalizer clean`` runs);
the functions here take text and records from Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .chain.pipeline import apply_chain
from .chain.tasks import RecordsTask
from .core.document import Doc
from .core.summary import Summary
from .engines.local import LocalEngine
from .io.corpus import Corpus, FileCorpus, FileEnd, RecordCorpus
from .io.records import ReadOptions
from .rules.loader import Rules, load_rules
from .run.runner import Engine, learn, prepare, stream

__all__ = ["load_rules", "clean_text", "clean_records", "clean_corpus_records", "learn_from", "Summary"]


def clean_text(text: str, rules: Rules | None = None, *, doc_id: str = "text") -> Doc:
    """Clean one string; the returned Doc has ``.text``, ``.meta['lang']``, ``.edits``, ``.rejected``.

    A step that learns from the corpus learns from this one text (pass rules that learned from
    a corpus, :func:`learn_from`, to clean with what a whole corpus taught)."""
    rules = rules or load_rules()
    if any(step.traits.learns and step.learned is None for step in rules.steps):
        rules = learn_from([{"id": doc_id, "text": text}], rules)
    return apply_chain(rules.steps, Doc(doc_id, text))


def clean_records(records: Iterable[Mapping[str, Any]], rules: Rules | None = None, *,
                  text_field: str = "text", id_field: str = "id", with_edits: bool = False,
                  summary: Summary | None = None, engine: Engine | None = None) -> Iterator[dict[str, Any]]:
    """Clean dict records; yield output records, rejected ones carrying a ``reject`` object.

    Records are taken a batch at a time (256), in this process unless ``engine`` says otherwise;
    if reading ``records`` raises, the records read before come out first, then it re-raises.
    When the rules learn from the corpus, the records are read once into a temporary file, so
    that the learning pass sees them all before the first one comes out.
    """
    corpus = RecordCorpus(records, ReadOptions(text_field, id_field))
    for _kind, record in clean_corpus_records(corpus, rules or load_rules(), with_edits, summary, engine):
        yield record


def clean_corpus_records(corpus: Corpus, rules: Rules, with_edits: bool = False, summary: Summary | None = None,
                         engine: Engine | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """A corpus through the runner, in order: ``("out" | "reject", record)`` for every record
    (``summary``, when given, counts them all)."""
    counts = summary if summary is not None else Summary()
    chosen = engine or LocalEngine(1)
    with chosen.session(), prepare(corpus, rules, chosen) as prepared:
        for result in stream(prepared, lambda steps: RecordsTask(steps, corpus.options, with_edits), chosen):
            if isinstance(result, FileEnd):
                if result.failure is not None:
                    raise result.failure
                continue
            for kind, record, stats in result:
                counts.add(stats)
                if record is not None:
                    yield kind, record


def learn_from(records: Iterable[Mapping[str, Any]] | FileCorpus | RecordCorpus, rules: Rules, *,
               text_field: str = "text",
               id_field: str = "id", engine: Engine | None = None) -> Rules:
    """The rules with what their corpus steps learn from ``records`` (dicts, or a corpus of files): clean
    later batches, or Spark partitions, with what the whole corpus taught."""
    corpus = records if isinstance(records, (FileCorpus, RecordCorpus)) else RecordCorpus(
        records, ReadOptions(text_field, id_field))
    chosen = engine or LocalEngine(1)
    with chosen.session(), corpus.replayable() as again:
        return learn(again, rules, chosen)
