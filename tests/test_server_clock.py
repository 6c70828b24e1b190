"""Whose clock counts (QA s16a F2): on a server shop, the server's. A counter PC whose clock
is a day ahead records its redemptions at the server's time, does not refuse a valid voucher
as expired, stays in the owner's "Today", and is told its clock is off; a file shop, which
has no other clock, goes by this PC's as before.

The OS clock is not the test's to set: ``dates.pc_clock``, the one reading of this PC's clock
the shop's clock corrects, is put a day ahead. The test's PostgreSQL server runs on this PC,
so its clock is the right one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD, close_test_shop
from pytestqt.qtbot import QtBot

from desktop_app.cli.frame import run_command
from desktop_app.cli.parser import build_parser
from desktop_app.core import dates, fulfilment, orders, products, redemption, server_clock
from desktop_app.core.engine import ShopLocation
from desktop_app.core.models import RedemptionAttempt
from desktop_app.core.report_redemptions import redemptions_report
from desktop_app.core.server_watch import ServerWatch
from desktop_app.core.store import Shop

ON_SERVER = pytest.mark.parametrize("shop", ["server"], indirect=True)
ON_BOTH = pytest.mark.parametrize("shop", ["file", "server"], indirect=True)
A_DAY = dt.timedelta(days=1)
CLOSE_ENOUGH = dt.timedelta(minutes=1)  # a slow test machine, not a wrong clock


def real_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@pytest.fixture
def pc_a_day_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "pc_clock", lambda: real_now() + A_DAY)


def on_server(shop: Shop) -> bool:
    return bool(getattr(shop, "url", ""))


@pytest.fixture
def counter_pc(shop: Shop, pc_a_day_ahead: None) -> Iterator[Shop]:
    """The shop as the PC a day ahead opens it: a server shop logged in to again there (the
    open measures the clocks); the file shop as it is, having no other clock."""
    if not on_server(shop):
        yield shop
        return
    opened = ShopLocation(shop.data_dir, shop.url).open(OWNER, OWNER_PASSWORD)  # type: ignore[attr-defined]
    yield opened
    close_test_shop(opened)


def sell(shop: Shop, valid_until: dt.datetime | None = None) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, "Pass x2", "10.00", "service", uses=2,
                                valid_until=valid_until)
    order = orders.create_order(shop, [(item.id, 1)], "")
    return fulfilment.pay_order(shop, order.id, "cash")[0]


@ON_SERVER
def test_a_pc_a_day_ahead_goes_by_the_servers_clock(shop: Shop,
                                                    request: pytest.FixtureRequest) -> None:
    # Sold at a PC whose clock is right, valid until six hours from now: "expired" by the
    # wrong clock, not by the server's.
    voucher = sell(shop, valid_until=real_now() + dt.timedelta(hours=6))
    counter_pc: Shop = request.getfixturevalue("counter_pc")
    verdict = redemption.redeem(counter_pc, voucher.payload, "Counter 3")
    assert verdict.reason == "redeemed"
    recorded = RedemptionAttempt.get_by_id(verdict.attempt_id).created_at
    assert abs(recorded - real_now()) < CLOSE_ENOUGH  # the server's time, not tomorrow
    assert dates.local_today() == real_now().astimezone().date()  # the reports' "Today"
    today = redemptions_report(counter_pc, "station", dates.local_today(), dates.local_today())
    assert [(row["group"], row["redeemed"]) for row in today.rows] == [("Counter 3", 1)]
    off = server_clock.off_by()
    assert off is not None and abs(off + A_DAY) < CLOSE_ENOUGH  # the server is a day behind


def test_a_file_shop_goes_by_this_pcs_clock(shop: Shop, counter_pc: Shop) -> None:
    verdict = redemption.redeem(counter_pc, sell(counter_pc).payload, "Counter 3")
    recorded = RedemptionAttempt.get_by_id(verdict.attempt_id).created_at
    assert abs(recorded - (real_now() + A_DAY)) < CLOSE_ENOUGH  # no other clock to follow
    assert dates.clock_offset() == dt.timedelta(0) and server_clock.off_by() is None


@ON_SERVER
def test_closing_the_server_shop_leaves_this_pcs_clock(shop: Shop, counter_pc: Shop) -> None:
    assert server_clock.off_by() is not None
    counter_pc.close()
    assert dates.clock_offset() == dt.timedelta(0)  # the next shop, perhaps a file, starts so


@ON_SERVER
def test_the_server_watch_measures_the_clock_at_each_poll(shop: Shop, counter_pc: Shop) -> None:
    """The counter's watch re-reads the offset in the query it already ran (no new one)."""
    watch = ServerWatch(shop.url)  # type: ignore[attr-defined]
    try:
        result = watch.poll(0.1)
    finally:
        watch.close()
    assert result.reachable and result.clock_offset is not None
    assert abs(result.clock_offset + A_DAY) < CLOSE_ENOUGH


@ON_BOTH
def test_a_command_says_the_clock_is_off(shop: Shop, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``redeem`` at the PC a day ahead of the one that sold the voucher: redeemed, and told,
    in the JSON (on stderr without ``--json``); on a file, nothing to tell."""
    voucher = sell(shop, valid_until=None)  # sold at a PC whose clock is right
    monkeypatch.setattr(dates, "pc_clock", lambda: real_now() + A_DAY)
    monkeypatch.setenv("SHOP_OPERATOR", OWNER)
    monkeypatch.setenv("SHOP_PASSWORD", OWNER_PASSWORD)
    database = ["--database", shop.url] if on_server(shop) else []  # type: ignore[attr-defined]
    argv = [*database, "redeem", voucher.payload, "--station", "Counter 3", "--json"]
    data_dir = Path(shop.data_dir)
    if not on_server(shop):
        shop.close()  # one open of the folder at a time
    assert run_command(build_parser(argv).parse_args(argv), data_dir) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["reason"] == "redeemed"
    if not on_server(shop):
        assert "clock_warning" not in said
        return
    assert said["clock_warning"]["server_minus_pc_s"] == pytest.approx(-86400, abs=60)
    assert "ahead of the shop's server" in said["clock_warning"]["message"]
    argv.remove("--json")
    assert run_command(build_parser(argv).parse_args(argv), data_dir) == 0  # its second use
    assert "This PC's clock is about 24 hours ahead" in capsys.readouterr().err


@ON_BOTH
def test_the_window_says_the_clock_is_off(qtbot: QtBot, temp_settings: Path, shop: Shop,
                                          counter_pc: Shop) -> None:
    from counter_driver import Counter

    made = Counter(qtbot, counter_pc)
    try:
        status = made.window.clock_status
        if not on_server(shop):
            assert not status.isVisible()
            return
        assert status.isVisible()
        assert "This PC's clock is about 24 hours ahead of the shop's server" in status.text()
        assert "server's time" in status.toolTip()
    finally:
        made.close()


@ON_SERVER
def test_a_watch_left_running_is_stopped_and_the_clock_is_this_pcs(
        qtbot: QtBot, shop: Shop) -> None:
    """A watch its window never stopped went on measuring the server against whatever this
    process took for its own clock: a later test's frozen clock moved the shop's a month
    (CI). ``stop_every_watch`` ends every watch still running."""
    from PySide6.QtCore import QObject

    from desktop_app.ui.counter.server_status import stop_every_watch, watch_server

    owner = QObject()
    watcher = watch_server(shop, owner, lambda _reachable: None)
    assert watcher is not None and watcher._thread.is_alive()
    stop_every_watch()
    assert not watcher._thread.is_alive()
    stop_every_watch()  # again: nothing left, nothing raised
