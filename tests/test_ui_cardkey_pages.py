"""The card keys dialog on a product of thousands of keys (QA s14a F7): counted and read a page
at a time by the database on the worker thread, newest first, more on scrolling; a search field
finds the key a customer reads out on the phone, or an order's keys, shown masked."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.inventory.cardkey_dialog import SEARCH_PAUSE_MS, CardKeyDialog

pytestmark = pytest.mark.usefixtures("temp_settings")

KEYS = 2500
WAIT_MS = 15_000


def key_text(number: int) -> str:
    return f"STEAM-{number:05d}-SECRETPART-{number:05d}Q"


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


@pytest.fixture
def dialog(qtbot: QtBot, shop: Shop) -> CardKeyDialog:
    game = products.add_product(shop, "Steam card", "100.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "\n".join(key_text(i) for i in range(KEYS)))
    order = orders.create_order(shop, [(game.id, 2)])
    fulfilment.pay_order(shop, order.id)
    opened = CardKeyDialog(shop, products.product_detail(shop, game.id))
    qtbot.addWidget(opened)
    opened.show()
    idle()
    return opened


def shown_keys(dialog: CardKeyDialog) -> list[str]:
    return [dialog.model.row_at(row).masked for row in range(dialog.model.rowCount())]


def test_the_newest_page_first_then_more_on_scrolling(qtbot: QtBot,
                                                      dialog: CardKeyDialog) -> None:
    assert dialog.summary.text() == "2,498 unsold · 2 sold · 0 returned · 0 faulty"
    assert dialog.model.rowCount() == cardkeys.KEY_PAGE
    assert shown_keys(dialog)[0] == mask_key(key_text(KEYS - 1))
    assert "The newest 200 of 2,500 shown" in dialog.list_note.text()
    dialog.table.scrollToBottom()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > cardkeys.KEY_PAGE, timeout=WAIT_MS)
    idle()
    ids = [dialog.model.row_at(row).id for row in range(dialog.model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    assert "of 2,500 shown" in dialog.list_note.text()
    dialog.state_filter.setCurrentIndex(dialog.state_filter.findData("sold"))
    idle()
    assert [dialog.model.row_at(row).state for row in range(2)] == ["sold", "sold"]
    assert dialog.model.rowCount() == 2 and dialog.list_note.text() == ""
    dialog.state_filter.setCurrentIndex(dialog.state_filter.findData("faulty"))
    idle()
    assert dialog.model.rowCount() == 0
    assert dialog.empty.label.text() == "No key in this state."


def test_a_key_is_found_by_what_the_customer_reads_out(qtbot: QtBot,
                                                       dialog: CardKeyDialog) -> None:
    reads = dialog.reading
    QTest.keyClicks(dialog.search, "01234q")  # the end of STEAM-01234-SECRETPART-01234Q
    assert dialog.reading == reads  # typing is not a read per key
    qtbot.wait(SEARCH_PAUSE_MS + 100)
    idle()
    assert dialog.reading == reads + 1
    # The list shows "STEAM-…234Q": its last 4 are found, any further back is not shown.
    assert shown_keys(dialog) == []
    assert "No key found" in dialog.empty.label.text() and dialog.empty.label.isVisible()
    dialog.search.setText("234q")
    dialog.search.returnPressed.emit()
    idle()
    assert shown_keys(dialog) == [mask_key(key_text(n)) for n in (2234, 1234, 234)]
    assert dialog.list_note.text() == "Keys found: 3"
    dialog.search.setText("steam01234secretpart01234q")  # the whole key, as read out
    dialog.search.returnPressed.emit()
    idle()
    assert shown_keys(dialog) == [mask_key(key_text(1234))]
    dialog.search.setText("SECRETPART")  # what the list hides finds nothing
    dialog.search.returnPressed.emit()
    idle()
    assert shown_keys(dialog) == []
    dialog.search.setText("#1")  # the order's keys
    dialog.search.returnPressed.emit()
    idle()
    assert [row.state for row in (dialog.model.row_at(0), dialog.model.row_at(1))] == [
        "sold", "sold"] and dialog.model.rowCount() == 2
    dialog.search.setText("steam")
    dialog.search.returnPressed.emit()
    idle()
    assert dialog.model.rowCount() == cardkeys.FOUND_AT_MOST
    assert "type more of the key" in dialog.list_note.text()
    assert not dialog.model.canFetchMore()
    dialog.search.clear()
    dialog.search.returnPressed.emit()
    idle()
    assert dialog.model.rowCount() == cardkeys.KEY_PAGE
