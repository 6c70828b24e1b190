"""Card by phone… at the counter with a scanner in the cashier's hand (QA s35b F6, F7, F8):
a short barcode scanned into the PIN box is no PIN, a voucher scanned over the dialog shows
its verdict on it, and the fields stay where the cashier aims. A real session's windows, keys
at a scanner's and a person's speed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from scan_driver import PERSON_MS, SCANNER_MS, Keys, at_work, sell, tab_of, uses_left

from desktop_app.core import fulfilment, giftcards, orders, products, redemption
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.verdict_toast import VerdictToast
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.orders.giftcard_box import GiftCardBox, PinDialog
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.shop_session import ShopSession

PIN = "2468"


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def sell_card(shop: Shop) -> int:
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    order = orders.create_order(shop, [(card.id, 1)], "李先生", "139 8765 4321")
    issued = fulfilment.pay_order(shop, order.id, "wechat")[0]
    giftcards.set_pin(shop, Voucher.get_by_id(issued.id), PIN)
    return issued.id


def card_dialog(qtbot: QtBot, session: ShopSession) -> tuple[Keys, CardLookupDialog, int]:
    """The owner at the counter, Card by phone… open on a card with a PIN, chosen."""
    keys, window, _voucher, _payload = at_work(qtbot, session)
    assert session.shop is not None
    card_id = sell_card(session.shop)
    tab = tab_of(window)
    qtbot.mouseClick(tab.cards_button, Qt.MouseButton.LeftButton)
    dialog = tab.card_lookup
    assert isinstance(dialog, CardLookupDialog) and dialog.isVisible()
    dialog.search.setText("4321")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    idle()
    assert dialog.chosen() is not None and dialog.chosen().voucher_id == card_id  # type: ignore[union-attr]
    dialog.activateWindow()
    dialog.pin.setFocus()
    return keys, dialog, card_id


def pin_lookups() -> int:
    return AuditEvent.select().where(AuditEvent.kind == "giftcard_lookup").count()


@pytest.mark.parametrize("barcode", ["135790", "2468", "6901234567892"])
def test_a_short_barcode_scanned_into_the_pin_box_is_not_tried(
        qtbot: QtBot, session: ShopSession, barcode: str) -> None:
    """QA s35b F7: a 6-digit burst was tried as the PIN and counted towards the card's lock
    (a 13-digit one vanished without a word)."""
    keys, dialog, _card = card_dialog(qtbot, session)
    keys.now += 1000
    keys.type(dialog.pin, barcode, SCANNER_MS)
    keys.enter(dialog.pin, SCANNER_MS)
    idle()
    assert dialog.pin.text() == ""
    assert dialog.message.text().startswith("That was a scan, not the PIN")
    assert pin_lookups() == 0 and not dialog.answer.isVisible()

    keys.now += 1000
    keys.type(dialog.pin, PIN, PERSON_MS)  # a person's PIN, typed, still opens the card
    keys.enter(dialog.pin, PERSON_MS)
    idle()
    assert pin_lookups() == 1 and dialog.answer.isVisible()
    assert dialog.balance.text().endswith("balance ¥200.00")


def test_the_fields_stay_put_and_the_amount_comes_next_after_a_look_up(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s35b F8: the list shrank once the answer showed, the PIN and amount boxes moved up
    60 px, and an amount aimed at its box went into the PIN box and was tried as a PIN."""
    keys, dialog, card_id = card_dialog(qtbot, session)
    where = (dialog.pin.mapTo(dialog, dialog.pin.rect().topLeft()),
             dialog.amount.mapTo(dialog, dialog.amount.rect().topLeft()))
    keys.now += 1000
    keys.type(dialog.pin, PIN, PERSON_MS)
    keys.enter(dialog.pin, PERSON_MS)
    idle()
    assert dialog.answer.isVisible()
    assert (dialog.pin.mapTo(dialog, dialog.pin.rect().topLeft()),
            dialog.amount.mapTo(dialog, dialog.amount.rect().topLeft())) == where
    assert dialog.amount.hasFocus()

    keys.type(dialog.amount, "30", PERSON_MS)
    keys.enter(dialog.amount, PERSON_MS)  # no PIN for this spend yet: asked for, not silent
    assert dialog.message.text() == "Ask for the card's PIN: each spend needs it."
    assert dialog.pin.hasFocus() and Voucher.get_by_id(card_id).balance_cents == 20000
    keys.type(dialog.pin, PIN, PERSON_MS)
    keys.enter(dialog.pin, PERSON_MS)
    idle()
    assert Voucher.get_by_id(card_id).balance_cents == 17000


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")
def test_a_voucher_scanned_over_the_dialog_shows_its_verdict_on_it(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s35b F6: the pass was redeemed behind the dialog, its verdict hidden under it."""
    keys, dialog, _card = card_dialog(qtbot, session)
    assert session.shop is not None
    voucher_id, payload = sell(session.shop, uses=5)
    keys.scan(dialog.pin, payload)
    qtbot.waitUntil(lambda: dialog.findChild(VerdictToast) is not None, timeout=15_000)
    toast = dialog.findChild(VerdictToast)
    assert isinstance(toast, VerdictToast) and toast.isVisible()
    assert uses_left(voucher_id) == 4 and dialog.isVisible() and dialog.pin.text() == ""
    assert toast.headline.text() == "✓ Redeemed" and toast.tone == "ok"
    assert "4 of 5 left" in toast.detail.text() and "Wash x5" in toast.facts.text()
    assert toast.width() == dialog.width() - 2 * toast.x()
    qtbot.mouseClick(toast, Qt.MouseButton.LeftButton)  # read: out of the way
    assert not toast.isVisible()

    used_id, used = sell(session.shop, uses=1)
    redemption.redeem(session.shop, used, "Counter 2")
    keys.scan(dialog.pin, used)  # a refusal shows in its colour too
    qtbot.waitUntil(toast.isVisible, timeout=15_000)
    assert toast.headline.text() == "✕ Already redeemed" and toast.tone == "refused"
    assert "Counter 2" in toast.detail.text() and uses_left(used_id) == 0


def test_a_barcode_scanned_while_setting_a_pin_is_not_kept(
        qtbot: QtBot, session: ShopSession) -> None:
    """The owner setting a card's PIN: a short barcode scanned into the box would have become
    a PIN nobody knows."""
    keys, window, _voucher, _payload = at_work(qtbot, session)
    assert session.shop is not None
    card_id = sell_card(session.shop)
    orders_tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
                      if isinstance(window.tabs.widget(i), OrdersTab))
    window.tabs.setCurrentWidget(orders_tab)
    orders_tab.refresh(select_id=Voucher.get_by_id(card_id).order_id)  # sold since it read
    idle()
    box = orders_tab.findChild(GiftCardBox)
    assert isinstance(box, GiftCardBox)
    qtbot.waitUntil(lambda: box.pin_button.isVisible() and box.pin_button.isEnabled(),
                    timeout=15_000)
    qtbot.mouseClick(box.pin_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, PinDialog) and dialog.isVisible()
    dialog.activateWindow()
    dialog.pin.setFocus()
    keys.now += 1000
    keys.type(dialog.pin, "135790", SCANNER_MS)
    keys.enter(dialog.pin, SCANNER_MS)
    idle()
    assert dialog.isVisible() and dialog.pin.text() == ""
    assert dialog.error.text().startswith("That was a scan, not a PIN")
    assert not giftcards.check_pin(session.shop, Voucher.get_by_id(card_id), "135790").right
