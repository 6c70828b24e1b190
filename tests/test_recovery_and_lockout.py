"""Issue #11, the recovery and lockout half: the owner's recovery key, and failed
attempts counted per name and place so that a clerk cannot lock the owner out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run
from test_restore_guards import ENV

from desktop_app.core import auth, keyslots
from desktop_app.core.errors import InvalidInput, LockedOut, WrongPassword
from desktop_app.core.lockout import FREE_FAILURES, LOCKOUT_FILE, LoginThrottle, login_source
from desktop_app.core.store import Shop, open_shop

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


def test_a_mistyped_recovery_key_says_what_can_be_told() -> None:
    """QA s15a F10: one check symbol for the whole key tells a typo, never where it is; a
    character no key has is in a known group, and a key too short says its count."""
    from desktop_app.messages import error_message

    key = keyslots.new_recovery_key()
    groups = key.split("-")
    one_wrong = groups[0][:3] + ("2" if groups[0][3] != "2" else "3")
    mistyped = [
        "-".join([one_wrong, *groups[1:]]),
        "-".join([*groups[:4], groups[4][:2] + "#" + groups[4][3:], *groups[5:]]),
        "-".join(groups[:6]),
        "，".join(groups),  # a Chinese comma for the hyphens
    ]
    refusals = []
    for text in mistyped:
        with pytest.raises(InvalidInput) as refused:
            keyslots.canonical_recovery_key(text)
        refusals.append(refused.value)
    assert [r.params for r in refusals] == [
        {"field": "recovery_key", "problem": "mistyped"},
        {"field": "recovery_key", "problem": "mistyped", "character": "#", "suspect_group": 4},
        {"field": "recovery_key", "problem": "mistyped", "symbols": 24},
        {"field": "recovery_key", "problem": "mistyped", "character": ","},
    ]
    said = [error_message(r) for r in refusals]
    assert "compare each of its 7 groups" in said[0] and "not which one" in said[0]
    assert "Group 5 holds “#”" in said[1]
    assert "this has 24" in said[2]
    assert "“,” is no part of a recovery key" in said[3]


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


def test_the_recovery_key_works_on_a_held_shop(tmp_path: Path) -> None:
    """QA: held (the folder put back) with the only owner's password forgotten, both ways
    out of the hold needed that password and the recovery key was refused by the hold."""
    folder = tmp_path / "shop"
    key = as_json(run(folder, "init", "--json", env=ENV))["recovery_key"]
    shutil.copytree(folder, tmp_path / "old")
    assert run(folder, "product", "add", "--name", "Tea", "--price", "5", env=ENV).returncode == 0
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "old", folder)
    held = run(folder, "product", "add", "--name", "Cake", "--price", "5", "--json", env=ENV)
    assert as_json(held)["error"] == "integrity_hold"
    env = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    assert run(folder, "recover", OWNER, "--json", env=env).returncode == 0
    new = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "a brand new pass 9"}
    assert run(folder, "verify", "--acknowledge", "put back by mistake", "--yes",
               env=new).returncode == 0
    added = run(folder, "product", "add", "--name", "Cake", "--price", "5", "--json", env=new)
    assert added.returncode == 0, added.stdout


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
    with pytest.raises(Forbidden) as refused:
        auth.recover_owner(shop_dir, CLERK, key, "a brand new pass 9")
    assert refused.value.params == {"action": "recover", "operator": CLERK}
    open_shop(shop_dir, CLERK, CLERK_PASSWORD).close()
    env = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    said = run(shop_dir, "recover", CLERK, "--json", env=env)  # QA s41a F3: whose fault, said
    assert said.returncode == 3
    answer = as_json(said)
    assert (answer["error"], answer["operator"]) == ("forbidden", CLERK)
    assert f"“{CLERK}” is not an owner of this shop" in answer["message"]
    assert "The key is right" in answer["message"]


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


def test_wrong_passwords_count_in_a_folder_not_made_yet(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """QA s39a F16: restoring into a new folder, a wrong password logged a traceback ("could
    not save the login failure counts", ENOENT) and the guesses were not counted."""
    new_pc = tmp_path / "not-made-yet"
    throttle = LoginThrottle(new_pc)
    for _ in range(FREE_FAILURES):
        throttle.failed("Owner", "session:x")
    assert throttle.wait_seconds("owner", "session:x") > 0
    assert (new_pc / LOCKOUT_FILE).exists()
    assert "could not save" not in caplog.text


def test_cli_tells_failed_attempts_after_login(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    bad = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "nope-nope"}
    for _ in range(2):
        assert run(folder, "product", "list", env=bad).returncode == 3
    told = run(folder, "product", "list", env=ENV)
    assert told.returncode == 0
    assert "Before this login, 2 wrong passwords were typed for your name." in told.stderr
    assert "as you" not in told.stderr  # QA s41a F6
