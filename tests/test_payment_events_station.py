"""A payment's, a refund's and a batch's audit events name the counter they were made at, as a
redemption's does (the sales by station report had it on the order; the log had not)."""

from __future__ import annotations

import json

from desktop_app.core import fulfilment, orders, products, refunds
from desktop_app.core.models import AuditEvent, OrderLine
from desktop_app.core.store import Shop


def detail(kind: str) -> dict[str, object]:
    event = AuditEvent.select().where(AuditEvent.kind == kind).order_by(
        AuditEvent.id.desc()).get()
    found: dict[str, object] = json.loads(event.detail)
    return found


def test_the_events_name_the_station_given_and_none_when_none_was(shop: Shop) -> None:
    box = products.add_product(shop, "Box", "10", "goods", stock=9)
    wash = products.add_product(shop, "Wash", "30", uses=2)
    order = orders.create_order(shop, [(box.id, 2), (wash.id, 1)])
    fulfilment.pay_order(shop, order.id, "wechat", station="Front")
    assert detail("order_pay")["station"] == "Front"
    line = OrderLine.get((OrderLine.order == order.id) & (OrderLine.product == box.id))
    refunds.refund_line(shop, line.id, 1, station="Back")
    assert detail("order_refund_line")["station"] == "Back"
    refunds.refund_order(shop, order.id, station="Back 2")
    assert detail("order_refund")["station"] == "Back 2"
    fulfilment.issue_batch(shop, wash.id, 2, station="Office")
    assert detail("voucher_batch")["station"] == "Office"
    unnamed = orders.create_order(shop, [(box.id, 1)])
    fulfilment.pay_order(shop, unnamed.id, "cash")
    assert "station" not in detail("order_pay")
