"""Redemption: the one place a voucher use is consumed.

A use is consumed by one conditional UPDATE (uses left, state, validity and payment all in its
WHERE clause) with the attempt row written in the same transaction. A row count of 0 means a
refusal, whose reason is read afterwards. Every attempt, refused ones too, is kept.
``giftcards`` is imported where a gift card is spent or given back: a pass's redemption (a
script's ``redeem``) does not load it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from peewee import IntegrityError

from desktop_app.core import (
    audit,
    file_clock,
    lost_commit,
    phones,
    refund_records,
    sql,
    vouchers,
)
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound, ServerLost
from desktop_app.core.models import Order, RedemptionAttempt, Refund, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.roles import REDEEMING_ROLES, require_owner
from desktop_app.core.store import Shop

REASONS = ("redeemed", "already_redeemed", "unknown_code", "invalid_signature", "wrong_shop",
           "mistyped", "malformed", "not_enough_uses", "not_paid", "voided", "expired",
           "not_yet_valid", "forbidden", "insufficient_balance", "amount_required",
           "not_a_giftcard")
MAX_SCANNED = 128
HIDDEN_MARK, HIDDEN_MOST = "•", 32  # text typed by hand that is no code, as kept
MAX_STATION = 64
MAX_USES_AT_ONCE = 1000
# Named by both engines' refusal of a second undo of one redemption (its unique index).
UNDO_OF_COLUMN = "undo_of_id"


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
    customer_phone: str = ""  # masked: the last four digits only
    last_operator: str = ""  # who redeemed it last (already_redeemed)
    last_at: dt.datetime | None = None
    last_station: str = ""  # and where (QA s20c F7: the other branch's counter, say)
    balance: int | None = None  # gift cards: cents left after this attempt
    spent: int | None = None  # gift cards: cents this attempt spent (redeemed only)
    asked: int | None = None  # gift cards: cents this attempt asked to spend, spent or not
    uses: int = 1  # how many uses this attempt asked for
    suspect_group: int | None = None  # mistyped: the printed group the typo is in, if known
    kind: str = ""  # the product's: service | cardkey | goods | giftcard ("" without a voucher)
    # A shared voucher's uses a part refund took off it, and when (already_redeemed and
    # not_enough_uses: "0 of 1 left" said nothing of the coffee paid back, QA s41a F14)
    refunded_uses: int = 0
    refunded_at: dt.datetime | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("at", "valid_from", "valid_until", "last_at", "refunded_at"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        for key in ("balance", "spent", "asked"):
            if data[key] is not None:
                data[key] = money_text(data[key])
        return data


def mask_phone(phone: str) -> str:
    """A phone number as a counter shows it: enough to ask "ending in 5678?", no more."""
    digits = phones.digits_of(phone)  # "+86 １３９…" shows as "*******5678" too
    if not digits:
        return ""
    return "*" * max(0, len(digits) - 4) + digits[-4:] if len(digits) > 4 else "*" * len(digits)


@dataclass(frozen=True)
class _Facts:
    """A voucher as the verdict shows it, read in one statement."""

    id: int
    code: str
    uses_left: int
    uses_total: int
    state: str
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    product: str
    order_status: str
    customer: str
    customer_phone: str
    balance: int | None  # gift cards: cents left; None for every other voucher
    kind: str  # the product's: a card key's verdict says it is one


def _facts(shop: Shop, code: str) -> _Facts | None:
    row = sql.execute(shop.db, sql.VOUCHER_FACTS, (Voucher.code.db_value(code),)).fetchone()
    return None if row is None else _facts_of(row)


def _facts_of(row: Sequence[Any]) -> _Facts:
    """A row in VOUCHER_FACTS' order; values go through the fields, which unseal them on a
    server shop."""
    when = Voucher.valid_from.python_value
    return _Facts(row[0], Voucher.code.python_value(row[1]), row[2], row[3], row[4],
                  when(row[5]), when(row[6]), row[7], row[8], row[9],
                  Order.customer_phone.python_value(row[10]), row[11], row[12])


def unusable_reason(order_status: str, state: str, valid_from: dt.datetime | None,
                    valid_until: dt.datetime | None, now: dt.datetime) -> str | None:
    """Why a voucher cannot be used now whatever it has left (voided, not paid, outside its
    validity window); None when it can. A redemption's refusal and a look-up's status agree.
    Expiry is judged at ``file_clock.latest_known(now)``: a clock set back brings no pass back."""
    if order_status in ("refunded", "cancelled") or state == "void":
        return "voided"
    if order_status != "paid":
        return "not_paid"
    if valid_from and now < valid_from:
        return "not_yet_valid"
    if valid_until and file_clock.latest_known(now) >= valid_until:
        return "expired"
    return None


def _refusal_reason(facts: _Facts, uses: int, now: dt.datetime,
                    exhausted: str = "already_redeemed") -> str:
    unusable = unusable_reason(facts.order_status, facts.state, facts.valid_from,
                               facts.valid_until, now)
    if unusable:
        return unusable
    return "not_enough_uses" if 0 < facts.uses_left < uses else exhausted


def _decide_card(shop: Shop, code: str, facts: _Facts, amount_cents: int | None,
                 now: dt.datetime) -> tuple[str, _Facts]:
    """Spend from a gift card (``amount_cents``), or say why not: a card needs an amount and a
    pass takes none; a card that cannot be used at all says why first. The card's facts to
    show: after the spend, or as it found the card."""
    if facts.balance is None or amount_cents is None:
        wrong_kind = "not_a_giftcard" if facts.balance is None else "amount_required"
        return _refusal_reason(facts, 1, now, wrong_kind), facts
    from desktop_app.core import giftcards

    if giftcards.spend(facts.id, amount_cents, now):
        return "redeemed", _facts(shop, code) or facts  # the balance after the spend
    if facts.balance >= amount_cents and unusable_reason(
            facts.order_status, facts.state, facts.valid_from, facts.valid_until, now) is None:
        # Usable as read, yet refused: on a server a refund (or a spend) at another counter
        # committed while the spend waited for the card's row; read again to say which.
        facts = _facts(shop, code) or facts
    return _refusal_reason(facts, 1, now, "insufficient_balance"), facts


def _consume(shop: Shop, code: str, uses: int, now: dt.datetime) -> _Facts | None:
    """The voucher's facts after ``uses`` were consumed now; None when they were not (the
    reason is read afterwards)."""
    at = Voucher.valid_from.db_value(now)
    until = Voucher.valid_until.db_value(file_clock.latest_known(now))
    row = sql.execute(shop.db, sql.consume_uses(shop.db), (
        uses, Voucher.code.db_value(code), uses, at, until, shop.operator.id, True,
        *REDEEMING_ROLES)).fetchone()
    return None if row is None else _facts_of(row)


def _may_redeem(shop: Shop) -> bool:
    row = sql.execute(shop.db, sql.OPERATOR_NOW, (shop.operator.id,)).fetchone()
    return row is not None and bool(row[0]) and row[1] in REDEEMING_ROLES


def _suspect_group(shop: Shop, typed: str) -> int | None:
    """The group of a mistyped code to check, when exactly one voucher here is one typo away.
    Only pointed at, never applied: a mistyped code is refused whatever is found."""
    fixes = vouchers.likely_corrections(typed)
    if not fixes:
        return None
    codes = [Voucher.code.db_value(code) for code in fixes]
    existing = [Voucher.code.python_value(row[0]) for row in sql.execute(
        shop.db, sql.EXISTING_CODES.format(marks=sql.marks(len(codes))), codes).fetchall()]
    if len(existing) != 1 or fixes[existing[0]] < 0:
        return None
    return fixes[existing[0]]


def hidden_typing(text: str) -> str:
    """Text typed by hand that is no voucher's code, as the attempt keeps it: its length in
    dots. A password typed into the scan field, the lock screen thought to be up, was kept in
    the clear, shown in the station's list and exported (QA s42a F9)."""
    return HIDDEN_MARK * min(len(text.strip()), HIDDEN_MOST)


