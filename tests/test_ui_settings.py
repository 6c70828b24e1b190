"""Settings: the shop's (database, audited, printed on vouchers) and this computer's (Qt
settings); every button clicked; the main window shows the changes at once."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app import printing
from desktop_app.core import (
    auth,
    cardkeys,
    fulfilment,
    giftcards,
    orders,
    products,
    stock_alerts,
    vouchers,
)
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import order_voucher_views
from desktop_app.ui import settings, tasks
from desktop_app.ui.admin.settings_dialog import SettingsDialog
from desktop_app.ui.main_window import MainWindow, station_name

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def open_dialog(qtbot: QtBot, shop: Shop) -> SettingsDialog:
    dialog = SettingsDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    return dialog


def test_shop_and_computer_settings_are_saved(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_dialog(qtbot, shop)
    assert dialog.name_edit.text() == shop.name and dialog.pages.count() == 2
    dialog.name_edit.setText("街角洗车")
    dialog.address_edit.setText("中山路 1 号 · 电话 0571-1234")
    dialog.note_edit.setText("节假日通用")
    dialog.valid_days.setValue(90)
    dialog.station_edit.setText("前台 2")
    dialog.sound_box.setChecked(False)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    dialog.idle_minutes.setValue(3)
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("receipt80"))
    dialog.suffix_box.setCurrentIndex(1)
    dialog.burst_ms.setValue(60)
    dialog.camera_size_box.setCurrentIndex(dialog.camera_size_box.findData("1280x720"))
    dialog.printer_box.setCurrentIndex(0)  # the system's default
    assert dialog.camera_box.currentData() == 0  # no camera here: the chosen one stays
    assert "not found" in dialog.camera_box.currentText()
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert shop.name == "街角洗车" and shop.setting("default_valid_days") == "90"
    assert station_name() == "前台 2" and settings.LANGUAGE.text() == "zh_CN"
    assert settings.VOUCHER_LAYOUT.text() == "receipt80" and settings.SCAN_SUFFIX.read() == "\t"
    assert settings.SCAN_TIMEOUT_MS.number() == 60 and settings.IDLE_LOCK_MINUTES.number() == 3
    assert settings.camera_size() == (1280, 720) and settings.RECEIPT_PRINTER.text() == ""
    event = AuditEvent.select().where((AuditEvent.kind == "settings_change")
                                      & (AuditEvent.subject == "shop")).get()
    assert json.loads(event.detail)["after"]["voucher_note"] == "节假日通用"
    # Nothing in this computer's settings names the shop or a customer.
    stored = " ".join(str(QSettings().value(k)) for k in QSettings().allKeys())
    assert "街角" not in stored and "中山路" not in stored


def test_a_refused_value_is_said_and_nothing_lost(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_dialog(qtbot, shop)
    dialog.name_edit.setText("   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert dialog.isVisible() and dialog.message.text()
    assert shop.name == "Test Shop 测试店"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_owner_allows_gift_card_cash_outs_here(qtbot: QtBot, shop: Shop) -> None:
    """QA: the README's cash-out needed a setting that no screen nor command could set, so
    Cash out never appeared."""
    dialog = open_dialog(qtbot, shop)
    assert dialog.cashout_edit.text() == "" and not dialog.clerk_money_box.isChecked()
    dialog.cashout_edit.setText("20.5x")
    dialog.pages.setCurrentIndex(1)  # saved from This computer's page (QA s35a F13)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "cash-out" in dialog.message.text()  # said, nothing lost
    assert dialog.pages.currentIndex() == 0  # shown beside the field it is about
    dialog.cashout_edit.setText("20.50")
    dialog.clerk_money_box.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert shop.setting(giftcards.CASHOUT_MAX_SETTING) == "2050"
    assert shop.setting(giftcards.CLERK_MONEY_SETTING) == "1"
    again = open_dialog(qtbot, shop)
    assert again.cashout_edit.text() == "20.50" and again.clerk_money_box.isChecked()
    again.cashout_edit.clear()
    again.clerk_money_box.setChecked(False)
    with qtbot.waitSignal(again.saved, timeout=15_000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert shop.setting(giftcards.CASHOUT_MAX_SETTING) == "0"
    assert shop.setting(giftcards.CLERK_MONEY_SETTING) == ""


def test_clerk_gets_only_this_computer(qtbot: QtBot, shop: Shop) -> None:
    auth.add_operator(shop, "Bob", "clerk", "clerk-pass-77")
    shop.operator.role = "clerk"  # the same session, seen as a clerk
    try:
        dialog = open_dialog(qtbot, shop)
        assert dialog.pages.count() == 1
        assert dialog.station_edit.isReadOnly()  # the owner names the counter (QA s20c F3)
        dialog.sound_box.setChecked(False)
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert settings.SOUND_ON.read() in (False, "false")
    finally:
        shop.operator.role = "owner"


def test_window_applies_settings_and_warns_of_low_stock(qtbot: QtBot, shop: Shop) -> None:
    keys = products.add_product(shop, "Game key", "30", kind="cardkey")
    cardkeys.import_card_keys(shop, keys.id, "AAAA-1111-BBBB\n")
    stock_alerts.set_low_stock_threshold(shop, keys.id, 1)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    assert window.stock_warning.isVisible()  # the name cut in a small window, never the count
    assert "(1 left): G" in window.stock_warning.text()
    assert "Game key: 1 left" in window.stock_warning.toolTip()
    window.settings_action.trigger()
    dialog = window.dialogs["settings"]
    assert isinstance(dialog, SettingsDialog)
    idle()
    dialog.name_edit.setText("New Name")
    dialog.station_edit.setText("Counter 7")
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.save_button.click()
    assert window.header.title.text() == "New Name"
    assert window.shop_name == "New Name"  # what the lock screen shows, read no more then
    assert "Counter 7" in window.header.subtitle.text()  # the station, in the header too
    assert "New Name" in window.windowTitle() and "Counter 7" in window.station_label.text()
    cardkeys.import_card_keys(shop, keys.id, "CCCC-2222-DDDD\nEEEE-3333-FFFF\n")
    window.stock_warning.refresh()
    idle()
    assert not window.stock_warning.isVisible()
    window.close()
    idle()


def test_address_and_note_are_printed_on_vouchers(qtbot: QtBot, shop: Shop,
                                                  tmp_path: Path) -> None:
    shop.set_setting("address_line", "Harbour Road 1, phone 555-0101")
    shop.set_setting("voucher_note", "Valid on public holidays")
    wash = products.add_product(shop, "Wash", "10", uses=2)
    order = orders.create_order(shop, [(wash.id, 1)])
    fulfilment.pay_order(shop, order.id)
    views = order_voucher_views(shop, order.id)
    assert views[0].address_line.startswith("Harbour") and views[0].voucher_note
    out = tmp_path / "v.pdf"
    printing.write_voucher_pdf(out, views, "receipt80")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Harbour Road 1" in text and "Valid on public holidays" in text


def test_threshold_is_set_from_the_card_keys_dialog(qtbot: QtBot, shop: Shop) -> None:
    from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
    from desktop_app.ui.reports.stock_warning import ThresholdEditor

    keys = products.add_product(shop, "Game key", "30", kind="cardkey")
    detail = products.product_detail(shop, keys.id)
    dialog = CardKeyDialog(shop, detail)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    editor = dialog.findChild(ThresholdEditor)
    assert editor is not None and editor.spin.value() == 0
    editor.spin.setValue(4)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert stock_alerts.low_stock_threshold(shop, keys.id) == 4
    assert [low.name for low in stock_alerts.low_stock(shop)] == ["Game key"]
    dialog.close()


def test_scanner_test_field_shows_what_was_sent(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_dialog(qtbot, shop)
    dialog.pages.setCurrentIndex(1)
    qtbot.keyClicks(dialog.scan_test, "K7QM2X9R")
    qtbot.keyClick(dialog.scan_test, Qt.Key.Key_Tab)
    assert dialog.scan_test.text() == "K7QM2X9R⇥"
    assert dialog.scan_result.text().startswith("8 characters, ending with Tab")
    qtbot.keyClicks(dialog.scan_test, "AB")
    qtbot.keyClick(dialog.scan_test, Qt.Key.Key_Return)
    assert dialog.scan_test.text() == "AB⏎" and "Enter" in dialog.scan_result.text()
    dialog.close()


def type_burst(widget: QWidget, text: str) -> None:
    """Keys as a scanner sends them: no pause between, each with its character, accented ones
    too (QTest's own key clicks take ASCII only)."""
    for char in text:
        key = Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


def test_scanner_test_field_says_which_keyboard_layout_a_scan_looks_like(
        qtbot: QtBot, shop: Shop) -> None:
    product = products.add_product(shop, "Wash", "30.00", "service", uses=5)
    payload = next(v.payload for v in fulfilment.issue_batch(shop, product.id, 20)
                   if vouchers.mangle(v.payload, "qwertz") != v.payload)
    dialog = open_dialog(qtbot, shop)
    dialog.pages.setCurrentIndex(1)
    dialog.scan_test.setFocus()
    for sent, expected in ((payload, "Looks like: US (QWERTY) keyboard layout (OK)."),
                           (vouchers.mangle(payload, "qwertz"),
                            "Looks like a German (QWERTZ) keyboard layout: codes are read "
                            "correctly anyway."),
                           (vouchers.mangle(payload, "azerty"), "French (AZERTY)"),
                           ("HELLO-WORLD", "one of this shop's vouchers")):
        type_burst(dialog.scan_test, sent)
        qtbot.keyClick(dialog.scan_test, Qt.Key.Key_Return)
        assert dialog.scan_test.text() == sent + "⏎"
        idle()
        qtbot.waitUntil(lambda e=expected: e in dialog.scan_layout.text(), timeout=5000)
    dialog.close()


def test_a_new_currency_reaches_the_open_tabs_at_once(qtbot: QtBot, shop: Shop) -> None:
    from desktop_app.ui.inventory.inventory_tab import InventoryTab
    from desktop_app.ui.reports.reports_tab import ReportsTab

    wash = products.add_product(shop, "Wash", "10", uses=2)
    fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id, "cash")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    inventory, reports = window.findChild(InventoryTab), window.findChild(ReportsTab)
    assert inventory is not None and reports is not None
    reports.report_box.setCurrentIndex(reports.report_box.findData("sales"))
    idle()
    assert "¥" in reports.summary.text()
    window.settings_action.trigger()
    dialog = window.dialogs["settings"]
    assert isinstance(dialog, SettingsDialog)
    idle()
    dialog.currency_box.setCurrentText("EUR")
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.save_button.click()
    idle()
    price = inventory.model.index(0, [inventory.model.headerData(
        i, Qt.Orientation.Horizontal) for i in range(inventory.model.columnCount())].index(
        "Price"))
    assert "€" in str(inventory.model.data(price))
    # The Reports tab, not on screen, re-reads once it is shown (QA s14a F9).
    window.tabs.setCurrentWidget(reports)
    idle()
    assert "€" in reports.summary.text() and "¥" not in reports.summary.text()
    window.close()
    idle()


