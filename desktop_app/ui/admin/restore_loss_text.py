"""What restoring a backup loses, in the words the owner is asked with before it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.core import restore
from desktop_app.core.dates import local_time
from desktop_app.i18n import sentences
from desktop_app.messages.restore_loss_texts import paid_order_parts
from desktop_app.ui.display import money


def _refund_parts(loss: restore.RestoreLoss) -> list[str]:
    """Refunds of orders the backup has: those orders come back unrefunded. Refunds of orders
    made since: gone with their orders (QA s8b F5: they were said to show as paid again)."""
    parts = []
    kept_orders_cents = loss.refund_cents - loss.lost_orders_refund_cents
    if loss.refunds > loss.refunds_of_lost_orders and kept_orders_cents:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Refunds of orders from before the backup paid back {money}: "
            "after the restore those orders show as not refunded. Do not pay them back a "
            "second time.").format(money=money(kept_orders_cents, loss.currency)))
    elif loss.refunds > loss.refunds_of_lost_orders:  # nothing to pay twice (QA s18a F9)
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Refunds of orders from before the backup (they paid no money "
            "back): after the restore those orders show as not refunded."))
    if loss.refunds_of_lost_orders and loss.lost_orders_refund_cents:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Refunds of orders made since paid back {money}: those orders "
            "and their refunds are lost.").format(
            money=money(loss.lost_orders_refund_cents, loss.currency)))
    elif loss.refunds_of_lost_orders:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Refunds of orders made since (they paid no money back) are "
            "lost with their orders."))
    return parts


def _giftcard_parts(loss: restore.RestoreLoss) -> list[str]:
    parts = []
    if loss.giftcard_changes:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Gift-card changes since (reloads, refunds), lost with their "
            "orders: {changes}; reloaded money lost: {money}.").format(
            changes=loss.giftcard_changes, money=money(loss.reload_cents, loss.currency)))
    if loss.cashouts_lost:  # cash-outs of cards the backup has are carried over (F13)
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Cash-outs of gift cards sold since this backup: {count}; paid "
            "out in cash: {money}. They are lost with their cards.").format(
            count=loss.cashouts_lost, money=money(loss.cashout_cents_lost, loss.currency)))
    return parts


def password_parts(loss: restore.RestoreLoss) -> list[str]:
    """The passwords the backup's key slots bring back: it undoes a recovery (QA s12a F3)."""
    parts = []
    if loss.older_passwords:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Passwords changed since this backup come back as they were then "
            "(a recovery too): {names} log in with the password they had when the backup was "
            "made.").format(names=", ".join(loss.older_passwords)))
    if loss.older_recovery_key:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "The recovery key comes back as it was when the backup was made: "
            "the newer one stops working."))
    return parts


def new_computer_text(loss: restore.RestoreLoss) -> str:
    """Into a folder that holds no shop: when the backup was made, and whether the other
    computer went on after it (QA s18a F1: its uses came back unused, without a word)."""
    moment = local_time(loss.backup.made_at)
    if loss.backup.final:
        return QCoreApplication.translate(
            "RestoreDialog", "This is the other computer's final backup, made {moment} when "
            "the shop was moved: nothing done there is missing.").format(moment=moment)
    return QCoreApplication.translate(
        "RestoreDialog", "This backup was made {moment}. Anything done on the other computer "
        "after that time (redemptions, gift-card spending, sales) is not in it: those vouchers "
        "would look unused here and could be used a second time. If the other computer still "
        "works, use Shop → Move to another computer… there and restore that final backup "
        "instead.").format(moment=moment)


def nothing_missing(loss: restore.RestoreLoss) -> bool:
    """The other computer's final backup into a new computer's empty folder, and nothing
    else to say: the question is the good news, not a warning (QA s41a F11: "Restore
    anyway" under a warning sign for the one backup the dialog itself recommends)."""
    return (loss.into_empty and loss.backup.final and not loss.stays_held
            and not loss.moved_to and not loss.moved_out and not loss.card_keys
            and not any((newer_parts(loss), paid_order_parts(loss), _refund_parts(loss),
                         _giftcard_parts(loss), password_parts(loss))))


def newer_parts(loss: restore.RestoreLoss) -> list[str]:
    """A newer backup of the same shop in the chosen file's folder (QA s18a F3)."""
    if not loss.backup.newer_file:
        return []
    return [QCoreApplication.translate(
        "RestoreDialog", "A newer backup of this shop is in the same folder: {file}, made "
        "{moment}. This one lacks what was done between them: restore that one instead."
    ).format(file=Path(loss.backup.newer_file).name,
             moment=local_time(loss.backup.newer_made_at))]


