"""The counter after a bad moment (QA s19a F11, F12): a check that failed on a shop file held
by another connection stays on screen, names the code and is listed; a double read after the
same voucher was named another way says what is left now. Real shops and the real window,
keys at a scanner's speed through the counter driver; the lock is a second connection's."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from counter_driver import WAIT_MS, Counter, attempts, sell, uses_left
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption, transactions
from desktop_app.core.errors import DatabaseLocked, DiskFull
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.counter.redemption_models import CODE, RESULT, TONE_ATTENTION, TONE_READY

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


# Another process with the shop open, holding its write lock from "hold" to "release", as a
# backup tool or a second copy of the app does (one process cannot: the models follow the
# shop opened last).
HOLDER = ("import sys; from pathlib import Path; from desktop_app.core.store import open_shop; "
          "shop = open_shop(Path(sys.argv[1]), sys.argv[2], sys.argv[3]); "
          "print('open', flush=True)\n"
          "for line in sys.stdin:\n"
          "    shop.db.execute_sql('BEGIN IMMEDIATE' if line.strip() == 'hold' else 'ROLLBACK')\n"
          "    print('done', flush=True)\n"
          "shop.close()")


class FileHolder:
    def __init__(self, shop_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(shop_dir), OWNER, OWNER_PASSWORD], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._said("open")

    def _said(self, word: str) -> None:
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == word

    def _tell(self, word: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(word + "\n")
        self.process.stdin.flush()
        self._said("done")

    def hold(self) -> None:
        self._tell("hold")

    def release(self) -> None:
        self._tell("release")

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()  # a transaction still open ends with the process
        assert self.process.wait(WAIT_MS / 1000) == 0
        self.process.stdout.close()


@pytest.fixture
def other(shop_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FileHolder]:
    """The counter's write gives up after 1 s of asking for the lock, not 12."""
    monkeypatch.setattr(transactions, "LOCK_RETRY_S", 1.0)
    holder = FileHolder(shop_dir)
    try:
        yield holder
    finally:
        holder.close()


def scan_failing(counter: Counter, text: str) -> None:
    counter.type(text, 4)
    counter.enter()
    counter.qtbot.waitUntil(lambda: failure_shown(counter), timeout=3 * WAIT_MS)


def failure_shown(counter: Counter) -> bool:
    panel = counter.tab.verdict
    return panel.tone == TONE_ATTENTION and panel.headline.text() == "Not redeemed"


def test_a_failed_scan_stays_names_the_code_and_is_listed(shop: Shop, other: FileHolder,
                                                           qtbot: QtBot) -> None:
    """QA s19a F11: "Not redeemed — another program is using the shop file" went after 6 s
    to "Scan a voucher", named no code, and the list had no trace of it."""
    voucher = sell(shop, uses=10)
    counter = Counter(qtbot, shop)
    other.hold()
    try:
        panel = counter.tab.verdict
        panel.clear_after_ms = 50  # any verdict's time is up many times over below
        scan_failing(counter, voucher.payload)
        assert panel.headline.text() == "Not redeemed" and panel.tone == TONE_ATTENTION
        assert panel.detail.text() == error_message(DatabaseLocked())
        assert f"Scanned: {voucher.code}" in panel.facts.text()  # the printed code, not the QR's
        model = counter.tab.recent.model
        assert model.data(model.index(0, CODE)) == voucher.code
        assert model.data(model.index(0, RESULT)) == (
            "Not redeemed — failed: the shop file was in use")
        qtbot.wait(400)
        assert failure_shown(counter)  # still there for the cashier who looked away
        other.release()
        assert uses_left(voucher) == 10 and attempts() == 0  # nothing was taken
        QTest.mouseClick(panel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(10, 10))
        assert panel.tone == TONE_READY  # dismissed
        verdict, repeated = counter.scan(voucher.payload)  # the rescan once the file is free
        assert verdict.reason == "redeemed" and not repeated and uses_left(voucher) == 9
        results = [model.data(model.index(row, RESULT)) for row in range(model.rowCount())]
        assert results[0] == "Redeemed" and results[1].startswith("Not redeemed — failed")
    finally:
        counter.close()


