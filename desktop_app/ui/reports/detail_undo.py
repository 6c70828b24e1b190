"""An owner's undo of a redemption drilled into on the Reports tab: a clerk's mistaken scan at
another counter is undone from the office PC (QA s16a F6), recorded with this PC's station,
with a reason, like the counter's own undo (one core function: redemption.undo_redemption)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop_app.core import redemption
from desktop_app.core.counter_recent import RecentAttempt
from desktop_app.core.report_redemptions import RedemptionDetail
from desktop_app.core.store import Shop
from desktop_app.ui.counter.redemption_panels import UndoPanel
from desktop_app.ui.display import failure_text, money
from desktop_app.ui.reports.report_models import DetailTableModel
from desktop_app.ui.settings import station_name
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MessageLabel


def can_undo(detail: RedemptionDetail | None) -> bool:
    return detail is not None and detail.ok and not detail.undone and detail.attempt_id > 0


def as_recent(detail: RedemptionDetail) -> RecentAttempt:
    """The drilled row as the undo question names it (the counter's own panel asks)."""
    return RecentAttempt(attempt_id=detail.attempt_id, at=detail.at, code=detail.code,
                         product=detail.product, reason=detail.reason, ok=detail.ok,
                         operator=detail.operator, station=detail.station,
                         spent_cents=detail.amount_cents)


class DetailUndo(QWidget):
    """Under the drilled attempts: Undo redemption… for the selected one, its reason asked
    inline. ``undone`` after an undo went through (the tab reads the report again)."""

    undone = Signal()

    def __init__(self, shop: Shop, table: QTableView, model: DetailTableModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.table, self.model = shop, table, model
        self._watched: QItemSelectionModel | None = None
        self.message = MessageLabel(self)
        self.button = QPushButton(self.tr("Undo redemption…"), self)
        self.button.setEnabled(False)
        self.button.clicked.connect(self.ask)
        self.panel = UndoPanel(shop.currency, self)
        self.panel.setVisible(False)
        self.panel.confirmed.connect(self._undo)
        self.panel.opened.connect(lambda opened: self.button.setHidden(opened))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.panel)
        model.modelReset.connect(self.update_button)

    def follow(self) -> None:
        """The table shows the attempts again (its selection model is new after another
        model was shown in it): the button follows the selection from now on."""
        selection = self.table.selectionModel()
        if selection is not self._watched:
            selection.selectionChanged.connect(self.update_button)
            self._watched = selection
        self.update_button()

    def selected(self) -> RedemptionDetail | None:
        if self.table.model() is not self.model:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def update_button(self) -> None:
        self.button.setEnabled(can_undo(self.selected()) and not self.panel.isVisible())

    def ask(self) -> None:
        detail = self.selected()
        if can_undo(detail):
            assert detail is not None
            self.message.clear()
            self.panel.ask(as_recent(detail))

    def _undo(self, attempt_id: int, note: str) -> None:
        shop, station = self.shop, station_name()
        self.panel.set_busy(True)
        run_in_background(
            self, lambda: redemption.undo_redemption(shop, attempt_id, note, station),
            on_success=lambda undo: self._undone(undo.uses_left_after),
            on_failure=self._failed)

    def _undone(self, uses_left: int | None) -> None:
        row = self.panel.row
        self.panel.finish()
        if row is not None and row.spent_cents is not None:
            text = self.tr("Undone: {amount} is back on {code}.").format(
                amount=money(row.spent_cents, self.shop.currency), code=row.code)
        else:
            text = self.tr("Undone: the use was given back to {code} ({left} left now).").format(
                code=row.code if row else "", left=uses_left)
        self.message.show_info(text)
        self.undone.emit()

    def _failed(self, exc: Exception) -> None:
        self.panel.set_busy(False)
        self.panel.message.show_error(failure_text(exc))  # an unexpected one is logged there
