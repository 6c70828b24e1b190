"""The restore command: a backup put back in place of the shop, after saying what it lacks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app.cli.frame import Context, Outcome, UsageError, credentials, prompt
from desktop_app.core import restore
from desktop_app.core.dates import local_time
from desktop_app.core.errors import ServerBackupElsewhere
from desktop_app.i18n import QT_TRANSLATE_NOOP, sentences, translate
from desktop_app.messages.labels import money
from desktop_app.messages.restore_loss_texts import paid_order_parts


def loss_lines(loss: restore.RestoreLoss) -> list[str]:
    if loss.into_empty:  # a new computer: nothing here to lose, what it lacks is elsewhere
        lines = new_computer_lines(loss)
    elif not loss.readable:
        lines = [translate("cli", "The current shop cannot be read, so what the backup lacks "
                           "is unknown: everything since the backup may be lost.")]
    else:
        lines = [translate(
            "cli", "Lost since this backup — orders: {orders}; refunds: {refunds}; operator "
            "changes: {operators}; other changes (products, settings, card-key imports): "
            "{other}. Carried over: every redemption ({redemptions}), vouchers voided and "
            "operators disabled.").format(
                orders=loss.orders, refunds=loss.refunds, operators=loss.operator_changes,
                other=loss.other_changes, redemptions=loss.redemptions)]
    lines.extend(newer_lines(loss))  # the file to restore instead: said first
    lines.extend(paid_order_parts(loss))
    if loss.moved_to:  # the way back from migrate-to: the server went on without the folder
        lines.append(translate(
            "cli", "Since this backup the shop was moved to the server {server}: what was "
            "done on the server since the move (sales, redemptions, refunds) is not in this "
            "backup and is not carried over. Stop the counters on the server first."
        ).format(server=loss.moved_to))
    if loss.moved_out:  # the way back from a final backup: the new computer may be live
        lines.append(translate(
            "cli", "This shop was moved to another computer with the final backup {backup}. "
            "Restoring makes it work on this computer again: do it only if the shop is not "
            "used on the other computer any more, or a voucher could be used on both."
        ).format(backup=loss.moved_out))
    lines.extend(_refund_lines(loss))
    if loss.giftcard_changes:
        lines.append(translate(
            "cli", "Gift-card changes since (reloads, refunds), lost with their orders: "
            "{changes}; reloaded money lost: {money}.").format(
                changes=loss.giftcard_changes, money=money(loss.reload_cents, loss.currency)))
    if loss.cashouts_lost:  # cash-outs of cards the backup has are carried over (F13)
        lines.append(translate(
            "cli", "Cash-outs of gift cards sold since this backup: {count}; paid out in cash: "
            "{money}. They are lost with their cards.").format(
                count=loss.cashouts_lost, money=money(loss.cashout_cents_lost, loss.currency)))
    if loss.card_keys:
        lines.append(translate("cli", "Card keys handed out since: {keys}. They stay out of "
                               "stock (their orders are lost).").format(keys=loss.card_keys))
    lines.extend(password_lines(loss))
    return [*lines, held_line(loss)] if loss.stays_held else lines


def new_computer_lines(loss: restore.RestoreLoss) -> list[str]:
    """Into a folder that holds no shop: when the backup was made, and whether the other
    computer went on after it (QA s18a F1: its uses came back unused, without a word)."""
    moment = local_time(loss.backup.made_at)
    if loss.backup.final:
        return [translate(
            "cli", "This is the other computer's final backup, made {moment} when the shop "
            "was moved: nothing done there is missing.").format(moment=moment)]
    return [translate(
        "cli", "The backup was made {moment}. Anything done on the other computer after that "
        "time (redemptions, gift-card spending, sales) is not in it: those vouchers look "
        "unused here and could be used a second time. If the other computer still works, make "
        "its final backup there (Shop → Move to another computer…, or backup --out FILE "
        "--final) and restore that one instead."
    ).format(moment=moment)]


def newer_lines(loss: restore.RestoreLoss) -> list[str]:
    """A newer backup of the same shop in the chosen file's folder (QA s18a F3)."""
    if not loss.backup.newer_file:
        return []
    return [translate(
        "cli", "A newer backup of this shop is in the same folder: {file}, made {moment}. "
        "This one lacks what was done between them: restore that one instead.").format(
        file=Path(loss.backup.newer_file).name, moment=local_time(loss.backup.newer_made_at))]