def _held_text(loss: restore.RestoreLoss) -> str:
    if loss.backup.witness_ahead:  # the backup's folder saw more, not this computer
        return QCoreApplication.translate(
            "RestoreDialog", "The folder this backup is in remembers newer records of this "
            "shop than the backup holds (a newer backup was written there). Vouchers redeemed "
            "in those records could be redeemed again, so after this restore redeeming stays "
            "stopped until an owner checks it in Verify and acknowledges. Restore the newest "
            "backup instead.")
    if loss.into_empty:  # QA s39a F16: no data here at all, damaged or not
        return QCoreApplication.translate(
            "RestoreDialog", "This computer saw newer records of this shop than this backup "
            "holds, and they are not in this folder (it holds no shop). Vouchers redeemed in "
            "them could be redeemed again, so after this restore redeeming stays stopped until "
            "an owner checks the latest redemptions in Verify and acknowledges. Restore a newer "
            "backup if you have one.")
    if not loss.readable:  # QA s19a F7: the newer records are in the damaged data
        return QCoreApplication.translate(
            "RestoreDialog", "The shop's current data is too damaged to read, so its records "
            "newer than this backup (this computer saw them) cannot be carried over: they stay "
            "in the damaged data, which the restore keeps in a before-restore folder. Vouchers "
            "redeemed since the backup could be redeemed again, so after this restore "
            "redeeming stays stopped until an owner checks the latest redemptions in Verify "
            "and acknowledges.")
    return QCoreApplication.translate(
        "RestoreDialog", "This computer saw newer records of this shop than this backup and "
        "the shop's current data both hold: the data was put back to an older copy. Vouchers "
        "redeemed in those records could be redeemed again, so after this restore redeeming "
        "stays stopped until an owner checks it in Verify and acknowledges. Restore a newer "
        "backup if you have one.")


def loss_text(loss: restore.RestoreLoss) -> str:
    """What restoring loses, as the owner is asked before it."""
    if not loss.readable:
        text = QCoreApplication.translate(
            "RestoreDialog", "The shop's current data cannot be read, so what the backup "
            "lacks is unknown: everything since the backup may be lost.")
    elif loss.redemptions:  # no grand total: its parts never added up to it (QA round 2)
        # The uses stay used; a pass's other uses are not lost with them (QA s41a F2: "none
        # of those vouchers can be used again" read as the restore killing customers' passes)
        text = QCoreApplication.translate(
            "RestoreDialog", "Lost since this backup — orders: {orders}; refunds: {refunds}; "
            "operator changes: {operators}; other changes (products, settings, card-key "
            "imports): {other}. Carried over: every redemption the shop's data holds "
            "({redemptions}: the uses they took stay used, what each voucher has left stays "
            "usable), vouchers voided and operators disabled.")
    else:  # QA s39a F5: "(0; none of those vouchers can be used again)" of no voucher
        text = QCoreApplication.translate(
            "RestoreDialog", "Lost since this backup — orders: {orders}; refunds: {refunds}; "
            "operator changes: {operators}; other changes (products, settings, card-key "
            "imports): {other}. Carried over: vouchers voided and operators disabled.")
    text = text.format(orders=loss.orders, refunds=loss.refunds, other=loss.other_changes,
                       operators=loss.operator_changes, redemptions=loss.redemptions)
    if loss.into_empty:  # a new computer: nothing here to lose, what it lacks is elsewhere
        text = new_computer_text(loss)
    parts = [text, *newer_parts(loss), *paid_order_parts(loss), *_refund_parts(loss),
             *_giftcard_parts(loss)]
    if loss.moved_to:  # the way back from migrate-to: the server went on without the folder
        parts.insert(1, QCoreApplication.translate(
            "RestoreDialog", "Since this backup the shop was moved to the server {server}: "
            "what was done on the server since the move (sales, redemptions, refunds) is not "
            "in this backup and is not carried over. Stop the counters on the server first."
        ).format(server=loss.moved_to))
    if loss.moved_out:  # the way back from a final backup: the new computer may be live
        parts.insert(1, QCoreApplication.translate(
            "RestoreDialog", "This shop was moved to another computer with the final backup "
            "{backup}. Restoring makes it work on this computer again: do it only if the "
            "shop is not used on the other computer any more, or a voucher could be used on "
            "both.").format(backup=loss.moved_out))
    if loss.card_keys:
        parts.append(QCoreApplication.translate(
            "RestoreDialog", "Card keys handed out since: {keys}. They stay out of stock "
            "(their orders are lost).").format(keys=loss.card_keys))
    parts.extend(password_parts(loss))
    text = sentences(*parts)
    return _held_text(loss) + "\n\n" + text if loss.stays_held else text
