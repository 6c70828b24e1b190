"""Where camera frames come from: cameras and files as a CameraSource, and the problem codes.

The same code reads files (a video, an image, a folder or list of images) so that tests and
demos run it without a camera. Files are read lossless by default (every frame decoded, no
pacing); given ``fps`` they play in real time and drop frames like a camera.

Problems are reported as codes: ``camera_missing`` (no such camera or file), ``camera_busy``
(it exists but gives no frames, usually another program holds it), ``camera_denied`` (Linux:
the user may not open the device node, e.g. not in the ``video`` group), ``camera_lost``
(frames stopped: unplugged, or the end of a file) and ``decoder_missing`` (no QR decoder).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from os import PathLike
from pathlib import Path

import cv2
import numpy as np

from desktop_app.scanning.decoders import UnreadableImage, read_image

CAMERA_MISSING = "camera_missing"
CAMERA_BUSY = "camera_busy"
CAMERA_DENIED = "camera_denied"
CAMERA_LOST = "camera_lost"
DECODER_MISSING = "decoder_missing"
PROBLEMS = (CAMERA_MISSING, CAMERA_BUSY, CAMERA_DENIED, CAMERA_LOST, DECODER_MISSING)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})

SourceSpec = int | str | PathLike[str] | Sequence[str | PathLike[str]]


# --- OpenCV's own chatter -------------------------------------------------------------------

_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_level = 0


@contextlib.contextmanager
def _opencv_quiet() -> Iterator[None]:
    """Silence OpenCV's stderr warnings ("can't open camera by index") while probing.

    The log level is process-wide, so nested and concurrent users share one save/restore.
    """
    global _quiet_depth, _saved_level
    with _quiet_lock:
        if _quiet_depth == 0:
            _saved_level = cv2.utils.logging.getLogLevel()
            cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                cv2.utils.logging.setLogLevel(_saved_level)


def _camera_apis() -> list[int]:
    # Media Foundation can take many seconds to open a webcam on Windows; DirectShow opens at
    # once, so it goes first there. Elsewhere OpenCV's default choice is the right one.
    if sys.platform == "win32":
        return [cv2.CAP_DSHOW, cv2.CAP_MSMF]
    return [cv2.CAP_ANY]


def _device_node(index: int) -> str | None:
    """On Linux a camera index is a /dev/videoN node; elsewhere there is nothing to look at."""
    return f"/dev/video{index}" if sys.platform.startswith("linux") else None


def _device_node_missing(index: int) -> bool:
    node = _device_node(index)
    return node is not None and not os.path.exists(node)


def _why_camera_did_not_open(index: int) -> str:
    node = _device_node(index)
    if node is None or not os.path.exists(node):
        return CAMERA_MISSING
    if not os.access(node, os.R_OK | os.W_OK):
        return CAMERA_DENIED
    return CAMERA_BUSY  # there, ours to open, and yet it will not: another program has it


def _open_camera(index: int, size: tuple[int, int] | None) -> cv2.VideoCapture | None:
    if _device_node_missing(index):
        return None  # no node, no camera: no need to ask OpenCV (and hear it complain)
    with _opencv_quiet():
        for api in _camera_apis():
            capture = cv2.VideoCapture(index, api)
            if capture.isOpened():
                if size is not None:
                    capture.set(cv2.CAP_PROP_FRAME_WIDTH, size[0])
                    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, size[1])
                    # Keep the driver's queue short: a stale frame is worse than a skipped one.
                    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
                return capture
            capture.release()
    return None


def list_cameras(max_index: int = 4) -> list[int]:
    """Camera indices below ``max_index`` that open. Blocks (opening a camera takes time on
    some systems): call it from a worker thread or once at start, not on every repaint."""
    found = []
    for index in range(max_index):
        capture = _open_camera(index, None)  # opening is enough: no format negotiation
        if capture is not None:
            found.append(index)
            capture.release()
    return found


# --- Sources ------------------------------------------------------------------------------


class CameraSource:
    """Where frames come from: a camera index, a video file, an image file, a folder of
    images or a list of image files. Opened, read and released by the capture thread only
    (OpenCV captures are not safe to release while another thread reads them)."""

    def __init__(self, spec: SourceSpec, *, fps: float | None = None,
                 width: int = 640, height: int = 480) -> None:
        self.spec = spec
        self.width, self.height = width, height
        self.is_camera = isinstance(spec, int) and not isinstance(spec, bool)
        # A camera paces itself; a file plays in real time only when asked to.
        self.frame_interval = 1.0 / fps if fps and not self.is_camera else None
        self._capture: cv2.VideoCapture | None = None
        self._images: list[Path] = []
        self._next_image = 0
        self.opened = False
        self.released = False

    @property
    def live(self) -> bool:
        """Whether frames arrive in real time, so that a slow decoder must skip some."""
        return self.is_camera or self.frame_interval is not None

    def open(self) -> str | None:
        """Opens the source; returns None, or a problem code when it cannot."""
        self._next_image = 0
        self.released = False
        if self.is_camera:
            assert isinstance(self.spec, int)
            self._capture = _open_camera(self.spec, (self.width, self.height))
            if self._capture is None:
                return _why_camera_did_not_open(self.spec)
        elif not self._open_files():
            return CAMERA_MISSING
        self.opened = True
        return None

    def _open_files(self) -> bool:
        if isinstance(self.spec, (str, PathLike)):
            path = Path(self.spec)
            if path.is_dir():
                self._images = sorted(p for p in path.iterdir()
                                      if p.suffix.lower() in IMAGE_SUFFIXES)
                return bool(self._images)
            if path.suffix.lower() in IMAGE_SUFFIXES:
                self._images = [path]
                return path.is_file()
            if not path.is_file():
                return False
            with _opencv_quiet():
                self._capture = cv2.VideoCapture(str(path))
            return self._capture.isOpened()
        assert not isinstance(self.spec, int)  # a camera index was opened above
        self._images = [Path(p) for p in self.spec]
        return bool(self._images)

    def read(self) -> np.ndarray | None:
        """The next frame, or None when none came (end of file, camera gone or not ready)."""
        if self._capture is not None:
            ok, frame = self._capture.read()
            return frame if ok and frame is not None and frame.size else None
        while self._next_image < len(self._images):
            path = self._images[self._next_image]
            self._next_image += 1
            try:
                return read_image(path)
            except UnreadableImage:
                continue  # one bad file in a folder should not end the show
        return None

    def release(self) -> None:
        """Closes the device or file; safe to call more than once."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None
        self.released = True


def as_source(spec: CameraSource | SourceSpec) -> CameraSource:
    return spec if isinstance(spec, CameraSource) else CameraSource(spec)
