"""The Orders list tells a partly refunded order from an untouched one, with the money paid
back (QA s11b F11: "¥86.00 · paid" like any other)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, order_list, orders, products, refunds
from desktop_app.core.models import OrderLine
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.store import Shop
from desktop_app.ui.orders.table_models import OrderTableModel


def test_a_part_refunded_order_says_so_in_the_list(qtbot: QtBot, shop: Shop) -> None:
    box = products.add_product(shop, "Box", "25", "goods", stock=9)
    part = orders.create_order(shop, [(box.id, 3)])
    fulfilment.pay_order(shop, part.id, "cash")
    untouched = orders.create_order(shop, [(box.id, 1)])
    fulfilment.pay_order(shop, untouched.id, "cash")
    refunds.refund_line(shop, OrderLine.get(OrderLine.order == part.id).id, 1)
    model = OrderTableModel("CNY")
    model.set_rows(order_list.order_page(shop, OrderQuery()))
    shown = {model.row_at(row).id: model.index(row, OrderTableModel.STATUS)
             for row in range(model.rowCount())}
    assert shown[part.id].data() == "Paid, ¥25.00 refunded"
    assert shown[part.id].data(Qt.ItemDataRole.ToolTipRole) == "Paid, ¥25.00 refunded"
    assert shown[untouched.id].data() == "Paid"
    refunds.refund_order(shop, part.id)
    model.set_rows(order_list.order_page(shop, OrderQuery()))
    # newest first; what all its refunds paid back, as `order list` says it (QA s42a F2)
    assert model.index(1, OrderTableModel.STATUS).data() == "Refunded, ¥75.00 paid back"
