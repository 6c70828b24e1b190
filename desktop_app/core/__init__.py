"""The shop itself: storage, operators, inventory, orders, vouchers, redemption.

Nothing in this package imports Qt, so the command line, the GUI and the tests share it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importlib.abc itself loads importlib.resources, tempfile, bz2, lzma...
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec
    from types import ModuleType


class _WithoutServerDrivers:
    """peewee's own loader, run with psycopg hidden. peewee imports psycopg as it is imported
    itself: ~100 ms and ~10 MiB (libpq, asyncio) for every command, which the embedded shop
    never uses. Imported so, peewee leaves its driver unset; ``core.pg_connection`` imports
    psycopg and hands it to peewee when a shop is on a server. (``playhouse.migrate`` imports
    psycopg too, through its CockroachDB support: ``migrations`` imports it only to upgrade an
    older shop.)"""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        hidden = "psycopg" not in sys.modules
        if hidden:
            sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails
        try:
            self.loader.exec_module(module)
        finally:
            if hidden:
                del sys.modules["psycopg"]

    def __getattr__(self, name: str) -> Any:  # get_source, get_code, ... for tracebacks
        return getattr(self.loader, name)


class _PeeweeFinder:
    """Asked first for every import; steps in once, for peewee's, whenever that comes: importing
    this package loads no peewee, so a command can start its key derivation first (see
    ``kdf``). It stays in ``sys.meta_path`` afterwards: removing it could make another
    thread's import, walking that list meanwhile, skip a finder."""

    used = False

    @classmethod
    def find_spec(cls, name: str, path: object = None, target: object = None
                  ) -> ModuleSpec | None:
        if name != "peewee" or cls.used:
            return None
        cls.used = True
        import importlib.util

        spec = importlib.util.find_spec(name)  # the finders after this one
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutServerDrivers(spec.loader)  # type: ignore[assignment]
        return spec


if "peewee" not in sys.modules and _PeeweeFinder not in sys.meta_path:
    sys.meta_path.insert(0, _PeeweeFinder)
