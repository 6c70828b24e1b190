"""Units sharing one voucher (two coffees on one voucher of two uses) are refunded one by one:
each takes its uses off the voucher, used or not, while enough are unused (QA s11b F7)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products, redemption, refunds, report_tables
from desktop_app.core.errors import InvalidInput, InvalidState
from desktop_app.core.models import Order, OrderLine, Voucher
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui import tasks
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog

WAIT_MS = 15_000


def sell(shop: Shop, quantity: int = 2, uses: int = 1, price: str = "18"
         ) -> tuple[Order, OrderLine, fulfilment.IssuedVoucher]:
    coffee = products.add_product(shop, f"Coffee {uses}", price, uses=uses, valid_days=30)
    order = orders.create_order(shop, [(coffee.id, quantity)])
    [voucher] = fulfilment.pay_order(shop, order.id, "wechat")
    return order, OrderLine.get(OrderLine.order == order.id), voucher


def uses(voucher_id: int) -> tuple[int, int, str]:
    voucher = Voucher.get_by_id(voucher_id)
    return voucher.uses_total, voucher.uses_left, voucher.state


def test_one_of_two_unused_coffees_is_refunded_and_the_other_stays(shop: Shop) -> None:
    order, line, voucher = sell(shop)
    assert orders.refundable_units(line, "paid") == (2, 1)
    result = refunds.refund_line(shop, line.id, 1)
    assert (result.refund_cents, result.voided) == (1800, 0)
    assert uses(voucher.id) == (1, 1, "valid")
    owed = report_tables.run_report(shop, "liability", "product")
    assert owed.totals["value"] == 1800  # one coffee still owed, not two
    assert Order.get_by_id(order.id).status == "paid"
    assert redemption.redeem(shop, voucher.payload, "Till").ok
    assert not redemption.redeem(shop, voucher.payload, "Till").ok  # one coffee, not two


def test_after_one_coffee_the_other_is_refunded(shop: Shop) -> None:
    order, line, voucher = sell(shop)
    assert redemption.redeem(shop, voucher.payload, "Till").ok
    detail = orders.order_detail(shop, order.id)
    assert (detail.lines[0].refundable, detail.lines[0].uses_per_unit) == (1, 1)
    with pytest.raises(InvalidInput):  # the coffee drunk is not refunded
        refunds.refund_line(shop, line.id, 2)
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 1800
    assert uses(voucher.id) == (1, 0, "valid")
    assert orders.refundable_units(OrderLine.get_by_id(line.id), "paid")[0] == 0
    with pytest.raises(InvalidState):  # nothing more to give: refused (QA s12d F1)
        refunds.preview_refund(shop, order.id)


def test_a_pass_unit_takes_its_uses_and_a_whole_refund_pays_only_the_rest(shop: Shop) -> None:
    order, line, voucher = sell(shop, quantity=3, uses=5, price="100")  # 15 washes
    for _ in range(6):
        assert redemption.redeem(shop, voucher.payload, "Till").ok
    assert orders.refundable_units(line, "paid")[0] == 1  # 9 left: one unit of 5 unused
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 10000
    assert uses(voucher.id) == (10, 4, "valid")
    assert refunds.preview_refund(shop, order.id).refund_cents == 2 * 10000 * 4 // 10
    assert refunds.refund_order(shop, order.id).refund_cents == 8000


def test_every_unit_of_an_unused_voucher_voids_it(shop: Shop) -> None:
    _order, line, voucher = sell(shop)
    refunds.refund_line(shop, line.id, 1)
    refunds.refund_line(shop, line.id, 1)
    assert uses(voucher.id) == (1, 1, "void")
    assert Order.get_by_id(line.order_id).status == "refunded"


def test_the_dialog_refunds_one_coffee_after_one_was_drunk(qtbot: QtBot, shop: Shop) -> None:
    order, _line, voucher = sell(shop)
    assert redemption.redeem(shop, voucher.payload, "Till").ok
    [line] = orders.order_detail(shop, order.id).lines
    dialog = LineRefundDialog(shop, "CNY", order.id, line)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.quantity.minimum(), dialog.quantity.maximum()) == (1, 1)
    assert dialog.amount.text() == "¥18.00" and dialog.refund_button.isEnabled()
    with qtbot.waitSignal(dialog.refunded, timeout=WAIT_MS):
        dialog.refund_button.click()
    assert tasks.wait_until_idle(WAIT_MS)
    assert uses(voucher.id) == (1, 0, "valid")


def test_a_whole_refund_with_every_unit_used_or_refunded(shop: Shop) -> None:
    """Two coffees on one voucher: one drunk, one refunded. The app's whole refund has
    nothing left to offer: refused; the contract's ``order refund`` pays 0.00 and counts no
    refunded unit for the drunk coffee (QA s12d F1)."""
    coffee = products.add_product(shop, "Coffee", "18.50", "service", uses=1)
    order = orders.create_order(shop, [(coffee.id, 2)])
    (voucher,) = fulfilment.pay_order(shop, order.id, "wechat")
    assert redemption.redeem(shop, voucher.payload, "C1").ok
    line = OrderLine.get(OrderLine.order == order.id)
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 1850
    with pytest.raises(InvalidState) as refused:
        refunds.preview_refund(shop, order.id)
    assert refused.value.params["state"] == "all_used"
    assert "Nothing is left to refund on order" in error_message(refused.value)
    assert refunds.refund_order(shop, order.id).refund_cents == 0
    today = dt.date.today()
    totals = sales_report(shop, "product", today, today).totals
    assert (totals["refunded_quantity"], totals["refunds"]) == (1, 1850)
