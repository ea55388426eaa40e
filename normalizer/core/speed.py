"""One switch for every shortcut taken only for speed: ``reference_implementation()``.

Several steps do their work faster than the plain way while promising the same answer:
ftfy is run only on lines its mojibake expression (on re2) flags, line rules look only at
lines an automaton says hold one of their phrases, langdetect's trials run on numpy in
batches, the chain runs a step at a time across a batch, tidying checks the whole text
before it tidies line by line, and so on. A shortcut that breaks keeps the tests green
unless something runs the plain way beside it, so each shortcut asks :func:`shortcuts`
and takes the plain reference path when it says no. The case, example, dev-set and golden
suites run both ways and must agree (``tests/conftest.py``'s ``implementation`` fixture).

Switch it with ``NORMALIZER_REFERENCE=1`` in the environment (worker processes inherit it)
or, in one process, ``with reference_implementation(): ...``. It is the one piece of module
state besides langdetect's seed: a context variable, so it cannot leak out of the ``with``
block or across threads.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar

REFERENCE_ENV = "NORMALIZER_REFERENCE"
_REFERENCE: ContextVar[bool] = ContextVar("normalizer_reference",
                                          default=os.environ.get(REFERENCE_ENV, "") not in ("", "0"))


def shortcuts() -> bool:
    """True unless the plain reference implementation was asked for."""
    return not _REFERENCE.get()


@contextlib.contextmanager
def reference_implementation(enabled: bool = True) -> Iterator[None]:
    """Run the block (in this process) with every speed-only shortcut switched off."""
    token = _REFERENCE.set(enabled)
    try:
        yield
    finally:
        _REFERENCE.reset(token)
