"""CameraScanner: camera capture and QR decoding off the GUI thread, reported through signals.

The scanner starts a session of worker threads (``camera_workers.py``) on a source
(``camera_source.py``) and hands the GUI only the newest results.
"""

from __future__ import annotations

import atexit
import time
import weakref
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from desktop_app import collector
from desktop_app.core.counter import REPEAT_WINDOW_S
from desktop_app.scanning.camera_source import (
    DECODER_MISSING,
    CameraSource,
    SourceSpec,
    as_source,
)
from desktop_app.scanning.camera_workers import CameraSession, SessionSettings
from desktop_app.scanning.decoders import DecoderUnavailable, available_decoders, decode_image

# Sessions whose threads outlived stop()'s wait, or their scanner: kept referenced so that no
# QThread object is destroyed while its thread still runs (Qt aborts the process if it is).
_draining: set[CameraSession] = set()
_sessions: weakref.WeakSet[CameraSession] = weakref.WeakSet()


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
        self.session: CameraSession | None = None

    def abandon(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.stopping.set()
            session.mailbox.close(discard=True)
            _draining.add(session)


class CameraScanner(QObject):
    """Runs a :class:`CameraSource` on worker threads and reports through signals.

    ``frame_ready(QImage)`` previews (at most ``preview_fps``, shrunk to ``preview_size``),
    ``decoded(text, polygon)`` once per appearance of a symbol (polygon in frame pixels; an
    appearance lasts while it stays in view, ``camera_reads``), ``noticed(kind)`` for what
    was seen but is no read (several vouchers at once, a code that is no voucher),
    ``failed(code)`` with a problem code (the session then ends), ``stopped()`` when a session
    ends for any reason. Start and stop from the GUI thread.
    """

    frame_ready = Signal(QImage)
    decoded = Signal(str, list)
    noticed = Signal(str)
    still_in_view = Signal(list)  # the corners of a voucher read before, still held there
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None, *, decoders: Sequence[str] | None = None,
                 preview_fps: float = 20.0, preview_size: tuple[int, int] = (640, 480),
                 decode_fps: float = 12.0, retry_every: int = 3,
                 repeat_hold_s: float = REPEAT_WINDOW_S,
                 first_frame_timeout_s: float = 4.0, lost_after_s: float = 2.0) -> None:
        super().__init__(parent)
        self._settings = SessionSettings(
            decoders=decoders, preview_fps=preview_fps, preview_size=preview_size,
            decode_fps=decode_fps, retry_every=retry_every, repeat_hold_s=repeat_hold_s,
            first_frame_timeout_s=first_frame_timeout_s, lost_after_s=lost_after_s)
        self._holder = _Holder()
        self._last_session: CameraSession | None = None
        holder = self._holder
        # A lambda, because PySide keeps only a weak reference to a bound method's object,
        # and the holder must outlive this scanner to act when it is deleted.
        self.destroyed.connect(lambda *_: holder.abandon())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def _session(self) -> CameraSession | None:
        return self._holder.session

    @_session.setter
    def _session(self, session: CameraSession | None) -> None:
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
        session = CameraSession(source, self._settings)
        session.capture.preview_posted.connect(self._on_preview)
        session.decoder.found.connect(self._on_found)
        session.decoder.noticed.connect(self._on_noticed)
        session.decoder.held.connect(self._on_held)
        for thread in session.threads():
            thread.problem.connect(self._on_problem)
            thread.done.connect(self._on_worker_done)
            thread.finished.connect(self._on_thread_finished)
        self._session = self._last_session = session
        _sessions.add(session)
        for thread in session.threads():
            collector.hold_until_finished(thread)
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

    @Slot(int, list)
    def _on_held(self, session_id: int, polygon: list[object]) -> None:
        if self._session is not None and self._session.id == session_id:
            self.still_in_view.emit(polygon)

    @Slot(int, str)
    def _on_noticed(self, session_id: int, kind: str) -> None:
        if self._session is not None and self._session.id == session_id:
            self.noticed.emit(kind)

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
