"""Camera capture and QR decoding off the GUI thread, handing the GUI only the newest results.

Two worker threads per session: one reads frames and posts previews, one decodes. They meet
in a one-frame mailbox, so a slow decoder makes the capture skip frames instead of queueing
them, and the camera's own buffer never fills with stale frames. Previews reach the GUI through
a single pending slot as well: a busy GUI gets the newest preview, never a backlog.

The same code reads files (a video, an image, a folder or list of images) so that tests and
demos run it without a camera. Files are read lossless by default (every frame decoded, no
pacing); given ``fps`` they play in real time and drop frames like a camera.

Problems are reported as codes: ``camera_missing`` (no such camera or file), ``camera_busy``
(it exists but gives no frames, usually another program holds it), ``camera_denied`` (Linux:
the user may not open the device node, e.g. not in the ``video`` group), ``camera_lost``
(frames stopped: unplugged, or the end of a file) and ``decoder_missing`` (no QR decoder).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sys
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from os import PathLike
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from desktop_app.scanning.decoders import (
    Decoded,
    DecoderUnavailable,
    UnreadableImage,
    available_decoders,
    decode_image,
    read_image,
)

CAMERA_MISSING = "camera_missing"
CAMERA_BUSY = "camera_busy"
CAMERA_DENIED = "camera_denied"
CAMERA_LOST = "camera_lost"
DECODER_MISSING = "decoder_missing"
PROBLEMS = (CAMERA_MISSING, CAMERA_BUSY, CAMERA_DENIED, CAMERA_LOST, DECODER_MISSING)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})

SourceSpec = int | str | PathLike[str] | Sequence[str | PathLike[str]]

log = logging.getLogger(__name__)


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


# --- The one-frame mailbox ------------------------------------------------------------------


class _Mailbox:
    """Holds at most one frame between the capture and the decoder.

    A live source overwrites an untaken frame (stale frames are dropped); a lossless one waits
    until the decoder took the previous frame. Closing lets the decoder drain the last frame.
    """

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._frame: np.ndarray | None = None
        self._closed = False
        self.dropped = 0

    def put(self, frame: np.ndarray, *, lossless: bool) -> None:
        with self._ready:
            if lossless:
                self._ready.wait_for(lambda: self._frame is None or self._closed)
            elif self._frame is not None:
                self.dropped += 1
            if not self._closed:
                self._frame = frame
                self._ready.notify_all()

    def take(self, timeout: float) -> np.ndarray | None:
        with self._ready:
            self._ready.wait_for(lambda: self._frame is not None or self._closed, timeout)
            frame, self._frame = self._frame, None
            self._ready.notify_all()
            return frame

    def close(self, *, discard: bool = False) -> None:
        with self._ready:
            self._closed = True
            if discard:
                self._frame = None
            self._ready.notify_all()

    @property
    def finished(self) -> bool:
        with self._ready:
            return self._closed and self._frame is None


# --- Worker threads -------------------------------------------------------------------------


class _Settings:
    def __init__(self, *, decoders: Sequence[str] | None, preview_fps: float,
                 preview_size: tuple[int, int], decode_fps: float, retry_every: int,
                 repeat_hold_s: float, first_frame_timeout_s: float, lost_after_s: float) -> None:
        self.decoders = tuple(decoders) if decoders is not None else None
        self.preview_interval = 1.0 / preview_fps if preview_fps > 0 else 0.0
        self.preview_size = preview_size
        self.decode_interval = 1.0 / decode_fps if decode_fps > 0 else 0.0
        self.retry_every = max(1, retry_every)
        self.repeat_hold_s = repeat_hold_s
        self.first_frame_timeout_s = first_frame_timeout_s
        self.lost_after_s = lost_after_s


class _PreviewSlot:
    """The newest preview image, and whether the GUI has been told about it yet."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._image: QImage | None = None

    def offer(self, image: QImage) -> bool:
        """Stores the image; True when no earlier one is still waiting for the GUI."""
        with self._lock:
            was_empty = self._image is None
            self._image = image
            return was_empty

    def take(self) -> QImage | None:
        with self._lock:
            image, self._image = self._image, None
            return image


