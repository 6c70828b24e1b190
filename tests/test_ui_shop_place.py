"""Where the shop is, said where a person looks: the login screen and About name the server
of a shop kept on one (never a password); Help opens the folder of the real log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from desktop_app.core import dialect
from desktop_app.core.store import Shop
from desktop_app.logs import log_file, setup_logging
from desktop_app.ui.about import about_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.login_dialog import LoginDialog

pytestmark = pytest.mark.usefixtures("temp_settings")

URL = "postgresql://counter@db.example:5433/corner_shop?sslmode=require"


@pytest.fixture
def logging_to(tmp_path: Path) -> Iterator[Path]:
    """The app's own log file in a temporary folder, as ``run_gui`` sets it up."""
    path = setup_logging(tmp_path / "pc")
    assert path is not None
    yield path
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_voucher_shop", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def label_texts(dialog: LoginDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_the_login_of_a_server_shop_names_the_server(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = LoginDialog(tmp_path / "pc", database_url=URL)
    qtbot.addWidget(dialog)
    texts = label_texts(dialog)
    assert any("db.example:5433/corner_shop" in text for text in texts), texts
    assert not any("Shop folder" in text or str(tmp_path) in text for text in texts)


def test_the_login_of_a_shop_on_this_pc_names_its_folder(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = LoginDialog(tmp_path / "pc")
    qtbot.addWidget(dialog)
    assert any(text.startswith("Shop folder:") for text in label_texts(dialog))


def test_about_says_where_the_shop_is_kept(tmp_path: Path) -> None:
    on_server = about_text(tmp_path / "pc", URL)
    assert "db.example:5433/corner_shop" in on_server
    assert "on this computer" not in on_server
    on_this_pc = about_text(tmp_path / "pc")
    assert "encrypted database on this computer" in on_this_pc
    assert str(tmp_path / "pc") in on_this_pc


def test_help_opens_the_real_log_folder_and_about_names_the_log_file(
        qtbot: QtBot, shop: Shop, logging_to: Path) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    assert log_file() == logging_to
    assert window.log_folder_action.isEnabled()
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu) and window.log_folder_action in help_menu.actions()
    assert str(logging_to) in window.about_text()


def test_about_reads_in_chinese(qapp: object, tmp_path: Path) -> None:
    """Its strings went through a helper lupdate cannot see, so none was ever translated."""
    from desktop_app.i18n import install_translator, remove_translators

    try:
        install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
        text = about_text(tmp_path) + about_text(None, URL)
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
    assert "出售卡券" in text and "本机的加密数据库" in text and "店铺服务器" in text
    assert "The shop is kept" not in text and "Log file" not in text


@pytest.mark.parametrize("shop", ["server", "file"], indirect=True)
def test_a_server_shop_offers_no_file_backups(qtbot: QtBot, shop: Shop) -> None:
    """QA: Back up now, Restore and Backup settings were offered on a server shop, then
    refused, or saved settings whose automatic backup failed every day."""
    window = MainWindow(shop)
    qtbot.addWidget(window)
    actions = (window.backup_action, window.restore_action, window.backup_settings_action)
    on_server = dialect.is_server(shop.db)
    assert [a.isEnabled() for a in actions] == [not on_server] * 3
    assert all(("pg_dump" in a.toolTip()) == on_server for a in actions)
    # QA s10b F7: the status bar said "Last automatic backup: never", in orange, for good
    qtbot.waitUntil(lambda: not window.backup_label.text().endswith("…"), timeout=15_000)
    label = window.backup_label
    assert (label.text() == "Backups: not made by this app (pg_dump)") == on_server
    assert ("pg_dump" in label.toolTip()) == on_server
    assert (label.styleSheet() == "") == on_server  # a file shop never backed up: warned
    tab = window.redemption_tab()
    if tab is not None:
        tab.shutdown()  # its watch on the server stops before the window goes
