"""``fit_columns`` sizes every column but the stretching one, without asking that one's cells:
an audit page's details are each read from their JSON (QA s14a F12)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from desktop_app.ui.tables import Column, RowTableModel, fit_columns

STRETCH = 1


class CountingModel(RowTableModel[str]):
    """Rows of words; counts the stretching column's cells asked for."""

    asked = 0

    def columns(self) -> list[Column[str]]:
        return [Column("Word", lambda r: r), Column("Detail", lambda r: r * 20),
                Column("Length", lambda r: str(len(r)))]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.column() == STRETCH:
            self.asked += 1
        return super().data(index, role)


def test_the_stretching_column_is_not_measured(qtbot: QtBot, qapp: QApplication) -> None:
    model = CountingModel()
    model.set_rows([f"word{i}" for i in range(300)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    model.asked = 0
    fit_columns(view, STRETCH)
    assert model.asked == 0
    widest = view.fontMetrics().horizontalAdvance("word299")
    assert view.columnWidth(0) >= widest  # the others still fit their text
