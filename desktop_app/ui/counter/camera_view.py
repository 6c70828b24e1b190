"""The webcam preview: the newest frame, the QR code found in it outlined, or a message.

Frames arrive already shrunk by the capture worker; the decoder's polygon is in the frame's
own pixels, so the view is told the frame size to map one onto the other. Painting draws
only the newest image: a slow repaint skips frames, it never queues them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.camera_source import (
    CAMERA_BUSY,
    CAMERA_DENIED,
    CAMERA_LOST,
    CAMERA_MISSING,
    DECODER_MISSING,
    CameraSource,
    SourceSpec,
    list_cameras,
)
from desktop_app.ui import settings
from desktop_app.ui.widgets import MessageLabel

log = logging.getLogger(__name__)

OUTLINE_COLOR = "#00e676"
OUTLINE_HOLD_S = 1.2  # a found code stays outlined this long after its last sighting
BACKGROUND = "#1d2626"
MESSAGE_COLOR = "#dfe7e6"


class CameraView(QWidget):
    """Paints ``set_frame`` images fitted into the widget, and ``show_code`` outlines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image: QImage | None = None
        self._outline: list[tuple[float, float]] = []  # in frame pixels
        self._frame_size: tuple[int, int] | None = None
        self._outline_until = 0.0
        self.message = ""
        self.frames_shown = 0
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    @property
    def has_frame(self) -> bool:
        return self._image is not None

    @property
    def outline(self) -> list[tuple[float, float]]:
        """The outline being shown, in frame pixels; empty when none."""
        return list(self._outline) if time.monotonic() < self._outline_until else []

    def set_frame(self, image: QImage) -> None:
        self._image = image
        self.frames_shown += 1
        self.update()

    def show_code(self, polygon: Sequence[Sequence[float]],
                  frame_size: tuple[int, int] | None) -> None:
        """Outlines a code at ``polygon`` (frame pixels of a ``frame_size`` frame)."""
        self._outline = [(float(p[0]), float(p[1])) for p in polygon]
        self._frame_size = frame_size
        self._outline_until = time.monotonic() + OUTLINE_HOLD_S
        self._fade.start(round(OUTLINE_HOLD_S * 1000) + 20)
        self.update()

    def set_message(self, text: str) -> None:
        """Text over the view (camera off, a problem); the last frame goes away."""
        self.message = text
        self._image = None
        self._outline = []
        self.update()

    # -- painting ---------------------------------------------------------------------------

    def _image_rect(self, image: QImage) -> QRectF:
        scale = min(self.width() / image.width(), self.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(BACKGROUND))
            image = self._image
            if image is not None and not image.isNull():
                target = self._image_rect(image)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, image)
                self._paint_outline(painter, image, target)
            elif self.message:
                self._paint_message(painter)
        finally:
            painter.end()

    def _paint_outline(self, painter: QPainter, image: QImage, target: QRectF) -> None:
        points = self.outline
        if len(points) < 3:
            return
        frame_width = self._frame_size[0] if self._frame_size else image.width()
        scale = target.width() / max(1, frame_width)
        polygon = QPolygonF([QPointF(target.x() + x * scale, target.y() + y * scale)
                             for x, y in points])
        pen = QPen(QColor(OUTLINE_COLOR), 4)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.drawPolygon(polygon)

    def _paint_message(self, painter: QPainter) -> None:
        painter.setPen(QColor(MESSAGE_COLOR))
        margin = 16
        area = self.rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self.message)


# --- the camera box: switch, picker, preview, problems --------------------------------------

PROBLEM_TEXTS: dict[str, str] = {
    CAMERA_MISSING: QT_TRANSLATE_NOOP(
        "CameraPanel", "No camera found. Check that it is plugged in, or choose another one."),
    CAMERA_BUSY: QT_TRANSLATE_NOOP(
        "CameraPanel", "The camera is in use by another program. Close that program, then "
        "switch the camera on again."),
    CAMERA_DENIED: QT_TRANSLATE_NOOP(
        "CameraPanel", "This computer's user may not use the camera. Ask whoever looks after "
        "this computer to allow it."),
    CAMERA_LOST: QT_TRANSLATE_NOOP(
        "CameraPanel", "The camera stopped sending pictures. Check its cable, then switch it "
        "on again."),
    DECODER_MISSING: QT_TRANSLATE_NOOP(
        "CameraPanel", "No QR decoder is installed, so the camera cannot read codes. "
        "Reinstall Voucher Shop."),
}
STILL_WORKS = QT_TRANSLATE_NOOP("CameraPanel", "The scanner and typed codes still work.")


