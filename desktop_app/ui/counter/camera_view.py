"""The webcam preview: the newest frame, the QR code found in it outlined, or a message.

Frames arrive already shrunk by the capture worker; the decoder's polygon is in the frame's
own pixels, so the view is told the frame size to map one onto the other. Painting draws
only the newest image: a slow repaint skips frames, it never queues them. A camera problem
is put in the user's words here too; the panel around the view (camera_panel.py) shows it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.scanning.camera_source import (
    CAMERA_BUSY,
    CAMERA_DENIED,
    CAMERA_LOST,
    CAMERA_MISSING,
    DECODER_MISSING,
)

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
        # As little as it needs: the view expands into whatever room there is, and a larger
        # wish made the counter's lower part scroll on a small screen, the camera's problem
        # cut off under the preview (QA s12b F6).
        return self.minimumSize()

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


# --- what a problem says (the panel shows it under the view) ---------------------------------

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
