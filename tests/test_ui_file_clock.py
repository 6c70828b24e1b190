"""The window and the counter of a shop in a file say when this PC's clock looks wrong by the
shop's newest record (QA s19a F1, F3), in English and in Chinese.

"ahead": this PC's clock a year ahead of every record; a genuine pass is refused as expired.
"behind": a sale made while the clock was a year ahead, then the clock put right; its voucher
is "not valid yet". Either way the status bar says so, the refusal adds "check this PC's date
and time", and the counter's list dates the rows of another year with their year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import close_test_shop
from counter_driver import Counter
from pytestqt.qtbot import QtBot
from test_file_clock import A_YEAR, real_now, reopen, sell, set_clock

from desktop_app.core import file_clock, fulfilment, redemption
from desktop_app.core.store import Shop
from desktop_app.i18n import translate
from desktop_app.messages.clock_texts import VERDICT_HINT, with_clock_hint
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import TIME

STATION = "Counter 1"


def the_counters_shop(shop: Shop, monkeypatch: pytest.MonkeyPatch, case: str
                      ) -> tuple[Shop, fulfilment.IssuedVoucher]:
    """The shop as this PC opens it in ``case``, a voucher it refuses by date, and a scan of
    this counter's dated in another year than this PC's today."""
    if case == "ahead":
        voucher = sell(shop)
        redemption.redeem(shop, sell(shop).payload, STATION)  # today, by the right clock
        set_clock(monkeypatch, A_YEAR)
        return reopen(shop), voucher
    set_clock(monkeypatch, A_YEAR)
    ahead = reopen(shop)
    voucher = sell(ahead)
    redemption.redeem(ahead, sell(ahead).payload, STATION)  # a year on, by the clock then
    set_clock(monkeypatch, dt.timedelta(0))
    return reopen(ahead), voucher


@pytest.mark.parametrize("case", ["ahead", "behind"])
def test_the_status_bar_the_verdict_and_the_list_say_it(
        qtbot: QtBot, temp_settings: Path, counter_station: None, shop: Shop,
        monkeypatch: pytest.MonkeyPatch, language: str, case: str, tmp_path: Path) -> None:
    opened, voucher = the_counters_shop(shop, monkeypatch, case)
    made = Counter(qtbot, opened)
    try:
        status = made.window.clock_status
        assert status.isVisible()
        assert "366" in status.text() and status.toolTip()
        if language == "en" and case == "ahead":
            assert status.text() == ("⚠ Is this PC's date right? It is about 366 days after "
                                     "the shop's newest record.")
            assert "If the shop was closed for a while, all is well" in status.toolTip()
        if language == "en" and case == "behind":
            assert status.text() == ("⚠ Please check this PC's date and time: its clock is "
                                     "about 366 days behind the shop's newest records.")
            assert "vouchers sold while it was ahead" in status.toolTip()
        verdict, _ = made.submit(voucher.code)
        assert verdict.reason == ("expired" if case == "ahead" else "not_yet_valid")
        hint = translate("ClockTexts", VERDICT_HINT).format(explanation="").strip()
        detail = made.tab.verdict.detail.text()
        assert detail.endswith(hint) and len(detail) > len(hint)
        if language == "en":
            assert "Please check this PC's date and time" in detail
        model = made.tab.recent.model
        times = [model.data(model.index(row, TIME)) for row in range(model.rowCount())]
        other_year = (real_now() if case == "ahead" else real_now() + A_YEAR).astimezone()
        assert any(text.startswith(f"{other_year:%Y-%m-%d} ") for text in times), times
        if case == "ahead":  # someone sets the date right: the next recheck sees it
            set_clock(monkeypatch, dt.timedelta(0))
            status.recheck()
            assert tasks.wait_until_idle()
            assert "366" in status.text() and (language != "en" or "behind" in status.text())
        made.window.resize(1024, 768)
        made.qtbot.wait(50)
        made.window.grab().save(str(tmp_path / f"clock-{case}-{language}.png"))
    finally:
        made.close()
        close_test_shop(opened)


def test_no_hint_while_the_clock_looks_right(shop: Shop) -> None:
    assert file_clock.suspicion() is None
    assert with_clock_hint("It was valid until 2026-12-01.") == "It was valid until 2026-12-01."
