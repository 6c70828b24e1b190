"""What acknowledging a rollback re-opens: the redemptions of the lost records.

Acknowledging a shop put back to an older copy lets it work on the data it has; a voucher
redeemed in the lost records looks unused again (QA s12a F4). Where the newer data is still
at hand, the redemptions it holds and this shop's data lacks are counted: the folder this
computer last worked in (a copy was opened instead), the data the newest restore of this
folder put aside, or the database a session kept when its files were replaced (``lost_copy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import integrity, live_folder, lost_copy
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.restore_loss import what_backup_lacks

if TYPE_CHECKING:
    from desktop_app.core.store import Shop


@dataclass(frozen=True)
class Reopened:
    """Redemptions in ``found_in`` (a shop database) that this shop's data lacks."""

    redemptions: int
    found_in: Path


def reopens_vouchers(problems: list[str]) -> bool:
    """Whether acknowledging ``problems`` lets vouchers redeemed in lost records be used
    again: the data was put back to an older copy (the same test the app's question uses)."""
    return any("rolled_back" in problem for problem in problems)


def newer_data(shop: Shop) -> list[Path]:
    """Shop databases that may hold what this one lost, newest place first."""
    places = []
    live = live_folder.elsewhere(integrity.witness_root(), shop.shop_id, shop.data_dir)
    if live is not None:
        places.append(live / DATABASE_FILE)
    asides = sorted(Path(shop.data_dir).glob("before-restore-*"), reverse=True)
    places.extend(aside / DATABASE_FILE for aside in asides[:1])
    lost = lost_copy.newest(shop.data_dir)  # a session's, whose files were replaced under it
    if lost is not None:
        places.append(lost)
    return [place for place in places if place.is_file()]


def count_reopened(shop: Shop) -> Reopened | None:
    """The most redemptions one of ``newer_data`` holds beyond this shop's data; None when
    there is no such file or none holds any (they cannot be counted then)."""
    found: Reopened | None = None
    here = Path(shop.data_dir) / DATABASE_FILE
    for place in newer_data(shop):
        lacked = what_backup_lacks(here, place, shop.database_key)
        if lacked.readable and lacked.redemptions and (
                found is None or lacked.redemptions > found.redemptions):
            found = Reopened(lacked.redemptions, place.parent)
    return found
