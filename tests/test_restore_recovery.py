"""Issue #11, the restore / recovery / lockout / hygiene half: each numbered case of the
issue reproduced first, on real encrypted shops, through the core and the command line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run

from desktop_app.core import (
    audit,
    auth,
    backup,
    fulfilment,
    keyslots,
    orders,
    products,
    redemption,
    refunds,
    restore,
)
from desktop_app.core.errors import (
    InvalidInput,
    KeySlotMissing,
    LockedOut,
    RestoreNotConfirmed,
    ShopInUse,
    WrongPassword,
)
from desktop_app.core.lockout import FREE_FAILURES, LOCKOUT_FILE, LoginThrottle, login_source
from desktop_app.core.products import mask_key
from desktop_app.core.store import Shop, create_shop, open_shop

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
    with pytest.raises((KeySlotMissing, WrongPassword)):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)


def test_cli_restore_says_what_the_backup_lacks_and_needs_yes(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    out = tmp_path / "b.vsbackup"
    assert run(folder, "backup", "--out", str(out), env=ENV).returncode == 0
    assert run(folder, "product", "add", "--name", "New", "--price", "1", env=ENV
               ).returncode == 0
    asked = run(folder, "restore", str(out), env=ENV)
    assert asked.returncode == 2 and "--yes" in asked.stderr and "1 changes" in asked.stderr
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
                                    "."])
def test_backup_refuses_the_shops_own_files_and_folder(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = run(folder, "backup", "--out", str(folder / target), "--json", env=ENV)
    assert result.returncode == 1 and as_json(result)["field"] == "out"
    assert (folder / "keyslots.json").read_bytes() == before["keyslots.json"]
    assert run(folder, "product", "list", env=ENV).returncode == 0


# --- recovery key --------------------------------------------------------------------------


def test_recovery_key_shape_and_typos() -> None:
    key = keyslots.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert (len(key.replace("-", "")) - 1) * 5 >= 128
    assert keyslots.canonical_recovery_key(key.lower().replace("-", " ")) == key.replace("-", "")
    typo = ("1" if key[0] != "1" else "2") + key[1:]
    with pytest.raises(InvalidInput):
        keyslots.canonical_recovery_key(typo)


def test_cli_init_prints_the_recovery_key_and_recover_sets_a_new_password(
        tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    made = run(folder, "init", "--json", env=ENV)
    key = as_json(made)["recovery_key"]
    assert len(key.split("-")) == 7
    assert key.replace("-", "") not in (folder / "keyslots.json").read_text()
    plain = run(tmp_path / "other", "init", env=ENV)
    assert "Recovery key" in plain.stdout and len(plain.stdout.strip().splitlines()[-1]) > 30

    env = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    done = run(folder, "recover", OWNER, "--json", env=env)
    assert done.returncode == 0, done.stdout
    new = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "a brand new pass 9"}
    assert run(folder, "product", "list", env=new).returncode == 0
    assert run(folder, "product", "list", env=ENV).returncode == 3
    assert run(folder, "recover", OWNER, "--json", env=env).returncode == 0  # reusable

    no_terminal = run(folder, "recover", OWNER, "--json", env={"SHOP_NEW_PASSWORD": "x" * 12})
    assert no_terminal.returncode == 2


def test_wrong_recovery_keys_count_toward_the_lockout(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    key = as_json(run(folder, "init", "--json", env=ENV))["recovery_key"]
    wrong = keyslots.new_recovery_key()
    env = {"SHOP_RECOVERY_KEY": wrong, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    typo = {**env, "SHOP_RECOVERY_KEY": key[:-1] + ("0" if key[-1] != "0" else "1")}
    mistyped = run(folder, "recover", OWNER, "--json", env=typo)
    assert mistyped.returncode == 1 and as_json(mistyped)["problem"] == "mistyped"
    for _ in range(FREE_FAILURES):
        refused = run(folder, "recover", OWNER, "--json", env=env)
        assert refused.returncode == 3 and as_json(refused)["error"] == "wrong_password"
    right = {**env, "SHOP_RECOVERY_KEY": key}
    waiting = run(folder, "recover", OWNER, "--json", env=right)
    assert waiting.returncode == 3 and as_json(waiting)["error"] == "locked_out"
    # ... and after the wait (the failures an hour old), the recovery key works.
    lockout = folder / LOCKOUT_FILE
    data = json.loads(lockout.read_text())
    for entry in data["operators"].values():
        for counts in entry["sources"].values():
            counts["times"] = [t - 7200 for t in counts["times"]]
    lockout.write_text(json.dumps(data))
    assert run(folder, "recover", OWNER, "--json", env=right).returncode == 0


def test_recover_refuses_a_clerk_name(shop: Shop, shop_dir: Path) -> None:
    from desktop_app.core.errors import Forbidden

    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    key = shop.recovery_key
    assert key is not None
    shop.close()
    with pytest.raises(Forbidden):
        auth.recover_owner(shop_dir, CLERK, key, "a brand new pass 9")
    open_shop(shop_dir, CLERK, CLERK_PASSWORD).close()


# --- case 8: a clerk cannot lock the owner out ---------------------------------------------


def test_a_clerks_guesses_never_lock_the_owner_out(shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        for _ in range(FREE_FAILURES + 3):  # at the clerk's locked session, typed as the owner
            with pytest.raises((WrongPassword, LockedOut)):
                auth.quick_unlock(clerk_shop, OWNER, "guess-guess")
        with pytest.raises(LockedOut):
            auth.quick_unlock(clerk_shop, OWNER, OWNER_PASSWORD)
    finally:
        clerk_shop.close()
    # The owner at the computer's login is not made to wait, and is told of the guesses.
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as owner:
        assert owner.failed_logins == FREE_FAILURES
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        assert again.failed_logins == 0


def test_throttle_counts_per_name_and_source(tmp_path: Path) -> None:
    now = [1000.0]
    throttle = LoginThrottle(tmp_path, clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        throttle.failed("Owner", "session:bob")
    assert throttle.wait_seconds("owner", "session:bob") > 0
    assert throttle.wait_seconds("owner", login_source()) == 0
    assert throttle.wait_seconds("bob", "session:bob") == 0
    now[0] += 31
    assert throttle.wait_seconds("owner", "session:bob") == 0
    assert throttle.succeeded("Owner", login_source()) == FREE_FAILURES


def test_cli_tells_failed_attempts_after_login(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    bad = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "nope-nope"}
    for _ in range(2):
        assert run(folder, "product", "list", env=bad).returncode == 3
    told = run(folder, "product", "list", env=ENV)
    assert told.returncode == 0 and "since your last login: 2" in told.stderr


# --- case 9: hygiene -----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "most"), [
    ("ABCDEFGHIJK", 3), ("ABCDEFGHIJKL", 4), ("A" * 19, 6), ("AB", 0), ("ABC", 1)])
def test_card_keys_under_20_show_at_most_a_third(key: str, most: int) -> None:
    shown = len(mask_key(key).replace("…", ""))
    assert shown <= len(key) // 3 and shown == most


@pytest.mark.parametrize("middle", [10, 30])
def test_first_six_and_last_four_of_a_key_of_20_or_more(middle: int) -> None:
    key = "ABCDEF" + "x" * middle + "WXYZ"
    assert mask_key(key) == "ABCDEF…WXYZ"


@pytest.mark.parametrize("bad", ["Wash\x1b[31mRED", "Wash\nline", "Wash\u202eevil", "Wash\x7f"])
def test_control_characters_are_refused_in_every_name(shop: Shop, bad: str) -> None:
    with pytest.raises(InvalidInput) as err:
        products.add_product(shop, bad, "1.00")
    assert err.value.params["problem"] == "control_characters"
    product = products.add_product(shop, "Wash", "1.00")
    with pytest.raises(InvalidInput):
        orders.create_order(shop, [(product.id, 1)], bad)
    with pytest.raises(InvalidInput):
        auth.add_operator(shop, bad, "clerk", CLERK_PASSWORD)


def test_text_limits_refuse_instead_of_cutting(shop: Shop) -> None:
    product = products.add_product(shop, "Wash", "1.00")
    with pytest.raises(InvalidInput) as err:
        orders.create_order(shop, [(product.id, 1)], "x" * 201)
    assert err.value.params == {"field": "customer", "problem": "too_long", "maximum": 200}
    with pytest.raises(InvalidInput) as err:
        orders.create_order(shop, [(product.id, 1)], "Kim", note="n" * 100_000)
    assert err.value.params["field"] == "note"
    order = orders.create_order(shop, [(product.id, 1)], "x" * 200, note="two\nlines")
    assert order.customer_name == "x" * 200 and order.note == "two\nlines"


def test_cli_never_prints_terminal_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    refused = run(folder, "product", "add", "--name", "A\x1b[2J", "--price", "1", env=ENV)
    assert refused.returncode == 1 and "\x1b" not in refused.stderr
    # A name stored before these checks existed is shown escaped, never raw.
    with open_shop(folder, OWNER, OWNER_PASSWORD) as shop:
        product = products.add_product(shop, "Old name", "1.00")
        from desktop_app.core.models import Product

        with shop.write():
            Product.update(name="Old\x1b[2Jname").where(Product.id == product.id).execute()
    listed = run(folder, "product", "list", env=ENV)
    assert "\x1b" not in listed.stdout and "\\x1b[2J" in listed.stdout
    station = run(folder, "redeem", "X", "--station", "C\x1b1", env=ENV)
    assert station.returncode == 2


def test_disabled_operator_exits_3(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    assert run(folder, "operator", "add", CLERK, "--role", "clerk",
               env={**ENV, "SHOP_NEW_PASSWORD": CLERK_PASSWORD}).returncode == 0
    with open_shop(folder, OWNER, OWNER_PASSWORD) as shop:
        clerk = next(o for o in auth.list_operators(shop) if o.name == CLERK)
        auth.set_active(shop, clerk.id, False)
    refused = run(folder, "redeem", "X", "--json",
                  env={"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": CLERK_PASSWORD})
    assert refused.returncode == 3, refused.stdout


def test_stale_temporary_files_are_cleaned_at_open(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    stale = [shop_dir / ".anchor.json.abc.tmp", shop_dir / ".keyslots.json.x.tmp"]
    for path in stale:
        path.write_bytes(b"half")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    fresh = shop_dir / ".lockout.json.y.tmp"  # another counter's write, under way right now
    fresh.write_bytes(b"")
    (shop_dir / ".restore-killed").mkdir()
    open_shop(shop_dir, OWNER, OWNER_PASSWORD).close()
    assert not any(p.exists() for p in stale) and fresh.exists()
    assert not (shop_dir / ".restore-killed").exists()


def test_the_demo_keeps_its_recovery_key_in_its_folder(tmp_path: Path) -> None:
    from desktop_app.core.demo import DEMO_README, ensure_demo_shop

    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    text = (folder / DEMO_README).read_text(encoding="utf-8")
    key = text.split("recovery key: ")[1].split()[0]
    auth.recover_owner(folder, "owner", key, "demo-owner-2026").close()


def test_the_refusals_read_right() -> None:
    from desktop_app.messages import error_message

    assert "another window" in error_message(ShopInUse(path="/x", by="open"))
    assert "being restored" in error_message(ShopInUse(path="/x", by="restore"))
    assert "typo" in error_message(InvalidInput(field="recovery_key", problem="mistyped"))
