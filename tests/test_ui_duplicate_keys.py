"""A key imported twice in two spellings before schema step 17 (case, full-width, hyphens
apart): the step finds them one key, and the owner is told where keys are handled, not in a
log: the Card keys dialog names the copy still on sale and marks it faulty in one click and
its question; the Inventory tab names the product. Once the copy is faulty both are gone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_cardkey_refingerprint_step import back_to_16, former_fingerprint
from test_ui_cardkeys import key_dialog
from test_ui_inventory import idle, open_tab

from desktop_app.core import migrations, products
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop
from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

SPELLINGS = ["OUXLN-T1W2F-7G7AM-9L232-6I894", "ouxln-t1w2f-7g7am-9l232-6i894"]


def shop_with_a_key_twice(shop: Shop) -> tuple[int, int, int]:
    """A shop at version 16 holding one key in two spellings, upgraded: product, first, copy."""
    office = products.add_product(shop, "Office 办公", "59", "cardkey")
    now = dt.datetime.now(dt.UTC)
    first, copy = (CardKey.create(product=office.id, secret=secret, imported_at=now,
                                  fingerprint=former_fingerprint(shop, secret)).id
                   for secret in SPELLINGS)
    back_to_16(shop)
    migrations.migrate(shop.db)
    return office.id, first, copy


def test_the_dialog_names_the_copy_and_marks_it_faulty(qtbot: QtBot, shop: Shop) -> None:
    product_id, _first, copy = shop_with_a_key_twice(shop)
    tab = open_tab(qtbot, shop)
    assert tab.duplicate_warning.isVisible()
    assert "Office 办公" in tab.duplicate_warning.text()
    dialog = key_dialog(qtbot, shop, product_id, CardKeyDialog.KEYS_PAGE)
    notice = dialog.duplicates
    assert notice.isVisible()
    said = notice.text.text()
    assert f"Key {mask_key(SPELLINGS[1])} " in said and f"of key {mask_key(SPELLINGS[0])} " in said
    assert "not sold twice" in said
    assert not any(secret in said for secret in SPELLINGS)  # masked, as the list shows keys
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert dialog.selected_key() is not None and dialog.selected_key().id == copy
    box = dialog.confirm_box
    assert box is not None and mask_key(SPELLINGS[1]) in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert CardKey.get_by_id(copy).state == "faulty"
    assert not notice.isVisible()
    assert "The key is marked faulty." in dialog.keys_message.text()
    idle()  # the tab re-reads on the change
    assert not tab.duplicate_warning.isVisible()


def test_no_notice_without_a_copy_on_sale(qtbot: QtBot, shop: Shop) -> None:
    product_id, _first, copy = shop_with_a_key_twice(shop)
    CardKey.update(state="returned").where(CardKey.id == copy).execute()
    dialog = key_dialog(qtbot, shop, product_id, CardKeyDialog.KEYS_PAGE)
    assert not dialog.duplicates.isVisible()
    tab = open_tab(qtbot, shop)
    assert not tab.duplicate_warning.isVisible()
