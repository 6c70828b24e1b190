"""The shop's name and currency that every screen reads on the GUI thread (``shop.name``,
``shop.currency``: kept on the shop, see ``core.shop_identity``) follow a change made on
another counter of a shop on a server: heard as "settings" (``counter.server_status``), or
assumed when the server is back (``server_away``), they are read again on the worker.

A change made here is kept by the shop as its write commits; this only catches the others'.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core import events, shop_identity
from desktop_app.core.store import Shop
from desktop_app.ui.events import shop_events
from desktop_app.ui.tasks import run_in_background


def show_shop_name(window: Any) -> None:
    """The shop's name where the main window shows it: its title, header and status bar
    (the window's own words, translated under its context)."""
    translate = QCoreApplication.translate
    name = window.shop_name = window.shop.name
    window.setWindowTitle(translate("MainWindow", "{shop} — Voucher Shop").format(shop=name))
    window.header.set_title(name, window.header_text())
    window.shop_label.setText(translate("MainWindow", "Shop: {shop}").format(shop=name))


class SettingsFollower(QObject):
    """Made before the window's screens, so its re-read runs before theirs (tasks run in
    order): a screen re-reading its prices finds the new currency kept already. ``followed``
    once the name and currency are read again: the window shows the name."""

    followed = Signal()

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
                              lambda _stored: self.followed.emit(),
                              errors=lambda _refused: None)
