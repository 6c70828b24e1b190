"""``backup --out FILE --final``: the shop moves to another computer (QA s18a F1). The
old folder then refuses ``redeem`` (exit 3, ``shop_moved``) with words naming the final
backup and its day; the new computer's copy redeems once."""

from __future__ import annotations

from pathlib import Path

from test_cli import OWNER_ENV, as_json, run


def test_the_final_backup_moves_the_shop_and_the_old_folder_refuses(tmp_path: Path) -> None:
    folder, stick = tmp_path / "old-pc" / "shop", tmp_path / "usb"
    stick.mkdir()
    assert run(folder, "init", "--json").returncode == 0
    assert run(folder, "product", "add", "--name", "Wash", "--price", "10", "--json"
               ).returncode == 0
    code = as_json(run(folder, "voucher", "batch", "1", "--count", "1", "--json")
                   )["vouchers"][0]["code"]
    final = stick / "final.vsbackup"
    done = run(folder, "backup", "--out", str(final), "--final")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Final backup written to" in done.stdout and "reading only" in done.stdout
    again = run(folder, "redeem", code, "--json")
    assert again.returncode == 3, again.stdout
    refusal = as_json(again)
    assert refusal["error"] == "shop_moved" and refusal["backup"] == "final.vsbackup"
    message = refusal["message"]
    assert "moved to another computer on " in message and "final.vsbackup" in message
    assert refusal["at"][:10] in message  # the day, in local time (the tests run in UTC)
    assert "--database" not in message and "server" not in message
    verified = run(folder, "verify")
    assert verified.returncode == 0 and "moved to another computer" in verified.stdout
    # The new computer: a folder of its own, witnesses of its own.
    new_pc = tmp_path / "new-pc" / "shop"
    env = {**OWNER_ENV, "SHOP_WITNESS_DIR": str(tmp_path / "new-pc-witnesses")}
    restored = run(new_pc, "restore", str(final), "--yes", "--json", env=env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert run(new_pc, "redeem", code, "--json", env=env).returncode == 0
    assert as_json(run(folder, "redeem", code, "--json"))["error"] == "shop_moved"


def test_only_an_owner_makes_the_final_backup(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--json").returncode == 0
    assert run(folder, "operator", "add", "Clerk", "--role", "clerk", "--json",
               env={**OWNER_ENV, "SHOP_NEW_PASSWORD": "clerk-pass-123"}).returncode == 0
    refused = run(folder, "backup", "--out", str(tmp_path / "f.vsbackup"), "--final", "--json",
                  env={"SHOP_OPERATOR": "Clerk", "SHOP_PASSWORD": "clerk-pass-123"})
    assert as_json(refused)["error"] == "forbidden"
    assert not (tmp_path / "f.vsbackup").exists()
    assert run(folder, "product", "add", "--name", "Still live", "--price", "1", "--json"
               ).returncode == 0