def hides_typing(reason: str, suspect_group: int | None) -> bool:
    """Whether text typed by hand that got this refusal is no voucher's code as far as the
    shop can tell, so kept hidden: no code at all; code-shaped but no voucher here one typo
    from it (a password of a code's length, QA s43a F4); or a code whose check holds, of no
    voucher here (a password passes it one time in 32). A typo of a voucher here is kept."""
    return reason in ("malformed", "unknown_code") or (
        reason == "mistyped" and suspect_group is None)


def _insert_attempts(shop: Shop, facts: _Facts | None, station: str, scanned: str,
                     reason: str, uses: int, now: dt.datetime) -> list[int]:
    """The attempt row; for N uses redeemed at once, one row per use (uses left counting
    down), so every use consumed has its record: verify's cross-check, the reports and an
    undo (one use each) count rows."""
    ok = reason == "redeemed"
    lefts = ([facts.uses_left + uses - 1 - i for i in range(uses)] if ok and facts
             else [facts.uses_left if facts else None])
    at = RedemptionAttempt.created_at.db_value(now)
    stored = RedemptionAttempt.scanned_text.db_value(scanned)  # sealed on a server, as typed here
    return [int(sql.execute(shop.db, sql.INSERT_ATTEMPT, (
        facts.id if facts else None, shop.operator.id, station, stored, reason, ok, left, at
    )).fetchone()[0]) for left in lefts]