def test_a_failure_gives_way_to_the_next_scan(shop: Shop, other: FileHolder,
                                              qtbot: QtBot) -> None:
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    other.hold()
    try:
        scan_failing(counter, "NOT-A-VOUCHER-42")  # no voucher: the text itself is named
        panel = counter.tab.verdict
        assert "Scanned: NOT-A-VOUCHER-42" in panel.facts.text()
        other.release()
        verdict, _ = counter.scan(voucher.payload)
        assert verdict.reason == "redeemed" and panel.tone != TONE_ATTENTION
        assert not panel.facts.text().startswith("Scanned:")
    finally:
        counter.close()


def test_a_double_read_after_the_typed_code_says_what_is_left(counter: Counter) -> None:
    """QA s19a F12: the QR (9 left), the printed code (8 left), the QR again within 3 s:
    green "9 of 10 left · repeat" while 8 were left. One voucher, whatever names it: the
    printed code moments after its QR is the same read again, and nothing says 9 but 9."""
    voucher = sell(counter.shop, uses=10)
    now = [100.0]
    counter.tab.counter.clock = lambda: now[0]
    first, repeated = counter.scan(voucher.payload)
    assert first.uses_left == 9 and not repeated
    now[0] += 1
    typed, repeated = counter.scan(voucher.code)  # a burst of the printed code
    assert repeated and typed.uses_left == 9 == uses_left(voucher)
    now[0] += 1
    again, repeated = counter.scan(voucher.payload)
    panel = counter.tab.verdict
    assert repeated and again.uses_left == uses_left(voucher) == 9 and attempts() == 1
    assert panel.detail.text() == "9 of 10 left" and panel.repeated


def test_a_scan_on_a_full_disk_is_listed_with_its_reason(counter: Counter) -> None:
    """The disk full (QA s19a F11's other case): the words the cashier reads, and the row."""
    voucher = sell(counter.shop, uses=2)
    counter.tab.failures.show(DiskFull(), voucher.payload)
    panel = counter.tab.verdict
    assert panel.detail.text() == error_message(DiskFull())
    assert f"Scanned: {voucher.code}" in panel.facts.text()
    model = counter.tab.recent.model
    assert model.data(model.index(0, RESULT)) == "Not redeemed — failed: the disk is full"
    assert model.data(model.index(0, RESULT), Qt.ItemDataRole.ToolTipRole) == error_message(
        DiskFull())
    with counter.qtbot.waitSignal(counter.tab.recent.changed, timeout=WAIT_MS):
        counter.tab.recent.refresh()  # a list read from the records keeps the failed scan
    assert model.rowCount() == 1
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed" and model.rowCount() == 2
    assert model.data(model.index(1, RESULT)) == "Not redeemed — failed: the disk is full"


def test_a_scan_whose_connection_broke_before_saving_is_listed_as_its_verdict_says(
        counter: Counter) -> None:
    """QA s39b F10: the verdict said the connection broke before it was saved, the list said
    the server did not answer."""
    from desktop_app.core.lost_commit import NotSaved

    voucher = sell(counter.shop, uses=2)
    counter.tab.failures.show(NotSaved(host="db.local"), voucher.payload)
    assert "broke before this was saved" in counter.tab.verdict.detail.text()
    model = counter.tab.recent.model
    assert model.data(model.index(0, RESULT)) == (
        "Not redeemed — failed: the connection to the server broke: nothing was saved")


