"""QA s19a F8: a password the owner gives (or an owner's own, set with the recovery key) works
at once. The waits after wrong passwords were kept, so the cashier typing the password just
given was refused "too many wrong passwords" for up to an hour. On both engines: a server
keeps its waits in a table, a file shop in ``lockout.json`` beside its key slots."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import as_json, run
from test_restore_guards import ENV

from desktop_app.core import auth
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import LockedOut, WrongPassword
from desktop_app.core.lockout import FREE_FAILURES
from desktop_app.core.store import Shop, open_shop

SHOP_ENGINES = ("file", "server")
NEW_PASSWORD = "a new clerk pass 8"
OTHER_PLACE = "user:the-back-office-pc"  # another computer's user at a shared shop


def _location(shop: Shop, shop_dir: Path) -> ShopLocation:
    return ShopLocation(shop_dir, getattr(shop, "url", None) or None)


def _open(location: ShopLocation, name: str, password: str, source: str | None = None) -> Shop:
    if location.database_url:
        from desktop_app.core import pg

        return pg.open_server_shop(location.data_dir, location.database_url, name, password,
                                   source)
    return open_shop(location.data_dir, name, password, source=source)


def _lock_out(location: ShopLocation, name: str, source: str | None = None) -> None:
    """Wrong passwords until even the right one waits."""
    for _ in range(FREE_FAILURES + 2):
        with pytest.raises((WrongPassword, LockedOut)):
            _open(location, name, "guess-guess-guess", source).close()
    with pytest.raises(LockedOut):
        _open(location, name, "guess-guess-guess", source).close()


def test_a_password_the_owner_resets_works_at_once(shop: Shop, shop_dir: Path) -> None:
    location = _location(shop, shop_dir)
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    _lock_out(location, CLERK)
    with _open(location, OWNER, OWNER_PASSWORD) as owner:
        auth.reset_password(owner, clerk.id, NEW_PASSWORD)
    with _open(location, CLERK, NEW_PASSWORD) as again:
        assert again.operator.name == CLERK
        assert again.failed_logins == FREE_FAILURES  # the guesses are still told


def test_an_operator_enabled_again_with_a_new_password_need_not_wait(
        shop: Shop, shop_dir: Path) -> None:
    location = _location(shop, shop_dir)
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    _lock_out(location, CLERK)
    with _open(location, OWNER, OWNER_PASSWORD) as owner:
        auth.set_active(owner, clerk.id, False)
        auth.set_active(owner, clerk.id, True, NEW_PASSWORD)
    _open(location, CLERK, NEW_PASSWORD).close()


def test_an_owner_recovered_with_the_key_need_not_wait_anywhere(
        shop: Shop, shop_dir: Path) -> None:
    """The recovery key is tried from this computer, where no wait runs; the owner's waits at
    another computer and at a clerk's locked session end too."""
    location = _location(shop, shop_dir)
    key = shop.recovery_key
    assert key is not None
    shop.close()
    _lock_out(location, OWNER, OTHER_PLACE)
    _lock_out(location, OWNER, f"session:{CLERK.lower()}")
    location.recover(OWNER, key, NEW_PASSWORD).close()
    _open(location, OWNER, NEW_PASSWORD, OTHER_PLACE).close()
    _open(location, OWNER, NEW_PASSWORD, f"session:{CLERK.lower()}").close()


def _cli_shop(folder: Path) -> str:
    """A shop made by ``init``, with the clerk; its recovery key."""
    made = run(folder, "init", "--json", env=ENV)
    added = run(folder, "operator", "add", CLERK, "--role", "clerk", "--json",
                env={**ENV, "SHOP_NEW_PASSWORD": CLERK_PASSWORD})
    assert added.returncode == 0, added.stdout
    return str(as_json(made)["recovery_key"])


def test_the_command_line_takes_the_reset_password_at_once(tmp_path: Path) -> None:
    """As QA ran it: the clerk's guesses and the new password at the command line."""
    folder = tmp_path / "shop"
    _cli_shop(folder)
    guess = {"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": "guess-guess-guess"}
    for _ in range(FREE_FAILURES):
        assert run(folder, "redeem", "not-a-code", "--json", env=guess).returncode == 3
    waiting = run(folder, "redeem", "not-a-code", "--json", env=guess)
    assert waiting.returncode == 3 and as_json(waiting)["error"] == "locked_out"
    with open_shop(folder, OWNER, OWNER_PASSWORD) as owner:
        clerk = next(row for row in auth.list_operators(owner) if row.name == CLERK)
        auth.reset_password(owner, clerk.id, NEW_PASSWORD)
    new = {"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": NEW_PASSWORD}
    scanned = as_json(run(folder, "redeem", "not-a-code", "--json", env=new))
    assert "error" not in scanned and scanned["reason"] == "malformed", scanned  # logged in


def test_the_command_lines_recover_ends_the_owners_wait_elsewhere(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    key = _cli_shop(folder)
    _lock_out(ShopLocation(folder), OWNER, OTHER_PLACE)
    env = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": NEW_PASSWORD}
    assert run(folder, "recover", OWNER, "--json", env=env).returncode == 0
    open_shop(folder, OWNER, NEW_PASSWORD, source=OTHER_PLACE).close()