def _verdict(shop: Shop, reason: str, attempt_id: int, station: str, now: dt.datetime,
             uses: int, facts: _Facts | None, suspect_group: int | None,
             asked: int | None) -> Verdict:
    fields: dict[str, object] = {}
    if facts is not None:
        fields = {"voucher_id": facts.id, "code": vouchers.typed_code(facts.code),
                  "product": facts.product, "uses_left": facts.uses_left,
                  "uses_total": facts.uses_total, "valid_from": facts.valid_from,
                  "valid_until": facts.valid_until, "customer": facts.customer,
                  "customer_phone": mask_phone(facts.customer_phone),
                  "balance": facts.balance, "kind": facts.kind}
        if reason in ("already_redeemed", "insufficient_balance"):
            # A card too low: spent from a moment ago at another counter, maybe (QA s35b F12)
            last = sql.execute(shop.db, sql.LAST_REDEMPTION, (facts.id, True)).fetchone()
            if last is not None:
                fields["last_operator"] = last[0]
                fields["last_at"] = RedemptionAttempt.created_at.python_value(last[1])
                fields["last_station"] = last[2]
        if reason in ("already_redeemed", "not_enough_uses"):
            fields.update(_refunded_part(shop, facts.id))
    return Verdict(ok=reason == "redeemed", reason=reason, operator=shop.operator.name,
                   station=station, at=now, attempt_id=attempt_id, uses=uses,
                   suspect_group=suspect_group, spent=asked if reason == "redeemed" else None,
                   asked=asked, **fields)  # type: ignore[arg-type]


def _refunded_part(shop: Shop, voucher_id: int) -> dict[str, object]:
    """A refusal's word of the uses a part refund took off a voucher its line's units share
    (a voucher of its own is voided by its refund instead); one fixed read."""
    from desktop_app.core.orders import uses_each  # a refusal's, rarely: not at import

    row = sql.execute(shop.db, sql.REFUNDED_PART, (voucher_id,)).fetchone()
    if row is None:
        return {}
    quantity, refunded, uses_total, state, vouchers_of_line, last_refund = row
    if state != "valid" or not refunded or quantity < 2 or vouchers_of_line != 1:
        return {}
    return {"refunded_uses": refunded * uses_each(uses_total, quantity - refunded),
            "refunded_at": Refund.refunded_at.python_value(last_refund)}


def _decide(shop: Shop, parsed: vouchers.Parsed, uses: int, amount_cents: int | None,
            now: dt.datetime) -> tuple[str, _Facts | None, int | None]:
    """The reason, the voucher's facts and a typo's suspect group. The deciding UPDATE goes
    first: when it consumes, it has also shown the operator may redeem and read the facts."""
    if not parsed.reason and amount_cents is None:
        # A gift card is never consumed by uses (the UPDATE skips a balance).
        consumed = _consume(shop, parsed.code, uses, now)
        if consumed is not None:
            return "redeemed", consumed, None
    if not _may_redeem(shop):
        # Kept with its voucher (its history, the export's masking: QA s39b F2, F13); the
        # verdict says nothing of it to an operator who may not redeem (see ``redeem``).
        return "forbidden", None if parsed.reason else _facts(shop, parsed.code), None
    if parsed.reason:
        typo = _suspect_group(shop, parsed.typed) if parsed.reason == "mistyped" else None
        return parsed.reason, None, typo
    facts = _facts(shop, parsed.code)
    if facts is None:
        return "unknown_code", None, None
    if facts.balance is None and amount_cents is None:
        return _refusal_reason(facts, uses, now), facts, None
    reason, facts = _decide_card(shop, parsed.code, facts, amount_cents, now)
    return reason, facts, None


