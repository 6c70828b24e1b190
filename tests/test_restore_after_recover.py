"""After ``recover`` (a lost password) a backup made before it can still be restored: with
the recovery key, and a password of today is told as one, not counted as a guess; the
restore says which passwords it brings back (QA s12a F3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run

NEW_PASSWORD = "new-pass-456789"
NEW_ENV = {"SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": NEW_PASSWORD}


@pytest.fixture
def recovered(tmp_path: Path) -> tuple[Path, Path, str]:
    """A shop, a backup of it, then the owner's password recovered: (folder, backup, key)."""
    folder = tmp_path / "shop"
    made = run(folder, "init", "--shop-name", "Wash", "--json")
    assert made.returncode == 0, made.stderr
    key = as_json(made)["recovery_key"]
    chosen = tmp_path / "before.vsbackup"
    assert run(folder, "backup", "--out", str(chosen)).returncode == 0
    recover = run(folder, "recover", "Owner",
                  env={"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": NEW_PASSWORD})
    assert recover.returncode == 0, recover.stderr
    return folder, chosen, key


def test_todays_password_is_told_apart_and_not_counted(recovered: tuple[Path, Path, str]
                                                       ) -> None:
    folder, chosen, _ = recovered
    for _ in range(7):  # more than the lockout's five
        refused = run(folder, "restore", str(chosen), "--yes", "--json", env=NEW_ENV)
        assert refused.returncode == 3
        answer = as_json(refused)
        assert answer["error"] == "wrong_password" and answer["credential"] == "backup_older"
        assert "made before the password was changed" in answer["message"]
        assert "recovery key" in answer["message"]
    assert run(folder, "verify", "--json", env=NEW_ENV).returncode == 0  # not locked out


def test_the_recovery_key_restores_an_older_backup_and_says_what_comes_back(
        recovered: tuple[Path, Path, str]) -> None:
    folder, chosen, key = recovered
    restored = run(folder, "restore", str(chosen), "--yes", "--json",
                   env={"SHOP_OPERATOR": "Owner", "SHOP_RECOVERY_KEY": key})
    assert restored.returncode == 0, restored.stdout + restored.stderr
    answer = as_json(restored)
    assert answer["older_passwords"] == ["owner"] and not answer["held"]
    assert run(folder, "verify", "--json", env=OWNER_ENV).returncode == 0
    words = run(folder, "restore", str(chosen), "--yes",
                env={"SHOP_OPERATOR": "Owner", "SHOP_RECOVERY_KEY": key})
    assert words.returncode == 0


def test_the_restore_says_it_brings_back_an_older_password(
        recovered: tuple[Path, Path, str]) -> None:
    folder, chosen, _ = recovered
    restored = run(folder, "restore", str(chosen), "--yes", env=OWNER_ENV)
    assert restored.returncode == 0, restored.stderr
    assert "come back as they were then" in restored.stdout
    assert "owner" in restored.stdout


def test_a_wrong_recovery_key_is_refused_as_one(recovered: tuple[Path, Path, str]) -> None:
    folder, chosen, _ = recovered
    refused = run(folder, "restore", str(chosen), "--yes", "--json",
                  env={"SHOP_OPERATOR": "Owner", "SHOP_RECOVERY_KEY": "x"})
    assert refused.returncode != 0
    assert as_json(refused)["error"] in ("invalid_input", "wrong_password")
