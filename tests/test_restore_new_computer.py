"""Moving the shop to a new computer by restoring a backup into an empty folder (QA s18a).

F1: the restore said nothing of what the backup lacks: uses redeemed and card money spent on
the other computer after it look unused here. Now it says when the backup was made, and
whether it is that computer's final backup (its newest change ``shop_moved_out``).
F3: an older backup picked from a folder that holds a newer one of the same shop was not
warned about, and the restore said "held": false while the next open held the shop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from integrity_helpers import sell
from test_cli import OWNER_ENV, as_json, run

from desktop_app.core import audit, backup, hold_record, redemption, restore, voucher_lookup
from desktop_app.core.dates import local_time
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.moved_shop import MOVED_OUT_KIND
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages import command_line_error_message, error_message, integrity_message
from desktop_app.messages.verdict_texts import status_text
from desktop_app.messages.verify_texts import summary_text
from tests.conftest import OWNER, OWNER_PASSWORD


@pytest.fixture
def new_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The new computer's empty shop folder; its own witnesses from now on (the other
    computer's stay behind with it)."""
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    return tmp_path / "new-pc"


def restore_told(folder: Path, out: Path) -> restore.RestoreLoss:
    """Restore ``out`` into ``folder``; what the question was told."""
    told: list[restore.RestoreLoss] = []
    restore.restore_backup(folder, out, OWNER, OWNER_PASSWORD,
                           confirm=lambda loss: told.append(loss) or True)
    assert len(told) == 1
    return told[0]


def moved_out(shop: Shop) -> None:
    """What "Move to another computer…" leaves as the final backup's newest change."""
    with shop.write():
        audit.record(shop, MOVED_OUT_KIND, "")


@pytest.mark.parametrize("final", [False, True])
def test_a_restore_into_an_empty_folder_says_when_and_whether_it_is_the_final_backup(
        qapp: object, shop: Shop, tmp_path: Path, new_computer: Path, final: bool) -> None:
    from desktop_app.ui.admin.restore_loss_text import loss_text

    sell(shop)
    if final:
        moved_out(shop)
    (tmp_path / "usb").mkdir()
    out = backup.write_backup(shop, tmp_path / "usb" / "shop.vsbackup")
    made_at = backup.read_backup(out).created_at
    checked = restore.check_restore_and_loss(new_computer, out, OWNER, OWNER_PASSWORD)[1]
    loss = restore_told(new_computer, out)
    for told in (checked, loss):  # the app's question before, the restore's own
        assert told.into_empty and told.anything and not told.stays_held
        assert told.backup.made_at == made_at and told.backup.final is final
        assert told.backup.newer_file == ""
    text = loss_text(loss)
    assert local_time(made_at) in text and "cannot be read" not in text
    if final:
        assert "final backup" in text and "nothing done there is missing" in text
        assert "unused" not in text
    else:
        assert "redemptions, gift-card spending, sales" in text and "look unused" in text
        assert "Move to another computer" in text


@pytest.mark.parametrize("earlier_there", [False, True])
def test_an_older_backup_beside_a_newer_one_is_named_and_held_as_the_next_open_holds(
        qapp: object, shop: Shop, tmp_path: Path, new_computer: Path,
        earlier_there: bool) -> None:
    """Monday's backup picked by mistake, Tuesday's beside it, a voucher used in between.
    ``earlier_there``: an older backup went to the folder first, so Monday's copy names it;
    else Monday's is the first there, and only this restore can point the next open at it."""
    from desktop_app.ui.admin.restore_loss_text import loss_text

    usb = tmp_path / "usb"
    usb.mkdir()
    voucher = sell(shop)[0]
    if earlier_there:
        backup.write_backup(shop, usb / "sunday.vsbackup")
    monday = backup.write_backup(shop, usb / "monday.vsbackup")
    redemption.redeem(shop, voucher.payload, "Old PC")
    tuesday = backup.write_backup(shop, usb / "tuesday.vsbackup")
    tuesday_made = backup.read_backup(tuesday).created_at

    checked = restore.check_restore_and_loss(new_computer, monday, OWNER, OWNER_PASSWORD)[1]
    loss = restore_told(new_computer, monday)
    for told in (checked, loss):
        assert told.backup.newer_file == str(tuesday)
        assert told.backup.newer_made_at == tuesday_made
        assert told.stays_held and told.backup.witness_ahead
    text = loss_text(loss)
    assert "tuesday.vsbackup" in text and local_time(tuesday_made) in text
    assert "folder this backup is in remembers newer records" in text
    with open_shop(new_computer, OWNER, OWNER_PASSWORD) as opened:  # held, as it said
        assert any("witness_backup" in p for p in opened.integrity_problems)
        # QA s42a F7: the banner said the replaced data was damaged and kept aside, of a
        # folder that held no shop: the newer records are elsewhere, not unreadable here
        facts = hold_record.hold_facts(opened.integrity_problems, new_computer)
        assert "replaced_unreadable" not in facts
        # QA s42a F11: Verify said "no restore brings them back", Tuesday's beside it
        for command_line in (False, True):
            advice = summary_text(facts, command_line=command_line) or ""
            assert tuesday.name in advice and "no restore" not in advice
        # ... and the red bar and the counter's refusal name it, never "those records are lost"
        bar = integrity_message(opened.integrity_problem or "", facts=facts)
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(opened, voucher.payload, "New PC")
        for words in (bar, error_message(refused.value),
                      command_line_error_message(refused.value)):
            assert tuesday.name in words and "lost" not in words, words
        # QA s42a F10: a look-up said "Can be redeemed" of the voucher used since Monday
        looked = voucher_lookup.lookup(opened, voucher.payload)
        assert looked.status == "integrity_hold" and looked.uses_left == 1
        assert status_text(looked.status).startswith("Not now: redeeming is stopped")

    loss = restore_told(new_computer, tuesday)  # the right one: nothing newer, not held
    assert loss.backup.newer_file == "" and not loss.stays_held
    with open_shop(new_computer, OWNER, OWNER_PASSWORD) as opened:
        assert opened.integrity_problems == []
        assert redemption.redeem(opened, voucher.payload, "New PC").ok is False


