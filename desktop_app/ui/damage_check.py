"""The page check of a shop's file, once its window is open (QA s19a F4): a damaged file
puts the shop on hold, and the window's red bar says so within a second, before a sale or a
scan meets the damage. On the long reads' thread: the counter works meanwhile."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from desktop_app.core import damage
from desktop_app.core.store import Shop
from desktop_app.ui.tasks import run_long_read

log = logging.getLogger(__name__)


def check_pages_soon(window: QWidget, shop: Shop) -> None:
    """``damage.check_pages`` off the GUI thread; the banner follows the hold by itself."""
    run_long_read(window, lambda: damage.check_pages(shop), shop.db,
                  on_failure=lambda exc: log.warning("the page check failed: %s",
                                                     type(exc).__name__))
