"""The shop on a PostgreSQL server: choosing it, connecting, plain-words errors, key slots and
failed logins kept on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import auth, lockout
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import (
    DatabaseUrlHasPassword,
    DatabaseUrlInvalid,
    LockedOut,
    NoShop,
    ServerDatabaseMissing,
    ServerLoginFailed,
    ServerUnreachable,
    ShopExists,
    WrongPassword,
)
from desktop_app.core.models import Setting
from desktop_app.messages import error_message


def test_without_a_url_the_file_is_the_shop(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOP_DATABASE_URL", raising=False)
    location = ShopLocation.choose(tmp_path, None)
    assert not location.on_server and location.describe() == str(tmp_path)


def test_the_environment_variable_selects_the_server(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOP_DATABASE_URL", "postgresql://shop@db.local/shop")
    assert ShopLocation.choose(tmp_path, None).database_url == "postgresql://shop@db.local/shop"
    explicit = ShopLocation.choose(tmp_path, "postgresql://other@h:5433/x?sslmode=require")
    assert explicit.database_url == "postgresql://other@h:5433/x?sslmode=require"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "postgresql://u@h/", "postgresql://u@h:xx/db",
                                 "shop.db",
                                 # one slash short: tried as this PC's socket (QA s43b F8)
                                 "postgresql:/u@127.0.0.1:5432/db"])
def test_an_unusable_url_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(DatabaseUrlInvalid) as caught:
        ShopLocation.choose(tmp_path, url)
    assert "postgresql://USER@HOST" in error_message(caught.value)


def test_a_password_in_the_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUrlHasPassword) as caught:
        ShopLocation.choose(tmp_path, "postgresql://shop:secret@h/db")
    message = error_message(caught.value)
    assert "PGPASSWORD" in message and "secret" not in message


def test_connection_errors_say_what_is_wrong(pg_server, pg_url: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    closed_port = pg_url.replace(f":{pg_server.port}/", ":1/")
    with pytest.raises(ServerUnreachable) as unreachable:
        ShopLocation(tmp_path, closed_port).open(OWNER, OWNER_PASSWORD)
    assert "127.0.0.1:1" in error_message(unreachable.value)
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_db"
    with pytest.raises(ServerDatabaseMissing) as no_db:
        ShopLocation(tmp_path, missing).open(OWNER, OWNER_PASSWORD)
    assert "no_such_db" in error_message(no_db.value)
    with pytest.raises(ServerDatabaseMissing):
        ShopLocation(tmp_path, missing).exists()
    with pytest.raises(NoShop):
        ShopLocation(tmp_path, pg_url).open(OWNER, OWNER_PASSWORD)
    monkeypatch.setenv("PGPASSWORD", "not the password")
    with pytest.raises(ServerLoginFailed) as login:
        ShopLocation(tmp_path, pg_url).open(OWNER, OWNER_PASSWORD)
    assert "postgres" in error_message(login.value)
    # No password to send (a .pgpass line for another database: QA s43b F6): said as that,
    # naming the address to check, not as a wrong password
    monkeypatch.delenv("PGPASSWORD")
    (pgpass := tmp_path / "pgpass").write_text("127.0.0.1:*:other_db:*:secret\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with pytest.raises(ServerLoginFailed) as none_sent:
        ShopLocation(tmp_path, missing).open(OWNER, OWNER_PASSWORD)
    said = error_message(none_sent.value)
    assert "no_such_db" in said and "No password was found" in said and "secret" not in said


def test_a_lost_link_is_noticed_in_seconds(pg_url: str) -> None:
    """Only connect_timeout was set: a statement sent into a pulled cable waited forever."""
    from desktop_app.core.pg_connection import LINK_TIMEOUTS, connect

    db = connect(pg_url)
    try:
        used = db.connection().info.get_parameters()
        assert {name: used.get(name) for name in LINK_TIMEOUTS} == {
            name: str(value) for name, value in LINK_TIMEOUTS.items()}
    finally:
        db.close()


def test_init_then_login_with_slots_on_the_server(pg_url: str, tmp_path: Path) -> None:
    location = ShopLocation(tmp_path / "pc1", pg_url)
    assert not location.exists()
    with location.create("Server Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    assert location.exists()
    with pytest.raises(ShopExists):
        location.create("Again", "CNY", OWNER, OWNER_PASSWORD)
    other_pc = ShopLocation(tmp_path / "pc2", pg_url)  # nothing of the shop in its folder
    with other_pc.open(CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.name == "Server Shop" and clerk.operator.role == "clerk"
        assert Setting.get(Setting.key == "shop_id").value == clerk.shop_id
    assert not (tmp_path / "pc2").exists() or not any((tmp_path / "pc2").iterdir())
    with other_pc.open(OWNER, OWNER_PASSWORD) as owner:
        auth.change_own_password(owner, OWNER_PASSWORD, "a new owner password")
    with pytest.raises(WrongPassword):
        location.open(OWNER, OWNER_PASSWORD)
    location.open(OWNER, "a new owner password").close()


def test_failed_logins_count_on_the_server_across_pcs(pg_url: str, tmp_path: Path) -> None:
    ShopLocation(tmp_path / "pc1", pg_url).create("S", "CNY", OWNER, OWNER_PASSWORD).close()
    for attempt in range(lockout.FREE_FAILURES):
        pc = ShopLocation(tmp_path / f"pc{attempt % 2}", pg_url)
        with pytest.raises(WrongPassword):
            pc.open(OWNER, "wrong password!")
    with pytest.raises(LockedOut):
        ShopLocation(tmp_path / "pc3", pg_url).open(OWNER, "wrong password!")
    with pytest.raises(LockedOut):  # even the right one waits
        ShopLocation(tmp_path / "pc4", pg_url).open(OWNER, OWNER_PASSWORD)


def _cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    from test_cli import run

    return run(tmp_path / "pc", *args, env=env)


def test_every_command_runs_on_the_server(pg_url: str, tmp_path: Path) -> None:
    import json

    init = _cli(tmp_path, "--database", pg_url, "init", "--shop-name", "Server 店", "--json")
    assert init.returncode == 0, init.stdout + init.stderr
    assert json.loads(init.stdout)["database"] == pg_url
    from desktop_app.core.pg_connection import server_facts

    facts = server_facts(pg_url)  # the shop's place is the server, not only this PC's folder
    assert json.loads(init.stdout)["server"] == f"{facts['host']}/{facts['database']}"
    from test_cli import OWNER_ENV

    env = {**OWNER_ENV, "SHOP_DATABASE_URL": pg_url}  # the variable chooses it as well
    added = _cli(tmp_path, "product", "add", "--name", "Wash", "--price", "10", "--json",
                 env=env)
    product = json.loads(added.stdout)["id"]
    order = json.loads(_cli(tmp_path, "order", "create", "--item", f"{product}:1", "--json",
                            env=env).stdout)["id"]
    paid = json.loads(_cli(tmp_path, "order", "pay", str(order), "--json", env=env).stdout)
    payload = paid["vouchers"][0]["payload"]
    first = _cli(tmp_path, "--database", pg_url, "redeem", payload, "--station", "A", "--json")
    assert first.returncode == 0 and json.loads(first.stdout)["reason"] == "redeemed"
    second = _cli(tmp_path, "redeem", payload, "--station", "B", "--json", env=env)
    assert second.returncode == 3 and json.loads(second.stdout)["reason"] == "already_redeemed"
    verified = _cli(tmp_path, "verify", "--json", env=env)
    assert verified.returncode == 0, verified.stdout
    backup = _cli(tmp_path, "backup", "--out", str(tmp_path / "b.vsb"), "--json", env=env)
    assert json.loads(backup.stdout)["error"] == "server_backup_elsewhere"
    assert not (tmp_path / "pc" / "shop.db").exists()


def test_the_cli_refuses_a_password_in_the_url(tmp_path: Path) -> None:
    import json

    result = _cli(tmp_path, "--database", "postgresql://u:hunter2@127.0.0.1/db", "product",
                  "list", "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["error"] == "database_url_has_password" and "hunter2" not in result.stdout


def test_secrets_are_sealed_in_their_columns_on_the_server(pg_server, pg_url: str,
                                                         tmp_path: Path) -> None:
    """What the server's administrator (or a pg_dump) reads: no card key, phone, voucher code
    or voucher MAC key in the clear; the shop itself reads them all."""
    import hashlib
    import subprocess

    from desktop_app.core import cardkeys, fulfilment, giftcards, orders, products, redemption
    from desktop_app.core.models import Order, Voucher

    location = ShopLocation(tmp_path / "pc", pg_url)
    with location.create("Sealed", "CNY", OWNER, OWNER_PASSWORD) as shop:
        game = products.add_product(shop, "Game", "30.00", "cardkey")
        cardkeys.import_card_keys(shop, game.id, "SECRETKEY-AAAA-1111\n")
        single = products.add_product(shop, "Office", "9.00", "cardkey",
                                      reusable_key="REUSABLE-KEY-7777")
        order = orders.create_order(shop, [(game.id, 1), (single.id, 1)],
                                    customer_phone="13800138000")
        issued = fulfilment.pay_order(shop, order.id, "cash")
        voucher_key = shop.voucher_key
        assert Order.get_by_id(order.id).customer_phone == "13800138000"
        shop.set_setting("voucher_note", "thanks")
        assert shop.setting("voucher_note") == "thanks"
        card = products.add_product(shop, "Gift card", "100", "giftcard")
        (gift,) = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id)
        giftcards.set_pin(shop, Voucher.get_by_id(gift.id), "246813")
        unkeyed = hashlib.sha256(f"giftcard-pin:{gift.id}:246813".encode()).hexdigest()
    dump = subprocess.run(
        [str(pg_server.bin_dir / "pg_dump"), "-h", "127.0.0.1", "-p", str(pg_server.port),
         "-U", "postgres", pg_url.rsplit("/", 1)[1]], capture_output=True, text=True,
        env=pg_server.env(), check=True).stdout
    assert "key_slot" in dump and "shop_name" in dump  # the dump really holds the tables
    for secret in ("SECRETKEY-AAAA-1111", "REUSABLE-KEY-7777", "13800138000", voucher_key,
                   issued[0].code, issued[0].code.replace("-", "")[:16], "thanks", "246813",
                   unkeyed):
        assert secret not in dump, secret
    with location.open(OWNER, OWNER_PASSWORD) as shop:  # and the shop reads them back
        assert redemption.redeem(shop, issued[0].code, "Front").reason == "redeemed"
        assert redemption.redeem(shop, issued[1].payload, "Front").reason == "redeemed"
        assert giftcards.check_pin(shop, Voucher.get_by_id(gift.id), "246813").right


def test_a_counter_hears_other_counters_changes_and_a_lost_server(
        pg_server, pg_url: str, tmp_path: Path) -> None:
    from test_cli import OWNER_ENV, run

    from desktop_app.core import events, products
    from desktop_app.core.server_watch import ServerWatch

    location = ShopLocation(tmp_path / "pc1", pg_url)
    with location.create("Watched", "CNY", OWNER, OWNER_PASSWORD) as shop:
        auth.add_operator(shop, "Owner", "owner", OWNER_ENV["SHOP_PASSWORD"])
        watch = ServerWatch(pg_url, own_pids=shop.db.backend_pids)
        try:
            assert watch.poll(0.05).reachable
            products.add_product(shop, "Ours", "1.00")  # announced here by the task itself
            assert watch.poll(0.3).changes == frozenset()
            added = run(tmp_path / "pc2", "--database", pg_url, "product", "add", "--name",
                        "Theirs", "--price", "2", "--json")
            assert added.returncode == 0, added.stdout
            assert watch.poll(2.0).changes == {events.PRODUCTS}
        finally:
            watch.close()
    lost = ServerWatch(pg_url.replace(f":{pg_server.port}/", ":1/"))
    assert lost.poll(0.05) == lost.poll(0.05) and not lost.poll(0.05).reachable


def test_tls_asked_for_and_not_offered_is_said_plainly(pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core.errors import ServerTlsRequired

    for asked in ("require", "verify-full"):  # the test server offers no TLS
        with pytest.raises(ServerTlsRequired) as caught:
            ShopLocation(tmp_path, f"{pg_url}?sslmode={asked}").open(OWNER, OWNER_PASSWORD)
        said = error_message(caught.value)
        # QA s39b F5: not "Set sslmode=require" to an address that says it, or verify-full
        assert "does not offer it" in said and "Set sslmode" not in said, said


def test_init_on_the_server_prints_a_recovery_key_and_recover_works_there(
        pg_url: str, tmp_path: Path) -> None:
    import json

    from test_cli import run
    from test_restore_guards import ENV

    from desktop_app.core.keyslots import new_recovery_key
    from desktop_app.core.lockout import FREE_FAILURES
    from desktop_app.core.pg_connection import connect

    pc = tmp_path / "pc"
    made = run(pc, "--database", pg_url, "init", "--json", env=ENV)
    key = json.loads(made.stdout)["recovery_key"]
    assert len(key.split("-")) == 7
    new = {"SHOP_RECOVERY_KEY": key, "SHOP_NEW_PASSWORD": "a brand new pass 9"}
    wrong = {**new, "SHOP_RECOVERY_KEY": new_recovery_key()}
    for _ in range(FREE_FAILURES):  # counted on the server, like wrong passwords
        refused = run(tmp_path / "pc2", "--database", pg_url, "recover", OWNER, "--json",
                      env=wrong)
        assert refused.returncode == 3 and json.loads(refused.stdout)["error"] == \
            "wrong_password"
    waiting = run(pc, "--database", pg_url, "recover", OWNER, "--json", env=new)
    assert json.loads(waiting.stdout)["error"] == "locked_out"
    # ... and after the wait (the failures an hour old, on the server), the key works.
    db = connect(pg_url)
    counts = json.loads(db.execute_sql("SELECT counts FROM login_failures").fetchone()[0])
    for entry in counts["operators"].values():
        for source in entry["sources"].values():
            source["times"] = [t - 7200 for t in source["times"]]
    db.execute_sql("UPDATE login_failures SET counts = %s", (json.dumps(counts),))
    db.close()
    done = run(pc, "--database", pg_url, "recover", OWNER, "--json", env=new)
    assert done.returncode == 0, done.stdout + done.stderr
    with pytest.raises(WrongPassword):
        ShopLocation(pc, pg_url).open(OWNER, OWNER_PASSWORD)
    with ShopLocation(pc, pg_url).open(OWNER, "a brand new pass 9") as shop:
        assert shop.slots.reload().recovery is not None  # the key stays the same


def test_find_by_customer_phone_opens_the_sealed_phones_in_batches(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core import fulfilment, orders, phones, products, voucher_lookup

    monkeypatch.setattr(phones, "PHONE_BATCH", 2)  # several batches of the five orders
    with ShopLocation(tmp_path / "pc", pg_url).create("Phones", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10", "service")
        sold = {}
        for name, phone in [("王女士", "138 0013 8000"), ("Ms Li", "13912345678"),
                            ("张", ""), ("赵", "150 0000 0000"), ("钱", "")]:
            order = orders.create_order(shop, [(wash.id, 1)], customer_name=name,
                                        customer_phone=phone)
            sold[name] = fulfilment.pay_order(shop, order.id)[0].id

        def found(text: str) -> list[int]:
            return [v.id for v in voucher_lookup.find_vouchers(shop, text)]

        assert found("8000") == [sold["王女士"]]
        assert found("1234 5678") == [sold["Ms Li"]]  # matched on its digits
        assert found("13800138000") == [sold["王女士"]]  # saved with spaces, read without
        assert found("ms li") == [sold["Ms Li"]]  # names are matched by the server
        assert found("00") == [sold["赵"], sold["王女士"]]
        assert found("zz") == []


def test_a_server_lost_mid_redeem_says_so_and_nothing_is_taken_twice(
        pg_server: Any, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection dies inside the redemption's transaction, before its COMMIT: the
    cashier is told nothing was changed (the server rolled it back: not a guess, not a
    traceback), the use is not consumed, and the same counter works again on its next scan
    without a restart."""
    from desktop_app.core import audit, fulfilment, orders, products, redemption, voucher_lookup
    from desktop_app.core.errors import ServerLost, ServerUnreachable
    from desktop_app.core.lost_commit import NotSaved

    database = pg_url.rsplit("/", 1)[1]
    with ShopLocation(tmp_path / "pc", pg_url).create("Lost", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10", "service", uses=2)
        (voucher,) = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
        record = audit.record

        def server_goes_away(*args: Any, **kwargs: Any) -> Any:
            pg_server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           f"WHERE datname = '{database}' AND pid <> pg_backend_pid()")
            return record(*args, **kwargs)

        monkeypatch.setattr(audit, "record", server_goes_away)
        with pytest.raises(ServerUnreachable) as lost:
            redemption.redeem(shop, voucher.payload, "Front")
        assert isinstance(lost.value, NotSaved)
        assert "nothing was changed" in error_message(lost.value)
        monkeypatch.setattr(audit, "record", record)
        again = [redemption.redeem(shop, voucher.payload, "Front") for _ in range(3)]
        assert [v.reason for v in again] == ["redeemed", "redeemed", "already_redeemed"]
        assert [v.uses_left for v in again[:2]] == [1, 0]
        assert audit.verify_shop(shop) == []
        kill = ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{database}' AND pid <> pg_backend_pid()")
        pg_server.psql(kill)  # and a look-up (a read) on a broken connection: said, then back
        with pytest.raises(ServerUnreachable) as unreachable:
            voucher_lookup.lookup(shop, voucher.payload)
        assert not isinstance(unreachable.value, ServerLost)
        assert voucher_lookup.lookup(shop, voucher.payload).uses_left == 0


