"""Qt's own file dialog (the one Linux shows) speaks the interface's language: Qt's Chinese
catalogue lacks two of its labels, and ours fills them in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.i18n import install_translator


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptSave,
                                  QFileDialog.AcceptMode.AcceptOpen])
def test_every_label_of_the_file_dialog_is_chinese(
        qtbot: QtBot, chinese: None, mode: QFileDialog.AcceptMode) -> None:
    dialog = QFileDialog(None, "保存", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3
    english = [text for text in labels if any(c.isascii() and c.isalpha() for c in
                                              text.replace("&", "").split("(")[0])]
    assert english == []
