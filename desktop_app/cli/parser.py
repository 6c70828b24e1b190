"""The argument parser: global options, then one sub-command per CONTRACT.md line.

A command's function is imported when it runs, and only the command named on the command line
gets its arguments built: ``redeem`` loads neither the reports nor the PDF painter, and does
not pay for the thirty parsers of the others (argparse looks up its own translations for each).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop_app import __version__
from desktop_app.cli.arg_types import (
    int_between,
    local_date,
    parse_item,
    positive_int,
    station_name,
)
from desktop_app.cli.argparse_words import (
    VERSION_HELP,
    HelpFormatter,
    argparse_text,
    speak_the_users_language,
)
from desktop_app.i18n import translate

if TYPE_CHECKING:
    from desktop_app.cli.frame import Context, Handler, Outcome

LAYOUTS = ("a4", "receipt58", "receipt80")  # desktop_app.printing.LAYOUTS, without Qt GUI
# core.redemption.MAX_USES_AT_ONCE, without loading the database before the key derivation
MAX_USES_AT_ONCE = 1000
# Global options that take a value: the word after one is not the command.
VALUE_OPTIONS = ("--data-dir", "--database", "--lang")


def runs(target: str) -> Handler:
    """The handler ``module.function`` of ``desktop_app.cli``, imported when it runs."""
    module, _, function = target.rpartition(".")

    def handler(ctx: Context) -> Outcome:
        found: Handler = getattr(importlib.import_module(f"desktop_app.cli.{module}"), function)
        gc.enable()  # loaded: the start-up's pause of the cycle collector ends (see __main__)
        return found(ctx)

    handler.target = target  # type: ignore[attr-defined]  # for the test that finds them all
    return handler


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    common.add_argument("--json", action="store_true",
                        help=translate("cli", "print one JSON object on stdout"))
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help=translate("cli", "the shop's folder"))
    common.add_argument("--database", default=argparse.SUPPRESS, metavar="URL",
                        help=translate("cli", "the shop's PostgreSQL server"))
    return common


Adder = Callable[..., argparse.ArgumentParser]


def _group(sub: Any, name: str, help_text: str) -> Any:
    """A command with actions (``order pay``...): its own sub-commands."""
    return sub.add_parser(name, help=help_text, formatter_class=HelpFormatter).add_subparsers(
        dest="action", metavar="ACTION", required=True)


def _init(command: Adder, sub: Any) -> None:
    p = command("init", "shop_commands.cmd_init", translate("cli", "create a new encrypted shop"))
    p.add_argument("--shop-name", default="My Shop")
    p.add_argument("--currency", default="CNY")


def _operator(command: Adder, sub: Any) -> None:
    op = _group(sub, "operator", translate("cli", "operators"))
    p = command("add", "shop_commands.cmd_operator_add", translate("cli", "add an operator"), op)
    p.add_argument("name")
    p.add_argument("--role", choices=["owner", "clerk"], required=True)


def _product(command: Adder, sub: Any) -> None:
    from desktop_app.core import products  # here: only this command's choices need it

    prod = _group(sub, "product", translate("cli", "products"))
    p = command("add", "sales_commands.cmd_product_add", translate("cli", "add a product"), prod)
    # Every option said (QA s39a F1: only --value was), the kinds in the app's words too.
    p.add_argument("--name", required=True, help=translate(
        "cli", "the product's name, as vouchers and receipts print it"))
    p.add_argument("--price", required=True, help=translate(
        "cli", "the selling price, e.g. 199 or 19.90, in the shop's currency"))
    p.add_argument("--kind", choices=products.KINDS, default="service", help=translate(
        "cli", "service: a pass of uses (default); cardkey: imported codes, one per sale; "
               "goods: handed over at the sale; giftcard: carries money"))
    p.add_argument("--uses", type=positive_int, default=1, help=translate(
        "cli", "uses per voucher of a service (default 1): 5 for a five-wash pass"))
    p.add_argument("--valid-days", type=positive_int, help=translate(
        "cli", "calendar days a voucher is valid from its sale; left out: no expiry"))
    p.add_argument("--stock", type=int, help=translate(
        "cli", "how many can be sold; left out: no limit (a card key's stock is its "
               "imported keys)"))
    p.add_argument("--value", help=translate(
        "cli", "a gift card's balance when sold (default: the price)"))
    p = command("list", "sales_commands.cmd_product_list",
                translate("cli", "list products with stock"), prod)
    p.add_argument("--all", action="store_true", help=translate("cli", "include archived"))


def _cardkey(command: Adder, sub: Any) -> None:
    ck = _group(sub, "cardkey", translate("cli", "card keys"))
    p = command("import", "sales_commands.cmd_cardkey_import",
                translate("cli", "import card keys"), ck)
    p.add_argument("product_id", type=int, help=translate(
        "cli", "the card-key product's id (product list)"))
    p.add_argument("file", help=translate(
        "cli", "a text or CSV file, UTF-8 or GBK: one key a line (a row of several columns "
               "is one key, e.g. number / password); a header row, notes and duplicates "
               "are left out and counted"))


def _order(command: Adder, sub: Any) -> None:
    from desktop_app.core import fulfilment, orders  # here: only this command's choices

    order = _group(sub, "order", translate("cli", "orders"))
    p = command("create", "sales_commands.cmd_order_create",
                translate("cli", "create an unpaid order"), order)
    p.add_argument("--item", type=parse_item, action="extend", nargs="+", required=True,
                   metavar="PRODUCT_ID[:QTY]")
    p.add_argument("--customer")
    p.add_argument("--phone")
    p.add_argument("--note")
    p = command("pay", "sales_commands.cmd_order_pay",
                translate("cli", "take payment, issue vouchers"), order)
    p.add_argument("order_id", type=int)
    p.add_argument("--method", choices=fulfilment.PAYMENT_METHODS, default="cash")
    p.add_argument("--ref")
    _station(p)
    p = command("refund", "sales_commands.cmd_order_refund",
                translate("cli", "refund an order"), order)
    p.add_argument("order_id", type=int)
    p.add_argument("--expect", metavar="DECIMAL", help=translate(
        "cli", "refund only if it pays back this much (what the customer was told); else "
        "nothing is refunded"))
    _station(p)
    p = command("list", "sales_commands.cmd_order_list", translate("cli", "list orders"), order)
    p.add_argument("--status", choices=orders.STATUSES)


def _voucher(command: Adder, sub: Any) -> None:
    from desktop_app.core import giftcards  # here: only this command's choices need it

    voucher = _group(sub, "voucher", translate("cli", "vouchers"))
    p = command("show", "voucher_commands.cmd_voucher_show", translate(
        "cli", "state, uses left, validity, customer and history; consumes nothing"), voucher)
    p.add_argument("code", metavar="CODE_OR_PAYLOAD")
    p = command("find", "voucher_commands.cmd_voucher_find", translate(
        "cli", "vouchers whose customer name or phone contains TEXT"), voucher)
    p.add_argument("--customer", required=True, metavar="TEXT")
    p = command("qr", "voucher_commands.cmd_voucher_qr", translate(
        "cli", "write the QR image (.png) or the printable voucher (.pdf)"), voucher)
    p.add_argument("code")
    p.add_argument("--out", required=True, help=translate("cli", "FILE.png or FILE.pdf"))
    p.add_argument("--layout", choices=LAYOUTS,  # no default: a PNG says it has no use
                   help=translate("cli", "paper of the PDF: A4 sheet or 58/80 mm receipt"))
    p = command("batch", "voucher_commands.cmd_voucher_batch", translate(
        "cli", "issue many paid vouchers at once as one batch order"), voucher)
    p.add_argument("product_id", type=int)
    p.add_argument("--count", type=positive_int, required=True)
    p.add_argument("--price", help=translate(
        "cli", "the price each voucher is booked at (default: the product's; 0: given away)"))
    p.add_argument("--out", help=translate(
        "cli", "FILE.csv (codes and payloads) or FILE.pdf (a sheet of vouchers)"))
    p.add_argument("--note")
    _station(p)
    p.set_defaults(key_ahead=True)  # like redeem: it opens the shop as soon as it has loaded
    p = command("reload", "voucher_commands.cmd_voucher_reload", translate(
        "cli", "add money to a gift card's balance (a payment, counted as a sale)"), voucher)
    p.add_argument("code")
    p.add_argument("--amount", required=True)
    p.add_argument("--method", choices=giftcards.RELOAD_METHODS, default="cash")
    p.add_argument("--ref")
    _station(p)
    p = command("cashout", "voucher_commands.cmd_voucher_cashout", translate(
        "cli", "pay a gift card's small remainder out in cash and empty it (up to the shop's "
        "cash-out limit)"), voucher)
    p.add_argument("code")
    _station(p)
    p = command("cards", "giftcard_commands.cmd_voucher_cards", translate(
        "cli", "a caller's gift cards by order or phone: card number, product, customer; "
        "no code, no balance"), voucher)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", type=int, metavar="ORDER_ID")
    which.add_argument("--phone", metavar="TEXT")
    p = command("balance", "giftcard_commands.cmd_voucher_balance", translate(
        "cli", "a gift card's balance, validity and recent ledger, with its PIN (from "
        "SHOP_CARD_PIN or a prompt): the customer on the phone"), voucher)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--card", type=int, metavar="CARD", help=translate(
        "cli", "the card's number, as `voucher cards` lists it"))
    which.add_argument("--order", type=int, metavar="ORDER_ID", help=translate(
        "cli", "the order that sold the card (when it sold only one)"))
    _station(p)
    p = command("spend", "giftcard_commands.cmd_voucher_spend", translate(
        "cli", "spend from a gift card the customer has not brought, with its PIN (from "
        "SHOP_CARD_PIN or a prompt): paid by phone number and PIN"), voucher)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--card", type=int, metavar="CARD", help=translate(
        "cli", "the card's number, as `voucher cards` lists it"))
    which.add_argument("--order", type=int, metavar="ORDER_ID", help=translate(
        "cli", "the order that sold the card (when it sold only one)"))
    p.add_argument("--amount", required=True)
    _station(p)
    p = command("pin", "giftcard_commands.cmd_voucher_pin", translate(
        "cli", "set or replace a gift card's PIN (owners; from SHOP_CARD_PIN or typed twice "
        "at a prompt), or remove it with --clear"), voucher)
    p.add_argument("--card", type=int, metavar="CARD", required=True, help=translate(
        "cli", "the card's number, as `voucher cards` lists it"))
    p.add_argument("--clear", action="store_true", help=translate(
        "cli", "remove the PIN: looking the card up then needs it in hand"))


def _station(p: argparse.ArgumentParser) -> None:
    p.add_argument("--station", default=default_station(), type=station_name, help=translate(
        "cli", "this counter's name in the records (default: SHOP_STATION, else the "
        "computer's name)"))


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", type=local_date, metavar="DATE",
                   help=translate("cli", "first day, YYYY-MM-DD local time"))
    p.add_argument("--to", dest="end", type=local_date, metavar="DATE",
                   help=translate("cli", "last day, YYYY-MM-DD local time (included)"))


def _export(command: Adder, sub: Any) -> None:
    export = _group(sub, "export", translate("cli", "export records"))
    p = command("redemptions", "report_commands.cmd_export_redemptions", translate(
        "cli", "every redemption attempt, as CSV"), export)
    p.add_argument("--out", required=True, help=translate("cli", "FILE.csv"))
    _dates(p)


def _report(command: Adder, sub: Any) -> None:
    from desktop_app.core import report_tables  # here: only this command's choices need it

    p = command("report", "report_commands.cmd_report", translate(
        "cli", "the owner's reports: redemptions, sales, liability, stock"))
    p.add_argument("report", choices=report_tables.REPORTS)
    p.add_argument("--by", choices=sorted({g for gs in report_tables.GROUPINGS.values()
                                           for g in gs}),
                   help=translate("cli", "group by; the report's first grouping by default"))
    _dates(p)
    p.add_argument("--out", help=translate("cli", "FILE.csv or FILE.xlsx"))


def _redeem(command: Adder, sub: Any) -> None:
    p = command("redeem", "redeem_command.cmd_redeem", translate(
        "cli", "redeem one use, N uses at once, or spend an amount from a gift card"))
    p.add_argument("code", metavar="CODE_OR_PAYLOAD", help=translate(
        "cli", "the voucher's QR payload (as scanned) or its printed code"))
    how_much = p.add_mutually_exclusive_group()
    # No default here: argparse sees a conflict only with a value that is not the default, so
    # ``--uses 1 --amount 2`` passed (QA s10b F4). The command counts one use when none is given.
    how_much.add_argument("--uses", type=int_between(1, MAX_USES_AT_ONCE), metavar="N",
                          help=translate("cli", "uses to consume at once: all of them or none"))
    how_much.add_argument("--amount", help=translate(
        "cli", "spend this much from a gift card's balance (all or nothing)"))
    _station(p)
    # It opens the shop as soon as it has loaded: its key derivation runs while it loads.
    p.set_defaults(key_ahead=True)


def _decode(command: Adder, sub: Any) -> None:
    p = command("decode", "voucher_commands.cmd_decode",
                translate("cli", "QR payloads found in image files"))
    p.add_argument("image", nargs="+")


def _verify(command: Adder, sub: Any) -> None:
    p = command("verify", "shop_commands.cmd_verify", translate(
        "cli", "check the database, the audit chain and its witnesses"))
    p.add_argument("--acknowledge", metavar="REASON", help=translate(
        "cli", "owner: record what was found, with a reason, and lift the integrity hold"))
    p.add_argument("--yes", action="store_true", help=translate(
        "cli", "acknowledge without asking, although it re-opens vouchers of lost records"))


def _backup(command: Adder, sub: Any) -> None:
    p = command("backup", "shop_commands.cmd_backup",
                translate("cli", "write an encrypted backup"))
    p.add_argument("--out", required=True)
    p.add_argument("--final", action="store_true", help=translate(
        "cli", "owner: the final backup, to move the shop to another computer; this folder "
        "then keeps the shop for reading only"))


def _restore(command: Adder, sub: Any) -> None:
    p = command("restore", "restore_commands.cmd_restore", translate(
        "cli", "restore from a backup file (refused while the shop is open anywhere)"))
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help=translate(
        "cli", "restore without asking, although the backup lacks newer changes"))
    p.add_argument("--recovery-key", action="store_true", help=translate(
        "cli", "open the backup with the shop's recovery key (SHOP_RECOVERY_KEY, or asked) "
        "instead of a password: for a backup made before the password was changed"))


def _recover(command: Adder, sub: Any) -> None:
    p = command("recover", "shop_commands.cmd_recover", translate(
        "cli", "set owner NAME's password with the recovery key (SHOP_RECOVERY_KEY, "
        "SHOP_NEW_PASSWORD)"))
    p.add_argument("name")


def _recovery_key(command: Adder, sub: Any) -> None:
    p = command("recovery-key", "shop_commands.cmd_recovery_key", translate(
        "cli", "owner: whether the shop has a recovery key; --new makes a new one"))
    p.add_argument("--new", action="store_true", help=translate(
        "cli", "make the shop a new recovery key and print it once; any earlier key stops "
        "working"))


def _migrate_to(command: Adder, sub: Any) -> None:
    p = command("migrate-to", "shop_commands.cmd_migrate_to", translate(
        "cli", "copy this shop into an empty PostgreSQL database and check the copy"))
    p.add_argument("url", metavar="URL")


# Each command word and what adds it, in the order of --help.
COMMANDS: dict[str, Callable[[Adder, Any], None]] = {
    "init": _init, "operator": _operator, "product": _product, "cardkey": _cardkey,
    "order": _order, "voucher": _voucher, "export": _export, "report": _report,
    "redeem": _redeem, "decode": _decode, "verify": _verify, "backup": _backup,
    "restore": _restore, "recover": _recover, "recovery-key": _recovery_key,
    "migrate-to": _migrate_to,
}


def add_commands(parser: argparse.ArgumentParser, only: str | None = None) -> None:
    """The sub-commands: all of them, or only the command ``only`` when it is one."""
    common = _common()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, target: str, help_text: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(
            name, parents=[common], help=help_text, formatter_class=HelpFormatter)
        p.set_defaults(handler=runs(target))
        return p

    for name, add in COMMANDS.items():
        if only not in COMMANDS or name == only:
            add(command, sub)


def command_word(words: list[str]) -> str | None:
    """The command of a command line: its first word that is neither an option nor the value
    of a global option."""
    return next((w for i, w in enumerate(words) if not w.startswith("-")
                 and not (i > 0 and words[i - 1] in VALUE_OPTIONS)), None)


def default_station() -> str:
    import socket

    return os.environ.get("SHOP_STATION") or socket.gethostname() or "station"


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose bad usage keeps the ``--json`` promise: one JSON object on
    stdout (QA: a script parsing stdout got nothing), the usage on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        if "--json" in sys.argv[1:]:
            print(json.dumps({"ok": False, "error": "usage", "message": message},
                             ensure_ascii=False))
        super().error(message)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with every command, or only the one ``argv`` names; its help
    and usage errors in the language ``use_language`` chose, argparse's own words too."""
    speak_the_users_language()
    parser = Parser(
        formatter_class=HelpFormatter,
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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=argparse_text(VERSION_HELP))
    add_commands(parser, None if argv is None else command_word(argv))
    return parser


