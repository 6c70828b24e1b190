"""The gift-card money spent, in the redemptions report and the redemption export (QA s18a
F5: at month-end it was in no report or file, only as "uses redeemed").

The shop: card A (Gift 100) spends 30.00 at Front and 12.34 at Front, the second undone at
Office (it counts at Front); card B (Gift 200) spends 50.50 at Back; a pass is redeemed once
at Front; card A is refused 999.00 (not enough on it). Spent, net of the undo: Gift 100
30.00, Gift 200 50.50, 80.50.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_report_tables import run_cli

from desktop_app.core import (
    fulfilment,
    orders,
    products,
    redemption,
    report_files,
    report_tables,
    reports,
    vouchers,
)
from desktop_app.core.counter_find import masked_code
from desktop_app.core.models import RedemptionAttempt, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


@dataclass
class Spent:
    pass_code: str


def _sell(shop: Shop, product_id: int) -> Voucher:
    order = orders.create_order(shop, [(product_id, 1)], "王女士", "13800001111")
    [issued] = fulfilment.pay_order(shop, order.id, "cash")
    card: Voucher = Voucher.get_by_id(issued.id)
    return card


def _spend(shop: Shop, card: Voucher, cents: int, station: str) -> redemption.Verdict:
    return redemption.redeem(shop, vouchers.typed_code(card.code), station, amount_cents=cents)


@pytest.fixture
def spent(shop: Shop) -> Spent:
    hundred = products.add_product(shop, "Gift 100", "100", "giftcard", valid_days=365)
    two_hundred = products.add_product(shop, "Gift 200", "200", "giftcard", valid_days=365)
    wash = products.add_product(shop, "Wash x5", "99", uses=5)
    card_a, card_b = _sell(shop, hundred.id), _sell(shop, two_hundred.id)
    assert _spend(shop, card_a, 3000, "Front").ok
    assert _spend(shop, card_a, 1234, "Front").ok
    last = RedemptionAttempt.select().order_by(RedemptionAttempt.id.desc()).get()
    redemption.undo_redemption(shop, last.id, "wrong amount", "Office")  # counts at Front
    assert _spend(shop, card_b, 5050, "Back").ok
    wash_pass = vouchers.typed_code(_sell(shop, wash.id).code)
    assert redemption.redeem(shop, wash_pass, "Front").ok
    assert not _spend(shop, card_a, 99900, "Front").ok
    return Spent(wash_pass)


def _spent_by(report: report_tables.Report) -> dict[object, tuple[int, int, int]]:
    return {row["group"]: (row["redeemed"], row["undone"], row["card_spent"])
            for row in report.rows}


@pytest.mark.usefixtures("spent")
def test_spent_per_group_net_of_undone_spends_with_a_total(shop: Shop) -> None:
    by_product = report_tables.run_report(shop, "redemptions", "product")
    assert _spent_by(by_product) == {"Gift 100": (2, 1, 3000), "Gift 200": (1, 0, 5050),
                                     "Wash x5": (1, 0, 0)}
    assert by_product.totals["card_spent"] == 8050
    by_station = report_tables.run_report(shop, "redemptions", "station")
    assert _spent_by(by_station) == {"Front": (3, 1, 3000), "Back": (1, 0, 5050)}
    by_operator = report_tables.run_report(shop, "redemptions", "operator")
    assert [row["card_spent"] for row in by_operator.rows] == [8050]
    by_day = report_tables.run_report(shop, "redemptions", "day")
    assert [row["card_spent"] for row in by_day.rows] == [8050]  # the undo on the same day
    assert by_day.totals["card_spent"] == 8050


@pytest.mark.usefixtures("spent")
def test_report_files_carry_the_money_spent(shop: Shop) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    report = report_tables.run_report(shop, "redemptions", "product")
    rows = list(csv.reader(io.StringIO(report_files.report_csv(report).decode("utf-8-sig"))))
    header = rows[0]
    assert header == ["group", "redeemed", "undone", "net", "refused", "card_spent"]
    spent = {row[0]: row[-1] for row in rows[1:]}
    assert spent["Gift 100"] == "30.00" and spent["Gift 200"] == "50.50"
    assert spent["Wash x5"] == "0.00" and rows[-1][-1] == "80.50"  # the total row
    sheet = openpyxl.load_workbook(io.BytesIO(report_files.report_xlsx(report))).active
    cells = {row[0].value: row[5] for row in sheet.iter_rows(min_row=3)}
    assert cells["Gift 200"].value == 50.5 and cells["Gift 200"].number_format == '"¥"#,##0.00'
    assert cells["total"].value == 80.5


@pytest.mark.usefixtures("spent")
def test_cli_report_json_has_card_spent(shop: Shop) -> None:
    shop.close()
    done = run_cli(shop, "report", "redemptions", "--by", "station", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {row["group"]: row["card_spent"] for row in data["rows"]} == {
        "Front": "30.00", "Back": "50.50"}
    assert data["totals"]["card_spent"] == "80.50"
    assert data["rows"][0]["redeemed"] == 3  # the names and figures as before


def test_export_has_amount_and_balance_after(shop: Shop, spent: Spent, tmp_path: Path) -> None:
    out = tmp_path / "redemptions.csv"
    assert reports.export_redemptions(shop, out) == 6
    raw = out.read_bytes().decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(raw)))
    assert header == ["time_local", "time_utc", "operator", "station", "reason", "ok", "code",
                      "product", "uses_left_after", "note", "scanned", "amount",
                      "balance_after"]  # the old columns where they were, the new ones after
    rows = [dict(zip(header, line, strict=True)) for line in lines]
    moves = [(r["reason"], r["product"], r["uses_left_after"], r["amount"], r["balance_after"])
             for r in rows]
    assert moves == [
        ("redeemed", "Gift 100", "", "30.00", "70.00"),
        ("redeemed", "Gift 100", "", "12.34", "57.66"),
        ("undone", "Gift 100", "", "-12.34", "70.00"),  # given back: the column adds up
        ("redeemed", "Gift 200", "", "50.50", "149.50"),
        ("redeemed", "Wash x5", "4", "", ""),
        ("insufficient_balance", "Gift 100", "", "", ""),
    ]
    assert rows[4]["code"] == masked_code(spent.pass_code)