@pytest.mark.parametrize("url", ["postgresql://voucher_shp@127.0.0.1:5432/shop",
                                 "postgresql://127.0.0.1:5432/shop"])  # the PC's own user
def test_a_database_user_the_server_lacks_is_said_as_that(url: str) -> None:
    """QA s43b F8: a server whose pg_hba lets any user try (trust, peer) answers that the
    role does not exist; said as "cannot be reached, check the cable". (The test server
    asks every user for a password, so it says "password authentication failed" instead:
    the server's words are given here as psycopg reports them.)"""
    from desktop_app.core.pg_connection import server_error

    answer = Exception('connection failed: FATAL:  role "voucher_shp" does not exist')
    said = error_message(server_error(answer, url))
    assert "no database user voucher_shp" in said and "cable" not in said


@pytest.mark.parametrize(("answer", "words"), [
    ('connection failed: root certificate file "/home/c/.postgresql/root.crt" does not exist\n'
     "Either provide the file, use the system's trusted roots with sslrootcert=system, or "
     "change sslmode to disable server certificate verification.",
     "/home/c/.postgresql/root.crt is missing"),
    ('connection failed: server certificate for "pgserver.shop.lan" does not match host name '
     '"127.0.0.1"', "for pgserver.shop.lan, not for 127.0.0.1:5432"),
    ("connection failed: SSL error: certificate verify failed", "may not be the shop's server"),
])
def test_a_certificate_that_cannot_be_checked_is_said_as_that(answer: str, words: str) -> None:
    """QA s43b F10: with sslmode=verify-full, a missing root.crt or a certificate for another
    host name was "cannot be reached, check the cable" (libpq's words, as psycopg gives them)."""
    from desktop_app.core.pg_connection import server_error

    refused = server_error(Exception(answer),
                           "postgresql://shop@127.0.0.1:5432/shop?sslmode=verify-full")
    said = error_message(refused)
    assert refused.code == "server_certificate" and words in said and "cable" not in said

