"""The command line after a restore that stopped half-way (QA s12e F7): scripts keep their exit
codes (the command that undid it exits 3, as before; a wrong login with its own code), and
the owner's later command tells it (stderr, or ``restore_notice`` in its JSON)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run
from test_restore_crash import redeemed_since_backup
from test_restore_notice import ALL_MOVED_IN, HALF_ASIDE, crashed_at, with_clerk

from desktop_app.core.restore_notice import NOTICE_FILE
from desktop_app.core.store import Shop

AS_OWNER = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
AS_CLERK = {"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": CLERK_PASSWORD}


@pytest.fixture
def undone(shop: Shop, shop_dir: Path, tmp_path: Path) -> Path:
    """A shop whose restore stopped with its database aside: the next open undoes it."""
    with_clerk(shop)
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, HALF_ASIDE)
    return shop_dir


def test_a_wrong_login_gets_its_own_refusal_and_the_owner_is_told_later(undone: Path) -> None:
    wrong = run(undone, "verify", "--json",
                env={"SHOP_OPERATOR": "nobody", "SHOP_PASSWORD": "wrongwrong"})
    assert wrong.returncode == 3 and as_json(wrong)["error"] == "key_slot_missing"
    mistyped = run(undone, "verify", "--json",
                   env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "not the password"})
    assert mistyped.returncode == 3 and as_json(mistyped)["error"] == "wrong_password"
    owner = run(undone, "verify", "--json", env=AS_OWNER)
    assert owner.returncode == 0, owner.stdout
    told = as_json(owner)
    assert told["ok"] is True and told["restore_notice"]["outcome"] == "undone"
    assert "did not finish" in told["restore_notice"]["message"]
    assert told["restore_notice"]["started_at"] and told["restore_notice"]["backup_made_at"]
    again = run(undone, "verify", "--json", env=AS_OWNER)
    assert again.returncode == 0 and "restore_notice" not in as_json(again)


def test_the_command_that_undid_it_exits_3_as_before(undone: Path) -> None:
    first = run(undone, "product", "list", env=AS_OWNER)
    assert first.returncode == 3 and "did not finish" in first.stderr
    assert first.stdout == ""
    assert not (undone / NOTICE_FILE).exists()  # that was the owner, told
    second = run(undone, "product", "list", env=AS_OWNER)
    assert second.returncode == 0 and second.stderr == ""


def test_a_clerk_first_exits_3_and_the_owner_reads_it_on_stderr_later(undone: Path) -> None:
    clerk = run(undone, "voucher", "find", "--customer", "nobody", "--json", env=AS_CLERK)
    assert clerk.returncode == 3 and as_json(clerk)["error"] == "restore_unfinished"
    clerk_again = run(undone, "voucher", "find", "--customer", "nobody", env=AS_CLERK)
    assert clerk_again.returncode == 0 and "shop owner is told" in clerk_again.stderr
    owner = run(undone, "product", "list", env=AS_OWNER)
    assert owner.returncode == 0 and "did not finish" in owner.stderr
    assert "shop owner is told" not in owner.stderr
    assert not (undone / NOTICE_FILE).exists()


def test_a_restore_completed_at_the_command_is_said_and_the_command_goes_on(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, ALL_MOVED_IN)
    done = run(shop_dir, "verify", "--json", env=AS_OWNER)
    assert done.returncode == 0, done.stdout
    notice = as_json(done)["restore_notice"]
    assert notice["outcome"] == "completed" and "before-restore-" in notice["message"]
