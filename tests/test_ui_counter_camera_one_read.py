"""The camera reads one voucher per appearance (QA s12b F1, F2): a voucher held in view whose
reading drops out for a moment is the same read when it comes back, and several vouchers in
one frame are none. Fed from video files through the same capture code a webcam goes
through, with synthetic frames of this shop's own vouchers and the real decoders.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from counter_driver import WAIT_MS, Counter, attempts, sell, uses_left
from pytestqt.qtbot import QtBot
from synthetic import counter_background, random_payload, webcam_frame
from test_ui_counter_camera import SIZE, write_video

from desktop_app.core.redemption import Verdict
from desktop_app.scanning.camera_reads import NOT_A_VOUCHER, CameraReads
from desktop_app.scanning.decoders import Decoded
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

FPS = 15


def voucher_frame(text: str, i: int, *, thumb: bool = False,
                  center: tuple[float, float] = (300, 240)) -> np.ndarray:
    """The voucher in the customer's hand, moving a little; ``thumb``: a thumb over its
    top-left corner (a finder pattern hidden: nothing decodes)."""
    frame = webcam_frame(text, size=SIZE, module_px=4.5, angle_deg=2 * (i % 8),
                         center=(center[0] + 3 * (i % 8), center[1]), blur_sigma=0.8, seed=i)
    image = frame.image.copy()
    if thumb:
        top_left, bottom_right = frame.corners[0], frame.corners[2]
        x, y = top_left + (bottom_right - top_left) * 0.12
        cv2.circle(image, (int(x), int(y)), 40, (120, 150, 200), -1)
    return image


def seconds(count: float) -> range:
    return range(round(count * FPS))


def counter_tab(counter: Counter) -> RedemptionTab:
    tab = counter.tab
    assert isinstance(tab, RedemptionTab)
    return tab


def run_video(counter: Counter, qtbot: QtBot, video: Path) -> list[Verdict]:
    """Plays ``video`` in real time to the counter's camera; the verdicts it showed."""
    verdicts: list[Verdict] = []
    tab = counter_tab(counter)
    tab.verdict_shown.connect(lambda verdict, *_: verdicts.append(verdict))
    camera = tab.camera
    camera.start(video, fps=FPS)
    qtbot.waitUntil(lambda: not camera.running, timeout=WAIT_MS * 2)
    assert tasks.wait_until_idle(WAIT_MS)
    return verdicts


