"""The recovery key's words (QA s18a F10): typed during a lockout from wrong passwords, it
is told when the key can be tried (the wait slows guessing of both, by design), not "Too
many wrong passwords"; and a restore opened with the key says what comes next: the shop
opens with the backup's passwords, `recover` sets a new one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import OWNER
from pytestqt.qtbot import QtBot
from test_cli import as_json, run
from test_restore_guards import ENV

from desktop_app.core import auth
from desktop_app.core.errors import LockedOut
from desktop_app.core.lockout import FREE_FAILURES
from desktop_app.messages import error_message


def _locked_out_by_passwords(folder: Path) -> None:
    for attempt in range(FREE_FAILURES + 1):
        wrong = {**ENV, "SHOP_PASSWORD": f"not the password {attempt}"}
        assert run(folder, "product", "list", "--json", env=wrong).returncode == 3


def test_the_right_key_during_a_lockout_is_told_when_it_can_be_tried(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    key = as_json(run(folder, "init", "--json", env=ENV))["recovery_key"]
    _locked_out_by_passwords(folder)
    env = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    waiting = run(folder, "recover", OWNER, "--json", env=env)
    answer = as_json(waiting)
    assert waiting.returncode == 3 and answer["error"] == "locked_out"
    assert answer["credential"] == "recovery_key"
    assert "recovery key" in answer["message"] and "Too many wrong passwords" not in answer[
        "message"]


def test_a_password_during_a_lockout_keeps_its_words(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    run(folder, "init", "--json", env=ENV)
    _locked_out_by_passwords(folder)
    answer = as_json(run(folder, "product", "list", "--json", env=ENV))
    assert answer["error"] == "locked_out" and "credential" not in answer
    assert "Too many wrong passwords" in answer["message"]


def test_a_restore_with_the_key_says_that_recover_comes_next(tmp_path: Path) -> None:
    folder, new_pc = tmp_path / "shop", tmp_path / "new-pc"
    key = as_json(run(folder, "init", "--json", env=ENV))["recovery_key"]
    stick = tmp_path / "stick.vsbackup"
    assert run(folder, "backup", "--out", str(stick), env=ENV).returncode == 0
    new_pc.mkdir()
    restored = run(new_pc, "restore", str(stick), "--yes",
                   env={"SHOP_OPERATOR": OWNER, "SHOP_RECOVERY_KEY": key})
    assert restored.returncode == 0, restored.stderr
    assert f"recover {OWNER}" in restored.stdout
    by_password = run(tmp_path / "again", "restore", str(stick), "--yes", env=ENV)
    assert by_password.returncode == 0 and "recover" not in by_password.stdout
    shutil.rmtree(folder)


def test_the_apps_words_after_a_restore_with_the_key(qtbot: QtBot, tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt

    from desktop_app.ui.admin.restore_dialog import RestoreRequest, restored_text

    request = RestoreRequest(path=tmp_path / "b.vsbackup", operator=OWNER, password="",
                             made_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC))
    assert "Owner password forgotten?" not in restored_text(request, None)
    with_key = dataclasses.replace(request, recovery_key="ABCD")
    assert "Owner password forgotten?" in restored_text(with_key, None)


def test_the_apps_recover_during_a_lockout_speaks_of_the_key(tmp_path: Path) -> None:
    """The login screen's "Owner password forgotten?" shows ``error_message`` of this."""
    folder = tmp_path / "shop"
    key = as_json(run(folder, "init", "--json", env=ENV))["recovery_key"]
    _locked_out_by_passwords(folder)
    with pytest.raises(LockedOut) as waiting:
        auth.recover_owner(folder, OWNER, key, "a brand new pass 9")
    words = error_message(waiting.value)
    assert "The recovery key was not tried yet" in words and "seconds" in words
