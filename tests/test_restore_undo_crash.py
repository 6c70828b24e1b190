"""Undoing a restore that stopped half-way is itself safe to stop at any of its renames: the
next open undoes it again and never deletes the shop's own database (a rerun of the undo
took the database just moved back for a restored one put in without a counterpart)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_restore_crash import redeemed_since_backup
from test_restore_notice import crashed_at

from desktop_app.core import redemption, restore_journal
from desktop_app.core.store import Shop, open_shop

RESTORED_DATABASE_IN = 6  # the restored database in, the restored key slots not yet


class Stopped(Exception):
    """Stands for the power cut: what is on the disk stays as it is."""


@pytest.mark.parametrize("stop_after", range(1, 6))
def test_an_undo_stopped_while_moving_back_is_undone_again_whole(
        shop: Shop, shop_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop_after: int) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, RESTORED_DATABASE_IN)
    real_replace, moved = os.replace, []

    def replace_then_stop(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        moved.append(dst)
        if len(moved) == stop_after:
            raise Stopped

    monkeypatch.setattr(restore_journal.os, "replace", replace_then_stop)
    with pytest.raises(Stopped):
        restore_journal.settle(shop_dir)
    monkeypatch.setattr(restore_journal.os, "replace", real_replace)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as reopened:
        assert reopened.integrity_problems == []
        assert redemption.redeem(reopened, payload, "counter").reason == "already_redeemed"
