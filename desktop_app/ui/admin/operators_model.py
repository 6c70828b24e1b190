"""The operators as plain rows, and their table."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.core.auth import OperatorRow
from desktop_app.messages import role_label
from desktop_app.ui.tables import (
    MUTED,
    Column,
    RowTableModel,
)
from desktop_app.ui.widgets import (
    SUCCESS_COLOR,
)


class OperatorTableModel(RowTableModel[OperatorRow]):
    NAME, ROLE, STATUS, ADDED = range(4)

    def __init__(self, me: int, parent: QObject | None = None) -> None:
        self.me = me
        super().__init__(parent)

    def columns(self) -> list[Column[OperatorRow]]:
        return [
            Column(self.tr("Name"), self._name),
            Column(self.tr("Role"), lambda r: role_label(r.role)),
            Column(self.tr("Status"), lambda r: self.tr("Active") if r.active
                   else self.tr("Disabled"), lambda r: not r.active,
                   color=lambda r: SUCCESS_COLOR if r.active else MUTED.name()),
            Column(self.tr("Added"), lambda r: r.created_at.astimezone().strftime("%Y-%m-%d"),
                   lambda r: r.created_at),
        ]

    def _name(self, row: OperatorRow) -> str:
        return self.tr("{name} (you)").format(name=row.name) if row.id == self.me else row.name

    def muted(self, row: OperatorRow) -> bool:
        return not row.active
