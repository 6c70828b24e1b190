"""The Redemption tab's inline panels: scanner settings and undoing a redemption.

Inline, not dialogs: nothing may block the next scan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.counter import RecentAttempt
from desktop_app.ui.counter.redemption_models import (
    CLEAR_RANGE_S,
    SUFFIXES,
    TIMEOUT_RANGE_MS,
    ScanSettings,
    local_time_text,
)
from desktop_app.ui.widgets import MessageLabel, hint_label


class ScanSettingsPanel(QFrame):
    """The counter's scanner settings, inline: a dialog would hold up the next scan."""

    changed = Signal()

    def __init__(self, settings: ScanSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("scanSettings")
        self.setStyleSheet("QFrame#scanSettings { border: 1px solid palette(mid);"
                           " border-radius: 6px; }")
        self.timeout = QSpinBox(self)
        self.timeout.setRange(*TIMEOUT_RANGE_MS)
        self.timeout.setSuffix(self.tr(" ms"))
        self.timeout.setValue(settings.timeout_ms)
        self.suffix = QComboBox(self)
        self.suffix.addItem(self.tr("Enter (most scanners)"), "")
        self.suffix.addItem(self.tr("Tab"), "\t")
        if settings.suffix not in SUFFIXES:
            self.suffix.addItem(repr(settings.suffix), settings.suffix)
        self.suffix.setCurrentIndex(max(0, self.suffix.findData(settings.suffix)))
        self.clear_after = QSpinBox(self)
        self.clear_after.setRange(*CLEAR_RANGE_S)
        self.clear_after.setSuffix(self.tr(" s"))
        self.clear_after.setSpecialValueText(self.tr("never"))
        self.clear_after.setValue(settings.clear_after_s)
        form = QFormLayout(self)
        form.setContentsMargins(14, 8, 14, 8)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("The scanner ends a code with:"), self.suffix)
        form.addRow(self.tr("Without Enter, take the code after a pause of:"), self.timeout)
        form.addRow(self.tr("Clear the verdict after:"), self.clear_after)
        form.addRow(hint_label(self.tr(
            "These settings belong to this computer. Most scanners send Enter after each code; "
            "for one that sends nothing, the code is taken after the pause."), self))
        self.timeout.valueChanged.connect(self._changed)
        self.clear_after.valueChanged.connect(self._changed)
        self.suffix.currentIndexChanged.connect(self._changed)

    def _changed(self) -> None:
        self.settings.timeout_ms = self.timeout.value()
        self.settings.suffix = str(self.suffix.currentData() or "")
        self.settings.clear_after_s = self.clear_after.value()
        self.changed.emit()


class UndoPanel(QFrame):
    """Asks for the reason of an undo, inline under the list. ``confirmed(attempt_id, note)``."""

    confirmed = Signal(int, str)
    opened = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: RecentAttempt | None = None
        self.setObjectName("undoPanel")
        self.setStyleSheet("QFrame#undoPanel { background: #fff8e6; border: 1px solid #f0c36d;"
                           " border-radius: 6px; }")
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why? For example: scanned the wrong voucher"))
        self.note.setMaxLength(500)
        self.note.textChanged.connect(self._update)
        self.note.returnPressed.connect(self._confirm)
        self.confirm = QPushButton(self.tr("Undo redemption"), self)
        self.confirm.clicked.connect(self._confirm)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self.finish)
        self.message = MessageLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.cancel)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.addWidget(self.question)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self._update()

    def ask(self, row: RecentAttempt) -> None:
        self.row = row
        self.question.setText(self.tr(
            "Undo the redemption of {code} ({product}) by {operator}, {when}? The use is given "
            "back to the voucher; the record stays.").format(
                code=row.code, product=row.product or "—", operator=row.operator,
                when=local_time_text(row.at)))
        self.note.clear()
        self.message.clear()
        self.set_busy(False)
        self.setVisible(True)
        self.opened.emit(True)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.note.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        self._update(busy=busy)

    def _update(self, *_args: object, busy: bool = False) -> None:
        self.confirm.setEnabled(not busy and bool(self.note.text().strip()))

    def _confirm(self) -> None:
        if self.row is None or not self.note.text().strip() or not self.confirm.isEnabled():
            return
        self.confirmed.emit(self.row.attempt_id, self.note.text().strip())

    def finish(self) -> None:
        self.row = None
        self.note.clear()
        self.setVisible(False)
        self.opened.emit(False)
