"""How the Reports tab shares its room: a table whose label column is never squeezed, and the
chart beside it only when both fit, below it otherwise (a 1024-wide screen, long headers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget

from desktop_app.ui.reports.report_models import ReportTableModel
from desktop_app.ui.tables import FIT_MARGIN, fit_columns, setup_table

LABEL_COLUMN = 0
CHART_MIN_WIDTH = 360  # narrower than this, the day labels under the bars run together
LABEL_MAX_WIDTH = 320
TABLE_ROWS = 6  # the rows a table under its chart keeps before the chart gets any height


class ReportTable(QTableView):
    """A report's rows: every column as wide as its contents; the label column (the first)
    also takes whatever room is left, but never less than its contents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label_width = 0

    def fit(self) -> None:
        """Size the columns to the rows shown; call after the model's columns or rows change."""
        setup_table(self, LABEL_COLUMN)
        header = self.horizontalHeader()
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Interactive)
        fit_columns(self, skip=-1, maximum=LABEL_MAX_WIDTH)
        self._fit_widest()
        self._label_width = self.columnWidth(LABEL_COLUMN) if header.count() else 0
        self._spread()

    def _fit_widest(self) -> None:
        """Each column wide enough for its longest value too, wherever its row: the columns
        were fitted on a sample of the rows (a report of three years' days, QA s20a F2)."""
        model = self.model()
        if not isinstance(model, ReportTableModel):
            return
        for column, row in model.widest_rows().items():
            needed = self.sizeHintForIndex(model.index(row, column)).width() + FIT_MARGIN
            if needed > self.columnWidth(column):
                self.setColumnWidth(column, min(LABEL_MAX_WIDTH, needed))

    def needed_width(self) -> int:
        """The width that shows every column whole, frame and vertical scroll bar included."""
        header = self.horizontalHeader()
        columns = sum(header.sectionSize(i) for i in range(header.count()) if i != LABEL_COLUMN)
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return columns + self._label_width + 2 * self.frameWidth() + scroll_bar

    def rows_height(self, rows: int) -> int:
        """The height that shows the header and ``rows`` rows (fewer if it has fewer)."""
        shown = min(rows, self.model().rowCount()) if self.model() is not None else 0
        row = self.verticalHeader().defaultSectionSize()
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        return (self.horizontalHeader().height() + max(shown, 1) * row + scroll_bar
                + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._spread()

    def _spread(self) -> None:
        header = self.horizontalHeader()
        if header.count() == 0:
            return
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != LABEL_COLUMN)
        room = self.viewport().width() - others
        self.setColumnWidth(LABEL_COLUMN, max(self._label_width, room))


class TableAndChart(QSplitter):
    """The table and the chart: side by side when the table's columns and a readable chart
    both fit the width, else the chart under the table."""

    def __init__(self, table: ReportTable, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.table, self.chart = table, chart
        self.addWidget(table)
        self.addWidget(chart)
        self.setChildrenCollapsible(False)

    def side_by_side_fits(self, width: int) -> bool:
        return width >= self.table.needed_width() + self.handleWidth() + CHART_MIN_WIDTH

    def arrange(self) -> None:
        """Choose the orientation for the present width and share the room; call when the
        width or the table's columns change."""
        width = self.width()
        if self.side_by_side_fits(width):
            self.setOrientation(Qt.Orientation.Horizontal)
            table = max(self.table.needed_width(), width * 11 // 20)
            self.setSizes([table, max(CHART_MIN_WIDTH, width - table)])
            self.chart.setMinimumHeight(0)  # its own readable least height again
            self.chart.setVisible(True)
        else:
            self._stack()

    def _stack(self) -> None:
        """The chart under the table. The table's rows come first (a 1366x768 screen at
        150 % showed one row under a chart taking the rest: QA s17b F6); the chart has what
        is left, and goes when that is too little to read. Its least height counts for
        nothing here, so a short window is never made taller by it."""
        self.setOrientation(Qt.Orientation.Vertical)
        self.chart.setMinimumHeight(1)
        height = self.height() - self.handleWidth()
        table = max(min(self.table.rows_height(TABLE_ROWS), height), height // 2)
        readable = self.chart.minimumSizeHint().height()
        self.chart.setVisible(height - table >= readable)
        if height - table < readable:
            table = height
        self.setSizes([table, height - table])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.arrange()
        elif self.orientation() == Qt.Orientation.Vertical:
            self._stack()
