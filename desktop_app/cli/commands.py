"""The commands of CONTRACT.md: each takes a Context and returns an Outcome."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.frame import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    Context,
    Outcome,
    UsageError,
    credentials,
    new_password,
    open_as_operator,
    painting_application,
    prompt,
    when,
)
from desktop_app.core import (
    audit,
    auth,
    backup,
    cardkeys,
    counter,
    fulfilment,
    giftcards,
    orders,
    products,
    redemption,
    refunds,
    report_files,
    report_tables,
    reports,
    restore,
    roles,
    vouchers,
)
from desktop_app.core.errors import (
    DatabaseCorrupt,
    IntegrityHold,
    InvalidInput,
    ServerBackupElsewhere,
    ShopError,
)
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.money import money_text, parse_money
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import voucher_view, voucher_views
from desktop_app.i18n import translate

log = logging.getLogger(__name__)

BATCH_COLUMNS = ("code", "payload", "product", "uses", "valid_until")
LAYOUTS = ("a4", "receipt58", "receipt80")  # desktop_app.printing.LAYOUTS, without Qt GUI




def cmd_init(ctx: Context) -> Outcome:
    name = os.environ.get("SHOP_OPERATOR") or prompt(translate("cli", "Owner name: "), False)
    password = os.environ.get("SHOP_PASSWORD")
    if password is None:
        password = new_password(name)
    location = ctx.location
    shop = location.create(ctx.args.shop_name, ctx.args.currency, name, password)
    with shop:
        data = {"data_dir": str(shop.data_dir), "shop": shop.name, "owner": shop.operator.name,
                "recovery_key": shop.recovery_key}
    if location.database_url:
        data["database"] = location.database_url
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
        key = prompt(translate("cli", "Recovery key: "), True)
    password = new_password(ctx.args.name)
    with auth.recover_owner(ctx.data_dir, ctx.args.name, key, password) as shop:
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


def product_json(row: products.ProductDetail) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "kind": row.kind,
            "price": money_text(row.price_cents), "uses": row.uses_per_voucher,
            "valid_days": row.valid_days, "stock": row.stock, "active": row.active}


def cmd_product_add(ctx: Context) -> Outcome:
    a = ctx.args
    with open_as_operator(ctx) as shop:
        product = products.add_product(shop, a.name, a.price, a.kind, a.uses, a.valid_days,
                                        a.stock, value=a.value)
        data = {"id": product.id, "name": product.name}
    return Outcome(data, [str(product.id)])


def cmd_product_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = products.list_products(shop, include_archived=ctx.args.all)
        currency = shop.currency
    stock_word = translate("cli", "stock")
    lines = [f"{r.id:>5}  {r.kind:<8} {money_text(r.price_cents):>10} {currency}  "
             f"{stock_word} {'∞' if r.stock is None else r.stock:<8} {r.name}" for r in rows]
    return Outcome({"products": [product_json(r) for r in rows], "currency": currency}, lines)


def cmd_cardkey_import(ctx: Context) -> Outcome:
    path = Path(ctx.args.file)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InvalidInput(field="file", problem="unreadable", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput(field="file", problem="not_utf8", path=str(path)) from exc
    with open_as_operator(ctx) as shop:
        report = cardkeys.import_card_keys(shop, ctx.args.product_id, text)
    data = {"imported": report.imported, "duplicate": report.duplicate, "blank": report.blank,
            "malformed": report.malformed}
    return Outcome(data, [translate(
        "cli", "Imported {imported} card keys; refused {duplicate} duplicate, {blank} blank "
        "and {malformed} malformed lines.").format(**data)])


def parse_item(text: str) -> tuple[int, int]:
    product, _, quantity = text.partition(":")
    try:
        return int(product), int(quantity or "1")
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "expected PRODUCT_ID[:QTY], got {text!r}").format(text=text)
        ) from None


def order_json(order: Any) -> dict[str, Any]:
    return {"id": order.id, "status": order.status, "total": money_text(order.total_cents),
            "customer": order.customer_name, "created_at": order.created_at.isoformat(),
            "paid_at": order.paid_at.isoformat() if order.paid_at else None,
            "method": order.payment_method}


def cmd_order_create(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        order = orders.create_order(shop, ctx.args.item, ctx.args.customer or "",
                                    ctx.args.phone or "", ctx.args.note or "")
        data = order_json(order)
    return Outcome(data, [str(order.id)])


def voucher_json(item: fulfilment.IssuedVoucher) -> dict[str, Any]:
    data = {"id": item.id, "code": item.code, "payload": item.payload,
            "product": item.product_name, "uses": item.uses,
            "valid_until": item.valid_until.isoformat() if item.valid_until else None}
    if item.balance_cents is not None:
        data["balance"] = money_text(item.balance_cents)
    return data


def cmd_order_pay(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        issued = fulfilment.pay_order(shop, ctx.args.order_id, ctx.args.method, ctx.args.ref or "")
        data = {"order": ctx.args.order_id, "vouchers": [voucher_json(v) for v in issued]}
    lines = [f"{v.code}  {v.payload}  {v.product_name}" for v in issued]
    return Outcome(data, lines or [translate("cli", "Paid; this order has no vouchers.")])


def cmd_order_refund(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        result = refunds.refund_order(shop, ctx.args.order_id)
    data = {"order": ctx.args.order_id, "voided": result.voided,
            "stock_returned": result.stock_returned, "keys_returned": result.keys_returned}
    return Outcome(data, [translate(
        "cli", "Refunded order {order}: {voided} vouchers void.").format(**data)])


def cmd_order_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = [order_json(o) for o in orders.list_orders(shop, ctx.args.status)]
    lines = [f"{r['id']:>6}  {r['status']:<9} {r['total']:>10}  {r['customer']}" for r in rows]
    return Outcome({"orders": rows}, lines)


def info_json(info: counter.VoucherInfo) -> dict[str, Any]:
    data = dataclasses.asdict(info)
    for key in ("valid_from", "valid_until", "issued_at"):
        data[key] = data[key].isoformat() if data[key] else None
    for row in data["history"]:
        row["at"] = row["at"].isoformat()
    if not data["payload"]:
        del data["payload"]
    if info.balance is None:
        del data["balance"]
    else:
        data["balance"] = money_text(info.balance)  # a decimal string, as the contract writes it
    return data


def info_line(info: counter.VoucherInfo) -> str:
    customer = " ".join(part for part in (info.customer, info.customer_phone) if part)
    until = when(info.valid_until) if info.valid_until else "—"
    return translate("cli", "{code}  {product}  {status}, uses left {left} of {total}, "
                     "valid until {until}  {customer}").format(
        code=info.code, product=info.product, status=info.status, left=info.uses_left,
        total=info.uses_total, until=until, customer=customer).rstrip()


def cmd_voucher_show(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        info = counter.lookup(shop, ctx.args.code)
    lines = [info_line(info)]
    lines += [f"  {when(a.at)}  {a.reason:<18} {a.operator} @ {a.station}"
              for a in info.history]
    return Outcome(info_json(info), lines)


def cmd_voucher_find(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        found = counter.find_vouchers(shop, ctx.args.customer)
    data = {"vouchers": [info_json(info) for info in found], "count": len(found)}
    lines = [info_line(info) for info in found]
    return Outcome(data, lines or [translate("cli", "No vouchers found.")])


def output_path(text: str, allowed: tuple[str, ...]) -> Path:
    """``--out``, checked before anything is done: its kind, and a folder to write it in."""
    out = Path(text).expanduser()
    if out.suffix.lower() not in allowed:
        raise InvalidInput(field="out", problem="format", allowed=", ".join(allowed))
    if not out.parent.is_dir():
        raise InvalidInput(field="out", problem="no_folder", path=str(out.parent))
    return out


def cmd_voucher_qr(ctx: Context) -> Outcome:
    out = output_path(ctx.args.out, (".png", ".pdf"))
    with open_as_operator(ctx) as shop:
        roles.require_owner(shop, "voucher_qr")
        voucher = counter.voucher_by_text(shop, ctx.args.code)
        payload = fulfilment.voucher_payload(shop, voucher)
        view = voucher_view(shop, voucher) if out.suffix.lower() == ".pdf" else None
    if view is None:
        atomic_write_bytes(out, vouchers.qr_png(payload))
    else:
        from desktop_app import printing  # here: Qt, only for the commands that paint

        painting_application()
        printing.write_voucher_pdf(out, [view], ctx.args.layout)
    return Outcome({"out": str(out), "payload": payload}, [str(out)])


def _write_batch(out: Path, shop: Shop, issued: list[fulfilment.IssuedVoucher]) -> None:
    if out.suffix.lower() == ".csv":
        rows: list[list[object]] = [
            [v.code, v.payload, reports.spreadsheet_safe(v.product_name), v.uses,
             v.valid_until.isoformat() if v.valid_until else ""] for v in issued]
        atomic_write_bytes(out, reports.csv_bytes(BATCH_COLUMNS, rows))
        return
    from desktop_app import printing  # here: Qt, only for the commands that paint

    painting_application()
    views = voucher_views(shop, [v.id for v in issued])
    printing.write_voucher_pdf(out, views, "a4")


def cmd_voucher_batch(ctx: Context) -> Outcome:
    out = output_path(ctx.args.out, (".csv", ".pdf")) if ctx.args.out else None
    with open_as_operator(ctx) as shop:
        issued = fulfilment.issue_batch(shop, ctx.args.product_id, ctx.args.count,
                                    ctx.args.note or "")
        order_id = issued[0].order_id
        data: dict[str, Any] = {"order": order_id, "count": len(issued)}
        if out is None:
            data["vouchers"] = [voucher_json(v) for v in issued]
            return Outcome(data, [f"{v.code}  {v.payload}" for v in issued])
        try:
            _write_batch(out, shop, issued)
        except ShopError as exc:
            exc.params.setdefault("order", order_id)  # the vouchers exist: say where
            raise
    data["out"] = str(out)
    return Outcome(data, [translate(
        "cli", "Issued {count} vouchers (order {order}); written to {out}.").format(**data)])


def cmd_redeem(ctx: Context) -> Outcome:
    amount = None if ctx.args.amount is None else parse_money(ctx.args.amount, "amount")
    with open_as_operator(ctx) as shop:
        verdict = redemption.redeem(shop, ctx.args.code, ctx.args.station, uses=ctx.args.uses,
                                    amount_cents=amount)
    data = verdict.to_json()
    line = f"{verdict.reason}: {verdict.product or ctx.args.code[:40]}"
    if verdict.balance is not None:
        line += "  " + translate("cli", "balance {balance}").format(
            balance=money_text(verdict.balance))
    elif verdict.uses_left is not None:
        line += "  " + translate("cli", "uses left {left}").format(left=verdict.uses_left)
    if verdict.customer or verdict.customer_phone:
        line += "  " + " ".join(p for p in (verdict.customer, verdict.customer_phone) if p)
    if verdict.reason == "mistyped" and verdict.suspect_group is not None:
        line += "  " + translate("cli", "check group {group}").format(
            group=verdict.suspect_group + 1)
    if verdict.reason == "already_redeemed" and verdict.last_at:
        line += "  " + translate("cli", "last by {who} at {when}").format(
            who=verdict.last_operator, when=when(verdict.last_at))
    return Outcome(data, [line], EXIT_OK if verdict.ok else EXIT_REFUSED)


def cmd_voucher_reload(ctx: Context) -> Outcome:
    amount = parse_money(ctx.args.amount, "amount")
    with open_as_operator(ctx) as shop:
        card = counter.voucher_by_text(shop, ctx.args.code)
        change = giftcards.reload(shop, card, amount, ctx.args.method, ctx.args.station,
                                  ctx.args.ref or "")
        data = {"voucher": change.voucher_id, "code": vouchers.typed_code(card.code),
                "order": change.order_id, "amount": money_text(change.amount_cents),
                "balance": money_text(change.balance_cents), "method": ctx.args.method}
    return Outcome(data, [translate(
        "cli", "Reloaded {code} with {amount} (order {order}); balance {balance}.").format(
        **data)])


def cmd_decode(ctx: Context) -> Outcome:
    # here: OpenCV and the decoders load only for this command
    from desktop_app.scanning.decoders import UnreadableImage, decode_file

    results = []
    for name in ctx.args.image:
        try:
            found = [d.text for d in decode_file(Path(name))]
        except UnreadableImage as exc:
            raise InvalidInput(field="image", problem="unreadable", path=name) from exc
        results.append({"file": name, "payloads": found})
    lines = [f"{r['file']}: {' '.join(r['payloads']) or '—'}" for r in results]
    return Outcome({"images": results}, lines)


def cmd_export_redemptions(ctx: Context) -> Outcome:
    a = ctx.args
    out = output_path(a.out, (".csv",))
    with open_as_operator(ctx) as shop:
        count = reports.export_redemptions(shop, out, a.start, a.end)
    data = {"out": str(out), "rows": count, "from": a.start.isoformat() if a.start else None,
            "to": a.end.isoformat() if a.end else None}
    return Outcome(data, [translate("cli", "Wrote {rows} redemption records to {out}.").format(
        rows=count, out=out)])


def _report_lines(report: report_tables.Report) -> list[str]:
    data = report_files.report_json(report)
    keys = [c.key for c in report.columns]
    lines = ["\t".join(keys)]
    lines += ["\t".join("" if r[k] is None else str(r[k]) for k in keys) for r in data["rows"]]
    lines.append("\t".join(str(data["totals"].get(k, "")) if k != "group" else
                            translate("cli", "total") for k in keys))
    return lines


def cmd_report(ctx: Context) -> Outcome:
    a = ctx.args
    out = report_files.check_output(Path(a.out).expanduser()) if a.out else None
    with open_as_operator(ctx) as shop:
        report = report_tables.run_report(shop, a.report, a.by, a.start, a.end)
        if out is not None:
            report_files.write_report(shop, report, out)
    data = report_files.report_json(report)
    if out is None:
        return Outcome(data, _report_lines(report))
    data["out"] = str(out)
    return Outcome(data, [translate("cli", "Wrote the {report} report ({rows} rows) to {out}.")
                          .format(report=a.report, rows=len(report.rows), out=out)])


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
            recorded = audit.acknowledge(shop, ctx.args.acknowledge, problems)
            return Outcome({"ok": True, "acknowledged": recorded}, [translate(
                "cli", "Acknowledged and recorded in the audit log: {problems}").format(
                    problems="; ".join(recorded) or "—")])
    data = {"ok": not problems, "problems": problems}
    lines = problems or [translate("cli", "The database and its audit chain are intact.")]
    return Outcome(data, lines, EXIT_OK if not problems else EXIT_ERROR)


def cmd_backup(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        out = backup.write_backup(shop, Path(ctx.args.out))
    data = {"out": str(out), "size": out.stat().st_size}
    return Outcome(data, [translate("cli", "Backup written to {out}.").format(out=out)])


def loss_lines(loss: restore.RestoreLoss) -> list[str]:
    if not loss.readable:
        return [translate("cli", "The current shop cannot be read, so what the backup lacks "
                          "is unknown: everything since the backup may be lost.")]
    return [translate(
        "cli", "The backup lacks {events} changes made since: {orders} orders, {operators} "
        "operator changes, {redemptions} redemptions. The redemptions (and operators "
        "disabled since) are carried over; the rest is lost.").format(
            events=loss.events, orders=loss.orders, operators=loss.operator_changes,
            redemptions=loss.redemptions)]


def confirm_restore(ctx: Context, loss: restore.RestoreLoss) -> bool:
    """``--yes`` confirms for scripts; else ask at the terminal (no terminal: bad usage)."""
    if not loss.anything or ctx.args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(translate(
            "cli", "{lines} Nothing was restored: run it at a terminal to answer, or add "
            "--yes.").format(lines=" ".join(loss_lines(loss))))
    for line in loss_lines(loss):
        print(line, file=sys.stderr)
    answer = input(translate("cli", "Restore anyway? [y/N] "))
    return answer.strip().lower() in ("y", "yes", translate("cli", "y"))


def cmd_restore(ctx: Context) -> Outcome:
    """Authenticates against the backup's own key slots: the shop here may be damaged."""
    if ctx.location.on_server:
        raise ServerBackupElsewhere()
    name, password = credentials()
    aside = restore.restore_backup(ctx.data_dir, Path(ctx.args.file), name, password,
                                  confirm=lambda loss: confirm_restore(ctx, loss))
    data = {"data_dir": str(ctx.data_dir), "previous": str(aside) if aside else None}
    lines = [translate("cli", "Restored the shop from {file}.").format(file=ctx.args.file)]
    if aside:
        lines.append(translate("cli", "The data it replaced is kept in {aside}.").format(
            aside=aside))
    return Outcome(data, lines)




def cmd_migrate_to(ctx: Context) -> Outcome:
    """Copy the shop of this folder to an empty database on the server; the file stays."""
    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.pg import check_url

    if ctx.location.on_server:
        raise UsageError(translate(
            "cli", "migrate-to copies the shop of a folder: leave out --database and "
            "SHOP_DATABASE_URL."))
    url = check_url(ctx.args.url)
    with open_as_operator(ctx) as shop:
        report = migrate_to_server(shop, url)
    data = {"database": report.url, "rows": report.rows, "chain_head": report.chain_head}
    return Outcome(data, [translate(
        "cli", "Copied the shop to {url} ({rows} rows) and checked the copy. Point the "
        "counters at it with --database or SHOP_DATABASE_URL; the folder is unchanged.").format(
            url=report.url, rows=sum(report.rows.values()))])
