"""The webcam's corner of the Redemption tab: switch, camera picker, preview and problems.

The capture runs on its own thread (``scanning.camera``); this panel starts and stops it,
lists the cameras off the GUI thread, and hands each decoded text on with ``decoded``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import collector
from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.camera_reads import SEVERAL_IN_VIEW
from desktop_app.scanning.camera_source import CameraSource, SourceSpec, list_cameras
from desktop_app.ui import settings
from desktop_app.ui.counter.camera_view import CameraView, problem_text
from desktop_app.ui.widgets import MessageLabel

log = logging.getLogger(__name__)

# A video, an image or a folder of images the Camera button plays instead of a webcam, in real
# time: the counter's camera tried by hand or shown on a PC that has none (QA s41a N1: only the
# tests could drive the capture with a file).
CAMERA_FILE_ENV = "SHOP_CAMERA_FILE"
CAMERA_FILE_FPS = 15.0


def camera_file() -> str | None:
    return os.environ.get(CAMERA_FILE_ENV, "").strip() or None


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
        collector.hold()  # opening cameras runs Python on that thread
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
        collector.release()


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
        self.scanner.noticed.connect(self._on_noticed)
        self.scanner.still_in_view.connect(self._outline)
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
        found = bool(cameras) or camera_file() is not None
        if not found and not self.scanner.running:
            self.view.set_message(self.tr("No camera found"))
        self.set_collapsed(not found and not self.scanner.running)

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
        played = camera_file()
        if played is not None:
            self.picker.addItem(self.tr("File: {name}").format(name=Path(played).name),
                                self._camera_index)
            return
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
        played = camera_file()
        if on and played is not None:
            self.start(played, fps=CAMERA_FILE_FPS)
        elif on:
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

    @Slot(list)
    def _outline(self, polygon: Sequence[Sequence[float]]) -> None:
        """The code at ``polygon`` outlined: read now, or still in view after its read."""
        source = self._source
        self.view.show_code(polygon, source.frame_size if source is not None else None)

    @Slot(str, list)
    def _on_decoded(self, text: str, polygon: Sequence[Sequence[float]]) -> None:
        self._outline(polygon)
        if not self.problem:
            self.message.clear()  # a read: any "several codes" word is past
        self.decoded.emit(text)

    @Slot(str)
    def _on_noticed(self, kind: str) -> None:
        if self.problem:
            return
        if kind == SEVERAL_IN_VIEW:
            self.message.show_warning(self.tr(
                "Several codes in view: show one voucher at a time."))
        else:  # a payment stand's QR, a web address: no verdict, no attempt, a quiet note
            self.message.show_info(self.tr("The camera sees a code that is not a voucher."))

    @Slot(str)
    def _on_failed(self, code: str) -> None:
        self.problem = code
        self.message.show_warning(problem_text(code))
        self.view.set_message(self.tr("Camera off"))
        # An empty dark box took half the width and the recent list lost its Product column
        # (QA s35b F10): the words stay, the box goes until the camera is switched on again.
        self.set_collapsed(True)
        self.wanted = False
        self._set_toggle(False)
        # Off as the toggle shows it, remembered so: a PC without a camera does not try it at
        # every start (QA s10a F3); the cashier switches it on again once it is plugged in.
        self.switched.emit(False)

    @Slot()
    def _on_stopped(self) -> None:
        if not self.wanted:
            self._set_toggle(False)
