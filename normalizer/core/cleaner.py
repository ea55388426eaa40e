"""What a cleaner is: the protocol every step of a chain follows, and how it describes itself.

A cleaner is a class. Its keyword-only ``__init__`` is its option schema (checked when the
rules load, see :mod:`normalizer.rules.catalog`); an instance is called with a text and
returns an :class:`~normalizer.core.document.Outcome`. What it *is* lives on the class, in a
few attributes, so that the tools (quality measures, lint, suggest, explain, the report) ask
the cleaner instead of keeping lists of cleaner names:

``name``
    The ``use:`` name in rule files: also the registry key, the module name under
    ``normalizer/cleaners/``, the step id in edit logs and the key in the summary.
``role``
    A :class:`Role`: does it edit the text, filter documents, annotate them, or learn from
    the whole corpus first?
``reads`` / ``writes``
    The document fields it reads and writes (``text``; ``lang``, ``lang_score``; ...).
``finds``
    What a change it makes reveals about the input, for ``normalizer check``:
    ``"mojibake"``, ``"boilerplate"``, or ``""`` (a change that reveals nothing wrong, such
    as tidying white space).
``vocabulary_lists``
    The lists of the shipped vocabularies (``rules/vocab/``) it reads, if any; its instance
    then has ``vocab`` (the :class:`~normalizer.text.vocab.Vocabulary` it loaded).
``extra_vocabulary``
    Its options that add phrases to a vocabulary list: ``{"extra_headers": "related"}``.
``repeatable``
    ``True`` when running it again on text the chain produced only finishes its work (removes a
    line a later removal has exposed, repairs what is left) and never repeats an edit on its
    own result, as a replacement of "x" by "xx" would. The chain runs such steps again until the
    text settles, so that cleaning a cleaned text changes nothing (see
    :mod:`normalizer.chain.pipeline`); a step that does not say so runs once.

Optional: ``batch(texts)`` (the same outcomes as calling it on each text, faster),
``apply_to(doc)`` (called instead of the cleaner itself by a step that reads what earlier steps
recorded, ``lang`` or ``signals``: the quality filter judges a French text by French thresholds),
and ``warnings`` on an instance (shown when the rules load). A plugin cleaner that says nothing
is taken as an editing one whose changes are boilerplate (see :func:`traits_of`).

A cleaner whose role is :attr:`Role.LEARNS` is a *corpus step*: it follows
:class:`CorpusCleaner` instead of being called on a text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol, runtime_checkable

from .document import Doc, Outcome


class Role(str, enum.Enum):
    """What a step does to a document."""

    EDITS = "edits"            # changes the text (repairs, tidies, removes boilerplate)
    FILTERS = "filters"        # keeps or rejects a document; never changes its text
    ANNOTATES = "annotates"    # adds fields (lang, text_ascii); may reject on them; never changes the text
    LEARNS = "learns"          # learns from the whole corpus first, then acts on each document with it


@runtime_checkable
class Cleaner(Protocol):
    """A configured step: a pure function of a text."""

    name: str
    role: Role
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    finds: str

    def __call__(self, text: str) -> Outcome: ...


@runtime_checkable
class CorpusCleaner(Protocol):
    """A step that looks at the whole corpus before it acts on any document (``role = LEARNS``).

    The runner first makes a pass over the corpus: every document that reaches this step
    (the steps before it applied) is given to :meth:`learn`, which returns that document's
    contribution to the state; contributions are combined with :meth:`merge`, starting from
    :meth:`nothing_learned`. The state must be JSON (dicts, lists, strings, numbers), and
    ``merge`` must be associative and commutative with ``nothing_learned()`` as its identity:
    the runner merges in whatever grouping the engine gives (batches, worker processes, Ray
    tasks), and the learned state must not depend on it. Then every document goes through
    :meth:`apply` with the merged state, whose edits may cite what was learned
    ("this line occurs in 212 of 230 documents from example.fr").
    """

    name: str
    role: Role

    def nothing_learned(self) -> Any: ...

    def learn(self, doc: Doc) -> Any: ...

    def merge(self, left: Any, right: Any) -> Any: ...

    def apply(self, doc: Doc, learned: Any) -> Outcome: ...


class Traits(NamedTuple):
    """What one configured cleaner says about itself, read in this one place (with the defaults
    a plugin that says nothing gets)."""

    role: Role = Role.EDITS
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("text",)
    finds: str = "boilerplate"
    vocabulary_lists: tuple[str, ...] = ()
    extra_vocabulary: tuple[tuple[str, str], ...] = ()   # (option, vocabulary list it adds to)
    languages: tuple[str, ...] = ()         # the vocabularies' languages an instance loaded
    batched: bool = False                   # has ``batch(texts)``
    whole_document: bool = False            # has ``apply_to(doc)``: reads more than the text
    repeatable: bool = False                # may run again until the text settles
    warnings: tuple[str, ...] = ()

    @property
    def learns(self) -> bool:
        return self.role is Role.LEARNS

    @property
    def edits_text(self) -> bool:
        return "text" in self.writes

    @property
    def reruns(self) -> bool:
        """May the chain run it again on its settled text? A step that learned from the corpus
        acts once; one that only reads the text (a filter, a label) or says it is repeatable may."""
        return not self.learns and (self.repeatable or not self.edits_text)


def traits_of(cleaner: Any) -> Traits:
    """The traits of a cleaner class or instance (an instance's attributes win: ``transliterate``
    with ``in_place: true`` edits the text, without it only annotates)."""
    defaults = Traits()
    role = Role(getattr(cleaner, "role", defaults.role))
    vocab = getattr(cleaner, "vocab", None)
    languages: Sequence[str] = getattr(vocab, "languages", ()) or ()
    return Traits(role=role, reads=tuple(getattr(cleaner, "reads", defaults.reads)),
                  writes=tuple(getattr(cleaner, "writes", defaults.writes)),
                  finds=str(getattr(cleaner, "finds", defaults.finds)),
                  vocabulary_lists=tuple(getattr(cleaner, "vocabulary_lists", ())),
                  extra_vocabulary=tuple(getattr(cleaner, "extra_vocabulary", {}).items()), languages=tuple(languages),
                  batched=callable(getattr(cleaner, "batch", None)),
                  whole_document=callable(getattr(cleaner, "apply_to", None)),
                  repeatable=bool(getattr(cleaner, "repeatable", defaults.repeatable)),
                  warnings=tuple(getattr(cleaner, "warnings", ())))


MAX_PASSES = 4          # learning passes over the corpus for one step, at most


def learn_in_passes(cleaner: Any, one_pass: Callable[[Any], Any], inputs: Sequence[str],
                    checked: Callable[[Any], Any] = lambda state: state) -> Any:
    """What a corpus step learns: ``one_pass(earlier)`` merges what every document teaches in one
    pass over the corpus (``learn(doc)``, then ``learn(doc, earlier)``); after each pass the
    cleaner's optional ``finish(state, inputs[, earlier])`` does, once, what needs the whole corpus
    (clusters of duplicates, the copy each keeps by input order: ``inputs`` are the sources in
    input order), and its optional ``another_pass(state)`` asks for one more (near-duplicate
    candidates first, then those candidates' shingles alone, to measure their true Jaccard); in a
    further pass its optional ``wants(doc, earlier)`` picks, before the chain runs, the documents
    the pass needs."""
    finish = getattr(cleaner, "finish", None)
    another = getattr(cleaner, "another_pass", None)
    earlier = None
    for _ in range(MAX_PASSES):
        state = one_pass(earlier)
        if callable(finish):
            state = finish(state, list(inputs)) if earlier is None else finish(state, list(inputs), earlier)
        earlier = checked(state)
        if not (callable(another) and another(earlier)):
            break
    return earlier
