"""What the Orders tab says before and after a refund: the money to pay back (not the order's
total), the reloads refunded with their card, and the card keys set aside as returned.

In the Orders tab's words (translation context ``OrdersTab``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.giftcard_value import Payback
from desktop_app.core.refunds import RefundPreview, RefundResult
from desktop_app.i18n import sentences
from desktop_app.ui.display import method_label, money


def _reload_lines(reloads: tuple[Payback, ...], currency: str) -> list[str]:
    return [QCoreApplication.translate(
        "OrdersTab", "{amount} of it for reload order {number} ({method}), refunded with the "
        "card.").format(amount=money(part.money_cents, currency), number=part.order_id,
                        method=method_label(part.method or "other")) for part in reloads]


def _keys_line(keys: int) -> list[str]:
    if not keys:
        return []
    return [QCoreApplication.translate(
        "OrdersTab", "{count} card keys the customer had become “Returned”: they are not sold "
        "again until you check them in Card keys.").format(count=keys)]


def confirm_refund_text(order_id: int, preview: RefundPreview, currency: str) -> str:
    """The question before a whole order is refunded."""
    lines = [QCoreApplication.translate(
        "OrdersTab", "Refund order {number}? Pay back {amount} to the customer.").format(
        number=order_id, amount=money(preview.refund_cents, currency))]
    lines += _reload_lines(preview.reloads, currency)
    lines += _keys_line(preview.keys_to_check)
    lines.append(QCoreApplication.translate(
        "OrdersTab", "Its unredeemed vouchers become void and unsold stock goes back. Uses "
        "already redeemed stay in the history."))
    return "\n\n".join(lines)


def refunded_text(order_id: int, result: RefundResult, currency: str, *,
                  whole: bool) -> str:
    """What is said once a refund (``whole`` order, or part of a line) is recorded."""
    if whole:
        done = QCoreApplication.translate(
            "OrdersTab", "Order {number} is refunded: pay back {amount}.")
    else:
        done = QCoreApplication.translate(
            "OrdersTab", "Refund recorded for order {number}: pay back {amount}.")
    lines = [done.format(number=order_id, amount=money(result.refund_cents, currency))]
    lines += _reload_lines(result.reloads, currency)
    lines += _keys_line(result.keys_returned)
    return sentences(*lines)
