"""Card keys in the Inventory tab: the key model, key files, import with preview, faulty keys and
their replacement, a key pattern set in the product dialog.

Real encrypted shops; models tested without widgets; dialogs shown and driven, never exec()ed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_inventory import idle, open_tab

from desktop_app.core import cardkeys, fulfilment, key_pattern, orders, products
from desktop_app.core.errors import InvalidInput
from desktop_app.core.key_rows import read_key_file
from desktop_app.core.models import CardKey, Product, Voucher
from desktop_app.core.store import Shop
from desktop_app.messages import error_message, problem_message
from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.inventory.table_models import KeyTableModel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000


def test_key_model_never_holds_a_secret(qapp: QApplication) -> None:
    now = dt.datetime.now(dt.UTC)
    model = KeyTableModel()
    model.set_rows([cardkeys.KeyRow(1, key_pattern.mask_key("ABCDEF-SECRET-WXYZ"), "faulty", 7,
                                     now, now, True)])
    assert model.index(0, 0).data() == "ABCD…YZ"
    assert model.index(0, 1).data() == "Faulty, to replace"
    assert model.index(0, 2).data() == "7"


def test_key_file_reading(tmp_path: Path) -> None:
    path = tmp_path / "keys.csv"
    path.write_bytes("\ufeffkey,note\r\nAAA-1,x\r\n".encode())
    assert read_key_file(path) == "key,note\r\nAAA-1,x\r\n"
    path.write_bytes("卡密\r\n".encode("gbk"))  # Excel's CSV on Chinese Windows: read
    assert read_key_file(path) == "卡密\r\n"
    path.write_bytes("卡密\r\n".encode("utf-16"))  # neither UTF-8 nor GBK
    with pytest.raises(InvalidInput) as err:
        read_key_file(path)
    assert err.value.params["problem"] == "not_utf8"
    with pytest.raises(InvalidInput):
        read_key_file(tmp_path / "missing.txt")


KEY_FILE = ("\ufeffkey,note\r\n"  # a header row: left out, and said
            "AAAA-1111-XXXX-0001,\r\n"  # an empty second column is no part of the key
            "\r\n"
            "BBBB-2222-XXXX-0002\r\n"
            "AAAA-1111-XXXX-0001\r\n"  # twice in the file
            "EXIST-KEY-000001\r\n"  # already imported
            "   \r\n"
            "中文卡密-3333-0003\r\n")


def key_dialog(qtbot: QtBot, shop: Shop, product_id: int, page: int) -> CardKeyDialog:
    dialog = CardKeyDialog(shop, products.product_detail(shop, product_id), page)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    return dialog


def test_card_key_import_preview_then_commit(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    game = products.add_product(shop, "Game 游戏", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "EXIST-KEY-000001\n")
    path = tmp_path / "keys.csv"
    path.write_bytes(KEY_FILE.encode("utf-8"))
    dialog = key_dialog(qtbot, shop, game.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    assert not page.import_button.isEnabled()
    assert "sets no key pattern" in page.import_hint.text()  # says what counts as a key
    page.use_file(str(path))
    idle()
    counts = {name: label.text() for name, label in page.counts.items()}
    assert counts == {"new": "3", "duplicate": "2", "other_product": "0", "blank": "2",
                      "malformed": "0"}
    assert "EXIST" not in page.sample.text() and "AAAA…01" in page.sample.text()
    assert page.notes.text().splitlines() == [
        "The first row was taken for a header and left out: key, note.",
        "Columns kept in each key: key; left out: note."]
    assert page.import_button.isEnabled() and page.import_button.text() == "Import new keys (3)"
    assert CardKey.select().count() == 1  # the preview changed nothing
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    idle()
    secrets = sorted(key.secret for key in CardKey.select())
    assert secrets == sorted(["EXIST-KEY-000001", "AAAA-1111-XXXX-0001", "BBBB-2222-XXXX-0002",
                              "中文卡密-3333-0003"])
    assert dialog.tabs.currentIndex() == CardKeyDialog.KEYS_PAGE
    shown = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert sorted(shown) == sorted(key_pattern.mask_key(secret) for secret in secrets)
    assert not any(secret in " ".join(shown) for secret in secrets)  # masked everywhere
    assert "4 unsold" in dialog.summary.text()
    assert not page.import_button.isEnabled()


def test_pasted_keys_and_a_file_that_is_not_utf8(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    dialog = key_dialog(qtbot, shop, game.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    path = tmp_path / "utf16.txt"
    path.write_bytes("卡密一号\r\n".encode("utf-16"))
    page.use_file(str(path))
    idle()
    assert page.import_message.text() == error_message(
        InvalidInput(field="file", problem="not_utf8"))
    assert not page.import_button.isEnabled()
    page.paste.setPlainText("P-1\nP-2\n\nP-1\n")
    assert page.source_path is None and page.file_label.text() == "No file chosen"
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    idle()
    assert page.counts["new"].text() == "2" and page.counts["duplicate"].text() == "1"
    page.paste.appendPlainText("P-3")  # changed after the check: check again first
    assert not page.import_button.isEnabled()
    page.check()
    idle()
    page.import_keys()
    idle()
    assert products.product_detail(shop, game.id).stock == 3


def test_keys_of_another_product_and_a_password_column_are_said_before_the_import(
        qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    promo = products.add_product(shop, "Game (promo)", "25.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "1000200030004000,111111\nGAME-KEY-0001\n")
    dialog = key_dialog(qtbot, shop, promo.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    page.paste.setPlainText("卡号,密码\n1000200030004000,111111\n1000200030004001,222222\n"
                            "GAME-KEY-0001\n")
    page.check()
    idle()
    counts = {name: label.text() for name, label in page.counts.items()}
    assert counts == {"new": "1", "duplicate": "0", "other_product": "2", "blank": "0",
                      "malformed": "0"}
    notes = page.notes.text().splitlines()
    assert notes[0] == "The first row was taken for a header and left out: 卡号, 密码."
    assert notes[1] == "Columns kept in each key: 卡号, 密码."
    assert notes[2].startswith("Keys from rows of several columns: 1.")
    assert "“ / ”" in notes[2] and "remove the other columns" in notes[2]
    assert notes[3].startswith("Already in stock under another product: 2.")
    assert page.notes.isVisible()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        page.import_keys()
    idle()
    assert [key.secret for key in CardKey.select().where(CardKey.product == promo.id)] == [
        "1000200030004001 / 222222"]
    assert dialog.keys_message.text() == (
        "Keys imported: 1. Lines left out: 2. Of these, already in stock under another "
        "product: 2.")


def test_the_preview_names_the_columns_kept_and_a_number_with_two_passwords(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s15a F1: the sample masks all but a key's number, so the notes say what each key is
    made of, and that one number came with two passwords."""
    cards = products.add_product(shop, "Prepaid card", "100.00", "cardkey")
    dialog = key_dialog(qtbot, shop, cards.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    page.paste.setPlainText("卡号,密码,备注\n1000200030004000,111111,首批\n"
                            "1000200030004000,222222,重复\n1000200030004001,333333,\n")
    page.check()
    idle()
    assert (page.counts["new"].text(), page.counts["duplicate"].text()) == ("2", "1")
    notes = page.notes.text().splitlines()
    assert notes[1] == "Columns kept in each key: 卡号, 密码; left out: 备注."
    assert notes[2].startswith("Same card number, different password or other column: 1.")
    assert "首批" not in page.sample.text() and "111111" not in page.sample.text()
    workbook = tmp_path / "keys.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml")
    page.use_file(str(workbook))
    idle()
    assert page.import_message.text() == error_message(
        InvalidInput(field="file", problem="excel_workbook"))
    assert "CSV UTF-8" in page.import_message.text()
    assert not page.import_button.isEnabled()


