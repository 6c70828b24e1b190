"""The Reports tab re-reads after changes only while it is seen, once per burst of changes,
behind the counter's work (QA s14a F8, F9: every scan re-ran the report on screen, seen or
not, and a long report held up the scans behind it: it now reads beside them, QA s20a F1);
the "This year" preset."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from counter_driver import sell
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.reports.report_loading import preset_range
from desktop_app.ui.reports.reports_tab import ReportsTab
from desktop_app.ui.reports.reread_when_seen import REREAD_PAUSE_MS

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def redeemed_today(tab: ReportsTab) -> int:
    return sum(int(row["redeemed"]) for row in tab.shown_rows())


def scan(shop: Shop, payload: str) -> None:
    """A redemption as the counter runs it: a task, which announces what it changed."""
    tasks.run_in_background(None, lambda: redemption.redeem(shop, payload, "Front"))
    idle()


def test_a_tab_not_seen_reads_nothing_until_it_is_shown(qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop, uses=5)
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    idle()
    assert tab.reads == 0 and tab.report is None  # made at login: no read yet
    for _ in range(3):
        scan(shop, voucher.payload)
    assert tab.reads == 0
    tab.show()
    idle()
    assert tab.reads == 1 and redeemed_today(tab) == 3
    tab.hide()
    scan(shop, voucher.payload)
    qtbot.wait(REREAD_PAUSE_MS + 200)
    idle()
    assert tab.reads == 1 and tab.follow.stale  # hidden: marked, not read
    tab.show()
    idle()
    assert tab.reads == 2 and redeemed_today(tab) == 4 and not tab.follow.stale


def test_a_burst_of_changes_on_screen_is_one_reread_after_it(qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop, uses=5)
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    idle()
    assert tab.reads == 1
    for _ in range(4):
        scan(shop, voucher.payload)
    assert tab.reads == 1 and redeemed_today(tab) == 0  # not one read per scan
    qtbot.waitUntil(lambda: tab.reads == 2, timeout=WAIT_MS)
    idle()
    assert redeemed_today(tab) == 4
    qtbot.wait(REREAD_PAUSE_MS + 200)
    idle()
    assert tab.reads == 2  # nothing changed since: no read more


def queued_reread(tab: ReportsTab) -> threading.Event:
    """The long reads' thread busy (a Verify) and the tab's re-read after a change queued
    behind it; set the event to let the thread go."""
    release = threading.Event()
    tasks.run_long_read(None, lambda: release.wait(WAIT_MS / 1000), tab.shop.db)
    tab.follow.changed()
    tab.follow.pause.timeout.emit()  # the burst is over
    assert tab.busy
    return release


def test_a_scan_started_after_a_reread_is_answered_before_it(qtbot: QtBot,
                                                              shop: Shop) -> None:
    """The re-read reads beside the scans (QA s20a F1), not before them."""
    voucher = sell(shop, uses=5)
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    idle()
    release = queued_reread(tab)
    tab_busy_at_the_verdict: list[bool] = []
    tasks.run_in_background(None, lambda: redemption.redeem(shop, voucher.payload, "Front"),
                            lambda _verdict: tab_busy_at_the_verdict.append(tab.busy))
    try:
        qtbot.waitUntil(lambda: bool(tab_busy_at_the_verdict), timeout=WAIT_MS)
    finally:
        release.set()
    idle()
    assert tab_busy_at_the_verdict == [True]  # the verdict came while the re-read waited
    assert redeemed_today(tab) == 1 and not tab.busy  # and the re-read saw the scan


def test_only_the_newest_read_shows(qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop, uses=5)
    assert redemption.redeem(shop, voucher.payload, "Front").ok
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    idle()
    release = queued_reread(tab)  # per day
    tab.by_box.setCurrentIndex(tab.by_box.findData("station"))  # then the owner asks another
    release.set()
    idle()
    assert tab.report is not None and tab.report.by == "station"  # not the older re-read's
    assert [(row["group"], row["redeemed"]) for row in tab.shown_rows()] == [("Front", 1)]
    assert not tab.busy


def test_this_year_runs_from_the_first_of_january() -> None:
    wednesday = dt.date(2026, 3, 18)
    assert preset_range("year", wednesday) == (dt.date(2026, 1, 1), wednesday)
    assert preset_range("year", dt.date(2027, 1, 1)) == (dt.date(2027, 1, 1),) * 2