def to_qimage(frame: np.ndarray, max_size: tuple[int, int]) -> QImage:
    """A QImage copy of a BGR or grayscale frame, shrunk to fit ``max_size`` if larger."""
    height, width = frame.shape[:2]
    scale = min(max_size[0] / width, max_size[1] / height, 1.0)
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        fmt = QImage.Format.Format_Grayscale8
    elif frame.shape[2] == 4:
        frame = np.ascontiguousarray(frame[:, :, :3])
        fmt = QImage.Format.Format_BGR888
    else:
        fmt = QImage.Format.Format_BGR888
    # The QImage borrows the array's memory, so copy before the array goes away.
    return QImage(frame.data, width, height, frame.strides[0], fmt).copy()


class _Worker(QThread):
    """A session's thread. Its last word is ``done``: emitted from the thread after all its
    other signals, so the GUI, which receives them in order, knows nothing more will come."""

    problem = Signal(int, str)
    done = Signal(int)

    def __init__(self, session: _Session) -> None:
        super().__init__()
        self.session = session

    def run(self) -> None:
        try:
            self.work()
        finally:
            self.done.emit(self.session.id)

    def work(self) -> None:
        raise NotImplementedError


class _CaptureThread(_Worker):
    preview_posted = Signal(int)

    def work(self) -> None:
        session = self.session
        try:
            problem = session.source.open()
            if problem is None:
                problem = self._loop()
        except Exception:  # a driver or codec error must end the session, not hang it
            log.exception("camera capture failed")
            problem = CAMERA_LOST
        finally:
            session.source.release()
            session.mailbox.close(discard=session.stopping.is_set())
        if problem is not None and not session.stopping.is_set():
            self.problem.emit(session.id, problem)

    def _loop(self) -> str | None:
        session, source = self.session, self.session.source
        frames = 0
        started = last_frame = time.monotonic()
        next_due = started
        while not session.stopping.is_set():
            if source.frame_interval is not None:
                session.stopping.wait(max(0.0, next_due - time.monotonic()))
                next_due = max(next_due + source.frame_interval, time.monotonic())
            frame = source.read()
            now = time.monotonic()
            if frame is None:
                problem = self._missing_frame(frames, now - started, now - last_frame)
                if problem is not None:
                    return problem
                session.stopping.wait(0.02)  # a camera not ready yet: do not spin
                continue
            frames += 1
            session.frames_read += 1
            last_frame = now
            self._post_preview(frame, now)
            session.mailbox.put(frame, lossless=not source.live)
        return None

    def _missing_frame(self, frames: int, since_start: float, since_last: float) -> str | None:
        """What a failed read means: maybe nothing yet, or the problem to report."""
        settings = self.session.settings
        if not self.session.source.is_camera:
            return CAMERA_LOST if frames else CAMERA_MISSING  # a file does not recover
        if frames == 0:
            return CAMERA_BUSY if since_start > settings.first_frame_timeout_s else None
        # A camera may drop a read now and then; only a lasting silence means it is gone.
        return CAMERA_LOST if since_last > settings.lost_after_s else None

    def _post_preview(self, frame: np.ndarray, now: float) -> None:
        session = self.session
        if now - session.last_preview < session.settings.preview_interval:
            return
        session.last_preview = now
        if session.preview.offer(to_qimage(frame, session.settings.preview_size)):
            self.preview_posted.emit(session.id)


