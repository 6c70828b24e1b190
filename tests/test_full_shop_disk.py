"""QA s19a F6: the shop's own disk full. A backup to a roomy USB stick said only "disk full...
the last change was not saved" and named no disk, so the owner went to check the stick; a
login, or a command that only reads, said "the last change was not saved" when nothing was
being changed. Each now names the shop's folder and says what did and did not happen.

A real tiny tmpfs as in ``test_full_disk`` (root only; elsewhere these skip)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from test_cli import as_json, run
from test_full_disk import _fill_leaving, tiny_disk  # noqa: F401 (a fixture)
from test_restore_guards import ENV

from desktop_app.core import backup, cardkeys, products
from desktop_app.core.errors import DiskFull
from desktop_app.core.store import create_shop, open_shop
from desktop_app.messages import error_message

NOT_SAVED = "the last change was not saved"


def test_a_backup_to_a_roomy_stick_names_the_shops_full_disk(
        tiny_disk: Path, tmp_path: Path) -> None:  # noqa: F811
    folder = tiny_disk / "shop"
    with create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD) as shop:
        _fill_leaving(tiny_disk, 0)
        with pytest.raises(DiskFull) as refused:
            backup.write_backup(shop, tmp_path / "roomy.vsbackup")
    said = error_message(refused.value)
    assert said.startswith(f"The disk that holds the shop ({folder}) is full, so the backup "
                           "was not written")
    assert "Nothing was lost" in said and NOT_SAVED not in said
    assert not (tmp_path / "roomy.vsbackup").exists()


def test_a_login_on_the_full_disk_says_nothing_could_be_opened(tiny_disk: Path) -> None:  # noqa: F811
    folder = tiny_disk / "shop"
    create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD).close()
    _fill_leaving(tiny_disk, 0)
    with pytest.raises(DiskFull) as refused:
        open_shop(folder, OWNER, OWNER_PASSWORD).close()
    said = error_message(refused.value)
    assert said.startswith(f"The disk that holds the shop ({folder}) is full, so the shop "
                           "could not be opened")
    assert "nothing was lost" in said and NOT_SAVED not in said


def test_the_command_line_names_the_shops_disk(tiny_disk: Path, tmp_path: Path) -> None:  # noqa: F811
    folder = tiny_disk / "shop"
    assert run(folder, "init", "--json", env=ENV).returncode == 0
    filler = _fill_leaving(tiny_disk, 0)
    listed = run(folder, "order", "list", "--json", env=ENV)
    refused = as_json(listed)
    assert listed.returncode == 1 and refused["error"] == "disk_full"  # as before
    assert refused["shop_folder"] == str(folder) and refused["during"] == "open"
    assert str(folder) in refused["message"] and NOT_SAVED not in refused["message"]
    filler.unlink()
    with open_shop(folder, OWNER, OWNER_PASSWORD) as shop:  # room for the backup's event
        products.add_product(shop, "Tea", "5")
    _fill_leaving(tiny_disk, 0)
    made = run(folder, "backup", "--out", str(tmp_path / "b.vsbackup"), "--json", env=ENV)
    refused = as_json(made)
    assert made.returncode == 1 and refused["error"] == "disk_full"
    assert refused["during"] == "open"  # a command opens the shop first: that needs room
    assert str(folder) in refused["message"] and NOT_SAVED not in refused["message"]


def test_a_change_on_the_full_disk_still_says_it_was_not_saved(tiny_disk: Path) -> None:  # noqa: F811
    folder = tiny_disk / "shop"
    with create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD) as shop:
        product = products.add_product(shop, "Keys", "1.00", "cardkey")
        _fill_leaving(tiny_disk, 0)
        with pytest.raises(DiskFull) as refused:
            cardkeys.import_card_keys(shop, product.id, "\n".join(
                uuid.uuid4().hex * 4 for _ in range(3000)))
    said = error_message(refused.value)
    assert said.startswith(f"The disk that holds the shop ({folder}) is full.")
    assert NOT_SAVED in said


@pytest.mark.usefixtures("temp_settings")
def test_the_login_screen_on_the_full_disk(qtbot: QtBot, tiny_disk: Path) -> None:  # noqa: F811
    from test_ui_setup_login import log_in, open_login

    folder = tiny_disk / "shop"
    create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD).close()
    _fill_leaving(tiny_disk, 0)
    dialog = open_login(qtbot, folder)
    log_in(qtbot, dialog, OWNER, OWNER_PASSWORD)
    assert dialog.shop is None
    said = dialog.message.text()
    assert said.startswith(f"The disk that holds the shop ({folder}) is full, so the shop "
                           "could not be opened")
    assert NOT_SAVED not in said
