"""Back up now on a shop of a few years takes seconds (QA s14a F6): while it is written on the
worker thread, the status bar says so with its progress, and Back up now cannot start a
second one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_backup_streaming import stocked

from desktop_app.core import backup, backup_format, products, stock_alerts
from desktop_app.core.dates import utc_now
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("temp_settings")


def open_window(qtbot: QtBot, shop: Shop) -> MainWindow:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)


def test_a_backup_being_written_is_shown_and_not_started_twice(
        qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_format, "CHUNK", 4096)  # many chunks: the progress moves
    stocked(shop, 1000)
    window = open_window(qtbot, shop)
    wait_idle(qtbot)
    controller = window.backups
    assert controller is not None and not controller.busy_line.isVisible()
    assert window.backup_action.isEnabled()
    seen: list[int] = []
    controller.busy_line.bar.valueChanged.connect(seen.append)
    out, second = tmp_path / "shop.vsbackup", tmp_path / "second.vsbackup"
    controller.write_to(out)
    line = controller.busy_line
    assert line.isVisible() and line.text.text() == "Writing the backup…"
    assert f"Writing the backup to {out}" in line.toolTip()
    assert not window.backup_action.isEnabled()
    assert tasks.busy()  # on the worker thread, not on this one
    controller.write_to(second)  # a second click while it is written: nothing
    controller.back_up_now()
    assert controller.file_dialog is None
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=30_000)
    box = window.notice_box
    assert box is not None and f"Backup written to {out}" in box.text()
    assert not line.isVisible() and window.backup_action.isEnabled()
    assert seen[-1] == 100 and len(seen) > 10 and seen == sorted(seen)
    assert backup.read_backup(out).shop_id == shop.shop_id and not second.exists()
    box.close()


def test_a_failed_backup_ends_the_busy_line_too(qtbot: QtBot, shop: Shop,
                                                tmp_path: Path) -> None:
    window = open_window(qtbot, shop)
    wait_idle(qtbot)
    controller = window.backups
    assert controller is not None
    controller.write_to(tmp_path / "not-there" / "shop.vsbackup")  # a USB stick pulled out
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=30_000)
    box = window.notice_box
    assert box is not None
    assert f"The folder {tmp_path / 'not-there'} does not exist" in box.text()
    assert not controller.busy_line.isVisible() and window.backup_action.isEnabled()
    assert controller.writing is None
    box.close()


def test_the_progress_line_leaves_the_status_bar_whole_at_1024(
        qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s14b N3: the line with its file name squeezed the shop's name to "Shop: Be…"."""
    monkeypatch.setattr(backup_format, "CHUNK", 4096)
    game = stocked(shop, 1000)
    for number in range(7):  # a low-stock line as long as a shop's can be
        low = products.add_product(shop, f"Gift box, large size {number}", "5.00", "cardkey")
        stock_alerts.set_low_stock_threshold(shop, low.id, 5)
    stock_alerts.set_low_stock_threshold(shop, game, 5000)
    window = open_window(qtbot, shop)
    window.resize(1024, 768)
    wait_idle(qtbot)
    assert window.stock_warning.isVisible()
    out = tmp_path / backup.backup_name(shop.shop_id, utc_now())  # as long as a name gets
    assert window.backups is not None
    window.backups.write_to(out)
    qtbot.waitUntil(window.backups.busy_line.isVisible)
    QApplication.processEvents()
    assert window.shop_label.text() == window.shop_label.full_text()
    assert window.backups.busy_line.text.text() == "Writing the backup…"  # whole
    assert str(out) in window.backups.busy_line.toolTip()  # where it goes, on pointing
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: not window.backups.busy_line.isVisible())
    assert window.stock_warning.isVisible()  # back once the backup is written