class _DecodeThread(_Worker):
    found = Signal(int, str, list)

    def __init__(self, session: _Session) -> None:
        super().__init__(session)
        self._seen: dict[str, float] = {}

    def work(self) -> None:
        try:
            self._decode_frames()
        finally:
            if not self.session.mailbox.finished:
                # Leaving early (an error): without a decoder the session is over, and a
                # lossless capture must not wait forever for the frame to be taken.
                self.session.stopping.set()
                self.session.mailbox.close(discard=True)

    def _decode_frames(self) -> None:
        session = self.session
        attempts = 0
        while not session.stopping.is_set():
            frame = session.mailbox.take(timeout=0.1)
            if frame is None:
                if session.mailbox.finished:
                    return
                continue
            attempts += 1
            started = time.monotonic()
            # Live frames get the slower repairs only now and then: the next frame is coming.
            retries = not session.source.live or attempts % session.settings.retry_every == 0
            try:
                found = decode_image(frame, session.settings.decoders, retries=retries)
            except DecoderUnavailable:
                self.problem.emit(session.id, DECODER_MISSING)
                return
            except Exception:  # one odd frame must not end scanning
                log.exception("decoding a camera frame failed")
                found = []
            session.frames_decoded += 1
            self._report(found, started)
            self._rest(started)

    def _report(self, found: list[Decoded], now: float) -> None:
        hold = self.session.settings.repeat_hold_s
        if len(self._seen) > 64:
            self._seen = {t: s for t, s in self._seen.items() if now - s <= hold}
        for item in found:
            last = self._seen.get(item.text)
            self._seen[item.text] = now
            # A voucher held in front of the lens is one read, not thirty a second: this
            # only spares the decoder's listeners; whether a read repeats a verdict is
            # core.counter's decision.
            if last is None or now - last > hold:
                self.found.emit(self.session.id, item.text, list(item.polygon))

    def _rest(self, started: float) -> None:
        # Cap the decode rate of a live source: a shop PC has other work to do.
        if self.session.source.live and self.session.settings.decode_interval:
            remaining = self.session.settings.decode_interval - (time.monotonic() - started)
            if remaining > 0:
                self.session.stopping.wait(remaining)


class _Session:
    _next_id = 0

    def __init__(self, source: CameraSource, settings: _Settings) -> None:
        _Session._next_id += 1
        self.id = _Session._next_id
        self.source = source
        self.settings = settings
        self.stopping = threading.Event()
        self.mailbox = _Mailbox()
        self.preview = _PreviewSlot()
        self.last_preview = float("-inf")
        self.frames_read = 0  # written by the capture thread only
        self.frames_decoded = 0  # written by the decode thread only
        self.workers_done = 0  # counted in the GUI thread
        self.capture = _CaptureThread(self)
        self.decoder = _DecodeThread(self)

    def threads(self) -> tuple[_Worker, _Worker]:
        return self.capture, self.decoder


# Sessions whose threads outlived stop()'s wait, or their scanner: kept referenced so that no
# QThread object is destroyed while its thread still runs (Qt aborts the process if it is).
_draining: set[_Session] = set()
_sessions: weakref.WeakSet[_Session] = weakref.WeakSet()


def _prune_draining() -> None:
    for session in list(_draining):
        if all(thread.isFinished() for thread in session.threads()):
            _draining.discard(session)


@atexit.register
def _stop_all_sessions() -> None:
    """A script that exits without stop() must not abort in Qt's QThread destructor."""
    for session in list(_sessions):
        session.stopping.set()
        session.mailbox.close(discard=True)
    for session in list(_sessions):
        for thread in session.threads():
            thread.wait(2000)


