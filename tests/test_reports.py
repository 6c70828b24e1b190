"""Reports: the redemption log and its CSV export, sales, vouchers still owed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import auth, fulfilment, orders, products, redemption, refunds, reports
from desktop_app.core.counter_find import masked_code
from desktop_app.core.errors import Forbidden, InvalidInput
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop

PRODUCT = "精洗套餐 洗车五次卡"

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local wall-clock time, as the aware datetime the core takes."""
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


@pytest.fixture
def days() -> list[dt.date]:
    # Days after the voucher is paid (now), so none of the attempts is "not yet valid".
    first = dt.date.today() + dt.timedelta(days=10)
    return [first + dt.timedelta(days=i) for i in range(3)]


@pytest.fixture
def history(shop: Shop, days: list[dt.date]) -> fulfilment.IssuedVoucher:
    """Redemptions on three local days, late at night and early in the morning included."""
    product = products.add_product(shop, PRODUCT, "99", uses=5)
    order = orders.create_order(shop, [(product.id, 1)])
    [voucher] = fulfilment.pay_order(shop, order.id)
    redemption.redeem(shop, voucher.payload, "前台 1", now=local(days[0], 10))
    redemption.redeem(shop, "garbage", "=HYPERLINK(evil)", now=local(days[0], 11))
    redemption.redeem(shop, voucher.code, "Till 2", now=local(days[1], 23, 30))
    redemption.redeem(shop, voucher.code, "Till 2", now=local(days[2], 0, 30))
    return voucher


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, so Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))


