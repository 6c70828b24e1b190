"""``export redemptions`` streams its rows (QA s20a F4: 750k attempts took 139 s and held the
whole file in memory, saying nothing): the file stays byte for byte what the redemption log
gives (formulas, tabs, line breaks, CJK, control characters, gift-card amounts, undos), and a
long export says how far it is on stderr, never on stdout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_cli import _sold_voucher, as_json, run

from desktop_app.core import fulfilment, orders, products, redemption, reports, vouchers
from desktop_app.core.models import Operator, Product, RedemptionAttempt, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

TRICKY_NAMES = ("=1+1", "+plus", "-minus", "@at", "\ttab", "精洗套餐 洗车五次卡")
TRICKY_SCANS = ("=1+1", "+86 138", "-", "@SUM(A1)", "a\tb", "line\nbreak\r\nend",
                "\x1b[31mred", "\u202eevil", "二维码 無効", "'quoted\"", "")


def _sell(shop: Shop, product_id: int) -> Voucher:
    order = orders.create_order(shop, [(product_id, 1)], "客户", "13800001111")
    [issued] = fulfilment.pay_order(shop, order.id, "cash")
    voucher: Voucher = Voucher.get_by_id(issued.id)
    return voucher


@pytest.fixture
def tricky(shop: Shop) -> Shop:
    """Attempts of every kind, then names and notes only older data could hold (stored before
    the checks on typed text existed), so each CSV defence is exercised."""
    day = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for n, name in enumerate(TRICKY_NAMES):
        product = products.add_product(shop, f"P{n}", "9.90", uses=3)
        voucher = _sell(shop, product.id)
        redemption.redeem(shop, vouchers.typed_code(voucher.code), "=HYPERLINK(evil)",
                          now=day + dt.timedelta(minutes=n))
        with shop.write():
            Product.update(name=name).where(Product.id == product.id).execute()
    card = _sell(shop, products.add_product(shop, "Gift 100", "100", "giftcard",
                                            valid_days=365).id)
    spent = redemption.redeem(shop, vouchers.typed_code(card.code), "@Front", amount_cents=1234)
    assert spent.ok and spent.attempt_id, spent
    redemption.undo_redemption(shop, spent.attempt_id, "=undo\nsecond line", "-Office")
    # refused: not enough on it
    redemption.redeem(shop, vouchers.typed_code(card.code), "Front", amount_cents=999_999)
    for text in TRICKY_SCANS:
        redemption.redeem(shop, text, "前台\t1")
    with shop.write():
        Operator.update(name="@Owner").where(Operator.id == shop.operator.id).execute()
        RedemptionAttempt.update(note="+note 二\ttab").where(
            RedemptionAttempt.reason == "malformed").execute()
    return shop


def test_streamed_export_is_byte_identical_to_the_log(tricky: Shop, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    rows = reports.redemption_log(tricky)
    assert reports.export_redemptions(tricky, out) == len(rows) > 15
    assert out.read_bytes() == reports.redemptions_csv(rows)
    # the defences themselves, so the reference above cannot drift with the export
    text = out.read_bytes().decode("utf-8")
    for cell in ("'=1+1", "'+plus", "'-minus", "'@at", "'\ttab", "'@Owner", "'=HYPERLINK(evil)",
                 "\\x1b[31mred", "\\u202eevil", "'=undo\nsecond line", "-12.34", "12.34"):
        assert cell in text, cell


def test_export_says_how_far_it_is(tricky: Shop, tmp_path: Path) -> None:
    said: list[tuple[int, int]] = []
    count = reports.export_redemptions(tricky, tmp_path / "r.csv",
                                       progress=lambda done, total: said.append((done, total)))
    assert said[0] == (0, count) and said[-1] == (count, count)


def test_cli_export_speaks_on_stderr_only(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--json").returncode == 0
    voucher = _sold_voucher(folder)
    assert run(folder, "redeem", voucher["code"]).returncode == 0
    out = tmp_path / "r.csv"
    made = run(folder, "export", "redemptions", "--out", str(out), "--json")
    assert made.returncode == 0, made.stderr
    assert as_json(made)["rows"] == 1  # stdout: the JSON alone (run checks one line)
    # the start line alone (how many), not the result: that is stdout's
    [said] = made.stderr.splitlines()
    assert "1" in said and str(out) not in said
