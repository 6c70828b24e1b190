"""A shop's encrypted file opened by its key: the raw-key form SQLCipher takes (``x'…'``: the
key itself, no derivation), and a file opened on its own, the models bound elsewhere (a
backup's database, a restored copy, the current file beside it)."""

from __future__ import annotations

from pathlib import Path

from playhouse.sqlcipher_ext import SqlCipherDatabase


def raw_key(key: bytes) -> str:
    return f"x'{key.hex()}'"


def unbound(path: Path, key: bytes) -> SqlCipherDatabase:
    return SqlCipherDatabase(str(path), passphrase=raw_key(key))
