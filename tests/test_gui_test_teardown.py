"""The ``shop`` fixture's end: tasks a GUI test left running finish on an open shop.

Under load a window's tasks (a report, the low-stock check) were still running when the test
ended; closing the shop under them failed the test's teardown ("Cannot use uninitialized
Proxy"), and left the worker's connection for the collector to close.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.products import list_products
from desktop_app.core.store import create_shop
from desktop_app.ui import tasks
from tests.conftest import OWNER, OWNER_PASSWORD, close_test_shop

pytestmark = pytest.mark.usefixtures("temp_settings")


def test_a_task_still_running_when_its_test_ends_finds_the_shop_open(
        qtbot: QtBot, shop_dir: Path) -> None:
    shop = create_shop(shop_dir, "Test Shop", "CNY", OWNER, OWNER_PASSWORD,
                       busy_timeout_ms=2000)
    outcome: list[object] = []
    go = threading.Event()
    tasks.run_in_background(None, lambda: go.wait(10) and list_products(shop),
                            outcome.append, outcome.append)
    threading.Timer(0.2, go.set).start()  # the query starts once the test is ending
    close_test_shop(shop)
    assert outcome == [[]]  # the products (none), not a failure
    assert tasks.call_in_worker(shop.db.is_closed)  # the worker's own connection too


def test_a_task_failing_after_its_window_closed_leaves_no_traceback_in_the_log(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    """QA: a restore closed the shop under the tabs' refreshes, and the owner's log got two
    tracebacks for reads nobody was waiting for."""
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    go = threading.Event()

    def read_after_close() -> None:
        go.wait(10)
        raise AttributeError("Cannot use uninitialized Proxy.")

    tasks.run_in_background(window, read_after_close)
    window.deleteLater()
    qtbot.wait(50)
    caplog.set_level(logging.INFO, logger="desktop_app.ui.tasks")
    go.set()
    assert tasks.wait_until_idle(10_000)
    qtbot.wait(50)
    assert any("after its window closed" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and r.exc_info]
