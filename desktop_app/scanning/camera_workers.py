"""The capture and decode threads of one camera session, and the one-frame mailbox between them.

Two worker threads per session: one reads frames and posts previews, one decodes. They meet
in a one-frame mailbox, so a slow decoder makes the capture skip frames instead of queueing
them, and the camera's own buffer never fills with stale frames. Previews reach the GUI through
a single pending slot as well: a busy GUI gets the newest preview, never a backlog.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import cv2
import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from desktop_app.scanning.camera_reads import CameraReads
from desktop_app.scanning.camera_source import (
    CAMERA_BUSY,
    CAMERA_LOST,
    CAMERA_MISSING,
    DECODER_MISSING,
    CameraSource,
)
from desktop_app.scanning.decoders import Decoded, DecoderUnavailable, decode_image

log = logging.getLogger(__name__)


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


class SessionSettings:
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

    def __init__(self, session: CameraSession) -> None:
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
    noticed = Signal(int, str)  # camera_reads' SEVERAL_IN_VIEW or NOT_A_VOUCHER: no read
    held = Signal(int, list)  # a voucher already read, still in view: its corners, no read

    def __init__(self, session: CameraSession) -> None:
        super().__init__(session)
        self._reads = CameraReads(session.settings.repeat_hold_s)

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
        # A voucher held in front of the lens is one read, not thirty a second; several in
        # one frame, or a code that is no voucher, are none (camera_reads); whether a read
        # repeats a verdict is core.counter's decision.
        outcome = self._reads.frame(found, now)
        if outcome.notice:
            self.noticed.emit(self.session.id, outcome.notice)
        for item in outcome.reads:
            self.found.emit(self.session.id, item.text, list(item.polygon))
        for item in outcome.held:
            self.held.emit(self.session.id, list(item.polygon))

    def _rest(self, started: float) -> None:
        # Cap the decode rate of a live source: a shop PC has other work to do.
        if self.session.source.live and self.session.settings.decode_interval:
            remaining = self.session.settings.decode_interval - (time.monotonic() - started)
            if remaining > 0:
                self.session.stopping.wait(remaining)


class CameraSession:
    _next_id = 0

    def __init__(self, source: CameraSource, settings: SessionSettings) -> None:
        CameraSession._next_id += 1
        self.id = CameraSession._next_id
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
