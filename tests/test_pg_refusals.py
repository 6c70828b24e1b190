"""A server that answers and refuses (QA s39b F11, F19, F20): a standby or a read-only cloud
server, its disk full, no free connection, a statement that waited too long, a changed
password. Each is said as what it is, by its SQLSTATE: never "damaged, restore your latest
backup" (which would throw the day's sales away) nor "check the network cable". Nothing is
taken, and the counter works again once the server does.

A real PostgreSQL server; the refusals are the server's own (its settings, a trigger raising
the SQLSTATE a full disk raises, a row held by another session).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import OWNER, OWNER_PASSWORD

from desktop_app.core import fulfilment, orders, pg_connection, products, redemption
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import (
    DatabaseUrlInvalid,
    ServerBusy,
    ServerDiskFull,
    ServerLoginFailed,
    ServerReadOnly,
    ServerRefused,
    ServerTimedOut,
    ServerUnreachable,
)
from desktop_app.core.models import Voucher
from desktop_app.core.server_watch import ServerWatch
from desktop_app.core.store import Shop
from desktop_app.messages import error_message


@pytest.fixture
def server_shop(pg_url: str, tmp_path: Path) -> Iterator[Shop]:
    with ShopLocation(tmp_path / "pc", pg_url).create("Refused", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        yield shop


def _sold(shop: Shop, uses: int = 2) -> Any:
    product = products.add_product(shop, "Wash", "10", "service", uses=uses)
    (voucher,) = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    return voucher


def _database(pg_url: str) -> str:
    return pg_url.rsplit("/", 1)[1]


def _disconnect_everyone(pg_server: Any, pg_url: str) -> None:
    pg_server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                   f"WHERE datname = '{_database(pg_url)}' AND pid <> pg_backend_pid()")


def _attempts_refused(pg_server: Any, pg_url: str, sqlstate: str, words: str) -> None:
    """The server refuses every new attempt's row with ``sqlstate``, as it would itself (a
    full disk as the table grows, a user without the right to it)."""
    pg_server.psql(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"RAISE EXCEPTION '{words}' USING ERRCODE = '{sqlstate}'; END $$; "
        "CREATE TRIGGER refused BEFORE INSERT ON redemption_attempt "
        "FOR EACH ROW EXECUTE FUNCTION refuse()", database=_database(pg_url))


def _not_damage(text: str) -> None:
    assert "damaged" not in text.replace("Nothing is damaged", "")
    assert "network cable" not in text


def test_a_read_only_server_is_said_so_and_takes_nothing(
        server_shop: Shop, pg_server: Any, pg_url: str, tmp_path: Path) -> None:
    voucher = _sold(server_shop)
    database = _database(pg_url)
    pg_server.psql(f"ALTER DATABASE {database} SET default_transaction_read_only = on")
    _disconnect_everyone(pg_server, pg_url)  # as after a fail-over: every counter reconnects
    with pytest.raises(ServerUnreachable):  # the connection found dead: nothing was sent
        redemption.redeem(server_shop, voucher.payload, "Front")
    with pytest.raises(ServerReadOnly) as refused:
        redemption.redeem(server_shop, voucher.payload, "Front")
    said = error_message(refused.value)
    assert "read-only" in said and "do not restore a backup" in said
    assert "127.0.0.1" in said
    _not_damage(said)

    from test_cli import run

    cli = run(tmp_path / "pc2", "--database", pg_url, "redeem", voucher.payload, "--json",
              env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
    assert cli.returncode == 1, cli.stdout + cli.stderr
    answer = json.loads(cli.stdout)
    assert answer["error"] == "server_read_only" and answer["sqlstate"] == "25006"
    _not_damage(answer["message"])

    pg_server.psql(f"ALTER DATABASE {database} RESET default_transaction_read_only")
    _disconnect_everyone(pg_server, pg_url)
    with pytest.raises(ServerUnreachable):
        redemption.redeem(server_shop, voucher.payload, "Front")
    assert redemption.redeem(server_shop, voucher.payload, "Front").uses_left == 1


def test_the_servers_full_disk_is_said_so_and_takes_nothing(
        server_shop: Shop, pg_server: Any, pg_url: str) -> None:
    """The server raises 53100 as it extends a table on a full disk; a trigger raises the
    same SQLSTATE at the same place (the attempt's row), after the deciding UPDATE."""
    voucher = _sold(server_shop)
    _attempts_refused(pg_server, pg_url, "53100", "could not extend file: No space left")
    with pytest.raises(ServerDiskFull) as refused:
        redemption.redeem(server_shop, voucher.payload, "Front")
    said = error_message(refused.value)
    assert "disk of the shop's server" in said and "free space" in said
    _not_damage(said)
    assert Voucher.get_by_id(voucher.id).uses_left == 2  # rolled back with the attempt
    pg_server.psql("DROP TRIGGER refused ON redemption_attempt", database=_database(pg_url))
    assert redemption.redeem(server_shop, voucher.payload, "Front").uses_left == 1


def test_a_row_held_too_long_is_given_up_and_nothing_taken(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s39b F15: a scan waiting on a row another session held was redeemed a minute later,
    from a customer the cashier had been told not to serve yet."""
    monkeypatch.setattr(pg_connection, "LOCK_WAIT_MS", 300)
    with ShopLocation(tmp_path / "pc", pg_url).create("Held", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        voucher = _sold(shop)
        with psycopg.connect(pg_url) as stuck:
            stuck.execute("SELECT id FROM voucher WHERE id = %s FOR UPDATE", (voucher.id,))
            with pytest.raises(ServerTimedOut) as refused:
                redemption.redeem(shop, voucher.payload, "Front")
        said = error_message(refused.value)
        assert "waiting too long" in said and "nothing was changed" in said
        _not_damage(said)
        assert redemption.redeem(shop, voucher.payload, "Front").uses_left == 1


def test_no_free_connection_is_not_a_network_problem(
        server_shop: Shop, pg_server: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server at its max_connections says so with the same SQLSTATE as a role at its
    limit (53300); the test's superuser has none, so a counter's own database user here."""
    role = f"busy_{_database(pg_url)[:40]}"
    pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD 'counter-pw' CONNECTION LIMIT 0")
    monkeypatch.setenv("PGPASSWORD", "counter-pw")
    busy_url = pg_url.replace("postgresql://postgres@", f"postgresql://{role}@")
    try:
        with pytest.raises(ServerBusy) as refused:
            ShopLocation(server_shop.data_dir, busy_url).open(OWNER, OWNER_PASSWORD)
        said = error_message(refused.value)
        assert "no free connection" in said and "max_connections" in said
        _not_damage(said)
        watched = ServerWatch(busy_url).poll(0.05)
        assert not watched.reachable and isinstance(watched.problem, ServerBusy)
    finally:
        pg_server.psql(f"DROP ROLE {role}")


def test_any_other_refusal_names_its_code_and_is_no_damage(
        server_shop: Shop, pg_server: Any, pg_url: str) -> None:
    """A database user without the right to a table (42501), as a server set up by hand can
    be: "damaged, restore your latest backup" would have been the wrong advice."""
    voucher = _sold(server_shop)
    _attempts_refused(pg_server, pg_url, "42501", "permission denied for table")
    with pytest.raises(ServerRefused) as refused:
        redemption.redeem(server_shop, voucher.payload, "Front")
    said = error_message(refused.value)
    assert "42501" in said and "do not restore a backup" in said
    assert Voucher.get_by_id(voucher.id).uses_left == 2


def test_the_watch_says_a_refused_password_apart_from_an_unreachable_server(
        pg_server: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    unreachable = ServerWatch(pg_url.replace(f":{pg_server.port}/", ":1/")).poll(0.05)
    assert isinstance(unreachable.problem, ServerUnreachable)
    monkeypatch.setenv("PGPASSWORD", "changed on the server meanwhile")
    refused = ServerWatch(pg_url).poll(0.05)
    assert not refused.reachable and isinstance(refused.problem, ServerLoginFailed)


def test_a_bad_option_in_the_address_is_the_address_not_the_network(
        tmp_path: Path, pg_url: str) -> None:
    with pytest.raises(DatabaseUrlInvalid):
        ShopLocation(tmp_path, pg_url + "?sslmode=bogus").open(OWNER, OWNER_PASSWORD)


def test_disabling_an_operator_waits_for_their_redemption_already_under_way(
        server_shop: Shop, pg_url: str) -> None:
    """QA s39b F12: a scan waiting for a voucher's row (another counter's redemption of it)
    was redeemed after its operator was disabled meanwhile: the operator was checked before
    the wait. The operator's row is held from before the wait, so the disable waits for the
    redemption; the audit log never shows a redemption by an already-disabled operator."""
    import threading
    import time

    voucher = _sold(server_shop, uses=5)
    verdicts: list[Any] = []
    disabled = threading.Event()
    with psycopg.connect(pg_url) as other_counter:
        other_counter.execute("SELECT id FROM voucher WHERE id = %s FOR UPDATE", (voucher.id,))
        scan = threading.Thread(target=lambda: verdicts.append(
            redemption.redeem(server_shop, voucher.payload, "Front")))
        scan.start()
        time.sleep(0.5)  # the scan waits for the voucher's row

        def disable() -> None:
            with psycopg.connect(pg_url, autocommit=True) as owner:
                owner.execute("UPDATE operator SET active = false WHERE id = %s",
                              (server_shop.operator.id,))
            disabled.set()

        owner_pc = threading.Thread(target=disable)
        owner_pc.start()
        assert not disabled.wait(1.0)  # the disable waits for the redemption under way
        other_counter.commit()  # the other counter's redemption ends
    scan.join(30)
    owner_pc.join(30)
    assert disabled.is_set() and [v.reason for v in verdicts] == ["redeemed"]
    assert redemption.redeem(server_shop, voucher.payload, "Front").reason == "forbidden"
    assert Voucher.get_by_id(voucher.id).uses_left == 4
