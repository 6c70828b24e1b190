"""Backups after one session with this PC's clock a year ahead (QA s19a F2).

The last automatic backup was then dated a year ahead, and the daily check ("older than a
day?") found it young for a year: no daily backup was written. And the restore judged a
backup "newer" by the time it was made, so the real newest backup was told to give way to
the one stamped a year ahead, which holds less. The clock is set through ``dates.pc_clock``,
the one reading of this PC's clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from integrity_helpers import sell

from desktop_app.core import backup, dates, redemption, restore
from desktop_app.core.backup_format import read_header_only
from desktop_app.core.store import Shop
from tests.conftest import OWNER, OWNER_PASSWORD

A_YEAR = dt.timedelta(days=366)
real_now = dates.pc_clock


def set_clock(monkeypatch: pytest.MonkeyPatch, skew: dt.timedelta) -> None:
    monkeypatch.setattr(dates, "pc_clock", lambda: real_now() + skew)


def test_a_last_backup_dated_in_the_future_makes_the_daily_backup_due(
        shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_backup_settings(shop, str(usb), True)
    set_clock(monkeypatch, A_YEAR)
    ahead = backup.run_auto_backup(shop)  # closing the session with the clock ahead
    assert ahead is not None
    set_clock(monkeypatch, dt.timedelta(0))  # the clock put right: the next day's check
    written = backup.run_auto_backup(shop, older_than=backup.DAILY)
    assert written is not None and written != ahead
    last = backup.backup_status(shop).last_at
    assert last is not None and abs(last - real_now()) < dt.timedelta(minutes=1)
    assert backup.run_auto_backup(shop, older_than=backup.DAILY) is None  # not due again


def test_a_last_backup_a_few_minutes_ahead_is_still_recent(
        shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Clocks set by hand differ by minutes: that is no reason for a backup at every check."""
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_backup_settings(shop, str(usb), True)
    set_clock(monkeypatch, dt.timedelta(minutes=5))
    assert backup.run_auto_backup(shop) is not None
    set_clock(monkeypatch, dt.timedelta(0))
    assert backup.run_auto_backup(shop, older_than=backup.DAILY) is None


@pytest.fixture
def new_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    return tmp_path / "new-pc"


def told_newer(folder: Path, out: Path) -> str:
    """The newer backup a restore of ``out`` into ``folder`` names ("" for none)."""
    return restore.check_restore_and_loss(folder, out, OWNER, OWNER_PASSWORD)[1].backup.newer_file


def test_the_restore_judges_newer_by_history_not_by_the_clock_that_made_it(
        shop: Shop, tmp_path: Path, new_computer: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    voucher = sell(shop)[0]
    set_clock(monkeypatch, A_YEAR)
    ahead = backup.write_backup(shop, usb / backup.backup_name(shop.shop_id, dates.utc_now()))
    set_clock(monkeypatch, dt.timedelta(0))
    redemption.redeem(shop, voucher.payload, "Counter")  # only in the real newest backup
    newest = backup.write_backup(shop, usb / backup.backup_name(shop.shop_id, dates.utc_now()))
    glance_ahead, glance_newest = read_header_only(ahead), read_header_only(newest)
    assert glance_ahead is not None and glance_newest is not None
    assert glance_ahead.created_at > glance_newest.created_at  # stamped a year later
    assert glance_ahead.events is not None and glance_newest.events is not None
    assert glance_newest.events > glance_ahead.events  # but holds more

    assert told_newer(new_computer, newest) == ""  # was: "restore the 2027 one instead"
    assert told_newer(new_computer, ahead) == str(newest)