class _Holder:
    """The scanner's current session, outside the scanner, for when the scanner is deleted
    without a stop(): the session is then told to stop and kept until its threads end."""

    def __init__(self) -> None:
        self.session: _Session | None = None

    def abandon(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.stopping.set()
            session.mailbox.close(discard=True)
            _draining.add(session)


class CameraScanner(QObject):
    """Runs a :class:`CameraSource` on worker threads and reports through signals.

    ``frame_ready(QImage)`` previews (at most ``preview_fps``, shrunk to ``preview_size``),
    ``decoded(text, polygon)`` once per appearance of a symbol (polygon in frame pixels),
    ``failed(code)`` with a problem code (the session then ends), ``stopped()`` when a session
    ends for any reason. Start and stop from the GUI thread.
    """

    frame_ready = Signal(QImage)
    decoded = Signal(str, list)
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None, *, decoders: Sequence[str] | None = None,
                 preview_fps: float = 20.0, preview_size: tuple[int, int] = (640, 480),
                 decode_fps: float = 12.0, retry_every: int = 3, repeat_hold_s: float = 1.5,
                 first_frame_timeout_s: float = 4.0, lost_after_s: float = 2.0) -> None:
        super().__init__(parent)
        self._settings = _Settings(
            decoders=decoders, preview_fps=preview_fps, preview_size=preview_size,
            decode_fps=decode_fps, retry_every=retry_every, repeat_hold_s=repeat_hold_s,
            first_frame_timeout_s=first_frame_timeout_s, lost_after_s=lost_after_s)
        self._holder = _Holder()
        self._last_session: _Session | None = None
        holder = self._holder
        # A lambda, because PySide keeps only a weak reference to a bound method's object,
        # and the holder must outlive this scanner to act when it is deleted.
        self.destroyed.connect(lambda *_: holder.abandon())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def _session(self) -> _Session | None:
        return self._holder.session

    @_session.setter
    def _session(self, session: _Session | None) -> None:
        self._holder.session = session

    @property
    def running(self) -> bool:
        return self._session is not None

    @property
    def source(self) -> CameraSource | None:
        return self._session.source if self._session is not None else None

    def stats(self) -> dict[str, int]:
        """Frames read, decoded and dropped (left for a newer one) by the current or last
        session: how far the decoder keeps up, for diagnostics."""
        session = self._session or self._last_session
        if session is None:
            return {"read": 0, "decoded": 0, "dropped": 0}
        return {"read": session.frames_read, "decoded": session.frames_decoded,
                "dropped": session.mailbox.dropped}

    def start(self, source: CameraSource | SourceSpec) -> CameraSource:
        """Starts reading ``source`` (stopping any earlier one); returns the source used."""
        self.stop()
        _prune_draining()
        source = as_source(source)
        if not self._decoders_usable():
            self.failed.emit(DECODER_MISSING)
            return source
        session = _Session(source, self._settings)
        session.capture.preview_posted.connect(self._on_preview)
        session.decoder.found.connect(self._on_found)
        for thread in session.threads():
            thread.problem.connect(self._on_problem)
            thread.done.connect(self._on_worker_done)
            thread.finished.connect(self._on_thread_finished)
        self._session = self._last_session = session
        _sessions.add(session)
        # Decoding yields to the GUI and to capture: a late decode costs less than a stutter.
        session.decoder.start(QThread.Priority.LowPriority)
        session.capture.start()
        return source

    def _decoders_usable(self) -> bool:
        if not available_decoders():
            return False
        try:
            decode_image(np.zeros((8, 8), np.uint8), self._settings.decoders, retries=False)
        except DecoderUnavailable:
            return False
        return True

    def stop(self, timeout_ms: int = 2000) -> bool:
        """Stops the session, releasing the camera. Returns False if a thread did not end
        within ``timeout_ms`` (a driver stuck in a read); it then releases when it returns.
        Safe to call when stopped, and more than once."""
        session, self._session = self._session, None
        if session is None:
            return True
        session.stopping.set()
        session.mailbox.close(discard=True)
        deadline = time.monotonic() + timeout_ms / 1000
        joined = all(thread.wait(max(0, round((deadline - time.monotonic()) * 1000)))
                     for thread in session.threads())
        if not joined:
            _draining.add(session)
        self.stopped.emit()
        return joined

    @Slot(int, str)
    def _on_problem(self, session_id: int, code: str) -> None:
        # The failing thread ends the session itself: the decoder still drains the last frame
        # of a file, and a camera's threads were already on their way out.
        if self._session is not None and self._session.id == session_id:
            self.failed.emit(code)

    @Slot(int)
    def _on_preview(self, session_id: int) -> None:
        if self._session is None or self._session.id != session_id:
            return
        image = self._session.preview.take()
        if image is not None:
            self.frame_ready.emit(image)

    @Slot(int, str, list)
    def _on_found(self, session_id: int, text: str, polygon: list[object]) -> None:
        if self._session is not None and self._session.id == session_id:
            self.decoded.emit(text, polygon)

    @Slot(int)
    def _on_worker_done(self, session_id: int) -> None:
        session = self._session
        if session is None or session.id != session_id:
            return  # a session stop() already ended
        session.workers_done += 1
        if session.workers_done == len(session.threads()):
            # Ended by itself (a problem, the end of a file). Both threads are past their last
            # signal; waiting for them to wind down takes microseconds.
            for thread in session.threads():
                thread.wait()
            self._session = None
            self.stopped.emit()

    @Slot()
    def _on_thread_finished(self) -> None:
        _prune_draining()
