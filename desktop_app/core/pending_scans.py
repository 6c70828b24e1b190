"""Redemptions whose COMMIT lost its answer, remembered on this PC from one run to the next.

``redeem`` on the command line ends with ``redemption_uncertain`` when the server stopped
answering as the redemption was saved; a script that retried on exit 1 took a second use
(QA s39b F14). The attempt is noted here (its id, the station, when, and the voucher by a keyed
hash: no code readable on disk); the next ``redeem`` of that voucher at that station asks the
server about it first, as the counter does within one session (``lost_scans``): saved, it
answers that the earlier attempt went through and takes nothing more; not saved, it redeems.
The counter in the app notes its own the same way, so a restart in the middle of an outage
keeps the protection (QA s39b F17).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import lost_commit, vouchers
from desktop_app.core.errors import ShopError
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.lost_scans import voucher_key
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop

if TYPE_CHECKING:
    from desktop_app.core.voucher_lookup import VoucherInfo

log = logging.getLogger(__name__)

PENDING_FILE = "uncertain-redemptions.json"
KEPT_S = 7 * 24 * 3600  # older notes are forgotten: someone has looked by then


@dataclass(frozen=True)
class EarlierAttempt:
    attempt_id: int
    at: float  # when it was made (epoch seconds)


def _voucher_hash(shop: Shop, text: str) -> str:
    scanned = text.strip()
    code = voucher_key(shop, scanned, vouchers.normalize(scanned))
    return hmac.new(shop.voucher_key.encode(), code.encode(), hashlib.sha256).hexdigest()[:32]


def _read(path: Path) -> list[dict[str, object]]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _write(path: Path, entries: list[dict[str, object]]) -> None:
    try:
        if entries:
            path.parent.mkdir(parents=True, exist_ok=True)  # a server shop's PC folder
            atomic_write_bytes(path, json.dumps(entries).encode())
        else:
            path.unlink(missing_ok=True)
    except (OSError, ShopError):  # not kept: the uncertain verdict still says what to check
        log.warning("could not keep the uncertain redemptions in %s", path, exc_info=True)


def remember(shop: Shop, text: str, station: str, attempt_id: int) -> None:
    path = shop.data_dir / PENDING_FILE
    now = time.time()
    entries = [e for e in _read(path) if now - float(str(e.get("at", 0))) < KEPT_S]
    entries.append({"shop": shop.shop_id, "voucher": _voucher_hash(shop, text),
                    "station": station, "attempt": attempt_id, "at": now})
    _write(path, entries)


def forget(shop: Shop, attempt_id: int) -> None:
    """The server has said what became of ``attempt_id`` (the counter found out itself)."""
    path = shop.data_dir / PENDING_FILE
    if path.exists():
        entries = _read(path)
        kept = [e for e in entries if e.get("attempt") != attempt_id]
        if kept != entries:
            _write(path, kept)


def settle_earlier(shop: Shop, text: str, station: str) -> EarlierAttempt | None:
    """The earlier uncertain attempt on this voucher at this station, if the server saved it
    (its note forgotten either way); None when there is none, or it was not saved.
    ``ServerUnreachable`` while the server still does not answer: the note stays."""
    path = shop.data_dir / PENDING_FILE
    if not path.exists():  # the usual case: one stat, nothing read
        return None
    entries = _read(path)
    key = _voucher_hash(shop, text)
    mine = [e for e in entries if e.get("shop") == shop.shop_id and e.get("voucher") == key
            and e.get("station") == station]
    if not mine:
        return None
    saved = [e for e in mine if lost_commit.attempt_saved(shop, int(str(e["attempt"])))]
    _write(path, [e for e in entries if e not in mine])
    if not saved:
        return None
    newest = saved[-1]
    with contextlib.suppress(ValueError):
        return EarlierAttempt(int(str(newest["attempt"])), float(str(newest["at"])))
    return None


def earlier_verdict(shop: Shop, station: str, info: VoucherInfo,
                    earlier: EarlierAttempt) -> Verdict:
    """The verdict an attempt noted before a restart had, as the voucher is now."""
    return Verdict(ok=True, reason="redeemed", operator=shop.operator.name, station=station,
                   at=dt.datetime.fromtimestamp(earlier.at, dt.UTC),
                   attempt_id=earlier.attempt_id, voucher_id=info.id, code=info.code,
                   product=info.product, uses_left=info.uses_left, uses_total=info.uses_total,
                   valid_from=info.valid_from, valid_until=info.valid_until,
                   customer=info.customer, customer_phone=info.customer_phone,
                   balance=info.balance, kind=info.kind)
