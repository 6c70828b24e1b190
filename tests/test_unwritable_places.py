"""A place that takes no file (a read-only disk, a folder not ours, /proc) or is not there:
every writer of a user-chosen file, the shop's lock and the log say so clearly; nothing is
created where it was not asked for, and no traceback reaches the user."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from unwritable import REASONS, read_only

from desktop_app.core import backup, redemption, shoplock
from desktop_app.core.errors import (
    CannotWrite,
    DataDirUnusable,
    InvalidInput,
    ShopFolderNotWritable,
)
from desktop_app.core.fileio import atomic_write_bytes, check_writable, os_reason
from desktop_app.core.paths import prepare_data_dir
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages import error_message

ROOT = Path(__file__).resolve().parents[1]


def test_a_read_only_folder_refuses_the_file_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    with read_only(folder), pytest.raises(CannotWrite) as refused:
        atomic_write_bytes(folder / "codes.csv", b"x")
    assert refused.value.code == "cannot_write"
    assert refused.value.params == {"path": str(folder / "codes.csv"),
                                    "reason": refused.value.params["reason"]}
    assert refused.value.params["reason"] in REASONS
    message = error_message(refused.value)
    assert str(folder / "codes.csv") in message and "read-only" in message
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
def test_a_system_folder_refuses_the_file_as_root_too() -> None:
    """/proc takes no new file from anyone, root included (ENOENT); the same words."""
    with pytest.raises(CannotWrite) as refused:
        atomic_write_bytes(Path("/proc/b.vsbackup"), b"x")
    assert refused.value.params["path"] == "/proc/b.vsbackup"
    with pytest.raises(CannotWrite):
        check_writable(Path("/proc/b.vsbackup"))


def test_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_writable(tmp_path / "not-plugged-in" / "x.csv")
    assert refused.value.params == {"field": "out", "problem": "no_folder",
                                    "path": str(tmp_path / "not-plugged-in")}


def test_a_backup_into_a_missing_folder_is_refused_not_made(shop: Shop, tmp_path: Path) -> None:
    """A USB stick not mounted: the backup must not land on the local disk under its path."""
    usb = tmp_path / "media" / "usb"
    with pytest.raises(InvalidInput) as refused:
        backup.write_backup(shop, usb / "shop.vsbackup")
    assert refused.value.params["problem"] == "no_folder"
    assert "does not exist" in error_message(refused.value)
    assert not usb.exists() and not usb.parent.exists()


def test_a_backup_into_a_read_only_folder_says_so(shop: Shop, tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    with read_only(folder), pytest.raises(CannotWrite) as refused:
        backup.write_backup(shop, folder / "shop.vsbackup")
    assert refused.value.params["reason"] in REASONS
    assert list(folder.iterdir()) == []


def test_the_automatic_backup_still_refuses_a_missing_folder(shop: Shop, tmp_path: Path) -> None:
    backup.set_backup_settings(shop, str(tmp_path / "usb"), automatic=True)
    with pytest.raises(InvalidInput) as refused:
        backup.run_auto_backup(shop)
    assert refused.value.params["problem"] == "folder_missing"
    assert not (tmp_path / "usb").exists()


def test_a_shop_in_a_read_only_folder_is_refused_clearly(shop: Shop, shop_dir: Path,
                                                         tmp_path: Path) -> None:
    shop.close()
    copy = tmp_path / "copy"
    shutil.copytree(shop_dir, copy)
    with read_only(copy):
        with pytest.raises(ShopFolderNotWritable) as refused:
            shoplock.hold_open(copy)
        with pytest.raises(ShopFolderNotWritable):
            open_shop(copy, OWNER, OWNER_PASSWORD).close()
    assert refused.value.code == "shop_folder_not_writable"
    assert refused.value.params == {"path": str(copy), "reason": refused.value.params["reason"]}
    assert str(copy) in error_message(refused.value)


def test_uses_out_of_range_says_the_range(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as refused:
        redemption.redeem(shop, "V1-anything", "C1", uses=10**20)
    assert "between 1 and 1000" in error_message(refused.value)


LOG_SCRIPT = """
import logging, sys
from pathlib import Path
from desktop_app.logs import setup_logging
print(setup_logging(Path(sys.argv[1])))
try:
    raise OSError("boom")
except OSError:
    logging.getLogger("x").exception("command crashed")
logging.getLogger("x").info("an info line")
"""


def _log_in(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LOG_SCRIPT, str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("with_log_folder", [True, False])
def test_an_unwritable_log_never_prints_a_traceback(tmp_path: Path,
                                                    with_log_folder: bool) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    if with_log_folder:
        (folder / "logs").mkdir()
    logs = read_only(folder / "logs") if with_log_folder else contextlib.nullcontext()
    with read_only(folder), logs:
        result = _log_in(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"  # no log file
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one line
    assert "command crashed" in result.stderr and "an info line" not in result.stderr


def test_a_writable_log_keeps_the_traceback(tmp_path: Path) -> None:
    result = _log_in(tmp_path)
    assert result.stderr == "" and result.stdout.strip().endswith("voucher-shop.log")
    written = (tmp_path / "logs" / "voucher-shop.log").read_text(encoding="utf-8")
    assert "Traceback" in written and "an info line" in written


def test_a_shop_folder_that_cannot_be_made_says_why_in_words_not_the_systems(
        tmp_path: Path) -> None:
    """QA s10a F5: the reason was the system's English text ("Read-only file system") inside
    the Chinese message; now a code the messages translate."""
    in_the_way = tmp_path / "afile"
    in_the_way.write_text("x")
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(DataDirUnusable) as not_a_folder:
        prepare_data_dir(in_the_way / "shop", create=True)
    with read_only(stick), pytest.raises(DataDirUnusable) as read_only_disk:
        prepare_data_dir(stick / "shop", create=True)
    assert not_a_folder.value.params["reason"] == "not_a_folder"
    assert read_only_disk.value.params["reason"] in REASONS
    said = error_message(not_a_folder.value)
    assert "is a file, not a folder" in said and "Not a directory" not in said
    said = error_message(read_only_disk.value)
    assert "Read-only file system" not in said and "Permission denied" not in said
    assert str(stick / "shop") in said


def test_an_unknown_system_refusal_is_named_by_its_code() -> None:
    assert os_reason(OSError(errno.ENOENT, "No such file or directory")) == "ENOENT"


def test_a_witness_folder_that_is_a_file_is_said_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s11a F3: the JSON said not_a_folder, the words "read-only or you may not write
    there"."""
    from test_cli import as_json, run

    not_a_folder = tmp_path / "witness-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(not_a_folder))
    refused = as_json(run(tmp_path / "shop", "init", "--shop-name", "T", "--json"))
    assert refused["error"] == "cannot_write" and refused["reason"] == "not_a_folder"
    assert "something in the path is a file, not a folder" in refused["message"]
    assert "read-only" not in refused["message"]
