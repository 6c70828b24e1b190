"""The Inventory tab's rules QA found broken: sorting by Stock and Validity (S6-1), a gift
card's value in the edit dialog and the table (S6-9), a validity window that ended (S6-7).

Real models through the real proxies; real encrypted shops; dialogs shown, never exec()ed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core import products
from desktop_app.core.models import Product
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.messages import problem_message
from desktop_app.ui import tasks
from desktop_app.ui.inventory.inventory_tab import InventoryTab
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.inventory.table_models import ProductFilter, ProductTableModel
from desktop_app.ui.orders.order_dialog import NewOrderDialog

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
NOW = dt.datetime.now(dt.UTC)


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def detail(name: str, **changes: object) -> ProductDetail:
    base: dict[str, object] = {
        "id": len(name), "name": name, "kind": "service", "price_cents": 1000,
        "uses_per_voucher": 1, "valid_days": None, "valid_from": None, "valid_until": None,
        "stock": None, "active": True, "reusable_key_masked": None}
    base.update(changes)
    return ProductDetail(**base)  # type: ignore[arg-type]


def sorted_names(proxy: ProductFilter, column: int, order: Qt.SortOrder) -> list[str]:
    proxy.sort(column, order)
    return [proxy.row_at(row).name for row in range(proxy.rowCount())]


def product_proxy(rows: list[ProductDetail]) -> ProductFilter:
    model = ProductTableModel("CNY")
    model.set_rows(rows)
    proxy = ProductFilter()
    proxy.setSourceModel(model)
    return proxy


# --- S6-1: sorting ------------------------------------------------------------------------------


def test_stock_sorts_by_count_with_unlimited_after_every_count(qapp: QApplication) -> None:
    """QA: 10**12 for "unlimited" beside small ints left the list in name order."""
    stocks = {"a": None, "b": 11, "c": 20, "d": None, "e": 0, "f": 2, "g": 49, "h": 10**9}
    proxy = product_proxy([detail(name, stock=stock) for name, stock in stocks.items()])
    ascending = sorted_names(proxy, ProductTableModel.STOCK, ASC)
    assert ascending[:6] == ["e", "f", "b", "c", "g", "h"]
    assert set(ascending[6:]) == {"a", "d"}
    descending = sorted_names(proxy, ProductTableModel.STOCK, DESC)
    assert set(descending[:2]) == {"a", "d"} and descending[2:] == ["h", "g", "c", "b", "f", "e"]


def test_validity_sorts_by_days_then_end_date_then_no_end(qapp: QApplication) -> None:
    """QA: a tuple key left ascending and descending in the same (name) order."""
    rows = [detail("a-365", valid_days=365), detail("b-none"),
            detail("c-goods", kind="goods"), detail("d-30", valid_days=30),
            detail("e-late", valid_until=NOW + dt.timedelta(days=90)),
            detail("f-soon", valid_until=NOW + dt.timedelta(days=9)),
            detail("g-180", valid_days=180)]
    proxy = product_proxy(rows)
    expected = ["c-goods", "d-30", "g-180", "a-365", "f-soon", "e-late", "b-none"]
    assert sorted_names(proxy, ProductTableModel.VALIDITY, ASC) == expected
    assert sorted_names(proxy, ProductTableModel.VALIDITY, DESC) == expected[::-1]


def test_uses_and_status_sort_with_gift_card_values_and_ended_products(
        qapp: QApplication) -> None:
    rows = [detail("a-card", kind="giftcard", price_cents=9000, value_cents=10000),
            detail("b-wash", uses_per_voucher=5), detail("c-box", kind="goods"),
            detail("d-card", kind="giftcard", price_cents=500, value_cents=500),
            detail("e-pass", uses_per_voucher=12, valid_until=NOW - dt.timedelta(days=1)),
            detail("f-old", active=False)]
    proxy = product_proxy(rows)
    proxy.set_show_archived(True)
    uses = sorted_names(proxy, ProductTableModel.USES, ASC)
    assert uses[2:] == ["b-wash", "e-pass", "d-card", "a-card"]  # cards by the value they carry
    assert sorted_names(proxy, ProductTableModel.USES, DESC)[:4] == [
        "a-card", "d-card", "e-pass", "b-wash"]
    status = sorted_names(proxy, ProductTableModel.STATUS, ASC)
    assert status[-2:] == ["e-pass", "f-old"]


# Money beyond 32 bits sorted in the orders list: tests/test_order_list.py (sorted by the
# database now).


# --- S6-9: a gift card's value ------------------------------------------------------------------


def edit_dialog(qtbot: QtBot, shop: Shop, product_id: int) -> ProductDialog:
    dialog = ProductDialog(shop, "CNY", products.product_detail(shop, product_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: ProductDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    idle()


def test_editing_a_card_shows_its_value_and_a_price_change_carries_it(
        qtbot: QtBot, shop: Shop) -> None:
    """QA: the Value row was hidden and a new price ¥250 sold cards worth ¥200."""
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    dialog = edit_dialog(qtbot, shop, card.id)
    assert dialog._rows["value"].isVisible() and dialog.value.text() == ""  # "the price"
    hints = " ".join(label.text() for label in dialog._rows["value"].findChildren(QLabel))
    assert "A new value applies to cards sold from now on" in hints
    dialog.price.setText("250")
    save(qtbot, dialog)
    assert Product.get_by_id(card.id).value_cents == 25000
    promo = products.add_product(shop, "Gift card 100", "90", "giftcard", value="100")
    dialog = edit_dialog(qtbot, shop, promo.id)
    assert dialog.value.text() == "100.00"
    dialog.price.setText("95")
    save(qtbot, dialog)
    assert Product.get_by_id(promo.id).value_cents == 10000  # typed: kept
    dialog = edit_dialog(qtbot, shop, promo.id)
    dialog.value.setText("0")
    dialog.save()
    assert dialog.messages["value"].text() == problem_message("not_positive")
    dialog.value.clear()  # empty: the price again
    save(qtbot, dialog)
    assert Product.get_by_id(promo.id).value_cents == 9500


def test_the_table_shows_every_gift_cards_value(qapp: QApplication) -> None:
    """Its value beside a card's other than its price, and beside a plain card's too (QA
    s18a F11: "—" for the ¥200 card sold at ¥200 beside "Value ¥100.00")."""
    model = ProductTableModel("CNY")
    model.set_rows([detail("promo", kind="giftcard", price_cents=9000, value_cents=10000),
                    detail("plain", kind="giftcard", price_cents=500, value_cents=500),
                    detail("older", kind="giftcard", price_cents=20000, value_cents=None)])
    assert [model.index(row, ProductTableModel.USES).data() for row in range(3)] == [
        "Value ¥100.00", "Value ¥5.00", "Value ¥200.00"]


# --- S6-7: a validity window that ended ---------------------------------------------------------


def test_the_dialog_refuses_a_last_day_in_the_past(qtbot: QtBot, shop: Shop) -> None:
    """QA: "PastDates", valid 2025-01-01 to 2025-02-01, was saved and sold dead vouchers."""
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.name, "PastDates")
    QTest.keyClicks(dialog.price, "5")
    dialog.between.setChecked(True)
    dialog.valid_from.setDate(QDate(2025, 1, 1))
    dialog.valid_until.setDate(QDate(2025, 2, 1))
    dialog.save()
    assert dialog.messages["validity"].text() == problem_message("in_past")
    assert dialog.isVisible() and Product.select().count() == 0
    dialog.valid_from.setDate(QDate.currentDate())
    dialog.valid_until.setDate(QDate.currentDate())  # the last day counts in full
    save(qtbot, dialog)
    assert not products.product_detail(shop, dialog.saved_id or 0).ended()


def end_window(shop: Shop, product_id: int) -> None:
    yesterday = NOW - dt.timedelta(days=1)
    with shop.write():
        Product.update(valid_from=yesterday - dt.timedelta(days=30), valid_until=yesterday
                       ).where(Product.id == product_id).execute()


def test_an_ended_product_reads_ended_edits_and_is_not_offered(
        qtbot: QtBot, shop: Shop) -> None:
    start = NOW.replace(microsecond=0)
    wash = products.add_product(shop, "Wash", "5", valid_from=start,
                                valid_until=start + dt.timedelta(days=30))
    products.add_product(shop, "Coffee", "3")
    end_window(shop, wash.id)
    model = ProductTableModel("CNY")
    model.set_rows(products.list_products(shop))
    statuses = {model.index(row, 0).data(): model.index(row, ProductTableModel.STATUS).data()
                for row in range(model.rowCount())}
    assert statuses == {"Coffee": "Active", "Wash": "Ended"}
    tab = InventoryTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    idle()
    assert tab.summary.text() == "On sale: 1 · validity ended: 1"
    dialog = edit_dialog(qtbot, shop, wash.id)
    assert dialog.problems() == {}  # its old dates are not in the way of a new price
    dialog.price.setText("6")
    save(qtbot, dialog)
    assert Product.get_by_id(wash.id).price_cents == 600
    dialog = edit_dialog(qtbot, shop, wash.id)
    dialog.valid_until.setDate(dialog.valid_until.date().addDays(-1))
    dialog.save()
    assert dialog.messages["validity"].text() == problem_message("in_past")
    order_dialog = NewOrderDialog(shop, "CNY")
    qtbot.addWidget(order_dialog)
    idle()
    offered = [order_dialog.product.itemText(i) for i in range(order_dialog.product.count())]
    assert len(offered) == 1 and offered[0].startswith("Coffee")