def test_mark_faulty_and_replace_on_the_order(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "SOLD-KEY-0000001\nSPARE-KEY-000002\n")
    order = orders.create_order(shop, [(game.id, 1)])
    voucher = Voucher.get_by_id(fulfilment.pay_order(shop, order.id)[0].id)
    sold = voucher.card_key
    tab = open_tab(qtbot, shop)
    assert tab.select_product(game.id)
    qtbot.mouseClick(tab.keys_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CardKeyDialog)
    idle()
    assert select_key(dialog, sold.id)
    assert dialog.faulty_button.isEnabled() and not dialog.replace_button.isEnabled()
    qtbot.mouseClick(dialog.faulty_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible() and str(order.id) in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert CardKey.get_by_id(sold.id).state == "faulty"
    assert dialog.selected_key() is not None and dialog.selected_key().replaceable
    assert dialog.replace_button.isEnabled()
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    idle()
    fresh = Voucher.get_by_id(voucher.id).card_key
    assert fresh.secret == "SPARE-KEY-000002" and fresh.state == "sold"
    assert str(order.id) in dialog.keys_message.text()
    assert dialog.selected_key() is not None and dialog.selected_key().id == fresh.id
    assert not dialog.replace_button.isEnabled()
    assert "0 unsold · 1 sold · 0 returned · 1 faulty" in dialog.summary.text()
    dialog.close()
    idle()
    row = next(r for r in tab.model.rows() if r.id == game.id)
    assert row.stock == 0 and row.keys_faulty == 1


def select_key(dialog: CardKeyDialog, key_id: int) -> bool:
    for row in range(dialog.model.rowCount()):
        if dialog.model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2).id == key_id:
            dialog.table.selectRow(row)
            return True
    return False


def test_a_cancelled_confirmation_changes_nothing(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "ONLY-KEY-00000001\n")
    dialog = key_dialog(qtbot, shop, game.id, CardKeyDialog.KEYS_PAGE)
    dialog.table.selectRow(0)
    dialog.ask_mark_faulty()
    assert dialog.confirm_box is not None
    dialog.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    idle()
    assert CardKey.get().state == "unsold"


