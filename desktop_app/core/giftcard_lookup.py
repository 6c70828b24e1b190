"""A gift card looked up without it in hand: the customer on the phone, with the card's PIN.

The caller names the card by something that is not its secret: the order it was sold in, or
the phone number on that order. ``caller_cards`` lists the cards that match by a reference
anyone may hear (the card's number, its product, its order, the customer with the phone
masked), never the code, the QR or the balance. ``look_up_card`` then takes the card's number
and the PIN the caller gives: with the right PIN the balance, validity and recent ledger;
never the code or the QR, which would let whoever hears them spend the card. Wrong PINs count
toward the card's lockout (``giftcards.check_pin``) and are audited, as is every look-up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from desktop_app.core import audit, giftcards, phones, redemption, voucher_lookup, vouchers
from desktop_app.core.counter_find import masked_code
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import Forbidden, InvalidInput, NotFound
from desktop_app.core.giftcards import LedgerRow
from desktop_app.core.models import GiftCardPin, Order, Product, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.redemption import Verdict, mask_phone
from desktop_app.core.roles import REDEEMING_ROLES
from desktop_app.core.store import Shop

MIN_PHONE_DIGITS = 4  # fewer would list half the shop's cards
RECENT_ROWS = 10  # the ledger rows a caller is read, newest first
REASONS = ("found", "wrong_pin", "pin_locked", "no_pin")
# What a spend by PIN records as scanned: how the card was named, never its code.
PIN_SPEND_SCANNED = "card #{card} by phone + PIN"


@dataclass(frozen=True)
class CardRef:
    """A card as a caller may hear it named: no code, no balance."""

    voucher_id: int  # the card's number
    order_id: int
    product: str
    customer: str
    customer_phone: str  # masked
    issued_at: dt.datetime
    has_pin: bool

    def to_json(self) -> dict[str, Any]:
        return {"card": self.voucher_id, "order": self.order_id, "product": self.product,
                "customer": self.customer, "customer_phone": self.customer_phone,
                "issued_at": self.issued_at.isoformat(), "has_pin": self.has_pin}


@dataclass(frozen=True)
class CardFacts:
    """What the caller is told once the PIN is right."""

    product: str
    order_id: int
    status: str  # "redeemable", or why it cannot be spent now (expired, insufficient_balance...)
    balance_cents: int
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    recent: list[LedgerRow]  # newest first, at most ``RECENT_ROWS``


@dataclass(frozen=True)
class CardLookup:
    """A look-up's outcome: ``reason`` is one of ``REASONS``; ``facts`` only when found."""

    reason: str
    voucher_id: int
    attempts_left: int = 0
    locked_until: dt.datetime | None = None
    facts: CardFacts | None = None

    @property
    def ok(self) -> bool:
        return self.reason == "found"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"ok": self.ok, "reason": self.reason, "card": self.voucher_id}
        if self.reason == "wrong_pin":
            data["attempts_left"] = self.attempts_left
        if self.locked_until is not None:
            data["locked_until"] = self.locked_until.isoformat()
        facts = self.facts
        if facts is not None:
            data.update({
                "product": facts.product, "order": facts.order_id, "status": facts.status,
                "balance": money_text(facts.balance_cents),
                "valid_from": facts.valid_from.isoformat() if facts.valid_from else None,
                "valid_until": facts.valid_until.isoformat() if facts.valid_until else None,
                "ledger": [{"at": row.at.isoformat(), "kind": row.kind,
                            "amount": money_text(row.amount_cents),
                            "balance_after": money_text(row.balance_after_cents),
                            "operator": row.operator, "station": row.station}
                           for row in facts.recent]})
        return data


@dataclass(frozen=True)
class CardSpend:
    """A spend by PIN: ``pin`` says whether the PIN opened the card (with its facts after the
    spend when it did); ``verdict`` is the spend's, only when it did."""

    pin: CardLookup
    verdict: Verdict | None

    def to_json(self) -> dict[str, Any]:
        if self.verdict is None:
            return self.pin.to_json()
        return {**self.verdict.to_json(), "card": self.pin.voucher_id}


def _require_counter_role(shop: Shop, action: str) -> None:
    if shop.operator.role not in REDEEMING_ROLES:
        raise Forbidden(action=action)


