"""How many uses the next scan takes: − × 2 +, large, left of the scan field.

A person picks the number with the buttons, or types it in the scan field: ``2`` and Enter,
or just ``2`` and then the scan (a scanner's burst after a person's slow digits, see
scanning/wedge.py, takes 2 uses). After each scan it is back to one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.scanning.keystrokes import SCANNER
from desktop_app.ui.counter.redemption_models import QUIET_COLOR
from desktop_app.ui.widgets import ACCENT, scaled_font

MAX_TYPED_USES = 99  # "12" then a scan is 12 uses; three digits are the start of a code


def typed_uses(text: str) -> int | None:
    """The uses a person's digits ask for (``2`` before a scan), or None for anything else."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_TYPED_USES:
        return None
    return int(text)


class UsesPicker(QWidget):
    """``uses`` is the number picked; ``wanted()`` is what the next scan takes, digits typed
    in ``scan_field`` included. The tab tells it of the field's edits (``edited``);
    ``chosen(uses)`` when the number picked was set (buttons, digits and Enter) or reset."""

    chosen = Signal(int)

    def __init__(self, scan_field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan_field = scan_field
        self.uses = 1
        self._last_edited = ""  # the scan field as a person's keys last left it
        # The words keep the tab's translation context: they were the tab's own.
        self.fewer_button = QPushButton("−", self)
        self.fewer_button.setToolTip(QCoreApplication.translate(
            "RedemptionTab", "One use fewer for the next scan"))
        self.fewer_button.clicked.connect(lambda: self.set_uses(self.wanted() - 1))
        self.more_button = QPushButton("+", self)
        self.more_button.setToolTip(QCoreApplication.translate(
            "RedemptionTab", "One use more for the next scan (or type the number before "
            "scanning)"))
        self.more_button.clicked.connect(lambda: self.set_uses(self.wanted() + 1))
        self.label = QLabel(self)
        self.label.setObjectName("usesLabel")
        self.label.setFont(scaled_font(self.label, 1.9, bold=True))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("× 88"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in (self.fewer_button, self.label, self.more_button):
            row.addWidget(widget)
        for button in (self.fewer_button, self.more_button):
            button.setFixedSize(34, 46)
            button.setFont(scaled_font(button, 1.4, bold=True))
        self.show_uses()

    def wanted(self) -> int:
        """What the next scan takes: digits typed in the scan field, else the number picked."""
        return typed_uses(self.scan_field.text()) or self.uses

    def set_uses(self, uses: int) -> None:
        self.uses = max(1, min(MAX_TYPED_USES, uses))
        self._forget_typed()
        self.chosen.emit(self.uses)

    def reset(self) -> None:
        """After a scan: the next one takes one use again."""
        self.uses = 1
        self._forget_typed()
        self.chosen.emit(self.uses)

    def _forget_typed(self) -> None:
        if typed_uses(self.scan_field.text()) is not None:
            self.scan_field.clear()  # the digits became the choice
        self._last_edited = ""
        self.show_uses()

    def for_scan(self, text: str, source: str) -> int:
        """The uses ``text`` takes. A scanner's burst after a person's ``2`` (slow keys) takes
        2 uses: the digits typed before the burst. Anything else takes the number picked."""
        before = self.scan_field.text()
        typed = self._last_edited
        if source == SCANNER and len(typed) > len(text) and typed.endswith(text):
            before = typed[: -len(text)]
        return typed_uses(before) or self.uses

    def edited(self, text: str) -> None:
        """The scan field as a person's keys left it."""
        self._last_edited = text
        self.show_uses()

    def show_uses(self) -> None:
        uses = self.wanted()
        self.label.setText(f"× {uses}")
        self.label.setToolTip(QCoreApplication.translate(
            "RedemptionTab", "The next scan takes {count} uses").format(count=uses))
        color = ACCENT if uses > 1 else QUIET_COLOR
        sheet = f"QLabel#usesLabel {{ color: {color}; }}"
        if sheet != self.label.styleSheet():  # after every scan: polish only on a change
            self.label.setStyleSheet(sheet)
        self.fewer_button.setEnabled(uses > 1)
