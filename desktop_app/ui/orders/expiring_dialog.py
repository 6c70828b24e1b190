"""Expiring soon (Shop → Expiring soon…, owners): whom to remind before a voucher or a gift
card with something left runs out, with a ready-made message each, and its CSV export.

The phone is masked on screen; the export, written for the owner sending the reminders,
carries it in full. The list is read and the file written on the worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import expiring
from desktop_app.core.dates import valid_until_text
from desktop_app.core.expiring import ExpiringVoucher
from desktop_app.core.store import Shop
from desktop_app.ui.display import money
from desktop_app.ui.orders import voucher_send
from desktop_app.ui.tables import (
    Column,
    EmptyState,
    RowTableModel,
    fit_columns,
    selected_row,
    setup_table,
)
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MessageLabel, fit_to_screen


def left_text(row: ExpiringVoucher, currency: str) -> str:
    if row.balance_cents is not None:
        return money(row.balance_cents, currency)
    if row.uses_left == 1:  # QA: "1 uses", in the message sent to a customer too
        return QCoreApplication.translate("ExpiringDialog", "1 use")
    return QCoreApplication.translate("ExpiringDialog", "{count} uses").format(
        count=row.uses_left)


def reminder(row: ExpiringVoucher, shop_name: str, currency: str) -> str:
    """The message to send, in the interface's language; until when the voucher works as
    its print says it (QA s20b F1: "valid until" a day it was refused on)."""
    customer = row.customer or QCoreApplication.translate("ExpiringDialog", "customer")
    return QCoreApplication.translate(
        "ExpiringDialog",
        "Hello {customer}, your {product} from {shop} ({left} left) is valid until {date}. "
        "We look forward to seeing you!").format(
        customer=customer, product=row.product, shop=shop_name,
        left=left_text(row, currency), date=valid_until_text(row.valid_until))


class ExpiringModel(RowTableModel[ExpiringVoucher]):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.currency = "CNY"
        self.shop_name = ""
        super().__init__(parent)

    def columns(self) -> list[Column[ExpiringVoucher]]:
        return [
            Column(self.tr("Valid until"), lambda r: valid_until_text(r.valid_until),
                   lambda r: r.valid_until),
            Column(self.tr("Customer"), lambda r: r.customer or "—"),
            Column(self.tr("Phone"), lambda r: r.masked_phone or "—"),
            Column(self.tr("Product"), lambda r: r.product),
            Column(self.tr("Left"), lambda r: left_text(r, self.currency)),
            Column(self.tr("Code"), lambda r: r.code, mono=True),
            Column(self.tr("Message"), lambda r: reminder(r, self.shop_name, self.currency),
                   tooltip=lambda r: reminder(r, self.shop_name, self.currency)),
        ]


class ExpiringDialog(QDialog):
    """Vouchers and gift cards expiring within the chosen days, soonest first."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Expiring soon"))
        self.days = QSpinBox(self)
        self.days.setRange(1, expiring.MAX_DAYS)
        self.days.setValue(expiring.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(self.refresh)
        # QA s10c F6: a promotion's batch vouchers, sold to nobody in particular, buried the
        # few customers who can be reminded.
        self.reachable_only = QCheckBox(self.tr("Only customers with a name or phone"), self)
        self.reachable_only.setChecked(True)
        self.reachable_only.toggled.connect(self._show_rows)
        self._loaded_rows: list[ExpiringVoucher] = []
        self.model = ExpiringModel(self)
        self.model.currency, self.model.shop_name = shop.currency, shop.name
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, 6)
        self.empty = EmptyState(self.table)
        self.summary = QLabel(self)
        self.message = MessageLabel(self)
        self.copy_button = QPushButton(self.tr("Copy message"), self)
        self.copy_button.setToolTip(self.tr("The selected customer's reminder, to paste in "
                                            "WeChat, a text message or an e-mail"))
        self.copy_button.clicked.connect(self.copy_message)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("The list with phones in full and each message"))
        self.export_button.clicked.connect(self.ask_export)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("With uses or balance left, expiring within"), self))
        top.addWidget(self.days)
        top.addWidget(self.reachable_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        fit_to_screen(self, 960, 520)
        self.refresh()

    def refresh(self) -> None:
        shop, days = self.shop, self.days.value()
        run_in_background(self, lambda: expiring.expiring_soon(shop, days), self._loaded,
                          errors=self.message)

    def _loaded(self, rows: list[ExpiringVoucher]) -> None:
        self._loaded_rows = rows
        self._show_rows()

    def _show_rows(self) -> None:
        rows = [row for row in self._loaded_rows if not self.reachable_only.isChecked()
                or expiring.reachable(row.customer, row.phone)]
        self.model.set_rows(rows)
        fit_columns(self.table, 6)
        left_out = len(self._loaded_rows) - len(rows)
        self.summary.setText(self.tr("{count} to remind").format(count=len(rows)) if not left_out
                             else self.tr("{count} to remind ({hidden} without a name or phone "
                                          "not shown)").format(count=len(rows), hidden=left_out))
        if rows:
            self.table.selectRow(0)
        self.empty.show_text(self._empty_text(left_out) if not rows else "")
        for button in (self.copy_button, self.export_button):
            button.setEnabled(bool(rows))

    def _empty_text(self, left_out: int) -> str:
        """Why the list is empty: nothing expires, or only vouchers sold to nobody named."""
        if left_out:
            return self.tr("{count} expiring within {days} days, none sold to a customer with "
                           "a name or phone. Untick \"Only customers with a name or phone\" to "
                           "see them.").format(count=left_out, days=self.days.value())
        return self.tr("Nothing with uses or a balance left expires within {days} days."
                       ).format(days=self.days.value())

    def copy_message(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        QGuiApplication.clipboard().setText(
            reminder(row, self.model.shop_name, self.model.currency))
        self.message.show_info(self.tr("Message copied."))

    def ask_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the reminders"),
                             str(voucher_send.send_folder() / "expiring-soon.csv"),
                             self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        rows = self.model.rows()
        messages = [reminder(r, self.model.shop_name, self.model.currency) for r in rows]
        shop, days, target = self.shop, self.days.value(), Path(path)

        def done(count: int) -> None:
            self.message.show_info(self.tr("{count} rows written to {file}").format(
                count=count, file=str(target)))

        run_in_background(
            self, lambda: expiring.export_expiring_csv(shop, target, rows, messages, days),
            done, errors=self.message)
