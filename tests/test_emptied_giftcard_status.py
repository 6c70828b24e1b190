"""An emptied gift card is not "Can be redeemed": every look-up says what a redemption would
say now, in the counter's words (QA s10b F12)."""

from __future__ import annotations

from test_giftcard_lookup import PIN, sell_cards

from desktop_app.cli.giftcard_commands import lookup_lines
from desktop_app.core import giftcard_lookup, giftcards, redemption, voucher_lookup
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.messages.verdict_texts import status_text
from desktop_app.ui.orders.card_lookup_dialog import status_text as dialog_status_text

EMPTY = "Empty: reload it to spend it again"


def test_an_emptied_card_says_so_wherever_it_is_looked_up(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    assert voucher_lookup.lookup(shop, card.code).status == "redeemable"
    spent = redemption.redeem(shop, card.code, "Till", amount_cents=10000)
    assert spent.reason == "redeemed" and spent.balance == 0
    assert redemption.redeem(shop, card.code, "Till", amount_cents=1).reason == (
        "insufficient_balance")

    shown = voucher_lookup.lookup(shop, card.code)
    assert (shown.status, shown.balance) == ("insufficient_balance", 0)
    found = giftcard_lookup.look_up_card(shop, card.id, PIN, "Phone desk")
    assert found.facts is not None and found.facts.status == "insufficient_balance"
    assert found.to_json()["status"] == "insufficient_balance"
    assert status_text(shown.status) == EMPTY
    assert dialog_status_text(found.facts.status) == EMPTY
    assert EMPTY in lookup_lines(found, "CNY")[0]
    assert "insufficient_balance" not in lookup_lines(found, "CNY")[0]

    giftcards.reload(shop, Voucher.get_by_id(card.id), 500)
    assert voucher_lookup.lookup(shop, card.code).status == "redeemable"


def test_a_voucher_with_no_expiry_says_so_not_a_missing_date(shop: Shop) -> None:
    """QA s39a F3/F8: "valid until —" on the command line and "—" in Find's list, for what
    the app, the voucher and the glossary call "No expiry" (长期有效)."""
    from PySide6.QtCore import Qt

    from desktop_app.cli.voucher_commands import info_line
    from desktop_app.ui.counter.lookup_models import FoundModel

    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    info = voucher_lookup.lookup(shop, card.code)
    assert info.valid_until is None
    assert "no expiry" in info_line(info, "CNY") and "—" not in info_line(info, "CNY")
    found = giftcard_lookup.look_up_card(shop, card.id, PIN, "Phone desk")
    assert lookup_lines(found, "CNY")[0].endswith(", no expiry")
    model = FoundModel()
    model.set_rows([info])
    cells = [model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)
             for column in range(model.columnCount())]
    assert "No expiry" in cells and "—" not in cells
