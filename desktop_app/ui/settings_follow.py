"""The shop's name and currency that every screen reads on the GUI thread (``shop.name``,
``shop.currency``: kept on the shop, see ``core.shop_identity``) follow a change made on
another counter of a shop on a server: heard as "settings" (``counter.server_status``), or
assumed when the server is back (``server_away``), they are read again on the worker.

A change made here is kept by the shop as its write commits; this only catches the others'.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.core import events, shop_identity
from desktop_app.core.store import Shop
from desktop_app.ui.events import shop_events
from desktop_app.ui.tasks import run_in_background


class SettingsFollower(QObject):
    """Made before the window's screens, so its re-read runs before theirs (tasks run in
    order): a screen re-reading its prices finds the new currency kept already."""

    def __init__(self, shop: Shop, parent: QObject) -> None:
        super().__init__(parent)
        self.shop = shop
        shop_events().changed.connect(self._on_changes)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if events.SETTINGS in changes:
            shop = self.shop
            # Nowhere to say a failure: the server's being away is said in the status bar,
            # and everything is read again when it is back.
            run_in_background(self, lambda: shop_identity.reread(shop),
                              errors=lambda _refused: None)
