"""The Redemption tab, driven as a cashier drives it: scanner bursts, typing, double reads and
every verdict in its colour. The camera is in test_ui_counter_camera.py; the list, undo and the
pieces without widgets in test_ui_counter_parts.py; the driver in counter_driver.py.

Real encrypted shops and real vouchers (``fulfilment.pay_order``); nothing is mocked but the
clock of key presses.
"""


from __future__ import annotations

import datetime as dt

import pytest
from counter_driver import WAIT_MS, Counter, attempts, sell, uses_left
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products, redemption, refunds, vouchers
from desktop_app.core.auth import add_operator
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import DatabaseLocked
from desktop_app.core.models import Operator, RedemptionAttempt, Voucher
from desktop_app.core.redemption import REASONS
from desktop_app.core.store import Shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.messages import error_message
from desktop_app.messages.verdict_texts import HEADLINES, headline
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import (
    TONE_ATTENTION,
    TONE_OK,
    TONE_READY,
    TONE_REFUSED,
    ScanSettings,
    tone_of,
)
from desktop_app.ui.counter.redemption_tab import CAMERA
from desktop_app.ui.counter.sounds import (
    REFUSAL,
    SUCCESS,
)
from tests.conftest import CLERK, CLERK_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


# --- the scan field -------------------------------------------------------------------------


def test_a_scanner_burst_with_focus_elsewhere_redeems(counter: Counter) -> None:
    voucher = sell(counter.shop, uses=3)
    tab = counter.tab
    tab.recent.view.setFocus()  # the cashier last clicked the list
    verdict, repeated = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed" and not repeated
    assert tab.verdict.tone == TONE_OK
    assert tab.verdict.headline.text() == "Redeemed"
    assert tab.verdict.detail.text() == "2 of 3 left"
    assert tab.scan_field.text() == ""
    assert tab.last_source == SCANNER and "Scanner" in tab.source_label.text()
    assert tab.sounds.last == SUCCESS
    assert uses_left(voucher) == 2


def test_a_burst_into_the_manual_box_is_still_a_scan(counter: Counter) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_field.setFocus()
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed"
    assert tab.last_source == SCANNER
    assert tab.manual_field.text() == "" and tab.scan_field.text() == ""


def test_slow_typing_in_the_manual_box_is_a_person(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_field.setFocus()
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.code.lower(), 160)  # people type lower case, and slowly
        assert tab.manual_field.text() == voucher.code.lower()
        counter.enter(400)
    assert shown.args[0].reason == "redeemed"
    assert tab.last_source == KEYBOARD and "Typed" in tab.source_label.text()
    assert tab.manual_field.text() == ""


def test_typing_on_a_button_goes_to_the_scan_field(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_button.setFocus()
    counter.type(voucher.code[:4], 200)
    assert tab.scan_field.hasFocus() and tab.scan_field.text() == voucher.code[:4]
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.code[4:], 200)
        counter.enter(300)
    assert shown.args[0].reason == "redeemed" and tab.last_source == KEYBOARD
    assert tab.scan_field.text() == ""


def test_a_burst_without_enter_is_taken_after_the_pause(counter: Counter,
                                                        qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.payload, 4)  # no Enter: the idle timer ends it
    assert shown.args[0].reason == "redeemed"
    assert tab.last_source == SCANNER and tab.scan_field.text() == ""


def test_a_tab_suffix_and_a_longer_pause_from_the_settings(counter: Counter,
                                                           qtbot: QtBot) -> None:
    tab = counter.tab
    tab.settings_button.click()
    assert tab.settings_panel.isVisible()
    panel = tab.settings_panel
    panel.suffix.setCurrentIndex(panel.suffix.findData("\t"))
    panel.timeout.setValue(250)
    assert tab.scanner_input is not None
    assert tab.scanner_input.classifier.suffix == "\t"
    assert tab.scanner_input.classifier.idle_timeout_ms == 250
    assert ScanSettings.load().timeout_ms == 250 and ScanSettings.load().suffix == "\t"
    voucher = sell(counter.shop)
    tab.scan_field.setFocus()
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.payload, 4)
        counter.clock.now += 4
        QTest.keyClick(counter.window.windowHandle(), Qt.Key.Key_Tab)
    assert shown.args[0].reason == "redeemed"
    assert tab.scan_field.hasFocus()  # the suffix ended the scan; it did not move the focus


def test_the_input_method_is_off_for_code_fields(counter: Counter) -> None:
    for field in (counter.tab.scan_field, counter.tab.manual_field):
        assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        hints = field.inputMethodHints()
        assert hints & Qt.InputMethodHint.ImhLatinOnly
        assert hints & Qt.InputMethodHint.ImhNoPredictiveText


# --- double reads ---------------------------------------------------------------------------


