"""The vouchers of a paid order on the Orders tab: saved as PNG and PDF and read back by the
project's QR decoder, printed (on the printer chosen in Settings), every button of the panel
clicked, and a card key masked until Show key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_printing import pdf_printer
from test_ui_orders import decoded, idle, open_tab, paid_order, rasterized, show_order
from unwritable import read_only

from desktop_app import printing
from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import CardKey, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.voucher_panel import VoucherPanel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def shown_voucher(qtbot: QtBot, shop: Shop) -> tuple[VoucherPanel, list[str]]:
    """A paid order's first voucher in the Orders tab's panel, and the order's payloads."""
    order_id, payloads = paid_order(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    idle()
    panel = tab.detail.vouchers
    # qtbot holds the tab weakly: once this returns, a garbage collection could delete it and
    # the panel with it (seen as "Internal C++ object already deleted" in loaded runs).
    panel.held_tab = tab  # type: ignore[attr-defined]
    return panel, payloads


def test_saved_png_and_pdf_decode_back_to_the_payload(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    panel, payloads = shown_voucher(qtbot, shop)
    assert panel.view is not None and panel.view.payload == payloads[0]
    panel.save_png(str(tmp_path / "qr"))  # the suffix is added
    idle()
    assert decoded(tmp_path / "qr.png") == payloads
    assert str(tmp_path / "qr.png") in panel.message.text()
    for layout in ("a4", "receipt58"):
        panel.set_layout(layout)
        pdf = tmp_path / f"{layout}.pdf"
        panel.save_pdf(str(pdf))
        idle()
        assert pdf.read_bytes().startswith(b"%PDF")
        pages = tmp_path / layout
        pages.mkdir()
        assert [decoded(page) for page in rasterized(pdf, pages)] == [payloads]
    assert QSettings().value("vouchers/layout") == "receipt58"
    image = printing.voucher_image(panel.view, "receipt80", dpi=200)
    assert image.save(str(tmp_path / "preview.png"))
    assert decoded(tmp_path / "preview.png") == payloads


def test_saving_into_a_read_only_folder_says_so_by_name(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """Save PNG/PDF go through the core writer: a read-only place is named, not "internal"."""
    panel, _ = shown_voucher(qtbot, shop)
    folder = tmp_path / "stick"
    folder.mkdir()
    with read_only(folder):
        for save, name in ((panel.save_png, "qr.png"), (panel.save_pdf, "v.pdf")):
            save(str(folder / name))
            qtbot.waitUntil(lambda: panel.png_button.isEnabled(), timeout=10_000)
            idle()
            assert str(folder / name) in panel.message.text()
            assert "read-only" in panel.message.text()
    assert list(folder.iterdir()) == []


def test_print_goes_through_the_printer(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    order_id, payloads = paid_order(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    idle()
    printer = pdf_printer(tmp_path / "printed.pdf")
    tab.detail.vouchers.set_layout("receipt80")
    tab.detail.vouchers.print_to(printer)
    idle()
    assert tab.detail.vouchers.message.text() == "Sent to the printer."
    pages = rasterized(tmp_path / "printed.pdf", tmp_path)
    assert [decoded(page) for page in pages] == [payloads]


def test_pdf_of_all_vouchers_of_a_batch(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    coffee = products.add_product(shop, "Coffee 咖啡", "18.00")
    issued = fulfilment.issue_batch(shop, coffee.id, 3)
    tab = open_tab(qtbot, shop)
    show_order(tab, Voucher.get_by_id(issued[0].id).order_id)
    idle()
    panel = tab.detail.vouchers
    assert panel.title.text() == "Voucher 1 of 3"
    panel.all_vouchers.setChecked(True)
    panel.set_layout("receipt58")
    panel.save_pdf(str(tmp_path / "all.pdf"))
    idle()
    pages = rasterized(tmp_path / "all.pdf", tmp_path)
    assert [decoded(page) for page in pages] == [[v.payload] for v in issued]


# -- refunds, cancel, out of stock -----------------------------------------------------------


def test_card_key_is_masked_on_the_voucher_until_show_key(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "FULL-SECRET-KEY-12345\n")
    order = orders.create_order(shop, [(game.id, 1)])
    fulfilment.pay_order(shop, order.id)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    card = tab.detail.vouchers.card
    assert card.key.text() == mask_key("FULL-SECRET-KEY-12345")
    assert "FULL-SECRET" not in card.key.text() and "FULL-SECRET" not in tab.detail.info.text()
    qtbot.mouseClick(card.show_key_button, Qt.MouseButton.LeftButton)
    idle()
    assert card.key.text() == "FULL-SECRET-KEY-12345"  # in full, here only, on request
    assert CardKey.get().state == "sold"
    image = QImage(card.qr.pixmap().toImage())
    assert image.width() >= 200  # large enough to scan off the screen



def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def accept_file_dialog(qtbot: QtBot, panel: VoucherPanel, path: Path) -> None:
    dialog = panel.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    idle()
    assert path.exists(), path


def test_every_button_of_the_voucher_panel_works(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """Print… opens the printer dialog (it raised a TypeError before), on every layout."""
    wash = products.add_product(shop, "精洗套餐 Deluxe wash", "88.00", uses=3, valid_days=90)
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "GAME-KEY-0000001\n")
    order = orders.create_order(shop, [(wash.id, 1), (game.id, 1)], "李先生")
    issued = fulfilment.pay_order(shop, order.id, "alipay")
    payloads = [v.payload for v in issued]
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    panel = tab.detail.vouchers
    click(qtbot, panel.next_button)
    idle()
    assert panel.view is not None and panel.view.payload == payloads[1]
    click(qtbot, panel.card.copy_key_button)
    idle()  # the key is copied once its audit row is written
    assert QGuiApplication.clipboard().text() == "GAME-KEY-0000001"
    click(qtbot, panel.previous_button)
    idle()
    assert panel.view is not None and panel.view.payload == payloads[0]
    click(qtbot, panel.card.copy_button)
    assert QGuiApplication.clipboard().text() == panel.view.code
    click(qtbot, panel.png_button)
    accept_file_dialog(qtbot, panel, tmp_path / "qr.png")
    assert decoded(tmp_path / "qr.png") == payloads[:1]
    click(qtbot, panel.pdf_button)
    accept_file_dialog(qtbot, panel, tmp_path / "one.pdf")
    assert [decoded(page) for page in rasterized(tmp_path / "one.pdf", tmp_path)] == [
        payloads[:1]]
    for layout in ("a4", "receipt58", "receipt80"):
        panel.layout_choice.setCurrentIndex(panel.layout_choice.findData(layout))
        printed = tmp_path / f"printed-{layout}.pdf"
        panel.make_printer = lambda printed=printed: pdf_printer(printed)  # type: ignore[misc]
        click(qtbot, panel.print_button)
        dialog = panel.print_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.accept()
        idle()
        assert panel.message.text() == "Sent to the printer.", layout
        pages = tmp_path / layout
        pages.mkdir()
        assert [decoded(page) for page in rasterized(printed, pages)] == [payloads[:1]], layout
    click(qtbot, panel.all_vouchers)
    printed = tmp_path / "printed-all.pdf"
    panel.make_printer = lambda: pdf_printer(printed)  # type: ignore[misc]
    click(qtbot, panel.print_button)
    assert panel.print_dialog is not None
    panel.print_dialog.accept()
    idle()
    pages = tmp_path / "all"
    pages.mkdir()
    assert [decoded(page) for page in rasterized(printed, pages)] == [[p] for p in payloads]


def test_vouchers_print_on_the_printer_chosen_in_settings(temp_settings: Path) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    from desktop_app.ui import settings
    from desktop_app.ui.orders.voucher_output import receipt_printer

    default = QPrinter().printerName()
    assert receipt_printer().printerName() == default  # nothing chosen: the system's default
    settings.RECEIPT_PRINTER.write("A printer unplugged since")
    assert receipt_printer().printerName() == default  # gone: the default, not an error
    for name in QPrinterInfo.availablePrinterNames()[:1]:  # none on a machine without CUPS
        settings.RECEIPT_PRINTER.write(name)
        assert receipt_printer().printerName() == name


def message_in_view(tab: OrdersTab) -> bool:
    message, viewport = tab.detail.vouchers.message, tab.detail_scroll.viewport()
    top = message.mapTo(viewport, QPoint(0, 0)).y()
    return message.isVisible() and top >= 0 and top + message.height() <= viewport.height()


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1366, 768)])
def test_what_the_buttons_did_is_said_in_sight_at_a_laptops_size(
        qtbot: QtBot, shop: Shop, tmp_path: Path, width: int, height: int) -> None:
    """QA s10c F9: at 1024x768 the panel said "copied", "saved" or "cannot write" below the
    card, under the fold of the order's detail: nothing seemed to happen."""
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path))
    pass_order, _ = paid_order(shop)
    card = products.add_product(shop, "Gift card 100", "90.00", "giftcard", value="100")
    gift_order = orders.create_order(shop, [(card.id, 1)], "王女士")
    fulfilment.pay_order(shop, gift_order.id, "cash")
    tab = OrdersTab(shop)
    qtbot.addWidget(tab)
    tab.resize(width - 40, height - 240)  # the window's frame, header, tabs and status bar
    tab.show()
    idle()
    for order_id in (pass_order, gift_order.id):
        show_order(tab, order_id)
        panel = tab.detail.vouchers
        tab.detail_scroll.ensureWidgetVisible(panel.send_button)
        click(qtbot, panel.send_button)
        idle()
        assert panel.message.text().startswith("Voucher image copied"), order_id
        qtbot.waitUntil(lambda: message_in_view(tab), timeout=5000)
        tab.detail_scroll.ensureWidgetVisible(panel.card.copy_text_button)
        click(qtbot, panel.card.copy_text_button)
        idle()
        assert panel.message.text() == "Voucher text copied: paste it in a message."
        qtbot.waitUntil(lambda: message_in_view(tab), timeout=5000)
