"""Commands that look after a shop: init, recover, operators, verify, backup, restore, migrate."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app.cli.frame import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    LOGIN_VARIABLES,
    Context,
    Outcome,
    UsageError,
    credentials,
    new_password,
    open_as_operator,
    prompt,
    tell_restore_notice,
)
from desktop_app.core import (
    audit,
    auth,
    backup,
    integrity,
    live_folder,
    live_server,
    moved_shop,
    roles,
    rollback_reopens,
)
from desktop_app.core.errors import (
    DatabaseCorrupt,
    IntegrityHold,
    ShopMoved,
)
from desktop_app.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.messages import command_line_error_message, error_message, server_address
from desktop_app.messages.verify_texts import (
    summary_text,
    verify_problem_lines,
    verify_problem_text,
)


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
    recovered = ctx.location.recover(ctx.args.name, key, password)
    # Said, never refused: the new password is set by now (QA s12e F7).
    with tell_restore_notice(ctx, recovered, settled_now=False) as shop:
        data = {"name": shop.operator.name, "failed_logins": shop.failed_logins}
    return Outcome(data, [translate(
        "cli", "New password set for {name}; the recovery key stays the same.").format(
            name=data["name"])])


def cmd_recovery_key(ctx: Context) -> Outcome:
    """Owner: whether the shop has a recovery key; ``--new``: a new one, printed once, the
    old one no longer working (QA s19b F5: a first-build shop had none, and no way to one)."""
    from desktop_app.core import recovery_keys

    login = credentials()
    with open_as_operator(ctx, login) as shop:
        roles.require_owner(shop, "recovery_key_new" if ctx.args.new else "recovery_key")
        if not ctx.args.new:
            exists = recovery_keys.has_recovery_key(shop)
            return Outcome({"recovery_key_exists": exists}, [translate(
                "cli", "This shop has a recovery key.") if exists else translate(
                "cli", "This shop has no recovery key: make one with recovery-key --new.")])
        # The login's password, proven again as the app asks for it (no second prompt).
        key = recovery_keys.make_new_recovery_key(shop, login[1])
    return Outcome({"recovery_key": key}, [
        translate("cli", "New recovery key (shown only now; any earlier key no longer works; "
                  "keep it on paper, away from this PC):"), f"    {key}"])


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
        return Outcome({"ok": False, "problems": problems},
                       verify_problem_lines(problems), EXIT_ERROR)
    except IntegrityHold as exc:
        if exc.params.get("problem") != "database_missing":
            raise
        problems = [str(exc.params["problems"])]
        return Outcome({"ok": False, "problems": problems}, problems, EXIT_ERROR)
    with shop:
        roles.require_owner(shop, "verify")
        problems = audit.verify_shop(shop)
        reopens = rollback_reopens.reopens_vouchers([*problems, *shop.integrity_problems])
        reopened = rollback_reopens.count_reopened(shop) if reopens else None
        facts = live_server.hold_facts(shop)
        said = reopen_lines(reopened, server=ctx.location.on_server,
                            restored="after_restore" in facts) if reopens else []
        if ctx.args.acknowledge is not None:
            if reopens and not confirm_acknowledge(ctx, said):
                return Outcome({"ok": False, "acknowledged": [], **reopen_data(reopened)},
                               [translate("cli", "Nothing was acknowledged; the shop stays on "
                                          "hold.")], EXIT_REFUSED)
            live = live_folder.elsewhere(integrity.witness_root(), shop.shop_id, shop.data_dir)
            recorded = audit.acknowledge(shop, ctx.args.acknowledge, problems)
            lines = [translate("cli", "Acknowledged and recorded in the audit log:"),
                     *(f"- {plain_problem(p, server=ctx.location.on_server)}"
                       for p in recorded), *said]
            if live is not None:  # this copy is now the shop on this computer (QA round 2)
                lines.append(translate(
                    "cli", "This computer last worked with this shop in {folder}: that "
                    "folder is now held, this copy being the shop here.").format(folder=live))
            return Outcome({"ok": True, "acknowledged": recorded, **reopen_data(reopened)},
                           lines)
    data: dict[str, object] = {"ok": not problems, "problems": problems}
    if reopens:
        data.update(reopen_data(reopened))
    lines = verify_problem_lines(problems, server=ctx.location.on_server, facts=facts) or [
        translate("cli", "The database and its audit chain are intact.")]
    if problems:  # a restore done, two computers: what is left to do (QA s18a F4, F6)
        lines.extend(t for t in [summary_text(facts, command_line=True)] if t)
    lines.extend(said)
    if shop.moved_to is not None:
        data["moved_to"] = shop.moved_to
    if shop.moved_to is not None and moved_shop.to_computer(shop.moved_to):
        lines.append(command_line_error_message(ShopMoved(**shop.moved_to)))
    elif shop.moved_to is not None:
        lines.append(translate("cli", "This shop was moved to the server {host} (database "
                               "{database}); this folder keeps it for reading only.").format(
                                   **shop.moved_to))
    return Outcome(data, lines, EXIT_OK if not problems else EXIT_ERROR)


def reopen_lines(reopened: rollback_reopens.Reopened | None, *, server: bool,
                 restored: bool = False) -> list[str]:
    """What acknowledging a rollback re-opens (QA s12a F4): the warning, then the count
    where the newer data is at hand. A server shop keeps no backups of the app's own: its
    newest pg_dump is where to look (QA s13b N3). ``restored``: the latest backup was
    restored already, so "restore it instead" is no advice (QA s18a F6)."""
    warning = SERVER_REOPEN_WARNING if server else (
        RESTORED_REOPEN_WARNING if restored else REOPEN_WARNING)
    lines = [translate("cli", warning)]
    if reopened is not None:
        lines.append(translate(
            "cli", "{folder} holds redemptions this shop's data lacks ({count}): acknowledging "
            "makes those vouchers redeemable again.").format(
                folder=reopened.found_in, count=reopened.redemptions))
    return lines


REOPEN_WARNING = QT_TRANSLATE_NOOP(
    "cli", "Acknowledging lets the shop work on its data as it is now: vouchers redeemed in "
    "the lost records look unused again and can be redeemed a second time. Restore the "
    "latest backup instead if you have one; else check the latest redemptions (receipts, "
    "the newest backup) first.")
RESTORED_REOPEN_WARNING = QT_TRANSLATE_NOOP(
    "cli", "Acknowledging lets the shop work on its data as it is now: vouchers redeemed in "
    "the lost records look unused again and can be redeemed a second time. Check the latest "
    "redemptions first (receipts, the counters' lists).")
SERVER_REOPEN_WARNING = QT_TRANSLATE_NOOP(
    "cli", "Acknowledging lets the shop work on its data as it is now: vouchers redeemed in "
    "the lost records look unused again and can be redeemed a second time. Check the latest "
    "redemptions first (receipts, the Redemption tab's list at each counter, the server's "
    "newest pg_dump).")


def reopen_data(reopened: rollback_reopens.Reopened | None) -> dict[str, object]:
    return {"reopens_vouchers": True,
            "reopened_redemptions": reopened.redemptions if reopened else None,
            "reopened_found_in": str(reopened.found_in) if reopened else None}


def confirm_acknowledge(ctx: Context, said: list[str]) -> bool:
    """At a terminal, a person is asked first (``--yes`` answers). A script's ``--acknowledge
    REASON`` is the owner's decision already, as the contract has it: it acknowledges, and its
    output carries the warning and the count."""
    if ctx.args.yes or not sys.stdin or not sys.stdin.isatty():
        return True
    for line in said:
        print(line, file=sys.stderr)
    answer = prompt(translate("cli", "Acknowledge anyway? [y/N] "), False, ())
    return answer.strip().lower() in ("y", "yes", translate("cli", "y"))


def plain_problem(problem: str, *, server: bool = False) -> str:
    """A problem in words; its code is in --json and the log, not in what the owner reads
    (QA s18a F6)."""
    return verify_problem_text(problem, server=server)


def cmd_backup(ctx: Context) -> Outcome:
    if ctx.args.final:
        return _final_backup(ctx)
    with open_as_operator(ctx) as shop:
        out = backup.write_backup(shop, Path(ctx.args.out))
    data = {"out": str(out), "size": out.stat().st_size}
    return Outcome(data, [translate("cli", "Backup written to {out}.").format(out=out)])


def _final_backup(ctx: Context) -> Outcome:
    """The shop moves to another computer: its final backup, then this folder read-only."""
    from desktop_app.core.move_out import write_final_backup

    with open_as_operator(ctx) as shop:
        done = write_final_backup(shop, Path(ctx.args.out))
    data = {"out": str(done.path), "size": done.size, "final": True, "moved_at": done.at}
    return Outcome(data, [translate(
        "cli", "Final backup written to {out}. This folder now keeps the shop for reading "
        "only: nothing can be redeemed or changed in it any more. On the new computer, "
        "restore this backup (restore {out}), then work there.").format(out=done.path)])


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
