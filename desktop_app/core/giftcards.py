"""Gift cards: vouchers that carry a money balance, spent in parts, reloaded and refunded.

A card is a voucher whose ``balance_cents`` is set. Every change of a balance goes through one
conditional UPDATE (``balance >= amount`` and the card usable, in its WHERE clause) and appends
a ``GiftCardEntry`` in the same transaction: the balance always equals the ledger's sum, and
``verify`` checks that it does. Nothing in the ledger is ever changed or deleted; an undo is a
new entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import unicodedata
from dataclasses import dataclass

from peewee import Expression, fn

from desktop_app.core import audit, file_clock, sql
from desktop_app.core.dates import day_range, utc_now
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.core.giftcard_value import cash_value
from desktop_app.core.models import (
    GiftCardEntry,
    GiftCardPin,
    Order,
    Voucher,
)
from desktop_app.core.money import money_text
from desktop_app.core.payment_places import station_of
from desktop_app.core.store import Shop

ENTRY_KINDS = ("issue", "spend", "reload", "refund", "cashout", "expiry", "undo")
RELOAD_METHODS = ("cash", "card", "wechat", "alipay", "other")
# Settings the owner decides (Setting rows): may clerks take reloads and pay out remainders,
# and the largest remainder paid out in cash (cents; 0 or absent: never).
CLERK_MONEY_SETTING = "giftcard_clerk_money"
CASHOUT_MAX_SETTING = "giftcard_cashout_max_cents"
PIN_LENGTHS = range(4, 7)
PIN_MAX_FAILURES = 5
PIN_LOCK = dt.timedelta(minutes=15)


def is_card(voucher: Voucher) -> bool:
    return voucher.balance_cents is not None


def add_entry(voucher_id: int, kind: str, amount_cents: int, operator_id: int, *,
              station: str = "", attempt: int | None = None, order: int | None = None,
              method: str | None = None, money_cents: int = 0, undo_of: int | None = None,
              note: str = "", now: dt.datetime | None = None) -> GiftCardEntry:
    """Append one ledger row; call inside the write that changed the balance, after it."""
    balance = Voucher.select(Voucher.balance_cents).where(Voucher.id == voucher_id).scalar()
    return GiftCardEntry.create(
        voucher=voucher_id, kind=kind, amount_cents=amount_cents, balance_after_cents=balance,
        operator=operator_id, station=station[:64], attempt=attempt, order=order, method=method,
        money_cents=money_cents, undo_of=undo_of, note=note[:500], created_at=now or utc_now())


# --- spending (called by redemption.redeem) ---------------------------------------------------


def _usable(now: dt.datetime) -> Expression:
    """The card is valid, its order paid, and ``now`` inside its validity window (its end
    judged as ``redemption.unusable_reason`` does)."""
    # A probe of the card's own order by primary key: ``order_id IN (paid orders)`` made
    # SQLite list every paid order of the shop's history at each spend.
    paid = Order.select(Order.id).where((Order.id == Voucher.order) & (Order.status == "paid"))
    return ((Voucher.state == "valid") & fn.EXISTS(paid)
            & (Voucher.valid_from.is_null() | (Voucher.valid_from <= now))
            & (Voucher.valid_until.is_null()
               | (Voucher.valid_until > file_clock.latest_known(now))))


def check_amount(amount_cents: int) -> None:
    if amount_cents <= 0:
        raise InvalidInput(field="amount", problem="not_positive")


def spend(voucher_id: int, amount_cents: int, now: dt.datetime) -> bool:
    """Take ``amount_cents`` off the card in one statement; False (nothing spent) if it cannot."""
    updated = (Voucher.update(balance_cents=Voucher.balance_cents - amount_cents)
               .where((Voucher.id == voucher_id) & (Voucher.balance_cents >= amount_cents)
                      & _usable(now)).execute())
    return updated == 1


def spend_of(attempt_id: int) -> GiftCardEntry | None:
    return GiftCardEntry.get_or_none((GiftCardEntry.attempt == attempt_id)
                                     & (GiftCardEntry.kind == "spend"))


def undo_spend(shop: Shop, spend_entry: GiftCardEntry, station: str, note: str) -> int:
    """Give back what a spend took, as a new ledger row; returns the balance after it."""
    amount = -spend_entry.amount_cents
    # A void card's balance went back to the customer with its refund: nothing to return to.
    given_back = (Voucher.update(balance_cents=Voucher.balance_cents + amount)
                  .where((Voucher.id == spend_entry.voucher_id) & (Voucher.state == "valid"))
                  .execute())
    if given_back != 1:
        raise InvalidState(what="redemption", id=spend_entry.attempt_id, state="not_undoable")
    entry = add_entry(spend_entry.voucher_id, "undo", amount, shop.operator.id, station=station,
                      attempt=spend_entry.attempt_id, undo_of=spend_entry.id, note=note)
    return int(entry.balance_after_cents)


# --- issuing (called by fulfilment when an order is paid) -------------------------------------


def record_issue(voucher: Voucher, operator_id: int, now: dt.datetime) -> None:
    add_entry(voucher.id, "issue", voucher.balance_cents, operator_id, order=voucher.order_id,
              now=now)


def record_batch_issue(shop: Shop, card_ids: list[int], value_cents: int, order_id: int,
                       now: dt.datetime) -> None:
    """The opening rows of a batch of cards, inserted in bulk like the cards themselves."""
    sql.insert_each(shop.db, sql.CARDS_ISSUED, card_ids, (
        value_cents, value_cents, shop.operator.id, order_id,
        GiftCardEntry.created_at.db_value(now)))


# --- reloads, cash-out ----------------------------------------------------------------------


def _require_money_role(shop: Shop, action: str) -> None:
    """Owners, and clerks where the owner lets them take money for cards."""
    if shop.operator.role != "owner" and shop.setting(CLERK_MONEY_SETTING) != "1":
        raise Forbidden(action=action)


def _card(voucher: Voucher | None) -> Voucher:
    if voucher is None:
        raise NotFound(what="giftcard", id="")
    if not is_card(voucher):  # there, but counting uses: said so, not "not found" (QA)
        raise NotFound(what="giftcard", id=voucher.id, reason="not_a_giftcard")
    return voucher


# Stored on a reload's own order (data, English whatever the language); shown as its card.
RELOAD_NOTE = "giftcard reload"


@dataclass(frozen=True)
class BalanceChange:
    voucher_id: int
    amount_cents: int  # what was added (+) or taken (-)
    balance_cents: int  # after the change
    order_id: int | None = None  # the reload's own order
    money_cents: int = 0  # a cash-out's money handed over (at the price paid for the value)


def reload(shop: Shop, voucher: Voucher, amount_cents: int, method: str = "cash",
           station: str = "", reference: str = "") -> BalanceChange:
    """Add money to a card: a paid order of its own (so sales count it) and a ledger row."""
    _require_money_role(shop, "giftcard_reload")
    check_amount(amount_cents)
    if method not in RELOAD_METHODS:
        raise InvalidInput(field="method", problem="choice", choices=",".join(RELOAD_METHODS))
    with shop.write():
        card = _card(Voucher.get_or_none(Voucher.id == voucher.id))
        now = utc_now()
        order = Order.create(status="paid", total_cents=amount_cents, payment_method=method,
                             payment_ref=reference.strip()[:200], note=RELOAD_NOTE,
                             customer_name=card.order.customer_name,
                             customer_phone=card.order.customer_phone,
                             created_by=shop.operator.id, created_at=now, paid_at=now,
                             paid_by=shop.operator.id, paid_station=station_of(station))
        loaded = (Voucher.update(balance_cents=Voucher.balance_cents + amount_cents)
                  .where((Voucher.id == card.id) & _usable(now)).execute())
        if loaded != 1:
            raise InvalidState(what="giftcard", id=card.id, state="not_usable")
        entry = add_entry(card.id, "reload", amount_cents, shop.operator.id, station=station,
                          order=order.id, method=method, money_cents=amount_cents, now=now)
        audit.record(shop, "giftcard_reload", card.id, order=order.id, amount_cents=amount_cents,
                     method=method, balance_cents=entry.balance_after_cents)
    return BalanceChange(card.id, amount_cents, entry.balance_after_cents, order.id)


def cash_out(shop: Shop, voucher: Voucher, station: str = "",
             expect_cents: int | None = None) -> BalanceChange:
    """Pay a small remainder out in cash and empty the card, where the owner allows it: what
    a refund of the card would pay back (reloads in full, its own value at the price paid for
    it), so a promotion's bonus is never paid out in cash (QA: a card sold for 180 with 200 on
    it paid out 200). ``expect_cents``: the cash the question named; a card spent from at
    another counter since pays out nothing (``cashout_changed``), as a refund does."""
    _require_money_role(shop, "giftcard_cashout")
    limit = int(shop.setting(CASHOUT_MAX_SETTING, "0") or "0")
    with shop.write():
        card = _card(Voucher.get_or_none(Voucher.id == voucher.id))
        left = int(card.balance_cents)
        if limit <= 0:  # the owner's choice, not the operator's rights: say where to change it
            raise InvalidState(what="giftcard", id=card.id, state="cashout_off")
        if left <= 0:
            raise InvalidState(what="giftcard", id=card.id, state="empty")
        if left > limit:
            raise InvalidState(what="giftcard", id=card.id, state="cashout_over_limit",
                               balance=money_text(left), limit=money_text(limit),
                               currency=shop.currency)
        money = cash_value(card)
        if expect_cents is not None and money != expect_cents:
            raise InvalidState(what="giftcard", id=card.id, state="cashout_changed",
                               asked=money_text(expect_cents), now=money_text(money),
                               currency=shop.currency)
        emptied = (Voucher.update(balance_cents=0)
                   .where((Voucher.id == card.id) & (Voucher.balance_cents == left)
                          & _usable(utc_now())).execute())
        if emptied != 1:
            raise InvalidState(what="giftcard", id=card.id, state="not_usable")
        add_entry(card.id, "cashout", -left, shop.operator.id, station=station, method="cash",
                  money_cents=-money)
        audit.record(shop, "giftcard_cashout", card.id, amount_cents=left, money_cents=money,
                     station=station)
    return BalanceChange(card.id, -left, 0, money_cents=money)


# Refunds: core/giftcard_refunds.py (what a card's balance pays back, and under which order).


# --- expiry and breakage -------------------------------------------------------------------


def expire_due(shop: Shop, now: dt.datetime | None = None) -> int:
    """Write off the balances of cards whose validity has ended (an ``expiry`` row each);
    returns how many cards. Safe to run again: an empty card has nothing to write off."""
    now = now or utc_now()
    written_off = 0
    with shop.write():
        due = Voucher.select(Voucher.id, Voucher.balance_cents).where(
            (Voucher.balance_cents > 0) & Voucher.valid_until.is_null(False)
            & (Voucher.valid_until <= now) & (Voucher.state == "valid"))
        for card in list(due):
            left = int(card.balance_cents)
            emptied = (Voucher.update(balance_cents=0)
                       .where((Voucher.id == card.id) & (Voucher.balance_cents == left))
                       .execute())
            if emptied:
                add_entry(card.id, "expiry", -left, shop.operator.id, now=now)
                written_off += 1
        if written_off:
            audit.record(shop, "giftcard_expiry", "", cards=written_off)
    return written_off


@dataclass(frozen=True)
class Breakage:
    cards: int
    cents: int  # balances left on cards when they expired


def breakage(start: dt.date | None = None, end: dt.date | None = None,
             now: dt.datetime | None = None) -> Breakage:
    """Balances left on cards that expired in local days ``start``..``end`` (inclusive): the
    money the shop keeps. Counts cards whose expiry was written off and those not yet."""
    now = now or utc_now()
    low, high = day_range(start, end)
    window = Voucher.valid_until.is_null(False) & (Voucher.valid_until <= now)
    if low is not None:
        window &= Voucher.valid_until >= low
    if high is not None:
        window &= Voucher.valid_until < high
    written_off = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.amount_cents), 0))
                   .where((GiftCardEntry.voucher == Voucher.id)
                          & (GiftCardEntry.kind == "expiry")))  # negative: taken off
    query = (Voucher.select(Voucher.id, (Voucher.balance_cents - written_off).alias("left"))
             .where(window & Voucher.balance_cents.is_null(False) & (Voucher.state == "valid")))
    amounts = [int(row.left or 0) for row in query]
    kept = [cents for cents in amounts if cents > 0]
    return Breakage(len(kept), sum(kept))


# --- the PIN: looking a card up without it in hand ------------------------------------------


def typed_pin(pin: str) -> str:
    """A PIN as typed, NFKC'd: a Chinese input method's full-width "２４６８" is 2468 (QA s18b
    F9), set or checked, in the app or on the command line."""
    return unicodedata.normalize("NFKC", pin)


def _pin_hash(shop: Shop, voucher_id: int, pin: str) -> str:
    key, pin = shop.voucher_key.encode(), typed_pin(pin)
    return hmac.new(key, f"giftcard-pin:{voucher_id}:{pin}".encode(), hashlib.sha256).hexdigest()


def valid_pin(pin: str) -> bool:
    pin = typed_pin(pin)
    return pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS


def require_pin_format(pin: str) -> None:
    """Refuse a PIN that is not 4 to 6 digits, saying which of the two it misses."""
    pin = typed_pin(pin)
    if not (pin.isascii() and pin.isdigit()):
        raise InvalidInput(field="pin", problem="not_a_number")
    if len(pin) < PIN_LENGTHS.start:
        raise InvalidInput(field="pin", problem="too_short", minimum=PIN_LENGTHS.start)
    if len(pin) >= PIN_LENGTHS.stop:
        raise InvalidInput(field="pin", problem="too_long", maximum=PIN_LENGTHS.stop - 1)


def set_pin(shop: Shop, voucher: Voucher, pin: str) -> None:
    """Set or replace the card's PIN (owners); 4 to 6 digits."""
    if shop.operator.role != "owner":
        raise Forbidden(action="giftcard_pin")
    require_pin_format(pin)
    with shop.write():
        card = _card(Voucher.get_or_none(Voucher.id == voucher.id))
        (GiftCardPin.insert(voucher=card.id, pin_hash=_pin_hash(shop, card.id, pin), failures=0)
         .on_conflict(conflict_target=[GiftCardPin.voucher],
                      update={GiftCardPin.pin_hash: _pin_hash(shop, card.id, pin),
                              GiftCardPin.failures: 0, GiftCardPin.locked_until: None})
         .execute())
        audit.record(shop, "giftcard_pin", card.id)