def test_a_voucher_held_in_view_through_a_drop_out_is_one_read(counter: Counter,
                                                               tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    """Held 2.5 s, a thumb over a corner for 1.8 s (longer than the camera's old hold, 1.5 s,
    and ending past the counter's 3 s window from the read), then 1.5 s more in view."""
    voucher = sell(counter.shop, uses=5)
    rng = np.random.default_rng(3)
    frames = [counter_background(*SIZE, rng) for _ in seconds(0.5)]
    frames += [voucher_frame(voucher.payload, i) for i in seconds(2.5)]
    frames += [voucher_frame(voucher.payload, i, thumb=True) for i in seconds(1.8)]
    frames += [voucher_frame(voucher.payload, i) for i in seconds(1.5)]
    verdicts = run_video(counter, qtbot, write_video(tmp_path / "thumb.avi", frames))
    assert [verdict.reason for verdict in verdicts] == ["redeemed"]
    assert uses_left(voucher) == 4 and attempts() == 1


def two_vouchers_frame(left: str, right: str, i: int) -> np.ndarray:
    """Two vouchers side by side in one frame, as two uncut vouchers of a batch sheet."""
    image = voucher_frame(left, i, center=(150, 240))
    image[:, SIZE[0] // 2:] = voucher_frame(right, i, center=(450, 240))[:, SIZE[0] // 2:]
    return image


def test_two_vouchers_in_one_frame_are_neither_redeemed(counter: Counter, tmp_path: Path,
                                                         qtbot: QtBot) -> None:
    first, second = sell(counter.shop), sell(counter.shop, uses=2)
    rng = np.random.default_rng(4)
    frames = [counter_background(*SIZE, rng) for _ in seconds(0.3)]
    frames += [two_vouchers_frame(first.payload, second.payload, i) for i in seconds(1.2)]
    camera = counter_tab(counter).camera
    said: list[str] = []  # the camera's message line when it says so (once, held still)
    camera.scanner.noticed.connect(lambda _kind: said.append(camera.message.text()))
    verdicts = run_video(counter, qtbot, write_video(tmp_path / "two.avi", frames))
    assert verdicts == [] and attempts() == 0
    assert uses_left(first) == 1 and uses_left(second) == 2
    assert said == ["Several codes in view: show one voucher at a time."]


def test_the_voucher_left_in_view_is_read_once_the_other_is_taken_away(
        counter: Counter, tmp_path: Path, qtbot: QtBot) -> None:
    first, second = sell(counter.shop), sell(counter.shop, uses=2)
    frames = [two_vouchers_frame(first.payload, second.payload, i) for i in seconds(0.8)]
    frames += [voucher_frame(first.payload, i, center=(150, 240)) for i in seconds(2.0)]
    verdicts = run_video(counter, qtbot, write_video(tmp_path / "one_left.avi", frames))
    assert [verdict.reason for verdict in verdicts] == ["redeemed"]
    assert uses_left(first) == 0 and uses_left(second) == 2 and attempts() == 1


def test_a_voucher_beside_a_code_that_is_no_voucher_is_read() -> None:
    """A product's barcode or a shop's web address beside one voucher does not stop it; a
    code that is no voucher is no read at all, only noted (QA s12b F11)."""
    voucher = random_payload()
    reads = CameraReads()
    seen = reads.frame([Decoded("https://example.com/menu", "zxing"),
                        Decoded(voucher, "zxing"), Decoded("6901234567892", "zxing")],
                       now=10.0)
    assert [item.text for item in seen.reads] == [voucher] and not seen.notice
    alone = reads.frame([Decoded("https://example.com/menu", "zxing")], now=10.1)
    assert alone.reads == [] and alone.notice == NOT_A_VOUCHER
    assert reads.frame([Decoded("https://example.com/menu", "zxing")], now=10.2).notice == ""


def test_a_strip_sliding_across_the_view_reads_only_what_stays_alone() -> None:
    """Two uncut vouchers sliding across: the first alone, both, then the second alone for a
    moment as the strip moves on. Only the first is read: the second was seen beside it and
    did not stay alone long enough to be the one shown (QA s12d F9)."""
    first, second = random_payload(), random_payload()
    reads = CameraReads()
    frames = [[first]] * 3 + [[first, second]] * 4 + [[second]] * 8 + [[]] * 3
    read = [item.text for i, texts in enumerate(frames)
            for item in reads.frame([Decoded(text, "zxing") for text in texts],
                                    now=100 + i / FPS).reads]
    assert read == [first]
    kept = [item.text for i in range(20)  # the second then held up alone: read, once
            for item in reads.frame([Decoded(second, "zxing")], now=102 + i / FPS).reads]
    assert kept == [second]


PAYMENT_STAND = "wxp://f2f0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"


def test_a_payment_stand_in_view_is_no_red_verdict(counter: Counter, tmp_path: Path,
                                                   qtbot: QtBot) -> None:
    """The shop's WeChat Pay stand stays in the corner of the picture; a customer's voucher
    comes and goes in front of the camera: one green, no red after it, no attempt logged."""
    voucher = sell(counter.shop, uses=5)
    frames = [voucher_frame(PAYMENT_STAND, i, center=(450, 240)) for i in seconds(0.5)]
    frames += [two_vouchers_frame(voucher.payload, PAYMENT_STAND, i) for i in seconds(1.0)]
    frames += [voucher_frame(PAYMENT_STAND, i, center=(450, 240)) for i in seconds(0.8)]
    camera = counter_tab(counter).camera
    said: list[str] = []
    camera.scanner.noticed.connect(lambda _kind: said.append(camera.message.text()))
    verdicts = run_video(counter, qtbot, write_video(tmp_path / "stand.avi", frames))
    assert [verdict.reason for verdict in verdicts] == ["redeemed"]
    assert uses_left(voucher) == 4 and attempts() == 1
    assert said[:1] == ["The camera sees a code that is not a voucher."]


def test_a_voucher_held_after_its_read_stays_outlined_and_is_not_read_again() -> None:
    """QA s41a F10: one read, then the preview's outline went after 1.2 s while the voucher
    was still held up. Each later sighting is held, not read: the outline follows it."""
    voucher, other = random_payload(), random_payload()
    reads = CameraReads()
    first = reads.frame([Decoded(voucher, "zxing")], now=10.0)
    assert [item.text for item in first.reads] == [voucher] and first.held == []
    later = [reads.frame([Decoded(voucher, "zxing")], now=10 + i / FPS) for i in range(1, 30)]
    assert all(frame.reads == [] and [item.text for item in frame.held] == [voucher]
               for frame in later)
    both = reads.frame([Decoded(voucher, "zxing"), Decoded(other, "zxing")], now=11.5)
    assert both.reads == [] and both.held == []  # several in view: none is outlined as read


def test_the_preview_outlines_a_held_voucher_for_as_long_as_it_is_held(
        counter: Counter, tmp_path: Path, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=5)
    frames = [voucher_frame(voucher.payload, i) for i in seconds(2.0)]
    camera = counter_tab(counter).camera
    held: list[list[object]] = []
    camera.scanner.still_in_view.connect(held.append)
    verdicts = run_video(counter, qtbot, write_video(tmp_path / "held.avi", frames))
    assert [verdict.reason for verdict in verdicts] == ["redeemed"] and attempts() == 1
    assert len(held) >= 5 and all(len(polygon) == 4 for polygon in held)
