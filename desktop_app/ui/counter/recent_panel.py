"""The station's recent redemptions, under the verdict, and an owner's inline undo.

After a scan the tab hands the rows the counter returned with its verdict (``set_rows``), so
nothing goes back to the database for them; ``refresh`` reads them when nothing was scanned
(the tab opening, the server back, the shop found put back to an older copy). Once the shop
is held for that rollback, rows shown before that the records no longer have stay in the
list, marked (QA s13b N2): the cashier saw them happen, the owner compares them. Undo runs
on the shop's worker like a scan, and the list comes back with its result. The words keep
the tab's translation context: they were its own.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import dialect, live_server
from desktop_app.core.counter import Counter, UndoResult
from desktop_app.core.counter_recent import FAILED, RecentAttempt
from desktop_app.core.errors import ServerUnreachable, ShopError
from desktop_app.messages import error_message, unexpected_error_message
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import CODE, PRODUCT, RESULT, TIME, RecentModel
from desktop_app.ui.counter.redemption_panels import UndoPanel
from desktop_app.ui.display import failure_text, money
from desktop_app.ui.widgets import MessageLabel, scaled_font

log = logging.getLogger(__name__)
RETRY_MS = 1000  # a failed read of the list is tried once more after this
ROWS_ASKED = 2  # the rows the list asks room for; it takes whatever more there is
# The narrowest a column is drawn, empty or not: no squeezed columns that jump at the first row.
WIDEST_TEXTS = {TIME: "00:00:00", CODE: "XXXX-XXXX-XXXX-XXXXX"}
CELL_PADDING = 12
FAILED_KEPT = 20  # failed scans listed; the oldest go first


def rows_lost(shown: list[RecentAttempt], read: list[RecentAttempt],
              limit: int) -> list[RecentAttempt]:
    """The rows ``shown`` that the list just ``read`` lacks although they are newer than its
    oldest row (or it is not full): the records no longer have them. Matched by id, time
    and code, since an older copy hands the lost ids out again."""
    kept = {(row.attempt_id, row.at, row.code) for row in read}
    oldest = min((row.at for row in read), default=None)
    return [row for row in shown if (row.attempt_id, row.at, row.code) not in kept
            and (len(read) < limit or oldest is None or row.at >= oldest)]


class _ListView(QTableView):
    """Asks for a few rows only, so a panel opened above it (a look-up's history) takes
    room from the list's surplus instead of pushing it below the fold of a small screen."""

    def sizeHint(self) -> QSize:
        height = (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                  + ROWS_ASKED * self.verticalHeader().defaultSectionSize())
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def sizeHintForColumn(self, column: int) -> int:
        sample = WIDEST_TEXTS.get(column, "")
        floor = self.fontMetrics().horizontalAdvance(sample) + CELL_PADDING if sample else 0
        if column == RESULT:  # the widest result whole, with room to spare (QA s20c F11)
            floor = self._widest_result() + CELL_PADDING
        return max(super().sizeHintForColumn(column), floor)

    def _widest_result(self) -> int:
        """The widest result as drawn (a redeemed row's is bold). The delegate's own hint
        left a Chinese failure touching the column's edge, while Product stretched empty."""
        model = self.model()
        widest = 0
        for row in range(model.rowCount()):
            index = model.index(row, RESULT)
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font) if isinstance(font, QFont) else self.fontMetrics()
            widest = max(widest, metrics.horizontalAdvance(str(index.data() or "")))
        return widest