def caller_cards(shop: Shop, *, order_id: int | None = None, phone: str = "") -> list[CardRef]:
    """The gift cards of order ``order_id``, or of the orders whose phone holds ``phone``
    (as given, or its digits: full-width or with +86 alike; at least ``MIN_PHONE_DIGITS``
    digits), newest first."""
    _require_counter_role(shop, "giftcard_lookup")
    if order_id is not None:
        ids = [v.id for v in Voucher.select(Voucher.id).where(
            (Voucher.order == order_id) & Voucher.balance_cents.is_null(False))]
    else:
        digits = phones.digits_of(phone)
        if len(digits) < MIN_PHONE_DIGITS:
            raise InvalidInput(field="phone", problem="too_short", minimum=MIN_PHONE_DIGITS)
        # The counter's customer search (names match too: harmless, the PIN decides).
        ids = [card.id for card in voucher_lookup.customer_vouchers(shop, phone.strip())
               if giftcards.is_card(card)]
    return _refs(ids)


def _refs(voucher_ids: list[int]) -> list[CardRef]:
    if not voucher_ids:
        return []
    with_pin = {row.voucher_id for row in GiftCardPin.select(GiftCardPin.voucher)
                .where(GiftCardPin.voucher.in_(voucher_ids))}
    query = (Voucher.select(Voucher, Order, Product).join_from(Voucher, Order)
             .join_from(Voucher, Product).where(Voucher.id.in_(voucher_ids))
             .order_by(Voucher.id.desc()))
    return [CardRef(v.id, v.order_id, v.product.name, v.order.customer_name,
                    mask_phone(v.order.customer_phone), v.issued_at, v.id in with_pin)
            for v in query]


def look_up_card(shop: Shop, voucher_id: int, pin: str, station: str = "",
                 now: dt.datetime | None = None) -> CardLookup:
    """Card ``voucher_id``'s balance, validity and recent ledger, if ``pin`` is its PIN.

    A PIN that is not 4 to 6 digits cannot be right and is refused as a typing error before
    anything counts. The look-up is recorded in the same transaction as the PIN's count."""
    _require_counter_role(shop, "giftcard_lookup")
    giftcards.require_pin_format(pin)
    now = now or utc_now()
    card = Voucher.get_or_none(Voucher.id == voucher_id)
    if card is None or not giftcards.is_card(card):
        raise NotFound(what="giftcard", id=voucher_id)
    with shop.write(evidence_only=True):
        check = giftcards.check_pin(shop, card, pin, now)
        refused = _pin_refusal(card, check)
        if refused is not None:
            return refused
        audit.record(shop, "giftcard_lookup", card.id, channel="phone", station=station[:64])
    return CardLookup("found", card.id, check.attempts_left, facts=_facts(shop, card, now))


def spend_with_pin(shop: Shop, voucher_id: int, pin: str, amount_cents: int,
                   station: str) -> CardSpend:
    """Spend ``amount_cents`` from card ``voucher_id`` for a customer at the counter without
    it, with its PIN (a stored-value card paid by phone number and password). The PIN is
    checked, and counted, as a look-up's is; with the right one the card is spent through the
    counter's redemption, exactly once, and the attempt records how it was named, not its
    code. The verdict's code is masked: the code is the card's money."""
    _require_counter_role(shop, "giftcard_spend")
    giftcards.require_pin_format(pin)
    giftcards.check_amount(amount_cents)
    card = Voucher.get_or_none(Voucher.id == voucher_id)
    if card is None or not giftcards.is_card(card):
        raise NotFound(what="giftcard", id=voucher_id)
    check = giftcards.check_pin(shop, card, pin)
    refused = _pin_refusal(card, check)
    if refused is not None:
        return CardSpend(refused, None)
    verdict = redemption.redeem(shop, PIN_SPEND_SCANNED.format(card=card.id), station,
                                amount_cents=amount_cents,
                                normalized=vouchers.normalize(vouchers.typed_code(card.code)))
    verdict = replace(verdict, code=masked_code(verdict.code))
    found = CardLookup("found", card.id, check.attempts_left, facts=_facts(shop, card, utc_now()))
    return CardSpend(found, verdict)


def _pin_refusal(card: Voucher, check: giftcards.PinCheck) -> CardLookup | None:
    """Why the PIN opens nothing (no PIN, locked, wrong); None when it is the card's."""
    if check.result == "no_pin":
        return CardLookup("no_pin", card.id)
    if check.result == "locked":
        return CardLookup("pin_locked", card.id, locked_until=check.locked_until)
    if not check.right:
        return CardLookup("wrong_pin", card.id, check.attempts_left)
    return None


def _facts(shop: Shop, card: Voucher, now: dt.datetime) -> CardFacts:
    card = Voucher.get_by_id(card.id)  # the balance as it is now
    recent = list(reversed(giftcards.ledger(card.id)))[:RECENT_ROWS]
    return CardFacts(card.product.name, card.order_id, voucher_lookup.status_here(shop, card, now),
                     int(card.balance_cents or 0), card.valid_from, card.valid_until, recent)
