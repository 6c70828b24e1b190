"""A clerk sees only the Redemption tab: "Card by phone…" there opens the gift card look-up by
phone + PIN (the Orders tab's dialog), and the scan field has the keys again when it closes
(a scanner burst over any dialog is tests/test_ui_scan_anywhere.py's). Real shop, real
window, every button clicked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from conftest import CLERK, CLERK_PASSWORD
from counter_driver import Counter, sell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, fulfilment, giftcards, orders, products, vouchers
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.orders.giftcard_box import ReloadDialog
from desktop_app.ui.shop_session import close_shop

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

PIN = "2468"


@pytest.fixture
def clerk_at_the_counter(qtbot: QtBot, shop: Shop, request: pytest.FixtureRequest
                         ) -> Iterator[tuple[Counter, int, str]]:
    """A clerk's window on a shop that sold a gift card with a PIN, another card and a one-use
    pass; the owner lets clerks take money for cards (up to ¥300 cashed out) where
    parametrised so."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    if getattr(request, "param", "") == "clerks_take_money":
        shop.set_setting(giftcards.CLERK_MONEY_SETTING, "1")
        shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "30000")
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    order = orders.create_order(shop, [(card.id, 1)], "李先生", "139 8765 4321")
    issued = fulfilment.pay_order(shop, order.id, "wechat")[0]
    giftcards.set_pin(shop, Voucher.get_by_id(issued.id), PIN)
    small = products.add_product(shop, "Gift card 100", "100", "giftcard")  # another card
    fulfilment.pay_order(shop, orders.create_order(shop, [(small.id, 1)], "王女士").id)
    payload = sell(shop).payload
    clerk = open_shop(shop.data_dir, CLERK, CLERK_PASSWORD)
    counter = Counter(qtbot, clerk)
    yield counter, issued.id, payload
    counter.close()
    close_shop(clerk)


