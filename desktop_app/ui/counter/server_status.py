"""The counter's watch on the shop's server, for a shop kept on PostgreSQL: whether the server
answers (the Redemption tab refuses to redeem while it does not, rather than guess) and what
other counters changed (LISTEN/NOTIFY, announced to every screen through ShopEvents).

``core.server_watch`` does the waiting on a thread of its own, never on the GUI thread nor on
the worker that runs the shop's queries; the signals reach the GUI thread queued.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app import collector
from desktop_app.core import server_clock
from desktop_app.core.errors import ServerUnreachable, ShopError
from desktop_app.core.server_watch import ServerWatch
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.events import shop_events

POLL_S = 1.0  # how long one wait for notifications lasts; also how soon a loss is seen
RETRY_S = 2.0  # between attempts while the server does not answer


class ServerWatcher(QObject):
    reachable_changed = Signal(bool)
    changes_heard = Signal(object)  # frozenset[str] of core.events kinds
    clock_changed = Signal()  # the shop's clock follows the server's at a new offset

    def __init__(self, url: str, own_pids: Callable[[], frozenset[int]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reachable = True
        self.problem: ShopError | None = None  # why not reachable (see ``WatchResult``)
        self._watch = ServerWatch(url, own_pids)
        self._stop = threading.Event()
        self._wake = threading.Event()  # ends a wait between attempts: a stop, or a poke
        self._holding = False
        self._thread = threading.Thread(target=self._run, name="server-watch", daemon=True)

    def start(self) -> None:
        collector.hold()  # the watch runs Python for the whole session
        self._holding = True
        _running.add(self)
        self._thread.start()

    def stop(self) -> None:
        """Safe to call more than once; returns within one poll."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(POLL_S + 1)
        if self._holding:
            self._holding = False
            collector.release()

    def poke(self) -> None:
        """Ask the server again now, not at the next retry: a scan was just refused because
        it seemed away, and the cashier will scan again (QA s39b F1: a scan a second after
        the server was back was still refused)."""
        self._wake.set()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                result = self._watch.poll(POLL_S)
                if self._stop.is_set():
                    break  # stopped while it waited: nobody listens any more
                if result.reachable != self.reachable or _code(result.problem) != _code(
                        self.problem):  # the server came back, went, or refuses now
                    self.reachable, self.problem = result.reachable, result.problem
                    self.reachable_changed.emit(result.reachable)
                if result.changes:
                    self.changes_heard.emit(result.changes)
                if result.clock_offset is not None and server_clock.follow(result.clock_offset):
                    self.clock_changed.emit()
                if not result.reachable:
                    self._wake.wait(RETRY_S)
                    self._wake.clear()
        except RuntimeError:
            # A wait that outlasted stop()'s join (a server slow to refuse a connection), then
            # the window closed: the watcher is deleted under this thread. Nothing to tell.
            pass
        finally:
            self._watch.close()


# Every watch started and not yet collected: ``stop_every_watch`` ends those left running.
_running: weakref.WeakSet[ServerWatcher] = weakref.WeakSet()


def stop_every_watch() -> None:
    """Stop every watch still running: one its window never stopped would otherwise go on
    measuring the server's clock, and move this process's, after its shop is gone (a test's
    frozen PC clock read against the real server's put the Reports' "This month" a month
    back in a later test)."""
    for watcher in list(_running):
        watcher.stop()


def watch_server(shop: Shop, parent: QObject, reachable_changed: Callable[[bool], None]
                 ) -> ServerWatcher | None:
    """A started watch on the shop's server whose news reach every screen; None for a file.
    ``reachable_changed`` is connected before the watch starts, so no change goes unheard."""
    url = getattr(shop, "url", "")  # a shop on a server; the file has no watch
    if not url:
        return None
    watcher = ServerWatcher(url, shop.db.backend_pids, parent)
    watcher.reachable_changed.connect(reachable_changed)
    watcher.changes_heard.connect(shop_events().announce)
    watcher.start()
    return watcher


def refusal_of(watcher: ServerWatcher | None) -> ShopError | None:
    """Why the server cannot be used when it answers and refuses this counter (its login, no
    free connection): not something that passes by itself (QA s39b F11). None while it is
    reachable, or merely unreachable."""
    problem = watcher.problem if watcher is not None else None
    return None if problem is None or isinstance(problem, ServerUnreachable) else problem


def away_text(watcher: ServerWatcher | None) -> str:
    """``server_lost_text`` for what ``watcher`` found last."""
    return server_lost_text(refusal_of(watcher))


def away_line_text(watcher: ServerWatcher | None) -> str:
    """The red line above the verdict while the server is away: what the counter does now,
    not "nothing was redeemed", which read as said of a "Not certain" scan shown under it
    (QA s39b F6). A refusal is said as what it is."""
    refusal = refusal_of(watcher)
    if refusal is not None:
        return error_message(refusal)
    return QCoreApplication.translate(
        "RedemptionTab", "The shop's server cannot be reached: scans are refused until it is "
        "back. Redeeming then starts again by itself.")


def _code(problem: ShopError | None) -> str:
    return problem.code if problem is not None else ""


def server_lost_text(refusal: ShopError | None = None) -> str:
    """A refused scan's verdict while the server is away: the scan was not kept for later, so
    the cashier scans again (QA s36a F3: "resumes by itself" read as the scan going through
    once the server was back). A server that answers and refuses this counter
    (``refusal_of``) is said as such: it does not come back by itself (QA s39b F11)."""
    if refusal is not None:
        return QCoreApplication.translate(
            "RedemptionTab", "Nothing was redeemed: {problem} Scan the voucher again once "
            "this is put right.").format(problem=error_message(refusal))
    return QCoreApplication.translate(
        "RedemptionTab", "The shop's server cannot be reached: nothing was redeemed. Redeeming "
        "starts again by itself when the server is back; then scan the voucher again.")
