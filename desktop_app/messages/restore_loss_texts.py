"""What a restore loses that both the app's question and the command line's say in the same
words (context ``RestoreDialog``). No Qt."""

from __future__ import annotations

from desktop_app.core.restore_loss import RestoreLoss
from desktop_app.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.messages.labels import money

PAID_ORDER_TEXT = QT_TRANSLATE_NOOP(
    "RestoreDialog", "One of those orders was paid ({money}): its vouchers ({vouchers}), "
    "already with the customer, will be refused as unknown after the restore. Note the "
    "customer, and sell or issue those vouchers again.")
PAID_ORDERS_TEXT = QT_TRANSLATE_NOOP(
    "RestoreDialog", "{count} of those orders were paid ({money}): their vouchers "
    "({vouchers}), already with customers, will be refused as unknown after the restore. "
    "Note their customers, and sell or issue those vouchers again.")


def paid_order_parts(loss: RestoreLoss) -> list[str]:
    """Orders paid since: their money was taken and their vouchers handed over, which the
    restored shop will not know (QA s39a F5: "orders: 1" sounded harmless)."""
    if not loss.paid_orders or loss.into_empty:
        return []
    text = PAID_ORDER_TEXT if loss.paid_orders == 1 else PAID_ORDERS_TEXT
    return [translate("RestoreDialog", text).format(
        count=loss.paid_orders, money=money(loss.paid_cents, loss.currency),
        vouchers=loss.paid_vouchers)]
