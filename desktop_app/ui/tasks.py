"""Slow work off the GUI thread, its result back on it (in the spirit of Anki's CollectionOp).

    run_in_background(self, lambda: open_shop(folder, name, password),
                      on_success=self._opened, errors=self.message,
                      always=lambda: self.set_busy(False))

Every task runs on one worker thread: database work is serialised (one writer, no lock held
across the user interface) and peewee keeps that thread's connection for the next task.
Tasks run in the order started, in two lanes. A task started with ``background=True`` (a
re-read that only refreshes a screen after a change, nobody waiting on it) runs only when no
other task is waiting, so a burst of re-reads never delays a scan's verdict at the counter
(QA s14a F8); the other tasks keep their order among themselves, so nothing ever overtakes a
write started before it: only re-reads wait.
``fn`` must not touch widgets; the callbacks run on the GUI thread, and are skipped when
``parent`` was deleted meanwhile (a dialog closed mid-task).
A failure has one path: a refusal by the shop (``ShopError``: a wrong password, a value out of
range, a full disk) is said where the user is looking, by ``errors`` (a label's
``show_error`` with core's words, or a function given the error); anything else is a bug and
goes to ``sys.excepthook``, which the app routes to a short message box and the log.
``on_failure`` replaces that path where a screen must hear of every failure itself. The
shop's server not answering is said at ``errors`` until a later task of the same label gets
an answer (the screens read again when the server is back: ``ui.server_away``).
After the callbacks, ``ShopEvents`` announces once what the task changed (``core.events``),
so every screen showing it can re-read, whichever screen asked.
A long read that would hold the worker for seconds (a backup's copy of the whole shop, Verify,
the owner's reports) runs instead on a second thread, on a connection of its own closed after
it (``run_long_read``): scans go on meanwhile (QA s14b N1, s20a F1). Writes never go there:
they keep their one order.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

import shiboken6
from peewee import Database
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, Signal

from desktop_app import collector
from desktop_app.core import events
from desktop_app.core.errors import ServerUnreachable, ShopError
from desktop_app.messages import error_message
from desktop_app.ui.events import shop_events

log = logging.getLogger(__name__)

WORKER_THREAD_NAME = "shop-worker"
READER_THREAD_NAME = "shop-reader"
LONG_READ_WAIT_S = 120.0  # a shop closing waits this long at most for a backup's copy

# A Python thread rather than QThreadPool: peewee keeps its connection in a threading.local,
# which a pooled Qt thread may lose between tasks.
_executor: ThreadPoolExecutor | None = None
# Tasks under way, kept alive here until their result reached the GUI thread.
_pending: set[BackgroundTask] = set()
# The jobs waiting for the worker: the normal lane, then the background lane (see the doc).
# Each job queued submits one turn to the executor, and each turn runs the first job waiting,
# the normal lane's first: a background job takes a turn only when no normal job waits.
_lanes: tuple[deque[Callable[[], None]], deque[Callable[[], None]]] = (deque(), deque())
_lanes_lock = threading.Lock()
# The long reads' thread (see the doc), started by the first one.
_reader: ThreadPoolExecutor | None = None
# The task the worker runs right now (set and cleared on the worker): see ``worker_runs_for``.
_on_worker: BackgroundTask | None = None


def _worker() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WORKER_THREAD_NAME)
    return _executor


def _queue(job: Callable[[], None], background: bool = False,
           last: bool = False) -> Future[None]:
    """Run ``job`` on the worker in its lane's order (see the module's doc); ``last``: after
    every job waiting, the background lane's too (the end of a session)."""
    lane = _lanes[1 if background else 0]
    with _lanes_lock:
        if last:
            _lanes[0].extend(_lanes[1])
            _lanes[1].clear()
        lane.append(job)
    try:
        return _worker().submit(_take_turn)
    except BaseException:  # no turn will come for it
        with _lanes_lock:
            lane.remove(job)
        raise


def _take_turn() -> None:
    with _lanes_lock:
        normal, later = _lanes
        job = normal.popleft() if normal else later.popleft()
    job()


class ShowsError(Protocol):
    def show_error(self, text: str) -> None: ...


