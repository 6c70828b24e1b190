"""What an open shop redeemed since it opened, named when its files turn out replaced.

When the files a shop opened are no longer the folder's (``live_files``), what this session
wrote since it opened may be missing from the files the next open reads: a voucher redeemed
here then looks unredeemed there, and becomes redeemable again once the owner acknowledges
the rollback (QA s12e F3). The session's own connection still reads the file it opened, so
at that moment it lists its redemptions since it opened, and:

- the log says them at once, at warning level, by voucher and order number, time and
  operator number: it outlives the session (a log out, a restart), and, like every file
  beside the shop, never holds a code or a name (README, "Where data lives");
- the session keeps them (``Shop.replaced``): the window's red bar shows their printed
  codes until the window closes;
- the database it was working on is kept in the shop folder, encrypted (``lost_copy``), for
  Verify → Acknowledge to count what acknowledging re-opens.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.core import vouchers
from desktop_app.core.models import Operator, RedemptionAttempt, Voucher

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

MOST_LISTED = 500  # beyond this, the latest; the kept database (``lost_copy``) has them all


@dataclass(frozen=True)
class SessionRedemption:
    """A redemption recorded in the files this session opened, since it opened them."""

    voucher_id: int
    order_id: int
    code: str  # the printed form: shown on screen, never written to a file
    at: dt.datetime  # UTC
    operator: str
    operator_id: int


@dataclass
class ReplacedSession:
    """What a session whose files were replaced under it had: ``Shop.replaced``."""

    redeemed: list[SessionRedemption] = field(default_factory=list)
    copy_due: bool = False  # the database it worked on is to be kept (``lost_copy``)


def redeemed_since(since: dt.datetime) -> list[SessionRedemption]:
    """Redemptions (not undone) recorded since ``since``, oldest first, at most MOST_LISTED."""
    rows = list(RedemptionAttempt.select(RedemptionAttempt, Voucher, Operator)
                .join_from(RedemptionAttempt, Voucher)
                .join_from(RedemptionAttempt, Operator)
                .where(RedemptionAttempt.ok & RedemptionAttempt.undo_of.is_null()
                       & (RedemptionAttempt.created_at >= since))
                .order_by(RedemptionAttempt.created_at.desc(), RedemptionAttempt.id.desc())
                .limit(MOST_LISTED))
    ids = [row.id for row in rows]
    undone = {row.undo_of_id for row in RedemptionAttempt.select(RedemptionAttempt.undo_of)
              .where(RedemptionAttempt.undo_of.in_(ids))} if ids else set()
    return [SessionRedemption(
        voucher_id=row.voucher_id, order_id=row.voucher.order_id,
        code=vouchers.typed_code(row.voucher.code), at=row.created_at,
        operator=row.operator.name, operator_id=row.operator_id)
        for row in reversed(rows) if row.id not in undone]


def remember_at_hold(shop: Shop, keep_copy: bool) -> None:
    """The shop was just held for files replaced under it: list and log what it redeemed
    since it opened; ``keep_copy`` when the database it works on is no longer the folder's.
    Never raises: the hold, and the refusal it brings, come first."""
    opened = shop.opened_files
    if opened is None or opened.opened_at is None:
        return
    shop.replaced = ReplacedSession(copy_due=keep_copy)
    try:
        found = redeemed_since(opened.opened_at)
    except Exception:  # a damaged page, a closed connection: the hold stands without it
        log.exception("could not list what this session redeemed before its files were "
                      "replaced")
        return
    shop.replaced.redeemed = found
    if not found:
        log.warning("the shop's files were replaced: this session redeemed nothing since it "
                    "opened at %s UTC", _utc(opened.opened_at))
        return
    log.warning(
        "the shop's files were replaced: since it opened at %s UTC, this session redeemed "
        "%d voucher(s) the shop's files may now lack; check them before acknowledging a "
        "rollback (acknowledging makes them redeemable again): %s", _utc(opened.opened_at),
        len(found), "; ".join(
            f"voucher #{r.voucher_id} of order #{r.order_id} at {_utc(r.at)} UTC by "
            f"operator #{r.operator_id}" for r in found))


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
