"""Values at the edges of what the command line takes (QA s10b): both amounts of a redemption
at once, the calendar's first and last days as report bounds, a currency that is no code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_cli import as_json, run

from desktop_app.core.dates import day_range, open_ended


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("edges") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    return folder


def test_uses_and_amount_together_are_bad_usage_even_with_one_use(tmp_path: Path) -> None:
    """argparse saw no conflict for ``--uses 1``: its value was the default (F4)."""
    for uses in ("1", "2"):
        result = run(tmp_path, "redeem", "X", "--uses", uses, "--amount", "2", "--json")
        assert result.returncode == 2, result.stdout
        assert as_json(result)["error"] == "usage"
        assert "--amount" in result.stderr


def test_the_calendars_ends_are_open_bounds_of_reports_and_exports(shop: Path,
                                                                   tmp_path: Path) -> None:
    """9999-12-31 is what scripts write for "no end" (F6: it was an internal error)."""
    for bounds in (("--to", "9999-12-31"), ("--from", "0001-01-01"),
                   ("--from", "0001-01-01", "--to", "9999-12-31")):
        for report in ("sales", "redemptions"):
            result = run(shop, "report", report, "--by", "day", *bounds, "--json")
            assert result.returncode == 0, result.stdout
            assert as_json(result)["rows"] == []
        exported = run(shop, "export", "redemptions", "--out", str(tmp_path / "e.csv"),
                       *bounds, "--json")
        assert exported.returncode == 0, exported.stdout
    assert open_ended(dt.date(1, 1, 1), dt.date(9999, 12, 31)) == (None, None)
    assert day_range(dt.date(1, 1, 1), dt.date(9999, 12, 31)) == (None, None)
    day = dt.date(2026, 5, 1)
    assert open_ended(day, day) == (day, day)


@pytest.mark.parametrize("currency", ["XY", "人民币元", "", "US1", "ÄBC"])
def test_init_refuses_a_currency_that_is_no_code(tmp_path: Path, currency: str) -> None:
    result = run(tmp_path / "shop", "init", "--currency", currency, "--json")
    assert result.returncode == 1, result.stdout
    refused = as_json(result)
    assert (refused["error"], refused["field"]) == ("invalid_input", "currency")
    assert "three-letter" in refused["message"]
    assert run(tmp_path / "shop", "init", "--json").returncode == 0  # nothing was made


def test_init_takes_a_currency_code_in_any_case(tmp_path: Path) -> None:
    assert run(tmp_path / "shop", "init", "--currency", "usd", "--json").returncode == 0
    listed = run(tmp_path / "shop", "report", "stock", "--json")
    assert as_json(listed)["currency"] == "USD"
