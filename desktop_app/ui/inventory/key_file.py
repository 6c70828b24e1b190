"""Reading a file of card keys someone chose: any size a key list has, UTF-8 with or without BOM."""

from __future__ import annotations

import os

from desktop_app.core.errors import InvalidInput

MAX_FILE_BYTES = 20 * 1024 * 1024  # some hundred thousand keys: more is not a key list


def read_key_file(path: str | os.PathLike[str]) -> str:
    """A key file as text: UTF-8 with or without a BOM; any line ending."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise InvalidInput(field="file", problem="unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(field="file", problem="too_large")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(field="file", problem="not_utf8") from None
