"""QA s20a F2: showing a by-day report of three years (1,097 rows) froze the window 1.1-2.6 s:
fitting the columns asked Qt's default 1,000 rows of every column for their text, in Python.
The columns are fitted on the rows in view and a bounded sample; each column still widens to
its longest value, wherever its row is."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.report_tables import REDEMPTION_COLUMNS, Column
from desktop_app.ui.reports.report_layout import ReportTable
from desktop_app.ui.reports.report_models import ReportTableModel
from desktop_app.ui.tables import FIT_SAMPLE_ROWS

DAYS = 3 * 365 + 2  # three years of days, the QA's shop
BUSIEST = 1_050  # a day past Qt's own 1,000 rows, far below the rows in view
COLUMNS = (Column("group", "date"), *REDEMPTION_COLUMNS[1:])


class CountedModel(ReportTableModel):
    """The report's own model, counting the texts the view asks it for."""

    asked = 0

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked += 1
        return super().data(index, role)


def day_rows(days: int) -> list[dict[str, Any]]:
    first = dt.date(2023, 12, 2)
    rows = [{column.key: (i % 40 if column.kind == "int" else 0) for column in COLUMNS}
            | {"group": first + dt.timedelta(days=i)} for i in range(days)]
    rows[BUSIEST] |= {"redeemed": 123_456_789, "net": 123_456_789, "card_spent": 9_876_543_210}
    return rows


@pytest.fixture
def table(qtbot: QtBot) -> ReportTable:
    view = ReportTable()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(table: ReportTable, days: int) -> CountedModel:
    model = CountedModel(table)
    model.set_columns(COLUMNS, "CNY", "day")
    model.set_rows(day_rows(days))
    table.setModel(model)
    model.asked = 0
    table.fit()
    return model


def test_fitting_a_long_report_asks_a_bounded_sample_of_rows(table: ReportTable) -> None:
    model = shown(table, DAYS)
    cells = len(COLUMNS) * (FIT_SAMPLE_ROWS + 1)  # the sample and each column's longest
    assert model.asked <= 2 * cells, f"{model.asked} texts asked for {DAYS} rows"
    assert table.horizontalHeader().resizeContentsPrecision() == FIT_SAMPLE_ROWS


def test_every_column_fits_its_longest_value_far_down_the_rows(table: ReportTable) -> None:
    model = shown(table, DAYS)
    for column in range(1, len(COLUMNS)):
        needed = table.sizeHintForIndex(model.index(BUSIEST, column)).width()
        assert table.columnWidth(column) > needed, COLUMNS[column].key
