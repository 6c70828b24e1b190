"""A shop whose database file is damaged in the middle (QA s19a F4, F5, F9): a page of the
voucher table overwritten, as a bad sector would. The shop still opens and lists products;
whatever reads the damaged page says "damaged, restore your latest backup" (not "unexpected
error, restart"), and the first such read, or the window's page check, holds the shop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD, close_test_shop
from pytestqt.qtbot import QtBot
from test_cli import run
from test_restore_carry import sold
from test_restore_damaged_current import damage_table

from desktop_app.core import backup, damage, orders, products
from desktop_app.core.errors import DatabaseCorrupt, IntegrityHold
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages import integrity_message
from desktop_app.ui import tasks
from desktop_app.ui.main_window import MainWindow

OWNER_ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}


@pytest.fixture
def damaged_dir(shop: Shop, shop_dir: Path) -> Path:
    """The shop with vouchers sold, closed, then its voucher table's first page damaged."""
    for _ in range(3):
        sold(shop)
    key = shop.database_key
    shop.close()
    damage_table(shop_dir, key, "voucher")
    return shop_dir


def test_a_backup_of_a_damaged_file_says_damaged_and_holds_the_shop(damaged_dir: Path,
                                                                     tmp_path: Path) -> None:
    with open_shop(damaged_dir, OWNER, OWNER_PASSWORD) as shop:
        assert len(products.list_products(shop)) == 3  # its pages are whole: it still works
        assert not shop.integrity_problems
        # Before: peewee's OperationalError ("malformed"), said as "unexpected error".
        with pytest.raises(DatabaseCorrupt) as caught:
            backup.write_backup(shop, tmp_path / "out.vsbackup")
        assert caught.value.params["detail"] == "database_malformed"
        assert not (tmp_path / "out.vsbackup").exists()
        assert shop.integrity_problems == [damage.DAMAGED_PROBLEM]  # QA s19a F4
        with pytest.raises(IntegrityHold) as held:  # no more sales into the damaged file
            orders.create_order(shop, [(1, 1)], "Kim")
        assert held.value.params["problem"] == "damaged"
        # Rows fetched after the statement (the driver's own error) are named as well.
        with pytest.raises(DatabaseCorrupt):
            shop.db.execute_sql("PRAGMA quick_check").fetchall()
    with open_shop(damaged_dir, OWNER, OWNER_PASSWORD) as again:  # the hold is kept
        assert again.integrity_problem == "damaged"


def test_the_page_check_finds_the_damage_before_anything_reads_it(damaged_dir: Path) -> None:
    with open_shop(damaged_dir, OWNER, OWNER_PASSWORD) as shop:
        assert damage.check_pages(shop)
        assert shop.integrity_problem == "damaged"


def test_the_command_line_says_damaged_and_verify_says_it_in_words(damaged_dir: Path,
                                                                    tmp_path: Path) -> None:
    result = run(damaged_dir, "backup", "--out", str(tmp_path / "out.vsbackup"), env=OWNER_ENV)
    # Before: "Unexpected error; details are in the log file." and a traceback in the log.
    assert result.returncode == 1
    assert "is damaged" in result.stderr and "Restore your latest backup" in result.stderr
    log = (damaged_dir / "logs" / "voucher-shop.log").read_text(encoding="utf-8")
    assert "crashed" not in log
    result = run(damaged_dir, "order", "create", "--item", "1:1", env=OWNER_ENV)
    assert result.returncode == 3
    assert "database file is damaged" in result.stderr and "restore FILE" in result.stderr
    result = run(damaged_dir, "verify", env=OWNER_ENV)
    assert result.returncode == 1
    assert "encryption check on 1 page(s)" in result.stdout
    for raw in ("HMAC", "database_malformed", "database: damaged", "audit_chain", "Tree "):
        assert raw not in result.stdout
    found = json.loads(run(damaged_dir, "verify", "--json", env=OWNER_ENV).stdout)["problems"]
    assert any(p.startswith("cipher_integrity: HMAC verification failed") for p in found)
    assert "database: damaged" in found


def test_many_lines_of_one_damage_are_one_line_each() -> None:
    from desktop_app.messages.verify_texts import verify_problem_lines  # new with the fix

    problems = ["database: damaged",
                *(f"cipher_integrity: HMAC verification failed for page {n}" for n in range(9)),
                *(f"integrity: Tree 15 page {n}: btreeInitPage() returns error code 11"
                  for n in range(300)),
                "audit_chain: database_malformed", "vouchers: database_malformed",
                "giftcards: database_locked"]
    lines = verify_problem_lines(problems)
    assert len(lines) == 5, lines
    assert "on 9 page(s) (0, 1, 2, 3, 4…)" in lines[1]
    assert "found 300 problem(s)" in lines[2]
    assert "the audit log; the vouchers' uses" in lines[3]
    assert "another program" in lines[4] and "gift cards' balances" in lines[4]
    assert not any("_" in line or "Tree" in line for line in lines)


@pytest.mark.usefixtures("temp_settings")
def test_the_window_shows_the_red_bar_and_back_up_now_says_damaged(
        qtbot: QtBot, damaged_dir: Path, tmp_path: Path) -> None:
    shop = open_shop(damaged_dir, OWNER, OWNER_PASSWORD)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    # Before: no bar at all until a scan or a payment failed (QA s19a F4).
    qtbot.waitUntil(window.integrity_banner.isVisible, timeout=10_000)
    assert window.integrity_banner.text() == integrity_message("damaged")
    assert "restore your latest backup" in window.integrity_banner.text()
    assert window.backups is not None  # Back up now, its file chosen:
    window.backups.write_to(tmp_path / "b.vsbackup")
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=30_000)
    box = window.notice_box
    assert box is not None
    assert "is damaged" in box.text() and "Restore your latest backup" in box.text()
    box.close()
    counter = window.redemption_tab()
    assert counter is not None
    counter.shutdown()
    window.hide()
    tasks.finish_long_reads()
    close_test_shop(shop)
