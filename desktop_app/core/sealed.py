"""Secrets sealed in their columns on the shop's server, where the database administrator
(and every pg_dump) would otherwise read them: card keys, customer phone numbers, the settings
(the voucher MAC key among them), the printed voucher codes and the text scanned or typed at the
counter (a QR payload holds its voucher's code).

The key is derived from the shop's database key, which only the operators' key slots unwrap;
the server login alone reads nothing. Most columns use AES-256-GCM with a random nonce. A
voucher code must also be found by its value, so it is sealed deterministically with AES-SIV:
its synthetic IV is a keyed pseudo-random function (S2V, built on CMAC) of the canonical code,
so equal codes give equal stored values (the unique index and ``WHERE code = ?`` work) and
the printed code can still be shown again, but nothing of it is stored in the clear. Each
column's name is bound in as associated data, so a value cannot be moved to another column.

On the embedded file no cipher is attached: SQLCipher already encrypts every page, and a file
shop opens exactly as before (no migration of existing shops). The fields store plain text
there and read either form.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from peewee import CharField, TextField

from desktop_app.core.errors import DatabaseCorrupt

RANDOM_PREFIX = "g1:"
LOOKUP_PREFIX = "d1:"
NONCE_BYTES = 12


class ColumnCipher:
    """The column keys of one shop, derived from its database key."""

    def __init__(self, database_key: bytes) -> None:
        keys = HKDF(algorithm=hashes.SHA256(), length=96, salt=None,
                    info=b"voucher-shop sealed columns v1").derive(database_key)
        self._random = AESGCM(keys[:32])
        self._lookup = AESSIV(keys[32:])

    def seal(self, text: str, column: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._random.encrypt(nonce, text.encode("utf-8"), column.encode())
        return RANDOM_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def seal_for_lookup(self, text: str, column: str) -> str:
        sealed = self._lookup.encrypt(text.encode("utf-8"), [column.encode()])
        return LOOKUP_PREFIX + base64.b64encode(sealed).decode("ascii")

    def open(self, stored: str, column: str) -> str:
        raw = base64.b64decode(stored[len(RANDOM_PREFIX):])
        try:
            if stored.startswith(LOOKUP_PREFIX):
                plain = self._lookup.decrypt(raw, [column.encode()])
            else:
                plain = self._random.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                             column.encode())
        except InvalidTag:
            raise DatabaseCorrupt(path=column, detail="sealed value fails its check") from None
        return plain.decode("utf-8")


def _cipher(field: Any) -> ColumnCipher | None:
    """The cipher of the database the field's model is bound to now (None: the file)."""
    database = field.model._meta.database
    database = getattr(database, "obj", database)  # through the late-bound proxy
    return getattr(database, "column_cipher", None)


def _column(field: Any) -> str:
    return f"{field.model._meta.table_name}.{field.column_name}"


class _Sealed:
    lookup = False

    def db_value(self, value: Any) -> Any:
        cipher = _cipher(self)
        if cipher is not None and value is not None:
            text = str(value)
            value = (cipher.seal_for_lookup if self.lookup else cipher.seal)(text, _column(self))
        return super().db_value(value)  # type: ignore[misc]

    def python_value(self, value: Any) -> Any:
        value = super().python_value(value)  # type: ignore[misc]
        if isinstance(value, str) and value.startswith((RANDOM_PREFIX, LOOKUP_PREFIX)):
            cipher = _cipher(self)
            if cipher is None:
                raise DatabaseCorrupt(path=_column(self), detail="sealed value without a key")
            return cipher.open(value, _column(self))
        return value


class SealedTextField(_Sealed, TextField):  # type: ignore[misc]
    """Text sealed with AES-GCM on the server."""


class SealedLookupField(_Sealed, CharField):  # type: ignore[misc]
    """A value sealed deterministically on the server, so it can still be looked up."""

    lookup = True


class SealedScanField(SealedTextField):
    """Text as the counter was given it (a QR payload, a typed code, anything), sealed with
    AES-GCM on the server. The file never seals it, so there a scan that merely looks sealed
    (``g1:…``) is read as it was scanned; on the server every value is sealed (schema step 16
    sealed those written before)."""

    def python_value(self, value: Any) -> Any:
        if _cipher(self) is None:
            return TextField.python_value(self, value)
        return super().python_value(value)
