"""The sales report per operator and per station in the command line and the Reports tab:
where a payment or refund is taken, it names this computer's station (``--station``, else
``SHOP_STATION`` or the computer's name, as ``redeem``; in the app, Settings' station name)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import CLERK, OWNER
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_report_tables import run_cli
from test_sales_by_place import TODAY, YESTERDAY, TwoCounters, two_counters
from test_ui_reports import choose, open_tab, show_days

from desktop_app.core import orders
from desktop_app.core.models import Order, Product

__all__ = ["two_counters"]  # the fixture, shared


def test_the_command_line_takes_and_reports_each_counter(two_counters: TwoCounters,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    shop = two_counters.shop
    wash = Product.get(Product.name == "Wash")
    unpaid = [orders.create_order(shop, [(wash.id, 1)]).id for _ in range(2)]
    Order.update(paid_station=None).where(Order.paid_station == "Front").execute()  # as old
    shop.close()
    paid = run_cli(shop, "order", "pay", str(unpaid[0]), "--station", "Till 2", "--json")
    assert paid.returncode == 0, paid.stderr
    monkeypatch.setenv("SHOP_STATION", "Till 3")  # the default, as redeem's
    for order_id in unpaid:
        done = run_cli(shop, "order", "pay" if order_id == unpaid[1] else "refund",
                       str(order_id), "--json")
        assert done.returncode == 0, done.stderr

    listed = json.loads(run_cli(shop, "report", "sales", "--by", "station", "--json").stdout)
    rows = {row["group"]: row for row in listed["rows"]}
    assert set(rows) == {None, "Back", "Till 2", "Till 3"}
    assert (rows["Till 2"]["revenue"], rows["Till 2"]["refunds"]) == ("150.00", "0.00")
    assert (rows["Till 3"]["revenue"], rows["Till 3"]["refunds"]) == ("150.00", "150.00")
    text = run_cli(shop, "--lang", "en", "report", "sales", "--by", "station").stdout
    assert text.splitlines()[1].startswith("Station\tOrders paid")
    assert "\n(not recorded)\t" in text
    out = tmp_path / "by-operator.csv"
    written = run_cli(shop, "--lang", "en", "report", "sales", "--by", "operator", "--out",
                      str(out))
    assert written.returncode == 0, written.stderr
    cells = {row[0] for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines())}
    assert {OWNER, CLERK} <= cells


@pytest.mark.usefixtures("temp_settings")
def test_the_reports_tab_shows_sales_by_station(qtbot: QtBot,
                                                two_counters: TwoCounters) -> None:
    shop = two_counters.shop
    # The front's orders as paid before stations were recorded
    Order.update(paid_station=None).where(Order.paid_station == "Front").execute()
    try:
        tab = open_tab(qtbot, shop)
        choose(tab, "sales", "station")
        show_days(tab, YESTERDAY, TODAY)
        model = tab.model
        table = [[model.data(model.index(row, column)) for column in range(model.columnCount())]
                 for row in range(model.rowCount())]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
        assert headers == ["Station", "Orders paid"]
        assert [(row[0], row[-1]) for row in table] == [("(not recorded)", "¥430.00"),
                                                        ("Back", "¥5.00")]
    finally:
        shop.close()
