"""A card key on the Orders tab: Save PDF and Print write it in full, so each leaves an audit
row (they left none); a key marked faulty says so on the voucher and asks before it is sent,
copied or printed again (it looked like any other); a voucher void since it was shown says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_printing import pdf_printer
from test_voucher_send import click, events, idle, open_panel

from desktop_app.core import cardkeys, fulfilment, orders, products, refunds
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.ui.orders.voucher_panel import VoucherPanel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

FAULTY = "Card key faulty – a replacement is owed"


def sold_keys(shop: Shop, count: int = 2) -> tuple[int, list[int]]:
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "".join(f"GAME-KEY-{i:07}\n" for i in range(count)))
    order = orders.create_order(shop, [(game.id, count)])
    return order.id, [v.id for v in fulfilment.pay_order(shop, order.id)]


def channels() -> list[tuple[str, str]]:
    return [(e.subject, json.loads(e.detail)["channel"]) for e in events("cardkey_sent")]



def answer(panel_or_card: object, button: QMessageBox.StandardButton) -> None:
    box = getattr(panel_or_card, "faulty_box", None)
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(button).click()
    idle()


def test_save_pdf_and_print_audit_each_card_key(qtbot: QtBot, shop: Shop,
                                                tmp_path: Path) -> None:
    order_id, ids = sold_keys(shop)
    panel = open_panel(qtbot, shop, order_id, ids)
    panel.save_pdf(str(tmp_path / "one.pdf"))
    idle()
    assert channels() == [(str(ids[0]), "pdf")]
    panel.all_vouchers.setChecked(True)
    panel.print_to(pdf_printer(tmp_path / "all.pdf"))
    idle()
    assert panel.message.text() == "Sent to the printer."
    assert channels()[1:] == [(str(ids[0]), "print"), (str(ids[1]), "print")]
    assert all("GAME-KEY" not in e.detail for e in events("cardkey_sent"))


def test_a_faulty_key_says_so_and_asks_before_it_leaves(qtbot: QtBot, shop: Shop,
                                                        tmp_path: Path) -> None:
    order_id, ids = sold_keys(shop)
    cardkeys.mark_key_faulty(shop, Voucher.get_by_id(ids[0]).card_key_id)
    panel: VoucherPanel = open_panel(qtbot, shop, order_id, ids)
    card = panel.card
    assert card.marks.isVisible() and card.marks.text() == FAULTY
    QGuiApplication.clipboard().setText("before")
    click(qtbot, card.copy_key_button)
    answer(card, QMessageBox.StandardButton.Cancel)
    assert QGuiApplication.clipboard().text() == "before" and channels() == []
    click(qtbot, card.copy_key_button)
    asked = card.faulty_box
    assert asked is not None and [asked.button(b).text() for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)] == [
        "Use the faulty key", "Do not use it"]  # was Yes / No
    answer(card, QMessageBox.StandardButton.Yes)
    assert QGuiApplication.clipboard().text() == "GAME-KEY-0000000"
    assert channels() == [(str(ids[0]), "text")]
    click(qtbot, panel.print_button)
    answer(panel, QMessageBox.StandardButton.Cancel)
    assert panel.print_dialog is None  # not asked for a printer at all
    click(qtbot, panel.send_button)
    answer(panel, QMessageBox.StandardButton.Yes)
    assert channels()[-1] == (str(ids[0]), "image")
    click(qtbot, panel.next_button)
    idle()
    assert not card.marks.isVisible()  # the other key is good: no question asked
    click(qtbot, card.copy_key_button)
    idle()  # copied once its audit row is written
    assert QGuiApplication.clipboard().text() == "GAME-KEY-0000001"


def test_a_voucher_void_since_it_was_shown_says_so(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    order = orders.create_order(shop, [(wash.id, 1)])
    [issued] = fulfilment.pay_order(shop, order.id)
    panel = open_panel(qtbot, shop, order.id, [issued.id])
    assert not panel.card.marks.isVisible()
    refunds.refund_order(shop, order.id)  # in another window, or at another counter PC
    panel.go_to(0)
    idle()
    assert panel.view is not None and panel.view.status == "void"
    assert panel.card.marks.isVisible() and panel.card.marks.text() == "VOID – not valid"