def test_export_every_attempt_with_bom_and_chinese(shop: Shop, history: fulfilment.IssuedVoucher,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "redemptions.csv"
    assert reports.export_redemptions(shop, out) == 4
    rows = read_csv(out)
    assert list(rows[0]) == list(reports.REDEMPTION_COLUMNS)
    assert [r["reason"] for r in rows] == ["redeemed", "malformed", "redeemed", "redeemed"]
    assert [r["ok"] for r in rows] == ["true", "false", "true", "true"]
    first = rows[0]
    assert first["product"] == PRODUCT and first["station"] == "前台 1"
    assert first["operator"] == "Alice" and first["code"] == masked_code(history.code)
    assert first["uses_left_after"] == "4" and rows[-1]["uses_left_after"] == "2"
    assert rows[1]["code"] == "" and rows[1]["station"] == "'=HYPERLINK(evil)"
    # What was scanned, last, so a refused attempt can be traced (QA s10b F8); what names a
    # voucher masked as its code is (QA s21a F7: no spendable code on the owner's USB stick).
    assert [r["scanned"] for r in rows[:3]] == [
        masked_code(history.payload), "garbage", masked_code(history.code)]
    assert history.code[:9] not in out.read_text("utf-8-sig")
    assert history.payload[:12] not in out.read_text("utf-8-sig")
    utc = dt.datetime.fromisoformat(first["time_utc"])
    assert utc.utcoffset() == dt.timedelta(0)
    assert first["time_local"] == utc.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def test_date_filters_are_local_days_both_ends_included(
        shop: Shop, history: fulfilment.IssuedVoucher, days: list[dt.date], tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert reports.export_redemptions(shop, out, days[1], days[1]) == 1
    [row] = read_csv(out)
    assert row["time_local"].startswith(f"{days[1].isoformat()} 23:30")
    assert reports.export_redemptions(shop, out, days[1], None) == 2
    assert reports.export_redemptions(shop, out, None, days[0]) == 2
    assert reports.export_redemptions(shop, out, days[0], days[2]) == 4
    assert reports.export_redemptions(shop, out, days[2] + dt.timedelta(days=1)) == 0
    assert read_csv(out) == []  # still a file with its header
    with pytest.raises(InvalidInput):
        reports.export_redemptions(shop, out, days[2], days[0])


def test_export_is_audited(shop: Shop, history: fulfilment.IssuedVoucher, days: list[dt.date],
                           tmp_path: Path) -> None:
    reports.export_redemptions(shop, tmp_path / "r.csv", days[0], days[1])
    event = AuditEvent.select().where(AuditEvent.kind == "export").get()
    assert event.subject == "redemptions"
    assert json.loads(event.detail) == {"rows": 3, "start": days[0].isoformat(),
                                        "end": days[1].isoformat()}


def test_undo_shows_in_the_log(shop: Shop, history: fulfilment.IssuedVoucher,
                               tmp_path: Path) -> None:
    first = reports.redemption_log(shop)[0]
    redemption.undo_redemption(shop, first.id, "double scan 重复", "Office")
    [undo] = [r for r in reports.redemption_log(shop) if r.reason == "undone"]
    assert (undo.ok, undo.note, undo.operator) == (False, "double scan 重复", "Alice")
    assert undo.code == masked_code(history.code) and undo.uses_left_after == 3


def test_sales_summary(shop: Shop) -> None:
    wash = products.add_product(shop, PRODUCT, "99", uses=5)
    gift = products.add_product(shop, "Gift 50", "50")
    paid = orders.create_order(shop, [(wash.id, 1), (gift.id, 2)])
    fulfilment.pay_order(shop, paid.id, "wechat")
    refunded = orders.create_order(shop, [(gift.id, 1)])
    fulfilment.pay_order(shop, refunded.id, "cash")
    refunds.refund_order(shop, refunded.id)
    orders.create_order(shop, [(wash.id, 1)])  # unpaid: not a sale
    today = dt.date.today()
    summary = reports.sales_summary(shop, today, today)
    assert (summary.paid_orders, summary.refunded_orders) == (2, 1)
    assert (summary.paid_cents, summary.refunded_cents, summary.net_cents) == (
        24900, 5000, 19900)
    assert summary.by_method == {"wechat": 19900, "cash": 5000}
    assert summary.vouchers_issued == 3 and summary.currency == "CNY"
    assert [(p.name, p.quantity, p.total_cents) for p in summary.by_product] == [
        ("Gift 50", 2, 10000), (PRODUCT, 1, 9900)]
    tomorrow = today + dt.timedelta(days=1)
    assert reports.sales_summary(shop, tomorrow, None).paid_orders == 0


def test_unredeemed_vouchers(shop: Shop) -> None:
    wash = products.add_product(shop, PRODUCT, "99", uses=2, valid_days=1)
    order = orders.create_order(shop, [(wash.id, 3)])
    [voucher] = fulfilment.pay_order(shop, order.id)  # one voucher, 3 x 2 uses
    redemption.redeem(shop, voucher.code, "t")
    [owed] = reports.unredeemed_vouchers(shop)
    assert (owed.code, owed.product, owed.uses_left, owed.uses_total) == (
        voucher.code, PRODUCT, 5, 6)
    assert owed.order_id == order.id and not owed.expired
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    assert reports.unredeemed_vouchers(shop, now=later)[0].expired
    refunds.refund_order(shop, order.id)
    assert reports.unredeemed_vouchers(shop) == []


def test_clerk_is_refused_every_report(shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    out = tmp_path / "r.csv"
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        for attempt in (lambda: reports.export_redemptions(clerk, out),
                        lambda: reports.redemption_log(clerk),
                        lambda: reports.sales_summary(clerk),
                        lambda: reports.unredeemed_vouchers(clerk)):
            with pytest.raises(Forbidden):
                attempt()
    assert not out.exists()


def test_spreadsheet_safe() -> None:
    assert reports.spreadsheet_safe("=1+1") == "'=1+1"
    assert reports.spreadsheet_safe("-50% promo") == "'-50% promo"
    assert reports.spreadsheet_safe("洗车") == "洗车" and reports.spreadsheet_safe(None) == ""


def test_the_export_shows_what_was_scanned_formula_safe(shop: Shop, tmp_path: Path) -> None:
    redemption.redeem(shop, "=cmd|' /C calc'!A0", "Till")
    redemption.redeem(shop, "AB\x1b[2J", "Till")
    out = tmp_path / "redemptions.csv"
    reports.export_redemptions(shop, out)
    rows = read_csv(out)
    assert list(rows[0])[10] == "scanned"  # where it was before amount, balance_after
    assert [r["scanned"] for r in rows] == ["'=cmd|' /C calc'!A0", "AB\\x1b[2J"]
    assert [r["reason"] for r in rows] == ["malformed", "malformed"]


def test_the_export_masks_whatever_reads_as_a_voucher(shop: Shop, tmp_path: Path) -> None:
    """QA s39b F13 / s39a F12: a scan refused before it was linked to its voucher (a disabled
    cashier's, or a payload whose tag was altered: its code is a live voucher's) and a code
    mistyped by one symbol were written in full; docs/cli.md says the file is no list of
    spendable codes. Garbage stays whole, to be traced."""
    from counter_driver import sell

    voucher = sell(shop, uses=3)
    forged = voucher.payload[:-1] + ("0" if voucher.payload[-1] != "0" else "1")
    assert redemption.redeem(shop, forged, "Till").reason == "invalid_signature"
    code = voucher.code  # printed: groups and check symbol
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert redemption.redeem(shop, typo, "Till").reason == "mistyped"
    redemption.redeem(shop, "not a voucher 123", "Till")
    out = tmp_path / "redemptions.csv"
    reports.export_redemptions(shop, out)
    scanned = [row["scanned"] for row in read_csv(out)]
    assert scanned == [masked_code(forged), masked_code(typo), "not a voucher 123"]
    text = out.read_text(encoding="utf-8-sig")
    assert forged not in text and typo not in text and voucher.payload[:-4] not in text
    assert [row.scanned for row in reports.redemption_log(shop)] == scanned
