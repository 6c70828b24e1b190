"""Send on a voucher: the branded image on the clipboard and on disk, its QR read back by the
real decoders, the text beside it, and every card key shown or sent written to the audit log."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import cardkeys, fulfilment, orders, products, shop_settings
from desktop_app.core.errors import Forbidden
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import AuditEvent
from desktop_app.core.sending import record_card_key_use
from desktop_app.core.store import Shop
from desktop_app.scanning.decoders import available_decoders, decode_file
from desktop_app.ui import settings, tasks
from desktop_app.ui.orders.voucher_panel import VoucherPanel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def events(kind: str) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.kind == kind).order_by(AuditEvent.id))


def open_panel(qtbot: QtBot, shop: Shop, order_id: int, ids: list[int]) -> VoucherPanel:
    panel = VoucherPanel(shop)
    qtbot.addWidget(panel)
    panel.resize(900, 420)
    panel.show()
    panel.show_vouchers(order_id, ids)
    idle()
    return panel


def card_key_order(shop: Shop) -> tuple[int, list[fulfilment.IssuedVoucher]]:
    wash = products.add_product(shop, "精洗套餐 Deluxe wash", "88.00", uses=3, valid_days=90)
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "GAME-KEY-0000001\n")
    order = orders.create_order(shop, [(wash.id, 1), (game.id, 1)], "李先生")
    return order.id, fulfilment.pay_order(shop, order.id, "wechat")


def test_send_puts_the_branded_voucher_on_the_clipboard_and_saves_it(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    shop_settings.update_shop_settings(shop, dataclasses.replace(
        shop_settings.get_shop_settings(shop), address_line="中山路 1 号 · 138 0000 0000"))
    order_id, issued = card_key_order(shop)
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path / "sent"))
    panel = open_panel(qtbot, shop, order_id, [v.id for v in issued])
    assert events("cardkey_shown") == []  # the wash has no key to show
    click(qtbot, panel.send_button)
    idle()
    saved = tmp_path / "sent" / f"voucher-{panel.view.code}.png"  # type: ignore[union-attr]
    assert saved.exists() and str(saved) in panel.message.text().replace("\u200b", "")
    clipboard = tmp_path / "clipboard.png"
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.height() > image.width()  # a phone's shape
    assert image.save(str(clipboard))
    for decoder in available_decoders():  # every real decoder reads it, not just the best one
        for path in (saved, clipboard):
            assert [d.text for d in decode_file(path, [decoder])] == [issued[0].payload], (
                decoder, path)
    assert events("cardkey_sent") == []  # nothing secret left the shop

    click(qtbot, panel.card.copy_text_button)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == shop.name
    for part in ("中山路 1 号", "精洗套餐 Deluxe wash", "3 uses", panel.view.code):  # type: ignore[union-attr]
        assert part in text


def test_a_card_key_is_masked_and_each_reveal_copy_or_send_is_audited(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    order_id, issued = card_key_order(shop)
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path))
    panel = open_panel(qtbot, shop, order_id, [v.id for v in issued])
    card = panel.card
    assert not card.show_key_button.isVisible()  # the wash has no key
    click(qtbot, panel.next_button)
    idle()
    key_voucher = issued[1].id
    assert card.key.text() == mask_key("GAME-KEY-0000001")  # masked: showing it is no reveal
    assert events("cardkey_shown") == []

    click(qtbot, card.show_key_button)
    idle()
    assert card.key.text() == "GAME-KEY-0000001" and card.show_key_button.text() == "Hide key"
    shown = events("cardkey_shown")
    assert [e.subject for e in shown] == [str(key_voucher)]
    assert '"channel": "screen"' in shown[0].detail
    click(qtbot, card.show_key_button)  # Hide key
    assert card.key.text() == mask_key("GAME-KEY-0000001")
    click(qtbot, card.show_key_button)
    idle()
    assert card.key.text() == "GAME-KEY-0000001"
    assert len(events("cardkey_shown")) == 2  # one row per reveal
    click(qtbot, panel.previous_button)  # another voucher: masked again at once
    assert "GAME-KEY" not in card.key.text()
    idle()
    click(qtbot, panel.next_button)
    idle()
    assert card.key.text() == mask_key("GAME-KEY-0000001")
    card.hide_timer.setInterval(50)
    click(qtbot, card.show_key_button)
    idle()
    assert card.key.text() == "GAME-KEY-0000001"
    qtbot.waitUntil(lambda: card.key.text() == mask_key("GAME-KEY-0000001"), timeout=5000)
    assert len(events("cardkey_shown")) == 3

    click(qtbot, panel.send_button)
    idle()
    assert [d.text for d in decode_file(tmp_path / f"voucher-{panel.view.code}.png")] == [  # type: ignore[union-attr]
        issued[1].payload]
    click(qtbot, card.copy_text_button)
    idle()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert "Card key: GAME-KEY-0000001" in copied
    # QA s17a F5: where to activate the key, under it; not "at the counter"
    assert copied.index("Activate the key above where the product says (publisher's site "
                        "or app).") > copied.index("Card key: GAME-KEY-0000001")
    assert not [line for line in copied if "counter" in line]
    click(qtbot, card.copy_key_button)
    idle()
    sent = events("cardkey_sent")
    assert [e.subject for e in sent] == [str(key_voucher)] * 3
    assert ['"channel": "image"' in sent[0].detail, '"channel": "text"' in sent[1].detail,
            '"channel": "text"' in sent[2].detail] == [True, True, True]
    assert card.key.text() == mask_key("GAME-KEY-0000001")  # sending reveals nothing here
    for event in (*events("cardkey_shown"), *sent):
        assert "GAME-KEY" not in event.detail  # the audit says which key, never the key


def test_only_owners_record_card_keys(shop: Shop) -> None:
    _, issued = card_key_order(shop)
    shop.operator.role = "clerk"
    try:
        with pytest.raises(Forbidden):
            record_card_key_use(shop, issued[1].id, "sent", "text")
    finally:
        shop.operator.role = "owner"
    record_card_key_use(shop, issued[0].id, "shown")  # no key on a wash: nothing to record
    assert events("cardkey_shown") == []


def test_a_gift_card_is_sent_with_its_balance(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    card = products.add_product(shop, "Gift card 100", "90.00", "giftcard", value="100")
    order = orders.create_order(shop, [(card.id, 1)], "王女士")
    issued = fulfilment.pay_order(shop, order.id, "cash")
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path))
    panel = open_panel(qtbot, shop, order.id, [issued[0].id])
    assert panel.card.uses.text() == "Balance ¥100.00"
    click(qtbot, panel.send_button)
    idle()
    sent = tmp_path / f"voucher-{issued[0].code}.png"
    assert [d.text for d in decode_file(sent)] == [issued[0].payload]
    click(qtbot, panel.card.copy_text_button)
    assert "Balance ¥100.00" in QGuiApplication.clipboard().text()
    if (keep := Path("/tmp/p3send")).is_dir():
        sent.replace(keep / "giftcard.png")


def clipboard_payloads(tmp_path: Path) -> list[list[str]]:
    """What each real decoder reads off the clipboard's image."""
    image = QGuiApplication.clipboard().image()
    if image.isNull():
        return []
    path = tmp_path / "clipboard-read.png"
    assert image.save(str(path))
    return [[d.text for d in decode_file(path, [decoder])] for decoder in available_decoders()]


