"""The look-up's tables, without widgets: a voucher's history, vouchers found by customer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.voucher_lookup import HistoryRow, VoucherInfo
from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.messages.verdict_texts import (
    card_key_state_text,
    status_text,
    verdict_headline,
)
from desktop_app.ui.counter.redemption_models import (
    TONE_COLORS,
    UNDONE_COLOR,
    local_date_text,
    local_second_text,
    tone_of,
    uses_text,
)
from desktop_app.ui.display import money
from desktop_app.ui.tables import LEFT, RIGHT, Column, RowTableModel


def left_text(info: VoucherInfo, currency: str) -> str:
    """Uses left, a gift card's balance, or whether a card key was marked used."""
    if info.balance is not None:
        return money(info.balance, currency)  # QA s35b F18: "Look-up: 38.99", no ¥
    if info.kind == "cardkey":
        return card_key_state_text(info.uses_left == 0)
    return uses_text(info.uses_left, info.uses_total)


def _title(text: str) -> str:
    return QCoreApplication.translate("Redemption", text)


class HistoryModel(RowTableModel[HistoryRow]):
    """A looked-up voucher's attempts, oldest first."""

    kind = ""  # the voucher's product's: a card key's results say so
    currency = ""  # the shop's: a gift card's rows are money

    def columns(self) -> list[Column[HistoryRow]]:
        return [
            Column(_title(HISTORY_COLUMNS[0]), lambda row: local_second_text(row.at),
                   sort=lambda row: row.at),
            Column(_title(HISTORY_COLUMNS[1]), self._result,
                   color=lambda row: UNDONE_COLOR if row.reason == "undone"
                   else TONE_COLORS[tone_of(row.reason)]),
            Column(_title(HISTORY_COLUMNS[2]), lambda row: row.operator),
            Column(_title(HISTORY_COLUMNS[3]), lambda row: row.station),
            Column(_title(HISTORY_COLUMNS[4]), self._left, align=RIGHT),
        ]

    def _result(self, row: HistoryRow) -> str:
        """The verdict's word; a gift card's spend in the recent list's words, an undo of one
        with the money it gave back."""
        change = row.card_change_cents
        if change is not None and change < 0:
            return QCoreApplication.translate("Redemption", "Spent {amount}").format(
                amount=money(-change, self.currency))
        word = verdict_headline(row.reason, self.kind)
        return word if change is None else f"{word} +{money(change, self.currency)}"

    def _left(self, row: HistoryRow) -> str:
        """Uses left after the attempt; a gift card's balance after its spend or undo (its
        uses say nothing: "1" beside every spend)."""
        if self.kind == "giftcard":
            return ("" if row.card_balance_cents is None
                    else money(row.card_balance_cents, self.currency))
        return "" if row.uses_left_after is None else str(row.uses_left_after)


HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("Redemption", "Time"),
    QT_TRANSLATE_NOOP("Redemption", "Result"),
    QT_TRANSLATE_NOOP("Redemption", "Operator"),
    QT_TRANSLATE_NOOP("Redemption", "Station"),
    QT_TRANSLATE_NOOP("Redemption", "Left"),
)
FOUND_COLUMNS = (
    QT_TRANSLATE_NOOP("Redemption", "Code"),
    QT_TRANSLATE_NOOP("Redemption", "Product"),
    QT_TRANSLATE_NOOP("Redemption", "Customer"),
    QT_TRANSLATE_NOOP("Redemption", "Phone"),
    QT_TRANSLATE_NOOP("Redemption", "Left"),
    QT_TRANSLATE_NOOP("Redemption", "Valid until"),
    QT_TRANSLATE_NOOP("Redemption", "Status"),
)


def found_status_text(info: VoucherInfo) -> str:
    """A found voucher's status; a gift card whose code a clerk does not see says so, and
    its tooltip how to spend it instead (QA s21a F4): the whole hint in the column took half
    the list's width from the product's name at 1024x768 (QA s42a F4)."""
    status = status_text(info.status, info.kind)
    if not info.code_hidden:
        return status
    return QCoreApplication.translate("Redemption", "{status}; code hidden").format(
        status=status)


def found_status_tip(info: VoucherInfo) -> str:
    status = status_text(info.status, info.kind)
    if not info.code_hidden:
        return status
    return QCoreApplication.translate("Redemption", "{status}; code hidden: {how}").format(
        status=status, how=hidden_code_hint())


def hidden_code_hint() -> str:
    return QCoreApplication.translate(
        "Redemption", "scan the card, or use \"Card by phone…\" with its PIN")


class FoundModel(RowTableModel[VoucherInfo]):
    """Vouchers found by customer name or phone."""

    currency = ""  # the shop's: a gift card's balance is money

    def columns(self) -> list[Column[VoucherInfo]]:
        texts = (lambda row: row.code, lambda row: row.product, lambda row: row.customer,
                 lambda row: row.customer_phone, lambda row: left_text(row, self.currency),
                 lambda row: local_date_text(row.valid_until) or QCoreApplication.translate(
                     "labels", "No expiry"),
                 found_status_text)
        return [Column(_title(title), text, mono=title == "Code",
                       align=RIGHT if title == "Left" else LEFT,
                       tooltip=found_status_tip if text is found_status_text else None)
                for title, text in zip(FOUND_COLUMNS, texts, strict=True)]
