"""A restore stopped at any point (a crash, a power cut) is finished or undone at the next
open, never leaves a folder that looks like no shop, and never re-opens a voucher redeemed
since the backup (QA s12a F1, F2). Each crash point is a rename the restore makes, in a
process of its own that dies right after it (``restore_crash_worker``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from restore_crash_worker import CRASHED

from desktop_app.core import (
    backup,
    fulfilment,
    orders,
    products,
    redemption,
    restore,
    restore_journal,
)
from desktop_app.core.errors import ShopExists
from desktop_app.core.restore_journal import JOURNAL_FILE
from desktop_app.core.store import Shop, create_shop, open_shop, shop_exists

WORKER = Path(__file__).with_name("restore_crash_worker.py")
RENAMES_OF_A_RESTORE = 7  # checked by the last test: every rename is a crash point


def run_restore(folder: Path, chosen: Path, crash_at: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, str(WORKER), str(folder), str(chosen), OWNER,
                           OWNER_PASSWORD, str(crash_at)], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def redeemed_since_backup(shop: Shop, tmp_path: Path) -> tuple[Path, str]:
    """A backup, then a voucher of it redeemed: what no restore may re-open."""
    product = products.add_product(shop, "Wash", "10.00", uses=1)
    voucher = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)[0]
    chosen = backup.write_backup(shop, tmp_path / "before.vsbackup")
    assert redemption.redeem(shop, voucher.payload, "counter").ok
    shop.close()
    return chosen, voucher.payload


def open_after_crash(shop_dir: Path) -> Shop:
    """The next open: the shop as it is, telling its owner how the restore was settled (a
    restore that stopped before its journal had nothing to settle)."""
    settles = restore_journal.pending(shop_dir)
    opened = open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    notice = opened.restore_notice
    assert (notice is not None) == settles
    assert notice is None or notice.outcome in ("undone", "completed")
    return opened


@pytest.mark.parametrize("crash_at", range(1, RENAMES_OF_A_RESTORE + 1))
def test_a_restore_stopped_at_any_rename_is_finished_or_undone(
        shop: Shop, shop_dir: Path, tmp_path: Path, crash_at: int) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    crashed = run_restore(shop_dir, chosen, crash_at)
    assert crashed.returncode == CRASHED, crashed.stderr
    assert shop_exists(shop_dir)  # never "no shop, create one" (the first-start wizard)
    with pytest.raises(ShopExists):
        create_shop(shop_dir, "Over it", "CNY", "Mallory", "another-pass-1")
    with open_after_crash(shop_dir) as reopened:
        assert reopened.integrity_problems == []  # no false "rolled back"
        assert redemption.redeem(reopened, payload, "counter").reason == "already_redeemed"
    assert not (shop_dir / JOURNAL_FILE).exists()
    assert not list(shop_dir.glob(".restore-*"))
    again = run_restore(shop_dir, chosen, 0)  # the owner runs the restore again: it works
    assert again.returncode == 0, again.stderr
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert restored.integrity_problems == []
        assert redemption.redeem(restored, payload, "counter").reason == "already_redeemed"


def test_a_restore_that_stopped_half_way_is_undone_by_the_next_restore(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    assert run_restore(shop_dir, chosen, 3).returncode == CRASHED  # current files half aside
    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD, confirm=lambda loss: True)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert restored.integrity_problems == []
        assert redemption.redeem(restored, payload, "counter").reason == "already_redeemed"


def recording(told: list[restore.RestoreLoss]) -> Callable[[restore.RestoreLoss], bool]:
    """A confirmation that keeps what it was told, and says yes."""
    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True
    return confirm


def stopped_without_journal(shop_dir: Path, chosen: Path, crash_at: int) -> None:
    """A restore stopped as one without a journal (before this version) left it."""
    assert run_restore(shop_dir, chosen, crash_at).returncode == CRASHED
    (shop_dir / JOURNAL_FILE).unlink()


def test_restoring_again_ends_the_hold_a_restore_stopped_before_the_witnesses_left(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    stopped_without_journal(shop_dir, chosen, 7)  # its files in, the witnesses not re-based
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as held:
        assert held.integrity_problems  # the old crash's false "rolled back"
    told: list[restore.RestoreLoss] = []
    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD,
                           confirm=recording(told))
    assert not told[0].stays_held  # the witness's head is in the data put aside, carried
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert restored.integrity_problems == []
        assert redemption.redeem(restored, payload, "counter").reason == "already_redeemed"


def test_data_put_aside_but_not_carried_keeps_the_hold(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """The old half-done restore's retry carried nothing: the aside data is the only place
    the redemption is, so it explains nothing and the shop stays held."""
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    stopped_without_journal(shop_dir, chosen, 3)  # the current files half aside
    for staging in shop_dir.glob(".restore-*"):  # as the old version's retry left it
        shutil.rmtree(staging)
    told: list[restore.RestoreLoss] = []
    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD,
                           confirm=recording(told))
    assert told[0].stays_held
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert restored.integrity_problems
    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD,
                           confirm=recording(told))
    assert told[1].stays_held  # and again: the newest aside now is the retry's


def test_a_restore_of_a_version_without_the_journal_is_undone_too(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    stopped_without_journal(shop_dir, chosen, 3)  # no database left in the folder
    assert shop_exists(shop_dir)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as reopened:
        notice = reopened.restore_notice
        assert notice is not None and notice.outcome == "undone"
        assert notice.moment("started_at") is not None  # from its aside folder's time
        assert reopened.integrity_problems == []
        assert redemption.redeem(reopened, payload, "counter").reason == "already_redeemed"


def test_every_rename_of_a_restore_is_a_crash_point_tested(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    whole = run_restore(shop_dir, chosen, 0)
    assert whole.returncode == 0, whole.stderr
    assert int(whole.stdout.split()[-1]) == RENAMES_OF_A_RESTORE
