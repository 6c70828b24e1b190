"""QA s20a F1: a voucher scanned while the owner's report loaded waited for the whole report
(6-7.5 s on a shop of three years): the report ran on the one worker thread that also runs the
counter's scans. Reports only read: they now load on the long reads' thread, on a connection
of their own (on a server too), and a scan's verdict comes while a report is still loading.
After 5 s of waiting the counter said "another program may be using" the shop file when it was
the app's own work: it says so only while its scan itself waits on the database."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from counter_driver import WAIT_MS, Counter, sell
from pytestqt.qtbot import QtBot
from test_ui_counter_double_and_failed import FileHolder

from desktop_app.core import dialect
from desktop_app.core.store import Shop
from desktop_app.scanning.keystrokes import KEYBOARD
from desktop_app.ui import tasks
from desktop_app.ui.reports.reports_tab import ReportsTab

SHOP_ENGINES = ("file", "server")
pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


class HeldReads:
    """The long reads' thread held by a real read of the shop that lasts until ``release``
    (Verify, or a backup's copy, of a shop of some years): a report asked meanwhile is
    still loading for as long as the test wants."""

    def __init__(self, shop: Shop) -> None:
        self.reading, self.gate = threading.Event(), threading.Event()

        def long_read() -> None:
            shop.db.execute_sql("SELECT count(*) FROM redemption_attempt").fetchone()
            self.reading.set()
            assert self.gate.wait(WAIT_MS / 1000)

        tasks.run_long_read(None, long_read, shop.db)
        assert self.reading.wait(WAIT_MS / 1000)

    def release(self) -> None:
        self.gate.set()


@contextlib.contextmanager
def held_reads(shop: Shop) -> Iterator[HeldReads]:
    held = HeldReads(shop)
    try:
        yield held
    finally:
        held.release()  # never leave the thread waiting, whatever failed


def reports_tab(counter: Counter) -> ReportsTab:
    tabs = counter.window.tabs
    return next(tab for tab in map(tabs.widget, range(tabs.count()))
                if isinstance(tab, ReportsTab))


def test_a_scan_gets_its_verdict_while_the_owners_report_loads(
        qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    tab = reports_tab(counter)
    with held_reads(shop):
        tab.by_box.setCurrentIndex(tab.by_box.findData("station"))  # the owner asks
        assert tab.busy

        verdict, _ = counter.submit(voucher.code)  # held until the report was read, before

        assert verdict.reason == "redeemed"
        assert tab.busy and tab.report is None  # the report is still loading
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    assert tab.report is not None and tab.report.by == "station"
    assert [(row["group"], row["redeemed"]) for row in tab.shown_rows()] == [("Counter 1", 1)]
    counter.close()


def test_only_the_newest_report_asked_shows(qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    assert counter.submit(voucher.code)[0].reason == "redeemed"
    tab = reports_tab(counter)
    with held_reads(shop):
        tab.refresh()  # by day, waiting behind the long read
        tab.by_box.setCurrentIndex(tab.by_box.findData("operator"))
        tab.by_box.setCurrentIndex(tab.by_box.findData("station"))
    tasks.wait_until_idle()
    assert tab.report is not None and tab.report.by == "station" and not tab.busy
    assert [(row["group"], row["redeemed"]) for row in tab.shown_rows()] == [("Counter 1", 1)]
    counter.close()


def still_waiting_note(counter: Counter) -> str:
    counter.tab._late_timer.timeout.emit()  # 5 s later
    return counter.tab.verdict.busy_note


def test_a_scan_behind_the_apps_own_work_does_not_blame_another_program(
        qtbot: QtBot, shop: Shop) -> None:
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    release = threading.Event()
    tasks.run_in_background(None, lambda: release.wait(WAIT_MS / 1000))  # an owner's task
    try:
        with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
            counter.tab.submit(voucher.code, KEYBOARD)
            note = still_waiting_note(counter)
            release.set()
    finally:
        release.set()
    assert note == ("Still waiting: this app is finishing other work on the shop first. "
                    "Do not hand anything over until it answers.")
    assert shown.args[0].reason == "redeemed"
    counter.close()


def test_a_scan_waiting_on_the_files_lock_names_another_program(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    if dialect.is_server(shop.db):
        pytest.skip("a server shop's lock is the server's: its own words")
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    other = FileHolder(shop_dir)
    try:
        other.hold()  # a second copy of the app writing
        with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
            counter.tab.submit(voucher.code, KEYBOARD)
            qtbot.waitUntil(lambda: tasks.worker_runs_for(counter.tab), timeout=WAIT_MS)
            note = still_waiting_note(counter)
            other.release()
    finally:
        other.close()
    assert "another program may be using it" in note
    assert shown.args[0].reason == "redeemed"
    counter.close()
