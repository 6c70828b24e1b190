"""``migrate-to``: the copy of a folder's shop on the server, and the folder kept for reading
only afterwards, so no voucher is redeemed on both (QA s10b F3)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_cli import OWNER_ENV, as_json, run

from desktop_app.core import auth, fulfilment, products
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ServerNotEmpty, ShopMoved
from desktop_app.core.pg_connection import server_facts
from desktop_app.core.store import Shop
from desktop_app.scanning.keystrokes import KEYBOARD


def test_migrate_to_copies_every_table_and_keeps_the_folder_for_reading(
        pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core import audit, cardkeys, fulfilment, orders, products, redemption
    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.models import ALL_MODELS, AuditEvent, RedemptionAttempt
    from desktop_app.core.store import create_shop, open_shop

    folder = tmp_path / "shop"
    with create_shop(folder, "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
        wash = products.add_product(shop, "Wash", "10.00", uses=3)
        game = products.add_product(shop, "Game", "30.00", "cardkey")
        cardkeys.import_card_keys(shop, game.id, "KEY-1\nKEY-2\n")
        order = orders.create_order(shop, [(wash.id, 1), (game.id, 1)], customer_name="王女士")
        issued = fulfilment.pay_order(shop, order.id, "cash")
        redemption.redeem(shop, issued[0].payload, "Front")
        report = migrate_to_server(shop, pg_url)
        expected = {m._meta.table_name: m.select().count() for m in ALL_MODELS}
        expected["setting"] -= 1  # the folder's record of the move, written after the copy
        assert report.rows == expected and report.chain_head == audit.latest_hash()
        with pytest.raises(ShopMoved):  # the session that moved it changes nothing more
            products.add_product(shop, "Late", "1.00")
    server = ShopLocation(tmp_path / "pc", pg_url)
    with server.open(CLERK, CLERK_PASSWORD) as clerk:  # the key slots came along
        assert {m._meta.table_name: m.select().count() for m in ALL_MODELS} == expected
        assert redemption.redeem(clerk, issued[0].payload, "Back").uses_left == 1
        assert RedemptionAttempt.select().order_by(RedemptionAttempt.id.desc()).get().id == (
            expected["redemption_attempt"] + 1)  # new rows are numbered after the copied ones
        assert audit.verify_shop(clerk) == []
        assert AuditEvent.select().where(AuditEvent.kind == "shop_moved").count() == 1
    with open_shop(folder, OWNER, OWNER_PASSWORD) as moved:  # read-only, and intact
        assert moved.moved_to == {"host": server_facts(pg_url)["host"],
                                  "database": server_facts(pg_url)["database"], "url": pg_url}
        assert audit.verify_shop(moved) == [] and moved.integrity_problems == []
        with pytest.raises(ShopMoved):
            redemption.redeem(moved, issued[0].payload, "Front")
        with pytest.raises(ShopMoved):
            audit.acknowledge(moved, "go back to the folder", [])
        with pytest.raises(ShopMoved):
            migrate_to_server(moved, pg_url)
    with create_shop(tmp_path / "other", "Other", "CNY", OWNER, OWNER_PASSWORD) as other, \
            pytest.raises(ServerNotEmpty):
        migrate_to_server(other, pg_url)
    with open_shop(tmp_path / "other", OWNER, OWNER_PASSWORD) as other:
        assert other.moved_to is None  # a copy that failed leaves the folder as it was
        products.add_product(other, "Still here", "1.00")


def test_after_migrate_to_a_voucher_is_redeemed_once_only(pg_url: str, tmp_path: Path) -> None:
    """QA s10b F3: the folder redeemed again what the server had redeemed (from another
    PC), and said "rolled back" on the PC that moved it."""
    folder, pc1, pc2 = tmp_path / "shop", tmp_path / "pc1", tmp_path / "pc2"
    assert run(folder, "init", "--json").returncode == 0
    assert run(folder, "product", "add", "--name", "Wash", "--price", "10", "--json"
               ).returncode == 0
    code = as_json(run(folder, "voucher", "batch", "1", "--count", "1", "--json")
                   )["vouchers"][0]["code"]
    done = run(folder, "migrate-to", pg_url, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert as_json(done)["rows"]["operator"] == 1
    assert run(pc1, "--database", pg_url, "redeem", code, "--json").returncode == 0
    facts = server_facts(pg_url)
    for witness in (None, tmp_path / "witness-of-pc2"):  # this PC, and one that never moved
        env = {"SHOP_WITNESS_DIR": str(witness)} if witness else {}
        again = run(folder, "redeem", code, "--station", "old folder", "--json",
                    env={"SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "owner-pass-123", **env})
        assert again.returncode == 3, again.stdout
        refusal = as_json(again)
        assert refusal["error"] == "shop_moved" and refusal["host"] == facts["host"]
        assert facts["database"] in refusal["message"] and "--database" in refusal["message"]
        assert "older copy" not in refusal["message"]
        assert os.environ["PGPASSWORD"] not in again.stdout + again.stderr
    for reading in (("voucher", "show", code), ("product", "list"), ("verify",),
                    ("export", "redemptions", "--out", str(tmp_path / "r.csv")),
                    ("backup", "--out", str(tmp_path / "b.vsbackup"))):
        read = run(folder, *reading, "--json")
        assert read.returncode == 0, (reading, read.stdout)
    verified = as_json(run(folder, "verify", "--json"))
    assert verified["ok"] is True and verified["problems"] == []  # after the backup's event
    assert verified["moved_to"]["database"] == facts["database"]
    assert as_json(run(folder, "verify", "--acknowledge", "undo", "--json")
                   )["error"] == "shop_moved"
    for pc in (pc1, pc2):  # the folder's reads left no witness that holds the server's shop
        on_server = run(pc, "--database", pg_url, "verify", "--json")
        assert on_server.returncode == 0, on_server.stdout
    shown = as_json(run(pc2, "--database", pg_url, "voucher", "show", code, "--json"))
    assert json.dumps(shown).count("old folder") == 0  # the folder's refusals never counted


CLI_OWNER = (OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"])


def test_migrate_to_is_refused_while_a_counter_has_the_folder_open(
        pg_url: str, tmp_path: Path) -> None:
    """QA s11a F8: a counter logged in on the folder went on redeeming there after the move,
    what the server redeemed too; the move must wait until it has closed."""
    folder = tmp_path / "shop"
    assert run(folder, "init", "--json").returncode == 0
    counter = ShopLocation(folder, None).open(*CLI_OWNER)
    try:
        refused = as_json(run(folder, "migrate-to", pg_url, "--json"))
        assert refused["error"] == "shop_in_use"
        assert counter.moved_to is None
    finally:
        counter.close()
    with ShopLocation(folder, None).open(*CLI_OWNER) as again:
        assert again.moved_to is None  # the refusal left no mark
    moved = run(folder, "migrate-to", pg_url, "--json")
    assert moved.returncode == 0, moved.stdout + moved.stderr


@pytest.mark.parametrize("server_used", [False, True])
def test_the_way_back_is_a_backup_from_before_the_move(
        pg_url: str, tmp_path: Path, server_used: bool) -> None:
    """The documented way back when the move was a mistake: the owner restores a backup
    made before it; the folder is a shop again. A PC that used the server since holds the
    restored folder until an owner acknowledges (both steps owner-only, recorded)."""
    from desktop_app.core import audit, backup, products, redemption, restore
    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.store import create_shop, open_shop

    folder = tmp_path / "shop"
    with create_shop(folder, "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10.00", uses=2)
        payload = fulfilment_payload(shop, wash.id)
        before = backup.write_backup(shop, tmp_path / "before-the-move.vsbackup")
        migrate_to_server(shop, pg_url)
    if server_used:
        with ShopLocation(tmp_path / "pc", pg_url).open(OWNER, OWNER_PASSWORD) as on_server:
            assert redemption.redeem(on_server, payload, "Server").ok
    restore.restore_backup(folder, before, OWNER, OWNER_PASSWORD, confirm=lambda _: True)
    with open_shop(folder, OWNER, OWNER_PASSWORD) as back:
        assert back.moved_to is None
        if server_used:
            assert back.integrity_problems == ["witness_computer: rolled_back"]
            audit.acknowledge(back, "the move to the server was a mistake",
                              audit.verify_shop(back))
        assert redemption.redeem(back, payload, "Front").ok


def fulfilment_payload(shop: Shop, product_id: int) -> str:
    return fulfilment.issue_batch(shop, product_id, 1)[0].payload


def test_migrate_to_carries_the_recovery_key(pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.store import create_shop

    with create_shop(tmp_path / "shop", "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        key = shop.recovery_key
        migrate_to_server(shop, pg_url)
    assert key
    with ShopLocation(tmp_path / "pc", pg_url).recover(OWNER, key, "another new pass 8") as s:
        assert s.operator.role == "owner"
    # QA s11a F1: recovering in the moved folder said "ok" and set the folder's password,
    # while the server kept refusing the new one: the owner believed it was recovered.
    with pytest.raises(ShopMoved):
        ShopLocation(tmp_path / "shop", None).recover(OWNER, key, "a third new pass 9")
    with ShopLocation(tmp_path / "shop", None).open(OWNER, OWNER_PASSWORD) as folder:
        assert folder.moved_to is not None  # the folder's own password is unchanged


def test_the_app_on_a_moved_folder_says_where_the_shop_is(
        qtbot: QtBot, pg_url: str, tmp_path: Path, temp_settings: Path) -> None:
    from test_ui_shell import session_login

    from desktop_app.core.migrate_to import migrate_to_server
    from desktop_app.core.pg import ServerShop
    from desktop_app.core.store import create_shop
    from desktop_app.ui import settings
    from desktop_app.ui.session.login_dialog import LoginDialog
    from desktop_app.ui.shop_session import ShopSession

    folder = tmp_path / "shop"
    with create_shop(folder, "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        payload = fulfilment_payload(shop, products.add_product(shop, "Wash", "10.00").id)
        migrate_to_server(shop, pg_url)
    session = ShopSession(folder)
    session.start()
    try:
        session_login(qtbot, session, OWNER, OWNER_PASSWORD)
        window = session.window
        assert window is not None and window.integrity_banner.isVisible()
        text = window.integrity_banner.text()
        # QA s11a: a shop owner reads where the shop lives and which button takes them there,
        # not the command line's --database / SHOP_DATABASE_URL (the CLI keeps those).
        assert server_facts(pg_url)["host"] in text and window.server_button.text() in text
        assert "--database" not in text and "SHOP_DATABASE_URL" not in text
        assert "Traceback" not in text and "shop_moved" not in text
        tab = window.redemption_tab()
        assert tab is not None
        tab.submit(payload, KEYBOARD)  # the same words where a scan is refused
        qtbot.waitUntil(lambda: tab.verdict.headline.text() == "Not redeemed", timeout=10_000)
        assert tab.verdict.detail.text() == text
        window.server_button.click()  # this PC uses the server from now on
        assert settings.SERVER_URL.text() == pg_url
        session_login(qtbot, session, OWNER, OWNER_PASSWORD)
        on_server = session.window
        assert isinstance(session.shop, ServerShop) and on_server is not None
        assert on_server.integrity_banner.isHidden()
        # QA s11a F11: and back, as the way back after a mistaken move needs: from the
        # server's login, this PC's own folder again (asked first).
        session.logout()
        dialog = session.dialog
        assert isinstance(dialog, LoginDialog) and dialog.database_url == pg_url
        dialog.this_pc_button.click()
        box = dialog.this_pc_box
        assert str(folder) in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()
        assert settings.SERVER_URL.text() == "" and not session.location.on_server
        assert isinstance(session.dialog, LoginDialog) and session.dialog.database_url == ""
        session_login(qtbot, session, OWNER, OWNER_PASSWORD)
        assert session.shop is not None and session.shop.moved_to is not None  # the folder
    finally:
        session.shutdown()
