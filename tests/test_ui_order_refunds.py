"""Refunds on the Orders tab say the money to pay back, not the order's total (QA s1 F1, F2):
the confirm question, the result, the part-refund dialog of a gift card, the order's
"Refunded" line; a card key the customer had is set aside as returned, and the Card keys
dialog puts it back on sale or marks it faulty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_cardkeys import select_key
from test_ui_inventory import open_tab as open_inventory
from test_ui_orders import WAIT_MS, closed, idle, open_tab, show_order

from desktop_app.core import cardkeys, fulfilment, giftcards, orders, products, redemption
from desktop_app.core.models import CardKey, Order, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def sold_cards(shop: Shop, price: str, quantity: int, value: str | None = None
               ) -> list[fulfilment.IssuedVoucher]:
    card = products.add_product(shop, "Gift card 储值卡", price, "giftcard", value=value)
    order = orders.create_order(shop, [(card.id, quantity)], "王女士")
    return fulfilment.pay_order(shop, order.id, "wechat")


def test_whole_refund_asks_and_says_the_money_to_pay_back(qtbot: QtBot, shop: Shop) -> None:
    (card,) = sold_cards(shop, "200", 1)
    assert redemption.redeem(shop, card.payload, "c", amount_cents=3550).ok
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 5050, "cash")
    assert reload.order_id is not None
    tab = open_tab(qtbot, shop)
    show_order(tab, card.order_id)
    qtbot.mouseClick(tab.detail.refund_button, Qt.MouseButton.LeftButton)
    idle()
    box = tab.confirm_box
    assert box is not None and box.isVisible()
    assert "Pay back ¥215.00" in box.text() and "¥200.00" not in box.text()
    assert f"¥50.50 of it for reload order {reload.order_id} (Cash)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert Order.get_by_id(card.order_id).status == "refunded"
    assert Order.get_by_id(reload.order_id).status == "refunded"
    assert tab.message.text().startswith(
        f"Order {card.order_id} is refunded: pay back ¥215.00.")
    # The card's own part, and its reload's: together what the owner was told (QA round 2)
    assert tab.detail.refunded.text() == (
        "Refunded ¥164.50, and ¥50.50 for its cards' reloads")
    show_order(tab, reload.order_id)
    idle()
    assert tab.detail.refunded.text() == "Refunded ¥50.50"


def test_part_refund_of_a_spent_card_pays_back_its_balance(qtbot: QtBot, shop: Shop) -> None:
    cards = sold_cards(shop, "200", 2)
    assert redemption.redeem(shop, cards[1].payload, "c", amount_cents=3550).ok
    tab = open_tab(qtbot, shop)
    show_order(tab, cards[0].order_id)
    tab.detail.lines.selectRow(0)
    qtbot.mouseClick(tab.detail.refund_line_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LineRefundDialog) and dialog.choice_list is not None
    assert any("unspent balance" in label.text() for label in dialog.findChildren(QLabel))
    spent_row, fresh_row = 0, 1  # newest first: the spent card is the newest
    assert "balance ¥164.50" in dialog.choice_list.list.item(spent_row).text()
    for row in (spent_row, fresh_row):
        dialog.choice_list.list.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.amount.text() == "¥364.50"
    dialog.choice_list.list.item(fresh_row).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.amount.text() == "¥164.50"  # ¥35.50 of it spent
    with qtbot.waitSignal(dialog.refunded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    idle()
    assert closed(dialog)
    assert "pay back ¥164.50" in tab.message.text()
    assert tab.detail.refunded.text() == "Refunded ¥164.50"  # not the ¥200.00 price


def test_a_refunded_key_is_returned_then_put_back_on_sale(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "100.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "GAME-KEY-0000001\nGAME-KEY-0000002\n")
    order = orders.create_order(shop, [(game.id, 1)])
    [issued] = fulfilment.pay_order(shop, order.id)
    key_id = Voucher.get_by_id(issued.id).card_key_id
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    qtbot.mouseClick(tab.detail.refund_button, Qt.MouseButton.LeftButton)
    idle()
    box = tab.confirm_box
    assert box is not None and "Pay back ¥100.00" in box.text()
    assert "The card key the customer had becomes “Returned”: it is" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert "Returned" in tab.message.text()
    assert CardKey.get_by_id(key_id).state == "returned"
    assert products.product_detail(shop, game.id).stock == 1  # only the unsold one

    inventory = open_inventory(qtbot, shop)
    assert inventory.select_product(game.id)
    qtbot.mouseClick(inventory.keys_button, Qt.MouseButton.LeftButton)
    dialog = inventory.dialog
    assert isinstance(dialog, CardKeyDialog)
    idle()
    assert "1 unsold · 0 sold · 1 returned · 0 faulty" in dialog.summary.text()
    dialog.state_filter.setCurrentIndex(dialog.state_filter.findData("returned"))
    idle()  # read by the database, on the worker thread
    assert dialog.model.rowCount() == 1
    assert select_key(dialog, key_id)
    assert dialog.restock_button.isEnabled() and dialog.faulty_button.isEnabled()
    qtbot.mouseClick(dialog.restock_button, Qt.MouseButton.LeftButton)
    confirm = dialog.confirm_box
    assert confirm is not None and str(order.id) in confirm.text()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert CardKey.get_by_id(key_id).state == "unsold"
    assert products.product_detail(shop, game.id).stock == 2
    assert dialog.keys_message.text() == "The key is on sale again."


def test_a_reload_order_names_its_card_not_goods(qtbot: QtBot, shop: Shop) -> None:
    """QA s8b F11: a reload order showed "Note: giftcard reload" (English in Chinese too) and
    "This order issued no vouchers (goods only)", and never named the card it topped up."""
    (card,) = sold_cards(shop, "100", 1)
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 3000, "cash")
    assert reload.order_id is not None
    assert Order.get_by_id(reload.order_id).note == "giftcard reload"  # data, kept as stored
    tab = open_tab(qtbot, shop)
    show_order(tab, reload.order_id)
    idle()
    start = card.code[:9]  # "XXXX-XXXX": enough to know the card, not the whole code
    info, note = tab.detail.info.text(), tab.detail.voucher_note.text()
    assert "giftcard reload" not in info and "goods only" not in note
    assert note == (f"Reload of gift card {start}-… (order {card.order_id}): ¥30.00; "
                    "the card's balance is now ¥130.00.")
    assert tab.detail.voucher_note.isVisible() and not tab.detail.lines.isVisible()
    show_order(tab, card.order_id)  # the card's own order: its voucher, as before
    idle()
    assert "Reload of" not in tab.detail.voucher_note.text()


@pytest.mark.usefixtures("language")
def test_the_cards_refund_dialog_is_wide_enough_for_its_rows(qtbot: QtBot, shop: Shop) -> None:
    """QA s18b F6: in English the dialog kept its own 480 px minimum, narrower than its rows:
    "Handed back:" read "Handed b" and each row's money was cut ("pays back ¥90.0")."""
    from PySide6.QtWidgets import QFormLayout

    order_id = sold_cards(shop, "90.00", 3, value="100.00")[0].order_id
    [line] = orders.order_detail(shop, order_id).lines
    dialog = LineRefundDialog(shop, "CNY", order_id, line)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    choices = dialog.choice_list
    assert choices is not None
    form = dialog.findChild(QFormLayout)
    label = form.labelForField(choices)
    assert isinstance(label, QLabel) and label.width() >= label.sizeHint().width()
    rows = choices.list
    assert rows.viewport().width() >= rows.sizeHintForColumn(0)  # every row's money whole


@pytest.mark.parametrize("cards", [1, 2])
def test_the_refund_asks_to_tick_cards_only_where_it_lists_them(
        qtbot: QtBot, shop: Shop, cards: int) -> None:
    """QA s42a F6: one gift card's part refund said "Tick the cards handed back, or scan
    them" over a dialog with no card to tick; two cards are listed, and it says so."""
    order_id = sold_cards(shop, "180.00", cards, value="200.00")[0].order_id
    [line] = orders.order_detail(shop, order_id).lines
    dialog = LineRefundDialog(shop, "CNY", order_id, line)
    qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "pays back its unspent balance" in said
    assert ("Tick the cards handed back" in said) == (dialog.choice_list is not None)
    assert (dialog.choice_list is not None) == (cards > 1)
