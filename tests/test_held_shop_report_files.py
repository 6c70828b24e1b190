"""A report's file on a held shop (QA s12d F8): reading the figures is what an owner does while
checking a held shop, so ``report --out`` and the Reports tab's export write the file like
``export redemptions`` does; an export whose audit event is refused leaves no file behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from integrity_helpers import reopen, sell
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import anchor, auth, redemption, report_files, report_tables, reports
from desktop_app.core.errors import OperatorDisabled
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.reports.reports_tab import ReportsTab
from desktop_app.ui.widgets import ERROR_COLOR
from tests.conftest import close_test_shop

WAIT_MS = 15_000


def held_shop(owner_shop: Shop, shop_dir: Path) -> str:
    """A shop with a redemption, then held (its anchor deleted); a payload it still owes."""
    first, second = sell(owner_shop, 2)
    assert redemption.redeem(owner_shop, first.payload, "C1").ok
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    return second.payload


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_report_out_on_a_held_shop_writes_the_file_and_succeeds(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path, suffix: str) -> None:
    payload = held_shop(owner_shop, shop_dir)
    out = tmp_path / f"held{suffix}"
    done = run(shop_dir, "report", "redemptions", "--out", str(out), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert as_json(done)["ok"] and as_json(done)["out"] == str(out)
    assert out.stat().st_size > 0
    plain = run(shop_dir, "report", "sales", "--out", str(out))
    assert plain.returncode == 0 and "Stopped" not in plain.stdout + plain.stderr
    held = run(shop_dir, "redeem", payload, "--json")  # still held: nothing changes
    assert held.returncode == 3 and as_json(held)["error"] == "integrity_hold"


def test_a_refused_export_leaves_no_file_behind(owner_shop: Shop, tmp_path: Path) -> None:
    """The operator disabled since login (another owner did it): the audit event is refused,
    so the file is neither written nor replaced."""
    sell(owner_shop)
    auth.add_operator(owner_shop, "Carol", "owner", "owner-two-pass")
    report = report_tables.run_report(owner_shop, "sales", "day", dt.date.today(),
                                      dt.date.today())
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"yesterday's file")
    auth.set_active(owner_shop, owner_shop.operator.id, False)
    for path in (tmp_path / "new.csv", tmp_path / "new.xlsx", kept):
        with pytest.raises(OperatorDisabled):
            report_files.write_report(owner_shop, report, path)
    with pytest.raises(OperatorDisabled):
        reports.export_redemptions(owner_shop, tmp_path / "r.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv", "shop"]  # no temporary
    assert kept.read_bytes() == b"yesterday's file"


def test_the_reports_tab_exports_a_held_shop_without_an_error(
        qtbot: QtBot, temp_settings: Path, owner_shop: Shop, shop_dir: Path,
        tmp_path: Path) -> None:
    held_shop(owner_shop, shop_dir)
    shop = reopen(shop_dir)
    try:
        assert "anchor: anchor_missing" in shop.integrity_problems
        tab = ReportsTab(shop)
        qtbot.addWidget(tab)
        tab.show()
        assert tasks.wait_until_idle(WAIT_MS)
        for name in ("held.csv", "held.xlsx"):
            tab.export_to(str(tmp_path / name))
            assert tasks.wait_until_idle(WAIT_MS)
            assert (tmp_path / name).stat().st_size > 0
            assert tab.message.text() == f"Saved {tmp_path / name}"
            assert ERROR_COLOR not in tab.message.styleSheet()
        assert AuditEvent.select().where(AuditEvent.kind == "export").count() == 2
    finally:
        close_test_shop(shop)
