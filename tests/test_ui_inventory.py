"""The Inventory tab: the product table and its filters, the product dialog.

Real encrypted shops; models tested without widgets; dialogs shown and driven, never exec()ed.
"""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import audit, products
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import Product
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.messages import error_message, problem_message
from desktop_app.ui import tasks
from desktop_app.ui.inventory.inventory_tab import InventoryTab
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.inventory.table_models import ProductFilter, ProductTableModel
from desktop_app.ui.tables import CENTER, RIGHT, SORT_ROLE

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def type_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Keys for ASCII; an input method's commit for the rest, as a Chinese IME sends it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(field, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(field, event)


def detail(product_id: int, **changes: object) -> ProductDetail:
    base = {"id": product_id, "name": "Wash", "kind": "service", "price_cents": 1250,
            "uses_per_voucher": 5, "valid_days": 30, "valid_from": None, "valid_until": None,
            "stock": None, "active": True, "reusable_key_masked": None}
    base.update(changes)
    return ProductDetail(**base)  # type: ignore[arg-type]


def closed(widget: QWidget) -> bool:
    """Closed, and deleted when it asked to be: no dialog is left open behind a test."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def open_tab(qtbot: QtBot, shop: Shop) -> InventoryTab:
    tab = InventoryTab(shop)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    idle()
    return tab


def visible_names(tab: InventoryTab) -> list[str]:
    return [tab.proxy.row_at(row).name for row in range(tab.proxy.rowCount())]


def test_product_model_shows_money_stock_and_status(qapp: QApplication) -> None:
    model = ProductTableModel("CNY")
    model.set_rows([detail(1), detail(2, name="Box", kind="goods", stock=0, active=False,
                                      price_cents=99, uses_per_voucher=1, valid_days=None)])
    price = model.index(0, ProductTableModel.PRICE)
    assert price.data() == "¥12.50"
    assert price.data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert price.data(SORT_ROLE) == 1250
    assert model.index(0, ProductTableModel.STOCK).data() == "∞"
    assert model.index(0, ProductTableModel.USES).data() == "5"
    assert model.index(0, ProductTableModel.VALIDITY).data() == "30 days"
    assert model.index(1, ProductTableModel.STOCK).data() == "0"
    assert model.index(1, ProductTableModel.USES).data() == "—"
    # Centred: a goods row's "—" stands apart from the validity's "—" beside it (QA s14a F14).
    assert model.index(1, ProductTableModel.USES).data(
        Qt.ItemDataRole.TextAlignmentRole) == int(CENTER)
    assert model.index(1, ProductTableModel.STATUS).data() == "Archived"
    assert model.index(1, ProductTableModel.NAME).data(Qt.ItemDataRole.ForegroundRole) is not None
    unlimited, zero = (model.index(row, ProductTableModel.STOCK).data(SORT_ROLE) for row in (0, 1))
    assert unlimited > zero  # "unlimited" sorts after every count


def test_product_filter_searches_names_kinds_and_archived(qapp: QApplication) -> None:
    model = ProductTableModel("CNY")
    model.set_rows([detail(1, name="Car wash 洗车"), detail(2, name="Game card", kind="cardkey"),
                    detail(3, name="Old WASH", active=False)])
    proxy = ProductFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2  # archived hidden
    proxy.set_search("  WASH ")
    assert [proxy.row_at(r).id for r in range(proxy.rowCount())] == [1]
    proxy.set_show_archived(True)
    assert [proxy.row_at(r).id for r in range(proxy.rowCount())] == [1, 3]
    proxy.set_search("洗车")
    assert proxy.rowCount() == 1
    proxy.set_search("")
    proxy.set_kind("cardkey")
    assert [proxy.row_at(r).id for r in range(proxy.rowCount())] == [2]


def test_chinese_names_sort_in_pinyin_order_in_chinese(qapp: QApplication) -> None:
    """QA s39a F15: 储值卡 (chu), 春节 (chun), 洗车 (xi), 测试 (ce): code-point order."""
    from desktop_app.i18n import install_translator, remove_translators

    names = ["储值卡500", "春节套餐", "洗车十次卡", "测试商品", "精致洗车", "视频会员月卡"]
    model = ProductTableModel("CNY")
    model.set_rows([detail(n, name=name) for n, name in enumerate(names, 1)])
    install_translator(qapp, "zh_CN")
    try:
        proxy = ProductFilter()
        proxy.setSourceModel(model)
        proxy.sort(ProductTableModel.NAME)
        shown = [proxy.row_at(r).name for r in range(proxy.rowCount())]
    finally:
        remove_translators(qapp)
    assert shown == ["测试商品", "储值卡500", "春节套餐", "精致洗车", "视频会员月卡", "洗车十次卡"]


def test_empty_shop_says_how_to_start(qtbot: QtBot, shop: Shop) -> None:
    tab = open_tab(qtbot, shop)
    assert tab.proxy.rowCount() == 0
    assert tab.empty.label.isVisible() and "New product" in tab.empty.label.text()
    # Every kind a shop can sell, gift cards too (QA s15a F12: the first screen left them out)
    for kind in ("service pass", "gift card", "card key", "goods"):
        assert kind in tab.empty.label.text()
    assert not tab.edit_button.isEnabled() and not tab.import_button.isEnabled()


def test_add_product_through_the_dialog(qtbot: QtBot, shop: Shop) -> None:
    tab = open_tab(qtbot, shop)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["name"].isVisible()
    assert dialog.messages["name"].text() == problem_message("required")
    assert dialog.messages["price"].text() == problem_message("required")
    type_text(qtbot, dialog.name, "Car wash 洗车")
    qtbot.keyClicks(dialog.price, "12.345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.messages["name"].isVisible()
    assert dialog.messages["price"].text() == problem_message("too_many_decimals")
    assert dialog.isVisible() and Product.select().count() == 0
    dialog.price.clear()
    qtbot.keyClicks(dialog.price, "12.50")
    assert not dialog.messages["price"].isVisible()  # checked again while typing
    dialog.uses.setValue(5)
    dialog.for_days.setChecked(True)
    dialog.days.setValue(30)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert closed(dialog)
    product = Product.get_by_id(saved.args[0])
    assert (product.name, product.price_cents, product.uses_per_voucher, product.valid_days,
            product.stock) == ("Car wash 洗车", 1250, 5, 30, None)
    assert tab.selected_product() is not None and tab.selected_product().id == product.id
    assert tab.model.index(0, ProductTableModel.PRICE).data() == "¥12.50"


def test_kind_decides_the_fields(qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog._rows
    assert rows["uses"].isVisible() and not rows["reusable_key"].isVisible()
    assert dialog.name.placeholderText() == "e.g. Car wash ×5"
    dialog.kind.setCurrentIndex(dialog.kind.findData("cardkey"))
    assert dialog.name.placeholderText() == "e.g. Steam wallet card 50"  # QA s35a F12
    assert rows["reusable_key"].isVisible() and not rows["stock"].isVisible()
    assert not rows["uses"].isVisible() and rows["validity"].isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("goods"))
    assert rows["stock"].isVisible() and not rows["validity"].isVisible()
    assert not dialog.unlimited.isChecked()  # goods are counted


def test_a_new_gift_card_can_be_sold_at_once(qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("giftcard"))
    assert dialog.unlimited.isChecked() and not dialog.stock.isEnabled()
    assert dialog.stock_hint.text() == "Cards that can be sold"
    qtbot.keyClicks(dialog.name, "Card 500")
    qtbot.keyClicks(dialog.price, "500")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    idle()
    assert Product.get(Product.name == "Card 500").stock is None  # not out of stock


def test_card_key_product_with_a_reusable_key(qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("cardkey"))
    qtbot.keyClicks(dialog.name, "Group buy")
    qtbot.keyClicks(dialog.price, "9.9")
    dialog.reusable.setChecked(True)
    dialog.save()
    assert dialog.messages["reusable_key"].text() == problem_message("required")
    qtbot.keyClicks(dialog.reusable_key, "TEAM-PASSWORD-2026")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    idle()
    product = Product.get(Product.name == "Group buy")
    assert product.reusable_key == "TEAM-PASSWORD-2026" and product.stock is None


def test_edit_a_product_with_a_fixed_window(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=2, valid_days=30, stock=5)
    tab = open_tab(qtbot, shop)
    assert tab.select_product(wash.id)
    tab.edit_selected()
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog)
    assert (dialog.name.text(), dialog.price.text(), dialog.stock.value()) == ("Wash", "10.00", 5)
    assert not dialog.kind.isEnabled() and dialog.for_days.isChecked()
    dialog.between.setChecked(True)
    dialog.valid_from.setDate(dialog.valid_from.date().addDays(10))
    dialog.valid_until.setDate(dialog.valid_from.date().addDays(-1))
    dialog.save()
    assert dialog.messages["validity"].text() == problem_message("before_start")
    dialog.valid_until.setDate(dialog.valid_from.date().addDays(30))
    last_valid_day = dialog.valid_until.date().toString("yyyy-MM-dd")
    dialog.price.setText("11")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    idle()
    product = Product.get_by_id(wash.id)
    assert product.price_cents == 1100 and product.valid_days is None
    assert (product.valid_until - product.valid_from).days == 31  # the last day counts in full
    assert tab.model.index(0, ProductTableModel.VALIDITY).data().endswith(last_valid_day)
    assert audit.verify_chain() == []


def test_core_refusal_lands_beside_the_field(qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._refused(InvalidInput(field="valid_until", problem="before_start"))
    assert dialog.messages["validity"].text() == problem_message("before_start")
    dialog._refused(InvalidInput(field="nonsense", problem="required"))
    assert dialog.error.text() == error_message(InvalidInput(field="nonsense",
                                                             problem="required"))


def test_search_kind_filter_and_archive(qtbot: QtBot, shop: Shop) -> None:
    products.add_product(shop, "Car wash 洗车", "10.00")
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    box = products.add_product(shop, "Gift box", "5.00", "goods", stock=2)
    tab = open_tab(qtbot, shop)
    assert visible_names(tab) == ["Car wash 洗车", "Game card", "Gift box"]
    qtbot.keyClicks(tab.search, "GAME")
    assert visible_names(tab) == ["Game card"]
    tab.search.clear()
    type_text(qtbot, tab.search, "洗车")
    assert visible_names(tab) == ["Car wash 洗车"]
    tab.search.clear()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("goods"))
    assert visible_names(tab) == ["Gift box"]
    tab.kind_filter.setCurrentIndex(0)
    assert tab.select_product(game.id)
    assert tab.import_button.isEnabled() and tab.keys_button.isEnabled()
    assert tab.select_product(box.id)
    assert not tab.import_button.isEnabled() and tab.archive_button.text() == "Archive"
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    idle()
    assert "Gift box" not in visible_names(tab)
    assert not Product.get_by_id(box.id).active
    tab.show_archived.setChecked(True)
    assert "Gift box" in visible_names(tab)
    assert tab.select_product(box.id) and tab.archive_button.text() == "Restore"
    tab.toggle_archived()
    idle()
    assert Product.get_by_id(box.id).active
    tab.search.setText("nothing like this")
    assert tab.empty.label.isVisible() and "matches" in tab.empty.label.text()


def test_a_duplicate_name_is_said_beside_the_name(qtbot: QtBot, shop: Shop) -> None:
    archived = products.add_product(shop, "Gift box", "88.00", "goods", stock=3)
    products.set_archived(shop, archived.id, True)
    tab = open_tab(qtbot, shop)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog)
    qtbot.keyClicks(dialog.name, "gift box")
    qtbot.keyClicks(dialog.price, "10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    assert dialog.isVisible() and dialog.messages["name"].isVisible()
    assert dialog.messages["name"].text() == problem_message(
        "duplicate_archived_name", name="Gift box")
    assert "archived" in dialog.messages["name"].text()
    assert Product.select().count() == 1
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Gift box large")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()


def test_cancel_asks_before_losing_what_was_typed(qtbot: QtBot, shop: Shop) -> None:
    """QA s35a F10: a new product's typed name and price went on Cancel unasked (New order
    asks); an empty form, or an edit that changed nothing, still closes at once."""
    from PySide6.QtWidgets import QMessageBox

    empty = ProductDialog(shop, "CNY")
    qtbot.addWidget(empty)
    empty.show()
    empty.reject()
    assert not empty.isVisible() and empty.discard_box is None
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Half way")
    qtbot.keyClicks(dialog.price, "12")
    dialog.reject()
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    assert "Discard this new product?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep editing
    assert dialog.isVisible() and dialog.name.text() == "Half way"
    dialog.reject()
    assert dialog.discard_box is not None
    dialog.discard_box.button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible()
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    edit = ProductDialog(shop, "CNY", products.product_detail(shop, wash.id))
    qtbot.addWidget(edit)
    edit.show()
    edit.reject()  # nothing changed
    assert not edit.isVisible() and edit.discard_box is None


def test_a_name_that_counts_uses_is_checked_against_the_uses(qtbot: QtBot, shop: Shop) -> None:
    """QA s35a F12: "洗车 5 次" was saved with 1 use per voucher, by mistake, unremarked."""
    from desktop_app.ui.inventory.count_fields import uses_named_in

    assert [uses_named_in(name) for name in ("洗车 5 次", "洗车５次卡", "Wash ×10", "Wash x 3",
                                             "Coffee", "1 次", "Model X")] == [
        5, 5, 10, 3, None, None, None]
    # QA s39a F14: in words, as Chinese shops name their passes
    assert [uses_named_in(name) for name in (
        "美甲五次卡", "洗车十次卡", "二十次", "十二次", "三十五次卡", "两次", "一百零五次",
        "一次性", "第一次", "五五次")] == [5, 10, 20, 12, 35, 2, 105, None, None, None]
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Wash x5")
    assert dialog.uses_hint.text() == "The name says 5 uses; each voucher has 1."
    dialog.uses.setValue(5)
    assert dialog.uses_hint.text() == "e.g. 5 for a five-wash pass"


def test_a_gift_cards_hint_says_where_cash_out_is_switched_on(qtbot: QtBot, shop: Shop) -> None:
    """QA s39a F19: "spent, reloaded and cashed out", while Cash out shows only once
    Settings allow it (off by default): the owner could not find it."""
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("giftcard"))
    assert "Settings → Shop" in dialog.kind_hint.text()
    assert "cash-out up to" in dialog.kind_hint.text()
    dialog.reject()
