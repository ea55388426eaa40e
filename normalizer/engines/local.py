"""The local engine: a task over batches in this process or in worker processes, in order.

``Pool.imap`` reads its whole input ahead of the workers, so memory grows with the corpus;
here at most ``window`` batches are in flight. Each worker is given the task once, at
start-up (with the chain inside it: compiled patterns, language profiles); workers ignore
SIGINT (the main process decides what an interrupt means) and end when the main process dies.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, NamedTuple

from ..io.corpus import Batch, Corpus, FileEnd
from ..io.sources import CountingReader

# The task of this worker process, set once by the pool's initializer: the pool's functions must
# be importable by name, and sending the task (with its chain) with every batch would cost more
# than the batch. The one slot of process state here; the main process never sets it.
WORKER_TASK: list[Callable[[Batch], Any]] = []
PR_SET_PDEATHSIG = 1            # prctl(2): the signal a process gets when its parent dies (Linux)


def default_jobs() -> int:
    """What ``--jobs`` means when it is not given: every core."""
    return os.cpu_count() or 1


def start_worker(task: Callable[[Batch], Any], parent: int | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        die_with(parent)
    WORKER_TASK[:] = [task]


def die_with(parent: int) -> None:
    """End this worker when its parent process dies, even by ``kill -9`` (which runs no clean-up):
    on Linux the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a watchdog thread checks
    the parent every second. A parent that died before this ran is noticed at once."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def run_in_worker(batch: Batch) -> Any:
    return WORKER_TASK[0](batch)


def done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


class LocalEngine(NamedTuple):
    """``jobs`` processes on this machine (the batches are taken in this process when it is 1)."""

    jobs: int = 1
    window: int | None = None          # batches in flight at most (default: three per job)

    @property
    def name(self) -> str:
        return "local"

    def session(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def map(self, task: Callable[[Batch], Any], corpus: Corpus, skip: int = 0,
            counters: Sequence[CountingReader] | None = None, seconds: dict[str, float] | None = None
            ) -> Iterator[Any]:
        """``task`` over the corpus's batches (the first ``skip`` records left out), the results
        in input order, each FileEnd in its place."""
        return self.map_batches(task, corpus.batches(skip, counters, seconds))

    def map_batches(self, task: Callable[[Batch], Any], batches: Iterable[Batch | FileEnd]) -> Iterator[Any]:
        if self.jobs <= 1:
            for batch in batches:
                yield batch if isinstance(batch, FileEnd) else task(batch)
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        window = self.window or self.jobs * 3
        pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context, initializer=start_worker,
                                   initargs=(task, os.getpid()))
        pending: deque[Future[Any]] = deque()
        try:
            for batch in batches:
                pending.append(done(batch) if isinstance(batch, FileEnd) else pool.submit(run_in_worker, batch))
                while len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
