"""The shop's name and currency, kept on the open ``Shop`` for the screens to read.

Every screen shows them, and reads ``shop.name`` and ``shop.currency`` on the GUI thread,
which must do no database work: on a server that is down, a dialog that queried them there
would never open. So they are read once as the shop opens, and kept right as they change:

- by this process: ``note_written`` (``put_setting`` calls it) notes the new value for this
  thread's transaction; ``kept`` takes it into the shop once the outermost ``Shop.write``
  has committed, and forgets it when its transaction (or savepoint) rolls back;
- by another counter of a shop on a server: its change is announced here as "settings"
  (LISTEN/NOTIFY, see ``ui.counter.server_status``), and the screens' re-reads on the worker
  (the settings, the customer display, the orders' and products' tabs) call ``reread``, which
  takes in the values stored now.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop_app.core.models import Setting

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

NAME_KEY = "shop_name"
CURRENCY_KEY = "currency"
DEFAULT_CURRENCY = "CNY"
KEYS = frozenset({NAME_KEY, CURRENCY_KEY})

_local = threading.local()


def _noted() -> dict[str, str]:
    """The name or currency this thread wrote in its open transaction, not yet kept."""
    if not hasattr(_local, "noted"):
        _local.noted = {}
    noted: dict[str, str] = _local.noted
    return noted


def read_stored() -> tuple[str, str]:
    """The name and currency as the bound database holds them (a query: on the worker)."""
    rows = {row.key: row.value for row in Setting.select().where(Setting.key.in_(list(KEYS)))}
    return rows.get(NAME_KEY, ""), rows.get(CURRENCY_KEY, DEFAULT_CURRENCY)


def note_written(key: str, value: str) -> None:
    if key in KEYS:
        _noted()[key] = value


@contextlib.contextmanager
def kept(shop: Shop, outermost: bool) -> Iterator[None]:
    """Around a write transaction of ``shop`` (outside it, so that leaving it means the
    commit is done): what it wrote is kept once the outermost commits; a rollback, of a
    savepoint too, forgets what it wrote."""
    noted = _noted()
    if outermost:
        noted.clear()  # left by a change made outside any Shop.write: never confirmed
    before = dict(noted)
    try:
        yield
    except BaseException:
        noted.clear()
        noted.update(before)
        raise
    if outermost:
        shop.name = noted.pop(NAME_KEY, shop.name)
        shop.currency = noted.pop(CURRENCY_KEY, shop.currency)


def reread(shop: Shop) -> tuple[str, str]:
    """The name and currency stored now (another counter may have changed them), kept for
    the screens; on the worker. Inside a transaction, only returned: what it wrote may yet
    roll back."""
    stored = read_stored()
    if not shop.db.in_transaction():
        shop.name, shop.currency = stored
    return stored


def reread_currency(shop: Shop) -> str:
    """``reread``'s currency: a tab's re-read of its prices (on the worker) takes in a change."""
    return reread(shop)[1]


def read_fixed(shop: Shop) -> Shop:
    """The voucher key and card-key salt, read at open on the thread that opens: a screen
    that tags or checks a code later (a refund's scan box) never queries on the GUI thread."""
    _ = shop.voucher_key, shop.card_key_salt
    return shop
