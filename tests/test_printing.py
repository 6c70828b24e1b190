"""Printable vouchers: PDFs and previews of every layout, read back by real QR decoders."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import CLERK, CLERK_PASSWORD
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from desktop_app import printing
from desktop_app.cli import parser, voucher_commands
from desktop_app.core import auth, cardkeys, dates, fulfilment, orders, products
from desktop_app.core.errors import Forbidden, InvalidInput
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, open_shop
from desktop_app.core.vouchers_view import VoucherView, voucher_view, voucher_views
from desktop_app.printing import wording

CHINESE_PRODUCT = "精洗套餐·豪华版 洗车五次卡"
CARD_KEY = "GAME-7Q2M-XK4P-99RT-ZZ01-LONGKEYTAIL"

pytestmark = pytest.mark.usefixtures("qapp")  # a QApplication, as the GUI has; no dialogs


try:
    from desktop_app.scanning.decoders import decode_image as _decode_image

    def decode(gray: np.ndarray) -> list[str]:
        return [found.text for found in _decode_image(gray)]
except ImportError:  # the decoders module is written in parallel; zxing-cpp directly meanwhile
    import zxingcpp

    def decode(gray: np.ndarray) -> list[str]:
        return [found.text for found in zxingcpp.read_barcodes(gray)]


def gray_array(image: QImage) -> np.ndarray:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(gray.constBits(), np.uint8).reshape(gray.height(), gray.bytesPerLine())
    return rows[:, : gray.width()].copy()


def rasterize(pdf: Path, tmp_path: Path, dpi: int = 150) -> list[np.ndarray]:
    """Every page of ``pdf`` as a grayscale image, rendered by poppler (not by Qt)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
                   check=True, timeout=60)
    from desktop_app.scanning.decoders import read_image, to_gray

    return [to_gray(read_image(page)) for page in sorted(tmp_path.glob("page*.png"))]


def pdf_printer(path: Path) -> QPrinter:
    """A printer that writes ``path`` as PDF: what the tests print to, no real printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")


def page_sizes_pt(data: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)]


def sell(shop: Shop, name: str = CHINESE_PRODUCT, uses: int = 5, quantity: int = 1,
         valid_days: int | None = 90) -> list[VoucherView]:
    product = products.add_product(shop, name, "199", uses=uses, valid_days=valid_days)
    issued: list[fulfilment.IssuedVoucher] = []
    for _ in range(quantity):
        order = orders.create_order(shop, [(product.id, 1)])
        issued += fulfilment.pay_order(shop, order.id)
    return voucher_views(shop, [v.id for v in issued])


def sell_card_key(shop: Shop, secret: str = CARD_KEY) -> VoucherView:
    product = products.add_product(shop, "Steam 充值卡 100", "100", kind="cardkey")
    cardkeys.import_card_keys(shop, product.id, secret + "\n")
    order = orders.create_order(shop, [(product.id, 1)])
    [issued] = fulfilment.pay_order(shop, order.id)
    return voucher_view(shop, Voucher.get_by_id(issued.id))


# --- the view --------------------------------------------------------------------------------


def test_view_carries_what_a_voucher_shows(shop: Shop) -> None:
    [view] = sell(shop, uses=5)
    assert view.shop_name == "Test Shop 测试店" and view.currency == "CNY"
    assert view.product_name == CHINESE_PRODUCT and view.kind == "service"
    assert (view.uses_total, view.uses_left) == (5, 5)
    assert view.valid_until is not None and view.valid_until.utcoffset() is not None
    assert view.issued_at.utcoffset() is not None and view.card_key is None
    voucher = Voucher.get_by_id(1)
    assert view.payload == fulfilment.voucher_payload(shop, voucher)
    assert view.code == fulfilment.issued(shop, voucher).code and view.order_id == voucher.order_id


def test_card_key_is_in_the_view_in_full_but_not_in_its_repr(shop: Shop) -> None:
    view = sell_card_key(shop)
    assert view.card_key == CARD_KEY
    assert CARD_KEY not in repr(view)  # logs and tracebacks never show it


def test_clerk_gets_no_printable_view(shop: Shop, shop_dir: Path) -> None:
    sell_card_key(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerk, pytest.raises(Forbidden):
        voucher_view(clerk, Voucher.get_by_id(1))


# --- layouts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_preview_image_decodes_to_the_payload(shop: Shop, layout: str) -> None:
    [view] = sell(shop)
    image = printing.voucher_image(view, layout, dpi=200)
    assert not image.isNull()
    assert decode(gray_array(image)) == [view.payload]


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_pdf_of_each_layout_decodes_from_its_printed_page(shop: Shop, tmp_path: Path,
                                                          layout: str) -> None:
    [view] = sell(shop)
    pdf = tmp_path / f"{layout}.pdf"
    printing.write_voucher_pdf(pdf, [view], layout)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile" in data  # fonts embedded, not referenced
    [page] = rasterize(pdf, tmp_path)
    assert decode(page) == [view.payload]


def test_page_sizes(shop: Shop, tmp_path: Path) -> None:
    [view] = sell(shop)
    widths = {}
    for layout in printing.LAYOUTS:
        data = printing.voucher_pdf_bytes([view], layout)
        [(width, height)] = page_sizes_pt(data)
        widths[layout] = width * 25.4 / 72
        assert height > width or layout == "a4"
        if layout == "a4":
            assert (round(width), round(height)) == (595, 842)
    assert round(widths["receipt58"]) == 58 and round(widths["receipt80"]) == 80


def test_chinese_product_name_renders_with_an_embedded_font(shop: Shop, tmp_path: Path) -> None:
    [view] = sell(shop, name=CHINESE_PRODUCT)
    pdf = tmp_path / "chinese.pdf"
    printing.write_voucher_pdf(pdf, [view], "receipt80")
    assert b"/FontFile" in pdf.read_bytes()
    text = pdf_text(pdf)
    assert "精洗套餐" in text and "测试店" in text
    assert view.code in text


def test_card_key_is_printed_in_full_on_the_voucher_only(shop: Shop, tmp_path: Path) -> None:
    view = sell_card_key(shop)
    for layout in printing.LAYOUTS:
        pdf = tmp_path / f"key-{layout}.pdf"
        printing.write_voucher_pdf(pdf, [view], layout)
        # A long key may wrap; whitespace aside, every character is there in order.
        assert CARD_KEY in "".join(pdf_text(pdf).split()), layout
    [service] = sell(shop, name="Wash")
    pdf = tmp_path / "service.pdf"
    printing.write_voucher_pdf(pdf, [service], "a4")
    assert CARD_KEY not in "".join(pdf_text(pdf).split())
    issued = fulfilment.issued(shop, Voucher.get_by_id(1))
    assert CARD_KEY not in repr(issued)
    assert CARD_KEY not in str(voucher_commands.voucher_json(issued))


KEY_HINT = "Activate the key above where the product says (publisher's site or app)."
COUNTER_HINT = "Show the QR code, or tell the code, at the counter."


def words_in(pdf: Path) -> str:
    """The PDF's text, read back by poppler in reading order (a grid's cells one after the
    other), its words joined by single spaces."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    return " ".join(text.split())


