"""Logging to a file in the shop folder. Logs carry ids and error codes, never secrets."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop_app.core.paths import LOG_DIR

LOG_FILE = "voucher-shop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(data_dir: Path | None) -> Path | None:
    """Send log records to ``data_dir/logs``; fall back to stderr warnings if it cannot."""
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_voucher_shop", False):
            root.removeHandler(old)
            old.close()
    root.setLevel(logging.INFO)
    handler: logging.Handler
    path: Path | None = None
    try:
        if data_dir is None:
            raise OSError("no data folder")
        folder = Path(data_dir) / LOG_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._voucher_shop = True  # type: ignore[union-attr]
    root.addHandler(handler)
    return path
