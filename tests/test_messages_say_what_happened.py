"""Messages that said the wrong thing (QA s10b F5): a wrong recovery key is not a password
with Caps Lock on, a server shop is restored with pg_restore and exists on a server, a field
is named in words, a text that names no voucher says what it is, and a report's row of
attempts without a voucher has a name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import as_json, run

from desktop_app.cli.report_commands import _report_lines, file_words
from desktop_app.core import auth, keyslots, redemption, report_files, report_tables, store
from desktop_app.core.errors import (
    InvalidInput,
    NotFound,
    ServerBackupElsewhere,
    ShopExists,
    WrongPassword,
)
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.reports.report_models import cell_text

NO_VOUCHER = "Mistyped or not this shop's voucher"


def test_a_wrong_recovery_key_is_said_to_be_the_key(tmp_path: Path) -> None:
    store.create_shop(tmp_path / "shop", "Shop", "CNY", OWNER, OWNER_PASSWORD).close()
    with pytest.raises(WrongPassword) as wrong:
        auth.recover_owner(tmp_path / "shop", OWNER, keyslots.new_recovery_key(), "new-pass-123")
    assert wrong.value.code == "wrong_password"  # the code scripts read stays
    said = error_message(wrong.value)
    assert "recovery key" in said and "Caps Lock" not in said
    assert "Caps Lock" in error_message(WrongPassword())  # a password's message is unchanged


def test_server_messages_say_server_words() -> None:
    restore = error_message(ServerBackupElsewhere(action="restore"))
    assert "pg_restore" in restore and "pg_dump" not in restore
    assert "pg_dump" in error_message(ServerBackupElsewhere())
    exists = error_message(ShopExists(path="postgresql://shop@db.example:5432/shop"))
    assert "on the server db.example:5432/shop" in exists and "folder" not in exists
    assert "folder /tmp/x" in error_message(ShopExists(path="/tmp/x"))


def test_fields_are_named_in_words(tmp_path: Path) -> None:
    assert error_message(InvalidInput(field="reason", problem="required")) == "Reason: Required."
    decoded = run(tmp_path, "decode", str(tmp_path / "missing.png"))
    assert decoded.returncode == 1
    assert decoded.stderr.strip() == f"Image: The file {tmp_path / 'missing.png'} cannot be read."


def test_a_text_that_names_no_voucher_says_what_it_is(tmp_path: Path) -> None:
    assert "not issued by this shop" in error_message(NotFound(what="voucher", reason="wrong_shop"))
    assert "not made by this shop" in error_message(
        NotFound(what="voucher", reason="invalid_signature"))
    assert run(tmp_path / "shop", "init", "--json").returncode == 0
    shown = run(tmp_path / "shop", "voucher", "show", "garbage")
    assert shown.returncode == 1 and "is not a voucher" in shown.stderr
    assert as_json(run(tmp_path / "shop", "voucher", "show", "garbage", "--json"))[
        "reason"] == "malformed"


def test_attempts_without_a_voucher_have_a_named_row_by_product(shop: Shop) -> None:
    redemption.redeem(shop, "garbage", "Till")
    report = report_tables.run_report(shop, "redemptions", "product")
    assert [(r["group"], r["refused"]) for r in report.rows] == [("", 1)]  # JSON keeps ""
    csv_text = report_files.report_csv(report, file_words()).decode("utf-8-sig")
    assert csv_text.splitlines()[1].startswith(f"{NO_VOUCHER},")
    assert _report_lines(report, "")[2].startswith(f"{NO_VOUCHER}\t")  # after its heading
    assert cell_text(report.columns[0], "", "CNY", "product") == NO_VOUCHER
    assert cell_text(report.columns[0], "", "CNY", "method") == "—"
    # a station or operator not recorded (a sale from before they were: test_sales_by_place)
    assert cell_text(report.columns[0], "", "CNY", "station") == "(not recorded)"
    today = dt.date.today()
    details = report_tables.redemption_details(shop, "product", "", today, today)
    assert [d.reason for d in details] == ["malformed"]
