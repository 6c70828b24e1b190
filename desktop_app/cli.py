"""The command line of CONTRACT.md, on top of ``desktop_app.core``.

Exit status: 0 done, 1 an error, 2 bad usage, 3 refused (a redemption refused, a wrong
password, an operator not allowed). ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app import __version__
from desktop_app.core import auth, inventory, orders, redemption, reports, vouchers
from desktop_app.core.errors import (
    Forbidden,
    InvalidInput,
    LockedOut,
    ShopError,
    UnknownOperator,
    WrongPassword,
)
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.models import Voucher
from desktop_app.core.money import money_text
from desktop_app.core.store import Shop, create_shop, open_shop
from desktop_app.core.vouchers_view import voucher_view, voucher_views

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
BATCH_COLUMNS = ("code", "payload", "product", "uses", "valid_until")
LAYOUTS = ("a4", "receipt58", "receipt80")  # desktop_app.printing.LAYOUTS, without Qt GUI
REFUSALS = (WrongPassword, UnknownOperator, Forbidden, LockedOut)


class UsageError(Exception):
    """Bad usage that argparse could not see (a missing variable, no terminal to ask on)."""


@dataclass
class Outcome:
    """What a command did: a JSON object for ``--json``, lines of text for people."""

    data: dict[str, Any]
    lines: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK


@dataclass
class Context:
    data_dir: Path
    json: bool
    args: argparse.Namespace


Handler = Callable[[Context], Outcome]


# --- credentials --------------------------------------------------------------------------


def _prompt(prompt: str, secret: bool) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(translate(
            "cli", "No terminal to ask on: set SHOP_OPERATOR and SHOP_PASSWORD."))
    return getpass.getpass(prompt) if secret else input(prompt)


def credentials() -> tuple[str, str]:
    name = os.environ.get("SHOP_OPERATOR") or _prompt(translate("cli", "Operator: "), False)
    password = os.environ.get("SHOP_PASSWORD")
    if password is None:
        password = _prompt(translate("cli", "Password: "), True)
    return name, password


def new_password(operator: str) -> str:
    password = os.environ.get("SHOP_NEW_PASSWORD")
    if password is not None:
        return password
    first = _prompt(translate("cli", "New password for {name}: ").format(name=operator), True)
    again = _prompt(translate("cli", "Type it again: "), True)
    if first != again:
        raise InvalidInput(field="password", problem="mismatch")
    return first


def open_as_operator(ctx: Context) -> Shop:
    name, password = credentials()
    return open_shop(ctx.data_dir, name, password)


def when(moment: dt.datetime | None) -> str:
    """A UTC time shown in local time for people; JSON keeps ISO UTC."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "—"


# --- commands -----------------------------------------------------------------------------


def cmd_init(ctx: Context) -> Outcome:
    name = os.environ.get("SHOP_OPERATOR") or _prompt(translate("cli", "Owner name: "), False)
    password = os.environ.get("SHOP_PASSWORD")
    if password is None:
        password = new_password(name)
    shop = create_shop(ctx.data_dir, ctx.args.shop_name, ctx.args.currency, name, password)
    with shop:
        data = {"data_dir": str(shop.data_dir), "shop": shop.name, "owner": shop.operator.name}
    return Outcome(data, [translate("cli", "Created the shop “{shop}” in {path}.").format(
        shop=data["shop"], path=data["data_dir"])])


def cmd_operator_add(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        auth.require_owner(shop, "operator_add")
        password = new_password(ctx.args.name)
        operator = auth.add_operator(shop, ctx.args.name, ctx.args.role, password)
        data = {"id": operator.id, "name": operator.name, "role": operator.role}
    return Outcome(data, [translate("cli", "Added operator {name} ({role}).").format(**data)])


def product_json(row: inventory.ProductRow) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "kind": row.kind,
            "price": money_text(row.price_cents), "uses": row.uses_per_voucher,
            "valid_days": row.valid_days, "stock": row.stock, "active": row.active}


def cmd_product_add(ctx: Context) -> Outcome:
    a = ctx.args
    with open_as_operator(ctx) as shop:
        product = inventory.add_product(shop, a.name, a.price, a.kind, a.uses, a.valid_days,
                                        a.stock)
        data = {"id": product.id, "name": product.name}
    return Outcome(data, [str(product.id)])


def cmd_product_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = inventory.list_products(shop, include_archived=ctx.args.all)
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
        report = inventory.import_card_keys(shop, ctx.args.product_id, text)
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


