"""Tables of plain rows: a model fed whole lists by ``set_rows()`` (or a page more by
``append_rows()``), and the look they share.

Each model is fed core's frozen dataclasses, built on the worker thread, so it can be tested
without a widget and never touches the database. Sorting goes through ``SORT_ROLE``: numbers
sort as numbers, "unlimited" after every count. QSortFilterProxyModel compares QVariants, which
order neither tuples nor an int beside a long long (a Python int beyond 32 bits): every int
key is handed over as a float, and a key of two parts is made one number by ``ranked``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from desktop_app.ui.widgets import mono_font

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
MUTED = QColor("#8a8a8a")

ModelIndex = QModelIndex | QPersistentModelIndex

RowT = TypeVar("RowT")


# Within a group of ``ranked``: cents up to 10**12, seconds since 1970, counts.
GROUP_SPAN = 1e13


def ranked(group: int, number: float) -> float:
    """A sort key that orders by ``group`` first, then by ``number`` (0 ≤ number < 10**13)."""
    return group * GROUP_SPAN + number


def sort_value(key: Any) -> Any:
    """``key`` as a QVariant the proxy can compare with its neighbours' (see above)."""
    return float(key) if isinstance(key, int) and not isinstance(key, bool) else key


@dataclass(frozen=True)
class Column(Generic[RowT]):
    title: str
    text: Callable[[RowT], str]
    sort: Callable[[RowT], Any] | None = None  # defaults to the text, case-folded
    align: Qt.AlignmentFlag = LEFT
    color: Callable[[RowT], str | None] | None = None
    mono: bool = False
    tooltip: Callable[[RowT], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one dataclass, one ``Column`` each; read-only, replaced as a whole or added to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._columns: list[Column[RowT]] = self.columns()

    def columns(self) -> list[Column[RowT]]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[RowT]) -> None:
        """More rows at the end (the next page of a long list), the rows above untouched."""
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, key: Callable[[RowT], bool]) -> int:
        return next((i for i, row in enumerate(self._rows) if key(row)), -1)

    def muted(self, row: RowT) -> bool:
        return False

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return sort_value(column.sort(row)) if column.sort else column.text(row).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and column.mono:
            return mono_font()
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def _foreground(self, row: RowT, column: Column[RowT]) -> QBrush | None:
        color = column.color(row) if column.color else None
        if color:
            return QBrush(QColor(color))
        return QBrush(MUTED) if self.muted(row) else None


def setup_table(view: QTableView, stretch_column: int) -> None:
    """The look every list here shares: whole rows, alternating colours, one stretching column."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Read-only rows: Up/Down move the row; Tab leaves for the buttons below instead of
    # walking every cell first.
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(max(30, view.fontMetrics().height() + 14))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(LEFT)


# A column is fitted to the rows in view and this many more at most: Qt's own bound, 1,000,
# asked every cell of a report of three years' days in Python, a frozen window of 1-2.6 s
# (QA s20a F2). A list longer than this that needs its longest cell widens to it itself.
FIT_SAMPLE_ROWS = 50
FIT_MARGIN = 10  # beside a cell's own width


def fit_columns(view: QTableView, skip: int, minimum: int = 40, maximum: int = 260,
                wider: dict[int, int] | None = None) -> None:
    """Columns as wide as their contents (within limits, ``wider`` a column's own maximum),
    but for the stretching one, whose cells are not even asked for (an audit page's details,
    each read from its JSON: QA s14a F12); on a sample of the rows (``FIT_SAMPLE_ROWS``)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    for column in range(view.model().columnCount() if view.model() else 0):
        if column != skip:
            view.resizeColumnToContents(column)
            # The header's own hint counts its text and, when sorted, the arrow.
            width = max(view.columnWidth(column) + FIT_MARGIN, header.sectionSizeHint(column))
            most = (wider or {}).get(column, maximum)
            view.setColumnWidth(column, max(minimum, min(most, width)))


def fit_stretching(view: QTableView, stretch: int) -> None:
    """``fit_columns`` with ``stretch`` the one column to take the room left, for a view shown
    with another model than before (QA s20b F7: the drill-down's stretching column, a figure
    of the gift cards', pushed the others to the right edge)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fit_columns(view, skip=stretch)


class EmptyState(QObject):
    """A centred hint over an empty table's viewport: "no products yet", "nothing matches"."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.label = QLabel(view.viewport())
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        self.label.setPalette(palette)
        self.label.hide()
        view.viewport().installEventFilter(self)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        area = self.view.viewport().rect().adjusted(24, 24, -24, -24)
        self.label.setGeometry(area)


def selected_row(view: QTableView) -> Any:
    """The row object of the selected line of ``view`` (through its proxy), or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def select_where(view: QTableView, test: Callable[[Any], bool]) -> bool:
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if test(index.data(ROW_ROLE)):
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False
