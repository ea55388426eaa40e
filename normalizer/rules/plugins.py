"""Cleaners from other packages, through the ``normalizer.cleaners`` entry point group.

A plugin is looked up only when a rule file names it in ``use:``, so an installed but
unused plugin is never imported, and a broken one only breaks the rule files that use it.
A plugin package declares, in its own metadata::

    [options.entry_points]
    normalizer.cleaners =
        strip_shouting = my_package.cleaners:StripShouting

The class takes its options as annotated keyword arguments (checked like the built-in
ones) and is called with a text, returning a :class:`normalizer.Outcome`.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from ..core.document import Doc, Edit, Outcome, replay

GROUP = "normalizer.cleaners"


def installed_plugins() -> dict[str, str]:
    """Name -> ``module:attribute`` of every installed plugin cleaner, without importing any."""
    return {ep.name: ep.value for ep in sorted(metadata.entry_points(group=GROUP), key=lambda ep: ep.name)}


def load_plugin(name: str) -> Any | None:
    """The class a plugin registers as ``name``, or None when no plugin does."""
    found = {ep.value: ep for ep in metadata.entry_points(group=GROUP, name=name)}
    if not found:
        return None
    if len(found) > 1:
        raise ValueError(f"several plugins register the cleaner {name!r}: {', '.join(sorted(found))}")
    (entry_point,) = found.values()
    try:
        cls = entry_point.load()
    except Exception as error:  # noqa: BLE001 - any import failure becomes a rule error naming the plugin
        raise ValueError(f"plugin cleaner {name!r} ({entry_point.value}) cannot be imported: "
                         f"{type(error).__name__}: {error}") from None
    if not isinstance(cls, type) or not callable(getattr(cls, "__call__", None)):
        raise ValueError(f"plugin cleaner {name!r} ({entry_point.value}) is not a class with __call__")
    return cls


class CheckedCleaner:
    """A plugin cleaner instance whose results are checked before the chain trusts them.

    A wrong result raises, which rejects that one document (``internal_error:<Type>``) instead
    of writing corrupt output: not an Outcome, text not a string, a change with no edit log or
    an edit log that does not replay, meta that JSON cannot hold, a malformed reject. A corpus
    step's ``apply`` is checked the same way; its learned state must be JSON (checked by the
    runner once it is merged).
    """

    def __init__(self, inner: Any, name: str) -> None:
        self.inner = inner
        self.name = name

    def __call__(self, text: str) -> Outcome:
        return self.checked(text, self.inner(text))

    def nothing_learned(self) -> Any:
        return self.inner.nothing_learned()

    def learn(self, doc: Doc, *earlier: Any) -> Any:
        return self.inner.learn(doc, *earlier)

    def merge(self, left: Any, right: Any) -> Any:
        return self.inner.merge(left, right)

    def finish(self, state: Any, inputs: list[str], *earlier: Any) -> Any:
        finish = getattr(self.inner, "finish", None)
        return finish(state, inputs, *earlier) if callable(finish) else state

    def wants(self, doc: Doc, earlier: Any) -> bool:
        wants = getattr(self.inner, "wants", None)
        return bool(wants(doc, earlier)) if callable(wants) else True

    def another_pass(self, state: Any) -> bool:
        another = getattr(self.inner, "another_pass", None)
        return bool(another(state)) if callable(another) else False

    def apply(self, doc: Doc, learned: Any) -> Outcome:
        return self.checked(doc.text, self.inner.apply(doc, learned))

    def checked(self, text: str, outcome: Any) -> Outcome:
        if not isinstance(outcome, Outcome):
            raise TypeError(f"plugin cleaner {self.name!r} returned {type(outcome).__name__}, "
                            f"not normalizer.Outcome")
        if not isinstance(outcome.text, str):
            raise TypeError(f"plugin cleaner {self.name!r} returned text of type {type(outcome.text).__name__}")
        if outcome.text != text:
            try:
                replayed = replay(text, [Edit(*edit) for edit in outcome.edits])
            except (TypeError, ValueError) as error:
                raise ValueError(f"plugin cleaner {self.name!r} returned an edit log that does not fit its "
                                 f"input: {error}") from None
            if replayed != outcome.text:
                raise ValueError(f"plugin cleaner {self.name!r} changed the text without an edit log that "
                                 f"gives the same result (use normalizer.replace_spans)")
        elif outcome.edits:
            raise ValueError(f"plugin cleaner {self.name!r} reported edits but returned its input unchanged")
        if outcome.reject is not None and not (isinstance(outcome.reject, tuple) and len(outcome.reject) == 2
                                               and all(isinstance(part, str) for part in outcome.reject)):
            raise TypeError(f"plugin cleaner {self.name!r}: reject must be (reason, detail), two strings")
        try:
            json.dumps(dict(outcome.meta), allow_nan=False)
        except (TypeError, ValueError) as error:
            raise TypeError(f"plugin cleaner {self.name!r} returned meta JSON cannot hold: {error}") from None
        return outcome