def test_the_command_line_says_it_in_words_and_json(tmp_path: Path) -> None:
    old, usb = tmp_path / "old", tmp_path / "usb"
    usb.mkdir()
    assert run(old, "init", "--shop-name", "Wash").returncode == 0
    assert run(old, "backup", "--out", str(usb / "monday.vsbackup")).returncode == 0
    new_pc = {**OWNER_ENV, "SHOP_WITNESS_DIR": str(tmp_path / "new-witness")}
    restored = run(tmp_path / "new", "restore", str(usb / "monday.vsbackup"), "--yes",
                   "--json", env=new_pc)
    assert restored.returncode == 0, restored.stderr
    answer = as_json(restored)
    made_at = backup.read_backup(usb / "monday.vsbackup").created_at
    assert answer["backup_made_at"] == made_at.isoformat() and answer["final"] is False
    assert answer["newer_backup"] is None and answer["held"] is False
    words = run(tmp_path / "new2", "restore", str(usb / "monday.vsbackup"), "--yes",
                env={**new_pc, "SHOP_WITNESS_DIR": str(tmp_path / "new-witness-2")})
    assert f"The backup was made {local_time(made_at)}" in words.stdout
    assert "look unused here" in words.stdout and "Move to another computer" in words.stdout

    with open_shop(old, "Owner", "owner-pass-123") as shop:
        moved_out(shop)
    assert run(old, "backup", "--out", str(usb / "final.vsbackup")).returncode == 0
    final = run(tmp_path / "new3", "restore", str(usb / "final.vsbackup"), "--yes", "--json",
                env={**new_pc, "SHOP_WITNESS_DIR": str(tmp_path / "new-witness-3")})
    assert as_json(final)["final"] is True and as_json(final)["newer_backup"] is None
    older = run(tmp_path / "new4", "restore", str(usb / "monday.vsbackup"), "--yes",
                env={**new_pc, "SHOP_WITNESS_DIR": str(tmp_path / "new-witness-4")})
    assert "A newer backup of this shop is in the same folder: final.vsbackup" in older.stdout


def test_a_restore_into_an_empty_folder_on_the_pc_that_saw_newer_records_says_so(
        qapp: object, shop: Shop, tmp_path: Path) -> None:
    """QA s39a F16: this PC's witness knew newer records (the shop's disk died, the Windows
    profile lived), restored into an empty folder: "the shop's current data is too damaged to
    read … kept in a before-restore folder", of data that was not there at all."""
    from desktop_app.cli.restore_commands import held_line
    from desktop_app.ui.admin.restore_loss_text import loss_text

    (voucher,) = sell(shop)
    (tmp_path / "usb").mkdir()
    out = backup.write_backup(shop, tmp_path / "usb" / "shop.vsbackup")
    redemption.redeem(shop, voucher.payload, "Front")  # newer than the backup: witnessed
    loss = restore.check_restore_and_loss(tmp_path / "empty", out, OWNER, OWNER_PASSWORD)[1]
    assert loss.into_empty and loss.stays_held
    for text in (loss_text(loss), held_line(loss)):
        assert "not in this folder (it holds no shop)" in text, text
        assert "damaged" not in text and "before-restore" not in text


def test_a_wrong_password_first_then_the_right_one_restores_into_a_new_folder(
        shop: Shop, tmp_path: Path, new_computer: Path) -> None:
    """QA s39a F16: the wrong guess is counted there now (the folder made for its count),
    and the restore after it still finds the folder holding no shop."""
    from desktop_app.core.errors import WrongPassword
    from desktop_app.core.lockout import LOCKOUT_FILE

    sell(shop)
    (tmp_path / "usb").mkdir()
    out = backup.write_backup(shop, tmp_path / "usb" / "shop.vsbackup")
    with pytest.raises(WrongPassword):
        restore.restore_backup(new_computer, out, OWNER, "not the password",
                               confirm=lambda _loss: True)
    assert (new_computer / LOCKOUT_FILE).exists()
    loss = restore_told(new_computer, out)
    assert loss.into_empty
    with open_shop(new_computer, OWNER, OWNER_PASSWORD) as restored:
        assert restored.shop_id == shop.shop_id
