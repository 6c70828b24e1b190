"""Which engine holds the shop: the embedded encrypted file (the default) or the shop's
PostgreSQL server (``--database URL`` / ``SHOP_DATABASE_URL``). Every front end opens, creates
and finds a shop through a ``ShopLocation``, so both engines are one call away.

The server's modules, and psycopg with them, are imported where a server is named: a command
on the embedded file does not pay for a driver it never uses. The store itself is imported
when it is used too, so a command can start its key derivation before loading it (see
``derive_key_ahead``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core import store

DATABASE_URL_VARIABLE = "SHOP_DATABASE_URL"


@dataclass(frozen=True)
class ShopLocation:
    """Where the shop lives. ``data_dir`` is this PC's folder (the shop itself without a
    server; logs and local choices with one); ``database_url`` names the server, if any."""

    data_dir: Path
    database_url: str | None = None

    @classmethod
    def choose(cls, data_dir: Path, database_url: str | None,
               remembered: str | None = None) -> ShopLocation:
        """The explicit URL, else ``SHOP_DATABASE_URL``, else the server this PC remembers
        from its first start, else the embedded file."""
        url = database_url or os.environ.get(DATABASE_URL_VARIABLE) or remembered or None
        if not url:
            return cls(Path(data_dir))
        from desktop_app.core.pg_connection import check_url

        return cls(Path(data_dir), check_url(url))

    @property
    def on_server(self) -> bool:
        return self.database_url is not None

    def describe(self) -> str:
        """The shop's place as a person reads it: a folder or a server URL."""
        return self.database_url or str(self.data_dir)

    def exists(self) -> bool:
        if self.database_url:
            from desktop_app.core import pg

            return pg.server_shop_exists(self.database_url)
        from desktop_app.core import store

        return store.shop_exists(self.data_dir)

    def create(self, shop_name: str, currency: str, owner: str, password: str, *,
               recovery_unconfirmed: bool = False) -> store.Shop:
        """A new shop with its first owner, here or on the server; the currency checked first
        (the GUI's setup and ``init`` both come this way; the setup shows the recovery key and
        waits for its confirmation: ``recovery_unconfirmed``)."""
        from desktop_app.core.money import currency_code

        currency = currency_code(currency)
        if self.database_url:
            from desktop_app.core import pg

            return pg.create_server_shop(self.data_dir, self.database_url, shop_name, currency,
                                         owner, password,
                                         recovery_unconfirmed=recovery_unconfirmed)
        from desktop_app.core import store

        return store.create_shop(self.data_dir, shop_name, currency, owner, password,
                                 recovery_unconfirmed=recovery_unconfirmed)

    def derive_key_ahead(self, operator: str, password: str) -> None:
        """Start the key derivation ``open(operator, password)`` will need, on a thread, while
        the caller loads what the open needs (see ``kdf``). Only for the file: a server's key
        slots are read once connected. No shop or no slot here: nothing; the open says why."""
        if self.database_url:
            return
        from desktop_app.core.errors import ShopError
        from desktop_app.core.keyslots import KeySlotFile
        from desktop_app.core.paths import KEYSLOTS_FILE

        try:
            slots = KeySlotFile.load(self.data_dir / KEYSLOTS_FILE)
        except (ShopError, OSError):
            return
        slots.derive_ahead(operator, password)

    def open(self, operator: str, password: str) -> store.Shop:
        if self.database_url:
            from desktop_app.core import pg

            return pg.open_server_shop(self.data_dir, self.database_url, operator, password)
        from desktop_app.core import store

        return store.open_shop(self.data_dir, operator, password)

    def recover(self, owner: str, recovery_key: str, new_password: str) -> store.Shop:
        """Owner ``owner``'s new password from the shop's recovery key; the shop, open."""
        from desktop_app.core import auth

        if not self.database_url:
            return auth.recover_owner(self.data_dir, owner, recovery_key, new_password)
        from desktop_app.core import pg
        from desktop_app.core.keyslots import canonical_recovery_key, validate_new_operator

        canonical_recovery_key(recovery_key)  # a typo is refused before it counts as a guess
        validate_new_operator(owner, new_password)
        shop = pg.open_server_shop_with_recovery_key(self.data_dir, self.database_url, owner,
                                                     recovery_key)
        return auth.set_recovered_password(shop, owner, new_password)

    def join_or_create(self, shop_name: str, currency: str, owner: str,
                       password: str) -> store.Shop:
        """First start on a counter PC: log in to the shop already on the server, or create
        it there (or in the folder) when there is none yet, its recovery key to be confirmed
        as kept (the setup shows it)."""
        if self.database_url and self.exists():
            return self.open(owner, password)
        return self.create(shop_name, currency, owner, password, recovery_unconfirmed=True)
