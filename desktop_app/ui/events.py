"""The screens hear here what the shop's data changed (see ``core.events``).

    shop_events().changed.connect(self._on_changes)   # a frozenset such as {"orders"}

``tasks`` announces once after each background task, with everything that task changed, so
a tab re-reads only what changed, and only once however many rows a task wrote.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class ShopEvents(QObject):
    changed = Signal(object)  # frozenset[str] of core.events kinds

    def announce(self, changes: Iterable[str]) -> None:
        changes = frozenset(changes)
        if changes:
            self.changed.emit(changes)


_events: ShopEvents | None = None


def shop_events() -> ShopEvents:
    """The app's one ShopEvents, made on first use (on the GUI thread)."""
    global _events
    if _events is None:
        _events = ShopEvents()
    return _events
