"""What the Orders tab says before and after a refund: the money to pay back (not the order's
total), the reloads refunded with their card, and the card keys set aside as returned.

In the Orders tab's words (translation context ``OrdersTab``)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication

from desktop_app.core.giftcard_value import Payback
from desktop_app.core.refund_units import LineBack
from desktop_app.core.refunds import RefundPreview, RefundResult
from desktop_app.i18n import sentences
from desktop_app.ui.display import method_label, money

# The question's text width: a breakdown line on one line where it can, the box well inside
# a 1024x768 screen.
REFUND_TEXT_WIDTH = 600


def _reload_lines(reloads: tuple[Payback, ...], currency: str) -> list[str]:
    return [QCoreApplication.translate(
        "OrdersTab", "{amount} of it for reload order {number} ({method}), refunded with the "
        "card.").format(amount=money(part.money_cents, currency), number=part.order_id,
                        method=method_label(part.method or "other")) for part in reloads]


def _keys_line(keys: int) -> list[str]:
    if not keys:
        return []
    if keys == 1:
        return [QCoreApplication.translate(
            "OrdersTab", "The card key the customer had becomes “Returned”: it is not sold "
            "again until you check it in Card keys.")]
    return [QCoreApplication.translate(
        "OrdersTab", "{count} card keys the customer had become “Returned”: they are not sold "
        "again until you check them in Card keys.").format(count=keys)]


def _nothing_back(kind: str) -> str:
    """A line none of whose units gives anything back, by kind."""
    if kind == "giftcard":
        return QCoreApplication.translate("OrdersTab", "spent: nothing back")
    if kind == "cardkey":
        return QCoreApplication.translate("OrdersTab", "redeemed: nothing back")
    return QCoreApplication.translate("OrdersTab", "used up: nothing back")


def _some_nothing_back(kind: str, count: int) -> str:
    """``count`` units of a line that give nothing back, beside others that do."""
    if kind == "giftcard":
        text = QCoreApplication.translate("OrdersTab", "{count} spent: nothing back for it")
    elif kind == "cardkey":
        text = QCoreApplication.translate("OrdersTab", "{count} redeemed: nothing back for it")
    else:
        text = QCoreApplication.translate("OrdersTab", "{count} used up: nothing back for it")
    return text.format(count=count)


def _used_words(line: LineBack) -> str:
    """What of the line gives nothing back, in a few words; "" where all of it does."""
    if line.units_left == 0:
        return QCoreApplication.translate("OrdersTab", "refunded before: nothing more back")
    if line.kind == "goods" or line.units_used_up == 0:
        return ""
    if line.units_back == 0:
        return _nothing_back(line.kind)
    return _some_nothing_back(line.kind, line.units_used_up)


def _joined(notes: list[str]) -> str:
    """Notes joined the language's way: a Chinese sentence takes "；" (QA s18b F10)."""
    if not notes:
        return ""
    joint = QCoreApplication.translate("OrdersTab", "{first}; {second}")
    return functools.reduce(lambda first, second: joint.format(first=first, second=second),
                            notes)


def _unspent_words(line: LineBack) -> str:
    """What a line of gift cards pays back for: beside cards spent, "the others" do (QA s18b
    F10: "1 spent: nothing back for it; its unspent balance" left the last part dangling)."""
    if line.units_used_up and line.units_back > 1:
        return QCoreApplication.translate("OrdersTab", "the others: their unspent balance")
    if line.units_used_up:
        return QCoreApplication.translate("OrdersTab", "the other: its unspent balance")
    if line.units_back > 1:
        return QCoreApplication.translate("OrdersTab", "their unspent balance")
    return QCoreApplication.translate("OrdersTab", "its unspent balance")


def _line_words(line: LineBack, currency: str) -> str:
    """One line of the breakdown: product, units back, money back, and why less."""
    notes = [_used_words(line)]
    if line.kind == "giftcard" and line.units_back:
        notes.append(_unspent_words(line))
    elif line.partly_used:
        notes.append(QCoreApplication.translate("OrdersTab", "partly used: only the uses left"))
    said = QCoreApplication.translate(
        "OrdersTab", "• {product}: {count} of {units} back, {amount}").format(
        product=line.product_name, count=line.units_back, units=line.units_left,
        amount=money(line.amount_cents, currency))
    why = _joined([note for note in notes if note])
    if not why:
        return said
    return QCoreApplication.translate("OrdersTab", "{line} ({why})").format(line=said, why=why)


def _breakdown(lines: tuple[LineBack, ...], currency: str) -> list[str]:
    """Line by line, so the owner can tell the customer how the sum comes (QA s15a F7)."""
    if not lines:
        return []
    heading = QCoreApplication.translate("OrdersTab", "Line by line:")
    return ["\n".join([heading, *(_line_words(line, currency) for line in lines)])]


def confirm_refund_text(order_id: int, preview: RefundPreview, currency: str,
                        was_cents: int | None = None) -> str:
    """The question before a whole order is refunded; asked again (``was_cents``: the money
    the first question said) when a counter changed the order before the click."""
    lines = [QCoreApplication.translate(
        "OrdersTab", "Refund order {number}? Pay back {amount} to the customer.").format(
        number=order_id, amount=money(preview.refund_cents, currency))]
    if was_cents is not None:
        lines.insert(0, QCoreApplication.translate(
            "OrdersTab", "Nothing was refunded yet: a counter redeemed or spent part of this "
            "order after you were asked, so the money to pay back changed from {was}.").format(
            was=money(was_cents, currency)))
    lines += _breakdown(preview.lines, currency)
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
