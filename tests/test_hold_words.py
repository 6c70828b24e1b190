"""A held shop says why in words that fit what happened (QA s18a F4, F6): two computers on
one shop (both backing up to one stick) is not "put back to an older copy", and after the
latest backup was restored the words say what is left (check and acknowledge), not "restore
the latest good backup" again. Codes stay in --json, not in what the owner reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from integrity_helpers import reopen, sell
from integrity_worker import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import backup, integrity, products, redemption
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.restore import restore_backup
from desktop_app.core.store import Shop
from desktop_app.messages import command_line_error_message, error_message

ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
FORKED = "witness_backup: rolled_back (forked)"


def _on_computer(monkeypatch: pytest.MonkeyPatch, witnesses: Path) -> None:
    monkeypatch.setenv(integrity.WITNESS_DIR_ENV, str(witnesses))


@pytest.fixture
def forked(owner_shop: Shop, shop_dir: Path, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, str]:
    """The move of QA s18a: the old PC (``shop_dir``) backs up to one stick, the new PC
    starts from it and backs up to another; both take sales (the new PC redeems a voucher
    sold before the move), and the old PC then backs up to the new PC's stick too, with more
    records than the new PC has. The new PC's folder, its stick, and that voucher."""
    payload = sell(owner_shop)[0].payload
    backup.write_backup(owner_shop, tmp_path / "month-end.vsbackup")
    owner_shop.close()
    new_pc, stick = tmp_path / "new-pc", tmp_path / "stick"
    shutil.copytree(shop_dir, new_pc)
    stick.mkdir()
    _on_computer(monkeypatch, tmp_path / "witness-new")
    with reopen(new_pc) as new:
        assert redemption.redeem(new, payload, "New PC").ok
        backup.write_backup(new, stick / "new-pc.vsbackup")
    _on_computer(monkeypatch, tmp_path / "witness-old")
    with reopen(shop_dir) as old:
        for _ in range(3):
            sell(old)
        backup.write_backup(old, stick / "old-pc.vsbackup")
    _on_computer(monkeypatch, tmp_path / "witness-new")
    return new_pc, stick, payload


def test_two_computers_on_one_shop_are_told_as_such(forked: tuple[Path, Path, str]) -> None:
    new_pc, _stick, payload = forked
    with reopen(new_pc) as held:
        assert FORKED in held.integrity_problems
        assert held.integrity_problem == "rolled_back"  # the code scripts read stays
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(held, payload, "C1")
    words = error_message(refused.value)
    assert "another computer works on this same shop" in words
    assert "older copy" not in words and "latest good backup" not in words
    assert "verify --acknowledge" in command_line_error_message(refused.value)


def test_verify_on_the_command_line_names_the_fork_in_words(
        forked: tuple[Path, Path, str]) -> None:
    new_pc, _stick, _payload = forked
    answer = as_json(run(new_pc, "verify", "--json", env=ENV))
    assert FORKED in answer["problems"]
    words = run(new_pc, "verify", env=ENV).stdout
    assert "Another computer works on this same shop" in words
    assert "Use the shop on one computer only" in words
    assert "witness_backup" not in words and "rolled_back" not in words


def test_restoring_the_other_computers_backup_brings_its_records_in(
        forked: tuple[Path, Path, str]) -> None:
    """The advice works: the old PC's newest backup restored on the new PC brings the old
    PC's records in and keeps the new PC's redemption (the restore carries it)."""
    new_pc, stick, payload = forked
    restore_backup(new_pc, stick / "old-pc.vsbackup", OWNER, OWNER_PASSWORD)
    with reopen(new_pc) as merged:
        assert merged.integrity_problems == []
        assert len(products.list_products(merged)) == 4
        assert not redemption.redeem(merged, payload, "C1").ok


