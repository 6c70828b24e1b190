"""A shop on a PostgreSQL server (QA s13a): a disabled operator is told so at login, unlock
and in the CLI (F9); ids behind the data after a restore over itself are said plainly (F7);
no automatic backup is made or attempted (F4).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import auth, backup
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import OperatorDisabled
from desktop_app.messages import error_message


def _cli(pc: Path, *args: str, env: dict[str, str]):  # type: ignore[no-untyped-def]
    from test_cli import run

    return run(pc, *args, env=env)


def test_a_disabled_clerk_is_told_so_at_login_unlock_and_in_the_cli(
        pg_url: str, tmp_path: Path) -> None:
    location = ShopLocation(tmp_path / "pc", pg_url)
    with location.create("Server", "CNY", OWNER, OWNER_PASSWORD) as shop:
        clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
        auth.set_active(shop, clerk.id, False)
    with pytest.raises(OperatorDisabled) as at_login:
        location.open(CLERK, CLERK_PASSWORD)
    assert "has been disabled" in error_message(at_login.value)
    refused = _cli(tmp_path / "pc", "--database", pg_url, "product", "list", "--json",
                   env={"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": CLERK_PASSWORD})
    assert json.loads(refused.stdout)["error"] == "operator_disabled", refused.stdout
    # the lock screen, her name typed
    with location.open(OWNER, OWNER_PASSWORD) as shop, pytest.raises(OperatorDisabled):
        auth.quick_unlock(shop, CLERK, CLERK_PASSWORD)
    with location.open(OWNER, OWNER_PASSWORD) as shop:  # enabled again: she logs in
        auth.set_active(shop, clerk.id, True, "new-clerk-pass-1234")
    location.open(CLERK, "new-clerk-pass-1234").close()


def test_a_server_shop_makes_no_automatic_backup_even_if_asked_to(
        pg_server: object, pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core.store import put_setting

    folder = tmp_path / "usb"
    folder.mkdir()
    with ShopLocation(tmp_path / "pc", pg_url).create("Server", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        with shop.write():  # as an older version may have left them
            put_setting(backup.BACKUP_FOLDER_SETTING, str(folder))
            put_setting(backup.AUTO_BACKUP_SETTING, "1")
        assert backup.run_auto_backup(shop) is None
        assert list(folder.iterdir()) == []
        pg_server.halt()  # type: ignore[attr-defined]
        try:
            assert backup.run_auto_backup(shop, older_than=backup.DAILY) is None
        finally:
            pg_server.restart()  # type: ignore[attr-defined]


def _readme_sequence_fix() -> str:
    """The README's SQL that sets the id counters right: the test runs what it documents."""
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = text.index("```sql", text.index("**A restore over the live database**"))
    return "\n".join(line.strip() for line in
                     text[start:text.index("```", start + 6)].splitlines()[1:])


def test_ids_behind_after_a_restore_over_itself_are_said_plainly_and_the_readme_fixes_them(
        pg_server: object, pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core import fulfilment, orders, products, redemption
    from desktop_app.core.errors import ServerIdsBehind
    from desktop_app.core.models import RedemptionAttempt, Voucher

    database = pg_url.rsplit("/", 1)[1]
    location = ShopLocation(tmp_path / "pc", pg_url)

    def behind_the_rows() -> None:  # what pg_restore's setval does to the live database's
        pg_server.psql("SELECT setval('redemption_attempt_id_seq', 1)",  # type: ignore[attr-defined]
                       database)

    with location.create("Server", "CNY", OWNER, OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10", "service", uses=5)
        order = orders.create_order(shop, [(wash.id, 1)])
        (voucher,) = fulfilment.pay_order(shop, order.id)
        for _ in range(2):
            assert redemption.redeem(shop, voucher.payload, "Front").reason == "redeemed"
        behind_the_rows()
        with pytest.raises(ServerIdsBehind) as behind:
            redemption.redeem(shop, voucher.payload, "Front")
        said = error_message(behind.value)
        assert "id counters are behind" in said and "restart" not in said.lower()
        assert Voucher.get_by_id(voucher.id).uses_left == 3  # nothing taken
        assert RedemptionAttempt.select().count() == 2
    behind_the_rows()  # each refused try used one id up
    refused = _cli(tmp_path / "pc", "--database", pg_url, "redeem", voucher.payload,
                   "--station", "B", "--json",
                   env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["error"] == "server_ids_behind", refused.stdout
    pg_server.psql(_readme_sequence_fix(), database)  # type: ignore[attr-defined]
    with location.open(OWNER, OWNER_PASSWORD) as shop:
        assert redemption.redeem(shop, voucher.payload, "Front").reason == "redeemed"
        assert Voucher.get_by_id(voucher.id).uses_left == 2


def test_an_undo_while_the_ids_are_behind_is_said_as_that_not_as_already_undone(
        pg_server: object, pg_url: str, tmp_path: Path) -> None:
    """The undo's own refusal (a second undo of one redemption) is the unique undo_of; an id
    already taken is the server's counters behind (QA s13a F7, its undo)."""
    from desktop_app.core import fulfilment, orders, products, redemption
    from desktop_app.core.errors import InvalidState, ServerIdsBehind
    from desktop_app.core.models import RedemptionAttempt

    location = ShopLocation(tmp_path / "pc", pg_url)
    with location.create("Server", "CNY", OWNER, OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10", "service", uses=5)
        (voucher,) = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
        first, second = (redemption.redeem(shop, voucher.payload, "Front") for _ in range(2))
        assert first.attempt_id is not None and second.attempt_id is not None
        redemption.undo_redemption(shop, first.attempt_id, "wrong card", "Front")
        with pytest.raises(InvalidState):  # the same one again: undone already
            redemption.undo_redemption(shop, first.attempt_id, "again", "Front")
        pg_server.psql("SELECT setval('redemption_attempt_id_seq', 1)",  # type: ignore[attr-defined]
                       pg_url.rsplit("/", 1)[1])
        with pytest.raises(ServerIdsBehind):
            redemption.undo_redemption(shop, second.attempt_id, "wrong card", "Front")
        assert not RedemptionAttempt.select().where(
            RedemptionAttempt.undo_of == second.attempt_id).exists()
