"""A shop in a file notices a wrong PC clock by its newest record (QA s19a F1, F3).

A file shop goes by this PC's clock. With the clock a year ahead, genuine passes were refused
as expired and a sale made a voucher usable only a year later; with it put right (or behind),
the shop's own records were dated after "now". Nothing said so. Now the open compares this
PC's clock with the newest record: behind it by more than 10 minutes, or a month past it, is
told (the window's status bar, a command's stderr or JSON, the counter's date refusals).
Nothing stored changes. The PC's clock is set through ``dates.pc_clock``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD

from desktop_app.cli.frame import run_command
from desktop_app.cli.parser import build_parser
from desktop_app.core import (
    dates,
    file_clock,
    fulfilment,
    orders,
    products,
    redemption,
    voucher_lookup,
)
from desktop_app.core.store import Shop, create_shop, open_shop

A_YEAR = dt.timedelta(days=366)
CLOSE_ENOUGH = dt.timedelta(minutes=2)  # a slow test machine, not a wrong clock
real_now = dates.pc_clock


def set_clock(monkeypatch: pytest.MonkeyPatch, skew: dt.timedelta) -> None:
    monkeypatch.setattr(dates, "pc_clock", lambda: real_now() + skew)


def reopen(shop: Shop) -> Shop:
    """The shop closed and opened again (by the clock set now), as a new session does."""
    shop.close()
    return open_shop(shop.data_dir, OWNER, OWNER_PASSWORD)


def sell(shop: Shop) -> fulfilment.IssuedVoucher:
    sold = len(products.list_products(shop, include_archived=True))
    item = products.add_product(shop, f"Pass {sold + 1}", "99.00", uses=10, valid_days=365)
    return fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)]).id)[0]


def test_a_pc_clock_that_looks_right_is_not_questioned(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    sell(shop)
    for skew in (dt.timedelta(0), dt.timedelta(minutes=-5), dt.timedelta(days=20)):
        set_clock(monkeypatch, skew)  # minutes behind: clocks set by hand; 20 days: a holiday
        shop = reopen(shop)
        assert file_clock.suspicion() is None, skew
    shop.close()


def test_a_year_ahead_is_asked_for_the_whole_session(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    voucher = sell(shop)
    set_clock(monkeypatch, A_YEAR)
    ahead = reopen(shop)
    said = file_clock.suspicion()
    assert said is not None and abs(said + A_YEAR) < CLOSE_ENOUGH  # this PC ahead
    assert redemption.redeem(ahead, voucher.payload, "Counter").reason == "expired"
    assert redemption.redeem(ahead, sell(ahead).payload, "Counter").ok  # its own records
    file_clock.recheck(ahead.db.execute_sql)
    assert file_clock.suspicion() is not None  # still: they were made by this clock
    set_clock(monkeypatch, dt.timedelta(0))  # someone sets the date right meanwhile
    said = file_clock.recheck(ahead.db.execute_sql)
    assert said is not None and abs(said - A_YEAR) < CLOSE_ENOUGH  # now behind its records
    ahead.close()


def test_records_dated_after_this_pcs_clock_are_told_at_the_next_open(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """F1: a sale while the clock was a year ahead; then the clock is put right."""
    set_clock(monkeypatch, A_YEAR)
    ahead = reopen(shop)
    voucher = sell(ahead)
    set_clock(monkeypatch, dt.timedelta(0))
    right = reopen(ahead)
    said = file_clock.suspicion()
    assert said is not None and abs(said - A_YEAR) < CLOSE_ENOUGH
    assert redemption.redeem(right, voucher.payload, "Counter").reason == "not_yet_valid"
    right.close()


def test_half_an_hour_behind_the_newest_record_is_told(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    sell(shop)
    set_clock(monkeypatch, dt.timedelta(minutes=-30))
    behind = reopen(shop)
    said = file_clock.suspicion()
    assert said is not None and abs(said - dt.timedelta(minutes=30)) < CLOSE_ENOUGH
    behind.close()


def test_a_clock_set_back_brings_no_expired_pass_or_card_back(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s21a F3: a clerk set the PC's date back inside a pass's 30 days and redeemed it,
    dated inside its validity. Expiry is judged at the newest record's time while this PC is
    behind it: the pass and a card are refused as expired (a look-up says so too) and nothing
    is spent. A voucher still valid then is redeemed as before."""
    month = products.add_product(shop, "Month pass", "99.00", uses=10, valid_days=30)
    card = products.add_product(shop, "Card 100", "100", "giftcard", valid_days=30)
    year = products.add_product(shop, "Year pass", "99.00", uses=10, valid_days=365)
    order = orders.create_order(shop, [(month.id, 1), (card.id, 1), (year.id, 1)])
    month_pass, gift_card, year_pass = fulfilment.pay_order(shop, order.id)
    set_clock(monkeypatch, dt.timedelta(days=40))  # the pass and the card expired 10 days ago
    later = reopen(shop)
    assert redemption.redeem(later, year_pass.payload, "Counter").ok  # a record at day 40
    set_clock(monkeypatch, dt.timedelta(days=20))  # the clerk's date, inside the 30 days
    back = reopen(later)
    said = file_clock.suspicion()
    assert said is not None and abs(said - dt.timedelta(days=20)) < CLOSE_ENOUGH
    assert redemption.redeem(back, month_pass.payload, "Counter").reason == "expired"
    spent = redemption.redeem(back, gift_card.payload, "Counter", amount_cents=1000)
    assert (spent.reason, spent.balance) == ("expired", 10000)
    assert voucher_lookup.lookup(back, month_pass.payload).status == "expired"
    assert redemption.redeem(back, year_pass.payload, "Counter").ok
    set_clock(monkeypatch, dt.timedelta(days=20, minutes=-5))  # and minutes more: the same
    assert redemption.redeem(back, month_pass.payload, "Counter").reason == "expired"
    back.close()


