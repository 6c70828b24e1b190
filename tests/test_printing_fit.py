"""Long names and keys on printed vouchers: every part stays on its own voucher.

A product name may be 200 characters. On the A4 sheet of cut-out vouchers it once wrapped past
its three lines and pushed each voucher's printed code into the next voucher's cell: after
cutting, a card carried another voucher's code. The name now gives way ("…"); the code, the QR
and a card key never move out of their cell, and a key too long for a cell prints alone.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from test_printing import RECEIPT_PRINTER_DPI, page_sizes_pt, pdf_text, rasterize

from desktop_app import printing
from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView, voucher_views
from desktop_app.printing.sheet import (
    GRID_COLUMNS,
    GRID_MARGIN_X_MM,
    GRID_MARGIN_Y_MM,
    cell_layout,
    fits_cell,
)
from desktop_app.printing.style import A4_MM, mm
from desktop_app.printing.tall import a4_card
from desktop_app.printing.text import ELLIPSIS, fitted
from desktop_app.scanning.decoders import decode_image

pytestmark = pytest.mark.usefixtures("qapp")

LONG_NAME = "豪华精致全身按摩与水疗护理套餐" * 13 + "终"  # 196 characters: names take 200
LONG_KEY = "KEY-" + "密钥" * 254  # 512 characters, the longest a card key may be
CELL_MM = ((A4_MM[0] - 2 * GRID_MARGIN_X_MM) / 2, (A4_MM[1] - 2 * GRID_MARGIN_Y_MM) / 4)


def batch(shop: Shop, count: int, name: str = LONG_NAME) -> list[VoucherView]:
    product = products.add_product(shop, name, "9.99", uses=2, valid_days=7)
    issued = fulfilment.issue_batch(shop, product.id, count)
    return voucher_views(shop, [v.id for v in issued])


def sell_keys(shop: Shop, keys: list[str], name: str = LONG_NAME) -> list[VoucherView]:
    product = products.add_product(shop, name, "100", kind="cardkey")
    cardkeys.import_card_keys(shop, product.id, "\n".join(keys) + "\n")
    order = orders.create_order(shop, [(product.id, len(keys))])
    return voucher_views(shop, [v.id for v in fulfilment.pay_order(shop, order.id)])


def cell_of(x_mm: float, y_mm: float) -> int:
    """The index of the grid cell a point of a sheet (in millimetres) lies in."""
    column = int((x_mm - GRID_MARGIN_X_MM) // CELL_MM[0])
    row = int((y_mm - GRID_MARGIN_Y_MM) // CELL_MM[1])
    return row * GRID_COLUMNS + column


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word of ``pdf``'s first page with its box in millimetres (poppler's reading)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
                         check=True, capture_output=True, timeout=60).stdout.decode()
    points = 25.4 / 72
    return [(html.unescape(text), float(x0) * points, float(y0) * points, float(x1) * points,
             float(y1) * points) for x0, y0, x1, y1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        out)]


def test_a_name_too_long_for_its_lines_ends_in_an_ellipsis() -> None:
    laid = fitted(LONG_NAME, mm(45), 13, 8, 3, bold=True, elide=True)
    assert laid.lines == 3 and laid.layout.text().endswith(ELLIPSIS)
    assert LONG_NAME.startswith(laid.layout.text()[:-1])
    low = fitted(LONG_NAME, mm(45), 13, 8, 3, bold=True, elide=True, max_height=mm(8))
    assert low.height <= mm(8) and low.lines < 3
    # A key is never cut: it keeps every line it needs.
    assert fitted(LONG_KEY, mm(45), 10, 8, 3, mono=True).layout.text() == LONG_KEY
    emoji = fitted("🎁" * 200, mm(45), 13, 8, 2, elide=True)  # two UTF-16 units each
    assert emoji.lines <= 2 and emoji.layout.text() == "🎁" * (
        len(emoji.layout.text()) - 1) + ELLIPSIS


def test_every_part_of_a_cell_stays_inside_it_and_covers_no_other(shop: Shop) -> None:
    views = [*batch(shop, 2), *sell_keys(shop, ["ABCD-EFGH-" * 6 + "Z", "KEY-" + "密钥" * 30],
                                          name=LONG_NAME[:-1] + "卡")]
    cell = QRectF(mm(30), mm(40), mm(CELL_MM[0]), mm(CELL_MM[1]))
    for view in views:
        placed = cell_layout(view, cell)
        assert placed is not None and fits_cell(view)
        parts = {"qr": placed.qr, "heading": placed.heading, "code": placed.code,
                 "foot": placed.foot}
        for name, rect in parts.items():
            assert cell.contains(rect), (name, view.code)
        names = list(parts)
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                assert not parts[first].intersects(parts[second]), (first, second)
        assert placed.code.height() == placed.blocks[1].height
        assert placed.heading.height() == placed.blocks[0].height


def test_each_cut_card_carries_its_own_code_and_qr(shop: Shop, tmp_path: Path) -> None:
    """Read back at a receipt printer's 203 dpi: each QR, and the printed code of the same
    voucher, in the same cell; the last row's codes on the paper."""
    views = batch(shop, 8)
    pdf = tmp_path / "long.pdf"
    printing.write_voucher_pdf(pdf, views, "a4")
    [sheet] = rasterize(pdf, tmp_path, dpi=RECEIPT_PRINTER_DPI)
    found = {d.text: d.polygon for d in decode_image(sheet)}
    assert sorted(found) == sorted(v.payload for v in views)
    words = word_boxes(pdf)
    per_mm = RECEIPT_PRINTER_DPI / 25.4
    for index, view in enumerate(views):
        corners = found[view.payload]
        x = sum(p[0] for p in corners) / len(corners) / per_mm
        y = sum(p[1] for p in corners) / len(corners) / per_mm
        assert cell_of(x, y) == index, view.code
        [(_, x0, y0, x1, y1)] = [w for w in words if w[0] == view.code]
        assert cell_of(x0, y0) == cell_of(x1, y1) == index, view.code
        assert y1 < A4_MM[1]
    assert ELLIPSIS in pdf_text(pdf)


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_a_long_name_and_key_on_one_voucher(shop: Shop, tmp_path: Path, layout: str) -> None:
    [view] = sell_keys(shop, [LONG_KEY])
    pdf = tmp_path / f"{layout}.pdf"
    printing.write_voucher_pdf(pdf, [view], layout)
    [page] = rasterize(pdf, tmp_path, dpi=RECEIPT_PRINTER_DPI)
    assert [d.text for d in decode_image(page)] == [view.payload]
    text = pdf_text(pdf)
    assert view.code in text and ELLIPSIS in text
    assert LONG_KEY in "".join(text.split())  # the key whole, however small
    if layout == "a4":
        _, card = a4_card(view)
        assert card.bottom() <= mm(A4_MM[1])


