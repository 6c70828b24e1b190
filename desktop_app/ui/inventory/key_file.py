"""Reading a file of card keys someone chose: any size a key list has, UTF-8 with or without
a BOM or GB18030 (Excel's CSV on Chinese Windows); a workbook is refused as such."""

from __future__ import annotations

import os

from desktop_app.core.errors import InvalidInput
from desktop_app.core.key_rows import key_file_text

MAX_FILE_BYTES = 20 * 1024 * 1024  # some hundred thousand keys: more is not a key list


def read_key_file(path: str | os.PathLike[str]) -> str:
    """A key file as text (``key_file_text``); any line ending."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise InvalidInput(field="file", problem="unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(field="file", problem="too_large")
    return key_file_text(data)
