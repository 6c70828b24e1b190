"""A station's recent redemptions, as the counter lists them under its verdict.

Read from the redemption attempts this station recorded (``recent_attempts``); moved out of
counter.py, which imports them from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from peewee import JOIN

from desktop_app.core import vouchers
from desktop_app.core.counter_find import masked_code
from desktop_app.core.models import GiftCardEntry, Operator, Product, RedemptionAttempt, Voucher
from desktop_app.core.redemption import MAX_STATION
from desktop_app.core.store import Shop

RECENT_LIMIT = 50
# A row's reason for a scan whose check failed before anything was recorded (the shop file
# locked, the disk full): no attempt row, so such rows are the counter tab's, kept in memory.
FAILED = "failed"


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
    spent_cents: int | None = None  # a gift card's spend: the amount it took
    kind: str = ""  # the product's kind: a card key's row says the key was marked used
    failure: str = ""  # FAILED rows only: why the check failed, as the counter says it
    # The other uses one "× 3" scan took, each its own record: one row, undone at once
    # (QA s39a F9: three identical rows, as if scanned three times, undone one by one).
    also: tuple[int, ...] = ()

    @property
    def uses(self) -> int:
        return 1 + len(self.also)


def _attempt_code(shop: Shop, attempt: RedemptionAttempt) -> str:
    """The printed code; a gift card's masked for a clerk, as Find shows it: one spent by its
    PIN ("Card by phone…") never had its code shown, and must not show it here."""
    if attempt.voucher_id is None:
        return attempt.scanned_text
    code = vouchers.typed_code(attempt.voucher.code)
    hidden = not shop.is_owner and attempt.voucher.balance_cents is not None
    return masked_code(code) if hidden else code


def recent_attempts(shop: Shop, station: str, limit: int = RECENT_LIMIT) -> list[RecentAttempt]:
    """The latest attempts at ``station``, newest first. A clerk sees only their own: the
    owner decides what others did at the counter, a clerk answers for what they did."""
    query = (RedemptionAttempt.select(RedemptionAttempt, Voucher, Product, Operator)
             .join_from(RedemptionAttempt, Voucher, JOIN.LEFT_OUTER)
             .join_from(Voucher, Product, JOIN.LEFT_OUTER)
             .join_from(RedemptionAttempt, Operator)
             .where(RedemptionAttempt.station == (station.strip() or "?")[:MAX_STATION])
             # the station's index is in time order: newest first without sorting them all
             .order_by(RedemptionAttempt.created_at.desc(), RedemptionAttempt.id.desc())
             .limit(max(0, limit)))
    if not shop.is_owner:
        query = query.where(RedemptionAttempt.operator == shop.operator.id)
    rows = list(query)
    ids = [row.id for row in rows if row.ok]
    undone = {row.undo_of_id for row in RedemptionAttempt.select(RedemptionAttempt.undo_of)
              .where(RedemptionAttempt.undo_of.in_(ids))} if ids else set()
    spent = _spent_by_attempt(ids)
    return _one_row_a_scan([RecentAttempt(
        attempt_id=row.id, at=row.created_at, code=_attempt_code(shop, row),
        product=row.voucher.product.name if row.voucher_id is not None else "",
        reason=row.reason, ok=row.ok, operator=row.operator.name, station=row.station,
        undone=row.id in undone, note=row.note, uses_left_after=row.uses_left_after,
        spent_cents=spent.get(row.id),
        kind=row.voucher.product.kind if row.voucher_id is not None else "") for row in rows])


def _one_row_a_scan(rows: list[RecentAttempt]) -> list[RecentAttempt]:
    """Newest first: the uses one scan took (same voucher, moment, operator and station,
    redeemed, all undone or none) in the newest of their rows, which says what was left."""
    merged: list[RecentAttempt] = []
    for row in rows:
        last = merged[-1] if merged else None
        if last is not None and _same_scan(last, row):
            merged[-1] = replace(last, also=(*last.also, row.attempt_id))
        else:
            merged.append(row)
    return merged


def _same_scan(a: RecentAttempt, b: RecentAttempt) -> bool:
    return (a.reason == b.reason == "redeemed" and a.undone == b.undone
            and a.spent_cents is None and b.spent_cents is None and a.code == b.code
            and (a.at, a.operator, a.station) == (b.at, b.operator, b.station))


def _spent_by_attempt(attempt_ids: list[int]) -> dict[int, int]:
    """What each of these attempts spent from a gift card (positive cents), by attempt."""
    if not attempt_ids:
        return {}
    entries = (GiftCardEntry.select(GiftCardEntry.attempt, GiftCardEntry.amount_cents)
               .where(GiftCardEntry.attempt.in_(attempt_ids)
                      & (GiftCardEntry.kind == "spend")).tuples())
    return {attempt_id: -amount for attempt_id, amount in entries}
