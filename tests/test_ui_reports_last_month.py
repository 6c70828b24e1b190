"""Month-end on the Reports tab (QA s18a F8 and F5): "Last month" in the Days list reads the
whole month before today's, and the gift-card money spent is a column of its own."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_ui_reports import idle, open_tab

from desktop_app.core import dates, fulfilment, orders, products, redemption
from desktop_app.core.store import Shop

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def spend_today(shop: Shop, cents: int) -> dt.date:
    """A gift card sold and spent from now; the local day it was spent."""
    card = products.add_product(shop, "礼品卡 100", "100", "giftcard")
    order = orders.create_order(shop, [(card.id, 1)], "李先生")
    [issued] = fulfilment.pay_order(shop, order.id, "cash")
    verdict = redemption.redeem(shop, issued.code, "前台 1",
                                amount_cents=cents)
    assert verdict.ok
    return verdict.at.astimezone().date()


def test_last_month_reads_the_month_before_and_shows_the_card_money(
        qtbot: QtBot, shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    spent_on = spend_today(shop, 2550)
    # "Today" is the 2nd of the next month, 10:00 local: the month-end of the spend's month.
    next_month = (spent_on.replace(day=1) + dt.timedelta(days=32)).replace(day=2)
    frozen = dt.datetime.combine(next_month, dt.time(10)).astimezone().astimezone(dt.UTC)
    monkeypatch.setattr(dates, "pc_clock", lambda: frozen)
    tab = open_tab(qtbot, shop)
    last_month = tab.range_box.findData("last_month")
    assert tab.range_box.itemText(last_month) == "Last month"
    tab.range_box.setCurrentIndex(last_month)
    idle()
    first, last = spent_on.replace(day=1), next_month.replace(day=1) - dt.timedelta(days=1)
    report = tab.report
    assert report is not None and (report.start, report.end) == (first, last)
    assert tab.from_edit.date().toPython() == first and tab.to_edit.date().toPython() == last
    assert len(tab.shown_rows()) == last.day  # every day of the month, none of this one
    [row] = [r for r in tab.shown_rows() if r["group"] == spent_on]
    assert (row["redeemed"], row["card_spent"]) == (1, 2550)
    column = [tab.model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(tab.model.columnCount())].index("Gift-card money spent")
    line = tab.model.row_of(lambda r: r["group"] == spent_on)
    assert tab.model.data(tab.model.index(line, column)) == "¥25.50"
    tab.range_box.setCurrentIndex(tab.range_box.findData("month"))
    idle()
    report = tab.report
    assert report is not None
    assert (report.start, report.end) == (next_month.replace(day=1), next_month)
