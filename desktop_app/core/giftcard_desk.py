"""The owner's desk for one gift card, by voucher id: what the Orders screen shows of a card
(balance, ledger, whether it may be cashed out, whether it has a PIN) and the actions on it.

``giftcards`` does the work; this module finds the card by id for the screens (which hold
plain ids, never models) and adds clearing a PIN.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core import audit, giftcards, vouchers
from desktop_app.core.errors import Forbidden, NotFound
from desktop_app.core.giftcard_value import cash_value
from desktop_app.core.giftcards import BalanceChange, LedgerRow
from desktop_app.core.models import GiftCardPin, Voucher
from desktop_app.core.money import parse_amount
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class CardState:
    voucher_id: int
    balance_cents: int
    usable: bool  # valid and paid: reloads and cash-outs are possible
    cashout_max_cents: int  # 0: the owner allows no cash-out
    may_take_money: bool  # this operator may reload or cash out
    has_pin: bool
    ledger: list[LedgerRow]
    code: str = ""  # the printed code: a question names the card it is about
    cashout_cents: int = 0  # the money a cash-out pays for the balance (the price paid for it)

    @property
    def may_cash_out(self) -> bool:
        return (self.may_take_money and self.usable
                and 0 < self.balance_cents <= self.cashout_max_cents)


def _card(voucher_id: int) -> Voucher:
    card = Voucher.get_or_none(Voucher.id == voucher_id)
    if card is None or not giftcards.is_card(card):
        raise NotFound(what="giftcard", id=voucher_id)
    return card


def card_state(shop: Shop, voucher_id: int) -> CardState:
    card = _card(voucher_id)
    limit = shop.setting(giftcards.CASHOUT_MAX_SETTING, "0") or "0"
    may_take_money = (shop.operator.role == "owner"
                      or shop.setting(giftcards.CLERK_MONEY_SETTING) == "1")
    usable = card.state == "valid" and card.order.status == "paid"
    has_pin = GiftCardPin.get_or_none(GiftCardPin.voucher == card.id) is not None
    balance = int(card.balance_cents or 0)
    return CardState(card.id, balance, usable, int(limit) if limit.isdigit() else 0,
                     may_take_money, has_pin, giftcards.ledger(card.id),
                     vouchers.typed_code(card.code), cash_value(card) if balance > 0 else 0)


def reload_card(shop: Shop, voucher_id: int, amount: str, method: str, station: str = "",
                reference: str = "") -> BalanceChange:
    """Reload by the amount as typed (``"50"``, ``"12.50"``, ``"¥50"``)."""
    cents = parse_amount(amount)
    return giftcards.reload(shop, _card(voucher_id), cents, method, station, reference)


def cash_out_card(shop: Shop, voucher_id: int, station: str = "",
                  expect_cents: int | None = None) -> BalanceChange:
    return giftcards.cash_out(shop, _card(voucher_id), station, expect_cents)


def set_card_pin(shop: Shop, voucher_id: int, pin: str) -> None:
    giftcards.set_pin(shop, _card(voucher_id), pin)


def clear_card_pin(shop: Shop, voucher_id: int) -> bool:
    """Remove the card's PIN (owners): looking it up then needs the card in hand. False when
    it had none."""
    if shop.operator.role != "owner":
        raise Forbidden(action="giftcard_pin")
    with shop.write():
        card = _card(voucher_id)
        removed = GiftCardPin.delete().where(GiftCardPin.voucher == card.id).execute()
        if removed:
            audit.record(shop, "giftcard_pin", card.id, cleared=True)
    return bool(removed)
