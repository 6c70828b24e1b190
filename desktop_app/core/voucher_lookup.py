"""The counter's look-ups that never consume: ``lookup`` (one voucher, with its history, for
``voucher show`` and the counter's look-up mode) and ``find_vouchers`` (by customer, for Find…
and "Card by phone…"). Nothing here writes but the audit row of a clerk's search
(``counter_find``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from operator import or_

from peewee import Expression

from desktop_app.core import counter_find, dialect, phones, redemption, vouchers
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import Forbidden, InvalidInput, NotFound
from desktop_app.core.models import (
    GiftCardEntry,
    Operator,
    Order,
    Product,
    RedemptionAttempt,
    Voucher,
)
from desktop_app.core.redemption import mask_phone
from desktop_app.core.roles import REDEEMING_ROLES
from desktop_app.core.still_active import require_still_active
from desktop_app.core.store import Shop
from desktop_app.core.text import display_width

FIND_LIMIT = 200
MIN_FIND_TEXT = 2


@dataclass(frozen=True)
class HistoryRow:
    attempt_id: int
    at: dt.datetime
    reason: str  # a verdict reason, or "undone"
    ok: bool
    operator: str
    station: str
    uses_left_after: int | None
    undo_of: int | None
    note: str
    # A gift card's: what the attempt's spend (or its undo) changed, and the balance after
    card_change_cents: int | None = None
    card_balance_cents: int | None = None


@dataclass(frozen=True)
class VoucherInfo:
    """A voucher as a look-up shows it; reading it consumes nothing."""

    id: int
    code: str  # printed form
    payload: str  # "" for clerks: the QR is the owner's to print again
    product: str
    state: str  # valid | void
    status: str  # what a redemption would say now: "redeemable" or a refusal reason
    order_id: int
    order_status: str
    uses_left: int
    uses_total: int
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    issued_at: dt.datetime
    customer: str
    customer_phone: str  # masked
    history: list[HistoryRow]
    balance: int | None = None  # gift cards: cents left; None for every other voucher
    kind: str = ""  # the product's kind: a card key's look-up says whether it was marked used
    code_hidden: bool = False  # Find's gift card for a clerk: ``code`` is masked (counter_find)


def _require_counter_role(shop: Shop, action: str) -> None:
    """A look-up shows a customer's name: not to an operator disabled since logging in, whose
    session was left open (QA s39b F3; Find was refused, Look up was not)."""
    if shop.operator.role not in REDEEMING_ROLES:
        raise Forbidden(action=action)
    require_still_active(shop)


HELD_STATUS = "integrity_hold"  # a look-up's status on a shop on hold, as its refusal says


def status_now(voucher: Voucher, now: dt.datetime) -> str:
    """What a redemption would say now: ``redeemable`` or the refusal's reason; an emptied
    gift card is ``insufficient_balance``, not redeemable (QA s10b F12)."""
    order: Order = voucher.order
    unusable = redemption.unusable_reason(order.status, voucher.state, voucher.valid_from,
                                          voucher.valid_until, now)
    if unusable:
        return unusable
    if voucher.uses_left <= 0:
        return "already_redeemed"
    if voucher.balance_cents is not None and voucher.balance_cents <= 0:
        return "insufficient_balance"
    return "redeemable"


def status_here(shop: Shop, voucher: Voucher, now: dt.datetime) -> str:
    """``status_now`` in ``shop``: on hold, every redemption is refused, and a voucher's uses
    here may be behind the records the shop lacks (QA s42a F10: "Can be redeemed", 2 of 5
    left, of a voucher used up on the other computer)."""
    status = status_now(voucher, now)
    return HELD_STATUS if status == "redeemable" and shop.integrity_problems else status


def _info(shop: Shop, voucher: Voucher, rows: list[HistoryRow], now: dt.datetime
          ) -> VoucherInfo:
    order: Order = voucher.order
    status = status_here(shop, voucher, now)
    return VoucherInfo(
        id=voucher.id, code=vouchers.typed_code(voucher.code),
        payload=(vouchers.payload(shop.shop_id, shop.voucher_key, voucher.code)
                 if shop.is_owner else ""),
        product=voucher.product.name, state=voucher.state, status=status,
        order_id=order.id, order_status=order.status, uses_left=voucher.uses_left,
        uses_total=voucher.uses_total, valid_from=voucher.valid_from,
        valid_until=voucher.valid_until, issued_at=voucher.issued_at,
        customer=order.customer_name, customer_phone=mask_phone(order.customer_phone),
        history=rows, balance=voucher.balance_cents, kind=voucher.product.kind)


def lookup(shop: Shop, text: str, now: dt.datetime | None = None) -> VoucherInfo:
    """The voucher a QR payload or typed code names, with its whole history; no use consumed.
    ``NotFound`` (with the reason a redemption would give) when it names none here."""
    _require_counter_role(shop, "voucher_show")
    voucher = voucher_by_text(shop, text)
    changes = _card_changes(voucher) if voucher.balance_cents is not None else {}
    rows = [HistoryRow(a.id, a.created_at, a.reason, a.ok, a.operator.name, a.station,
                       a.uses_left_after, a.undo_of_id, a.note,
                       *changes.get((a.undo_of_id, "undo") if a.undo_of_id else (a.id, "spend"),
                                    (None, None)))
            for a in (RedemptionAttempt.select(RedemptionAttempt, Operator)
                      .join(Operator).where(RedemptionAttempt.voucher == voucher)
                      .order_by(RedemptionAttempt.id))]
    return _info(shop, voucher, rows, now or utc_now())


def _card_changes(voucher: Voucher) -> dict[tuple[int, str], tuple[int, int]]:
    """A gift card's spends and their undos, by the attempt spent in (an undo's entry names
    the spend's): what each changed and the balance after (QA s35b F18: the look-up's history
    said "1 use left" beside every spend, never the money)."""
    entries = (GiftCardEntry.select(GiftCardEntry.attempt, GiftCardEntry.kind,
                                    GiftCardEntry.amount_cents, GiftCardEntry.balance_after_cents)
               .where((GiftCardEntry.voucher == voucher) & GiftCardEntry.attempt.is_null(False)))
    return {(entry.attempt_id, entry.kind): (entry.amount_cents, entry.balance_after_cents)
            for entry in entries}


def find_vouchers(shop: Shop, customer_text: str, now: dt.datetime | None = None
                  ) -> list[VoucherInfo]:
    """Vouchers whose order's customer name or phone contains ``customer_text`` (newest
    first, at most ``FIND_LIMIT``), without their history, phones masked; for a clerk a gift
    card's code masked too, and the search audited (``counter_find``)."""
    at = now or utc_now()
    found = [counter_find.as_found(shop, _info(shop, voucher, [], at))
             for voucher in customer_vouchers(shop, customer_text)]
    counter_find.record_search(shop, customer_text, len(found))
    return found