def test_a_key_too_long_for_a_cell_prints_on_a_page_of_its_own(shop: Shop,
                                                                tmp_path: Path) -> None:
    short, long = sell_keys(shop, ["SHORT-KEY-0001", LONG_KEY], name="Game card")
    assert fits_cell(short) and not fits_cell(long)
    pdf = tmp_path / "keys.pdf"
    printing.write_voucher_pdf(pdf, [short, long], "a4")
    assert len(page_sizes_pt(pdf.read_bytes())) == 2
    first, second = rasterize(pdf, tmp_path, dpi=RECEIPT_PRINTER_DPI)
    assert [d.text for d in decode_image(first)] == [short.payload]
    assert [d.text for d in decode_image(second)] == [long.payload]


JOINED_KEYS = [  # two-column imports: number / password
    "12345678901234567890123 / SECRETPW01",
    "12345678901234567890123 / PW-8842-ZKQL-001",
    "AB-1234567 / PASS-WORD-LONGER-2026-XYZ",
]
# Too long for one line of a sheet's cell even at the smallest size; each part fits a line.
LONG_JOINED_KEY = "6228480012345678901234567890 / PASS-WORD-LONGER-2026-XYZ-0001-ABCD-EFGH"
LAYOUTS = ["receipt58", "receipt80", "a4", "sheet"]


def print_key(shop: Shop, tmp_path: Path, layout: str, key: str
              ) -> list[tuple[str, float, float, float, float]]:
    """The words of ``key``'s voucher printed on ``layout`` ("sheet": the cut-out grid)."""
    [view] = sell_keys(shop, [key], name="Game card")
    pdf = tmp_path / f"key-{layout}.pdf"
    if layout == "sheet":
        printing.write_voucher_pdf(pdf, [view, view], "a4")  # two vouchers: the cut-out grid
    else:
        printing.write_voucher_pdf(pdf, [view], layout)
    return word_boxes(pdf)


@pytest.mark.parametrize(("layout", "key"), [
    *[(layout, key) for layout in LAYOUTS for key in JOINED_KEYS],
    ("a4", LONG_JOINED_KEY), ("sheet", LONG_JOINED_KEY)])
def test_a_joined_key_breaks_between_its_parts_never_inside_the_card_number(
        shop: Shop, tmp_path: Path, layout: str, key: str) -> None:
    """On 58 mm paper the key once read "1234567890123456789012" / "3 / SECRETPW01": the
    customer typed the number without its last digit. On A4 a password once read "PW-8842-" /
    "ZKQL-001": a line-end hyphen reads as hyphenation and gets dropped. Lines may only break
    after " / ", whose "/" stays printed at the end of the number's line."""
    words = print_key(shop, tmp_path, layout, key)
    number, password = key.split(" / ")
    texts = [word for word, *_ in words]
    assert number in texts and password in texts and "/" in texts, texts
    slashes = [box for box in words if box[0] == "/"]
    for _, _, top, right, _ in (box for box in words if box[0] == number):
        assert any(abs(slash_top - top) < 0.5 and slash_left > right
                   for _, slash_left, slash_top, _, _ in slashes), slashes


def test_only_a_part_too_long_for_a_line_breaks_inside(shop: Shop, tmp_path: Path) -> None:
    """On 58 mm paper the password does not fit a line even at the smallest size: it alone
    breaks (at its hyphens), the number stays whole and the key is printed in full."""
    words = [word for word, *_ in print_key(shop, tmp_path, "receipt58", LONG_JOINED_KEY)]
    number, password = LONG_JOINED_KEY.split(" / ")
    assert number in words and password not in words, words
    assert LONG_JOINED_KEY.replace(" ", "") in "".join(words)
