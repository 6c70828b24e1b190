"""The operators as plain rows, and their table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop_app.core import auth
from desktop_app.core.store import Shop
from desktop_app.messages import role_label
from desktop_app.ui.tables import (
    MUTED,
    Column,
    RowTableModel,
)
from desktop_app.ui.widgets import (
    SUCCESS_COLOR,
)


@dataclass(frozen=True)
class OperatorRow:
    id: int
    name: str
    role: str
    active: bool
    created_at: dt.datetime


def operator_rows(shop: Shop) -> list[OperatorRow]:
    """On the worker thread: plain rows, so the GUI never reads a model instance lazily."""
    return [OperatorRow(o.id, o.name, o.role, bool(o.active), o.created_at)
            for o in auth.list_operators(shop)]


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
