"""Files replaced under an open counter (QA s12e F3): what the session redeemed since it
opened, which the files now in the folder may lack, is named before the owner logs out (the
refusal, the red bar: printed codes) and in the log, which outlives the session (voucher and
order numbers, never a code)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from integrity_helpers import older_copy, put_back_by_rename, reopen
from pytestqt.qtbot import QtBot

from desktop_app.core import lost_copy, redemption, rollback_reopens, vouchers
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.logs import setup_logging
from desktop_app.messages import error_message
from desktop_app.messages.session_texts import (
    banner_with_redeemed_before_hold,
    refusal_with_redeemed_before_hold,
)
from desktop_app.scanning.keystrokes import KEYBOARD
from desktop_app.ui.admin.verify_dialog import acknowledge_question

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows refuses to replace open files")
WAIT_MS = 5000




def _printed(shop: Shop, payload: str) -> tuple[int, int, str]:
    voucher = Voucher.get(Voucher.id == redemption.redeem(shop, payload, "C1").voucher_id)
    return voucher.id, voucher.order_id, vouchers.typed_code(voucher.code)


def test_the_refusal_names_what_the_session_redeemed_and_the_log_keeps_it_by_number(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 4)
    log_file = setup_logging(shop_dir)
    assert log_file is not None
    try:
        with reopen(shop_dir) as counter:
            first = _printed(counter, payloads[0])
            second = _printed(counter, payloads[1])
            undone = redemption.redeem(counter, payloads[2], "C1")
            assert undone.attempt_id is not None
            redemption.undo_redemption(counter, undone.attempt_id, "wrong car", "C1")
            put_back_by_rename(old, shop_dir)
            with pytest.raises(IntegrityHold) as refused:
                redemption.redeem(counter, payloads[3], "C1")

            assert counter.replaced is not None
            listed = counter.replaced.redeemed
            assert [(r.voucher_id, r.code) for r in listed] == [first[::2], second[::2]]
            assert {r.operator for r in listed} == {counter.operator.name}
            refusal = refusal_with_redeemed_before_hold(error_message(refused.value),
                                                        refused.value, counter)
            assert "Close the shop and open it again" in refusal
            assert "The red bar above names the 2 vouchers" in refusal
            words = banner_with_redeemed_before_hold("Redeeming is stopped.", counter)
            assert "this session redeemed 2 vouchers" in words
            assert first[2] in words and second[2] in words
            assert "acknowledging that makes them redeemable again" in words
    finally:
        setup_logging(None)  # the log complete on disk
    logged = log_file.read_text(encoding="utf-8")
    assert "this session redeemed 2 voucher(s)" in logged
    for voucher_id, order_id, code in (first, second):
        assert f"voucher #{voucher_id} of order #{order_id}" in logged
        assert code not in logged and code.replace("-", "")[:16] not in logged  # no code
    assert payloads[0] not in logged
    # The database the session worked on, deleted by the rename, is kept (encrypted): after a
    # log out and in, Acknowledge counts from it what acknowledging re-opens.
    kept = lost_copy.newest(shop_dir)
    assert kept is not None and kept.parent.name.startswith("replaced-while-open-")
    assert kept.stat().st_mode & 0o777 == 0o600
    with reopen(shop_dir) as held:
        assert any("rolled_back" in p for p in held.integrity_problems)
        # Counted as the command line counts: every attempt that used something (the undone
        # one too), none of them in the data put back.
        reopened = rollback_reopens.count_reopened(held)
        assert reopened == rollback_reopens.Reopened(3, kept.parent)
        question = acknowledge_question(held.integrity_problems, None, reopened)
        assert str(kept.parent) in question and "(3)" in question


def test_a_hold_without_redemptions_adds_nothing_to_the_words(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 1)
    with reopen(shop_dir) as counter:
        put_back_by_rename(old, shop_dir)
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(counter, payloads[0], "C1")
        assert counter.replaced is not None and counter.replaced.redeemed == []
        words = error_message(refused.value)
        assert refusal_with_redeemed_before_hold(words, refused.value, counter) == words
        assert banner_with_redeemed_before_hold(words, counter) == words


def test_the_counter_and_the_red_bar_name_the_codes_redeemed_before_the_swap(
        qtbot: QtBot, owner_shop: Shop, shop_dir: Path, tmp_path: Path,
        temp_settings: Path) -> None:
    from desktop_app.ui.main_window import MainWindow

    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 2)
    with reopen(shop_dir) as counter:
        window = MainWindow(counter)
        qtbot.addWidget(window)
        window.show()
        tab = window.redemption_tab()
        assert tab is not None
        window.tabs.setCurrentWidget(tab)
        with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS):
            tab.submit(payloads[0], KEYBOARD)
        assert tab.verdict.reason == "redeemed"
        put_back_by_rename(old, shop_dir)
        tab.submit(payloads[1], KEYBOARD)  # refused: nothing goes into the lost file
        qtbot.waitUntil(lambda: "replaced or moved" in tab.verdict.detail.text(),
                        timeout=WAIT_MS)
        assert counter.replaced is not None
        printed = counter.replaced.redeemed[0].code
        assert "The red bar above names the voucher this session redeemed" \
            in tab.verdict.detail.text()
        qtbot.waitUntil(lambda: window.integrity_banner.isVisible(), timeout=3000)
        assert printed in window.integrity_banner.text()
        assert "this session redeemed one voucher" in window.integrity_banner.text()
        assert "Write it down before you log out" in window.integrity_banner.text()
        window.close()