def problem_text(code: str) -> str:
    """A camera problem code in the user's words, and what still works."""
    text = PROBLEM_TEXTS.get(code, PROBLEM_TEXTS[CAMERA_LOST])
    # Sentences join with a space in English, without one in Chinese: the translator decides.
    return QCoreApplication.translate("CameraPanel", "{problem} {still_works}").format(
        problem=QCoreApplication.translate("CameraPanel", text),
        still_works=QCoreApplication.translate("CameraPanel", STILL_WORKS))


class MeasuredSource(CameraSource):
    """A camera source that remembers the size of its frames: the decoder reports corners in
    frame pixels, the preview arrives shrunk, and the outline must land on the code."""

    frame_size: tuple[int, int] | None = None

    def read(self) -> np.ndarray | None:
        frame = super().read()
        if frame is not None:
            self.frame_size = (int(frame.shape[1]), int(frame.shape[0]))  # one atomic store
        return frame


# Probes under way, kept alive until their result is out (the tab may be gone by then).
_probes: set[_Probe] = set()


class _Probe(QObject):
    """Lists the cameras on a plain thread (opening each takes a while) and reports back."""

    found = Signal(list)

    def start(self) -> None:
        _probes.add(self)
        # Connected last, so it runs after the receivers: only then may the probe go.
        self.found.connect(self._finish)
        threading.Thread(target=self._run, name="camera-probe", daemon=True).start()

    def _run(self) -> None:
        try:
            cameras = list_cameras()
        except Exception:  # a broken driver must not take the counter down
            log.exception("listing cameras failed")
            cameras = []
        self.found.emit(cameras)  # queued to the GUI thread, where this object lives

    @Slot(list)
    def _finish(self, _cameras: list[int]) -> None:
        _probes.discard(self)


