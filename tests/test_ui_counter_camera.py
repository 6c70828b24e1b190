"""The Redemption tab's camera: vouchers held in front of it (fed from video and image files
through the same capture code a webcam goes through, with synthetic frames of this shop's own
vouchers), a missing camera, and the camera freed when the tab hides or the window locks.
"""


from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from counter_driver import WAIT_MS, Counter, attempts, sell, uses_left
from pytestqt.qtbot import QtBot
from synthetic import HARD_CASES, counter_background, hard_frame, webcam_frame

from desktop_app.scanning.camera_source import CAMERA_LOST, CAMERA_MISSING
from desktop_app.scanning.keystrokes import SCANNER
from desktop_app.ui import tasks
from desktop_app.ui.counter.camera_view import problem_text
from desktop_app.ui.counter.redemption_tab import CAMERA

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


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
    # QA s35b F10: the empty dark box stayed and squeezed the recent list's Product column
    assert camera.collapsed and camera.message.isVisible()
    qtbot.waitUntil(lambda: not camera.toggle.isChecked(), timeout=WAIT_MS)
    voucher = sell(counter.shop)
    verdict, _ = counter.scan(voucher.payload)
    assert verdict.reason == "redeemed" and tab.last_source == SCANNER
    # QA s10a F3: the choice stayed on, so every later start tried again, warned and showed
    # an empty preview; clicking the toggle (shown off) only tried once more.
    assert not tab.settings.camera_on
    assert not type(tab.settings).load().camera_on  # as the next start reads it


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


def test_the_camera_is_asked_for_the_size_chosen_in_settings(counter: Counter,
                                                             tmp_path: Path) -> None:
    from desktop_app.ui import settings

    settings.CAMERA_SIZE.write("1280x720")
    voucher = sell(counter.shop)
    image = write_image(tmp_path / "frame.png", hard_frame("jpeg", voucher.payload, seed=1).image)
    source = counter.tab.camera.start([image])
    assert (source.width, source.height) == (1280, 720)
    counter.tab.camera.release()


def test_the_camera_button_plays_a_file_named_in_the_environment(
        counter: Counter, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """QA s41a N1: only the tests could drive the capture with a file; SHOP_CAMERA_FILE lets a
    person do it in the app (the Camera button, the picker saying which file)."""
    from desktop_app.ui.counter.camera_panel import CAMERA_FILE_ENV

    voucher = sell(counter.shop, uses=5)
    video = write_video(tmp_path / "held.avi", held_voucher(voucher.payload, 8))
    monkeypatch.setenv(CAMERA_FILE_ENV, str(video))
    camera = counter.tab.camera
    camera.probe()  # no webcam on this machine: the file stands in, the preview stays
    qtbot.waitUntil(camera.refresh.isEnabled, timeout=WAIT_MS)
    assert camera.picker.currentText() == "File: held.avi" and not camera.collapsed
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        camera.toggle.click()
        assert camera.running
    assert shown.args[0].reason == "redeemed" and counter.tab.last_source == CAMERA
    qtbot.waitUntil(lambda: not camera.running, timeout=WAIT_MS)
    assert uses_left(voucher) == 4 and attempts() == 1
    assert camera.source is not None and camera.source.spec == str(video)
