"""A scan's verdict over the dialog that hides the counter.

A voucher scanned while a dialog is open (Card by phone…, Settings, a message) is redeemed at
the counter behind it, wherever the keys landed: the verdict there was out of sight and the
cashier could not tell what happened without closing the dialog (QA s35b F6). The same words
are shown in a strip across the top of the dialog, in the verdict's colour, until a click or
the counter's verdict clears.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.counter.verdict_panel import PALETTE, SYMBOLS, VerdictPanel
from desktop_app.ui.widgets import MARGIN, widget_font

TOAST_NAME = "verdictToast"


def dialog_over(window: QWidget) -> QDialog | None:
    """The dialog of this application shown over ``window`` and taking the keys, if any."""
    over = QApplication.activeModalWidget() or QApplication.activeWindow()
    if isinstance(over, QDialog) and over is not window and over.isVisible():
        return over
    return None


class VerdictToast(QFrame):
    """The counter's verdict, headline and what it says, across the top of a dialog."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName(TOAST_NAME)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.tone = ""
        self.headline = QLabel(self)
        self.headline.setFont(widget_font(self.headline, scale=1.5, bold=True))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.where = QLabel(self.tr("Scanned at the counter behind this window · Click to "
                                    "dismiss"), self)
        self.where.setWordWrap(True)
        self.facts.setObjectName("soft")
        self.where.setObjectName("soft")
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        column.setSpacing(2)
        for label in (self.headline, self.detail, self.facts, self.where):
            column.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        dialog.installEventFilter(self)  # it follows the dialog's width

    def show_panel(self, panel: VerdictPanel) -> None:
        """What ``panel`` shows now, for as long as it shows it."""
        self.tone = panel.tone
        background, text, soft = PALETTE[self.tone]
        self.setStyleSheet(f"QFrame#{TOAST_NAME} {{ background: {background}; }}"
                           f" QLabel {{ color: {text}; }} QLabel#soft {{ color: {soft}; }}")
        symbol = SYMBOLS.get(self.tone, "")
        self.headline.setText(f"{symbol} {panel.headline.text()}".strip())
        for label, shown in ((self.detail, panel.detail.text()),
                             (self.facts, "\n".join(panel.facts.shown_lines()))):
            label.setText(shown)
            label.setVisible(bool(shown))
        self._place()
        self.show()
        self.raise_()
        self._timer.start(max(panel.clear_after_ms, 3000))

    def _place(self) -> None:
        dialog = self.parentWidget()
        width = (dialog.width() if dialog is not None else 0) - 2 * MARGIN
        self.setFixedWidth(max(width, 100))
        self.adjustSize()
        self.move(MARGIN, MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.hide()  # read: the dialog's own fields are under it
        super().mousePressEvent(event)


def show_over(dialog: QDialog, panel: VerdictPanel) -> VerdictToast:
    toast = dialog.findChild(VerdictToast, TOAST_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if toast is None:
        toast = VerdictToast(dialog)
    toast.show_panel(panel)
    return toast


def follow(window: QWidget, verdict_shown: SignalInstance, panel: VerdictPanel) -> None:
    """Each verdict ``panel`` shows while a dialog is over ``window`` is shown on it too."""

    def shown(*_args: object) -> None:
        dialog = dialog_over(window)
        if dialog is not None:
            show_over(dialog, panel)

    verdict_shown.connect(shown)
