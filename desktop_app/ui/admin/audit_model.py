"""Audit events as people read them: kinds, subjects and details in words, and their table."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from desktop_app.core.audit import EventRow
from desktop_app.core.audit_subjects import DETAIL_SUBJECTS, record_ids, subject_kind
from desktop_app.i18n import QT_TRANSLATE_NOOP, label
from desktop_app.messages import role_label
from desktop_app.messages.labels import report_title
from desktop_app.ui.display import key_state_label, method_label, money
from desktop_app.ui.display import kind_label as product_kind_label
from desktop_app.ui.reports.report_models import column_title
from desktop_app.ui.tables import Column, RowTableModel

KIND_LABELS: dict[str, str] = {
    "product_add": QT_TRANSLATE_NOOP("audit", "Product added"),
    "product_update": QT_TRANSLATE_NOOP("audit", "Product changed"),
    "product_archive": QT_TRANSLATE_NOOP("audit", "Product archived"),
    "product_restore": QT_TRANSLATE_NOOP("audit", "Product restored"),
    "cardkey_import": QT_TRANSLATE_NOOP("audit", "Card keys imported"),
    "cardkey_faulty": QT_TRANSLATE_NOOP("audit", "Card key marked faulty"),
    "cardkey_replace": QT_TRANSLATE_NOOP("audit", "Card key replaced"),
    "cardkey_restock": QT_TRANSLATE_NOOP("audit", "Returned card key put back on sale"),
    "order_create": QT_TRANSLATE_NOOP("audit", "Order created"),
    "order_pay": QT_TRANSLATE_NOOP("audit", "Order paid"),
    "order_refund": QT_TRANSLATE_NOOP("audit", "Order refunded"),
    "order_refund_line": QT_TRANSLATE_NOOP("audit", "Order line refunded"),
    "order_cancel": QT_TRANSLATE_NOOP("audit", "Order cancelled"),
    "voucher_batch": QT_TRANSLATE_NOOP("audit", "Voucher batch issued"),
    "redeem": QT_TRANSLATE_NOOP("audit", "Redemption"),
    "redemption_undo": QT_TRANSLATE_NOOP("audit", "Redemption undone"),
    "operator_add": QT_TRANSLATE_NOOP("audit", "Operator added"),
    "operator_disable": QT_TRANSLATE_NOOP("audit", "Operator disabled"),
    "operator_enable": QT_TRANSLATE_NOOP("audit", "Operator enabled"),
    "operator_reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "operator_change_password": QT_TRANSLATE_NOOP("audit", "Own password changed"),
    "operator_recover": QT_TRANSLATE_NOOP("audit", "Owner password set with the recovery key"),
    "recovery_key_new": QT_TRANSLATE_NOOP("audit", "New recovery key made (any earlier one "
                                          "stopped working)"),
    "recovery_key_kept": QT_TRANSLATE_NOOP("audit", "Recovery key confirmed as kept (its last "
                                           "group typed back)"),
    "restore_carry": QT_TRANSLATE_NOOP("audit", "Restore: newer records carried over"),
    "restore_undone": QT_TRANSLATE_NOOP(
        "audit", "Restore stopped half-way: undone, the shop as before it"),
    "restore_completed": QT_TRANSLATE_NOOP(
        "audit", "Restore stopped half-way: completed at the next login"),
    "export": QT_TRANSLATE_NOOP("audit", "Export"),
    "backup": QT_TRANSLATE_NOOP("audit", "Backup"),
    "settings_change": QT_TRANSLATE_NOOP("audit", "Settings changed"),
    "giftcard_reload": QT_TRANSLATE_NOOP("audit", "Gift card reloaded"),
    "giftcard_cashout": QT_TRANSLATE_NOOP("audit", "Gift card cashed out"),
    "giftcard_expiry": QT_TRANSLATE_NOOP("audit", "Gift card balances expired"),
    "giftcard_pin": QT_TRANSLATE_NOOP("audit", "Gift card PIN set"),
    "giftcard_pin_wrong": QT_TRANSLATE_NOOP("audit", "Gift card: wrong PIN"),
    "giftcard_pin_locked": QT_TRANSLATE_NOOP("audit", "Gift card PIN locked"),
    "giftcard_lookup": QT_TRANSLATE_NOOP("audit", "Gift card looked up with its PIN"),
    # The subject is the text searched, a phone's digits masked (core.counter_find).
    "voucher_find": QT_TRANSLATE_NOOP("audit", "Customer's vouchers searched (Find)"),
    # The subject is the action's name (core.roles): the command or screen refused.
    "owner_action_refused": QT_TRANSLATE_NOOP("audit", "Refused: an owner's action tried by a "
                                              "clerk"),
    "cardkey_shown": QT_TRANSLATE_NOOP("audit", "Card key shown in full"),
    "cardkey_sent": QT_TRANSLATE_NOOP("audit", "Card key sent to the customer"),
    "shop_moved": QT_TRANSLATE_NOOP("audit", "Shop moved to a server"),
    "shop_moved_out": QT_TRANSLATE_NOOP("audit", "Shop moved to another computer (final "
                                        "backup)"),
    "schema_upgraded": QT_TRANSLATE_NOOP("audit", "Shop data upgraded for a new version"),
}


# An event's subject that no longer exists (or a kind of record not named), by its number.
SUBJECT_TEXTS: dict[str, str] = {
    "product": QT_TRANSLATE_NOOP("audit", "Product #{id}"),
    "voucher": QT_TRANSLATE_NOOP("audit", "Voucher #{id}"),
    "card_key": QT_TRANSLATE_NOOP("audit", "Card key #{id}"),
    "order": QT_TRANSLATE_NOOP("audit", "Order #{id}"),
}


def kind_label(kind: str) -> str:
    """An event kind as people say it; a kind this table does not know yet, as stored."""
    return label("audit", KIND_LABELS, kind)


# The words for the keys an event's detail holds; a key not listed shows as stored.
DETAIL_LABELS: dict[str, str] = {
    "address_line": QT_TRANSLATE_NOOP("audit", "address / phone"),
    "after": QT_TRANSLATE_NOOP("audit", "after"),
    "amount_cents": QT_TRANSLATE_NOOP("audit", "amount"),
    "attempt": QT_TRANSLATE_NOOP("audit", "attempt"),
    "attempts": QT_TRANSLATE_NOOP("audit", "attempts"),
    "attempts_left": QT_TRANSLATE_NOOP("audit", "attempts left"),
    "automatic": QT_TRANSLATE_NOOP("audit", "automatic backups"),
    "balance_cents": QT_TRANSLATE_NOOP("audit", "balance"),
    "before": QT_TRANSLATE_NOOP("audit", "before"),
    "blank": QT_TRANSLATE_NOOP("audit", "blank"),
    "backup_made_at": QT_TRANSLATE_NOOP("audit", "backup made"),
    "by": QT_TRANSLATE_NOOP("audit", "grouped by"),
    # The voided cards' balance and reloads, paid out to the customer (QA s8b F6).
    "card_refund_cents": QT_TRANSLATE_NOOP("audit", "paid back for gift cards"),
    "card_key": QT_TRANSLATE_NOOP("audit", "card key"),
    "card_key_ids": QT_TRANSLATE_NOOP("audit", "keys"),
    "card_keys": QT_TRANSLATE_NOOP("audit", "card keys kept out of stock"),
    "cards": QT_TRANSLATE_NOOP("audit", "cards"),
    "channel": QT_TRANSLATE_NOOP("audit", "as"),
    "cleared": QT_TRANSLATE_NOOP("audit", "removed"),
    "conflicting": QT_TRANSLATE_NOOP("audit", "same number, other password"),
    "count": QT_TRANSLATE_NOOP("audit", "count"),
    "currency": QT_TRANSLATE_NOOP("audit", "currency"),
    "database": QT_TRANSLATE_NOOP("audit", "database"),
    "default_valid_days": QT_TRANSLATE_NOOP("audit", "default validity (days)"),
    "disabled": QT_TRANSLATE_NOOP("audit", "operators disabled"),
    "duplicate": QT_TRANSLATE_NOOP("audit", "duplicate"),
    "end": QT_TRANSLATE_NOOP("audit", "to"),
    "events_lost": QT_TRANSLATE_NOOP("audit", "events lost"),
    "final_backup": QT_TRANSLATE_NOOP("audit", "final backup"),
    "first_voucher": QT_TRANSLATE_NOOP("audit", "first voucher"),
    "folder": QT_TRANSLATE_NOOP("audit", "folder"),
    "format": QT_TRANSLATE_NOOP("audit", "format"),
    "from_version": QT_TRANSLATE_NOOP("audit", "from data format"),
    "giftcard_cashout_max_cents": QT_TRANSLATE_NOOP("audit", "gift card cash-out up to"),
    "giftcard_clerk_money": QT_TRANSLATE_NOOP("audit", "clerks reload and cash out cards"),
    "giftcard_changes_lost": QT_TRANSLATE_NOOP("audit", "gift-card changes lost"),
    "giftcard_entries": QT_TRANSLATE_NOOP("audit", "gift-card entries"),
    "imported": QT_TRANSLATE_NOOP("audit", "imported"),
    "joined": QT_TRANSLATE_NOOP("audit", "named as it joined the shop"),
    "keys_returned": QT_TRANSLATE_NOOP("audit", "keys returned"),
    "kind": QT_TRANSLATE_NOOP("audit", "kind"),
    "last_voucher": QT_TRANSLATE_NOOP("audit", "last voucher"),
    "line": QT_TRANSLATE_NOOP("audit", "order line"),
    "lines": QT_TRANSLATE_NOOP("audit", "lines"),
    "low_stock_threshold": QT_TRANSLATE_NOOP("audit", "low-stock warning at"),
    "malformed": QT_TRANSLATE_NOOP("audit", "malformed"),
    "method": QT_TRANSLATE_NOOP("audit", "payment"),
    "money_cents": QT_TRANSLATE_NOOP("audit", "cash paid out"),
    "note": QT_TRANSLATE_NOOP("audit", "note"),
    "order": QT_TRANSLATE_NOOP("audit", "order"),
    "order_line": QT_TRANSLATE_NOOP("audit", "order line"),
    "order_refunded": QT_TRANSLATE_NOOP("audit", "whole order refunded"),
    "other_product": QT_TRANSLATE_NOOP("audit", "in stock under another product"),
    "overused": QT_TRANSLATE_NOOP("audit", "used beyond what they held"),
    "price_cents": QT_TRANSLATE_NOOP("audit", "price"),
    "problems": QT_TRANSLATE_NOOP("audit", "problems"),
    "product": QT_TRANSLATE_NOOP("audit", "product"),
    "quantity": QT_TRANSLATE_NOOP("audit", "quantity"),
    "reason": QT_TRANSLATE_NOOP("audit", "reason"),
    "refund_cents": QT_TRANSLATE_NOOP("audit", "paid back"),
    "reloads_lost_cents": QT_TRANSLATE_NOOP("audit", "reload money lost"),
    "replaced": QT_TRANSLATE_NOOP("audit", "an earlier key replaced"),
    "replacement": QT_TRANSLATE_NOOP("audit", "replacement key"),
    "role": QT_TRANSLATE_NOOP("audit", "role"),
    "rows": QT_TRANSLATE_NOOP("audit", "rows"),
    "server": QT_TRANSLATE_NOOP("audit", "server"),
    "shop_name": QT_TRANSLATE_NOOP("audit", "shop name"),
    "settled_at": QT_TRANSLATE_NOOP("audit", "found and settled"),
    "size": QT_TRANSLATE_NOOP("audit", "size"),
    "start": QT_TRANSLATE_NOOP("audit", "from"),
    "started_at": QT_TRANSLATE_NOOP("audit", "restore started"),
    "station": QT_TRANSLATE_NOOP("audit", "station"),
    "station_name": QT_TRANSLATE_NOOP("audit", "station name"),
    "stock": QT_TRANSLATE_NOOP("audit", "stock"),
    "stock_returned": QT_TRANSLATE_NOOP("audit", "stock returned"),
    "to_version": QT_TRANSLATE_NOOP("audit", "to data format"),
    "total_cents": QT_TRANSLATE_NOOP("audit", "total"),
    "undo": QT_TRANSLATE_NOOP("audit", "undo"),
    "until": QT_TRANSLATE_NOOP("audit", "until"),
    "uses": QT_TRANSLATE_NOOP("audit", "uses"),
    "uses_left": QT_TRANSLATE_NOOP("audit", "uses left"),
    "value_cents": QT_TRANSLATE_NOOP("audit", "value"),
    # A product's columns, as a product_update's before and after name them (QA s39a F22)
    "name": QT_TRANSLATE_NOOP("audit", "name"),
    "uses_per_voucher": QT_TRANSLATE_NOOP("audit", "uses per voucher"),
    "valid_days": QT_TRANSLATE_NOOP("audit", "valid for (days)"),
    "valid_from": QT_TRANSLATE_NOOP("audit", "valid from"),
    "valid_until": QT_TRANSLATE_NOOP("audit", "valid until"),
    "reusable_key": QT_TRANSLATE_NOOP("audit", "one key for every buyer"),
    "key_min_length": QT_TRANSLATE_NOOP("audit", "shortest key"),
    "key_max_length": QT_TRANSLATE_NOOP("audit", "longest key"),
    "key_alphabet": QT_TRANSLATE_NOOP("audit", "key characters"),
    "active": QT_TRANSLATE_NOOP("audit", "on sale"),
    "voided": QT_TRANSLATE_NOOP("audit", "voided"),
    "voucher": QT_TRANSLATE_NOOP("audit", "voucher"),
    "voucher_note": QT_TRANSLATE_NOOP("audit", "note on vouchers"),
    "vouchers": QT_TRANSLATE_NOOP("audit", "vouchers"),
    "was": QT_TRANSLATE_NOOP("audit", "was"),
}

# Keys whose values are record numbers: shown as "#12", as the Subject column writes them.
ID_KEYS = frozenset({"attempt", "card_key", "card_key_ids", "first_voucher", "last_voucher",
                     "line", "order", "order_line", "overused", "product", "replacement", "undo",
                     "voucher", "vouchers"})


# The Subject of an event whose subject is a word, not a record: the settings changed, and
# the owner's action a clerk was refused (core.roles' names), as the owner reads them.
SUBJECT_WORDS: dict[str, str] = {
    "shop": QT_TRANSLATE_NOOP("audit", "shop settings"),
    "computer": QT_TRANSLATE_NOOP("audit", "this computer's settings"),
    "backup": QT_TRANSLATE_NOOP("audit", "backup settings"),
    "acknowledge": QT_TRANSLATE_NOOP("audit", "acknowledge a problem"),
    "audit_view": QT_TRANSLATE_NOOP("audit", "read the audit log"),
    "backup_settings": QT_TRANSLATE_NOOP("audit", "change backup settings"),
    "backup_status": QT_TRANSLATE_NOOP("audit", "see backups"),
    "cardkey_faulty": QT_TRANSLATE_NOOP("audit", "mark a card key faulty"),
    "cardkey_import": QT_TRANSLATE_NOOP("audit", "import card keys"),
    "cardkey_list": QT_TRANSLATE_NOOP("audit", "list card keys"),
    "cardkey_replace": QT_TRANSLATE_NOOP("audit", "replace a card key"),
    "cardkey_restock": QT_TRANSLATE_NOOP("audit", "put a card key back on sale"),
    "migrate_to": QT_TRANSLATE_NOOP("audit", "move the shop to a server"),
    "operator_add": QT_TRANSLATE_NOOP("audit", "add an operator"),
    "operator_enable": QT_TRANSLATE_NOOP("audit", "enable an operator"),
    "operator_disable": QT_TRANSLATE_NOOP("audit", "disable an operator"),
    "operator_list": QT_TRANSLATE_NOOP("audit", "list operators"),
    "operator_reset_password": QT_TRANSLATE_NOOP("audit", "set an operator's password"),
    "order_cancel": QT_TRANSLATE_NOOP("audit", "cancel an order"),
    "order_create": QT_TRANSLATE_NOOP("audit", "create an order"),
    "order_list": QT_TRANSLATE_NOOP("audit", "list orders"),
    "order_pay": QT_TRANSLATE_NOOP("audit", "take a payment"),
    "order_refund": QT_TRANSLATE_NOOP("audit", "refund an order"),
    "product_add": QT_TRANSLATE_NOOP("audit", "add a product"),
    "product_archive": QT_TRANSLATE_NOOP("audit", "archive a product"),
    "product_list": QT_TRANSLATE_NOOP("audit", "list products"),
    "product_update": QT_TRANSLATE_NOOP("audit", "change a product"),
    "recovery_key_kept": QT_TRANSLATE_NOOP("audit", "confirm the recovery key"),
    "recovery_key_new": QT_TRANSLATE_NOOP("audit", "make a new recovery key"),
    "redemption_undo": QT_TRANSLATE_NOOP("audit", "undo a redemption"),
    "report": QT_TRANSLATE_NOOP("audit", "see a report"),
    "report_liability": QT_TRANSLATE_NOOP("audit", "see the outstanding vouchers"),
    "report_redemptions": QT_TRANSLATE_NOOP("audit", "see the redemptions report"),
    "report_sales": QT_TRANSLATE_NOOP("audit", "see the sales report"),
    "report_stock": QT_TRANSLATE_NOOP("audit", "see the stock report"),
    "report_unredeemed": QT_TRANSLATE_NOOP("audit", "see the unused vouchers"),
    "settings_change": QT_TRANSLATE_NOOP("audit", "change settings"),
    "verify": QT_TRANSLATE_NOOP("audit", "check the shop"),
    "voucher_batch": QT_TRANSLATE_NOOP("audit", "issue a batch of vouchers"),
    "voucher_print": QT_TRANSLATE_NOOP("audit", "print vouchers"),
    "voucher_qr": QT_TRANSLATE_NOOP("audit", "show a voucher's QR code"),
}


def _key_text(key: str) -> str:
    return label("audit", DETAIL_LABELS, key)


# How a card key left the shop (core/sending.py's channels).
CHANNEL_LABELS: dict[str, str] = {
    "image": QT_TRANSLATE_NOOP("audit", "image"),
    "text": QT_TRANSLATE_NOOP("audit", "text"),
    "screen": QT_TRANSLATE_NOOP("audit", "on screen"),
    "pdf": QT_TRANSLATE_NOOP("audit", "PDF"),
    "print": QT_TRANSLATE_NOOP("audit", "printed"),
    "phone": QT_TRANSLATE_NOOP("audit", "on the phone"),
}


def channel_label(channel: str) -> str:
    return label("audit", CHANNEL_LABELS, channel)


def _word_value(key: str, value: str) -> str:
    """Stored codes (payment method, product kind, role, key state, a report's grouping) in
    the interface's words."""
    words: dict[str, Callable[[str], str]] = {
        "method": method_label, "kind": product_kind_label, "role": role_label,
        "was": key_state_label, "channel": channel_label, "by": column_title}
    return words[key](value) if key in words else value


def _value_text(key: str, value: object, currency: str) -> str:
    if value is None or value in ("", [], {}):  # nothing, read as "—", never as a blank
        return "—"
    if isinstance(value, bool):
        return (QCoreApplication.translate("audit", "yes") if value
                else QCoreApplication.translate("audit", "no"))
    if key.endswith("_cents") and isinstance(value, int):
        return money(value, currency)  # money is stored in cents; people read yuan
    if key in ID_KEYS and isinstance(value, int):
        return f"#{value}"
    if isinstance(value, list):
        return ", ".join(_value_text(key, item, currency) for item in value)
    if isinstance(value, dict):
        return "; ".join(_pair(inner, item, currency) for inner, item in value.items())
    if isinstance(value, str):
        return _moment_text(value) if key.endswith("_at") else _word_value(key, value)
    return str(value)


def _moment_text(stored: str) -> str:
    """A time stored in ISO UTC (``started_at``...), in local time as the Time column."""
    try:
        return event_time(dt.datetime.fromisoformat(stored))
    except ValueError:
        return stored


def _pair(key: str, value: object, currency: str) -> str:
    # Through translation: Chinese writes the colon full-width.
    return QCoreApplication.translate("audit", "{key}: {value}").format(
        key=_key_text(key), value=_value_text(key, value, currency))


def detail_text(detail: str, currency: str = "CNY",
                names: dict[tuple[str, int], str] | None = None) -> str:
    """The stored JSON as one readable line in the interface's words: ``payment: Cash ·
    total: ¥10.00``; a record it names by id, by ``names`` (core.audit_subjects) where known.
    The tooltip keeps the JSON as stored."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(data, dict):
        return _value_text("", data, currency)
    if names:
        data = {key: _named(key, value, names) for key, value in data.items()}
    if "amount_cents" in data:
        # A gift card's spend stored its card's unchanging "1 use left" until balance_cents.
        data.pop("uses_left", None)
    return " · ".join(_pair(key, data[key], currency) for key in _reading_order(list(data)))


def _named(key: str, value: object, names: dict[tuple[str, int], str]) -> object:
    """A record's name for its id under ``key`` (each of a list's); the id (read "#12") if
    it is gone."""
    ids = record_ids(value) if key in DETAIL_SUBJECTS else []
    if not ids:
        return value
    named = [names.get((DETAIL_SUBJECTS[key], record_id), record_id) for record_id in ids]
    return named if isinstance(value, list) else named[0]


# Keys stored in alphabetical order that read the other way round: "from … to …".
_FOLLOWS = {"end": "start", "after": "before"}


def _reading_order(keys: list[str]) -> list[str]:
    ordered = [key for key in keys if _FOLLOWS.get(key) not in keys]
    for key in keys:
        if key not in ordered:
            ordered.insert(ordered.index(_FOLLOWS[key]) + 1, key)
    return ordered




def event_time(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(RowTableModel[EventRow]):
    TIME, OPERATOR, KIND, SUBJECT, DETAIL = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        self.operator_names: dict[int, str] = {}
        # (subject kind, id): name, read with each page (core.audit_subjects)
        self.subject_names: dict[tuple[str, int], str] = {}
        self.currency = "CNY"
        super().__init__(parent)

    def columns(self) -> list[Column[EventRow]]:
        return [
            Column(self.tr("Time"), lambda r: event_time(r.at), lambda r: r.id),
            Column(self.tr("Operator"), lambda r: r.operator or "—"),
            Column(self.tr("Event"), lambda r: kind_label(r.kind), tooltip=lambda r: r.kind),
            Column(self.tr("Subject"), self._subject),
            Column(self.tr("Detail"),
                   lambda r: detail_text(r.detail, self.currency, self.subject_names),
                   tooltip=self._detail_tooltip),
        ]

    def _detail_tooltip(self, row: EventRow) -> str:
        """The detail in words, one item a line: a long one is cut in its cell; never the
        stored JSON (QA s39a F22)."""
        return detail_text(row.detail, self.currency, self.subject_names).replace(" · ", "\n")

    def _subject(self, row: EventRow) -> str:
        if row.kind == "export":  # the report exported: "report_sales", or "redemptions"
            return report_title(row.subject.removeprefix("report_"))
        if not row.subject.isdigit():
            return label("audit", SUBJECT_WORDS, row.subject)
        if row.kind.startswith("operator_"):  # the name says more than the id
            return self.operator_names.get(int(row.subject), row.subject)
        subject = subject_kind(row.kind)
        if subject is None:
            return row.subject
        name = self.subject_names.get((subject, int(row.subject)))
        if name is not None:
            return name
        return QCoreApplication.translate("audit", SUBJECT_TEXTS[subject]).format(id=row.subject)
