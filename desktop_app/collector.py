"""Python's cyclic garbage is collected on the GUI thread while other threads run Python.

The automatic collector runs on whichever thread allocates past its threshold. On the shop
worker (a task building many rows) or a camera thread (a decode a frame) it would free the
widgets and models of closed windows there: Qt objects of the GUI thread, a model deleted off
its thread while the GUI thread uses Qt, a widget's deletion queued back to the GUI thread at
whatever line it is running (even inside a Qt call such as setStyleSheet): rare hangs and
crashes under load. So while any such thread holds the collector, automatic collection is
off and a timer on the GUI thread collects instead, generation by generation as the automatic
collector would; the last release collects the young garbage and turns it back on.

``hold`` and ``release`` are called on the GUI thread (a task's start and delivery, a camera
session's start and each of its threads' end, all signalled there).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QThread, QTimer, Slot

COLLECT_EVERY_MS = 250

_holders = 0
_was_enabled = False
_timer: QTimer | None = None


class _Releaser(QObject):
    """Lives on the GUI thread for good: a thread's ``finished`` reaches it queued, whoever
    started the thread and whether or not they still exist."""

    @Slot()
    def thread_finished(self) -> None:
        release()


_releaser: _Releaser | None = None


def hold() -> None:
    """Another thread is about to run Python: collect on the GUI thread only, from now on."""
    global _holders, _was_enabled, _timer
    if _holders == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
        if _timer is None:
            _timer = QTimer()
            _timer.setInterval(COLLECT_EVERY_MS)
            _timer.timeout.connect(collect_due)
        _timer.start()
    _holders += 1


def release() -> None:
    """One holder is done; the last one collects the young garbage and turns the automatic
    collector back on as it was (collecting first leaves the thread, still returning from
    its work, nothing to collect)."""
    global _holders
    if _holders == 0:
        return
    _holders -= 1
    if _holders == 0:
        if _timer is not None:
            _timer.stop()
        gc.collect(0)
        if _was_enabled:
            gc.enable()


def hold_until_finished(thread: QThread) -> None:
    """Hold for ``thread`` (not started yet) until it has finished running."""
    global _releaser
    if _releaser is None:
        _releaser = _Releaser()
    hold()
    thread.finished.connect(_releaser.thread_finished)


def held() -> bool:
    return _holders > 0


def collect_due() -> None:
    """The oldest generation past its threshold, as the automatic collector picks it."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] >= thresholds[generation]:
            gc.collect(generation)
            return