def voucher_json(item: orders.IssuedVoucher) -> dict[str, Any]:
    return {"id": item.id, "code": item.code, "payload": item.payload,
            "product": item.product_name, "uses": item.uses,
            "valid_until": item.valid_until.isoformat() if item.valid_until else None}


def cmd_order_pay(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        issued = orders.pay_order(shop, ctx.args.order_id, ctx.args.method, ctx.args.ref or "")
        data = {"order": ctx.args.order_id, "vouchers": [voucher_json(v) for v in issued]}
    lines = [f"{v.code}  {v.payload}  {v.product_name}" for v in issued]
    return Outcome(data, lines or [translate("cli", "Paid; this order has no vouchers.")])


def cmd_order_refund(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        result = orders.refund_order(shop, ctx.args.order_id)
    data = {"order": ctx.args.order_id, "voided": result.voided,
            "stock_returned": result.stock_returned, "keys_returned": result.keys_returned}
    return Outcome(data, [translate(
        "cli", "Refunded order {order}: {voided} vouchers void.").format(**data)])


def cmd_order_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = [order_json(o) for o in orders.list_orders(shop, ctx.args.status)]
    lines = [f"{r['id']:>6}  {r['status']:<9} {r['total']:>10}  {r['customer']}" for r in rows]
    return Outcome({"orders": rows}, lines)


def cmd_voucher_show(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        auth.require_owner(shop, "voucher_show")
        voucher: Voucher = redemption.voucher_by_text(shop, ctx.args.code)
        attempts = [{"id": a.id, "reason": a.reason, "ok": a.ok, "operator": a.operator.name,
                     "station": a.station, "at": a.created_at.isoformat()}
                    for a in redemption.history(voucher)]
        data = {"id": voucher.id, "code": vouchers.typed_code(voucher.code),
                "payload": orders.voucher_payload(shop, voucher), "state": voucher.state,
                "order": voucher.order_id, "order_status": voucher.order.status,
                "product": voucher.product.name, "uses_left": voucher.uses_left,
                "uses_total": voucher.uses_total,
                "valid_until": voucher.valid_until.isoformat() if voucher.valid_until else None,
                "history": attempts}
    lines = [f"{data['code']}  {data['product']}",
             translate("cli", "State: {state}, uses left {left} of {total}").format(
                 state=data["state"], left=data["uses_left"], total=data["uses_total"])]
    lines += [f"  {a['at']}  {a['reason']:<18} {a['operator']} @ {a['station']}" for a in attempts]
    return Outcome(data, lines)


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
        auth.require_owner(shop, "voucher_qr")
        voucher = redemption.voucher_by_text(shop, ctx.args.code)
        payload = orders.voucher_payload(shop, voucher)
        view = voucher_view(shop, voucher) if out.suffix.lower() == ".pdf" else None
    if view is None:
        atomic_write_bytes(out, vouchers.qr_png(payload))
    else:
        from desktop_app import printing

        printing.write_voucher_pdf(out, [view], ctx.args.layout)
    return Outcome({"out": str(out), "payload": payload}, [str(out)])


def _write_batch(out: Path, shop: Shop, issued: list[orders.IssuedVoucher]) -> None:
    if out.suffix.lower() == ".csv":
        rows: list[list[object]] = [
            [v.code, v.payload, reports.spreadsheet_safe(v.product_name), v.uses,
             v.valid_until.isoformat() if v.valid_until else ""] for v in issued]
        atomic_write_bytes(out, reports.csv_bytes(BATCH_COLUMNS, rows))
        return
    from desktop_app import printing

    views = voucher_views(shop, [v.id for v in issued])
    printing.write_voucher_pdf(out, views, "a4")


def cmd_voucher_batch(ctx: Context) -> Outcome:
    out = output_path(ctx.args.out, (".csv", ".pdf")) if ctx.args.out else None
    with open_as_operator(ctx) as shop:
        issued = orders.issue_batch(shop, ctx.args.product_id, ctx.args.count,
                                    ctx.args.note or "")
        order_id = Voucher.get_by_id(issued[0].id).order_id
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
    with open_as_operator(ctx) as shop:
        verdict = redemption.redeem(shop, ctx.args.code, ctx.args.station)
    data = verdict.to_json()
    line = f"{verdict.reason}: {verdict.product or ctx.args.code[:40]}"
    if verdict.uses_left is not None:
        line += "  " + translate("cli", "uses left {left}").format(left=verdict.uses_left)
    if verdict.reason == "already_redeemed" and verdict.last_at:
        line += "  " + translate("cli", "last by {who} at {when}").format(
            who=verdict.last_operator, when=when(verdict.last_at))
    return Outcome(data, [line], EXIT_OK if verdict.ok else EXIT_REFUSED)


def cmd_decode(ctx: Context) -> Outcome:
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


def cmd_verify(ctx: Context) -> Outcome:
    from desktop_app.core import audit

    with open_as_operator(ctx) as shop:
        auth.require_owner(shop, "verify")
        problems = audit.verify_shop(shop)
    data = {"ok": not problems, "problems": problems}
    lines = problems or [translate("cli", "The database and its audit chain are intact.")]
    return Outcome(data, lines, EXIT_OK if not problems else EXIT_ERROR)


def cmd_backup(ctx: Context) -> Outcome:
    from desktop_app.core import backup

    with open_as_operator(ctx) as shop:
        out = backup.write_backup(shop, Path(ctx.args.out))
    data = {"out": str(out), "size": out.stat().st_size}
    return Outcome(data, [translate("cli", "Backup written to {out}.").format(out=out)])


def cmd_restore(ctx: Context) -> Outcome:
    """Authenticates against the backup's own key slots: the shop here may be damaged."""
    from desktop_app.core import backup

    name, password = credentials()
    aside = backup.restore_backup(ctx.data_dir, Path(ctx.args.file), name, password)
    data = {"data_dir": str(ctx.data_dir), "previous": str(aside) if aside else None}
    lines = [translate("cli", "Restored the shop from {file}.").format(file=ctx.args.file)]
    if aside:
        lines.append(translate("cli", "The data it replaced is kept in {aside}.").format(
            aside=aside))
    return Outcome(data, lines)


# --- the parser ---------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "not a number: {text}").format(
            text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(translate("cli", "must be 1 or more"))
    return value


def _local_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "expected a date as YYYY-MM-DD, got {text!r}").format(text=text)) from None


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true",
                        help=translate("cli", "print one JSON object on stdout"))
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help=translate("cli", "the shop's folder"))
    return common


