"""The main window at 1024 px with both warnings in its status bar, and the counter's list
with a failed scan (QA s20c F11): the warnings keep their room before the shop's name, a
warning cut short ends in "…" with the whole line in its tooltip, and the Result column is
as wide as its text needs while Product stretches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import server_clock
from desktop_app.core.counter_recent import FAILED, RecentAttempt
from desktop_app.core.dates import utc_now
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.recent_panel import CELL_PADDING
from desktop_app.ui.counter.redemption_models import RESULT
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("temp_settings")


@pytest.fixture
def clock_ahead() -> Iterator[None]:
    yield
    server_clock.use_this_pc()


def _right_edge(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


def open_window(qtbot: QtBot, shop: Shop, width: int, height: int) -> MainWindow:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    assert tasks.wait_until_idle(15_000)
    return window


@pytest.mark.usefixtures("clock_ahead")
def test_the_warnings_keep_their_room_before_the_shop_name(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop, 1024, 740)
    server_clock.follow(dt.timedelta(minutes=-10))  # this PC 10 minutes ahead of a server
    window.server_status.show_reachable(False)
    window.clock_status.show_offset()
    QApplication.processEvents()
    server, clock = window.server_status, window.clock_status
    assert clock.isVisible() and "10 minutes ahead" in clock.text()
    assert server.width() >= server.sizeHint().width()  # the server's line whole
    assert window.shop_label.text().endswith("…")  # the shop's name gave way first
    assert shop.name in window.shop_label.toolTip()
    # The clock's line, too long for what is left, ends in "…" and is whole in its tooltip
    # (it was cut mid-word, the rest nowhere).
    line = clock.text().removeprefix("⚠ ")
    assert clock.shown_text().endswith("…") and line in clock.toolTip()
    assert "server's time" in clock.toolTip()  # what to do, still there
    assert _right_edge(window.station_label, window) <= window.width()
    window.resize(1920, 1040)
    QApplication.processEvents()
    assert clock.shown_text() == clock.text()  # room enough: everything whole
    assert window.shop_label.text() == window.shop_label.full_text()


def test_the_result_column_takes_the_room_its_text_needs(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop, 1920, 1040)
    tab = window.redemption_tab()
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    failure = "无法连接店铺的服务器"  # no product: the row's Product cell is empty
    tab.recent.add_failed(RecentAttempt(
        attempt_id=0, at=utc_now(), code="ABCD-EFGH-JKMN-PQRST", product="", reason=FAILED,
        ok=False, operator=shop.operator.name, station="Counter 1", note="", failure=failure))
    QApplication.processEvents()
    view = tab.recent.view
    index = view.model().index(0, RESULT)
    text = index.data()
    assert failure in text
    assert view.columnWidth(RESULT) >= view.fontMetrics().horizontalAdvance(text) + CELL_PADDING
    # a narrow window may end it in "…": the whole result is a hover away
    assert index.data(Qt.ItemDataRole.ToolTipRole) == text
