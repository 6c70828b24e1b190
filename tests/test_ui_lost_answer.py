"""The counter's words when a scan's answer is lost (QA s13a F2/F10/M1/M4), and a gift card
that waited for its amount (F8): never "Not redeemed" for what may have been redeemed,
nothing spent from a card no longer in hand."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import OWNER, OWNER_PASSWORD
from counter_driver import WAIT_MS, Counter, sell
from lost_commit_helpers import allow_connections, commit_answers_withheld, cut_the_waiting_commit
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ServerUnreachable
from desktop_app.core.models import GiftCardEntry, Voucher
from desktop_app.core.store import Shop
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import TONE_ATTENTION, TONE_READY
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.counter.verdict_panel import UNCERTAIN
from desktop_app.ui.shop_session import close_shop

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


def sell_card(shop: Shop, value: str = "100") -> fulfilment.IssuedVoucher:
    item = next((p for p in products.list_products(shop) if p.name == "Gift card"), None)
    item = item or products.add_product(shop, "Gift card", value, "giftcard")
    return fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)]).id)[0]


def tab_of(counter: Counter) -> RedemptionTab:
    """The driver's tab, as its type (the driver finds it among the window's widgets)."""
    tab = counter.tab
    assert isinstance(tab, RedemptionTab)
    return tab


def balance(card: fulfilment.IssuedVoucher) -> int:
    return int(Voucher.get_by_id(card.id).balance_cents)


def test_a_card_waiting_for_its_amount_is_forgotten_when_its_verdict_goes(
        counter: Counter, qtbot: QtBot) -> None:
    """F8: customer 1's card asked for its amount, he left; the screen went back to "Ready
    to scan"; the next customer's amount + Enter must not be spent from his card."""
    tab = tab_of(counter)
    tab.verdict.clear_after_ms = 300
    first, second = sell_card(counter.shop), sell_card(counter.shop)
    asked, _ = counter.submit(first.payload, SCANNER)
    assert asked.reason == "amount_required"
    assert first.code in tab.verdict.note.text()  # the big area names the card that waits
    assert tab.amount_panel.pending_text == first.payload
    qtbot.waitUntil(lambda: tab.verdict.tone == TONE_READY, timeout=WAIT_MS)
    assert tab.amount_panel.pending_text == "" and tab.amount_panel.balance.text() == ""
    field = tab.amount_panel.field
    field.setFocus()
    QTest.keyClicks(field, "5")
    QTest.keyClick(field, Qt.Key.Key_Return)  # customer 2's amount, typed first
    tasks.wait_until_idle()
    assert balance(first) == 10000  # nothing spent from the card no longer in hand
    assert tab.amount_panel.prompt.text() == "Now scan the gift card."
    spent, _ = counter.submit(second.payload, SCANNER)
    assert spent.reason == "redeemed" and balance(second) == 9500 and balance(first) == 10000


def test_another_scan_forgets_the_card_waiting_for_its_amount(counter: Counter,
                                                              qtbot: QtBot) -> None:
    """Even one that gets no verdict (here: the shop is held), and M1: a failure takes the
    balance of an earlier card away too."""
    card, coffee = sell_card(counter.shop), sell(counter.shop)
    counter.submit(card.payload, SCANNER)
    panel = tab_of(counter).amount_panel
    assert panel.pending_text == card.payload and panel.balance.text() == "Balance ¥100.00"
    counter.shop.integrity_problem = "rolled_back"
    tab_of(counter).submit(coffee.payload, SCANNER)
    qtbot.waitUntil(lambda: tab_of(counter).verdict.headline.text() == "Not redeemed",
                    timeout=WAIT_MS)
    counter.shop.integrity_problem = None
    assert panel.pending_text == "" and panel.balance.text() == ""
    tab_of(counter).amount_panel.field.setText("7")
    tab_of(counter).amount_panel.field.returnPressed.emit()
    tasks.wait_until_idle()
    assert balance(card) == 10000


def _after_reconnecting(read: Callable[[], Any]) -> Any:
    """A read on this (the test's) thread, whose connection the server ended as well."""
    with contextlib.suppress(ServerUnreachable):
        return read()
    return read()


