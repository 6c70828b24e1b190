"""Redemption: the one place a voucher use is consumed.

A use is consumed by one conditional UPDATE (uses left, state, validity and payment all in its
WHERE clause) with the attempt row written in the same transaction. A row count of 0 means a
refusal, whose reason is read afterwards. Every attempt, refused ones too, is kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from peewee import IntegrityError

from desktop_app.core import audit, giftcards, vouchers
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidState, NotFound
from desktop_app.core.models import Operator, Order, RedemptionAttempt, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.roles import REDEEMING_ROLES, require_owner
from desktop_app.core.store import Shop

REASONS = ("redeemed", "already_redeemed", "unknown_code", "invalid_signature", "wrong_shop",
           "malformed", "not_paid", "voided", "expired", "not_yet_valid", "forbidden",
           "insufficient_balance", "amount_required", "not_a_giftcard")
MAX_SCANNED = 128
MAX_STATION = 64


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str
    operator: str
    station: str
    at: dt.datetime
    attempt_id: int | None = None
    voucher_id: int | None = None
    code: str = ""  # printed form
    product: str = ""
    uses_left: int | None = None
    uses_total: int | None = None
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None
    customer: str = ""  # the order's customer name
    last_operator: str = ""  # who redeemed it last (already_redeemed)
    last_at: dt.datetime | None = None
    balance: int | None = None  # gift cards: cents left after this attempt

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("at", "valid_from", "valid_until", "last_at"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        if self.balance is not None:
            data["balance"] = money_text(self.balance)
        return data


def _last_redemption(voucher: Voucher) -> RedemptionAttempt | None:
    return (RedemptionAttempt.select()
            .where((RedemptionAttempt.voucher == voucher) & (RedemptionAttempt.ok == True))  # noqa: E712
            .order_by(RedemptionAttempt.id.desc()).first())


def _refusal_reason(voucher: Voucher, now: dt.datetime, exhausted: str = "already_redeemed"
                    ) -> str:
    order: Order = voucher.order
    if order.status in ("refunded", "cancelled") or voucher.state == "void":
        return "voided"
    if order.status != "paid":
        return "not_paid"
    if voucher.valid_from and now < voucher.valid_from:
        return "not_yet_valid"
    if voucher.valid_until and now >= voucher.valid_until:
        return "expired"
    return exhausted


def _decide(voucher: Voucher, amount_cents: int | None, now: dt.datetime) -> str:
    """Consume a use, or spend from a gift card; the reason either way."""
    if giftcards.is_card(voucher) != (amount_cents is not None):
        # A card needs an amount and a pass takes none; a card that cannot be used at all says
        # why first, since no amount would help.
        wrong_kind = "amount_required" if giftcards.is_card(voucher) else "not_a_giftcard"
        return _refusal_reason(voucher, now, wrong_kind)
    if amount_cents is not None:
        if giftcards.spend(voucher.id, amount_cents, now):
            return "redeemed"
        return _refusal_reason(voucher, now, "insufficient_balance")
    return "redeemed" if _consume(voucher.id, now) else _refusal_reason(voucher, now)


def _consume(voucher_id: int, now: dt.datetime) -> bool:
    paid_orders = Order.select(Order.id).where(Order.status == "paid")
    valid_now = (((Voucher.valid_from.is_null()) | (Voucher.valid_from <= now))
                 & ((Voucher.valid_until.is_null()) | (Voucher.valid_until > now)))
    updated = (Voucher.update(uses_left=Voucher.uses_left - 1)
               .where((Voucher.id == voucher_id) & (Voucher.uses_left > 0)
                      & (Voucher.state == "valid") & Voucher.order.in_(paid_orders) & valid_now)
               .execute())
    return updated == 1


def _verdict(shop: Shop, attempt: RedemptionAttempt, voucher: Voucher | None) -> Verdict:
    fields: dict[str, object] = {}
    if voucher is not None:
        fields = {"voucher_id": voucher.id, "code": vouchers.typed_code(voucher.code),
                  "product": voucher.product.name, "uses_left": voucher.uses_left,
                  "uses_total": voucher.uses_total, "valid_from": voucher.valid_from,
                  "valid_until": voucher.valid_until,
                  "customer": voucher.order.customer_name, "balance": voucher.balance_cents}
        if attempt.reason == "already_redeemed":
            last = _last_redemption(voucher)
            if last is not None:
                fields["last_operator"] = last.operator.name
                fields["last_at"] = last.created_at
    return Verdict(ok=attempt.ok, reason=attempt.reason, operator=shop.operator.name,
                   station=attempt.station, at=attempt.created_at, attempt_id=attempt.id,
                   **fields)  # type: ignore[arg-type]


def redeem(shop: Shop, text: str, station: str, now: dt.datetime | None = None, *,
           amount_cents: int | None = None, normalized: str | None = None) -> Verdict:
    """Redeem one use of the voucher named by ``text`` (QR payload or typed code), or spend
    ``amount_cents`` from a gift card's balance (all or nothing).

    ``normalized`` is ``vouchers.normalize(text)`` when the caller (the counter) has it
    already; ``text`` itself is what the attempt records as scanned."""
    now = now or utc_now()
    station = (station.strip() or "?")[:MAX_STATION]
    scanned = text[:MAX_SCANNED]
    if amount_cents is not None:
        giftcards.check_amount(amount_cents)
    with shop.write():
        operator = Operator.get_by_id(shop.operator.id)
        voucher: Voucher | None = None
        if not operator.active or operator.role not in REDEEMING_ROLES:
            reason = "forbidden"
        else:
            value = vouchers.normalize(text) if normalized is None else normalized
            parsed = vouchers.parse_normalized(value, shop.shop_id, shop.voucher_key)
            reason = parsed.reason or ""
            if not reason:
                voucher = Voucher.get_or_none(Voucher.code == parsed.code)
                if voucher is None:
                    reason = "unknown_code"
                else:
                    reason = _decide(voucher, amount_cents, now)
                    voucher = Voucher.get_by_id(voucher.id)
        attempt = RedemptionAttempt.create(
            voucher=voucher, operator=operator.id, station=station, scanned_text=scanned,
            reason=reason, ok=reason == "redeemed",
            uses_left_after=voucher.uses_left if voucher else None, created_at=now)
        if attempt.ok and amount_cents is not None:
            giftcards.record_spend(shop, attempt, amount_cents)
        if attempt.ok:
            spent = {} if amount_cents is None else {"amount_cents": amount_cents}
            audit.record(shop, "redeem", voucher.id if voucher else "", attempt=attempt.id,
                         station=station, uses_left=attempt.uses_left_after, **spent)
        return _verdict(shop, attempt, voucher)


def undo_redemption(shop: Shop, attempt_id: int, note: str, station: str) -> RedemptionAttempt:
    """Give back the use an attempt consumed. The undo is a new record, never a deletion."""
    require_owner(shop, "redemption_undo")
    with shop.write():
        original = RedemptionAttempt.get_or_none(RedemptionAttempt.id == attempt_id)
        if original is None or not original.ok:
            raise NotFound(what="redemption", id=attempt_id)
        try:
            undo = RedemptionAttempt.create(
                voucher=original.voucher_id, operator=shop.operator.id,
                station=station[:MAX_STATION], scanned_text="", reason="undone", ok=False,
                undo_of=original.id, note=note.strip()[:500])
        except IntegrityError:
            raise InvalidState(what="redemption", id=attempt_id, state="undone") from None
        spent = giftcards.spend_of(original.id)
        if spent is not None:
            giftcards.undo_spend(shop, spent, undo.station, undo.note)
        else:
            given_back = (Voucher.update(uses_left=Voucher.uses_left + 1)
                          .where((Voucher.id == original.voucher_id)
                                 & (Voucher.uses_left < Voucher.uses_total)).execute())
            if given_back != 1:
                raise InvalidState(what="redemption", id=attempt_id, state="not_undoable")
        undo.uses_left_after = Voucher.get_by_id(original.voucher_id).uses_left
        undo.save()
        audit.record(shop, "redemption_undo", original.voucher_id, attempt=attempt_id,
                     undo=undo.id, note=undo.note)
    return undo