def test_a_folder_put_back_is_still_told_as_put_back(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payload = sell(owner_shop)[0].payload
    owner_shop.close()
    old = tmp_path / "old"
    shutil.copytree(shop_dir, old)
    with reopen(shop_dir) as live:
        assert redemption.redeem(live, payload, "C1").ok
    shutil.rmtree(shop_dir)
    shutil.copytree(old, shop_dir)
    with reopen(shop_dir) as held:
        assert "witness_computer: rolled_back" in held.integrity_problems
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(held, payload, "C1")
    assert "latest good backup" in error_message(refused.value)
    assert "another computer" not in error_message(refused.value)


@pytest.fixture
def held_after_restore(owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    """The latest backup, then a redemption it lacks, then the folder put back to the
    backup's time and that backup restored: the shop rightly stays held."""
    payload = sell(owner_shop)[0].payload
    latest = backup.write_backup(owner_shop, tmp_path / "latest.vsbackup")
    owner_shop.close()
    old = tmp_path / "old"
    shutil.copytree(shop_dir, old)
    with reopen(shop_dir) as live:
        assert redemption.redeem(live, payload, "C1").ok
    shutil.rmtree(shop_dir)
    shutil.copytree(old, shop_dir)
    restore_backup(shop_dir, latest, OWNER, OWNER_PASSWORD)
    return shop_dir, payload


def test_after_the_restore_the_hold_says_what_is_left(
        held_after_restore: tuple[Path, str]) -> None:
    folder, payload = held_after_restore
    with reopen(folder) as held:
        assert held.integrity_problem == "rolled_back"
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(held, payload, "C1")
    words = error_message(refused.value)
    assert "latest good backup" not in words
    assert "A backup was restored" in words and "Admin → Verify" in words
    assert "verify --acknowledge" in command_line_error_message(refused.value)
    said = run(folder, "verify", env=ENV).stdout
    assert "what is left" in said.lower() and "verify --acknowledge" in said
    assert "(witness_computer: rolled_back)" not in said
    assert "Restore the latest backup instead" not in said


def test_acknowledging_after_the_restore_lifts_the_hold_and_its_words(
        held_after_restore: tuple[Path, str]) -> None:
    folder, _payload = held_after_restore
    done = run(folder, "--lang", "zh_CN", "verify", "--acknowledge", "checked the receipts",
               "--yes", env=ENV)
    assert done.returncode == 0, done.stderr
    assert "rolled_back" not in done.stdout and "witness_computer" not in done.stdout
    with reopen(folder) as free:
        assert free.integrity_problems == []
    assert not (folder / "integrity-hold-after-restore.json").exists()


def test_the_apps_red_bar_and_verify_say_what_is_left_after_the_restore(
        qtbot: QtBot, held_after_restore: tuple[Path, str]) -> None:
    from desktop_app.ui.admin.verify_dialog import VerifyDialog
    from desktop_app.ui.main_window import MainWindow

    folder, _payload = held_after_restore
    with reopen(folder) as held:
        window = MainWindow(held)
        qtbot.addWidget(window)
        banner = window.integrity_banner.text()
        assert "still stopped after the restore" in banner
        assert "latest good backup" not in banner
        dialog = VerifyDialog(held)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
        assert "what is left" in dialog.summary.text().lower()
        assert "latest good backup" not in dialog.summary.text()
        window.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_verifys_summary_is_whole_above_its_list(
        qtbot: QtBot, qapp: object, shop: Shop, tmp_path: Path, lang: str) -> None:
    """QA s39a F17: restored into an empty folder on the PC that saw newer records, the held
    shop's Verify summary (four lines in Chinese) had its last line cut by the list."""
    from conftest import OWNER as ALICE
    from conftest import OWNER_PASSWORD as ALICES

    from desktop_app.core.store import open_shop
    from desktop_app.i18n import install_translator, remove_translators
    from desktop_app.ui.admin.verify_dialog import VerifyDialog

    (voucher,) = sell(shop)
    out = backup.write_backup(shop, tmp_path / "shop.vsbackup")
    redemption.redeem(shop, voucher.payload, "Front")  # newer than the backup: witnessed
    shop.close()
    restore_backup(tmp_path / "empty", out, ALICE, ALICES, confirm=lambda _loss: True)
    install_translator(qapp, lang)  # type: ignore[arg-type]
    try:
        with open_shop(tmp_path / "empty", ALICE, ALICES) as held:
            assert held.integrity_problems
            dialog = VerifyDialog(held)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
            summary = dialog.summary
            assert summary.text()
            assert summary.height() >= summary.heightForWidth(summary.width())
            assert summary.geometry().bottom() < dialog.problem_list.geometry().top()
            dialog.close()
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
