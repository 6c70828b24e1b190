"""QA s19b F5: a shop made before recovery keys existed (or whose printed key was lost or
seen) gets a new recovery key from a logged-in owner; the old one stops working at once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run

from desktop_app.core import audit, auth, recovery_keys
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import Forbidden, LockedOut, NoRecoveryKey, WrongPassword
from desktop_app.core.keyslots import new_recovery_key
from desktop_app.core.lockout import FREE_FAILURES
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages import error_message

SHOP_ENGINES = ("file", "server")
DATA = Path(__file__).parent / "data"
V1_OWNER, V1_PASSWORD = "owner", "fixture-owner-1"  # tests/data/make_shop_v1.py's
NEW_PASSWORD = "a brand new pass 9"


def _location(shop: Shop) -> ShopLocation:
    return ShopLocation(shop.data_dir, getattr(shop, "url", None))


def test_an_owner_makes_a_new_key_and_the_old_one_stops_working(shop: Shop) -> None:
    old_key = shop.recovery_key
    assert old_key and recovery_keys.has_recovery_key(shop)
    new_key = recovery_keys.make_new_recovery_key(shop, OWNER_PASSWORD)
    assert new_key != old_key and len(new_key.split("-")) == 7
    [event] = audit.list_events(shop, kind="recovery_key_new")
    assert event.operator_id == shop.operator.id and json.loads(event.detail) == {
        "replaced": True}
    assert audit.verify_shop(shop) == []
    location = _location(shop)
    shop.close()
    with pytest.raises(WrongPassword):
        location.recover(OWNER, old_key, NEW_PASSWORD)
    location.recover(OWNER, new_key, NEW_PASSWORD).close()
    location.open(OWNER, NEW_PASSWORD).close()


def test_a_wrong_password_makes_no_key_and_counts_toward_the_lockout(shop: Shop) -> None:
    """An open owner session alone must not make a key (whoever made it could then set the
    owner's password with ``recover``): the current password is proven first, under the
    login's limit on guessing, as for a password change."""
    old_key, slot_before = shop.recovery_key, shop.reload_slots().recovery
    assert old_key is not None
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassword):
            recovery_keys.make_new_recovery_key(shop, "not the owner's password")
    with pytest.raises(LockedOut):  # the right one too, as at the login screen
        recovery_keys.make_new_recovery_key(shop, OWNER_PASSWORD)
    assert shop.reload_slots().recovery == slot_before
    assert audit.list_events(shop, kind="recovery_key_new") == []
    location = _location(shop)
    shop.close()
    with location.open(OWNER, OWNER_PASSWORD) as again:  # told at the owner's next login
        assert again.failed_logins == FREE_FAILURES
    location.recover(OWNER, old_key, NEW_PASSWORD).close()  # the old key still works


def test_a_shop_without_a_key_gets_one(shop: Shop) -> None:
    """A shop made by the first build: no recovery slot at all (on a server, no such row)."""
    slots = shop.reload_slots()
    slots.recovery = None
    slots.save()
    assert not recovery_keys.has_recovery_key(shop)
    location, old_key = _location(shop), shop.recovery_key
    assert old_key is not None
    shop.close()  # one shop open at a time in this process, as in the app
    with pytest.raises(NoRecoveryKey):  # the refusal says what to do next
        location.recover(OWNER, old_key, NEW_PASSWORD)
    with location.open(OWNER, OWNER_PASSWORD) as owner:
        key = recovery_keys.make_new_recovery_key(owner, OWNER_PASSWORD)
        assert recovery_keys.has_recovery_key(owner)
        [event] = audit.list_events(owner, kind="recovery_key_new")
        assert json.loads(event.detail) == {"replaced": False}
    location.recover(OWNER, key, NEW_PASSWORD).close()


def test_a_clerk_may_not_make_a_recovery_key(shop: Shop) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    before = shop.reload_slots().recovery
    location = _location(shop)
    shop.close()
    with location.open(CLERK, CLERK_PASSWORD) as clerk:
        with pytest.raises(Forbidden):
            recovery_keys.make_new_recovery_key(clerk, CLERK_PASSWORD)
        assert clerk.reload_slots().recovery == before


