"""Selling beyond stock, seen by the owner: the status bar's low-stock warning keeps its count
at 1024x768 in both languages (only the product name is cut), the card keys dialog confirms a
warning level that was set, and a new order beyond stock cannot go on to its payment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core import cardkeys, products, stock_alerts
from desktop_app.core.store import Shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.ui import tasks
from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.order_dialog import NewOrderDialog

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

LONG_NAME = "Game card ¥100 游戏充值卡 (summer promotion, region CN)"


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def import_keys(shop: Shop, product_id: int, count: int) -> None:
    cardkeys.import_card_keys(shop, product_id, "\n".join(
        f"KEY-{product_id}-{n:06d}" for n in range(count)))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_status_bar_warning_keeps_its_count_at_1024(
        qtbot: QtBot, qapp: QApplication, shop: Shop, lang: str) -> None:
    game = products.add_product(shop, LONG_NAME, "100", kind="cardkey")
    import_keys(shop, game.id, 16)
    stock_alerts.set_low_stock_threshold(shop, game.id, 25)
    try:
        install_translator(qapp, lang)
        window = MainWindow(shop)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        idle()
        qapp.processEvents()
        warning = window.stock_warning
        shown = warning.text()
        assert warning.isVisible() and "16" in shown and shown.endswith("…"), shown
        room = warning.contentsRect().width()
        assert warning.fontMetrics().horizontalAdvance(shown) <= room, (shown, room)
        assert shown.startswith(warning.template.split("{names}")[0])  # count and words whole
        assert warning.geometry().right() < window.operator_label.geometry().left()
        assert LONG_NAME in warning.toolTip() and "16" in warning.toolTip()
        window.resize(1920, 1080)  # room enough: the whole name
        idle()
        qapp.processEvents()
        assert LONG_NAME in warning.text() and not warning.text().endswith("…")
        window.close()
        idle()
    finally:
        remove_translators(qapp)


def test_several_low_products_are_counted_first(qtbot: QtBot, shop: Shop) -> None:
    for name, keys in (("Steam ¥50", 2), ("Xbox ¥100", 1)):
        item = products.add_product(shop, name, "50", kind="cardkey")
        import_keys(shop, item.id, keys)
        stock_alerts.set_low_stock_threshold(shop, item.id, 5)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    idle()
    assert window.stock_warning.text().startswith("Low stock, 2 products: Steam")
    assert window.stock_warning.toolTip().splitlines() == [
        "Steam ¥50: 2 left, warning at 5", "Xbox ¥100: 1 left, warning at 5"]
    window.close()
    idle()


def test_setting_the_warning_level_is_confirmed(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game key", "30", kind="cardkey")
    dialog = CardKeyDialog(shop, products.product_detail(shop, game.id))
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert not dialog.keys_message.isVisible()
    dialog.threshold.spin.setValue(25)
    qtbot.mouseClick(dialog.threshold.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert stock_alerts.low_stock_threshold(shop, game.id) == 25
    assert dialog.keys_message.isVisible()
    assert dialog.keys_message.text() == (
        "Low-stock warning set: the status bar warns at 25 unsold keys or fewer.")
    dialog.threshold.spin.setValue(0)
    qtbot.mouseClick(dialog.threshold.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert stock_alerts.low_stock_threshold(shop, game.id) is None
    assert dialog.keys_message.text() == "Low-stock warning switched off."


def test_an_order_beyond_stock_cannot_go_on_to_payment(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30", kind="cardkey")
    import_keys(shop, game.id, 2)
    dialog = NewOrderDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    dialog.select_product(game.id)
    dialog.quantity.setValue(3)
    dialog.add_selected()
    assert dialog.stock_message.isVisible()
    assert dialog.stock_message.text().startswith(
        "Not enough stock to take payment now: only 2 of “Game card” in stock.")
    assert not dialog.create_pay_button.isEnabled()
    assert dialog.create_pay_button.toolTip() == "Not enough stock: see the message above"
    assert dialog.create_button.isEnabled()  # an unpaid order may wait for the keys
    dialog.set_quantity(0, 2)
    assert dialog.create_pay_button.isEnabled() and not dialog.stock_message.isVisible()
    assert dialog.create_pay_button.toolTip() == ""


def test_goods_warn_too_set_in_the_product_dialog(qtbot: QtBot, shop: Shop) -> None:
    """QA: a goods product with 2 left never warned; only card keys had a level."""
    towel = products.add_product(shop, "Towel 毛巾", "15", kind="goods", stock=2)
    products.add_product(shop, "Unlimited soap", "3", kind="goods")
    dialog = ProductDialog(shop, "CNY", products.product_detail(shop, towel.id))
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert dialog.warn_at.isEnabled() and dialog.warn_at.value() == 0  # off
    assert dialog.warn_at.lineEdit().text() == "no low-stock warning"  # not a bare "off"
    dialog.warn_at.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert products.product_detail(shop, towel.id).low_stock_threshold == 3
    [low] = stock_alerts.low_stock(shop)
    assert (low.name, low.unsold, low.threshold) == ("Towel 毛巾", 2, 3)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    idle()
    assert window.stock_warning.text() == "Low stock (2 left): Towel 毛巾"
    window.close()
    idle()
    products.update_product(shop, towel.id, stock=None)  # unlimited never runs low
    assert stock_alerts.low_stock(shop) == []
    again = ProductDialog(shop, "CNY", products.product_detail(shop, towel.id))
    qtbot.addWidget(again)
    assert again.unlimited.isChecked() and not again.warn_at.isEnabled()
