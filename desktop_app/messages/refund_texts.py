"""An order refunded already, asked again: the words of the refusal (``messages``)."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP

# An order refunded already, asked again (a retry after a lost answer): the money it paid back.
REFUNDED_ALREADY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Order {id} was refunded already, on {when}: {refund} was paid back then. There "
    "is nothing more to refund.")
REFUNDED_ALREADY_WITH_PARTS_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Order {id} was refunded already, on {when}: that refund paid back {refund}, "
    "and its part refunds before it the rest of the {refunded_total} paid back in all. There is "
    "nothing more to refund.")
REFUNDED_ALREADY_UNDATED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Order {id} was refunded already, before this version of Voucher Shop: {refund} "
    "was paid back. There is nothing more to refund.")
# Its gift card's reload orders refunded with it, each by its own method (QA s20b F3).
REFUNDED_ALREADY_RELOAD_TEXT = QT_TRANSLATE_NOOP(
    "errors", "{refund} of it was for reload order {order} ({method}), refunded with the card.")

# Refused because what it would change was refunded since: (with the refund's time, without
# one: a refund booked by the upgrade). By the refusal's ``state``.
REFUNDED_SINCE_TEXTS: dict[str, tuple[str, str]] = {
    "key_refunded": (
        QT_TRANSLATE_NOOP(
            "errors", "The key was not replaced: order {order} was refunded on {when}, so the "
            "customer has the money back. Nothing was changed."),
        QT_TRANSLATE_NOOP(
            "errors", "The key was not replaced: order {order} was refunded, so the customer "
            "has the money back. Nothing was changed.")),
    "voucher_refunded": (
        QT_TRANSLATE_NOOP(
            "errors", "This redemption cannot be undone: the voucher was refunded on {when}, "
            "so there is no use to give back to it. Nothing was changed."),
        QT_TRANSLATE_NOOP(
            "errors", "This redemption cannot be undone: the voucher was refunded, so there is "
            "no use to give back to it. Nothing was changed.")),
}
# ``voucher_refunded`` of a gift card's spend: its money went back, not a use (QA s41a F8).
CARD_SPEND_REFUNDED_TEXTS: tuple[str, str] = (
    QT_TRANSLATE_NOOP(
        "errors", "This spend cannot be undone: the card was refunded on {when} and its "
        "balance paid back, so the money cannot go back onto it. Nothing was changed."),
    QT_TRANSLATE_NOOP(
        "errors", "This spend cannot be undone: the card was refunded and its balance paid "
        "back, so the money cannot go back onto it. Nothing was changed."),
)