def test_the_first_builds_shop_gets_a_key(tmp_path: Path) -> None:
    folder = tmp_path / "shop_v1"
    shutil.copytree(DATA / "shop_v1", folder)
    assert recovery_keys.folder_has_recovery_key(folder) is False
    with open_shop(folder, V1_OWNER, V1_PASSWORD) as shop:
        key = recovery_keys.make_new_recovery_key(shop, V1_PASSWORD)
    assert recovery_keys.folder_has_recovery_key(folder) is True
    assert recovery_keys.folder_has_recovery_key(tmp_path / "nothing") is None
    auth.recover_owner(folder, V1_OWNER, key, NEW_PASSWORD).close()


def test_no_recovery_key_says_what_to_do_next() -> None:
    said = error_message(NoRecoveryKey())
    assert "New recovery key" in said and "recovery-key --new" in said
    assert "every owner's password is lost" in said


def test_cli_recovery_key_new(tmp_path: Path) -> None:
    folder = tmp_path / "shop_v1"
    shutil.copytree(DATA / "shop_v1", folder)
    env = {"SHOP_OPERATOR": V1_OWNER, "SHOP_PASSWORD": V1_PASSWORD}
    asked = as_json(run(folder, "recovery-key", "--json", env=env))
    assert asked == {"ok": True, "recovery_key_exists": False}
    refused = run(folder, "recover", V1_OWNER, "--json", env={
        "SHOP_RECOVERY_KEY": new_recovery_key(), "SHOP_NEW_PASSWORD": NEW_PASSWORD})
    assert refused.returncode == 1 and as_json(refused)["error"] == "no_recovery_key"
    assert "recovery-key --new" in as_json(refused)["message"]
    made = run(folder, "recovery-key", "--new", "--json", env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    first = as_json(made)["recovery_key"]
    plain = run(folder, "recovery-key", "--new", env=env)
    assert plain.returncode == 0 and "stops working" not in plain.stdout.splitlines()[-1]
    second = plain.stdout.strip().splitlines()[-1].strip()
    assert len(second.split("-")) == 7 and second != first
    assert as_json(run(folder, "recovery-key", "--json", env=env))["recovery_key_exists"]
    recover = {"SHOP_NEW_PASSWORD": NEW_PASSWORD}
    old = run(folder, "recover", V1_OWNER, "--json", env={**recover, "SHOP_RECOVERY_KEY": first})
    assert old.returncode == 3 and as_json(old)["error"] == "wrong_password"
    new = run(folder, "recover", V1_OWNER, "--json", env={**recover, "SHOP_RECOVERY_KEY": second})
    assert new.returncode == 0, new.stdout


def test_a_key_the_app_shows_waits_for_its_confirmation(shop: Shop, tmp_path: Path) -> None:
    """QA s35a F1: the app's setup and its New recovery key… show the key and wait for its
    last group; until then the shop remembers it was not confirmed. A key printed by the
    command line (``init``, ``recovery-key --new``) is the reader's to keep: nothing waits."""
    assert not recovery_keys.recovery_key_unconfirmed(shop)  # made by create_shop (``init``)
    recovery_keys.make_new_recovery_key(shop, OWNER_PASSWORD, shown=True)
    assert recovery_keys.recovery_key_unconfirmed(shop)
    recovery_keys.recovery_key_kept(shop)
    recovery_keys.recovery_key_kept(shop)  # twice: recorded once
    assert not recovery_keys.recovery_key_unconfirmed(shop)
    assert len(audit.list_events(shop, kind="recovery_key_kept")) == 1
    recovery_keys.make_new_recovery_key(shop, OWNER_PASSWORD, shown=True)
    recovery_keys.make_new_recovery_key(shop, OWNER_PASSWORD)  # printed: no longer waiting
    assert not recovery_keys.recovery_key_unconfirmed(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.operator.role = "clerk"
    try:
        with pytest.raises(Forbidden):
            recovery_keys.recovery_key_kept(shop)
    finally:
        shop.operator.role = "owner"
    made = ShopLocation(tmp_path / "new", None).join_or_create("New", "CNY", OWNER,
                                                               OWNER_PASSWORD)
    try:
        assert recovery_keys.recovery_key_unconfirmed(made)  # the setup's: to be typed back
    finally:
        made.close()
