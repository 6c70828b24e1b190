"""A refunded order's vouchers on the Orders tab: shown for the record after the valid ones,
marked VOID in red, and their paper, sent image and text marked too. They were not shown at
all, so a refunded voucher could be reprinted for a dispute only on the command line (QA s10c
F8), while the README promised the red mark on the Orders card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_printing import pdf_printer, pdf_text
from test_ui_orders import decoded, idle, open_tab, paid_order, rasterized, show_order
from test_voucher_send import click, clipboard_payloads

from desktop_app.core import fulfilment, orders, products, redemption, refunds
from desktop_app.core.models import Order
from desktop_app.core.store import Shop
from desktop_app.scanning.decoders import available_decoders
from desktop_app.ui import settings

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

VOID = "VOID – not valid"



def test_a_refunded_vouchers_are_shown_marked_void_and_reprint_marked(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path / "sent"))
    wash = products.add_product(shop, "Wash 洗车", "20.00", uses=1, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 1)], "李先生")
    [issued] = fulfilment.pay_order(shop, order.id, "cash")
    refunds.refund_order(shop, order.id)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    panel, card = tab.detail.vouchers, tab.detail.vouchers.card
    assert panel.isVisible() and panel.voucher_ids == [issued.id]
    assert "void" in tab.detail.voucher_note.text() and "VOID" in tab.detail.voucher_note.text()
    assert card.marks.isVisible() and card.marks.text() == VOID
    assert "#b42318" in card.marks.styleSheet()  # red
    assert not card.uses.isVisible() and not card.validity.isVisible()  # nothing to take

    click(qtbot, panel.send_button)
    idle()
    assert clipboard_payloads(tmp_path) == [[issued.payload]] * len(available_decoders())
    assert decoded(tmp_path / "sent" / f"voucher-{issued.code}.png") == [issued.payload]
    click(qtbot, card.copy_text_button)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == VOID and "at the counter" not in text

    panel.set_layout("receipt58")
    panel.save_pdf(str(tmp_path / "void.pdf"))
    idle()
    printed = tmp_path / "printed.pdf"
    panel.make_printer = lambda: pdf_printer(printed)  # type: ignore[method-assign]
    click(qtbot, panel.print_button)
    assert panel.print_dialog is not None
    panel.print_dialog.accept()
    idle()
    assert panel.message.text() == "Sent to the printer."
    for pdf in (tmp_path / "void.pdf", printed):
        words = " ".join(pdf_text(pdf).split())
        assert VOID in words and "1 use" not in words and "at the counter" not in words
        pages = tmp_path / pdf.stem
        pages.mkdir()
        assert [decoded(page) for page in rasterized(pdf, pages)] == [[issued.payload]]


def test_part_refunded_vouchers_come_after_the_valid_ones(qtbot: QtBot, shop: Shop) -> None:
    passes = [products.add_product(shop, f"Pass {n}", "10.00", uses=2).id for n in range(3)]
    order = orders.create_order(shop, [(one, 1) for one in passes])
    issued = fulfilment.pay_order(shop, order.id)
    line = orders.order_detail(shop, order.id).lines[0]
    refunds.refund_line(shop, line.id, line.refund_step)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    panel = tab.detail.vouchers
    assert panel.voucher_ids == [issued[1].id, issued[2].id, issued[0].id]
    assert panel.title.text() == "Voucher 1 of 3" and not panel.card.marks.isVisible()
    assert "shown last, marked VOID" in tab.detail.voucher_note.text()
    panel.go_to(2)
    idle()
    assert panel.card.marks.isVisible() and panel.card.marks.text() == VOID


def test_refund_the_whole_order(qtbot: QtBot, shop: Shop) -> None:
    order_id, payloads = paid_order(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    qtbot.mouseClick(tab.detail.refund_button, Qt.MouseButton.LeftButton)
    idle()  # what it would pay back is read first
    box = tab.confirm_box
    assert box is not None and box.isVisible() and "Pay back ¥88.00" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert Order.get_by_id(order_id).status == "refunded"
    assert tab.detail.detail is not None and tab.detail.detail.order.status == "refunded"
    idle()
    assert tab.detail.vouchers.isVisible()  # for the record, marked (QA s10c F8)
    assert tab.detail.vouchers.card.marks.text() == "VOID – not valid"
    assert "void" in tab.detail.voucher_note.text()
    assert not tab.detail.refund_button.isVisible()
    assert tab.message.text() == f"Order {order_id} is refunded: pay back ¥88.00."
    assert redemption.redeem(shop, payloads[0], "c").reason == "voided"


def test_a_void_gift_card_is_there_to_be_read(qtbot: QtBot, shop: Shop) -> None:
    card = products.add_product(shop, "Gift card 100", "90.00", "giftcard", value="100")
    order = orders.create_order(shop, [(card.id, 1)], "王女士")
    fulfilment.pay_order(shop, order.id, "cash")
    refunds.refund_order(shop, order.id)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    box = tab.detail.vouchers.giftcard
    assert tab.detail.vouchers.card.marks.text() == VOID and box.isVisible()
    assert box.model.rowCount() >= 2  # issued, refunded: the ledger, for the record
    assert not any(button.isEnabled() for button in (
        box.reload_button, box.cashout_button, box.pin_button, box.clear_pin_button))


def test_save_and_print_all_leaves_the_void_vouchers_out(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s10c: "Save and print all 3 vouchers" on a part-refunded order printed the VOID one
    too. "All" is the usable ones, and the box says how many void ones it leaves out; a void
    voucher is still reprinted on its own."""
    passes = [products.add_product(shop, f"Pass {n}", "10.00", uses=2).id for n in range(3)]
    order = orders.create_order(shop, [(one, 1) for one in passes])
    issued = fulfilment.pay_order(shop, order.id)
    line = orders.order_detail(shop, order.id).lines[0]
    refunds.refund_line(shop, line.id, line.refund_step)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    panel = tab.detail.vouchers
    box = panel.all_vouchers
    assert box.isVisible() and box.text() == (
        "Save and print all 2 valid vouchers (1 void left out)")
    tick = QPoint(8, box.height() // 2)  # on the box itself: its row is wider than its text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=tick)
    assert box.isChecked()
    panel.set_layout("receipt58")  # a page per voucher
    printed = tmp_path / "all.pdf"
    panel.make_printer = lambda: pdf_printer(printed)  # type: ignore[method-assign]
    click(qtbot, panel.print_button)
    assert panel.print_dialog is not None
    panel.print_dialog.accept()
    idle()
    assert panel.message.text() == "Sent to the printer."
    assert VOID not in " ".join(pdf_text(printed).split())
    pages = tmp_path / "all"
    pages.mkdir()
    assert [decoded(page) for page in rasterized(printed, pages)] == [
        [issued[1].payload], [issued[2].payload]]

    panel.go_to(2)  # the void one, on its own: reprinted marked VOID, as before
    idle()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=tick)
    assert not box.isChecked()
    panel.save_pdf(str(tmp_path / "void.pdf"))
    idle()
    assert VOID in " ".join(pdf_text(tmp_path / "void.pdf").split())


def test_all_is_not_offered_when_one_voucher_is_left_valid(qtbot: QtBot, shop: Shop) -> None:
    passes = [products.add_product(shop, f"Pass {n}", "10.00", uses=2).id for n in range(2)]
    order = orders.create_order(shop, [(one, 1) for one in passes])
    fulfilment.pay_order(shop, order.id)
    line = orders.order_detail(shop, order.id).lines[0]
    refunds.refund_line(shop, line.id, line.refund_step)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    idle()
    panel = tab.detail.vouchers
    assert panel.title.text() == "Voucher 1 of 2" and not panel.all_vouchers.isVisible()