@pytest.fixture
def server_counter(qtbot: QtBot, shop_dir: Path, pg_url: str) -> Iterator[Counter]:
    shop = ShopLocation(shop_dir, pg_url).create("Server", "CNY", OWNER, OWNER_PASSWORD)
    made = Counter(qtbot, shop)
    tab_of(made).counter.settle_wait_s = 0.5
    yield made
    made.close()
    close_shop(shop)


def test_a_lost_spend_answer_is_not_certain_then_the_counter_finds_it_out(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """F10/F2/M1: the COMMIT reached the server, its answer did not come back, and the server
    stayed away for the wait: "Not certain — check before charging again", the amount and
    the old balance cleared (no second charge by a re-scan); once the server answers, the
    same counter shows that the spend went through, and the list has it."""
    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    shop = server_counter.shop
    card = sell_card(shop)
    tab.amount_panel.field.setText("30")
    assert server_counter.submit(card.payload, SCANNER)[0].balance == 7000
    assert tab.amount_panel.balance.text() == "Balance ¥70.00"
    tab.amount_panel.field.setText("20")
    with commit_answers_withheld(pg_server):
        tab.submit(card.payload, SCANNER)
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: tab.verdict.reason == UNCERTAIN, timeout=WAIT_MS)
        assert tab.verdict.tone == TONE_ATTENTION
        assert tab.verdict.headline.text() == "Not certain — check before charging again"
        assert "not certain whether it was redeemed" in tab.verdict.detail.text()
        assert card.code in tab.verdict.detail.text()
        assert "never taken twice" not in tab.verdict.detail.text()
        panel = tab.amount_panel
        assert panel.field.text() == "" and panel.pending_text == ""
        assert panel.balance.text() == ""  # M1: the earlier balance is not this verdict's
        assert "Now scan the gift card" not in panel.prompt.text()
        allow_connections(pg_server, database)
    qtbot.waitUntil(lambda: tab.verdict.reason == "redeemed", timeout=WAIT_MS)
    assert "Your earlier scan" in tab.verdict.note.text()
    assert tab.verdict.detail.text() == "Spent ¥20.00 · balance left ¥50.00"
    assert tab.amount_panel.balance.text() == "Balance ¥50.00"
    assert not tab.counter.lost
    tasks.wait_until_idle()
    assert tab.recent.model.rows()[0].spent_cents == 2000
    assert _after_reconnecting(lambda: GiftCardEntry.select().where(
        GiftCardEntry.kind == "spend").count()) == 2


