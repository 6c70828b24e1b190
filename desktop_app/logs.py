"""Logging to a file in the shop folder. Logs carry ids and error codes, never secrets.

A log that cannot be written (a read-only shop folder, a full disk) never shows the user a
traceback: records then go to stderr as one line each, warnings and worse only."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from desktop_app.core.paths import LOG_DIR

LOG_FILE = "voucher-shop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file whose failures (the disk filled, the folder turned read-only) lose the record
    quietly: logging's own report of them is a traceback on the user's stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        return


class _OneLineFormatter(logging.Formatter):
    """For stderr: the message without its traceback, which stays for a log file."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info, plain.exc_text, plain.stack_info = None, None, None
        return super().format(plain)


def _file_handler(data_dir: Path) -> tuple[logging.Handler, Path]:
    folder = Path(data_dir) / LOG_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    # delay=True opens the file at the first record, so check now that it could be opened.
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise PermissionError(f"cannot write {path}")
    handler = _QuietFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8",
                                delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler, path


def _stderr_handler() -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(_OneLineFormatter(_FORMAT))
    return handler


def setup_logging(data_dir: Path | None) -> Path | None:
    """Send log records to ``data_dir/logs``; fall back to one-line stderr warnings if it
    cannot. Returns the log file, None when there is none."""
    logging.raiseExceptions = False  # no handler of any library prints its failure either
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_voucher_shop", False):
            root.removeHandler(old)
            old.close()
    root.setLevel(logging.INFO)
    handler: logging.Handler
    path: Path | None
    try:
        if data_dir is None:
            raise OSError("no data folder")
        handler, path = _file_handler(data_dir)
    except OSError:
        handler, path = _stderr_handler(), None
    handler._voucher_shop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


def log_file() -> Path | None:
    """The file ``setup_logging`` writes to now; None when records go to stderr."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_voucher_shop", False) and isinstance(handler, _QuietFileHandler):
            return Path(handler.baseFilename)
    return None
