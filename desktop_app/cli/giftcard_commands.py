"""A gift card looked up on the phone: the caller's cards by order or phone, then one card's
balance with its PIN. The PIN is a secret like a password: it comes from ``SHOP_CARD_PIN`` or
a hidden prompt, never from the command line (shell history, the process list)."""

from __future__ import annotations

import os

from desktop_app.cli.frame import (
    EXIT_OK,
    EXIT_REFUSED,
    Context,
    Outcome,
    UsageError,
    open_as_operator,
    prompt,
    validity,
    when,
)
from desktop_app.core import giftcard_desk, giftcard_lookup
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.giftcard_lookup import CardLookup, CardRef
from desktop_app.core.money import parse_amount
from desktop_app.i18n import translate
from desktop_app.messages.labels import money
from desktop_app.messages.verdict_texts import status_text


def _ask_pin(question: str) -> str:
    return prompt(question, True, ("SHOP_CARD_PIN",)).strip()


def card_pin() -> str:
    pin = os.environ.get("SHOP_CARD_PIN")
    if pin is not None:
        return pin.strip()
    return _ask_pin(translate("cli", "The card's PIN: "))


def new_card_pin() -> str:
    """A card's new PIN: ``SHOP_CARD_PIN``, or typed twice at a hidden prompt."""
    pin = os.environ.get("SHOP_CARD_PIN")
    if pin is not None:
        return pin.strip()
    first = _ask_pin(translate("cli", "The card's new PIN: "))
    if _ask_pin(translate("cli", "Type it again: ")) != first:
        raise InvalidInput(field="pin", problem="pin_mismatch")
    return first


def ref_line(ref: CardRef) -> str:
    customer = " ".join(part for part in (ref.customer, ref.customer_phone) if part)
    pin = translate("cli", "PIN set") if ref.has_pin else translate("cli", "no PIN")
    return translate("cli", "card {card}  {product}  order {order}  {customer}  {pin}").format(
        card=ref.voucher_id, product=ref.product, order=ref.order_id, customer=customer,
        pin=pin)


def cmd_voucher_cards(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        refs = giftcard_lookup.caller_cards(shop, order_id=ctx.args.order,
                                            phone=ctx.args.phone or "")
    data = {"cards": [ref.to_json() for ref in refs], "count": len(refs)}
    return Outcome(data, [ref_line(ref) for ref in refs]
                   or [translate("cli", "No gift cards found.")])


def _card_of_order(refs: list[CardRef], order_id: int) -> int:
    if not refs:
        raise NotFound(what="giftcard", order=order_id)
    if len(refs) > 1:
        raise UsageError(translate(
            "cli", "Order {order} holds {count} gift cards ({cards}): name one with --card."
        ).format(order=order_id, count=len(refs),
                 cards=", ".join(str(ref.voucher_id) for ref in reversed(refs))))
    return refs[0].voucher_id


def lookup_lines(found: CardLookup, currency: str) -> list[str]:
    if found.reason == "no_pin":
        return [translate("cli", "Card {card} has no PIN: it can be looked up only with the card "
                          "in hand.").format(card=found.voucher_id)]
    if found.reason == "wrong_pin":
        return [translate("cli", "Wrong PIN for card {card}; {left} attempts left before it "
                          "locks.").format(card=found.voucher_id, left=found.attempts_left)]
    if found.reason == "pin_locked":
        return [translate("cli", "Card {card}: too many wrong PINs; locked until {until}.").format(
            card=found.voucher_id, until=when(found.locked_until))]
    facts = found.facts
    assert facts is not None  # found
    lines = [translate("cli", "card {card}  {product}  balance {balance}  {status}, "
                       "{validity}").format(
        card=found.voucher_id, product=facts.product, balance=money(facts.balance_cents, currency),
        status=status_text(facts.status), validity=validity(facts.valid_until))]
    lines += [f"  {when(row.at)}  {row.kind:<8} {money(row.amount_cents, currency):>10}  "
              f"{money(row.balance_after_cents, currency):>10}  {row.operator}"
              for row in facts.recent]
    return lines


def cmd_voucher_balance(ctx: Context) -> Outcome:
    pin = card_pin()
    with open_as_operator(ctx) as shop:
        card = ctx.args.card
        if card is None:
            card = _card_of_order(giftcard_lookup.caller_cards(shop, order_id=ctx.args.order),
                                  ctx.args.order)
        found = giftcard_lookup.look_up_card(shop, card, pin, ctx.args.station)
        currency = shop.currency
    data = found.to_json()
    del data["ok"]  # the frame writes it from the exit status
    return Outcome(data, lookup_lines(found, currency), EXIT_OK if found.ok else EXIT_REFUSED)


def cmd_voucher_spend(ctx: Context) -> Outcome:
    """Spend from a gift card the customer has not with them, by its PIN: exit 0 when spent,
    3 for a PIN that opens nothing or a refused spend (as ``redeem``)."""
    from desktop_app.cli.redeem_command import verdict_line

    amount = parse_amount(ctx.args.amount)
    pin = card_pin()
    with open_as_operator(ctx) as shop:
        card = ctx.args.card
        if card is None:
            card = _card_of_order(giftcard_lookup.caller_cards(shop, order_id=ctx.args.order),
                                  ctx.args.order)
        spent = giftcard_lookup.spend_with_pin(shop, card, pin, amount, ctx.args.station)
        currency = shop.currency
    data = spent.to_json()
    data.pop("ok", None)  # the frame writes it from the exit status
    if spent.verdict is None:
        return Outcome(data, lookup_lines(spent.pin, currency), EXIT_REFUSED)
    line = verdict_line(spent.verdict, "", currency)
    return Outcome(data, [line], EXIT_OK if spent.verdict.ok else EXIT_REFUSED)


def cmd_voucher_pin(ctx: Context) -> Outcome:
    """Set or replace a gift card's PIN (owners), or remove it with ``--clear``."""
    card = ctx.args.card
    if ctx.args.clear:
        with open_as_operator(ctx) as shop:
            removed = giftcard_desk.clear_card_pin(shop, card)
        line = (translate("cli", "Card {card}: PIN removed.") if removed
                else translate("cli", "Card {card} has no PIN."))
        return Outcome({"card": card, "has_pin": False, "removed": removed},
                       [line.format(card=card)])
    pin = new_card_pin()
    with open_as_operator(ctx) as shop:
        giftcard_desk.set_card_pin(shop, card, pin)
    return Outcome({"card": card, "has_pin": True},
                   [translate("cli", "Card {card}: PIN set.").format(card=card)])