def test_a_lost_answer_the_server_gives_at_once_is_the_verdict(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """F2 as QA cut it: the connection ends while the COMMIT waits; the server is there, so
    the counter shows "Redeemed" (it was), and a re-scan is refused as already redeemed."""
    tab = tab_of(server_counter)
    coffee = sell(server_counter.shop)
    with commit_answers_withheld(pg_server), qtbot.waitSignal(tab.verdict_shown,
                                                              timeout=WAIT_MS) as shown:
        tab.submit(coffee.payload, KEYBOARD)
        cut_the_waiting_commit(pg_server, pg_url.rsplit("/", 1)[1])
    assert shown.args[0].reason == "redeemed" and tab.verdict.headline.text() != "Not redeemed"
    assert [row.reason for row in tab.recent.model.rows()] == ["redeemed"]
    tab.counter.window_s = 0  # the cashier scans again later: not a double read
    again, _ = server_counter.submit(coffee.payload, SCANNER)
    assert again.reason == "already_redeemed"


def test_a_lost_undo_answer_says_not_certain_and_the_list_follows(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """M4: the undo's answer lost and the server away: the undo panel says it is not certain
    (no voucher sentence); when the server is back, the list shows the undo."""
    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    coffee = sell(server_counter.shop, uses=3)
    redeemed, _ = server_counter.submit(coffee.payload, SCANNER)
    recent = tab.recent
    assert redeemed.attempt_id is not None and recent.select_attempt(redeemed.attempt_id)
    recent.undo_button.click()
    recent.undo_panel.note.setText("changed mind")
    with commit_answers_withheld(pg_server):
        recent.undo_panel.confirm.click()
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: "not certain" in recent.undo_panel.message.text(),
                        timeout=WAIT_MS)
        assert "whether it was undone" in recent.undo_panel.message.text()
        assert "never taken twice" not in recent.undo_panel.message.text()
        allow_connections(pg_server, database)
    qtbot.waitUntil(lambda: any(row.reason == "undone" for row in recent.model.rows()),
                    timeout=WAIT_MS)
    assert _after_reconnecting(lambda: Voucher.get_by_id(coffee.id).uses_left) == 3


def test_a_rescan_while_the_server_is_away_stays_not_certain_and_the_answer_stays_on_screen(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """QA s13b N1: the cashier, unsure, scans the card again while the server is away: still
    "Not certain" (never "Not redeemed", which clears itself); once found saved, "your earlier
    scan went through" stays until the next scan, and that next scan takes nothing more."""
    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    tab.verdict.clear_after_ms = 300
    card = sell_card(server_counter.shop)
    tab.amount_panel.field.setText("20")
    with commit_answers_withheld(pg_server):
        tab.submit(card.payload, SCANNER)
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: tab.verdict.reason == UNCERTAIN, timeout=WAIT_MS)
        assert tab.server_watcher is not None
        tab.server_watcher.reachable = False  # as the watch finds it: the server is away
        tab.set_server_reachable(False)
        tab.submit(card.payload, SCANNER)  # not tried
        assert tab.verdict.reason == UNCERTAIN
        assert tab.verdict.headline.text() == "Not certain — check before charging again"
        qtbot.wait(600)
        assert tab.verdict.reason == UNCERTAIN  # it does not clear itself
        allow_connections(pg_server, database)
        tab.server_watcher.reachable = True
        tab.set_server_reachable(True)
    qtbot.waitUntil(lambda: tab.verdict.reason == "redeemed", timeout=WAIT_MS)
    assert "Your earlier scan" in tab.verdict.note.text()
    qtbot.wait(600)
    assert tab.verdict.reason == "redeemed" and "Your earlier scan" in tab.verdict.note.text()
    tab.amount_panel.field.setText("20")
    again, _ = server_counter.submit(card.payload, SCANNER)  # once more, unsure
    assert again.balance == 8000 and "Your earlier scan" in tab.verdict.note.text()
    assert _after_reconnecting(lambda: balance(card)) == 8000  # charged once


def test_a_double_read_just_after_the_server_went_repeats_the_green(
        server_counter: Counter, qtbot: QtBot, pg_server: Any) -> None:
    """QA s39b F18: a pass redeemed, the server stopped 0.8 s later, the scanner's double read
    turned the green into "Not redeemed … nothing was redeemed … scan the voucher again", and
    the re-scan once the server was back took a second use. Before the watch noticed (the
    repeat's own read fails) and after it (nothing is asked), the green is repeated."""
    tab = tab_of(server_counter)
    wash = sell(server_counter.shop, uses=5)
    first, repeated = server_counter.submit(wash.payload, SCANNER)
    assert first.reason == "redeemed" and not repeated
    pg_server.halt()
    try:
        again, repeated = server_counter.submit(wash.payload, SCANNER)
        assert again.reason == "redeemed" and repeated and again.uses_left == 4
        assert tab.verdict.headline.text() != "Not redeemed"
        assert tab.server_watcher is not None
        tab.server_watcher.reachable = False  # as the watch finds it: the server is away
        tab.set_server_reachable(False)
        once_more, repeated = server_counter.submit(wash.payload, SCANNER)
        assert once_more.reason == "redeemed" and repeated and once_more.uses_left == 4
    finally:
        pg_server.restart()
    tab.server_watcher.reachable = True
    tab.set_server_reachable(True)
    assert _after_reconnecting(lambda: Voucher.get_by_id(wash.id).uses_left) == 4


def test_closing_while_a_scan_is_not_certain_asks_first(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """QA s39b F17: the counter closed at once, its protection lost; after the restart the
    re-scan took a second use. Closing asks first, naming the voucher; kept open, the counter
    goes on; told to close anyway, it closes."""
    from PySide6.QtWidgets import QMessageBox

    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    window = server_counter.window

    def question() -> QMessageBox:
        window.close()
        (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        assert window.isVisible()
        return box

    wash = sell(server_counter.shop, uses=5)
    with commit_answers_withheld(pg_server):
        tab.submit(wash.payload, SCANNER)
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: tab.verdict.reason == UNCERTAIN, timeout=WAIT_MS)
        box = question()
        assert wash.code in box.text() and "not said yet" in box.text()
        next(b for b in box.buttons() if b.text() == "Keep it open").click()
        assert window.isVisible() and tab.verdict.reason == UNCERTAIN
        box = question()
        next(b for b in box.buttons() if b.text() == "Close anyway").click()
        assert not window.isVisible()
        allow_connections(pg_server, database)


def test_a_pass_not_certain_is_told_as_a_pass_under_a_line_that_says_what_is_refused(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """QA s39b F6/F7: a pass's "Not certain" said a gift card's amount was cleared (none was
    typed), under a red line "nothing was redeemed" read as said of that scan."""
    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    wash = sell(server_counter.shop, uses=5)
    with commit_answers_withheld(pg_server):
        tab.submit(wash.payload, SCANNER)
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: tab.verdict.reason == UNCERTAIN, timeout=WAIT_MS)
        assert tab.verdict.headline.text() == "Not certain — check before handing over"
        assert "amount was cleared" not in tab.amount_panel.prompt.text()
        assert tab.server_watcher is not None
        tab.server_watcher.reachable = False
        tab.set_server_reachable(False)
        line = tab.server_message.text()
        assert "scans are refused until it is back" in line and "nothing was redeemed" not in line
        assert tab.verdict.reason == UNCERTAIN
        allow_connections(pg_server, database)
        tab.server_watcher.reachable = True
        tab.set_server_reachable(True)
    qtbot.waitUntil(lambda: tab.verdict.reason == "redeemed", timeout=WAIT_MS)
    assert tab.server_message.text() == ""
    from desktop_app.core.pending_scans import PENDING_FILE  # found out: the note goes

    assert not (server_counter.shop.data_dir / PENDING_FILE).exists()


def test_a_rescan_after_the_app_was_started_again_takes_nothing_more(
        server_counter: Counter, qtbot: QtBot, pg_server: Any, pg_url: str) -> None:
    """QA s39b F17: closed while "Not certain" and started again after the outage, the
    counter knew nothing of the scan: the re-scan took a second use. The scan is noted in
    this PC's folder; the next scan of that voucher here asks the server about it first."""
    tab, database = tab_of(server_counter), pg_url.rsplit("/", 1)[1]
    shop = server_counter.shop
    wash = sell(shop, uses=5)
    with commit_answers_withheld(pg_server):
        tab.submit(wash.payload, SCANNER)
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        qtbot.waitUntil(lambda: tab.verdict.reason == UNCERTAIN, timeout=WAIT_MS)
        server_counter.window.closing_anyway = True  # as "Close anyway" does
        server_counter.close()
        allow_connections(pg_server, database)
    started_again = Counter(qtbot, shop)  # a new window, a new counter: nothing in memory
    try:
        again, repeated = started_again.submit(wash.payload, SCANNER)
        assert again.reason == "redeemed" and not repeated and again.uses_left == 4
        assert "Your earlier scan" in tab_of(started_again).verdict.note.text()
        once_more, _ = started_again.submit(wash.payload, SCANNER)  # a deliberate second use
        assert once_more.uses_left in (4, 3)  # a double read within 3 s repeats; else redeems
    finally:
        started_again.close()
    assert _after_reconnecting(lambda: Voucher.get_by_id(wash.id).uses_left) in (4, 3)


def test_a_scan_refused_while_the_server_seemed_away_asks_it_again_at_once(
        server_counter: Counter, qtbot: QtBot, pg_server: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s39b F1: a scan a second after the server was back was still refused, the watch
    waiting for its next try. The refused scan wakes it: the next scan goes through."""
    from desktop_app.ui.counter import server_status

    monkeypatch.setattr(server_status, "RETRY_S", 60.0)  # its own retry: far off
    tab = tab_of(server_counter)
    watcher = tab.server_watcher
    assert watcher is not None
    wash = sell(server_counter.shop, uses=5)
    pg_server.halt()
    try:
        qtbot.waitUntil(lambda: not watcher.reachable, timeout=WAIT_MS)
    finally:
        pg_server.restart()
    tab.submit(wash.payload, SCANNER)  # refused: the server still seems away
    assert tab.verdict.headline.text() == "Not redeemed"
    qtbot.waitUntil(lambda: watcher.reachable, timeout=WAIT_MS)  # asked again at once
    verdict, _ = server_counter.submit(wash.payload, SCANNER)
    assert verdict.reason == "redeemed"
