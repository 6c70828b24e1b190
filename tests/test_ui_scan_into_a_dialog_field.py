"""A scanner typing into a dialog's text field, as a keyboard wedge types (QA s8b F14): at the
counter a clerk opens Reload… under a looked-up gift card and scans the customer's payment code
into Reference. What is no voucher stays in the field and is never a refused redemption (a
payment code is the customer's, not the shop's attempt log's); a voucher is still redeemed over
the dialog, wherever the focus is in it (test_ui_scan_anywhere.py).

A real session on a real encrypted shop, driven by scan_driver's keys at a scanner's speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from scan_driver import PERSON_MS, SCANNER_MS, WAIT_MS, Keys, log_in, sell, tab_of, uses_left

from desktop_app.core import auth, fulfilment, giftcards, orders, products
from desktop_app.core.models import Order, RedemptionAttempt, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.orders.giftcard_box import ReloadDialog
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")

PAYMENT_CODE = "134567890123456789"  # a WeChat Pay code the customer shows: 18 digits


class AtTheReloadDialog:
    """A clerk's counter: the card looked up, Reload… open, 50 typed as the amount."""

    def __init__(self, qtbot: QtBot, session: ShopSession, card_qr: str) -> None:
        self.qtbot, self.session = qtbot, session
        self.keys = Keys(session)
        self.window = log_in(qtbot, session, CLERK_PASSWORD, CLERK)
        self.keys.follow(self.window)
        self.tab = tab_of(self.window)
        self.tab.lookup_button.click()
        with qtbot.waitSignal(self.tab.looked_up, timeout=WAIT_MS):
            self.keys.scan(self.window, card_qr)
        assert tasks.wait_until_idle(WAIT_MS)
        box = self.tab.history_panel.card_box
        QTest.mouseClick(box.reload_button, Qt.MouseButton.LeftButton)
        dialog = box.dialog
        assert isinstance(dialog, ReloadDialog)
        qtbot.waitExposed(dialog)
        self.dialog = dialog
        dialog.amount.setFocus()
        self.keys.type(dialog, "50", PERSON_MS)
        self.attempts_before = int(RedemptionAttempt.select().count())

    def scan_without_enter(self, text: str) -> None:
        """A scanner set to send no Enter: the pause after the burst ends it."""
        self.keys.now += 1000
        self.keys.type(self.dialog, text, SCANNER_MS)
        self.qtbot.wait(300)  # the filter's idle timeout (80 ms), passed
        assert tasks.wait_until_idle(WAIT_MS)

    def new_attempts(self) -> int:
        return int(RedemptionAttempt.select().count()) - self.attempts_before


@pytest.fixture
def counter(qtbot: QtBot, shop: Shop, shop_dir: Path
            ) -> Iterator[tuple[AtTheReloadDialog, int, int, str]]:
    """The counter at the Reload dialog; the gift card's id (¥200), a pass's id and payload."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.set_setting(giftcards.CLERK_MONEY_SETTING, "1")
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id, "cash")[0]
    pass_id, pass_payload = sell(shop)
    QSettings().setValue("station", "Counter 1")
    shop.close()
    session = ShopSession(shop_dir)
    session.start()
    yield AtTheReloadDialog(qtbot, session, issued.payload), issued.id, pass_id, pass_payload
    session.shutdown()


def test_a_payment_code_scanned_into_reference_stays_there_and_is_no_redemption(
        counter: tuple[AtTheReloadDialog, int, int, str]) -> None:
    at, _card_id, _pass_id, _payload = counter
    at.dialog.reference.setFocus()
    at.scan_without_enter(PAYMENT_CODE)
    assert at.dialog.reference.text() == PAYMENT_CODE
    assert at.new_attempts() == 0
    assert at.dialog.isVisible() and at.dialog.amount.text() == "50"


def test_a_payment_code_scanned_with_enter_waits_for_the_clerk_to_reload(
        qtbot: QtBot, counter: tuple[AtTheReloadDialog, int, int, str]) -> None:
    """The scanner's Enter ends its text; it does not press Reload: the clerk confirms the
    money once the payment went through."""
    at, card_id, _pass_id, _payload = counter
    at.dialog.reference.setFocus()
    at.keys.scan(at.dialog, PAYMENT_CODE)
    qtbot.wait(300)
    assert tasks.wait_until_idle(WAIT_MS)
    assert at.dialog.isVisible() and at.dialog.reference.text() == PAYMENT_CODE
    assert Voucher.get_by_id(card_id).balance_cents == 20000
    with qtbot.waitSignal(at.dialog.reloaded, timeout=WAIT_MS):
        qtbot.mouseClick(at.dialog.reload_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(WAIT_MS)
    assert Voucher.get_by_id(card_id).balance_cents == 25000
    assert Order.select().order_by(Order.id.desc()).get().payment_ref == PAYMENT_CODE
    assert at.new_attempts() == 0


def test_a_voucher_scanned_into_reference_is_still_redeemed(
        qtbot: QtBot, counter: tuple[AtTheReloadDialog, int, int, str]) -> None:
    at, _card_id, pass_id, payload = counter
    at.dialog.reference.setFocus()
    with qtbot.waitSignal(at.tab.verdict_shown, timeout=WAIT_MS) as shown:
        at.keys.scan(at.dialog, payload)
    assert shown.args[0].ok and uses_left(pass_id) == 1
    assert at.dialog.isVisible() and at.dialog.reference.text() == ""
    assert at.dialog.amount.text() == "50"


def test_a_voucher_scanned_with_a_button_focused_is_redeemed(
        qtbot: QtBot, counter: tuple[AtTheReloadDialog, int, int, str]) -> None:
    at, card_id, pass_id, payload = counter
    at.dialog.cancel_button.setFocus()
    with qtbot.waitSignal(at.tab.verdict_shown, timeout=WAIT_MS) as shown:
        at.keys.scan(at.dialog, payload)
    assert shown.args[0].ok and uses_left(pass_id) == 1
    assert at.dialog.isVisible() and at.dialog.amount.text() == "50"
    assert Voucher.get_by_id(card_id).balance_cents == 20000


def test_a_payment_code_scanned_with_a_button_focused_is_still_a_scan(
        qtbot: QtBot, counter: tuple[AtTheReloadDialog, int, int, str]) -> None:
    """Not in a text field, nothing takes the burst as text: the counter says what it was."""
    at, _card_id, _pass_id, _payload = counter
    at.dialog.cancel_button.setFocus()
    with qtbot.waitSignal(at.tab.verdict_shown, timeout=WAIT_MS) as shown:
        at.keys.scan(at.dialog, PAYMENT_CODE)
    assert not shown.args[0].ok and at.new_attempts() == 1
    assert at.dialog.isVisible() and at.dialog.reference.text() == ""