def test_a_double_read_repeats_the_verdict_and_consumes_nothing(counter: Counter) -> None:
    voucher = sell(counter.shop, uses=5)
    tab = counter.tab
    clock = [100.0]
    tab.counter.clock = lambda: clock[0]
    first, repeated = counter.scan(voucher.payload)
    assert first.reason == "redeemed" and not repeated and uses_left(voucher) == 4
    tab.sounds.last = None
    clock[0] += 1.0
    again, repeated = counter.scan(voucher.payload)  # the scanner read it twice
    # Seen failing once in a full run on a loaded machine, not since: say what came instead.
    assert repeated and again is first, (again.reason, again.code, repeated, uses_left(voucher))
    assert tab.verdict.repeated and tab.verdict.tone == TONE_OK
    assert tab.verdict.note.text() == "Repeat — nothing consumed"
    assert tab.sounds.last is None  # quiet: the first read made its sound
    assert uses_left(voucher) == 4 and attempts() == 1
    clock[0] += 3.5  # a deliberate second use, after the window
    third, repeated = counter.submit(voucher.code)
    assert third.reason == "redeemed" and not repeated and third.uses_left == 3
    assert uses_left(voucher) == 3 and attempts() == 2
    assert not tab.verdict.note.isVisible()


def test_a_repeat_keeps_the_facts_of_the_first_verdict(counter: Counter) -> None:
    text = _make(counter.shop, "not_yet_valid")
    counter.submit(text)
    first = counter.tab.verdict.detail.text()
    assert first.startswith("It can be used from 20")
    _, repeated = counter.submit(text)
    assert repeated and counter.tab.verdict.detail.text() == first
    assert attempts() == 1


def test_the_same_code_twice_before_the_first_verdict_is_one_attempt(counter: Counter,
                                                                     qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=5)
    tab = counter.tab
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS):
        tab.submit(voucher.payload, CAMERA)
        tab.submit(voucher.payload, CAMERA)  # before the worker answered the first
    tasks.wait_until_idle()
    assert uses_left(voucher) == 4 and attempts() == 1


# --- every reason, in its colour ------------------------------------------------------------


def _make(shop: Shop, reason: str) -> str:
    """Text that gets ``reason`` from this shop."""
    if reason in ("redeemed", "already_redeemed"):
        voucher = sell(shop)
        if reason == "already_redeemed":
            redemption.redeem(shop, voucher.payload, "Counter 2")
        return voucher.payload
    if reason == "unknown_code":
        return vouchers.typed_code(vouchers.new_code())
    if reason == "invalid_signature":
        payload = sell(shop).payload
        tag = payload[-vouchers.TAG_LEN:]
        return payload[:-vouchers.TAG_LEN] + ("0" if tag[0] != "0" else "1") + tag[1:]
    if reason == "wrong_shop":
        return vouchers.payload("another shop", "ab" * 32, vouchers.new_code())
    if reason == "malformed":
        return "HELLO-WORLD"
    if reason in ("insufficient_balance", "amount_required"):
        card = products.add_product(shop, "Gift card", "1", "giftcard")
        (issued,) = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id)
        if reason == "insufficient_balance":
            redemption.redeem(shop, issued.payload, "Counter 2", amount_cents=100)
        return issued.payload
    if reason == "mistyped":
        code = vouchers.typed_code(vouchers.new_code())
        return code[:-1] + ("0" if code[-1] != "0" else "1")
    voucher = sell(shop)
    row = Voucher.get_by_id(voucher.id)
    now = utc_now()
    if reason == "not_paid":
        row.order.status = "unpaid"
        row.order.save()
    elif reason == "voided":
        refunds.refund_order(shop, row.order_id)
    elif reason == "expired":
        row.valid_until = now - dt.timedelta(days=1)
        row.save()
    elif reason == "not_yet_valid":
        row.valid_from = now + dt.timedelta(days=2)
        row.save()
    elif reason == "forbidden":
        Operator.update(active=False).where(Operator.id == shop.operator.id).execute()
    return voucher.payload


EXPECTED_TONES = {
    "redeemed": TONE_OK,
    **dict.fromkeys(("already_redeemed", "unknown_code", "invalid_signature", "wrong_shop",
                     "malformed", "voided", "expired"), TONE_REFUSED),
    **dict.fromkeys(("not_yet_valid", "not_paid", "forbidden", "amount_required",
                     "not_a_giftcard", "mistyped", "not_enough_uses"), TONE_ATTENTION),
    "insufficient_balance": TONE_REFUSED,
}


