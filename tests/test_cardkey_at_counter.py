"""A card key's voucher at the counter and on the command line (QA s17a F5): redeemed like a
one-use pass, as the contract says, but the words say it is a card key, that its key is on
the customer's voucher, and that a used key is no longer refunded."""

from __future__ import annotations

from pathlib import Path

import pytest
from counter_driver import Counter
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import cardkeys, fulfilment, orders, products, redemption
from desktop_app.core.store import Shop
from desktop_app.ui.counter.redemption_models import RESULT, TONE_OK
from desktop_app.ui.customer.customer_window import CustomerWindow

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

USED = "The key is on the customer's voucher. A used key is no longer refunded."


def sell_card_keys(shop: Shop, count: int = 1) -> list[fulfilment.IssuedVoucher]:
    game = products.add_product(shop, "Steam 100", "100.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "".join(f"GAME-KEY-{n:07d}\n"
                                                     for n in range(count)))
    order = orders.create_order(shop, [(game.id, count)], "李先生")
    return fulfilment.pay_order(shop, order.id, "cash")


def test_the_counter_says_a_card_key_was_marked_used(counter: Counter) -> None:
    [key] = sell_card_keys(counter.shop)
    now = [100.0]
    counter.tab.counter.clock = lambda: now[0]
    verdict, _ = counter.scan(key.payload)
    panel = counter.tab.verdict
    assert verdict.reason == "redeemed" and panel.tone == TONE_OK  # the contract's, green
    assert panel.headline.text() == "Card key marked as used"
    assert panel.detail.text() == USED
    assert "Steam 100" in panel.facts.text() and "0 of 1" not in panel.facts.text()
    now[0] += 3.5  # past the double-read window: within it, its printed code is the same
    again, _ = counter.submit(key.code)  # read again (QA s19a F12), nothing said anew
    assert again.reason == "already_redeemed"
    assert panel.headline.text() == "Card key already marked as used"
    assert "0 of 1" not in panel.facts.text()  # its uses say nothing of a key handed over
    qtbot_wait_recent(counter, 2)
    model = counter.tab.recent.model
    assert [model.data(model.index(row, RESULT)) for row in (0, 1)] == [
        "Card key already marked as used", "Card key marked as used"]  # the list says it too


def qtbot_wait_recent(counter: Counter, rows: int) -> None:
    counter.qtbot.waitUntil(lambda: counter.tab.recent.model.rowCount() >= rows)


def test_a_pass_still_says_redeemed_and_what_is_left(counter: Counter) -> None:
    from counter_driver import sell

    counter.scan(sell(counter.shop, uses=2).payload)
    panel = counter.tab.verdict
    assert (panel.headline.text(), panel.detail.text()) == ("Redeemed", "1 of 2 left")


def test_the_customer_display_says_it_too(qtbot: QtBot, shop: Shop) -> None:
    display = CustomerWindow(shop)
    qtbot.addWidget(display)
    display.show_verdict(redemption.redeem(shop, sell_card_keys(shop)[0].payload, "c"))
    assert display.verdict_word.text() == "✓ Card key marked as used"
    assert display.verdict_left.text() == ""


def test_redeem_on_the_command_line_names_the_card_key(owner_shop: Shop, shop_dir: Path
                                                      ) -> None:
    first, second = sell_card_keys(owner_shop, 2)
    owner_shop.close()
    said = run(shop_dir, "redeem", first.code, "--json")
    assert said.returncode == 0, said.stderr
    verdict = as_json(said)
    assert (verdict["ok"], verdict["reason"], verdict["kind"]) == (True, "redeemed", "cardkey")
    assert verdict["uses_left"] == 0  # the rest of the JSON as it was
    worded = run(shop_dir, "redeem", second.code)
    assert worded.returncode == 0, worded.stderr
    assert worded.stdout.splitlines() == ["Card key marked as used: Steam 100  李先生"]
    again = run(shop_dir, "redeem", second.payload)
    assert again.returncode == 3
    assert again.stdout.startswith("Card key already marked as used: Steam 100")


def test_a_look_up_of_a_card_key_says_whether_it_was_marked_used(counter: Counter) -> None:
    from test_ui_counter_lookup_follows import look_up

    from desktop_app.core.voucher_lookup import lookup
    from desktop_app.ui.counter.lookup_models import FoundModel

    [key] = sell_card_keys(counter.shop)
    tab = counter.tab
    look_up(counter.qtbot, counter, key.payload)
    assert tab.verdict.headline.text() == "Look-up: card key not yet marked as used"
    assert tab.verdict.detail.text() == "Can be marked as used"  # not "1 of 1 left"
    redemption.redeem(counter.shop, key.payload, "Counter 2")
    look_up(counter.qtbot, counter, key.payload)
    assert tab.verdict.headline.text() == "Look-up: card key marked as used"
    assert tab.verdict.detail.text() == "Used: no longer refunded"  # QA s39a F20.5
    history = tab.history_panel.model
    assert history.data(history.index(0, 1)) == "Card key marked as used"
    import re  # QA s39b F9: to the second, a race's attempts told apart

    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", history.data(history.index(0, 0)))
    found = FoundModel()
    found.set_rows([lookup(counter.shop, key.code)])  # found by the customer
    assert [found.data(found.index(0, column)) for column in (4, 6)] == [
        "card key marked as used", "Used: no longer refunded"]  # not the state twice