def redeem(shop: Shop, text: str, station: str, *, uses: int = 1,
           amount_cents: int | None = None, now: dt.datetime | None = None,
           normalized: str | None = None, by_hand: bool = False,
           settle_wait_s: float = lost_commit.SETTLE_WAIT_S) -> Verdict:
    """Redeem ``uses`` uses of the voucher named by ``text`` (QR payload or typed code): all
    of them or none (``not_enough_uses``); or spend ``amount_cents`` from a gift card's
    balance, all or nothing (``insufficient_balance``).

    ``normalized`` is ``vouchers.normalize(text)`` when the caller (the counter) has it
    already; ``text`` itself is what the attempt records as scanned, but text typed
    ``by_hand`` that is no voucher's code as far as the shop can tell (``hides_typing``),
    which may be a password typed where the lock screen was thought to be, is recorded
    hidden (``hidden_typing``). A fixed handful of
    statements whatever the shop's history: the deciding UPDATE (which reads the verdict's
    facts as it consumes), the attempt row (one per use) and the audit event; a refusal
    reads the operator and the voucher instead of the audit event.

    A COMMIT whose answer was lost is looked up for up to ``settle_wait_s`` (see
    ``core.lost_commit``): the verdict if it was saved, ``NotSaved`` if not,
    ``RedemptionUncertain`` if the server has not answered by then."""
    if not 1 <= uses <= MAX_USES_AT_ONCE:
        raise InvalidInput(field="uses", problem="out_of_range", low=1, high=MAX_USES_AT_ONCE)
    given_now = now is not None
    now = _utc(now or utc_now())
    station = (station.strip() or "?")[:MAX_STATION]
    scanned = text[:MAX_SCANNED]
    if amount_cents is not None:
        from desktop_app.core import giftcards

        giftcards.check_amount(amount_cents)
    parsed = vouchers.parse(text, shop.shop_id, shop.voucher_key, normalized)
    verdict: Verdict | None = None
    try:
        with shop.write(operator_checked=True):  # the deciding UPDATE checks the operator
            reason, facts, suspect = _decide(shop, parsed, uses, amount_cents, now)
            if reason != "redeemed" and not given_now:
                # Refused after waiting on another counter's redemption of it: recorded at
                # the refusal, not before the winner (QA s20c F6).
                now = _utc(utc_now())
            hide = by_hand and hides_typing(reason, suspect)
            recorded = hidden_typing(scanned) if hide else scanned
            attempt_ids = _insert_attempts(shop, facts, station, recorded, reason, uses, now)
            _record(shop, reason, facts, attempt_ids, station, uses, amount_cents, now)
            verdict = _verdict(shop, reason, attempt_ids[-1], station, now, uses,
                               None if reason == "forbidden" else facts, suspect, amount_cents)
        return verdict  # committed: the with block's end is the COMMIT
    except ServerLost as exc:
        return _after_lost_commit(shop, exc, verdict, parsed.code or scanned, settle_wait_s)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _record(shop: Shop, reason: str, facts: _Facts | None, attempt_ids: list[int],
            station: str, uses: int, amount_cents: int | None, now: dt.datetime) -> None:
    """A redemption's ledger entry (gift cards) and audit event; nothing for a refusal."""
    if reason == "redeemed" and facts is not None and amount_cents is not None:
        from desktop_app.core import giftcards

        giftcards.add_entry(facts.id, "spend", -amount_cents, shop.operator.id,
                            station=station, attempt=attempt_ids[-1], now=now)
        audit.record(shop, "redeem", facts.id, attempt=attempt_ids[-1], station=station,
                     amount_cents=amount_cents, balance_cents=facts.balance)
    elif reason == "redeemed" and facts is not None:
        several = {"uses": uses, "attempts": attempt_ids} if uses != 1 else {}
        audit.record(shop, "redeem", facts.id, attempt=attempt_ids[-1], station=station,
                     uses_left=facts.uses_left, **several)


