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


def checked_rules(rules: Any, optional: bool = True) -> Rules:
    """``rules`` if it is a :class:`Rules` (``None``: the default rules, where that is allowed);
    anything else is a caller's mistake, a TypeError that says what is expected, never a
    document rejected as an internal error."""
    if rules is None and optional:
        return load_rules()
    if isinstance(rules, Rules):
        return rules
    hint = f"; for a rule set or a file, pass load_rules({rules!r})" if isinstance(rules, str) else ""
    raise TypeError(f"rules must be the Rules load_rules() returns, not {type(rules).__name__}{hint}")


def clean_text(text: str, rules: Rules | None = None, *, doc_id: str = "text") -> Doc:
    """Clean one string; the returned Doc has ``.text``, ``.meta['lang']``, ``.edits``, ``.rejected``.

    A step that learns from the corpus learns from this one text (pass rules that learned from
    a corpus, :func:`learn_from`, to clean with what a whole corpus taught). ``text`` must be a
    str (bytes: decode them first) and ``rules`` a :class:`Rules`: anything else is a TypeError."""
    if not isinstance(text, str):
        hint = " (decode bytes first: data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"clean_text cleans a str, not {type(text).__name__}{hint}")
    rules = checked_rules(rules)
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
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
        raise TypeError(f"clean_records takes an iterable of dict records, not {type(records).__name__}")
    corpus = RecordCorpus(records, ReadOptions(text_field, id_field))
    cleaned = clean_corpus_records(corpus, checked_rules(rules), with_edits, summary, engine)
    return (record for _kind, record in cleaned)       # mistakes above raise at the call, not at the first record


def clean_corpus_records(corpus: Corpus, rules: Rules, with_edits: bool = False, summary: Summary | None = None,
                         engine: Engine | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """A corpus through the runner, in order: ``("out" | "reject", record)`` for every record
    (``summary``, when given, counts them all)."""
    if not hasattr(corpus, "options") or not hasattr(corpus, "files"):
        raise TypeError(f"clean_corpus_records takes a corpus (FileCorpus, RecordCorpus), not "
                        f"{type(corpus).__name__}; for dict records, use clean_records")
    return corpus_records(corpus, checked_rules(rules, optional=False), with_edits, summary, engine)


def corpus_records(corpus: Corpus, rules: Rules, with_edits: bool, summary: Summary | None,
                   engine: Engine | None) -> Iterator[tuple[str, dict[str, Any]]]:
    counts = summary if summary is not None else Summary()
    chosen = engine or LocalEngine(1)
    with chosen.session(), prepare(corpus, rules, chosen, keep=True) as prepared:
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
    rules = checked_rules(rules, optional=False)
    if not isinstance(records, (FileCorpus, RecordCorpus)) and (
            isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable)):
        raise TypeError(f"learn_from takes dict records or a corpus (FileCorpus.from_paths([...]) for files), "
                        f"not {type(records).__name__}")
    corpus = records if isinstance(records, (FileCorpus, RecordCorpus)) else RecordCorpus(
        records, ReadOptions(text_field, id_field))
    chosen = engine or LocalEngine(1)
    with chosen.session(), corpus.replayable() as again:
        return learn(again, rules, chosen).rules