def _moment(at: dt.datetime) -> str:
    return at.isoformat(timespec="seconds")


@dataclass(frozen=True)
class PinCheck:
    """How a PIN fared: ``right``, ``wrong``, ``locked`` (too many wrong ones lately; even the
    right one is refused until ``locked_until``) or ``no_pin`` (the card has none)."""

    result: str
    attempts_left: int = 0  # wrong PINs still allowed before the lock
    locked_until: dt.datetime | None = None

    @property
    def right(self) -> bool:
        return self.result == "right"


def check_pin(shop: Shop, voucher: Voucher, pin: str, now: dt.datetime | None = None
              ) -> PinCheck:
    """Check ``pin`` against the card's PIN. Wrong PINs count, and each is audited; the
    ``PIN_MAX_FAILURES``-th locks the card's PIN for ``PIN_LOCK`` (audited, as is every attempt
    while locked). A right PIN clears the count. The count and the audit are evidence, kept on
    a shop under integrity hold too: looking a card up only reads it."""
    now = now or utc_now()
    with shop.write(evidence_only=True):
        row = GiftCardPin.get_or_none(GiftCardPin.voucher == voucher.id)
        if row is None:
            return PinCheck("no_pin")
        if row.locked_until is not None and now < row.locked_until:
            until = row.locked_until
            audit.record(shop, "giftcard_pin_locked", voucher.id, until=_moment(until))
            return PinCheck("locked", 0, until)
        if valid_pin(pin) and hmac.compare_digest(row.pin_hash, _pin_hash(shop, voucher.id, pin)):
            GiftCardPin.update(failures=0, locked_until=None).where(
                GiftCardPin.id == row.id).execute()
            return PinCheck("right", PIN_MAX_FAILURES)
        failures = row.failures + 1
        locked = now + PIN_LOCK if failures >= PIN_MAX_FAILURES else None
        GiftCardPin.update(failures=0 if locked else failures, locked_until=locked).where(
            GiftCardPin.id == row.id).execute()
        if locked is not None:
            audit.record(shop, "giftcard_pin_locked", voucher.id, until=_moment(locked))
            return PinCheck("locked", 0, locked)
        left = PIN_MAX_FAILURES - failures
        audit.record(shop, "giftcard_pin_wrong", voucher.id, attempts_left=left)
        return PinCheck("wrong", left)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerRow:
    id: int
    at: dt.datetime
    kind: str
    amount_cents: int
    balance_after_cents: int
    operator: str
    station: str
    method: str | None
    money_cents: int


def ledger(voucher_id: int) -> list[LedgerRow]:
    query = (GiftCardEntry.select().where(GiftCardEntry.voucher == voucher_id)
             .order_by(GiftCardEntry.id))
    return [LedgerRow(e.id, e.created_at, e.kind, e.amount_cents, e.balance_after_cents,
                      e.operator.name, e.station, e.method, e.money_cents) for e in query]