def _after_lost_commit(shop: Shop, lost: ServerLost, verdict: Verdict | None, code: str,
                       wait_s: float) -> Verdict:
    """The connection broke during the redemption. Before the COMMIT was sent nothing was
    kept; after, the attempt row says whether it was, once the server answers again."""
    if verdict is None or verdict.attempt_id is None:
        raise lost_commit.NotSaved(**lost.params) from lost
    saved = lost_commit.settle(shop, lost_commit.attempt_saved, verdict.attempt_id, wait_s)
    if saved is None:
        raise lost_commit.RedemptionUncertain(
            verdict, code=verdict.code or code, attempt_id=verdict.attempt_id,
            **lost.params) from lost
    if not saved:
        raise lost_commit.NotSaved(**lost.params) from lost
    return verdict


def undo_redemption(shop: Shop, attempt_id: int, note: str, station: str, *,
                    settle_wait_s: float = lost_commit.SETTLE_WAIT_S) -> RedemptionAttempt:
    """Give back the use an attempt consumed. The undo is a new record, never a deletion.
    A COMMIT whose answer was lost is looked up as a redemption's is (``UndoUncertain``)."""
    require_owner(shop, "redemption_undo")
    try:
        return _undo(shop, attempt_id, note, station)
    except ServerLost as lost:
        saved = lost_commit.settle(shop, lost_commit.undo_saved, attempt_id, settle_wait_s)
        if saved is None:
            raise lost_commit.UndoUncertain(attempt_id=attempt_id, **lost.params) from lost
        if not saved:
            raise lost_commit.NotSaved(**lost.params) from lost
        undo: RedemptionAttempt = RedemptionAttempt.get(RedemptionAttempt.undo_of == attempt_id)
        return undo


def _undo(shop: Shop, attempt_id: int, note: str, station: str) -> RedemptionAttempt:
    with shop.write():
        original = RedemptionAttempt.get_or_none(RedemptionAttempt.id == attempt_id)
        if original is None or not original.ok:
            raise NotFound(what="redemption", id=attempt_id)
        _refuse_refunded(original.voucher_id, attempt_id)
        try:
            undo = RedemptionAttempt.create(
                voucher=original.voucher_id, operator=shop.operator.id,
                station=station[:MAX_STATION], scanned_text="", reason="undone", ok=False,
                undo_of=original.id, note=note.strip()[:500])
        except IntegrityError as exc:
            if UNDO_OF_COLUMN not in str(exc):  # a server's id taken: its counters are behind
                raise
            raise InvalidState(what="redemption", id=attempt_id, state="undone") from None
        from desktop_app.core import giftcards

        spent = giftcards.spend_of(original.id)
        if spent is not None:
            giftcards.undo_spend(shop, spent, undo.station, undo.note)
        else:
            given_back = (Voucher.update(uses_left=Voucher.uses_left + 1)
                          .where((Voucher.id == original.voucher_id)
                                 & (Voucher.uses_left < Voucher.uses_total)
                                 & (Voucher.state == "valid")).execute())
            if given_back != 1:
                raise InvalidState(what="redemption", id=attempt_id, state="not_undoable")
        undo.uses_left_after = Voucher.get_by_id(original.voucher_id).uses_left
        undo.save()
        audit.record(shop, "redemption_undo", original.voucher_id, attempt=attempt_id,
                     undo=undo.id, note=undo.note)
    return undo


def _refuse_refunded(voucher_id: int, attempt_id: int) -> None:
    """A voucher refunded since its redemption: its unused uses were paid back and it is void,
    so a use given back would be one more than the customer paid for. Refused with the
    refund's time; nothing is written (no undo row, no audit event)."""
    voucher = Voucher.get_by_id(voucher_id)
    if voucher.state == "void":
        card = {"giftcard": True} if voucher.balance_cents is not None else {}
        raise InvalidState(what="redemption", id=attempt_id, state="voucher_refunded",
                           voucher=voucher_id, **card, **refund_records.refunded_facts(voucher))
