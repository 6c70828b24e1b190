"""The vouchers of a line a part refund may take, ticked by hand or by scanning the one handed
back: the key not activated, the card on the counter (QA: the newest was always taken)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.core import vouchers
from desktop_app.core.refund_choices import RefundChoice
from desktop_app.core.store import Shop
from desktop_app.scanning.keystrokes import without_aim_identifier
from desktop_app.scanning.wedge import TAKES_SCANS_ITSELF
from desktop_app.ui.display import money
from desktop_app.ui.widgets import MessageLabel, grow_to_fit, widget_font

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RefundChoiceList(QWidget):
    """Checkable vouchers, newest first, and a field a scanner types the handed-back one into.
    Emits ``changed()`` when the ticks change."""

    changed = Signal()

    def __init__(self, shop: Shop, currency: str, choices: list[RefundChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.choices = choices
        self.scan = QLineEdit(self)
        self.scan.setPlaceholderText(self.tr("Scan or type the code of a voucher handed back"))
        self.scan.installEventFilter(self)  # Enter ticks; it must not close the dialog
        # It asks for a scan: the scanner filters leave its keys here, not redeem them (QA
        # s12b F10: the handed-back voucher was redeemed behind the dialog, nothing ticked).
        self.scan.setProperty(TAKES_SCANS_ITSELF, True)
        self.list = QListWidget(self)
        self.list.setFont(widget_font(self.list, mono=True))
        for choice in choices:
            item = QListWidgetItem(self._text(choice, currency), self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 6)
        self.list.setFixedHeight(min(6, len(choices)) * row + 2 * self.list.frameWidth() + 6)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 32)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.message = MessageLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.scan)
        column.addWidget(self.list)
        column.addWidget(self.message)

    def _text(self, choice: RefundChoice, currency: str) -> str:
        """The code and what tells it apart: a key's masked start and end, a card's balance
        (and what it pays back where a discount makes that less)."""
        parts = [choice.code]
        if choice.key_hint:
            parts.append(choice.key_hint)
        if choice.balance_cents is not None:
            parts.append(self.tr("balance {money}").format(
                money=money(choice.balance_cents, currency)))
            if choice.refund_cents != choice.balance_cents:
                parts.append(self.tr("pays back {money}").format(
                    money=money(choice.refund_cents, currency)))
        return "   ".join(parts)

    def chosen(self) -> list[RefundChoice]:
        return [choice for row, choice in enumerate(self.choices)
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def tick_scanned(self) -> None:
        """Tick the voucher the scanned or typed text names, or say it is not one of these."""
        # A scanner's AIM identifier comes off, as at the counter (QA s12d F4).
        text = without_aim_identifier(self.scan.text().strip())
        if not text:
            return
        parsed = vouchers.parse(text, self.shop.shop_id, self.shop.voucher_key)
        code = vouchers.typed_code(parsed.code) if parsed.reason is None else ""
        rows = [row for row, choice in enumerate(self.choices) if choice.code == code]
        if not rows:
            self.message.show_error(self.tr(
                "That code is not one of these vouchers: it may be of another line or order, "
                "already used, or void."))
            grow_to_fit(self.window())  # below the list, not over it (QA)
            self.scan.selectAll()
            return
        self.message.clear()
        item = self.list.item(rows[0])
        item.setCheckState(Qt.CheckState.Checked)
        self.list.scrollToItem(item)
        self.scan.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.scan and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self._ends_a_code(event.key())):
            self.tick_scanned()
            return True
        return super().eventFilter(watched, event)

    def _ends_a_code(self, key: int) -> bool:
        """Enter; or a Tab after text, as a scanner set to end with Tab sends (QA s12d F4):
        the code is ticked and the focus stays. A Tab in the empty field moves on."""
        return key in RETURN_KEYS or (key == Qt.Key.Key_Tab and bool(self.scan.text().strip()))
