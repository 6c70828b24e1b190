"""What a scanner sends around a payload when the app was not set up for it: a Tab at the end
while the app expects Enter (QA s12b F4), an AIM symbology identifier before (F5).

Real key events at a scanner's speed, into the counter (counter_driver) and over a dialog
(scan_driver's whole session); the classifier alone for a person's Tab.
"""

from __future__ import annotations

import pytest
from counter_driver import WAIT_MS, Counter, sell, uses_left
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from scan_driver import PERSON_MS, SCANNER_MS, at_work, open_product_dialog, session, tab_of
from scan_driver import uses_left as uses_left_of
from synthetic import random_payload

from desktop_app.scanning.keystrokes import SCANNER, Burst, KeystrokeClassifier
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture


def counter_tab(counter: Counter) -> RedemptionTab:
    tab = counter.tab
    assert isinstance(tab, RedemptionTab)
    return tab


def scan_ending_with_tab(counter: Counter, text: str) -> None:
    counter.clock.now += 1500
    counter.type(text, SCANNER_MS)
    counter.clock.now += SCANNER_MS
    QTest.keyClick(counter.window.windowHandle(), Qt.Key.Key_Tab)


@pytest.mark.usefixtures("counter_station")
def test_a_scanners_tab_ends_the_scan_and_leaves_the_focus_at_the_counter(
        counter: Counter, qtbot: QtBot) -> None:
    tab = counter_tab(counter)
    first, second = sell(counter.shop, uses=5), sell(counter.shop, uses=2)
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        scan_ending_with_tab(counter, first.payload)
    assert shown.args[0].reason == "redeemed" and uses_left(first) == 4
    assert tab.scan_field.hasFocus()
    counter.clock.now += 1500
    counter.type("2", PERSON_MS)  # the next pass: two uses
    counter.enter(300)
    assert tab.uses_picker.uses == 2
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        scan_ending_with_tab(counter, second.payload)
    assert shown.args[0].reason == "redeemed" and uses_left(second) == 0
    assert tab.scan_field.hasFocus()


def test_a_scanners_tab_over_a_dialog_moves_no_focus(qtbot: QtBot,
                                                     session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = open_product_dialog(qtbot, session, window)
    dialog.name.setFocus()
    keys.type(dialog, "Tea", PERSON_MS)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.now += 1000
        keys.type(dialog, payload, SCANNER_MS)
        keys.now += SCANNER_MS
        handle = dialog.windowHandle()
        assert handle is not None
        QTest.keyClick(handle, Qt.Key.Key_Tab)
    assert shown.args[0].ok and uses_left_of(voucher_id) == 1
    assert dialog.name.hasFocus() and dialog.name.text() == "Tea"
    dialog.reject()


def test_a_persons_tab_is_no_end_of_a_scan() -> None:
    classifier = KeystrokeClassifier()
    for i, char in enumerate("Tea house"):
        classifier.feed(char, 1000 + i * PERSON_MS)
    assert classifier.end_key(1000 + 9 * PERSON_MS) is None
    payload = random_payload()
    for i, char in enumerate(payload):
        classifier.feed(char, 10_000 + i * SCANNER_MS)
    last = 10_000 + (len(payload) - 1) * SCANNER_MS
    assert classifier.end_key(last + 500) is None  # long after the burst: a person's Tab
    assert classifier.end_key(last + SCANNER_MS) == Burst(payload, SCANNER)


@pytest.mark.usefixtures("counter_station")
def test_a_scanners_aim_identifier_is_no_part_of_the_code(counter: Counter,
                                                          qtbot: QtBot) -> None:
    """A scanner set to send "]Q1" (QR) before each code: the voucher is read all the same;
    the same text typed by a person is theirs as typed."""
    voucher = sell(counter.shop, uses=2)
    verdict, _ = counter.scan("]Q1" + voucher.payload)
    assert verdict.reason == "redeemed" and uses_left(voucher) == 1
    counter.clock.now += 5000
    typed, _ = counter.submit("]Q1" + voucher.code)
    assert typed.reason != "redeemed" and uses_left(voucher) == 1


def test_an_aim_identifier_before_a_scan_over_a_dialog_field(qtbot: QtBot,
                                                             session: ShopSession) -> None:
    """Typed into a dialog's text field, the burst is a voucher only by its shape: read
    without the identifier, it is one."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = open_product_dialog(qtbot, session, window)
    dialog.name.setFocus()
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, "]Q1" + payload)
    assert shown.args[0].ok and uses_left_of(voucher_id) == 1
    assert dialog.name.text() == ""
    dialog.reject()
