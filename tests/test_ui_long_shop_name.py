"""A shop's name as long as allowed (100 characters, ``shop_settings.MAX_NAME``), with no
space to break at, Latin or Chinese, fits a 1024-wide screen: the main window's header and
status bar end it in "…" and keep it whole in the tooltip (QA s12e F8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD, close_test_shop
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.shop_settings import MAX_NAME
from desktop_app.core.store import create_shop
from desktop_app.ui.elided_label import ElidedLabel
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("temp_settings")
SCREEN_WIDTH = 1024
NAMES = {"latin": ("QA_ack_zh_long_Shop_Data_Folder_" * 4)[:MAX_NAME],
         "chinese": ("本店专营洗车美容保养打蜡镀晶" * 8)[:MAX_NAME]}


def _right_edge(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_the_longest_name_leaves_the_window_within_a_1024_wide_screen(
        qtbot: QtBot, tmp_path: Path, kind: str) -> None:
    name = NAMES[kind]
    assert len(name) == MAX_NAME
    shop = create_shop(tmp_path / "shop", name, "CNY", OWNER, OWNER_PASSWORD)
    try:
        window = MainWindow(shop)
        qtbot.addWidget(window)
        window.resize(SCREEN_WIDTH, 740)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()

        assert window.minimumSizeHint().width() <= SCREEN_WIDTH
        assert window.width() <= SCREEN_WIDTH
        for label in (window.header.title, window.shop_label):
            assert isinstance(label, ElidedLabel)
            assert label.text().endswith("…") and label.text() != label.full_text()
            assert name in label.toolTip()  # the whole name, a hover away
            assert _right_edge(label, window) <= window.width()
        assert window.header.title.toolTip() == name
        # what the name pushed off the screen: the Lock button, the status bar's right end
        assert _right_edge(window.lock_button, window) <= window.width()
        assert _right_edge(window.station_label, window) <= window.width()
        window.close()
    finally:
        close_test_shop(shop)


def test_a_short_name_is_shown_whole(qtbot: QtBot, shop_dir: Path) -> None:
    shop = create_shop(shop_dir, "Corner Wash 街角洗车", "CNY", OWNER, OWNER_PASSWORD)
    try:
        window = MainWindow(shop)
        qtbot.addWidget(window)
        window.resize(SCREEN_WIDTH, 740)
        window.show()
        qtbot.waitExposed(window)
        assert window.header.title.text() == "Corner Wash 街角洗车"
        assert window.shop_label.text() == "Shop: Corner Wash 街角洗车"
        window.close()
    finally:
        close_test_shop(shop)
