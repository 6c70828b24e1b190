"""The demo login's table of operators: a click fills in a name and its password."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.messages import role_label
from desktop_app.ui.widgets import hint_label

# The demo's operators as the shop has them now (``core.demo.demo_operators``).
DemoOperators = Callable[[], Sequence[tuple[str, str, str]]]


class DemoPanel(QGroupBox):
    """``read_operators`` gives (name, password, role) rows; a password "" was changed in this
    demo shop (``core.demo.demo_operators``): its row fills in the name only. They are read
    again at each click and after a refused login: a password changed meanwhile (a recovery
    from the command line under the lock screen, QA s43a F3) is not offered. ``chosen``
    carries the name and the password ("" to type)."""

    chosen = Signal(str, str)

    def __init__(self, read_operators: DemoOperators,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Demo shop: try these operators"), parent)
        self.read_operators = read_operators
        self.operators: list[tuple[str, str, str]] = []
        self.demo_list = QTreeWidget(self)
        self.demo_list.setHeaderLabels([self.tr("Operator"), self.tr("Role"),
                                        self.tr("Password")])
        self.demo_list.setRootIsDecorated(False)
        self.demo_list.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        self.demo_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.demo_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes name → password
        self.demo_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        operators = list(read_operators())
        self._fill(operators)
        rows = max(len(operators), 1)
        row_height = self.demo_list.sizeHintForRow(0) if operators else 20
        self.demo_list.setFixedHeight(self.demo_list.header().sizeHint().height()
                                      + rows * row_height + 6)
        self.demo_list.itemClicked.connect(self._choose)
        self.demo_list.itemActivated.connect(self._choose)
        column = QVBoxLayout(self)
        column.addWidget(self.demo_list)
        column.addWidget(hint_label(self.tr("Click a row to fill in its name and password. "
                                            "The demo shop lives in its own folder and holds "
                                            "sample data only."), self))

    def refresh(self) -> list[tuple[str, str, str]]:
        """The rows as the shop has them now; the table shows them once this turn is over
        (a click's own row is not taken away under it)."""
        operators = list(self.read_operators())
        if operators != self.operators:
            QTimer.singleShot(0, self, lambda: self._fill(operators))
        return operators

    def _fill(self, operators: list[tuple[str, str, str]]) -> None:
        self.operators = operators
        self.demo_list.clear()
        for name, password, role in operators:
            self.demo_list.addTopLevelItem(self._row(name, password, role))
        for section in range(3):
            self.demo_list.resizeColumnToContents(section)

    def _row(self, name: str, password: str, role: str) -> QTreeWidgetItem:
        shown = password or self.tr("changed in this shop")
        item = QTreeWidgetItem([name, role_label(role), shown])
        item.setData(0, Qt.ItemDataRole.UserRole, name)
        if not password:
            item.setForeground(2, self.palette().color(QPalette.ColorRole.PlaceholderText))
            item.setToolTip(2, self.tr("This password was changed in the demo shop: type the "
                                       "new one."))
        return item

    def _choose(self, item: QTreeWidgetItem) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole)
        now = {row[0]: row[1] for row in self.refresh()}
        self.chosen.emit(name, now.get(name, ""))
