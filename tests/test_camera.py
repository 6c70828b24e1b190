"""The capture worker, fed from real files through the same code a webcam goes through."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from synthetic import counter_background, random_payload, webcam_frame

from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.camera_source import (
    CAMERA_LOST,
    CAMERA_MISSING,
    CameraSource,
    list_cameras,
)
from desktop_app.scanning.camera_workers import to_qimage
from desktop_app.scanning.decoders import available_decoders

SIZE = (640, 480)


class Recorder:
    """Everything a scanner emitted, in order."""

    def __init__(self, scanner: CameraScanner) -> None:
        self.decoded: list[tuple[str, list[tuple[int, int]]]] = []
        self.failed: list[str] = []
        self.frames: list[QImage] = []
        self.stopped = 0
        scanner.decoded.connect(lambda text, polygon: self.decoded.append((text, polygon)))
        scanner.failed.connect(self.failed.append)
        scanner.frame_ready.connect(self.frames.append)
        scanner.stopped.connect(self._on_stopped)

    def _on_stopped(self) -> None:
        self.stopped += 1


@pytest.fixture
def scanner(qtbot: QtBot) -> Iterator[CameraScanner]:
    made = CameraScanner()
    yield made
    assert made.stop()


def empty_frame(seed: int) -> np.ndarray:
    return counter_background(*SIZE, np.random.default_rng(seed))


def voucher_frames(text: str, count: int, *, empty_before: int = 0) -> list[np.ndarray]:
    """Some frames of an empty counter, then a voucher moving a little, as held by a hand."""
    frames = [empty_frame(seed) for seed in range(empty_before)]
    for i in range(count):
        frames.append(webcam_frame(text, size=SIZE, module_px=4.5, angle_deg=3 * i,
                                   center=(300 + 4 * i, 240), blur_sigma=0.8, seed=i).image)
    return frames


def write_video(path: Path, frames: list[np.ndarray], fps: float = 15) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, SIZE)
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def write_folder(folder: Path, frames: list[np.ndarray], suffix: str = ".jpg") -> Path:
    folder.mkdir(parents=True)
    for i, frame in enumerate(frames):
        ok, encoded = cv2.imencode(suffix, frame)
        assert ok
        encoded.tofile(folder / f"frame_{i:03d}{suffix}")
    return folder


def wait_stopped(qtbot: QtBot, seen: Recorder, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: seen.stopped > 0, timeout=timeout)


@pytest.mark.parametrize("decoder", [label.split()[0] for label in available_decoders()])
def test_a_video_file_decodes_to_the_payload(qtbot: QtBot, tmp_path: Path,
                                             decoder: str) -> None:
    text = random_payload()
    video = write_video(tmp_path / "counter.avi", voucher_frames(text, 6, empty_before=4))
    scanner = CameraScanner(decoders=(decoder,))
    seen = Recorder(scanner)
    source = scanner.start(video)
    wait_stopped(qtbot, seen)
    assert [t for t, _ in seen.decoded] == [text]  # one voucher held still: one scan
    polygon = seen.decoded[0][1]
    assert len(polygon) == 4
    assert all(0 <= x < SIZE[0] and 0 <= y < SIZE[1] for x, y in polygon)
    assert seen.failed == [CAMERA_LOST]  # the end of the file: the frames stopped
    assert source.released and not scanner.running
    # Files are read lossless: every frame was decoded.
    assert scanner.stats() == {"read": 10, "decoded": 10, "dropped": 0}


def test_a_folder_of_images_with_a_chinese_name(qtbot: QtBot, tmp_path: Path,
                                                scanner: CameraScanner) -> None:
    text = random_payload()
    folder = write_folder(tmp_path / "收银台 画面", voucher_frames(text, 2, empty_before=2))
    (folder / "notes.txt").write_text("not a frame", encoding="utf-8")
    seen = Recorder(scanner)
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
        scanner.start(folder)
    assert signal.args[0] == text
    wait_stopped(qtbot, seen)
    assert seen.failed == [CAMERA_LOST]
    assert scanner.stats()["read"] == 4


def test_a_list_of_files_and_a_single_image(qtbot: QtBot, tmp_path: Path,
                                            scanner: CameraScanner) -> None:
    text = random_payload()
    folder = write_folder(tmp_path / "frames", voucher_frames(text, 1, empty_before=1), ".png")
    files = sorted(folder.iterdir())
    for source in (files, files[-1]):
        with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
            scanner.start(source)
        assert signal.args[0] == text


def test_previews_are_small_qimages(qtbot: QtBot, tmp_path: Path,
                                    scanner: CameraScanner) -> None:
    big = [webcam_frame(random_payload(), size=(1280, 720), seed=i).image for i in range(3)]
    folder = write_folder(tmp_path / "hd", big)
    with qtbot.waitSignal(scanner.frame_ready, timeout=5000) as signal:
        scanner.start(CameraSource(folder, fps=30))
    image = signal.args[0]
    assert isinstance(image, QImage) and not image.isNull()
    assert (image.width(), image.height()) == (640, 360)  # fitted into 640x480


def test_real_time_playback_drops_stale_frames_instead_of_queueing(
        qtbot: QtBot, tmp_path: Path) -> None:
    text = random_payload()
    # A voucher at the end of 2 s of empty counter at 30 fps, but only 4 decodes a second:
    # a decoder that worked through a queue would still be on the empty frames at the end.
    frames = [empty_frame(i % 4) for i in range(54)] + voucher_frames(text, 6)
    folder = write_folder(tmp_path / "live", frames)
    scanner = CameraScanner(decode_fps=4)
    seen = Recorder(scanner)
    started = time.monotonic()
    scanner.start(CameraSource(folder, fps=30))
    wait_stopped(qtbot, seen, timeout=10_000)
    assert time.monotonic() - started >= 1.8  # played in real time, not as fast as possible
    stats = scanner.stats()
    assert stats["read"] == 60
    assert stats["decoded"] < 20 and stats["dropped"] > 30
    assert [t for t, _ in seen.decoded] == [text]
    assert len(seen.frames) >= 10  # the preview kept flowing while the decoder was slow


@pytest.mark.parametrize("spec", [99, "missing.avi", "missing.png", "empty folder",
                                  "not a video.avi", []])
def test_missing_sources(qtbot: QtBot, tmp_path: Path, scanner: CameraScanner,
                         spec: object) -> None:
    (tmp_path / "empty folder").mkdir()
    (tmp_path / "not a video.avi").write_bytes(b"RIFF but not really")
    if isinstance(spec, str):
        spec = tmp_path / spec
    seen = Recorder(scanner)
    with qtbot.waitSignal(scanner.failed, timeout=5000) as signal:
        source = scanner.start(spec)  # type: ignore[arg-type]
    assert signal.args == [CAMERA_MISSING]
    wait_stopped(qtbot, seen)
    assert source.released and not scanner.running
    assert seen.decoded == []


def test_unreadable_images_only_is_missing(qtbot: QtBot, tmp_path: Path,
                                           scanner: CameraScanner) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"not a png")
    with qtbot.waitSignal(scanner.failed, timeout=5000) as signal:
        scanner.start(folder)
    assert signal.args == [CAMERA_MISSING]


def test_stop_releases_promptly_and_twice_is_fine(qtbot: QtBot, tmp_path: Path) -> None:
    frames = [empty_frame(i) for i in range(3)] * 20
    folder = write_folder(tmp_path / "long", frames)
    scanner = CameraScanner()
    seen = Recorder(scanner)
    source = CameraSource(folder, fps=20)  # three seconds of frames
    with qtbot.waitSignal(scanner.frame_ready, timeout=5000):
        scanner.start(source)
    assert scanner.running and not source.released
    started = time.monotonic()
    assert scanner.stop()
    assert time.monotonic() - started < 0.5
    assert source.released and not scanner.running
    assert seen.stopped == 1
    assert scanner.stop()  # again: nothing to do, no second "stopped"
    qtbot.wait(100)
    assert seen.stopped == 1
    assert seen.failed == []  # a stop asked for is not a failure


def test_nothing_is_emitted_after_stop(qtbot: QtBot, tmp_path: Path) -> None:
    text = random_payload()
    folder = write_folder(tmp_path / "frames", voucher_frames(text, 3) * 10)
    scanner = CameraScanner()
    seen = Recorder(scanner)
    scanner.start(CameraSource(folder, fps=30))
    scanner.stop()
    count = len(seen.frames), len(seen.decoded)
    qtbot.wait(300)
    assert (len(seen.frames), len(seen.decoded)) == count
    assert seen.failed == []


def test_restart_on_another_source(qtbot: QtBot, tmp_path: Path,
                                   scanner: CameraScanner) -> None:
    first, second = random_payload(), random_payload()
    long_folder = write_folder(tmp_path / "first", voucher_frames(first, 2) * 20)
    short_folder = write_folder(tmp_path / "second", voucher_frames(second, 2))
    first_source = CameraSource(long_folder, fps=10)
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
        scanner.start(first_source)
    assert signal.args[0] == first
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
        scanner.start(short_folder)  # stops the first session on the way
    assert first_source.released
    assert signal.args[0] == second


def test_list_cameras_is_cheap_and_plain() -> None:
    started = time.monotonic()
    cameras = list_cameras(max_index=4)
    assert time.monotonic() - started < 10
    assert all(isinstance(index, int) and 0 <= index < 4 for index in cameras)


def test_to_qimage_copies_and_fits() -> None:
    frame = np.zeros((100, 200, 3), dtype=np.uint8)
    frame[:, :, 2] = 255  # red in BGR
    image = to_qimage(frame, (100, 100))
    frame[:] = 0  # the image must not share the array's memory
    assert (image.width(), image.height()) == (100, 50)
    assert image.pixelColor(10, 10).red() == 255
    gray = to_qimage(np.full((10, 10), 7, dtype=np.uint8), (640, 480))
    assert gray.format() == QImage.Format.Format_Grayscale8


def test_a_scanner_dropped_without_stop_still_releases(qtbot: QtBot, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "long", [empty_frame(i) for i in range(3)] * 20)
    scanner = CameraScanner()
    source = CameraSource(folder, fps=20)
    with qtbot.waitSignal(scanner.frame_ready, timeout=5000):
        scanner.start(source)
    del scanner
    gc.collect()
    qtbot.waitUntil(lambda: source.released, timeout=2000)