class RecentPanel(QWidget):
    """``changed`` after each new list; ``undone`` after an undo went through; ``undo_opened``
    when the undo question opens (True) or closes."""

    changed = Signal()
    undone = Signal(object)  # UndoResult
    undo_opened = Signal(bool)

    def __init__(self, counter: Counter, is_owner: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.is_owner = is_owner
        self.may_retry = True  # a failed read is tried once more before it is said
        # Scans whose check failed before anything was recorded (no attempt row to read):
        # this counter's own, kept in memory while the tab lives (QA s19a F11).
        self.failed: list[RecentAttempt] = []
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self.title, 1.05, bold=True))
        self.show_station()
        self.model = RecentModel(counter.shop.currency, self)
        self.model.on_server = dialect.is_server(counter.shop.db)
        self.view = self._build_table()
        self.undo_button = QPushButton(
            QCoreApplication.translate("RedemptionTab", "Undo redemption…"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.ask_undo)
        self.undo_button.setVisible(is_owner)
        self.undo_panel = UndoPanel(counter.shop.currency, self)
        self.undo_panel.confirmed.connect(self._undo)
        self.undo_panel.setVisible(False)
        # The panel takes the button's place: no growing window while it asks.
        self.undo_panel.opened.connect(lambda opened: self.undo_button.setHidden(opened))
        self.undo_panel.opened.connect(self.undo_opened)
        self.message = MessageLabel(self)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addStretch(0)
        footer.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.view, 1)
        column.addWidget(self.undo_panel)
        column.addLayout(footer)

    def _build_table(self) -> QTableView:
        view = _ListView(self)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        # Compact rows: at 1024x768 the list shows eight or more of the station's last scans.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        view.selectionModel().selectionChanged.connect(self._update_undo_button)
        self.model.modelReset.connect(self._update_undo_button)
        if self.is_owner:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._table_menu)
        return view

    def show_station(self) -> None:
        """The heading names the station the counter records now (renamed in Settings)."""
        self.title.setText((
            QCoreApplication.translate("RedemptionTab", "Recent at this station ({station})")
            if self.is_owner else QCoreApplication.translate(
                "RedemptionTab", "Your recent redemptions at this station ({station})")
        ).format(station=self.counter.station))

    # -- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        tasks.run_in_background(self, self.counter.recent, on_success=self.set_rows,
                                on_failure=self._refresh_failed)

    def set_rows(self, rows: list[RecentAttempt]) -> None:
        """Rows just read (a refresh, a scan's or an undo's): an earlier failure to read them
        (the server gone) is over."""
        self.message.clear()
        self.may_retry = True
        shown, gone = rows, []
        if live_server.ROLLED_BACK in self.counter.shop.integrity_problems:
            recorded = [row for row in self.model.rows() if row.reason != FAILED]
            gone = rows_lost(recorded, rows, self.counter.recent_limit)
            shown = [*rows, *gone]
        if gone or self.failed:
            shown = sorted([*shown, *self.failed], key=lambda row: (row.at, row.attempt_id),
                           reverse=True)
        self.model.set_rows(shown, gone)
        self.changed.emit()

    def add_failed(self, row: RecentAttempt) -> None:
        """A scan whose check failed: listed at once, without reading the records (the shop
        file may still be held), and with every list read after it."""
        self.failed = [row, *self.failed][:FAILED_KEPT]
        recorded = [shown for shown in self.model.rows() if shown.reason != FAILED]
        gone = [shown for shown in recorded if self.model.is_gone(shown)]
        self.model.set_rows(sorted([*recorded, *self.failed],
                                   key=lambda shown: (shown.at, shown.attempt_id), reverse=True),
                            gone)
        self.changed.emit()

    def _refresh_failed(self, exc: Exception) -> None:
        log.warning("reading the recent redemptions failed: %r", exc)
        if isinstance(exc, ServerUnreachable) and self.may_retry:
            # The first read after the server is back can go to the connection it broke,
            # which is then dropped: the next one reconnects. Said only if that fails too.
            self.may_retry = False
            QTimer.singleShot(RETRY_MS, self.refresh)
            return
        if isinstance(exc, ServerUnreachable):
            # Said of the list alone: "nothing was changed" under a "Not certain" verdict read
            # as the scan not having gone through (QA s43b F7).
            text = self.tr("This station's list cannot be read now: the shop's server is not "
                           "answering.")
        else:
            text = error_message(exc) if isinstance(exc, ShopError) else unexpected_error_message()
        self.message.show_error(text)

    def selected_row(self) -> RecentAttempt | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def select_attempt(self, attempt_id: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.attempt_id == attempt_id:
                self.view.selectRow(number)
                return True
        return False

    # -- undo -------------------------------------------------------------------------------

    def can_undo(self, row: RecentAttempt | None) -> bool:
        return row is not None and row.ok and not row.undone and not self.model.is_gone(row)

    def _update_undo_button(self) -> None:
        self.undo_button.setEnabled(self.is_owner and self.can_undo(self.selected_row()))

    def _table_menu(self, position: QPoint) -> None:
        row = self.model.row_at(self.view.indexAt(position))
        if not self.can_undo(row):
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(QCoreApplication.translate("RedemptionTab", "Undo redemption…"),
                       self.ask_undo)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def ask_undo(self) -> None:
        """Opens the inline undo panel for the selected redemption (owners only)."""
        row = self.selected_row()
        if not self.is_owner or row is None or not self.can_undo(row):
            return
        self.message.clear()
        self.undo_panel.ask(row)

    def _undo(self, attempt_id: int, note: str) -> None:
        counter, row = self.counter, self.undo_panel.row
        ids = (attempt_id, *(row.also if row is not None else ()))  # every use of the scan
        self.undo_panel.set_busy(True)
        tasks.run_in_background(self, lambda: [counter.undo(i, note) for i in ids][-1],
                                on_success=self._undone, on_failure=self._undo_failed)

    def _undone(self, result: UndoResult) -> None:
        undone = self.undo_panel.row  # the panel holds it, busy, until finished here
        spent = undone.spent_cents if undone is not None else None
        self.undo_panel.finish()
        self.set_rows(result.recent)
        if result.balance is not None and spent is not None:
            text = QCoreApplication.translate(
                "RedemptionTab", "Undone: {amount} is back on the card (balance {balance}).")
            currency = self.counter.shop.currency
            text = text.format(amount=money(spent, currency),
                               balance=money(result.balance, currency))
        elif undone is not None and undone.uses > 1:
            text = QCoreApplication.translate(
                "RedemptionTab", "Undone: {uses} uses were given back ({left} left now)."
            ).format(uses=undone.uses, left=result.uses_left)
        else:
            text = QCoreApplication.translate(
                "RedemptionTab", "Undone: the use was given back ({left} left now).").format(
                    left=result.uses_left)
        self.message.show_info(text)
        self.undone.emit(result)

    def _undo_failed(self, exc: Exception) -> None:
        row = self.undo_panel.row
        self.undo_panel.set_busy(False)
        self.undo_panel.message.show_error(failure_text(exc))  # an unexpected one is logged
        several = row is not None and row.uses > 1  # some of its uses may be back already
        if isinstance(exc, ServerUnreachable) or several:  # the list shows what is so now
            self.refresh()
