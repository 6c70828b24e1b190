"""A look-up on the counter follows what happens to its voucher elsewhere (QA s16a F3): another
counter's redemption or the owner's undo changed the uses left, and the clerk's look-up kept
saying "3 of 10 left · Can be redeemed" with the old history. It is read again, off the GUI
thread, when a change notice comes (a task of this app on a file shop; the server's NOTIFY
from another counter), once per burst of notices, without taking the focus from the scan
field, restarting the verdict's time, or touching a scan's verdict shown since."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from counter_driver import Counter, sell
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import redemption
from desktop_app.core.store import Shop
from desktop_app.core.voucher_lookup import VoucherInfo
from desktop_app.ui import tasks
from desktop_app.ui.counter.lookups import FOLLOW_DELAY_MS
from desktop_app.ui.counter.redemption_models import TONE_LOOKUP, TONE_OK

pytestmark = pytest.mark.usefixtures("counter_station")

WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def elsewhere(shop: Shop, fn: object) -> None:
    """A change made by another screen of this app (the Orders tab, the owner's list): a task,
    which announces what it changed, as every task does."""
    tasks.run_in_background(None, fn)  # type: ignore[arg-type]
    idle()


def look_up(qtbot: QtBot, counter: Counter, payload: str) -> None:
    tab = counter.tab
    tab.lookup_button.click()
    with qtbot.waitSignal(tab.looked_up, timeout=WAIT_MS):
        counter.type(payload, 4)
        counter.enter()
    idle()
    assert tab.verdict.tone == TONE_LOOKUP and tab.history_panel.isVisible()


def test_a_look_up_follows_a_redemption_and_an_undo_made_elsewhere(
        qtbot: QtBot, counter: Counter) -> None:
    shop, tab = counter.shop, counter.tab
    tab.verdict.clear_after_ms = 60_000
    voucher = sell(shop, uses=5)
    redemption.redeem(shop, voucher.payload, "Counter 2")
    look_up(qtbot, counter, voucher.payload)
    assert tab.verdict.headline.text() == "Look-up: 4 of 5 left"
    assert tab.history_panel.model.rowCount() == 1
    time_left = tab.verdict._timer.remainingTime()

    with qtbot.waitSignal(tab.lookups.refreshed, timeout=WAIT_MS):
        elsewhere(shop, lambda: redemption.redeem(shop, voucher.payload, "Counter 2", uses=2))
    assert tab.verdict.headline.text() == "Look-up: 2 of 5 left"
    assert tab.verdict.detail.text() == "Can be redeemed"
    assert tab.history_panel.model.rowCount() == 3  # a row for each use taken
    assert tab.history_panel.title.text().endswith(": 3 attempts")
    assert tab.scan_field.hasFocus()  # the next scan still goes where it always does
    assert tab.verdict.tone == TONE_LOOKUP  # the look-up's own colour, no other verdict
    assert 0 < tab.verdict._timer.remainingTime() <= time_left  # its time goes on, not anew

    last = redemption.redeem(shop, voucher.payload, "Counter 2").attempt_id  # not heard here
    assert last is not None
    with qtbot.waitSignal(tab.lookups.refreshed, timeout=WAIT_MS) as heard:
        elsewhere(shop, lambda: redemption.undo_redemption(shop, last, "wrong card", "Office"))
    info = heard.args[0]
    assert isinstance(info, VoucherInfo) and info.uses_left == 2
    assert tab.verdict.headline.text() == "Look-up: 2 of 5 left"
    assert [row.reason for row in info.history][-1] == "undone"


def test_a_used_up_voucher_says_so_on_the_look_up_at_once(qtbot: QtBot,
                                                          counter: Counter) -> None:
    shop, tab = counter.shop, counter.tab
    voucher = sell(shop, uses=1)
    look_up(qtbot, counter, voucher.payload)
    assert tab.verdict.detail.text() == "Can be redeemed"
    with qtbot.waitSignal(tab.lookups.refreshed, timeout=WAIT_MS):
        elsewhere(shop, lambda: redemption.redeem(shop, voucher.payload, "Counter 2"))
    assert tab.verdict.headline.text() == "Look-up: 0 of 1 left"
    assert tab.verdict.detail.text() != "Can be redeemed"


def test_a_burst_of_notices_is_one_or_two_reads_and_ends_on_the_latest(
        qtbot: QtBot, counter: Counter) -> None:
    shop, tab = counter.shop, counter.tab
    tab.verdict.clear_after_ms = 60_000
    voucher = sell(shop, uses=10)
    look_up(qtbot, counter, voucher.payload)
    for _ in range(6):
        elsewhere(shop, lambda: redemption.redeem(shop, voucher.payload, "Counter 2"))
    qtbot.waitUntil(lambda: tab.verdict.headline.text() == "Look-up: 4 of 10 left",
                    timeout=WAIT_MS)
    qtbot.wait(FOLLOW_DELAY_MS * 3)
    idle()
    assert 1 <= tab.lookups.reads <= 2, tab.lookups.reads  # not one read per notice
    assert tab.history_panel.model.rowCount() == 6


def test_a_notice_about_another_voucher_changes_nothing_shown(qtbot: QtBot,
                                                              counter: Counter) -> None:
    shop, tab = counter.shop, counter.tab
    mine, other = sell(shop, uses=3), sell(shop, uses=4)
    look_up(qtbot, counter, mine.payload)
    refreshed: list[object] = []
    tab.lookups.refreshed.connect(refreshed.append)
    elsewhere(shop, lambda: redemption.redeem(shop, other.payload, "Counter 2"))
    qtbot.wait(FOLLOW_DELAY_MS * 2)
    idle()
    assert tab.lookups.reads == 1 and refreshed == []  # read, found unchanged: left alone
    assert tab.verdict.headline.text() == "Look-up: 3 of 3 left"


def test_a_scans_verdict_shown_since_is_not_touched(qtbot: QtBot, counter: Counter) -> None:
    shop, tab = counter.shop, counter.tab
    looked, scanned = sell(shop, uses=3), sell(shop, uses=4)
    look_up(qtbot, counter, looked.payload)
    counter.clock.now += 1000
    verdict, _ = counter.scan(scanned.payload)
    assert verdict.reason == "redeemed" and tab.verdict.tone == TONE_OK
    headline = tab.verdict.headline.text()
    elsewhere(shop, lambda: redemption.redeem(shop, looked.payload, "Counter 2"))
    qtbot.wait(FOLLOW_DELAY_MS * 2)
    idle()
    assert tab.lookups.reads == 0  # no look-up on screen: nothing to read
    assert tab.verdict.tone == TONE_OK and tab.verdict.headline.text() == headline
    assert not tab.history_panel.isVisible()


@pytest.mark.parametrize("shop", ["server"], indirect=True)
def test_another_counters_redemption_reaches_the_look_up_through_the_server(
        qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    """Another counter PC (a process of its own: the command line) redeems the voucher
    looked up here; its NOTIFY reaches this counter, which reads the look-up again."""
    shop, tab = counter.shop, counter.tab
    tab.verdict.clear_after_ms = 0  # the look-up stays however slowly the other PC starts
    voucher = sell(shop, uses=10)
    for _ in range(7):
        redemption.redeem(shop, voucher.payload, "Counter 1")
    look_up(qtbot, counter, voucher.payload)
    assert tab.verdict.headline.text() == "Look-up: 3 of 10 left"
    with qtbot.waitSignal(tab.lookups.refreshed, timeout=60_000):
        done = run(tmp_path / "pc2", "--database", shop.url, "redeem", voucher.payload,
                   "--station", "Counter 2", "--json",
                   env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
        assert as_json(done)["reason"] == "redeemed", done.stdout
    assert tab.verdict.headline.text() == "Look-up: 2 of 10 left"
    assert tab.history_panel.model.rowCount() == 8
    assert tab.scan_field.hasFocus()
