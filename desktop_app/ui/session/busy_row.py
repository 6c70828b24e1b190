"""The login's busy line: a running bar and what is being done meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop_app.core import migrations

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

UnlockFn = Callable[[str, str], "Shop"]


class BusyRow(QWidget):
    """Shown while the login works; an older shop's one-time upgrade is said as it starts, so
    a long wait on a shop of some years reads as work, not as a hung screen."""

    upgrade_started = Signal()  # emitted on the unlocking thread, shown on the GUI's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setFixedHeight(10)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar)
        row.addWidget(self.label, 1)
        self.upgrade_started.connect(self.show_upgrading)
        self.hide()

    def show_busy(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def show_upgrading(self) -> None:
        if self.isVisible():
            self.label.setText(self.tr(
                "Upgrading the shop's data for this version of the app. This is done once and "
                "can take a few minutes on a shop with a long history; other counters can log "
                "in again when it is done."))

    def telling_upgrade(self, unlock: UnlockFn) -> UnlockFn:
        """``unlock`` run so that an upgrade it starts is shown here."""
        def unlocking(operator: str, password: str) -> Shop:
            with migrations.upgrade_told_to(self.upgrade_started.emit):
                return unlock(operator, password)
        return unlocking