def test_a_card_key_tells_where_to_activate_it_not_to_come_to_the_counter(
        shop: Shop, tmp_path: Path) -> None:
    """QA s17a F5: a card key's paper sent its customer to the counter, where a scan marks the
    key used (no longer refunded). Every layout, the A4 grid too, says where to activate it."""
    key = sell_card_key(shop)
    [wash] = sell(shop, name="Wash")
    assert (wording.hint_text(key), wording.hint_text(wash)) == (KEY_HINT, COUNTER_HINT)
    for layout, views in [*((layout, [key]) for layout in printing.LAYOUTS),
                          ("a4", [key, wash])]:  # two on A4: the grid of cut-out cards
        pdf = tmp_path / f"hint-{layout}-{len(views)}.pdf"
        printing.write_voucher_pdf(pdf, views, layout)
        said = words_in(pdf)
        assert said.count(KEY_HINT) == 1, (layout, said)
        assert said.count(COUNTER_HINT) == len(views) - 1, (layout, said)
    from dataclasses import replace

    assert wording.hint_text(replace(key, card_key_faulty=True)) == ""  # its mark says why
    assert wording.hint_text(replace(key, status="void")) == ""


RECEIPT_PRINTER_DPI = 203


def test_a4_batch_is_a_grid_of_eight_per_page(shop: Shop, tmp_path: Path) -> None:
    """Every QR of a batch reads back from the PDF rasterised at a receipt printer's 203 dpi."""
    product = products.add_product(shop, "Gift card 礼品卡 50", "50", uses=1)
    issued = fulfilment.issue_batch(shop, product.id, 20)
    views = voucher_views(shop, [v.id for v in issued])
    pdf = tmp_path / "batch.pdf"
    printing.write_voucher_pdf(pdf, views, "a4")
    assert len(page_sizes_pt(pdf.read_bytes())) == 3
    sheets = rasterize(pdf, tmp_path, dpi=RECEIPT_PRINTER_DPI)
    for number, sheet in enumerate(sheets):
        on_sheet = views[8 * number : 8 * number + 8]
        assert sorted(decode(sheet)) == sorted(v.payload for v in on_sheet), number
    text = pdf_text(pdf)
    assert all(view.code in text for view in views) and "礼品卡" in text and "测试店" in text


