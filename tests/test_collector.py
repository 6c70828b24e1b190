"""Garbage from the GUI thread is collected on the GUI thread, whatever the shop worker or a
camera's threads allocate (``desktop_app.collector``).

Python's automatic collector runs on whichever thread passes its threshold. A task that builds
many rows on the worker, or a camera decoding frames, would free there the widgets and models
of closed windows: Qt objects deleted off their thread, the cause of rare hangs under load.
"""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from desktop_app import collector
from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.camera_source import CameraSource
from desktop_app.ui import tasks

pytestmark = pytest.mark.usefixtures("temp_settings")


def leave_in_a_cycle(freed_on: list[str]) -> None:
    """A Qt object reachable only from itself, as a closed window's are; notes where it is freed."""
    orphan = QObject()
    orphan.itself = orphan  # type: ignore[attr-defined]
    note = weakref.finalize(orphan, lambda: freed_on.append(threading.current_thread().name))
    note.atexit = False


def rows_enough_for_a_collection() -> list[list[int]]:
    """What a task building a long list allocates: past the collector's first threshold."""
    return [[n] for n in range(20 * gc.get_threshold()[0])]


def test_a_busy_worker_never_frees_the_gui_threads_qt_objects(qtbot: QtBot) -> None:
    gc.collect()
    freed_on: list[str] = []
    kept: list[Any] = []  # the rows stay alive, as a table's model keeps them
    leave_in_a_cycle(freed_on)
    task = tasks.run_in_background(None, rows_enough_for_a_collection, kept.append)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
    assert freed_on == [threading.main_thread().name]


def test_automatic_collection_is_off_only_while_a_task_runs(qtbot: QtBot) -> None:
    assert gc.isenabled()
    task = tasks.run_in_background(None, gc.isenabled)
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as answer:
        pass
    assert answer.args == [False]
    assert gc.isenabled()
    assert tasks.call_in_worker(gc.isenabled) is False
    assert gc.isenabled()


def test_while_held_the_gui_thread_collects_on_its_timer(qtbot: QtBot) -> None:
    gc.collect()
    freed_on: list[str] = []
    collector.hold()
    try:
        assert not gc.isenabled()
        leave_in_a_cycle(freed_on)
        kept = rows_enough_for_a_collection()  # past the thresholds: the timer's turn
        qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
        assert freed_on == [threading.main_thread().name] and kept
    finally:
        collector.release()
    assert gc.isenabled() and not collector.held()


def write_frames(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    rng = np.random.default_rng(7)
    for i in range(count):
        frame = rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)
        assert cv2.imwrite(str(folder / f"frame_{i:03d}.png"), frame)
    return folder


def test_a_camera_session_holds_the_collector_until_its_threads_end(
        qtbot: QtBot, tmp_path: Path) -> None:
    gc.collect()
    scanner = CameraScanner()
    freed_on: list[str] = []
    with qtbot.waitSignal(scanner.frame_ready, timeout=10_000):
        scanner.start(CameraSource(write_frames(tmp_path / "frames", 30), fps=30))
    assert collector.held() and not gc.isenabled()
    leave_in_a_cycle(freed_on)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)  # frames keep being decoded
    assert freed_on == [threading.main_thread().name]
    assert scanner.stop()
    qtbot.waitUntil(lambda: not collector.held(), timeout=10_000)  # each thread's end
    assert gc.isenabled()


def test_the_app_collects_on_the_gui_thread_for_its_whole_run(
        qtbot: QtBot, tmp_path: Path) -> None:
    """The core's own threads (the witness sync) run Python whenever they wake: in the app,
    the GUI thread's timer does every collection, from the start to the end of the run."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import app

    seen: list[tuple[bool, bool]] = []

    def look_then_quit() -> None:
        seen.append((collector.held(), gc.isenabled()))
        QApplication.quit()

    QTimer.singleShot(0, look_then_quit)
    hook = sys.excepthook
    try:
        assert app.run_gui(tmp_path / "shop", "en", demo=False) == 0
    finally:
        sys.excepthook = hook
    assert seen == [(True, False)]
    assert not collector.held() and gc.isenabled()
