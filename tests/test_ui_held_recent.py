"""The held window's "Recent at this station" after the server was put back to an older dump
(QA s13b N2): the list is read again from the server, and the redemptions the older copy
lacks stay in it, marked "not on the server now", so the owner comparing what the dump lost
can tell them from those the server still has. A real PostgreSQL server and pg_dump."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from integrity_helpers import sell
from pytestqt.qtbot import QtBot
from test_pg_live_rollback import _client as run_client
from test_pg_live_rollback import act, put_back_under_open_counters, take_dump_file

from desktop_app.core.engine import ShopLocation
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.ui.counter.redemption_models import RESULT
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("temp_settings")
WAIT_MS = 15_000


@pytest.fixture
def counter(pg_url: str, tmp_path: Path) -> Iterator[Shop]:
    location = ShopLocation(tmp_path / "pc", pg_url)
    location.create("Server shop", "CNY", OWNER, OWNER_PASSWORD).close()
    shop = location.open(OWNER, OWNER_PASSWORD)
    yield shop
    shop.close()


def redeem_at(qtbot: QtBot, tab: RedemptionTab, payload: str) -> Verdict:
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        tab.submit(payload, "scanner")
    verdict: Verdict = shown.args[0]
    return verdict


def results(tab: RedemptionTab) -> list[str]:
    model = tab.recent.model
    return [str(model.index(row, RESULT).data()) for row in range(model.rowCount())]


def recorded_results(tab: RedemptionTab, failed: list[str]) -> list[str]:
    """The list's results after its rows of failed scans, which start as ``failed`` say."""
    shown = results(tab)
    assert [text[:len(start)] for text, start in zip(shown, failed, strict=False)] == failed
    return shown[len(failed):]


# The window's other screens meet the connection the restore cut too: not this test's concern.
@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("how", ["connections_cut", "restored_into_the_live_database"])
def test_the_held_windows_list_marks_the_redemptions_the_server_no_longer_has(
        how: str, qtbot: QtBot, pg_server: object, pg_url: str, counter: Shop,
        tmp_path: Path) -> None:
    payloads = [v.payload for v in sell(act(counter), 3)]
    window = MainWindow(counter)
    qtbot.addWidget(window)
    window.show()
    tab = window.redemption_tab()
    assert tab is not None
    assert redeem_at(qtbot, tab, payloads[0]).ok  # kept by the dump
    dump = take_dump_file(pg_server, pg_url, tmp_path)
    assert redeem_at(qtbot, tab, payloads[1]).ok  # lost by it
    qtbot.waitUntil(lambda: len(results(tab)) == 2, timeout=WAIT_MS)

    if how == "connections_cut":  # found as the counter connects again
        put_back_under_open_counters(pg_server, pg_url, dump)
    else:  # no connection breaks: found at the next scan, which is refused
        run_client(pg_server, pg_url, "pg_restore", "--clean", "--if-exists",
                   "--single-transaction", str(dump))
        tab.submit(payloads[2], "scanner")
    qtbot.waitUntil(window.integrity_banner.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "not on the server" in " ".join(results(tab)), timeout=WAIT_MS)
    # The scan refused by the hold is listed too, first: it failed (QA s19a F11).
    refused = ["Not redeemed — failed: "] if how != "connections_cut" else []
    *_, lost, kept = tab.recent.model.rows()
    assert recorded_results(tab, refused) == ["Redeemed · not on the server now", "Redeemed"]
    assert tab.recent.model.is_gone(lost) and not tab.recent.model.is_gone(kept)
    gone_row = len(refused)
    assert "pg_dump" in str(tab.recent.model.index(gone_row, RESULT).data(3))  # the tooltip
    assert not tab.recent.can_undo(lost)  # nothing to undo on the server
    tab.recent.refresh()  # read again: still there, still marked
    qtbot.wait(1000)
    assert recorded_results(tab, refused) == ["Redeemed · not on the server now", "Redeemed"]
    window.close()
