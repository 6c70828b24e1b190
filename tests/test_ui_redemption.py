"""The Redemption tab, driven as a cashier drives it: scanner bursts, typing, the camera.

Real encrypted shops and real vouchers (``fulfilment.pay_order``); the camera path is fed from
video and image files through the same capture code a webcam goes through, with synthetic
frames of this shop's own vouchers. Nothing is mocked but the clock of key presses.
"""

from __future__ import annotations

import datetime as dt
import wave
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from synthetic import HARD_CASES, counter_background, hard_frame, webcam_frame

from desktop_app.core import fulfilment, orders, products, redemption, refunds, vouchers
from desktop_app.core.auth import add_operator
from desktop_app.core.counter import RecentAttempt
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import DatabaseLocked
from desktop_app.core.models import Operator, RedemptionAttempt, Voucher
from desktop_app.core.redemption import REASONS
from desktop_app.core.store import Shop, open_shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.messages import error_message
from desktop_app.scanning.camera_source import CAMERA_LOST, CAMERA_MISSING
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.ui import tasks
from desktop_app.ui.counter.camera_view import problem_text
from desktop_app.ui.counter.redemption_models import (
    HEADLINES,
    RESULT,
    TONE_ATTENTION,
    TONE_OK,
    TONE_READY,
    TONE_REFUSED,
    RecentModel,
    ScanSettings,
    headline,
    tone_of,
)
from desktop_app.ui.counter.redemption_tab import CAMERA, RedemptionTab
from desktop_app.ui.counter.sounds import (
    BEEP,
    COMMAND,
    KINDS,
    REFUSAL,
    SUCCESS,
    WINSOUND,
    Player,
    Sounds,
    choose_player,
    sound_path,
    write_tone,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.shop_session import close_shop
from tests.conftest import CLERK, CLERK_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def counter_station(temp_settings: Path) -> None:
    QSettings().setValue("station", "Counter 1")


class FakeClock:
    """Milliseconds that move only when a test says so: typing speed made exact."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class Counter:
    """A main window with its Redemption tab shown, and hands to type with."""

    def __init__(self, qtbot: QtBot, shop: Shop) -> None:
        self.qtbot = qtbot
        self.shop = shop
        self.window = MainWindow(shop)
        qtbot.addWidget(self.window)
        self.tab = next(self.window.tabs.widget(i) for i in range(self.window.tabs.count())
                        if isinstance(self.window.tabs.widget(i), RedemptionTab))
        self.tab.sounds = Sounds(True, Player(BEEP))
        self.window.tabs.setCurrentWidget(self.tab)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.clock = FakeClock()
        self.tab.set_key_clock(self.clock)
        tasks.wait_until_idle()

    def type(self, text: str, interval_ms: float) -> None:
        """Keys as the platform delivers them: to whatever has the focus."""
        for char in text:
            self.clock.now += interval_ms
            QTest.keyClick(self.window.windowHandle(), char)

    def enter(self, after_ms: float = 5) -> None:
        self.clock.now += after_ms
        QTest.keyClick(self.window.windowHandle(), Qt.Key.Key_Return)

    def scan(self, text: str) -> tuple[redemption.Verdict, bool]:
        """A USB scanner: the whole payload in a few milliseconds, then Enter."""
        with self.qtbot.waitSignal(self.tab.verdict_shown, timeout=WAIT_MS) as shown:
            self.type(text, 4)
            self.enter()
        return shown.args[0], shown.args[1]

    def submit(self, text: str, source: str = KEYBOARD) -> tuple[redemption.Verdict, bool]:
        with self.qtbot.waitSignal(self.tab.verdict_shown, timeout=WAIT_MS) as shown:
            self.tab.submit(text, source)
        return shown.args[0], shown.args[1]

    def close(self) -> None:
        self.tab.shutdown()
        self.window.close()
        tasks.wait_until_idle()


@pytest.fixture
def counter(qtbot: QtBot, shop: Shop) -> Iterator[Counter]:
    made = Counter(qtbot, shop)
    yield made
    made.close()
    close_shop(shop)


def sell(shop: Shop, uses: int = 1, **product: object) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, f"Coffee pass x{uses}", "30.00", "service", uses=uses,
                                 **product)  # type: ignore[arg-type]
    order = orders.create_order(shop, [(item.id, 1)])
    return fulfilment.pay_order(shop, order.id, "cash")[0]


def uses_left(voucher: fulfilment.IssuedVoucher) -> int:
    return Voucher.get_by_id(voucher.id).uses_left


def attempts() -> int:
    return RedemptionAttempt.select().count()


# --- the scan field -------------------------------------------------------------------------


def test_a_scanner_burst_with_focus_elsewhere_redeems(counter: Counter) -> None:
    voucher = sell(counter.shop, uses=3)
    tab = counter.tab
    tab.recent_view.setFocus()  # the cashier last clicked the list
    verdict, repeated = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed" and not repeated
    assert tab.verdict.tone == TONE_OK
    assert tab.verdict.headline.text() == "Redeemed"
    assert tab.verdict.detail.text() == "2 of 3 left"
    assert tab.scan_field.text() == ""
    assert tab.last_source == SCANNER and "Scanner" in tab.source_label.text()
    assert tab.sounds.last == SUCCESS
    assert uses_left(voucher) == 2


def test_a_burst_into_the_manual_box_is_still_a_scan(counter: Counter) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_field.setFocus()
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed"
    assert tab.last_source == SCANNER
    assert tab.manual_field.text() == "" and tab.scan_field.text() == ""


def test_slow_typing_in_the_manual_box_is_a_person(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_field.setFocus()
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.code.lower(), 160)  # people type lower case, and slowly
        assert tab.manual_field.text() == voucher.code.lower()
        counter.enter(400)
    assert shown.args[0].reason == "redeemed"
    assert tab.last_source == KEYBOARD and "Typed" in tab.source_label.text()
    assert tab.manual_field.text() == ""


def test_typing_on_a_button_goes_to_the_scan_field(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    tab.manual_button.setFocus()
    counter.type(voucher.code[:4], 200)
    assert tab.scan_field.hasFocus() and tab.scan_field.text() == voucher.code[:4]
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.code[4:], 200)
        counter.enter(300)
    assert shown.args[0].reason == "redeemed" and tab.last_source == KEYBOARD
    assert tab.scan_field.text() == ""


def test_a_burst_without_enter_is_taken_after_the_pause(counter: Counter,
                                                        qtbot: QtBot) -> None:
    voucher = sell(counter.shop)
    tab = counter.tab
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.payload, 4)  # no Enter: the idle timer ends it
    assert shown.args[0].reason == "redeemed"
    assert tab.last_source == SCANNER and tab.scan_field.text() == ""


def test_a_tab_suffix_and_a_longer_pause_from_the_settings(counter: Counter,
                                                           qtbot: QtBot) -> None:
    tab = counter.tab
    tab.settings_button.click()
    assert tab.settings_panel.isVisible()
    panel = tab.settings_panel
    panel.suffix.setCurrentIndex(panel.suffix.findData("\t"))
    panel.timeout.setValue(250)
    assert tab.scanner_input is not None
    assert tab.scanner_input.classifier.suffix == "\t"
    assert tab.scanner_input.classifier.idle_timeout_ms == 250
    assert ScanSettings.load().timeout_ms == 250 and ScanSettings.load().suffix == "\t"
    voucher = sell(counter.shop)
    tab.scan_field.setFocus()
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(voucher.payload, 4)
        counter.clock.now += 4
        QTest.keyClick(counter.window.windowHandle(), Qt.Key.Key_Tab)
    assert shown.args[0].reason == "redeemed"
    assert tab.scan_field.hasFocus()  # the suffix ended the scan; it did not move the focus


def test_the_input_method_is_off_for_code_fields(counter: Counter) -> None:
    for field in (counter.tab.scan_field, counter.tab.manual_field):
        assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        hints = field.inputMethodHints()
        assert hints & Qt.InputMethodHint.ImhLatinOnly
        assert hints & Qt.InputMethodHint.ImhNoPredictiveText


# --- double reads ---------------------------------------------------------------------------


def test_a_double_read_repeats_the_verdict_and_consumes_nothing(counter: Counter) -> None:
    voucher = sell(counter.shop, uses=5)
    tab = counter.tab
    clock = [100.0]
    tab.counter.clock = lambda: clock[0]
    first, repeated = counter.scan(voucher.payload)
    assert first.reason == "redeemed" and not repeated and uses_left(voucher) == 4
    tab.sounds.last = None
    clock[0] += 1.0
    again, repeated = counter.scan(voucher.payload)  # the scanner read it twice
    assert repeated and again is first
    assert tab.verdict.repeated and tab.verdict.tone == TONE_OK
    assert tab.verdict.note.text() == "Repeat — nothing consumed"
    assert tab.sounds.last is None  # quiet: the first read made its sound
    assert uses_left(voucher) == 4 and attempts() == 1
    clock[0] += 3.5  # a deliberate second use, after the window
    third, repeated = counter.submit(voucher.code)
    assert third.reason == "redeemed" and not repeated and third.uses_left == 3
    assert uses_left(voucher) == 3 and attempts() == 2
    assert not tab.verdict.note.isVisible()


def test_a_repeat_keeps_the_facts_of_the_first_verdict(counter: Counter) -> None:
    text = _make(counter.shop, "not_yet_valid")
    counter.submit(text)
    first = counter.tab.verdict.detail.text()
    assert first.startswith("It can be used from 20")
    _, repeated = counter.submit(text)
    assert repeated and counter.tab.verdict.detail.text() == first
    assert attempts() == 1


def test_the_same_code_twice_before_the_first_verdict_is_one_attempt(counter: Counter,
                                                                     qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=5)
    tab = counter.tab
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS):
        tab.submit(voucher.payload, CAMERA)
        tab.submit(voucher.payload, CAMERA)  # before the worker answered the first
    tasks.wait_until_idle()
    assert uses_left(voucher) == 4 and attempts() == 1


# --- every reason, in its colour ------------------------------------------------------------


def _make(shop: Shop, reason: str) -> str:
    """Text that gets ``reason`` from this shop."""
    if reason in ("redeemed", "already_redeemed"):
        voucher = sell(shop)
        if reason == "already_redeemed":
            redemption.redeem(shop, voucher.payload, "Counter 2")
        return voucher.payload
    if reason == "unknown_code":
        return vouchers.typed_code(vouchers.new_code())
    if reason == "invalid_signature":
        payload = sell(shop).payload
        tag = payload[-vouchers.TAG_LEN:]
        return payload[:-vouchers.TAG_LEN] + ("0" if tag[0] != "0" else "1") + tag[1:]
    if reason == "wrong_shop":
        return vouchers.payload("another shop", "ab" * 32, vouchers.new_code())
    if reason == "malformed":
        return "HELLO-WORLD"
    if reason in ("insufficient_balance", "amount_required"):
        card = products.add_product(shop, "Gift card", "1", "giftcard")
        (issued,) = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id)
        if reason == "insufficient_balance":
            redemption.redeem(shop, issued.payload, "Counter 2", amount_cents=100)
        return issued.payload
    if reason == "mistyped":
        code = vouchers.typed_code(vouchers.new_code())
        return code[:-1] + ("0" if code[-1] != "0" else "1")
    voucher = sell(shop)
    row = Voucher.get_by_id(voucher.id)
    now = utc_now()
    if reason == "not_paid":
        row.order.status = "unpaid"
        row.order.save()
    elif reason == "voided":
        refunds.refund_order(shop, row.order_id)
    elif reason == "expired":
        row.valid_until = now - dt.timedelta(days=1)
        row.save()
    elif reason == "not_yet_valid":
        row.valid_from = now + dt.timedelta(days=2)
        row.save()
    elif reason == "forbidden":
        Operator.update(active=False).where(Operator.id == shop.operator.id).execute()
    return voucher.payload


EXPECTED_TONES = {
    "redeemed": TONE_OK,
    **dict.fromkeys(("already_redeemed", "unknown_code", "invalid_signature", "wrong_shop",
                     "malformed", "voided", "expired"), TONE_REFUSED),
    **dict.fromkeys(("not_yet_valid", "not_paid", "forbidden", "amount_required",
                     "not_a_giftcard", "mistyped", "not_enough_uses"), TONE_ATTENTION),
    "insufficient_balance": TONE_REFUSED,
}


# not_enough_uses needs the tab's choice of several uses (the counter screen's own work); its
# words and colour are checked by test_every_reason_has_words and tone_of below.
@pytest.mark.parametrize("reason", [r for r in REASONS if r != "not_enough_uses"])
def test_every_reason_in_its_colour(counter: Counter, reason: str) -> None:
    text = _make(counter.shop, reason)
    if reason in ("insufficient_balance", "not_a_giftcard"):
        counter.tab.amount_panel.field.setText("5")
    verdict, _ = counter.submit(text)
    panel = counter.tab.verdict
    assert verdict.reason == reason
    assert panel.tone == EXPECTED_TONES[reason] == tone_of(reason)
    assert panel.reason == reason
    assert panel.headline.text() == headline(reason) == HEADLINES[reason]
    assert panel.detail.text()  # a sentence in plain words, always
    assert "{" not in panel.detail.text() + panel.facts.text()
    assert counter.tab.sounds.last == (SUCCESS if reason == "redeemed" else REFUSAL)
    if reason == "not_yet_valid":
        assert "can be used from" in panel.detail.text()
    if reason == "expired":
        assert "valid until" in panel.detail.text()


def test_already_redeemed_names_who_and_when(counter: Counter) -> None:
    shop = counter.shop
    clerk = add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    voucher = sell(shop, uses=2)
    for _ in range(2):
        redemption.redeem(shop, voucher.payload, "Counter 2")
    last = RedemptionAttempt.select().order_by(RedemptionAttempt.id.desc()).get()
    yesterday = (dt.datetime.now().astimezone() - dt.timedelta(days=1)).replace(
        hour=9, minute=15, second=0, microsecond=0)
    last.created_at = yesterday
    last.operator = clerk.id
    last.save()
    verdict, _ = counter.submit(voucher.code)
    panel = counter.tab.verdict
    assert verdict.reason == "already_redeemed" and panel.tone == TONE_REFUSED
    assert panel.detail.text() == (
        f"Last redeemed by {CLERK}, {yesterday.strftime('%Y-%m-%d')} 09:15.")
    assert "0 of 2 left" in panel.facts.text()
    assert verdict.code in panel.facts.text() and "Coffee pass x2" in panel.facts.text()


def test_a_failed_check_says_so_and_the_next_scan_works(counter: Counter,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise DatabaseLocked()

    with monkeypatch.context() as patch:
        patch.setattr(redemption, "redeem", locked)  # a backup tool holds the file
        counter.tab.submit("anything", KEYBOARD)
        counter.qtbot.waitUntil(lambda: counter.tab.verdict.tone == TONE_ATTENTION,
                                timeout=WAIT_MS)
    panel = counter.tab.verdict
    assert panel.headline.text() == "Not redeemed"
    assert panel.detail.text() == error_message(DatabaseLocked())
    assert counter.tab.sounds.last == REFUSAL
    verdict, _ = counter.scan(sell(counter.shop).payload)
    assert verdict.reason == "redeemed"


def test_the_verdict_clears_to_ready(counter: Counter, qtbot: QtBot) -> None:
    panel = counter.tab.verdict
    assert panel.tone == TONE_READY and panel.headline.text() == "Ready to scan"
    counter.tab.settings_panel.clear_after.setValue(1)
    assert panel.clear_after_ms == 1000
    counter.submit("not a voucher")
    assert panel.tone == TONE_REFUSED
    qtbot.waitUntil(lambda: panel.tone == TONE_READY, timeout=3000)


def test_the_sound_can_be_switched_off(counter: Counter) -> None:
    tab = counter.tab
    assert tab.sound_box.isChecked()
    tab.sound_box.setChecked(False)
    assert not tab.sounds.enabled
    assert ScanSettings.load().sound is False
    assert tab.sounds.play(SUCCESS) is False  # asked for, but silent


def test_the_chinese_verdict(counter: Counter, qapp: QApplication) -> None:
    try:
        install_translator(qapp, "zh_CN")
        counter.submit(_make(counter.shop, "redeemed"))
        assert counter.tab.verdict.headline.text() == "核销成功"
        counter.submit(_make(counter.shop, "wrong_shop"))
        assert counter.tab.verdict.headline.text() == "他店券"
    finally:
        remove_translators(qapp)


# --- the camera -----------------------------------------------------------------------------

SIZE = (640, 480)


def held_voucher(text: str, count: int, empty_before: int = 2) -> list[np.ndarray]:
    """An empty counter, then a voucher held in front of the lens for ``count`` frames."""
    rng = np.random.default_rng(7)
    frames = [counter_background(*SIZE, rng) for _ in range(empty_before)]
    for i in range(count):
        frames.append(webcam_frame(text, size=SIZE, module_px=4.5, angle_deg=2 * i,
                                   center=(300 + 3 * i, 240), blur_sigma=0.8, seed=i).image)
    return frames


def write_video(path: Path, frames: list[np.ndarray]) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, SIZE)
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def write_image(path: Path, image: np.ndarray) -> Path:
    ok, encoded = cv2.imencode(path.suffix, image)
    assert ok
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded.tofile(path)
    return path


def test_a_voucher_held_in_front_of_the_camera_is_redeemed_once(counter: Counter,
                                                                 tmp_path: Path,
                                                                 qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=5)
    video = write_video(tmp_path / "counter.avi", held_voucher(voucher.payload, 8))
    camera = counter.tab.camera
    outlines: list[list[tuple[float, float]]] = []
    camera.decoded.connect(lambda _text: outlines.append(camera.view.outline))
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        camera.start(video)
        assert camera.toggle.isChecked() and camera.running
    assert shown.args[0].reason == "redeemed" and counter.tab.last_source == CAMERA
    assert len(outlines) == 1  # the camera module already holds a still voucher to one read
    outline = outlines[0]
    assert len(outline) == 4 and all(0 <= x < SIZE[0] and 0 <= y < SIZE[1] for x, y in outline)
    qtbot.waitUntil(lambda: not camera.running, timeout=WAIT_MS)
    tasks.wait_until_idle()
    assert camera.view.frames_shown > 0
    assert uses_left(voucher) == 4 and attempts() == 1  # held for eight frames: one use
    assert camera.problem == CAMERA_LOST  # the end of the file: frames stopped
    assert camera.source is not None and camera.source.released


@pytest.mark.parametrize("case", ["perspective", "blur", "glare", "jpeg", "combined"])
def test_hard_camera_frames_of_our_vouchers(counter: Counter, tmp_path: Path, qtbot: QtBot,
                                            case: str) -> None:
    assert case in HARD_CASES
    voucher = sell(counter.shop)
    frame = hard_frame(case, voucher.payload, seed=3)
    image = write_image(tmp_path / case / "frame.jpg", frame.image)
    camera = counter.tab.camera
    outlines: list[list[tuple[float, float]]] = []
    camera.decoded.connect(lambda _text: outlines.append(camera.view.outline))
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        camera.start([image])
    assert shown.args[0].reason == "redeemed"
    # The 1280×720 frame was previewed shrunk; the outline is still in frame pixels, on it.
    assert camera.source is not None and camera.source.frame_size == (1280, 720)
    xs, ys = zip(*outlines[0], strict=True)
    centre_x, centre_y = frame.center
    assert min(xs) < centre_x < max(xs) and min(ys) < centre_y < max(ys)


def test_a_missing_camera_says_so_and_typing_still_works(counter: Counter,
                                                         qtbot: QtBot) -> None:
    tab = counter.tab
    camera = tab.camera
    camera._camera_index = 99  # no such camera on any machine
    with qtbot.waitSignal(camera.scanner.failed, timeout=WAIT_MS):
        camera.toggle.click()
    assert camera.problem == CAMERA_MISSING
    assert camera.message.isVisible() and camera.message.text() == problem_text(CAMERA_MISSING)
    assert "No camera found" in camera.message.text()
    qtbot.waitUntil(lambda: not camera.toggle.isChecked(), timeout=WAIT_MS)
    voucher = sell(counter.shop)
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed" and tab.last_source == SCANNER


def long_feed(folder: Path) -> list[Path]:
    frames = [counter_background(*SIZE, np.random.default_rng(i)) for i in range(3)]
    return [write_image(folder / f"f{i:03d}.jpg", frames[i % 3]) for i in range(60)]


def test_the_camera_is_released_when_the_tab_is_hidden(counter: Counter, tmp_path: Path,
                                                       qtbot: QtBot) -> None:
    camera = counter.tab.camera
    with qtbot.waitSignal(camera.scanner.frame_ready, timeout=WAIT_MS):
        source = camera.start(long_feed(tmp_path / "feed"), fps=20)  # three seconds
    assert camera.running and not source.released
    assert counter.tab.scanner_input is not None and counter.tab.scanner_input.enabled
    counter.window.tabs.setCurrentIndex(0)  # the owner looks at the inventory
    assert not camera.running and source.released
    assert not counter.tab.scanner_input.enabled
    counter.window.tabs.setCurrentWidget(counter.tab)
    assert counter.tab.scanner_input.enabled


def test_the_camera_is_released_when_the_window_locks(counter: Counter, tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    camera = counter.tab.camera
    with qtbot.waitSignal(camera.scanner.frame_ready, timeout=WAIT_MS):
        source = camera.start(long_feed(tmp_path / "feed"), fps=20)
    counter.window.lock_requested.emit()
    assert not camera.running and source.released
    with qtbot.waitSignal(camera.scanner.frame_ready, timeout=WAIT_MS):
        source = camera.start(long_feed(tmp_path / "again"), fps=20)
    counter.tab.shutdown()
    assert not camera.running and source.released and not camera.wanted


# --- the list and undo ----------------------------------------------------------------------


def test_the_list_shows_this_stations_attempts(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=2)
    redemption.redeem(counter.shop, voucher.payload, "Counter 2")  # another station
    counter.submit(voucher.code)
    counter.submit("garbage")
    model = counter.tab.recent_model
    rows = model.rows()
    assert [(r.reason, r.station) for r in rows] == [("malformed", "Counter 1"),
                                                     ("redeemed", "Counter 1")]
    redeemed = model.index(1, 0)
    values = [model.data(redeemed.siblingAtColumn(c)) for c in range(model.columnCount())]
    local = rows[1].at.astimezone().strftime("%H:%M:%S")
    assert values == [local, voucher.code, "Coffee pass x2", "Redeemed", "Alice"]
    assert model.data(model.index(0, 1)) == "garbage"


def test_owner_undoes_a_redemption_inline(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=2)
    tab = counter.tab
    verdict, _ = counter.submit(voucher.payload)
    assert uses_left(voucher) == 1
    assert tab.undo_button.isVisible() and not tab.undo_button.isEnabled()
    assert tab.select_attempt(verdict.attempt_id)
    assert tab.undo_button.isEnabled()
    tab.undo_button.click()
    panel = tab.undo_panel
    assert panel.isVisible() and voucher.code in panel.question.text()
    assert not panel.confirm.isEnabled()  # a reason first
    assert panel.note.hasFocus()
    counter.type("scanned the wrong card", 150)
    assert panel.note.text() == "scanned the wrong card"  # a person's typing stays there
    with qtbot.waitSignal(tab.recent_changed, timeout=WAIT_MS):
        panel.confirm.click()
    assert not panel.isVisible()
    assert uses_left(voucher) == 2
    undo = RedemptionAttempt.get(RedemptionAttempt.undo_of == verdict.attempt_id)
    assert undo.note == "scanned the wrong card" and undo.station == "Counter 1"
    rows = tab.recent_model.rows()
    assert [(r.reason, r.undone) for r in rows] == [("undone", False), ("redeemed", True)]
    assert tab.recent_model.data(tab.recent_model.index(1, RESULT)) == "Redeemed, undone"
    assert "given back" in tab.recent_message.text()
    tab.select_attempt(verdict.attempt_id)
    assert not tab.undo_button.isEnabled()  # once is enough


def test_a_clerk_sees_only_their_own_and_no_undo(qtbot: QtBot, shop: Shop,
                                                 shop_dir: Path) -> None:
    voucher = sell(shop, uses=3)
    redemption.redeem(shop, voucher.payload, "Counter 1")  # the owner, at this station
    add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    clerk = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    made = Counter(qtbot, clerk)
    try:
        assert made.window.tab_titles() == ["Redemption"]
        verdict, _ = made.scan(voucher.payload)
        assert verdict.reason == "redeemed" and verdict.operator == CLERK
        tab = made.tab
        assert [r.operator for r in tab.recent_model.rows()] == [CLERK]
        assert tab.select_attempt(verdict.attempt_id)
        assert not tab.undo_button.isVisible() and not tab.undo_button.isEnabled()
        tab.ask_undo()
        assert not tab.undo_panel.isVisible()
        assert tab.recent_view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    finally:
        made.close()
        close_shop(clerk)


# --- pieces ---------------------------------------------------------------------------------


def test_every_reason_has_words() -> None:
    assert set(HEADLINES) >= set(REASONS)
    assert all(tone_of(reason) == EXPECTED_TONES[reason] for reason in REASONS)


def test_recent_model_without_widgets(qapp: QApplication) -> None:
    model = RecentModel()
    now = utc_now()
    model.set_rows([RecentAttempt(1, now, "x" * 40, "", "malformed", False, "Bob", "c")])
    assert model.rowCount() == 1 and model.columnCount() == 5
    shown = model.data(model.index(0, 1))
    assert isinstance(shown, str) and len(shown) < 40 and shown.endswith("…")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "x" * 40
    assert model.data(model.index(0, RESULT)) == "Not a voucher code"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"


def test_settings_survive_and_are_clamped(qapp: QApplication) -> None:
    assert ScanSettings.load() == ScanSettings()
    ScanSettings(timeout_ms=120, suffix="\t", clear_after_s=0, sound=False,
                 camera_index=1, camera_on=True).save()
    assert ScanSettings.load() == ScanSettings(120, "\t", 0, False, 1, True)
    QSettings().setValue("redemption/timeout_ms", "5")
    QSettings().setValue("redemption/clear_after_s", "banana")
    loaded = ScanSettings.load()
    assert loaded.timeout_ms == 30 and loaded.clear_after_s == 6


@pytest.mark.parametrize(("platform", "installed", "expected"), [
    ("win32", {}, Player(WINSOUND)),
    ("darwin", {"afplay": "/usr/bin/afplay"}, Player(COMMAND, ("/usr/bin/afplay",))),
    ("linux", {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"},
     Player(COMMAND, ("/usr/bin/paplay",))),
    ("linux", {"aplay": "/usr/bin/aplay"}, Player(COMMAND, ("/usr/bin/aplay", "-q"))),
    ("linux", {}, Player(BEEP)),
    ("darwin", {}, Player(BEEP)),
])
def test_which_player(platform: str, installed: dict[str, str], expected: Player) -> None:
    assert choose_player(platform, installed.get) == expected


def test_the_sounds_are_short_wav_files(tmp_path: Path) -> None:
    for kind in KINDS:
        path = sound_path(kind)
        assert path.is_file(), "python -m desktop_app.ui.counter.sounds"
        with wave.open(str(path)) as sound:
            seconds = sound.getnframes() / sound.getframerate()
            assert sound.getnchannels() == 1 and 0.1 < seconds < 0.6
    made = write_tone(tmp_path / "again.wav", SUCCESS)
    assert made.read_bytes() == sound_path(SUCCESS).read_bytes()  # reproducible


def test_playing_never_raises(qapp: QApplication, tmp_path: Path) -> None:
    sounds = Sounds(True, Player(COMMAND, (str(tmp_path / "no such player"),)))
    assert sounds.play(REFUSAL) is False
    assert Sounds(True, Player(BEEP)).play(SUCCESS) is True


def fully_visible(widget: QWidget) -> bool:
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_without_a_camera_the_list_takes_the_room(counter: Counter, qtbot: QtBot) -> None:
    tab = counter.tab
    counter.window.resize(1024, 768)
    qtbot.waitUntil(lambda: tab.camera.collapsed, timeout=WAIT_MS)  # no camera on this machine
    QApplication.processEvents()
    assert not tab.camera.view.isVisible()
    assert tab.recent_view.width() > 0.65 * tab.width()  # three fifths with a camera
    header = tab.recent_view.horizontalHeader().height()
    rows = (tab.recent_view.viewport().height()) // tab.recent_view.verticalHeader(
        ).defaultSectionSize()
    assert header > 0 and rows >= 8, rows
    assert fully_visible(tab.camera.picker)


def test_the_undo_panel_opens_in_view_at_1024x768(counter: Counter, qtbot: QtBot) -> None:
    tab = counter.tab
    counter.window.resize(1024, 768)
    tab.settings_button.setChecked(True)  # the settings push the list down
    voucher = sell(counter.shop, uses=2)
    verdict, _ = counter.submit(voucher.payload)
    assert tab.select_attempt(verdict.attempt_id)
    tab.undo_button.click()
    panel = tab.undo_panel
    qtbot.waitUntil(lambda: fully_visible(panel.confirm) and fully_visible(panel.note),
                    timeout=WAIT_MS)


def test_a_held_shop_refuses_at_the_counter_and_says_what_to_do(counter: Counter) -> None:
    """Issue #11: a shop on integrity hold redeems nothing, and the counter says why."""
    voucher = sell(counter.shop)
    counter.shop.integrity_problem = "rolled_back"
    counter.tab.submit(voucher.payload, KEYBOARD)
    counter.qtbot.waitUntil(lambda: counter.tab.verdict.tone == TONE_ATTENTION,
                            timeout=WAIT_MS)
    panel = counter.tab.verdict
    assert panel.headline.text() == "Not redeemed"
    assert "restores the latest good backup" in panel.detail.text()
    assert uses_left(voucher) == 1
    counter.shop.integrity_problem = None


def test_on_a_server_the_tab_refuses_while_it_is_gone_and_recovers_by_itself(
        qtbot: QtBot, shop_dir: Path, pg_server: object, pg_url: str) -> None:
    from conftest import OWNER, OWNER_PASSWORD

    from desktop_app.core.engine import ShopLocation

    shop = ShopLocation(shop_dir, pg_url).create("Server", "CNY", OWNER, OWNER_PASSWORD)
    voucher = sell(shop, uses=2)
    counter = Counter(qtbot, shop)
    try:
        watcher = counter.tab.server_watcher
        assert watcher is not None and not counter.tab.server_message.isVisible()
        with qtbot.waitSignal(watcher.reachable_changed, timeout=WAIT_MS) as lost:
            pg_server.psql(  # type: ignore[attr-defined]
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'Voucher Shop watch'")
        assert lost.args == [False]
        assert counter.tab.server_message.isVisible()
        assert "cannot be reached" in counter.tab.server_message.text()
        counter.tab.submit(voucher.payload, KEYBOARD)  # refused at once, nothing consumed
        assert Voucher.get_by_id(voucher.id).uses_left == 2
        assert RedemptionAttempt.select().count() == 0
        with qtbot.waitSignal(watcher.reachable_changed, timeout=WAIT_MS) as back:
            pass
        assert back.args == [True] and not counter.tab.server_message.isVisible()
        verdict, _ = counter.submit(voucher.payload)
        assert verdict.reason == "redeemed" and verdict.uses_left == 1
    finally:
        counter.close()
        close_shop(shop)


def test_the_camera_is_asked_for_the_size_chosen_in_settings(counter: Counter,
                                                             tmp_path: Path) -> None:
    from desktop_app.ui import settings

    settings.CAMERA_SIZE.write("1280x720")
    voucher = sell(counter.shop)
    image = write_image(tmp_path / "frame.png", hard_frame("jpeg", voucher.payload, seed=1).image)
    source = counter.tab.camera.start([image])
    assert (source.width, source.height) == (1280, 720)
    counter.tab.camera.release()