def test_a_key_pattern_set_in_the_dialog_decides_what_is_malformed(
        qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("cardkey"))
    assert dialog.key_min.isVisible() and dialog.key_alphabet.isVisible()
    qtbot.keyClicks(dialog.name, "Steam 100")
    qtbot.keyClicks(dialog.price, "100")
    dialog.key_min.setValue(12)
    dialog.key_max.setValue(10)
    dialog.save()
    assert dialog.messages["key_pattern"].text() == problem_message("below_minimum")
    dialog.key_max.setValue(14)
    dialog.key_alphabet.setCurrentIndex(dialog.key_alphabet.findData("upper_digits"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.save()
    idle()
    product = Product.get_by_id(saved.args[0])
    assert (product.key_min_length, product.key_max_length, product.key_alphabet) == (
        12, 14, "upper_digits")
    keys = key_dialog(qtbot, shop, product.id, CardKeyDialog.IMPORT_PAGE)
    page = keys.importer
    assert "12 to 14 characters, capital letters and digits" in page.import_hint.text()
    page.paste.setPlainText("ABCD-EFGH-123\nabcd-efgh-123\nSHORT-1\nWXYZ-9876-ABC\n")
    page.check()
    idle()
    counts = {name: label.text() for name, label in page.counts.items()}
    assert counts == {"new": "2", "duplicate": "0", "other_product": "0", "blank": "0",
                      "malformed": "2"}
    with qtbot.waitSignal(keys.changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    idle()
    assert sorted(key.secret for key in CardKey.select()) == ["ABCD-EFGH-123", "WXYZ-9876-ABC"]
    edit = ProductDialog(shop, "CNY", products.product_detail(shop, product.id))
    qtbot.addWidget(edit)
    assert (edit.key_min.value(), edit.key_max.value(),
            edit.key_alphabet.currentData()) == (12, 14, "upper_digits")


def test_the_preview_names_the_refused_lines_and_an_empty_file(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s17a F4, F6, F9: line number, masked text and why, the first 20 and "N more"; a
    note after a key is flagged; an empty file says so."""
    office = products.add_product(shop, "Office", "59", "cardkey")
    dialog = key_dialog(qtbot, shop, office.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    path = tmp_path / "keys.txt"
    path.write_text("\tGRVAD-WB3R4-DMTQE-5B7IZ-5ZLMQ\n2ASQL-A3VVN-DRG7A-BH4TN-GB38O 备注:促销\n"
                    + "x\n" * 22 + "LONGSECRET" * 60 + "\n", encoding="utf-8")
    page.use_file(str(path))
    idle()
    assert page.counts["new"].text() == "2" and page.counts["malformed"].text() == "23"
    notes = page.notes.text()
    assert "Looks unusual: 1 new keys hold a space and then Chinese text" in notes
    assert ("Lines refused as no key — not the product's key pattern: line 3 (…), "
            "line 4 (…), ") in notes
    assert "line 22 (…); and 3 more." in notes
    assert "line 25" not in notes and "LONGSECRET" not in notes
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\r\n\r\n")
    page.use_file(str(empty))
    idle()
    assert page.import_message.text() == error_message(
        InvalidInput(field="file", problem="no_keys"))
    assert "The file holds no card keys." in page.import_message.text()
    assert not page.import_button.isEnabled()


def test_the_preview_points_out_a_key_shaped_unlike_the_others(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s35a F2: "abc,,坏行" among 16-digit card numbers would have been sold as a key."""
    steam = products.add_product(shop, "Steam 充值卡 50元", "48", "cardkey")
    dialog = key_dialog(qtbot, shop, steam.id, CardKeyDialog.IMPORT_PAGE)
    page = dialog.importer
    path = tmp_path / "steam_keys.csv"
    rows = [f"{6200_0000_0000_0000 + n},ABCD-EFGH-{n:04d},批次A" for n in range(20)]
    path.write_text("卡号,密码,备注\n" + "\n".join(rows) + "\nabc,,坏行\n", encoding="utf-8")
    page.use_file(str(path))
    idle()
    assert page.counts["new"].text() == "21"
    assert "Shaped unlike the others: 1 new keys (a…)" in page.notes.text()


def test_choose_file_opens_in_documents_then_where_the_last_file_was(
        qtbot: QtBot, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s41a: the key file dialog opened in the folder the app was started from."""
    from desktop_app.ui.folders import documents_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "Documents").mkdir()
    assert documents_folder() == tmp_path / "Documents"
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    page = key_dialog(qtbot, shop, game.id, CardKeyDialog.IMPORT_PAGE).importer
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    chosen = page.file_dialog
    assert Path(chosen.directory().absolutePath()) == tmp_path / "Documents"
    keys = tmp_path / "stock" / "keys.txt"
    keys.parent.mkdir()
    keys.write_text("AAAA-1111-XXXX-0001\n")
    chosen.fileSelected.emit(str(keys))
    chosen.close()
    idle()
    assert page.file_label.text() == "keys.txt"
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert Path(page.file_dialog.directory().absolutePath()) == keys.parent
    page.file_dialog.close()
