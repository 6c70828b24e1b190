"""A command on a folder that holds no shop (a typo in ``--data-dir``) leaves no trace there
(QA s12d F10: the folder and a ``logs/voucher-shop.log`` in it were made): its log goes to the
app's per-user folder. A shop's folder keeps its log, and ``init`` starts one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run

from desktop_app import APP_ID

LOG = Path("logs") / "voucher-shop.log"


@pytest.fixture
def per_user(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The app's per-user folder moved into the test (``$XDG_DATA_HOME``, Linux's)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the per-user folder is moved by XDG_DATA_HOME on Linux only")
    home = tmp_path / "xdg"
    return home / APP_ID, {**OWNER_ENV, "XDG_DATA_HOME": str(home)}


def test_a_command_on_a_missing_folder_says_no_shop_and_makes_nothing(
        tmp_path: Path, per_user: tuple[Path, dict[str, str]]) -> None:
    folder, env = per_user
    missing = tmp_path / "typo"
    for words in (("report", "sales", "--json"), ("product", "list", "--json"),
                  ("redeem", "ABC", "--json"), ("verify", "--json")):
        done = run(missing, *words, env=env)
        assert done.returncode == 1 and as_json(done)["error"] == "no_shop", done.stdout
        assert not missing.exists(), words
    plain = run(missing, "report", "sales", env=env)
    assert plain.returncode == 1 and "There is no shop in the folder" in plain.stderr
    assert plain.stderr.count("\n") == 1  # the one line, no log record beside it
    assert not missing.exists()
    assert "command report failed: no_shop" in (folder / LOG).read_text(encoding="utf-8")


def test_a_folder_that_holds_no_shop_gets_no_log(
        tmp_path: Path, per_user: tuple[Path, dict[str, str]]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run(empty, "order", "list", "--json", env=per_user[1])
    assert done.returncode == 1 and as_json(done)["error"] == "no_shop"
    decoded = run(tmp_path / "typo", "decode", str(empty / "none.png"), "--json",
                  env=per_user[1])
    assert decoded.returncode != 0 and "Traceback" not in decoded.stderr
    assert list(empty.iterdir()) == [] and not (tmp_path / "typo").exists()


def test_init_and_a_shops_commands_still_log_in_its_folder(
        tmp_path: Path, per_user: tuple[Path, dict[str, str]]) -> None:
    folder, env = per_user
    shop = tmp_path / "new" / "shop"
    assert run(shop, "init", "--json", env=env).returncode == 0
    assert (shop / LOG).is_file()
    (shop / LOG).unlink()
    assert run(shop, "product", "list", "--json", env=env).returncode == 0
    assert (shop / LOG).is_file() and not folder.exists()