# not_enough_uses needs the tab's choice of several uses (the counter screen's own work); its
# words and colour are checked by test_every_reason_has_words and tone_of below.
@pytest.mark.parametrize("reason", [r for r in REASONS if r != "not_enough_uses"])
def test_every_reason_in_its_colour(counter: Counter, reason: str) -> None:
    text = _make(counter.shop, reason)
    if reason in ("insufficient_balance", "not_a_giftcard"):
        counter.tab.amount_panel.field.setText("5")
    verdict, _ = counter.submit(text)
    panel = counter.tab.verdict
    assert verdict.reason == reason
    assert panel.tone == EXPECTED_TONES[reason] == tone_of(reason)
    assert panel.reason == reason
    assert panel.headline.text() == headline(reason) == HEADLINES[reason]
    assert panel.detail.text()  # a sentence in plain words, always
    assert "{" not in panel.detail.text() + panel.facts.text()
    assert counter.tab.sounds.last == (SUCCESS if reason == "redeemed" else REFUSAL)
    if reason == "not_yet_valid":
        assert "can be used from" in panel.detail.text()
    if reason == "expired":
        assert "valid until" in panel.detail.text()
    if reason == "voided":  # QA s35a F4: "4 of 5 left" under "Void", after the refund
        assert "left" not in panel.facts.text() and "valid until" not in panel.facts.text()
        assert "Coffee" in panel.facts.text() or verdict.product in panel.facts.text()


def test_already_redeemed_names_who_and_when(counter: Counter) -> None:
    shop = counter.shop
    clerk = add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    voucher = sell(shop, uses=2)
    for _ in range(2):
        redemption.redeem(shop, voucher.payload, "Counter 2")
    last = RedemptionAttempt.select().order_by(RedemptionAttempt.id.desc()).get()
    yesterday = (dt.datetime.now().astimezone() - dt.timedelta(days=1)).replace(
        hour=9, minute=15, second=0, microsecond=0)
    last.created_at = yesterday
    last.operator = clerk.id
    last.save()
    verdict, _ = counter.submit(voucher.code)
    panel = counter.tab.verdict
    assert verdict.reason == "already_redeemed" and panel.tone == TONE_REFUSED
    assert panel.detail.text() == (
        f"Last redeemed by {CLERK} at Counter 2, {yesterday.strftime('%Y-%m-%d')} 09:15.")
    assert "0 of 2 left" in panel.facts.text()
    assert verdict.code in panel.facts.text() and "Coffee pass x2" in panel.facts.text()


def test_a_failed_check_says_so_and_the_next_scan_works(counter: Counter,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise DatabaseLocked()

    with monkeypatch.context() as patch:
        patch.setattr(redemption, "redeem", locked)  # a backup tool holds the file
        counter.tab.submit("anything", KEYBOARD)
        counter.qtbot.waitUntil(lambda: counter.tab.verdict.tone == TONE_ATTENTION,
                                timeout=WAIT_MS)
    panel = counter.tab.verdict
    assert panel.headline.text() == "Not redeemed"
    assert panel.detail.text() == error_message(DatabaseLocked())
    assert counter.tab.sounds.last == REFUSAL
    verdict, _ = counter.scan(sell(counter.shop).payload)
    assert verdict.reason == "redeemed"


def test_the_verdict_clears_to_ready(counter: Counter, qtbot: QtBot) -> None:
    panel = counter.tab.verdict
    assert panel.tone == TONE_READY and panel.headline.text() == "Ready to scan"
    counter.tab.settings_panel.clear_after.setValue(1)
    assert panel.clear_after_ms == 1000
    counter.submit("not a voucher")
    assert panel.tone == TONE_REFUSED
    qtbot.waitUntil(lambda: panel.tone == TONE_READY, timeout=3000)


def test_the_sound_can_be_switched_off(counter: Counter) -> None:
    tab = counter.tab
    assert tab.sound_box.isChecked()
    tab.sound_box.setChecked(False)
    assert not tab.sounds.enabled
    assert ScanSettings.load().sound is False
    assert tab.sounds.play(SUCCESS) is False  # asked for, but silent


def test_the_chinese_verdict(counter: Counter, qapp: QApplication) -> None:
    try:
        install_translator(qapp, "zh_CN")
        counter.submit(_make(counter.shop, "redeemed"))
        assert counter.tab.verdict.headline.text() == "核销成功"
        counter.submit(_make(counter.shop, "wrong_shop"))
        assert counter.tab.verdict.headline.text() == "非本店卡券"
    finally:
        remove_translators(qapp)


def test_every_reason_has_words() -> None:
    assert set(HEADLINES) >= set(REASONS)
    assert all(tone_of(reason) == EXPECTED_TONES[reason] for reason in REASONS)


def test_a_product_named_by_a_long_unbroken_run_keeps_the_window_on_the_screen(
        counter: Counter, qtbot: QtBot) -> None:
    """QA s11a F5: a name with 140 letters and no space widened the 1024 px counter to
    ~1650 px: the verdict, Redeem and the list's last columns went off the screen."""
    counter.window.resize(1024, 768)
    qtbot.waitUntil(lambda: counter.window.width() == 1024, timeout=WAIT_MS)
    item = products.add_product(counter.shop, "Extra-long product " + "X" * 140, "30.00",
                                "service", uses=2)
    voucher = fulfilment.pay_order(counter.shop,
                                   orders.create_order(counter.shop, [(item.id, 1)]).id)[0]
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.ok
    QApplication.processEvents()
    assert counter.window.width() <= 1024 and counter.window.minimumSizeHint().width() <= 1024
