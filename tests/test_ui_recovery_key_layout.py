"""The recovery key is copied by hand from the first-start screen: it stays whole when a
message appears under it, and a wrong last group is told apart from Esc."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog

pytestmark = pytest.mark.usefixtures("temp_settings")

KEY = "52RK-Y15W-J7CE-RMQV-4FXY-GA7F-DKXQ"


def shown_dialog(qtbot: QtBot) -> RecoveryKeyDialog:
    dialog = RecoveryKeyDialog(KEY, "Corner Café")
    qtbot.addWidget(dialog)
    dialog.resize(560, 300)  # as small as the window manager of a 1024x768 screen allows
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def assert_whole(dialog: RecoveryKeyDialog) -> None:
    key = dialog.key_label
    assert key.height() >= key.fontMetrics().height()
    assert key.height() >= key.sizeHint().height()
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_the_key_stays_whole_after_esc(qtbot: QtBot, language: str) -> None:
    dialog = shown_dialog(qtbot)
    assert_whole(dialog)
    dialog.reject()
    assert dialog.message.isVisible()
    assert_whole(dialog)


def test_the_key_stays_whole_after_a_wrong_group(qtbot: QtBot, language: str) -> None:
    dialog = shown_dialog(qtbot)
    QTest.keyClicks(dialog.confirm, "0000")
    assert dialog.message.isVisible()
    assert_whole(dialog)


def test_a_wrong_last_group_is_named_not_taken_for_esc(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot)
    dialog.reject()
    esc_message = dialog.message.text()
    QTest.keyClicks(dialog.confirm, "0000")
    assert dialog.message.text() != esc_message
    assert "0000" in dialog.message.text() and "not the key's last group" in dialog.message.text()
    assert not dialog.continue_button.isEnabled()
    dialog.confirm.selectAll()
    QTest.keyClicks(dialog.confirm, "DKX")  # still typing: no complaint yet
    assert not dialog.message.isVisible()
    QTest.keyClicks(dialog.confirm, "Q")
    assert dialog.continue_button.isEnabled() and not dialog.message.isVisible()
