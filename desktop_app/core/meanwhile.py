"""A second thread for pure-Python work that can run while this one waits in SQLite.

The database driver lets go of the interpreter while SQLite runs a statement or commits, so
work handed over right before such a call runs on the second core meanwhile, at little cost
in time (a batch's printed codes while its INSERT runs, its rows while it commits). The work
touches no database. Jobs run one after another, in the order given.

The thread waits for work without holding the interpreter: a thread started straight on its
work would keep it for a whole switch interval (5 ms) before ``start`` gave it back, and work
handed over long before the SQLite call would take turns with the caller's own Python.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class Meanwhile:
    """Use as a context manager: leaving it lets the thread finish its jobs and end."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._work, name="meanwhile", daemon=True)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            job()

    def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs
            ) -> Callable[[], T]:
        """Start ``function`` on the thread; the function returned waits for its result, or
        raises its error, in the caller's thread."""
        done = threading.Event()
        outcome: list[T] = []
        failure: list[BaseException] = []

        def job() -> None:
            try:
                outcome.append(function(*args, **kwargs))
            except BaseException as exc:  # handed to the caller, not printed on this thread
                failure.append(exc)
            finally:
                done.set()

        self._jobs.put(job)

        def result() -> T:
            done.wait()
            if failure:
                raise failure[0]
            return outcome[0]
        return result

    def __enter__(self) -> Meanwhile:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._jobs.put(None)
        self._thread.join()