class CameraPanel(QFrame):
    """The webcam's corner of the Redemption tab.

    ``decoded(text)`` for each code the camera reads. The capture runs only while switched on
    *and* shown: ``release()`` (the tab hidden, the window locked) stops it and frees the
    device, ``resume()`` starts it again if the cashier had it on. ``problem`` holds the last
    problem code, empty when none.
    """

    decoded = Signal(str)
    switched = Signal(bool)
    collapsed_changed = Signal(bool)  # no camera: only the controls show, the list takes the room

    def __init__(self, camera_index: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = ""
        self.wanted = False  # the cashier switched the camera on
        self._camera_index = camera_index
        self._source: MeasuredSource | None = None
        self._probed = False
        # No Qt parent: the tab's teardown stops it explicitly, whatever order Qt deletes in.
        self.scanner = CameraScanner(preview_fps=15, preview_size=(480, 360))
        self.scanner.frame_ready.connect(self._on_frame)
        self.scanner.decoded.connect(self._on_decoded)
        self.scanner.failed.connect(self._on_failed)
        self.scanner.stopped.connect(self._on_stopped)
        self._build()

    def _build(self) -> None:
        self.toggle = QPushButton(self.tr("Camera"), self)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Read QR codes with the webcam"))
        self.toggle.toggled.connect(self._on_toggled)
        self.picker = QComboBox(self)
        self.picker.setMinimumContentsLength(10)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.activated.connect(self._on_picked)
        self.refresh = QToolButton(self)
        self.refresh.setText("⟳")
        self.refresh.setToolTip(self.tr("Look for cameras again"))
        self.refresh.clicked.connect(self.probe)
        for widget in (self.toggle, self.picker, self.refresh):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the scan field
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.toggle)
        controls.addWidget(self.picker, 1)
        controls.addWidget(self.refresh)
        self.view = CameraView(self)
        self.view.set_message(self.tr("Camera off"))
        self.message = MessageLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(controls)
        column.addWidget(self.view, 1)
        column.addWidget(self.message)
        self._fill_picker([self._camera_index])

    # -- cameras ----------------------------------------------------------------------------

    @property
    def camera_index(self) -> int:
        return self._camera_index

    @property
    def running(self) -> bool:
        return self.scanner.running

    @property
    def source(self) -> MeasuredSource | None:
        return self._source

    def probe(self) -> None:
        """Looks for cameras off the GUI thread; not while ours is open (it would be busy)."""
        if self.scanner.running:
            return
        self._probed = True
        self.refresh.setEnabled(False)
        probe = _Probe()
        probe.found.connect(self._on_probed)
        probe.start()

    def probe_once(self) -> None:
        if not self._probed:
            self.probe()

    @Slot(list)
    def _on_probed(self, cameras: list[int]) -> None:
        self.refresh.setEnabled(True)
        self._fill_picker(cameras)
        if not cameras and not self.scanner.running:
            self.view.set_message(self.tr("No camera found"))
        self.set_collapsed(not cameras and not self.scanner.running)

    @property
    def collapsed(self) -> bool:
        return self.view.isHidden()

    def set_collapsed(self, collapsed: bool) -> None:
        """Without a camera the dark preview is only an empty box: hide it."""
        if collapsed == self.collapsed:
            return
        self.view.setHidden(collapsed)
        self.collapsed_changed.emit(collapsed)

    def _fill_picker(self, cameras: list[int]) -> None:
        self.picker.clear()
        for index in sorted(set(cameras) | ({self._camera_index} if cameras else set())):
            self.picker.addItem(self.tr("Camera {number}").format(number=index + 1), index)
        if not cameras:
            self.picker.addItem(self.tr("No camera found"), self._camera_index)
        self.picker.setCurrentIndex(max(0, self.picker.findData(self._camera_index)))

    def _on_picked(self, row: int) -> None:
        index = self.picker.itemData(row)
        if index is None or index == self._camera_index:
            return
        self._camera_index = int(index)
        if self.wanted:
            self.start(self._camera_index)

    # -- on and off -------------------------------------------------------------------------

    def _on_toggled(self, on: bool) -> None:
        if on:
            self.start(self._camera_index)
        else:
            self.wanted = False
            self.release()
        self.switched.emit(on)

    def _set_toggle(self, on: bool) -> None:
        blocked = self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(blocked)

    def start(self, spec: SourceSpec, fps: float | None = None) -> MeasuredSource:
        """Starts reading ``spec``: a camera index, or a video, image, folder or list of
        images (the same capture code; for tests and demonstrations)."""
        self.problem = ""
        self.message.clear()
        self.set_collapsed(False)
        self.wanted = True
        self._set_toggle(True)
        self.view.set_message(self.tr("Starting the camera…"))
        width, height = settings.camera_size()  # asked of a camera; files keep theirs
        self._source = MeasuredSource(spec, fps=fps, width=width, height=height)
        self.scanner.start(self._source)
        return self._source

    def release(self) -> bool:
        """Stops the capture and frees the device; ``wanted`` stays as the cashier left it."""
        stopped = self.scanner.stop()
        if not self.wanted:
            self.view.set_message(self.tr("Camera off"))
        return stopped

    def resume(self) -> None:
        """Shown again: the camera comes back if it was on (files are not replayed)."""
        if (self.wanted and not self.scanner.running and self._source is not None
                and self._source.is_camera):
            self.start(self._source.spec)

    def shutdown(self) -> None:
        self.wanted = False
        self.scanner.stop()

    # -- what the capture reports -----------------------------------------------------------

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        self.view.set_frame(image)

    @Slot(str, list)
    def _on_decoded(self, text: str, polygon: list) -> None:
        source = self._source
        self.view.show_code(polygon, source.frame_size if source is not None else None)
        self.decoded.emit(text)

    @Slot(str)
    def _on_failed(self, code: str) -> None:
        self.problem = code
        self.message.show_warning(problem_text(code))
        self.view.set_message(self.tr("Camera off"))
        self.wanted = False
        self._set_toggle(False)

    @Slot()
    def _on_stopped(self) -> None:
        if not self.wanted:
            self._set_toggle(False)