def test_a_new_product_proposes_the_default_validity(qtbot: QtBot, shop: Shop) -> None:
    from desktop_app.ui.inventory.product_dialog import ProductDialog

    shop.set_setting("default_valid_days", "90")
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    idle()
    assert dialog.validity.for_days.isChecked() and dialog.validity.days.value() == 90
    wash = products.add_product(shop, "Wash", "10", uses=2)
    editing = ProductDialog(shop, "CNY", products.product_detail(shop, wash.id))
    qtbot.addWidget(editing)
    idle()
    assert editing.validity.no_expiry.isChecked()  # an existing product keeps its own


def test_a_printer_or_camera_chosen_before_is_kept_when_absent(qtbot: QtBot, shop: Shop) -> None:
    settings.RECEIPT_PRINTER.write("Thermal 80")
    settings.CAMERA_INDEX.write(2)
    settings.CAMERA_SIZE.write("garbage")
    dialog = open_dialog(qtbot, shop)
    assert dialog.printer_box.currentData() == "Thermal 80"
    assert "not found" in dialog.printer_box.currentText()
    assert dialog.camera_box.currentData() == 2 and dialog.camera_box.currentText().startswith(
        "Camera 3")
    assert dialog.camera_size_box.currentData() == "640x480"  # unreadable: the default
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.save_button.click()
    assert settings.RECEIPT_PRINTER.text() == "Thermal 80" and settings.CAMERA_INDEX.number() == 2


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_scanner_test_results_are_shown_whole(qtbot: QtBot, shop: Shop,
                                                  language: str) -> None:
    """The result and the wrapped layout hint appear after the dialog was laid out: it grows
    for them instead of cutting the hint's last line into the footer note."""
    from desktop_app.i18n import install_translator, remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translator(app, language)
    try:
        dialog = open_dialog(qtbot, shop)
        dialog.pages.setCurrentIndex(1)
        dialog.scan_test.setFocus()
        type_burst(dialog.scan_test, "HELLO-WORLD")
        qtbot.keyClick(dialog.scan_test, Qt.Key.Key_Return)
        idle()
        qtbot.waitUntil(lambda: bool(dialog.scan_layout.text()), timeout=5000)
        QApplication.processEvents()
        for label in (dialog.scan_result, dialog.scan_layout):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        dialog.close()
    finally:
        remove_translators(app)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_clerk_money_setting_is_shown_whole_and_says_where(qtbot: QtBot, shop: Shop,
                                                               language: str) -> None:
    """QA s8b F10: at 1024x768 the English checkbox was cut off ("…Look up, then s") and the
    note said cash-out happens on the Orders tab only."""
    from desktop_app.i18n import install_translator, remove_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translator(app, language)
    try:
        dialog = open_dialog(qtbot, shop)
        dialog.resize(dialog.minimumSizeHint())  # as small as it lets itself be
        QApplication.processEvents()
        box = dialog.clerk_money_box
        assert box.width() >= box.sizeHint().width(), box.text()
        assert box.sizeHint().width() <= 1024 // 2, box.text()  # never wider than half a screen
        for label in (dialog.clerk_money_hint, dialog.shop_note):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        if language == "en":
            assert "at the counter" in dialog.shop_note.text()
        # QA s35a F13: no command-line words for a shop owner in the app
        assert "voucher" not in (dialog.shop_note.text() + dialog.clerk_money_hint.text())
        dialog.close()
    finally:
        remove_translators(app)