# Where a refusal is said: a message label, or a function that picks the field to blame.
ErrorTarget = ShowsError | Callable[[ShopError], object]


def _report(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)


def say_failure(exc: BaseException, errors: ErrorTarget | None) -> None:
    """The one failure path: a refusal said at ``errors``, anything else to the excepthook."""
    if errors is None or not isinstance(exc, ShopError):
        _report(exc)
        return
    log.info("refused: %s", exc.code)
    if isinstance(exc, ServerUnreachable) and hasattr(errors, "show_until_answered"):
        errors.show_until_answered(error_message(exc))
    elif hasattr(errors, "show_error"):
        errors.show_error(error_message(exc))
    else:
        errors(exc)


class BackgroundTask(QObject):
    """One call of ``fn`` on the worker thread. Signals fire on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # (result, exception, what it changed), emitted on the worker thread
    _done = Signal(object, object, object)

    def __init__(
        self,
        parent: QObject | None,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        errors: ErrorTarget | None = None,
        always: Callable[[], object] | None = None,
        background: bool = False,
        reads: Database | None = None,
    ) -> None:
        # No Qt parent: the task must outlive a parent deleted before the result arrives.
        super().__init__()
        self._parent = parent
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._errors = errors
        self._always = always
        self._background = background
        self._reads = reads
        self._done.connect(self._deliver)

    def start(self) -> BackgroundTask:
        collector.hold()  # the worker is about to run Python: see desktop_app.collector
        _pending.add(self)
        if self._reads is None:
            _queue(self._run, self._background)
        else:
            _long_reads().submit(self._run)
        return self

    def _run(self) -> None:
        global _on_worker
        events.take()  # what ran on this thread outside a task is not this task's
        if self._reads is None:
            _on_worker = self
        try:
            result = self._fn() if self._reads is None else _on_own_connection(
                self._reads, self._fn)
        except BaseException as exc:  # even SystemExit: the GUI must hear the task ended
            self._done.emit(None, exc, events.take())
        else:
            self._done.emit(result, None, events.take())
        finally:
            if self._reads is None:
                _on_worker = None

    def _parent_gone(self) -> bool:
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _deliver(self, result: Any, exc: Exception | None, changes: frozenset[str]) -> None:
        if self in _pending:  # not given up on by shutdown()
            _pending.discard(self)
            collector.release()
        try:
            self._answer(result, exc)
        finally:
            # After the callbacks (which may say what to select once a list is re-read), and
            # even when the window that asked is gone: the change happened all the same.
            shop_events().announce(changes)
            self.finished.emit()

    def _answer(self, result: Any, exc: Exception | None) -> None:
        if self._parent_gone():
            if exc is not None:  # mostly a read the closing shop cut short: no one to tell
                log.info("background task failed after its window closed: %s",
                         type(exc).__name__)
                log.debug("the failure", exc_info=(type(exc), exc, exc.__traceback__))
            return
        if self._always is not None:
            self._always()
        if exc is None:
            answered = getattr(self._errors, "answered", None)
            if answered is not None:  # an earlier "server not answering" there is over
                answered()
            if self._on_success is not None:
                self._on_success(result)
            self.succeeded.emit(result)
        else:
            self.failed.emit(exc)
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                say_failure(exc, self._errors)


def run_in_background(
    parent: QObject | None,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    *,
    errors: ErrorTarget | None = None,
    always: Callable[[], object] | None = None,
    background: bool = False,
) -> BackgroundTask:
    """Run ``fn()`` on the worker thread; then ``always()`` (ending a busy state), and
    ``on_success(result)``, or the failure path (see the module's doc). ``background``: a
    re-read only refreshing a screen, run when no other task waits (the module's doc)."""
    return BackgroundTask(parent, fn, on_success, on_failure, errors, always,
                          background).start()


def run_long_read(
    parent: QObject | None,
    fn: Callable[[], Any],
    db: Database,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    *,
    errors: ErrorTarget | None = None,
    always: Callable[[], object] | None = None,
) -> BackgroundTask:
    """Run ``fn()``, which only reads ``db``, on the long reads' thread (the module's doc);
    the rest as ``run_in_background``. The shop closes only after it (``finish_long_reads``)."""
    return BackgroundTask(parent, fn, on_success, on_failure, errors, always,
                          reads=db).start()


def _long_reads() -> ThreadPoolExecutor:
    global _reader
    if _reader is None:
        _reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix=READER_THREAD_NAME)
    return _reader


def _on_own_connection(db: Database, fn: Callable[[], Any]) -> Any:
    try:
        return fn()  # peewee connects this thread on its first statement
    finally:
        try:
            db.close()  # this thread's connection only: peewee keeps one per thread
        except Exception:
            log.exception("closing a long read's connection failed")


def finish_long_reads(timeout_s: float = LONG_READ_WAIT_S) -> None:
    """Wait for the long reads started before (a shop about to close waits for its backup's
    copy), blocking this thread; their results are still delivered as events."""
    if _reader is not None:
        _reader.submit(lambda: None).result(timeout_s)


def close_connections(db: Database) -> None:
    """At the end of a session, the threads' connections to ``db``: once the long reads
    started are over (a backup's copy, Verify), the worker's. The caller closes its own."""
    try:
        finish_long_reads()
    except Exception:
        log.exception("waiting for a long read failed")
    try:
        call_in_worker(db.close)
    except Exception:
        log.exception("closing the worker's connection failed")


def call_in_worker(fn: Callable[[], Any], timeout_s: float = 30.0) -> Any:
    """Run ``fn()`` on the worker thread and wait for it, blocking the GUI thread.

    Only for the end of a session (closing the worker's own database connection), where
    waiting a moment is right and no event loop may be running any more. It runs after every
    task started before it, background ones too: none finds the connection closed.
    """
    collector.hold()
    answer: Future[Any] = Future()

    def job() -> None:
        try:
            answer.set_result(fn())
        except BaseException as exc:
            answer.set_exception(exc)

    try:
        _queue(job, last=True)
        return answer.result(timeout_s)
    finally:
        collector.release()


def has_worker() -> bool:
    """True once a task started the worker thread, until ``shutdown``."""
    return _executor is not None


def worker_runs_for(parent: QObject) -> bool:
    """Whether the worker is running a task of ``parent`` right now: a scan that started and
    waits on the database itself (a lock, the server), not one still queued behind the
    app's own work (QA s20a F1: the counter blamed "another program" for the owner's report)."""
    task = _on_worker
    return task is not None and task._parent is parent


def busy() -> bool:
    """True while a task has not yet delivered its result."""
    return bool(_pending)


def wait_until_idle(timeout_ms: int = 10_000) -> bool:
    """Process events until every task delivered its result; False on timeout."""
    deadline = QDeadlineTimer(timeout_ms)
    if QCoreApplication.instance() is None:
        return not _pending  # results are delivered by an event loop; there is none
    # A loop object's processEvents, not QCoreApplication's: PySide6 6.12 on Python 3.11 drops
    # a reference to None on every call of a method returning void, and this one returns bool.
    loop = QEventLoop()
    while _pending and not deadline.hasExpired():
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)  # the worker's result is an event still to come: do not spin
    return not _pending


def shutdown(timeout_ms: int = 10_000) -> None:
    """At exit: let running tasks finish, then stop the worker thread."""
    global _executor, _reader
    wait_until_idle(timeout_ms)
    for executor in (_executor, _reader):
        if executor is not None:
            executor.shutdown(wait=True)
    _executor = _reader = None
    for task in list(_pending):  # their results will never be delivered
        _pending.discard(task)
        collector.release()


def threads_free(timeout_s: float) -> bool:
    """Whether the worker and the long reads' thread each finish what they were given within
    ``timeout_s``: a task holding one for longer delays every task queued after it."""
    deadline = time.monotonic() + timeout_s
    for executor in (_executor, _reader):
        if executor is None:
            continue
        try:
            executor.submit(lambda: None).result(max(0.0, deadline - time.monotonic()))
        except RuntimeError:  # shut down: nothing will run there again
            continue
        except TimeoutError:
            return False
    return True