def test_a_clerk_looks_a_card_up_from_the_counter(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    counter, card_id, payload = clerk_at_the_counter
    tabs = counter.window.tabs
    assert [type(tabs.widget(i)) for i in range(tabs.count())] == [RedemptionTab]
    cards_button = counter.tab.cards_button
    assert cards_button.isVisible() and cards_button.isEnabled()
    qtbot.mouseClick(cards_button, Qt.MouseButton.LeftButton)
    dialog = counter.tab.card_lookup
    assert isinstance(dialog, CardLookupDialog) and dialog.isVisible()

    qtbot.keyClicks(dialog.search, "4321")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    dialog.table.selectRow(dialog.cards.row_of(lambda ref: ref.voucher_id == card_id))
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    assert dialog.balance.text() == f"Card #{card_id}: balance ¥200.00"

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    counter.window.activateWindow()  # the window system's part, which offscreen has not
    qtbot.waitUntil(lambda: counter.tab.scan_field.hasFocus(), timeout=5_000)
    verdict, _ = counter.scan(payload)  # the counter is ready again
    assert verdict.ok


def look_up_card(qtbot: QtBot, counter: Counter, card_id: int, *, pressed: bool = False
                 ) -> None:
    """Look-up (unless ``pressed`` already), then the card's QR as the customer shows it."""
    shop, tab = counter.shop, counter.tab
    qr = vouchers.payload(shop.shop_id, shop.voucher_key, Voucher.get_by_id(card_id).code)
    if not pressed:
        tab.lookup_button.click()
    with qtbot.waitSignal(tab.looked_up, timeout=15_000):
        counter.type(qr, 4)
        counter.enter()
    assert tasks.wait_until_idle(15_000)


def test_a_clerk_not_allowed_to_take_money_sees_no_reload(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    counter, card_id, _payload = clerk_at_the_counter
    look_up_card(qtbot, counter, card_id)
    assert counter.tab.history_panel.isVisible()
    assert not counter.tab.history_panel.card_box.isVisible()


@pytest.mark.parametrize("clerk_at_the_counter", ["clerks_take_money"], indirect=True)
def test_a_clerk_the_owner_allows_reloads_and_cashes_out_at_the_counter(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    """QA R4: "Clerks may reload gift cards" was ticked, yet the clerk's window had no way to.
    Look up the card: Reload… and Cash out are under it, and the balance shown follows."""
    counter, card_id, payload = clerk_at_the_counter
    tab = counter.tab
    box = tab.history_panel.card_box
    look_up_card(qtbot, counter, card_id)
    assert box.isVisible() and box.reload_button.isEnabled()
    assert not box.ledger.isVisible() and not box.pin_button.isVisible()
    qtbot.mouseClick(box.reload_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ReloadDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.amount, "50")
    with qtbot.waitSignal(tab.looked_up, timeout=15_000):  # looked up again: the new balance
        qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    assert Voucher.get_by_id(card_id).balance_cents == 25000
    assert tab.verdict.headline.text() == "Look-up: ¥250.00"  # QA s35b F18: no ¥
    assert "Reloaded; balance ¥250.00." in box.message.text()

    qtbot.mouseClick(box.cashout_button, Qt.MouseButton.LeftButton)
    question = box.confirm_box
    assert question is not None and "¥250.00" in question.text()
    with qtbot.waitSignal(tab.looked_up, timeout=15_000):
        question.button(QMessageBox.StandardButton.Yes).click()
    assert tasks.wait_until_idle(15_000)
    assert Voucher.get_by_id(card_id).balance_cents == 0
    assert "Paid out ¥250.00 in cash." in box.message.text()
    assert tab.verdict.detail.text() == "Empty: reload it to spend it again"  # QA F12
    counter.clock.now += 1000
    verdict, _ = counter.scan(payload)  # the scanner still redeems at once
    assert verdict.ok


@pytest.mark.parametrize("clerk_at_the_counter", ["clerks_take_money"], indirect=True)
def test_a_question_about_one_card_closes_when_another_is_looked_up(
        qtbot: QtBot, shop: Shop, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    """QA: Cash out asked "Pay out ¥250.00", another card was scanned under the question, and
    confirming emptied that other card. A question names its card and goes with it."""
    counter, card_id, _payload = clerk_at_the_counter
    other = Voucher.get(Voucher.balance_cents.is_null(False) & (Voucher.id != card_id))
    box = counter.tab.history_panel.card_box
    look_up_card(qtbot, counter, card_id)
    assert counter.tab.amount_panel.balance.text() == ""
    qtbot.mouseClick(box.cashout_button, Qt.MouseButton.LeftButton)
    question = box.confirm_box
    assert question is not None and question.isVisible()
    code = vouchers.typed_code(Voucher.get_by_id(card_id).code)
    assert code in question.text() and "¥200.00" in question.text()
    qr = vouchers.payload(shop.shop_id, shop.voucher_key, other.code)
    # What a scan over the question does in look-up mode (the scanner's path over a dialog is
    # tests/test_ui_scan_anywhere.py's): the panel shows the other card.
    with qtbot.waitSignal(counter.tab.looked_up, timeout=15_000):
        counter.tab.look_up(qr)
    assert tasks.wait_until_idle(15_000)
    assert box.confirm_box is None and not shiboken6.isValid(question)  # closed, gone
    qtbot.mouseClick(box.reload_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ReloadDialog)
    other_code = vouchers.typed_code(other.code)
    assert any(other_code in label.text() for label in dialog.findChildren(QLabel))
    with qtbot.waitSignal(counter.tab.looked_up, timeout=15_000):
        counter.tab.look_up(vouchers.payload(shop.shop_id, shop.voucher_key,
                                             Voucher.get_by_id(card_id).code))
    assert tasks.wait_until_idle(15_000)
    assert not dialog.isVisible() and box.dialog is None
    assert {Voucher.get_by_id(i).balance_cents for i in (card_id, other.id)} == {20000, 10000}


def test_a_clerk_takes_a_payment_by_phone_and_pin_and_no_code_shows(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    """The customer left the card at home: the clerk finds it by phone and spends with the
    PIN from the counter. The counter's recent list has the spend, its code masked as Find
    shows a card's to a clerk: the PIN guards the code, the list must not give it away."""
    counter, card_id, _payload = clerk_at_the_counter
    code = vouchers.typed_code(Voucher.get_by_id(card_id).code)
    qtbot.mouseClick(counter.tab.cards_button, Qt.MouseButton.LeftButton)
    dialog = counter.tab.card_lookup
    assert isinstance(dialog, CardLookupDialog)
    qtbot.keyClicks(dialog.search, "4321")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    dialog.table.selectRow(dialog.cards.row_of(lambda ref: ref.voucher_id == card_id))
    qtbot.keyClicks(dialog.amount, "45")
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert tasks.wait_until_idle(15_000)
    assert dialog.message.text() == f"Spent ¥45.00 from card #{card_id}. Balance now ¥155.00."
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    model = counter.tab.recent.model
    qtbot.waitUntil(lambda: any(r.spent_cents == 4500 for r in model.rows()), timeout=15_000)
    spent = next(r for r in model.rows() if r.spent_cents == 4500)
    assert spent.code == "****-****-****-*" + code[-4:] and spent.operator == CLERK


def test_a_clerks_verdict_masks_the_card_code_as_the_list_below_does(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    """QA s39a F20.8: the list masked the card's code for a clerk, the big verdict above it
    showed it whole."""
    from desktop_app.core.counter_find import masked_code
    from desktop_app.core.vouchers import typed_code

    counter, card_id, _payload = clerk_at_the_counter
    printed = typed_code(Voucher.get_by_id(card_id).code)
    counter.tab.amount_panel.field.setText("12")
    verdict, _ = counter.submit(printed)
    assert verdict.reason == "redeemed"
    facts = counter.tab.verdict.facts.text()
    assert masked_code(printed) in facts and printed not in facts
