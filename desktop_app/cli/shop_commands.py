"""Commands that look after a shop: init, recover, operators, verify, backup, restore, migrate."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app.cli.frame import (
    EXIT_ERROR,
    EXIT_OK,
    LOGIN_VARIABLES,
    Context,
    Outcome,
    UsageError,
    credentials,
    new_password,
    open_as_operator,
    prompt,
)
from desktop_app.core import (
    audit,
    auth,
    backup,
    integrity,
    live_folder,
    restore,
    roles,
)
from desktop_app.core.errors import (
    DatabaseCorrupt,
    IntegrityHold,
    ServerBackupElsewhere,
)
from desktop_app.core.money import money_text
from desktop_app.i18n import QT_TRANSLATE_NOOP, sentences, translate
from desktop_app.messages import error_message, server_address
from desktop_app.messages.verify_texts import verify_problem_text


def cmd_init(ctx: Context) -> Outcome:
    name = os.environ.get("SHOP_OPERATOR") or prompt(
        translate("cli", "Owner name: "), False, LOGIN_VARIABLES)
    password = os.environ.get("SHOP_PASSWORD")
    if password is None:
        password = new_password(name)
    location = ctx.location
    shop = location.create(ctx.args.shop_name, ctx.args.currency, name, password)
    with shop:
        data = {"data_dir": str(shop.data_dir), "shop": shop.name, "owner": shop.operator.name,
                "recovery_key": shop.recovery_key}
    if location.database_url:  # the shop is on the server; data_dir keeps this PC's logs
        data["database"] = location.database_url
        data["server"] = server_address(location.database_url)
    lines = [translate("cli", "Created the shop “{shop}” in {path}.").format(
        shop=data["shop"], path=location.describe())]
    if shop.recovery_key:
        lines += [
            translate("cli", "Recovery key (shown only now; keep it on paper, away from this PC; "
                      "it lets an owner set a new password when every owner password is "
                      "forgotten):"),
            f"    {shop.recovery_key}"]
    return Outcome(data, lines)


def cmd_recover(ctx: Context) -> Outcome:
    """An owner's new password from the shop's recovery key."""
    key = os.environ.get("SHOP_RECOVERY_KEY")
    if key is None:
        key = prompt(translate("cli", "Recovery key: "), True,
                     ("SHOP_RECOVERY_KEY", "SHOP_NEW_PASSWORD"))
    password = new_password(ctx.args.name)
    with ctx.location.recover(ctx.args.name, key, password) as shop:
        data = {"name": shop.operator.name, "failed_logins": shop.failed_logins}
    return Outcome(data, [translate(
        "cli", "New password set for {name}; the recovery key stays the same.").format(
            name=data["name"])])


def cmd_operator_add(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        roles.require_owner(shop, "operator_add")
        password = new_password(ctx.args.name)
        operator = auth.add_operator(shop, ctx.args.name, ctx.args.role, password)
        data = {"id": operator.id, "name": operator.name, "role": operator.role}
    return Outcome(data, [translate("cli", "Added operator {name} ({role}).").format(**data)])


def cmd_verify(ctx: Context) -> Outcome:
    try:
        shop = open_as_operator(ctx)
    except DatabaseCorrupt as exc:  # what keeps the shop from opening is what verify found
        problems = [f"database: {exc.params.get('detail') or 'damaged'}"]
        return Outcome({"ok": False, "problems": problems}, problems, EXIT_ERROR)
    except IntegrityHold as exc:
        if exc.params.get("problem") != "database_missing":
            raise
        problems = [str(exc.params["problems"])]
        return Outcome({"ok": False, "problems": problems}, problems, EXIT_ERROR)
    with shop:
        roles.require_owner(shop, "verify")
        problems = audit.verify_shop(shop)
        if ctx.args.acknowledge is not None:
            live = live_folder.elsewhere(integrity.witness_root(), shop.shop_id, shop.data_dir)
            recorded = audit.acknowledge(shop, ctx.args.acknowledge, problems)
            lines = [translate("cli", "Acknowledged and recorded in the audit log: "
                               "{problems}").format(problems="; ".join(recorded) or "—")]
            if live is not None:  # this copy is now the shop on this computer (QA round 2)
                lines.append(translate(
                    "cli", "This computer last worked with this shop in {folder}: that "
                    "folder is now held, this copy being the shop here.").format(folder=live))
            return Outcome({"ok": True, "acknowledged": recorded}, lines)
    data: dict[str, object] = {"ok": not problems, "problems": problems}
    lines = [plain_problem(p) for p in problems] or [
        translate("cli", "The database and its audit chain are intact.")]
    if shop.moved_to is not None:
        data["moved_to"] = shop.moved_to
        lines.append(translate("cli", "This shop was moved to the server {host} (database "
                               "{database}); this folder keeps it for reading only.").format(
                                   **shop.moved_to))
    return Outcome(data, lines, EXIT_OK if not problems else EXIT_ERROR)


def plain_problem(problem: str) -> str:
    """A problem in words, its code after it for whoever helps the owner."""
    text = verify_problem_text(problem)
    return text if text == problem else f"{text} ({problem})"


def cmd_backup(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        out = backup.write_backup(shop, Path(ctx.args.out))
    data = {"out": str(out), "size": out.stat().st_size}
    return Outcome(data, [translate("cli", "Backup written to {out}.").format(out=out)])


def loss_lines(loss: restore.RestoreLoss) -> list[str]:
    if not loss.readable:
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
    if loss.moved_to:  # the way back from migrate-to: the server went on without the folder
        lines.append(translate(
            "cli", "Since this backup the shop was moved to the server {server}: what was "
            "done on the server since the move (sales, redemptions, refunds) is not in this "
            "backup and is not carried over. Stop the counters on the server first."
        ).format(server=loss.moved_to))
    if loss.refunds > loss.refunds_of_lost_orders:  # orders the backup has (QA s8b F5)
        lines.append(translate(
            "cli", "Refunds of orders from before the backup paid back {money}: after the "
            "restore those orders show as not refunded. Do not pay them back a second "
            "time.").format(money=money_text(loss.refund_cents - loss.lost_orders_refund_cents)))
    if loss.refunds_of_lost_orders:
        lines.append(translate(
            "cli", "Refunds of orders made since paid back {money}: those orders and their "
            "refunds are lost.").format(money=money_text(loss.lost_orders_refund_cents)))
    if loss.giftcard_changes:
        lines.append(translate(
            "cli", "Gift-card changes since (reloads, refunds), lost with their orders: "
            "{changes}; reloaded money lost: {money}.").format(
                changes=loss.giftcard_changes, money=money_text(loss.reload_cents)))
    if loss.cashouts_lost:  # cash-outs of cards the backup has are carried over (F13)
        lines.append(translate(
            "cli", "Cash-outs of gift cards sold since this backup: {count}; paid out in cash: "
            "{money}. They are lost with their cards.").format(
                count=loss.cashouts_lost, money=money_text(loss.cashout_cents_lost)))
    if loss.card_keys:
        lines.append(translate("cli", "Card keys handed out since: {keys}. They stay out of "
                               "stock (their orders are lost).").format(keys=loss.card_keys))
    return [*lines, translate("cli", STAYS_HELD)] if loss.stays_held else lines


STAYS_HELD = QT_TRANSLATE_NOOP(
    "cli", "This computer saw newer records than both the backup and the shop's data hold "
    "(the data was put back to an older copy): vouchers redeemed in them could be redeemed "
    "again, so redeeming stays stopped after the restore until an owner checks the vouchers "
    "and runs verify --acknowledge.")


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
    """Authenticates against the backup's own key slots: the shop here may be damaged."""
    if ctx.location.on_server:
        raise ServerBackupElsewhere(action="restore")
    name, password = credentials()
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return confirm_restore(ctx, loss)

    aside = restore.restore_backup(ctx.data_dir, Path(ctx.args.file), name, password,
                                  confirm=confirm)
    held = any(loss.stays_held for loss in told)
    data = {"data_dir": str(ctx.data_dir), "previous": str(aside) if aside else None,
            "held": held}
    lines = [translate("cli", "Restored the shop from {file}.").format(file=ctx.args.file)]
    if held:
        lines.append(translate("cli", STAYS_HELD))
    if aside:
        lines.append(translate("cli", "The data it replaced is kept in {aside}.").format(
            aside=aside))
    return Outcome(data, lines)