def test_the_newest_record_is_read_from_an_index_and_the_newest_events(shop: Shop) -> None:
    """One cheap query: the attempts' maximum from their time index, and the last events by
    id (a bounded read), never the whole of either table."""
    plan = " ".join(str(row[3]) for row in shop.db.execute_sql(
        "EXPLAIN QUERY PLAN " + file_clock.NEWEST_QUERY).fetchall())
    assert "redemption_attempt USING COVERING INDEX" in plan
    assert "LIMIT 500" in file_clock.NEWEST_QUERY


def test_a_command_says_it_on_stderr_and_in_json(
        shop: Shop, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    """Said at each command's open while the shop's newest record is a month or more before
    this PC's date (a command that records something makes the next one find it newer)."""
    voucher = sell(shop)
    shop.close()
    set_clock(monkeypatch, A_YEAR)
    monkeypatch.setenv("SHOP_OPERATOR", OWNER)
    monkeypatch.setenv("SHOP_PASSWORD", OWNER_PASSWORD)

    def run(*argv: str) -> int:
        return run_command(build_parser(list(argv)).parse_args(list(argv)), Path(shop.data_dir))

    assert run("voucher", "show", voucher.code) == 0  # reads only
    assert ("Is this PC's date right? It is about 366 days after the shop's newest record."
            in capsys.readouterr().err)
    assert run("redeem", voucher.payload, "--station", "Counter", "--json") == 3
    said = json.loads(capsys.readouterr().out)
    assert said["reason"] == "expired"
    warning = said["clock_warning"]
    assert warning["newest_record_minus_pc_s"] == pytest.approx(-A_YEAR.total_seconds(),
                                                                abs=120)
    assert "Is this PC's date right?" in warning["message"]


def test_a_new_shop_is_not_measured_before_it_has_tables(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Creating a shop logged "the newest record's time could not be read" every time: the
    measure ran on the empty file, before the schema."""
    with caplog.at_level(logging.INFO, logger="desktop_app.core.file_clock"):
        create_shop(tmp_path / "new", "New", "CNY", OWNER, OWNER_PASSWORD).close()
    assert "could not be read" not in caplog.text