def add_commands(parser: argparse.ArgumentParser) -> None:
    common = _common()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("init", cmd_init, translate("cli", "create a new encrypted shop"))
    p.add_argument("--shop-name", default="My Shop")
    p.add_argument("--currency", default="CNY")

    op = sub.add_parser("operator", help=translate("cli", "operators")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("add", cmd_operator_add, translate("cli", "add an operator"), op)
    p.add_argument("name")
    p.add_argument("--role", choices=["owner", "clerk"], required=True)

    prod = sub.add_parser("product", help=translate("cli", "products")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("add", cmd_product_add, translate("cli", "add a product"), prod)
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True)
    p.add_argument("--kind", choices=inventory.KINDS, default="service")
    p.add_argument("--uses", type=_positive_int, default=1)
    p.add_argument("--valid-days", type=_positive_int)
    p.add_argument("--stock", type=int)
    p = command("list", cmd_product_list, translate("cli", "list products with stock"), prod)
    p.add_argument("--all", action="store_true", help=translate("cli", "include archived"))

    ck = sub.add_parser("cardkey", help=translate("cli", "card keys")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("import", cmd_cardkey_import, translate("cli", "import card keys"), ck)
    p.add_argument("product_id", type=int)
    p.add_argument("file")

    order = sub.add_parser("order", help=translate("cli", "orders")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("create", cmd_order_create, translate("cli", "create an unpaid order"), order)
    p.add_argument("--item", type=parse_item, action="extend", nargs="+", required=True,
                   metavar="PRODUCT_ID[:QTY]")
    p.add_argument("--customer")
    p.add_argument("--phone")
    p.add_argument("--note")
    p = command("pay", cmd_order_pay, translate("cli", "take payment, issue vouchers"), order)
    p.add_argument("order_id", type=int)
    p.add_argument("--method", choices=orders.PAYMENT_METHODS, default="cash")
    p.add_argument("--ref")
    p = command("refund", cmd_order_refund, translate("cli", "refund an order"), order)
    p.add_argument("order_id", type=int)
    p = command("list", cmd_order_list, translate("cli", "list orders"), order)
    p.add_argument("--status", choices=orders.STATUSES)

    voucher = sub.add_parser("voucher", help=translate("cli", "vouchers")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("show", cmd_voucher_show, translate("cli", "state and history"), voucher)
    p.add_argument("code")
    p = command("qr", cmd_voucher_qr, translate(
        "cli", "write the QR image (.png) or the printable voucher (.pdf)"), voucher)
    p.add_argument("code")
    p.add_argument("--out", required=True, help=translate("cli", "FILE.png or FILE.pdf"))
    p.add_argument("--layout", choices=LAYOUTS, default="a4",
                   help=translate("cli", "paper of the PDF: A4 sheet or 58/80 mm receipt"))
    p = command("batch", cmd_voucher_batch, translate(
        "cli", "issue many paid vouchers at once as one batch order"), voucher)
    p.add_argument("product_id", type=int)
    p.add_argument("--count", type=_positive_int, required=True)
    p.add_argument("--out", help=translate(
        "cli", "FILE.csv (codes and payloads) or FILE.pdf (a sheet of vouchers)"))
    p.add_argument("--note")

    export = sub.add_parser("export", help=translate("cli", "export records")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("redemptions", cmd_export_redemptions, translate(
        "cli", "every redemption attempt, as CSV"), export)
    p.add_argument("--out", required=True, help=translate("cli", "FILE.csv"))
    p.add_argument("--from", dest="start", type=_local_date, metavar="DATE",
                   help=translate("cli", "first day, YYYY-MM-DD local time"))
    p.add_argument("--to", dest="end", type=_local_date, metavar="DATE",
                   help=translate("cli", "last day, YYYY-MM-DD local time (included)"))

    p = command("redeem", cmd_redeem, translate("cli", "redeem one use"))
    p.add_argument("code")
    p.add_argument("--station", default=default_station())

    p = command("decode", cmd_decode, translate("cli", "QR payloads found in image files"))
    p.add_argument("image", nargs="+")

    command("verify", cmd_verify, translate("cli", "check the database and audit chain"))
    p = command("backup", cmd_backup, translate("cli", "write an encrypted backup"))
    p.add_argument("--out", required=True)
    p = command("restore", cmd_restore, translate("cli", "restore from a backup file"))
    p.add_argument("file")


def default_station() -> str:
    import socket

    return os.environ.get("SHOP_STATION") or socket.gethostname() or "station"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=Path(sys.executable).name if getattr(sys, "frozen", False)
        else "python -m desktop_app",
        description=translate("cli", "Voucher Shop: sell, print and redeem QR vouchers."))
    parser.add_argument("--data-dir", help=translate("cli", "the shop's folder"))
    parser.add_argument("--lang", choices=["en", "zh_CN"],
                        help=translate("cli", "language of the interface"))
    parser.add_argument("--demo", action="store_true",
                        help=translate("cli", "open the demo shop in its own folder"))
    parser.add_argument("--self-test", action="store_true",
                        help=translate("cli", "check that this install works, then exit"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_commands(parser)
    return parser


def _emit(ctx_json: bool, outcome: Outcome) -> int:
    if ctx_json:
        payload = {"ok": outcome.exit_code == EXIT_OK, **outcome.data}
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        for line in outcome.lines:
            print(line)
    return outcome.exit_code


def error_outcome(exc: ShopError) -> Outcome:
    from desktop_app.messages import error_message

    try:
        message = error_message(exc)
    except Exception:  # a broken message must not hide the error behind a traceback
        log.exception("no message for %s", exc.code)
        message = str(exc)
    code = EXIT_REFUSED if isinstance(exc, REFUSALS) else EXIT_ERROR
    return Outcome({"error": exc.code, "message": message, **_jsonable(exc.params)},
                   [message], code)


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool | None) else str(v)
            for k, v in params.items() if k not in ("ok", "error", "message")}


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run the parsed command; every failure becomes a message and an exit status."""
    ctx = Context(data_dir, bool(getattr(args, "json", False)), args)
    try:
        outcome = args.handler(ctx)
    except ShopError as exc:
        log.info("command %s failed: %s", args.command, exc.code)
        outcome = error_outcome(exc)
        if not ctx.json:
            print(outcome.lines[0], file=sys.stderr)
            return outcome.exit_code
    except UsageError as exc:
        outcome = Outcome({"error": "usage", "message": str(exc)}, [str(exc)], EXIT_USAGE)
        if not ctx.json:
            print(str(exc), file=sys.stderr)
            return EXIT_USAGE
    except (KeyboardInterrupt, EOFError):
        return EXIT_USAGE
    except Exception:
        log.exception("command %s crashed", args.command)
        message = translate("cli", "Unexpected error; details are in the log file.")
        outcome = Outcome({"error": "internal", "message": message}, [message], EXIT_ERROR)
        if not ctx.json:
            print(message, file=sys.stderr)
            return EXIT_ERROR
    return _emit(ctx.json, outcome)