def customer_vouchers(shop: Shop, customer_text: str) -> list[Voucher]:
    """The vouchers ``find_vouchers`` lists, unaudited: "Card by phone…" lists cards by them
    without their codes. Phones are matched on digits whatever the spacing, full-width or
    with +86 (``phones.searched``)."""
    _require_counter_role(shop, "voucher_find")
    text = customer_text.strip()
    if display_width(text) < MIN_FIND_TEXT:  # a surname alone, 王, says as much as "Li"
        raise InvalidInput(field="customer", problem="too_short", minimum=MIN_FIND_TEXT)
    digits = phones.digits_of(text)
    needles = [text, digits] if len(digits) >= MIN_FIND_TEXT and digits != text else [text]
    return list(Voucher.select(Voucher, Order, Product).join_from(Voucher, Order)
                .join_from(Voucher, Product).where(_customer_matches(shop, text, needles))
                .order_by(Voucher.id.desc()).limit(FIND_LIMIT))


def _customer_matches(shop: Shop, name_text: str, phone_needles: list[str]) -> Expression:
    """Orders whose customer name contains ``name_text`` or whose phone contains a needle."""
    by_name = Order.customer_name.contains(name_text)
    if not dialect.is_server(shop.db):
        saved = phones.ungrouped_sql(Order.customer_phone)  # "138 0000 4321" read out whole
        return functools.reduce(or_, [Order.customer_phone.contains(n) | saved.contains(n)
                                      for n in phone_needles], by_name)
    ids = phones.orders_by_sealed_phone(
        lambda phone: any(n in phones.as_stored(phone) or n in phones.ungrouped(phone)
                          for n in phone_needles),
        FIND_LIMIT)
    return (by_name | Order.id.in_(ids)) if ids else by_name


def voucher_by_text(shop: Shop, text: str) -> Voucher:
    """The voucher a QR payload or typed code names (no use consumed)."""
    parsed = vouchers.parse(text, shop.shop_id, shop.voucher_key)
    voucher = None if parsed.reason else Voucher.get_or_none(Voucher.code == parsed.code)
    if voucher is None:
        raise NotFound(what="voucher", reason=parsed.reason or "unknown_code")
    return voucher


def history(voucher: Voucher) -> list[RedemptionAttempt]:
    return list(RedemptionAttempt.select().where(RedemptionAttempt.voucher == voucher)
                .order_by(RedemptionAttempt.id))
