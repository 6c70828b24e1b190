"""Redemption: the one place a voucher use is consumed.

A use is consumed by one conditional UPDATE (uses left, state, validity and payment all in its
WHERE clause) with the attempt row written in the same transaction. A row count of 0 means a
refusal, whose reason is read afterwards. Every attempt, refused ones too, is kept.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from peewee import IntegrityError

from desktop_app.core import audit, vouchers
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidState, NotFound
from desktop_app.core.models import Operator, Order, RedemptionAttempt, Voucher
from desktop_app.core.orders import last_redemption
from desktop_app.core.roles import REDEEMING_ROLES, require_owner
from desktop_app.core.store import Shop

REASONS = ("redeemed", "already_redeemed", "unknown_code", "invalid_signature", "wrong_shop",
           "malformed", "not_paid", "voided", "expired", "not_yet_valid", "forbidden")
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
    valid_until: dt.datetime | None = None
    last_operator: str = ""  # who redeemed it last (already_redeemed)
    last_at: dt.datetime | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("at", "valid_until", "last_at"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


def _refusal_reason(voucher: Voucher, now: dt.datetime) -> str:
    order: Order = voucher.order
    if order.status in ("refunded", "cancelled") or voucher.state == "void":
        return "voided"
    if order.status != "paid":
        return "not_paid"
    if voucher.valid_from and now < voucher.valid_from:
        return "not_yet_valid"
    if voucher.valid_until and now >= voucher.valid_until:
        return "expired"
    return "already_redeemed"


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
                  "uses_total": voucher.uses_total, "valid_until": voucher.valid_until}
        if attempt.reason == "already_redeemed":
            last = last_redemption(voucher)
            if last is not None:
                fields["last_operator"] = last.operator.name
                fields["last_at"] = last.created_at
    return Verdict(ok=attempt.ok, reason=attempt.reason, operator=shop.operator.name,
                   station=attempt.station, at=attempt.created_at, attempt_id=attempt.id,
                   **fields)  # type: ignore[arg-type]


def redeem(shop: Shop, text: str, station: str, now: dt.datetime | None = None) -> Verdict:
    """Redeem one use of the voucher named by ``text`` (QR payload or typed code)."""
    now = now or utc_now()
    station = (station.strip() or "?")[:MAX_STATION]
    scanned = text[:MAX_SCANNED]
    with shop.write():
        operator = Operator.get_by_id(shop.operator.id)
        voucher: Voucher | None = None
        if not operator.active or operator.role not in REDEEMING_ROLES:
            reason = "forbidden"
        else:
            parsed = vouchers.parse(text, shop.shop_id, shop.voucher_key)
            reason = parsed.reason or ""
            if not reason:
                voucher = Voucher.get_or_none(Voucher.code == parsed.code)
                if voucher is None:
                    reason = "unknown_code"
                elif _consume(voucher.id, now):
                    reason = "redeemed"
                else:
                    reason = _refusal_reason(voucher, now)
                if voucher is not None:
                    voucher = Voucher.get_by_id(voucher.id)
        attempt = RedemptionAttempt.create(
            voucher=voucher, operator=operator.id, station=station, scanned_text=scanned,
            reason=reason, ok=reason == "redeemed",
            uses_left_after=voucher.uses_left if voucher else None, created_at=now)
        if attempt.ok:
            audit.record(shop, "redeem", voucher.id if voucher else "", attempt=attempt.id,
                         station=station, uses_left=attempt.uses_left_after)
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


class RepeatGuard:
    """Recognises a double read: the same text again within ``window_s`` seconds.

    A scanner that reads twice, or a voucher held in front of the camera, must not eat a
    second use of a multi-use voucher; the counter shows the last verdict again instead.
    """

    def __init__(self, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic):
        self.window_s = window_s
        self._clock = clock
        self._last: tuple[str, float, Verdict] | None = None

    def repeat_of(self, text: str) -> Verdict | None:
        if self._last is None:
            return None
        key, seen_at, verdict = self._last
        if key == vouchers.normalize(text) and self._clock() - seen_at < self.window_s:
            self._last = (key, self._clock(), verdict)  # a voucher held still stays quiet
            return verdict
        return None

    def remember(self, text: str, verdict: Verdict) -> None:
        self._last = (vouchers.normalize(text), self._clock(), verdict)


# --- the counter's view ---------------------------------------------------------------------


@dataclass(frozen=True)
class RecentAttempt:
    """One row of a station's recent redemptions, as the counter lists them."""

    attempt_id: int
    at: dt.datetime
    code: str  # the printed form; for text that named no voucher, what was scanned
    product: str
    reason: str  # a verdict reason, or "undone" for an undo record
    ok: bool
    operator: str
    station: str
    undone: bool = False  # a redemption an owner has since undone
    note: str = ""
    uses_left_after: int | None = None


def _attempt_code(attempt: RedemptionAttempt) -> str:
    if attempt.voucher_id is not None:
        return vouchers.typed_code(attempt.voucher.code)
    return attempt.scanned_text


def recent_attempts(shop: Shop, station: str, limit: int = 50) -> list[RecentAttempt]:
    """The latest attempts at ``station``, newest first. A clerk sees only their own: the
    owner decides what others did at the counter, a clerk answers for what they did."""
    from peewee import JOIN  # imported here: these functions were appended to the module

    from desktop_app.core.models import Product
    query = (RedemptionAttempt.select(RedemptionAttempt, Voucher, Product, Operator)
             .join_from(RedemptionAttempt, Voucher, JOIN.LEFT_OUTER)
             .join_from(Voucher, Product, JOIN.LEFT_OUTER)
             .join_from(RedemptionAttempt, Operator)
             .where(RedemptionAttempt.station == (station.strip() or "?")[:MAX_STATION])
             .order_by(RedemptionAttempt.id.desc()).limit(max(0, limit)))
    if not shop.is_owner:
        query = query.where(RedemptionAttempt.operator == shop.operator.id)
    rows = list(query)
    ids = [row.id for row in rows if row.ok]
    undone = {row.undo_of_id for row in RedemptionAttempt.select(RedemptionAttempt.undo_of)
              .where(RedemptionAttempt.undo_of.in_(ids))} if ids else set()
    return [RecentAttempt(
        attempt_id=row.id, at=row.created_at, code=_attempt_code(row),
        product=row.voucher.product.name if row.voucher_id is not None else "",
        reason=row.reason, ok=row.ok, operator=row.operator.name, station=row.station,
        undone=row.id in undone, note=row.note, uses_left_after=row.uses_left_after)
        for row in rows]


def voucher_window(voucher_id: int) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When a voucher may be redeemed (from, until); a verdict carries only the end."""
    voucher = Voucher.get_or_none(Voucher.id == voucher_id)
    if voucher is None:
        raise NotFound(what="voucher", id=voucher_id)
    return voucher.valid_from, voucher.valid_until