def held_line(loss: restore.RestoreLoss) -> str:
    """Why the restored shop stays held: the backup's folder saw newer records, or this
    computer did."""
    if loss.backup.witness_ahead:
        return translate("cli", STAYS_HELD_BESIDE)
    if loss.into_empty:  # no data here at all, damaged or not (QA s39a F16)
        return translate("cli", STAYS_HELD_NOTHING_HERE)
    return translate("cli", STAYS_HELD if loss.readable else STAYS_HELD_UNREADABLE)


def _refund_lines(loss: restore.RestoreLoss) -> list[str]:
    """Refunds of orders the backup has come back unrefunded (QA s8b F5); of orders made
    since, lost with them. A refund that paid nothing back has nothing to pay twice (QA s18a
    F9: "paid back 0.00 ... Do not pay them back a second time")."""
    lines = []
    kept_orders_cents = loss.refund_cents - loss.lost_orders_refund_cents
    if loss.refunds > loss.refunds_of_lost_orders and kept_orders_cents:
        lines.append(translate(
            "cli", "Refunds of orders from before the backup paid back {money}: after the "
            "restore those orders show as not refunded. Do not pay them back a second "
            "time.").format(money=money(kept_orders_cents, loss.currency)))
    elif loss.refunds > loss.refunds_of_lost_orders:
        lines.append(translate(
            "cli", "Refunds of orders from before the backup (they paid no money back): "
            "after the restore those orders show as not refunded."))
    if loss.refunds_of_lost_orders and loss.lost_orders_refund_cents:
        lines.append(translate(
            "cli", "Refunds of orders made since paid back {money}: those orders and their "
            "refunds are lost.").format(money=money(loss.lost_orders_refund_cents, loss.currency)))
    elif loss.refunds_of_lost_orders:
        lines.append(translate("cli", "Refunds of orders made since (they paid no money "
                               "back) are lost with their orders."))
    return lines


def password_lines(loss: restore.RestoreLoss) -> list[str]:
    """The passwords the backup's key slots bring back: a restore silently undid a
    ``recover`` or a password change before (QA s12a F3)."""
    lines = []
    if loss.older_passwords:
        lines.append(translate(
            "cli", "Passwords changed since this backup come back as they were then (a "
            "recovery too): {names} log in with the password they had when the backup was "
            "made.").format(names=", ".join(loss.older_passwords)))
    if loss.older_recovery_key:
        lines.append(translate(
            "cli", "The recovery key comes back as it was when the backup was made: the "
            "newer one stops working."))
    return lines


STAYS_HELD = QT_TRANSLATE_NOOP(
    "cli", "This computer saw newer records than both the backup and the shop's data hold "
    "(the data was put back to an older copy): vouchers redeemed in them could be redeemed "
    "again, so redeeming stays stopped after the restore until an owner checks the vouchers "
    "and runs verify --acknowledge.")
# QA s19a F7: over data too damaged to read, nothing was put back: the newer records are in
# the damaged data, kept aside, and could not be carried over.
STAYS_HELD_UNREADABLE = QT_TRANSLATE_NOOP(
    "cli", "The shop's data this backup replaced was too damaged to read, so its records "
    "newer than the backup (this computer saw them) could not be carried over: they are in "
    "the damaged data, kept in the before-restore folder named below. Vouchers redeemed since "
    "the backup could be redeemed again, so redeeming stays stopped after the restore until "
    "an owner checks the latest redemptions (receipts, the counters' lists) and runs verify "
    "--acknowledge.")
STAYS_HELD_NOTHING_HERE = QT_TRANSLATE_NOOP(
    "cli", "This computer saw newer records of this shop than the backup holds, and they are "
    "not in this folder (it holds no shop). Vouchers redeemed in them could be redeemed again, "
    "so redeeming stays stopped after the restore until an owner checks the latest "
    "redemptions (receipts, the counters' lists) and runs verify --acknowledge. Restore a "
    "newer backup if you have one.")