def test_a_long_explanation_is_said_smaller_and_leaves_the_list_room(counter: Counter) -> None:
    """QA s39b F8: a "Not certain" verdict's five big lines under the red line left the
    station's list a row and a half at 1024x768."""
    from desktop_app.core.lost_commit import NotSaved, RedemptionUncertain

    panel = counter.tab.verdict
    counter.tab.failures.show(NotSaved(host="db.local"), sell(counter.shop).payload)
    short = panel.detail.font().pointSizeF()
    long_words = RedemptionUncertain(host="127.0.0.1:54763", code="HXDP-ZKX4-NTHH-01WQ4",
                                     attempt_id=7)
    panel.show_uncertain(error_message(long_words), charging=False)
    assert panel.detail.font().pointSizeF() < short
    counter.window.resize(1024, 768)
    counter.qtbot.wait(50)
    assert panel.detail.height() <= 4 * panel.detail.fontMetrics().lineSpacing()


def test_a_scan_of_three_uses_is_one_row_and_undone_at_once(counter: Counter) -> None:
    """QA s39a F9: "× 3" showed three identical rows (as if scanned three times) and each
    undo gave back one use, with a reason each time."""
    voucher = sell(counter.shop, uses=10)
    counter.tab.uses_picker.set_uses(3)
    verdict, _ = counter.submit(voucher.payload)
    assert verdict.reason == "redeemed" and verdict.uses_left == 7
    recent = counter.tab.recent
    model = recent.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, RESULT)) == "Redeemed × 3"
    assert recent.select_attempt(verdict.attempt_id)
    recent.undo_button.click()
    assert "Undo the 3 uses of" in recent.undo_panel.question.text()
    recent.undo_panel.note.setText("one wash, not three")
    with counter.qtbot.waitSignal(recent.undone, timeout=WAIT_MS):
        recent.undo_panel.confirm.click()
    assert uses_left(voucher) == 10
    assert recent.message.text() == "Undone: 3 uses were given back (10 left now)."
    results = [model.data(model.index(r, RESULT)) for r in range(model.rowCount())]
    assert results.count("Undo") == 3 and "Redeemed × 3" not in results
    assert sum(1 for text in results if text != "Undo") == 1  # the scan: still one row


def test_a_shared_voucher_with_a_unit_paid_back_says_so_when_refused(
        counter: Counter, shop_dir: Path) -> None:
    """QA s41a F14: two coffees on one voucher, one drunk, the other refunded; scanned again
    it read "Already redeemed … 0 of 1 left" and nothing of the coffee paid back."""
    from test_cli import as_json, run

    from desktop_app.core import fulfilment, orders, products, refunds
    from desktop_app.core.models import Voucher

    shop = counter.shop
    coffee = products.add_product(shop, "Coffee", "18.00", "service", uses=1)
    order = orders.create_order(shop, [(coffee.id, 2)])
    [shared] = fulfilment.pay_order(shop, order.id, "cash")
    assert redemption.redeem(shop, shared.payload, "Counter 1").ok  # one coffee drunk
    line = orders.order_detail(shop, order.id).lines[0]
    refunds.refund_line(shop, line.id, 1)  # the other paid back
    assert Voucher.get_by_id(shared.id).uses_total == 1
    verdict, _ = counter.scan(shared.payload)
    assert verdict.reason == "already_redeemed" and verdict.refunded_uses == 1
    assert verdict.refunded_at is not None
    detail = counter.tab.verdict.detail.text()
    assert "Last redeemed by" in detail and "1 use of it was refunded (today " in detail
    lone = sell(shop)
    redemption.redeem(shop, lone.payload, "c")
    assert redemption.redeem(shop, lone.payload, "c").refunded_uses == 0
    shop.close()
    env = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
    said = run(shop_dir, "redeem", shared.payload, "--json", env=env)
    assert said.returncode == 3 and as_json(said)["refunded_uses"] == 1, said.stdout
    worded = run(shop_dir, "redeem", shared.payload, env=env).stdout
    assert "1 use of it was refunded (20" in worded, worded
