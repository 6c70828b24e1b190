"""The argument parser: global options, then one sub-command per CONTRACT.md line."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.cli.frame import Handler
from desktop_app.cli.giftcard_commands import cmd_voucher_balance, cmd_voucher_cards
from desktop_app.cli.report_commands import cmd_export_redemptions, cmd_report
from desktop_app.cli.sales_commands import (
    cmd_cardkey_import,
    cmd_order_create,
    cmd_order_list,
    cmd_order_pay,
    cmd_order_refund,
    cmd_product_add,
    cmd_product_list,
    parse_item,
)
from desktop_app.cli.shop_commands import (
    cmd_backup,
    cmd_init,
    cmd_migrate_to,
    cmd_operator_add,
    cmd_recover,
    cmd_restore,
    cmd_verify,
)
from desktop_app.cli.voucher_commands import (
    LAYOUTS,
    cmd_decode,
    cmd_redeem,
    cmd_voucher_batch,
    cmd_voucher_find,
    cmd_voucher_qr,
    cmd_voucher_reload,
    cmd_voucher_show,
)
from desktop_app.core import fulfilment, giftcards, orders, products, report_tables
from desktop_app.core.errors import InvalidInput
from desktop_app.core.text import MAX_STATION, checked_text
from desktop_app.i18n import translate


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


def _station(text: str) -> str:
    try:
        return checked_text(text, "station", MAX_STATION, required=True)
    except InvalidInput:
        raise argparse.ArgumentTypeError(translate(
            "cli", "a station name of 1 to {maximum} characters without control characters"
        ).format(maximum=MAX_STATION)) from None


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true",
                        help=translate("cli", "print one JSON object on stdout"))
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help=translate("cli", "the shop's folder"))
    common.add_argument("--database", default=argparse.SUPPRESS, metavar="URL",
                        help=translate("cli", "the shop's PostgreSQL server"))
    return common


def add_commands(parser: argparse.ArgumentParser) -> None:
    common = _common()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=help_text)
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
    p.add_argument("--kind", choices=products.KINDS, default="service")
    p.add_argument("--uses", type=_positive_int, default=1)
    p.add_argument("--valid-days", type=_positive_int)
    p.add_argument("--stock", type=int)
    p.add_argument("--value", help=translate(
        "cli", "a gift card's balance when sold (default: the price)"))
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
    p.add_argument("--method", choices=fulfilment.PAYMENT_METHODS, default="cash")
    p.add_argument("--ref")
    p = command("refund", cmd_order_refund, translate("cli", "refund an order"), order)
    p.add_argument("order_id", type=int)
    p = command("list", cmd_order_list, translate("cli", "list orders"), order)
    p.add_argument("--status", choices=orders.STATUSES)

    voucher = sub.add_parser("voucher", help=translate("cli", "vouchers")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("show", cmd_voucher_show, translate(
        "cli", "state, uses left, validity, customer and history; consumes nothing"), voucher)
    p.add_argument("code", metavar="CODE_OR_PAYLOAD")
    p = command("find", cmd_voucher_find, translate(
        "cli", "vouchers whose customer name or phone contains TEXT"), voucher)
    p.add_argument("--customer", required=True, metavar="TEXT")
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
    p = command("reload", cmd_voucher_reload, translate(
        "cli", "add money to a gift card's balance (a payment, counted as a sale)"), voucher)
    p.add_argument("code")
    p.add_argument("--amount", required=True)
    p.add_argument("--method", choices=giftcards.RELOAD_METHODS, default="cash")
    p.add_argument("--ref")
    p.add_argument("--station", default=default_station())
    p = command("cards", cmd_voucher_cards, translate(
        "cli", "a caller's gift cards by order or phone: card number, product, customer; "
        "no code, no balance"), voucher)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", type=int, metavar="ORDER_ID")
    which.add_argument("--phone", metavar="TEXT")
    p = command("balance", cmd_voucher_balance, translate(
        "cli", "a gift card's balance, validity and recent ledger, with its PIN (from "
        "SHOP_CARD_PIN or a prompt): the customer on the phone"), voucher)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--card", type=int, metavar="CARD", help=translate(
        "cli", "the card's number, as `voucher cards` lists it"))
    which.add_argument("--order", type=int, metavar="ORDER_ID", help=translate(
        "cli", "the order that sold the card (when it sold only one)"))
    p.add_argument("--station", default=default_station(), type=_station)

    export = sub.add_parser("export", help=translate("cli", "export records")).add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = command("redemptions", cmd_export_redemptions, translate(
        "cli", "every redemption attempt, as CSV"), export)
    p.add_argument("--out", required=True, help=translate("cli", "FILE.csv"))
    p.add_argument("--from", dest="start", type=_local_date, metavar="DATE",
                   help=translate("cli", "first day, YYYY-MM-DD local time"))
    p.add_argument("--to", dest="end", type=_local_date, metavar="DATE",
                   help=translate("cli", "last day, YYYY-MM-DD local time (included)"))

    p = command("report", cmd_report, translate(
        "cli", "the owner's reports: redemptions, sales, liability, stock"))
    p.add_argument("report", choices=report_tables.REPORTS)
    p.add_argument("--by", choices=sorted({g for gs in report_tables.GROUPINGS.values()
                                           for g in gs}),
                   help=translate("cli", "group by; the report's first grouping by default"))
    p.add_argument("--from", dest="start", type=_local_date, metavar="DATE",
                   help=translate("cli", "first day, YYYY-MM-DD local time"))
    p.add_argument("--to", dest="end", type=_local_date, metavar="DATE",
                   help=translate("cli", "last day, YYYY-MM-DD local time (included)"))
    p.add_argument("--out", help=translate("cli", "FILE.csv or FILE.xlsx"))

    p = command("redeem", cmd_redeem, translate(
        "cli", "redeem one use, N uses at once, or spend an amount from a gift card"))
    p.add_argument("code", metavar="CODE_OR_PAYLOAD")
    how_much = p.add_mutually_exclusive_group()
    how_much.add_argument("--uses", type=_positive_int, default=1, metavar="N",
                          help=translate("cli", "uses to consume at once: all of them or none"))
    how_much.add_argument("--amount", help=translate(
        "cli", "spend this much from a gift card's balance (all or nothing)"))
    p.add_argument("--station", default=default_station(), type=_station)

    p = command("decode", cmd_decode, translate("cli", "QR payloads found in image files"))
    p.add_argument("image", nargs="+")

    p = command("verify", cmd_verify, translate(
        "cli", "check the database, the audit chain and its witnesses"))
    p.add_argument("--acknowledge", metavar="REASON", help=translate(
        "cli", "owner: record what was found, with a reason, and lift the integrity hold"))
    p = command("backup", cmd_backup, translate("cli", "write an encrypted backup"))
    p.add_argument("--out", required=True)
    p = command("restore", cmd_restore, translate(
        "cli", "restore from a backup file (refused while the shop is open anywhere)"))
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help=translate(
        "cli", "restore without asking, although the backup lacks newer changes"))
    p = command("recover", cmd_recover, translate(
        "cli", "set owner NAME's password with the recovery key (SHOP_RECOVERY_KEY, "
        "SHOP_NEW_PASSWORD)"))
    p.add_argument("name")
    p = command("migrate-to", cmd_migrate_to, translate(
        "cli", "copy this shop into an empty PostgreSQL database and check the copy"))
    p.add_argument("url", metavar="URL")


def default_station() -> str:
    import socket

    return os.environ.get("SHOP_STATION") or socket.gethostname() or "station"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=Path(sys.executable).name if getattr(sys, "frozen", False)
        else "python -m desktop_app",
        description=translate("cli", "Voucher Shop: sell, print and redeem QR vouchers."))
    parser.add_argument("--data-dir", help=translate("cli", "the shop's folder"))
    parser.add_argument("--database", metavar="URL", help=translate(
        "cli", "the shop's PostgreSQL server, postgresql://USER@HOST[:PORT]/DBNAME (the password "
        "from PGPASSWORD or ~/.pgpass; default: SHOP_DATABASE_URL, else the shop's folder)"))
    parser.add_argument("--lang", choices=["en", "zh_CN"],
                        help=translate("cli", "language of the interface"))
    parser.add_argument("--demo", action="store_true",
                        help=translate("cli", "open the demo shop in its own folder"))
    parser.add_argument("--self-test", action="store_true",
                        help=translate("cli", "check that this install works, then exit"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_commands(parser)
    return parser