def cmd_migrate_to(ctx: Context) -> Outcome:
    """Copy the shop of this folder to an empty database on the server; the folder keeps it
    for reading only from then on."""
    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.pg_connection import check_url

    if ctx.location.on_server:
        raise UsageError(translate(
            "cli", "migrate-to copies the shop of a folder: leave out --database and "
            "SHOP_DATABASE_URL."))
    url = check_url(ctx.args.url)
    with open_as_operator(ctx) as shop:
        report = migrate_to_server(shop, url)
    data: dict[str, object] = {"database": report.url, "rows": report.rows,
                               "chain_head": report.chain_head}
    lines = [translate(
        "cli", "Copied the shop to {url} ({rows} rows) and checked the copy. This folder now "
        "keeps the shop for reading only: start every counter with --database {url} (or "
        "SHOP_DATABASE_URL).").format(url=report.url, rows=sum(report.rows.values()))]
    if report.folder_error is not None:  # the server has it: the move is done (see migrate_to)
        data.update(folder_recorded=False, folder_error=report.folder_error.code)
        lines.append(translate(
            "cli", "This folder could not write the move into its own audit log ({problem}). "
            "It was marked as moved before the copy, so it refuses every change all the same. "
            "Do not run migrate-to again: the shop is on the server now.").format(
                problem=error_message(report.folder_error)))
    return Outcome(data, lines)