def test_send_into_a_folder_that_is_gone_audits_the_key_and_says_the_file_was_not_saved(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s10c F7: the folder last saved to was a USB stick pulled out. The image with the key
    was on the clipboard, no ``cardkey_sent`` row was written, and "Something went wrong …
    restart" was all the owner read."""
    order_id, issued = card_key_order(shop)
    (tmp_path / "stick").write_text("a file where the folder was")
    gone = tmp_path / "stick" / "vouchers"
    settings.VOUCHER_SAVE_FOLDER.write(str(gone))
    panel = open_panel(qtbot, shop, order_id, [v.id for v in issued])
    click(qtbot, panel.next_button)
    idle()
    QGuiApplication.clipboard().clear()
    click(qtbot, panel.send_button)
    idle()
    assert clipboard_payloads(tmp_path) == [[issued[1].payload]] * len(available_decoders())
    sent = events("cardkey_sent")
    assert [e.subject for e in sent] == [str(issued[1].id)]
    assert '"channel": "image"' in sent[0].detail
    said = panel.message.text()
    assert panel.message.isVisible() and said.startswith("Voucher image copied")
    assert f"Cannot write to {gone / f'voucher-{issued[1].code}.png'}" in said, said
    assert panel.send_button.isEnabled()  # and it can be tried again


def test_a_card_key_reaches_the_clipboard_only_after_its_audit_row(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """Send, Copy key and Copy text wrote the clipboard first and the audit after: a refused
    audit (here: the operator is no owner any more) left the key copied without a row."""
    order_id, issued = card_key_order(shop)
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path))
    panel = open_panel(qtbot, shop, order_id, [v.id for v in issued])
    click(qtbot, panel.next_button)
    idle()
    shop.operator.role = "clerk"
    try:
        for button in (panel.card.copy_key_button, panel.card.copy_text_button,
                       panel.send_button):
            QGuiApplication.clipboard().setText("nothing yet")
            click(qtbot, button)
            idle()
            assert QGuiApplication.clipboard().text() == "nothing yet", button.text()
            assert QGuiApplication.clipboard().image().isNull(), button.text()
            assert panel.message.isVisible() and panel.message.text(), button.text()
        assert panel.send_button.isEnabled()  # the refused audit ended Send's busy state
    finally:
        shop.operator.role = "owner"
    assert events("cardkey_sent") == []
    assert list(tmp_path.glob("voucher-*.png")) == []


class EnabledChanges(QObject):
    """Every time a watched button turns on or off, in order: a flicker shows as extra turns."""

    def __init__(self, button: QWidget) -> None:
        super().__init__()
        self.button = button
        self.seen: list[bool] = []
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() == QEvent.Type.EnabledChange:
            self.seen.append(self.button.isEnabled())
        return False


@pytest.mark.parametrize("voucher", [0, 1], ids=["service", "card key"])
def test_send_is_busy_once_from_the_click_until_the_file_is_saved(
        qtbot: QtBot, shop: Shop, tmp_path: Path, voucher: int) -> None:
    """QA s10c: a card key's Send ended its busy state after the audit, then began it again
    for the save; the buttons came back in between (a second Send could start there)."""
    order_id, issued = card_key_order(shop)
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path / "sent"))
    panel = open_panel(qtbot, shop, order_id, [v.id for v in issued])
    panel.go_to(voucher)
    idle()
    changes = EnabledChanges(panel.send_button)
    click(qtbot, panel.send_button)
    idle()
    assert changes.seen == [False, True]  # off at the click, on once the file is saved
    assert (tmp_path / "sent" / f"voucher-{panel.view.code}.png").exists()  # type: ignore[union-attr]
