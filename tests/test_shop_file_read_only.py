"""A shop whose files were made read-only (a copy from a CD or a "read-only" tick on
Windows, another user's files) is said to be so, not damaged (QA s36b F1): "damaged, restore
your latest backup" sent the owner to restore over files that were fine, losing the sales
since that backup.

Root writes any file whatever its permissions, so where the tests run as root (CI) the
opening is tried in a child process that has become the unprivileged ``nobody``."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from unwritable import read_only

from desktop_app.core import store
from desktop_app.core.errors import ShopError, ShopFileNotWritable
from desktop_app.core.store import Shop
from desktop_app.core.transactions import translate_db_error
from desktop_app.messages import error_message
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession

NOBODY = 65534


@pytest.fixture
def open_folder(new_shop_files: tuple[Path, str | None]) -> Iterator[Path]:
    """A copy of a new shop in a folder every user may reach (pytest's are root's only)."""
    top = Path(tempfile.mkdtemp(prefix="read-only-shop-"))
    top.chmod(0o755)
    folder = top / "shop"
    shutil.copytree(new_shop_files[0], folder)
    (top / "witnesses").mkdir()
    if os.geteuid() == 0:
        for path in [folder, *folder.rglob("*"), top / "witnesses"]:
            os.chown(path, NOBODY, NOBODY)
    yield folder
    shutil.rmtree(top, ignore_errors=True)


def _attempt_open(folder: Path) -> dict[str, object]:
    try:
        shop = store.open_shop(folder, OWNER, OWNER_PASSWORD)
    except ShopError as exc:
        return {"code": exc.code, "message": error_message(exc), **exc.params}
    shop.close()
    return {"code": "opened"}


def _warm_up(folder: Path) -> None:
    """Root opens a writable copy first: the child then finds every module it needs loaded
    already (the Python install may lie in root's own folder, closed to ``nobody``) and the
    password's key derived (the tests' scrypt remembers it)."""
    copy = folder.parent / "warm-up"
    if not copy.exists():
        shutil.copytree(folder, copy)
        for path in copy.iterdir():
            if path.is_file():
                path.chmod(0o600)
    assert _attempt_open(copy)["code"] == "opened"
    error_message(ShopFileNotWritable(path="x", folder="y", files="z", reason="read_only"))


def opened_without_root(folder: Path) -> dict[str, object]:
    """What opening the shop in ``folder`` says to a user who is not root."""
    if os.geteuid() != 0:
        return _attempt_open(folder)
    _warm_up(folder)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's own report is what is checked
        answer: dict[str, object]
        try:
            os.close(reader)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.environ["SHOP_WITNESS_DIR"] = str(folder.parent / "witnesses")
            answer = _attempt_open(folder)
        except BaseException as exc:
            answer = {"code": "crashed", "error": repr(exc)}
        os.write(writer, json.dumps(answer).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        said = pipe.read()
    os.waitpid(child, 0)
    return dict(json.loads(said))


def test_a_read_only_database_file_is_said_so_not_damaged(open_folder: Path) -> None:
    for name in ("shop.db", "anchor.bin"):
        (open_folder / name).chmod(0o400)
    said = opened_without_root(open_folder)
    assert said["code"] == "shop_file_not_writable", said
    assert said["files"] == "shop.db, anchor.bin"
    assert said["folder"] == str(open_folder)
    text = str(said["message"])
    assert "not damaged" in text and "do not restore a backup" in text
    assert "Read-only" in text


def test_the_same_files_made_writable_open(open_folder: Path) -> None:
    (open_folder / "shop.db").chmod(0o400)
    assert opened_without_root(open_folder)["code"] == "shop_file_not_writable"
    (open_folder / "shop.db").chmod(0o600)
    said = opened_without_root(open_folder)
    assert said["code"] == "opened", said


def test_a_file_made_read_only_while_open_is_not_called_damaged(tmp_path: Path) -> None:
    """SQLite's own words for a write into a file it could only open for reading."""
    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        read_only.execute("INSERT INTO t VALUES (1)")
    read_only.close()
    said = translate_db_error(refused.value, path, "redeem")
    assert isinstance(said, ShopFileNotWritable)
    assert said.params["files"] == "plain.db" and said.params["folder"] == str(tmp_path)


@pytest.mark.usefixtures("temp_settings")
def test_the_login_screen_says_so_and_offers_no_restore(qtbot: QtBot, shop: Shop,
                                                       shop_dir: Path) -> None:
    """The login screen offered Restore beside "damaged": the one way to lose the sales made
    since the backup, of files that were fine."""
    shop.close()
    session = ShopSession(shop_dir)
    session.start()
    try:
        with read_only(shop_dir / "shop.db"):  # the file alone: its folder takes files
            login = session.dialog
            assert isinstance(login, LoginDialog)
            login.operator.setText(OWNER)
            login.password.setText(OWNER_PASSWORD)
            login.submit()
            qtbot.waitUntil(lambda: not login.busy, timeout=15_000)
            assert "not damaged" in login.message.text() and "shop.db" in login.message.text()
            assert not login.restore_button.isVisible() and login.shop is None
    finally:
        session.shutdown()
