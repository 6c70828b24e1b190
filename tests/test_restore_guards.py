"""Issue #11, the restore half: a restore is refused while the shop is open, goes through
the login throttle, keeps what was redeemed since the backup, recovers damaged key slots,
and never writes a backup over the shop's own files."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run

from desktop_app.core import (
    audit,
    auth,
    backup,
    fulfilment,
    orders,
    products,
    redemption,
    refunds,
    restore,
)
from desktop_app.core.errors import (
    KeySlotsDamaged,
    LockedOut,
    OperatorDisabled,
    RestoreNotConfirmed,
    ShopInUse,
    WrongPassword,
)
from desktop_app.core.lockout import FREE_FAILURES
from desktop_app.core.store import Shop, create_shop, open_shop, shop_exists

ROOT = Path(__file__).resolve().parents[1]
ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}


def sold_voucher(shop: Shop, uses: int = 1) -> fulfilment.IssuedVoucher:
    sold = len(products.list_products(shop, include_archived=True))
    product = products.add_product(shop, f"Wash {sold + 1}", "10.00", "service", uses=uses)
    order = orders.create_order(shop, [(product.id, 1)], "Kim")
    return fulfilment.pay_order(shop, order.id, "cash")[0]


# --- case 3: a restore while a counter has the shop open -----------------------------------


def test_restore_is_refused_while_the_shop_is_open_here(shop: Shop, shop_dir: Path,
                                                         tmp_path: Path) -> None:
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    with pytest.raises(ShopInUse):
        restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert not list(shop_dir.glob("before-restore-*"))
    shop.close()
    assert restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD) is not None


def test_restore_is_refused_while_a_counter_process_has_the_shop_open(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    voucher = sold_voucher(shop)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    shop.close()
    counter = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time; from desktop_app.core.store import open_shop\n"
            f"shop = open_shop({str(shop_dir)!r}, {OWNER!r}, {OWNER_PASSWORD!r})\n"
            "print('open', flush=True); time.sleep(60)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert counter.stdout is not None and counter.stdout.readline().strip() == "open"
        refused = run(shop_dir, "restore", str(out), "--yes", "--json", env=ENV)
        assert refused.returncode == 3 and as_json(refused)["error"] == "shop_in_use"
        assert not list(shop_dir.glob("before-restore-*"))
    finally:
        counter.kill()
        counter.wait()
        if counter.stdout is not None:
            counter.stdout.close()
    # The counter is gone (killed: its lock went with it): the restore goes ahead.
    done = run(shop_dir, "restore", str(out), "--yes", "--json", env=ENV)
    assert done.returncode == 0, done.stdout
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert redemption.redeem(restored, voucher.payload, "c").reason == "redeemed"


def test_a_running_restore_keeps_openers_out(shop: Shop, shop_dir: Path) -> None:
    from desktop_app.core import shoplock

    shop.close()
    alone = shoplock.hold_alone(shop_dir)
    try:
        with pytest.raises(ShopInUse) as err:
            shoplock.hold_open(shop_dir, wait_s=0.2)
        assert err.value.params["by"] == "restore"
    finally:
        alone.release()
    open_shop(shop_dir, OWNER, OWNER_PASSWORD).close()


# --- case 5: restore goes through the login throttle ---------------------------------------


def test_restore_counts_wrong_passwords_and_waits_like_a_login(shop: Shop, shop_dir: Path,
                                                                tmp_path: Path) -> None:
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    shop.close()
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassword):
            restore.restore_backup(shop_dir, out, OWNER, "wrong-wrong")
    with pytest.raises(LockedOut):  # even the right password waits
        restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    with pytest.raises(LockedOut):
        restore.check_restore(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert not list(shop_dir.glob("before-restore-*"))


# --- case 4: an older backup must not re-open what was redeemed since ----------------------


def test_restore_keeps_redemptions_and_disabled_operators_since_the_backup(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    once = sold_voucher(shop)
    five = sold_voucher(shop, uses=5)
    refunded = sold_voucher(shop)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    refunds.refund_order(shop, refunded.order_id)
    assert redemption.redeem(shop, once.payload, "c1").reason == "redeemed"
    for _ in range(2):
        assert redemption.redeem(shop, five.payload, "c1").reason == "redeemed"
    assert redemption.redeem(shop, once.payload, "c1").reason == "already_redeemed"
    later = sold_voucher(shop)  # an order made after the backup: lost with it
    auth.set_active(shop, clerk.id, False)
    shop.close()
    seen: list[restore.RestoreLoss] = []

    def refuse(loss: restore.RestoreLoss) -> bool:
        seen.append(loss)
        return False

    with pytest.raises(RestoreNotConfirmed):
        restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD, confirm=refuse)
    assert not list(shop_dir.glob("before-restore-*"))
    loss = seen[0]
    assert loss.readable and loss.redemptions == 3 and loss.orders == 1
    assert loss.operator_changes == 1 and loss.events >= 6
    restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD, confirm=lambda loss: True)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert redemption.redeem(restored, once.payload, "c2").reason == "already_redeemed"
        verdict = redemption.redeem(restored, five.payload, "c2")
        assert verdict.reason == "redeemed" and verdict.uses_left == 2
        assert redemption.redeem(restored, later.payload, "c2").reason == "unknown_code"
        assert redemption.redeem(restored, refunded.payload, "c2").reason == "voided"
        assert audit.verify_shop(restored) == []
        carried = audit.list_events(restored, kind="restore_carry")
        assert len(carried) == 1 and json.loads(carried[0].detail)["attempts"] == 4
    with pytest.raises(OperatorDisabled):  # disabled since the backup: stays so, and says so
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)


def test_cli_restore_says_what_the_backup_lacks_and_needs_yes(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    out = tmp_path / "b.vsbackup"
    assert run(folder, "backup", "--out", str(out), env=ENV).returncode == 0
    assert run(folder, "product", "add", "--name", "New", "--price", "1", env=ENV
               ).returncode == 0
    asked = run(folder, "restore", str(out), env=ENV)
    assert asked.returncode == 2 and "--yes" in asked.stderr
    assert "other changes (products, settings, card-key imports): 1." in asked.stderr
    assert run(folder, "restore", str(out), "--yes", env=ENV).returncode == 0


# --- case 6: damaged key slots; a backup must not overwrite the shop -----------------------


@pytest.mark.parametrize("damage", ["garbage", "missing"])
def test_damaged_or_missing_key_slots_are_recovered_from_a_backup(
        shop: Shop, shop_dir: Path, tmp_path: Path, damage: str) -> None:
    products.add_product(shop, "Kept", "1.00")
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    shop.close()
    slots = shop_dir / "keyslots.json"
    if damage == "garbage":
        slots.write_text("{not json")
    else:
        slots.unlink()
    with pytest.raises(KeySlotsDamaged):  # "no shop here, create one" sent them astray
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    assert shop_exists(shop_dir)  # so init refuses to make a new shop over it
    restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert stat.S_IMODE(slots.stat().st_mode) == 0o600
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert [p.name for p in products.list_products(restored)] == ["Kept"]


def test_a_backup_of_another_shop_cannot_replace_a_shop_whose_slots_are_damaged(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    from desktop_app.core.errors import BackupInvalid

    with create_shop(tmp_path / "other", "Other", "CNY", OWNER, OWNER_PASSWORD) as other:
        foreign = backup.write_backup(other, tmp_path / "foreign.vsbackup")
    shop.close()
    (shop_dir / "keyslots.json").write_text("{not json")
    with pytest.raises(BackupInvalid) as err:
        restore.restore_backup(shop_dir, foreign, OWNER, OWNER_PASSWORD)
    assert err.value.params["problem"] == "foreign"


@pytest.mark.parametrize("target", ["keyslots.json", "shop.db", "anchor.json", "new.vsbackup",
                                    ".", "logs/x.vsbackup"])
def test_backup_refuses_the_shops_own_files_and_folder(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = run(folder, "backup", "--out", str(folder / target), "--json", env=ENV)
    assert result.returncode == 1 and as_json(result)["field"] == "out"
    assert as_json(result)["problem"] == "inside_shop"  # a sub-folder of it too (QA)
    assert (folder / "keyslots.json").read_bytes() == before["keyslots.json"]
    assert run(folder, "product", "list", env=ENV).returncode == 0


def test_backup_into_a_folder_asks_for_a_file_name(tmp_path: Path) -> None:
    """QA: a folder outside the shop was refused as "inside the shop's folder"."""
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    (tmp_path / "usb").mkdir()
    result = run(folder, "backup", "--out", str(tmp_path / "usb"), "--json", env=ENV)
    refusal = as_json(result)
    assert result.returncode == 1 and refusal["problem"] == "is_a_folder"
    assert "name of a file" in refusal["message"] and "outside" not in refusal["message"]


def test_an_operator_disabled_here_restores_nothing(shop: Shop, shop_dir: Path,
                                                   tmp_path: Path) -> None:
    """QA round 2: a disabled owner restored an older backup (which still knew their
    password) and wiped the orders made since."""
    partner = auth.add_operator(shop, "Partner", "owner", "partner-pass-1")
    out = backup.write_backup(shop, tmp_path / "early.vsbackup")
    auth.set_active(shop, partner.id, False)
    products.add_product(shop, "Made since", "1.00")
    shop.close()
    for attempt in (restore.check_restore, restore.restore_backup):
        with pytest.raises(OperatorDisabled):
            attempt(shop_dir, out, "Partner", "partner-pass-1")
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as kept:
        assert "Made since" in [p.name for p in products.list_products(kept)]