def test_qr_rectangles_cover_the_dark_modules_exactly() -> None:
    from desktop_app.core.vouchers import new_code, payload, qr_matrix
    from desktop_app.printing.qr import dark_rects

    for _ in range(50):
        matrix = qr_matrix(payload("shop", "ab" * 32, new_code()))
        covered = np.zeros((len(matrix), len(matrix)), dtype=int)
        for rect in dark_rects(matrix):
            covered[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1] += 1
        assert (covered == np.array(matrix, dtype=int)).all()  # each dark module once, no more


def test_nothing_is_drawn_in_the_margins_of_58_mm_paper(shop: Shop) -> None:
    """A long name and a long key wrap or shrink; none of them runs off the paper."""
    long_name = "超长的产品名称 " * 6 + "Deluxe premium full-body wash and wax, interior included"
    [view] = sell(shop, name=long_name)
    [one_word] = sell(shop, name="Supercalifragilistic" * 4)  # no space to break at
    key_view = sell_card_key(shop, "K" * 120)
    for item in (view, one_word, key_view):
        image = gray_array(printing.voucher_image(item, "receipt58", dpi=300))
        margin = round(3 / 25.4 * 300)  # of the 5 mm side margins, the outer 3 mm stay blank
        assert image[:, :margin].min() == 255 and image[:, -margin:].min() == 255
        assert image[-margin:, :].min() == 255  # nor at the foot


def test_partly_used_voucher_says_what_is_left(shop: Shop) -> None:
    [view] = sell(shop, uses=5)
    from dataclasses import replace

    assert wording.uses_text(view) == "5 uses"
    assert wording.uses_text(replace(view, uses_left=2)) == "2 of 5 uses left"
    assert wording.uses_text(replace(view, uses_total=1, uses_left=1)) == "1 use"


def test_validity_is_the_last_local_day(shop: Shop) -> None:
    import datetime as dt

    [view] = sell(shop, valid_days=None)
    assert wording.validity_text(view) == "No expiry"
    midnight = dt.datetime(2030, 5, 2).astimezone()  # local midnight: valid through May 1st
    assert dates.last_valid_day(midnight) == "2030-05-01"
    assert dates.last_valid_day(midnight + dt.timedelta(hours=9)) == "2030-05-02"
    assert dates.valid_until_text(midnight) == "2030-05-01"
    assert dates.valid_until_text(midnight + dt.timedelta(hours=9, minutes=5)) == (
        "2030-05-02 09:05")  # it ends then, not at the end of the day
    [sold] = sell(shop, "Wash", valid_days=30)  # ends 30 days on, at the hour of the sale
    assert wording.validity_text(sold) == (
        f"Valid until {sold.valid_until.astimezone():%Y-%m-%d %H:%M}")


def test_unknown_layout_and_empty_list_are_refused(shop: Shop, tmp_path: Path) -> None:
    [view] = sell(shop)
    with pytest.raises(InvalidInput):
        printing.write_voucher_pdf(tmp_path / "x.pdf", [view], "letter")
    with pytest.raises(InvalidInput):
        printing.write_voucher_pdf(tmp_path / "x.pdf", [], "a4")
    assert not (tmp_path / "x.pdf").exists()
    assert parser.LAYOUTS == printing.LAYOUTS


def test_print_vouchers_on_a_pdf_printer(shop: Shop, tmp_path: Path) -> None:
    views = sell(shop, quantity=2)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    printing.print_vouchers(printer, views, "receipt58")
    sizes = page_sizes_pt(out.read_bytes())
    assert len(sizes) == 2 and all(round(w * 25.4 / 72) == 58 for w, _ in sizes)
    pages = rasterize(out, tmp_path)
    assert [decode(page) for page in pages] == [[v.payload] for v in views]


def test_ensure_gui_app_reuses_the_running_application() -> None:
    from PySide6.QtWidgets import QApplication

    assert printing.ensure_gui_app() is QApplication.instance()


def test_a_pdf_painted_in_the_background_while_the_screen_paints_a_preview(
        shop: Shop, tmp_path: Path) -> None:
    """Laid-out text is cached per thread: the two never share a Qt text layout."""
    import threading

    views = sell(shop, quantity=9)
    pdf = tmp_path / "background.pdf"
    worker = threading.Thread(target=printing.write_voucher_pdf, args=(pdf, views, "a4"))
    worker.start()
    previews = [printing.voucher_image(view, "receipt80", dpi=200) for view in views[:4]]
    worker.join(timeout=60)
    assert [decode(gray_array(image)) for image in previews] == [[v.payload] for v in views[:4]]
    first, second = rasterize(pdf, tmp_path, dpi=RECEIPT_PRINTER_DPI)
    assert sorted(decode(first) + decode(second)) == sorted(v.payload for v in views)