STAYS_HELD_BESIDE = QT_TRANSLATE_NOOP(
    "cli", "The folder this backup is in remembers newer records of this shop than the "
    "backup holds (a newer backup was written there): vouchers redeemed in them could be "
    "redeemed again, so redeeming stays stopped after the restore until an owner checks the "
    "vouchers and runs verify --acknowledge. Restore the newest backup instead.")


def confirm_restore(ctx: Context, loss: restore.RestoreLoss) -> bool:
    """``--yes`` confirms for scripts; else ask at the terminal (no terminal: bad usage)."""
    if not loss.anything or ctx.args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(translate(
            "cli", "{lines} Nothing was restored: run it at a terminal to answer, or add "
            "--yes.").format(lines=sentences(*loss_lines(loss))))
    for line in loss_lines(loss):
        print(line, file=sys.stderr)
    answer = prompt(translate("cli", "Restore anyway? [y/N] "), False, ())
    return answer.strip().lower() in ("y", "yes", translate("cli", "y"))


def cmd_restore(ctx: Context) -> Outcome:
    """Authenticates against the backup's own key slots: the shop here may be damaged. The
    recovery key (``SHOP_RECOVERY_KEY``, or asked with ``--recovery-key``) opens a backup
    made before the password was changed or recovered."""
    if ctx.location.on_server:
        raise ServerBackupElsewhere(action="restore")
    name, password, recovery_key = restore_credentials(ctx)
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return confirm_restore(ctx, loss)

    aside = restore.restore_backup(ctx.data_dir, Path(ctx.args.file), name, password,
                                  confirm=confirm, recovery_key=recovery_key)
    held = any(loss.stays_held for loss in told)
    older = sorted({n for loss in told for n in loss.older_passwords})
    data = {"data_dir": str(ctx.data_dir), "previous": str(aside) if aside else None,
            "held": held, "older_passwords": older,
            "older_recovery_key": any(loss.older_recovery_key for loss in told),
            **backup_data(told[0] if told else restore.RestoreLoss(False))}
    lines = [translate("cli", "Restored the shop from {file}.").format(file=ctx.args.file)]
    for loss in told[:1]:
        lines.extend([*(new_computer_lines(loss) if loss.into_empty else []),
                      *newer_lines(loss), *password_lines(loss)])
    if recovery_key is not None:  # the key opened the backup, no password (QA s18a F10)
        lines.append(translate(
            "cli", "The shop opens with a password as it was when the backup was made. If "
            "{name}'s is not known, set a new one with the recovery key: recover {name} "
            "(SHOP_RECOVERY_KEY and SHOP_NEW_PASSWORD, or asked).").format(name=name))
    lines.extend([held_line(loss) for loss in told[:1]] if held else [])
    if aside:
        lines.append(translate("cli", "The data it replaced is kept in {aside}.").format(
            aside=aside))
    return Outcome(data, lines)


def backup_data(loss: restore.RestoreLoss) -> dict[str, object]:
    """The JSON's facts of the backup: when it was made (ISO UTC), whether it is the other
    computer's final backup, and a newer one of the same shop beside it (or null)."""
    facts = loss.backup
    return {"backup_made_at": facts.made_at.isoformat() if facts.made_at else None,
            "final": facts.final, "newer_backup": facts.newer_file or None,
            "newer_backup_made_at": (facts.newer_made_at.isoformat() if facts.newer_made_at
                                     else None)}


def restore_credentials(ctx: Context) -> tuple[str, str, str | None]:
    """The owner's name, and the password or the recovery key that opens the backup."""
    recovery_key = os.environ.get("SHOP_RECOVERY_KEY")
    if recovery_key is None and not ctx.args.recovery_key:
        return (*credentials(), None)
    name = os.environ.get("SHOP_OPERATOR") or prompt(
        translate("cli", "Operator: "), False, ("SHOP_OPERATOR", "SHOP_RECOVERY_KEY"))
    if recovery_key is None:
        recovery_key = prompt(translate("cli", "Recovery key: "), True,
                              ("SHOP_OPERATOR", "SHOP_RECOVERY_KEY"))
    return name, "", recovery_key
