"""An ordered, bounded parallel map over batches: results come back in input order.

``Pool.imap`` reads its whole input ahead of the workers, so memory grows with the
corpus; here at most ``window`` batches are in flight. Workers ignore SIGINT (the main
process decides what an interrupt means) and get the chain once, at start-up.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Passthrough:
    """A value that goes through the map in order without being sent to a worker."""

    def __init__(self, value: Any) -> None:
        self.value = value


def ignore_sigint_then(initializer: Callable[..., None], *args: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*args)


def done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


def ordered_map(func: Callable[[T], R], batches: Iterable[T | Passthrough], jobs: int,
                initializer: Callable[..., None], initargs: tuple[Any, ...] = (),
                window: int | None = None) -> Iterator[R | Passthrough]:
    """``func`` over ``batches`` on ``jobs`` processes (in this process when jobs == 1)."""
    if jobs <= 1:
        initializer(*initargs)
        for batch in batches:
            yield batch if isinstance(batch, Passthrough) else func(batch)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    window = window or jobs * 3
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=ignore_sigint_then,
                               initargs=(initializer, *initargs))
    pending: deque[Future[Any]] = deque()
    try:
        for batch in batches:
            pending.append(done(batch) if isinstance(batch, Passthrough) else pool.submit(func, batch))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
