"""Operators and their passwords, login throttling, and a closed session reopened."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_backup_restore import rebind

from desktop_app.core import audit, auth, backup, products
from desktop_app.core.errors import (
    InvalidState,
    KeySlotMissing,
    LockedOut,
    OperatorDisabled,
    WrongPassword,
)
from desktop_app.core.lockout import FREE_FAILURES, MAX_PER_HOUR, LoginThrottle
from desktop_app.core.models import Operator, database_proxy
from desktop_app.core.store import Shop, open_shop

# --- operators -------------------------------------------------------------------------------


def test_disable_removes_the_slot_and_enable_needs_a_new_password(shop: Shop, shop_dir: Path
                                                                  ) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    auth.set_active(shop, clerk.id, False)
    # Told they are disabled, not that no such operator exists (QA: sent to check the
    # spelling), whatever password they type; a name never added is still unknown.
    for password in (CLERK_PASSWORD, "not-their-password"):
        with pytest.raises(OperatorDisabled):
            open_shop(shop_dir, CLERK, password)
    with pytest.raises(KeySlotMissing):
        open_shop(shop_dir, "nobody", CLERK_PASSWORD)
    auth.set_active(shop, clerk.id, True, "brand-new-pass")
    with open_shop(shop_dir, CLERK, "brand-new-pass") as again:
        assert again.operator.active
    assert not shop.reload_slots().disabled


def test_last_owner_cannot_be_disabled(shop: Shop) -> None:
    with pytest.raises(InvalidState):
        auth.set_active(shop, shop.operator.id, False)
    second = auth.add_operator(shop, "Carol", "owner", "owner-two-pass")
    auth.set_active(shop, shop.operator.id, False)  # another owner remains
    with pytest.raises(OperatorDisabled):  # a disabled owner changes nothing more
        auth.set_active(shop, second.id, False)
    with open_shop(shop.data_dir, "Carol", "owner-two-pass") as carol, \
            pytest.raises(InvalidState):
        auth.set_active(carol, second.id, False)


def test_reset_and_change_password(shop: Shop, shop_dir: Path) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    auth.reset_password(shop, clerk.id, "reset-by-owner")
    with pytest.raises(WrongPassword):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    with open_shop(shop_dir, CLERK, "reset-by-owner") as as_clerk:
        with pytest.raises(WrongPassword):
            auth.change_own_password(as_clerk, "wrong-current", "whatever-123")
        auth.change_own_password(as_clerk, "reset-by-owner", "clerk-chose-this")
    open_shop(shop_dir, CLERK, "clerk-chose-this").close()


def test_disabled_while_logged_in_is_refused_at_open(shop: Shop, shop_dir: Path) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    Operator.update(active=False).where(Operator.id == clerk.id).execute()
    with pytest.raises(OperatorDisabled):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)


def test_a_password_change_keeps_slots_added_at_another_counter(shop: Shop, shop_dir: Path
                                                                ) -> None:
    """Each counter holds the slot file as read at login; a change must not drop another
    counter's newer slot."""
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as other_counter:
        auth.add_operator(other_counter, CLERK, "clerk", CLERK_PASSWORD)
    rebind(shop)
    auth.change_own_password(shop, OWNER_PASSWORD, "owner-new-pass-1")
    open_shop(shop_dir, CLERK, CLERK_PASSWORD).close()
    rebind(shop)


# --- login throttling ------------------------------------------------------------------------


def test_waits_grow_after_five_failures_and_refuse_the_right_password(tmp_path: Path) -> None:
    now = [1_000_000.0]
    throttle = LoginThrottle(tmp_path, clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        throttle.check("bob")
        throttle.failed("bob")
    waits = []
    for _ in range(4):
        waits.append(throttle.wait_seconds("Bob"))
        with pytest.raises(LockedOut) as locked:
            throttle.check("BOB")
        assert locked.value.params["seconds"] == int(waits[-1])
        now[0] += waits[-1]
        throttle.check("bob")
        throttle.failed("bob")
    assert waits == [30, 60, 300, 900]
    throttle.succeeded("bob")
    assert throttle.wait_seconds("bob") == 0


def test_at_most_a_hundred_failures_an_hour(tmp_path: Path) -> None:
    now = [0.0]
    throttle = LoginThrottle(tmp_path, clock=lambda: now[0])
    for _ in range(MAX_PER_HOUR):
        throttle.failed("eve")
        now[0] += 1
    throttle_wait = throttle.wait_seconds("eve")
    assert throttle_wait >= 3600 - MAX_PER_HOUR


def test_locked_out_operator_cannot_open_even_with_the_right_password(shop: Shop,
                                                                       shop_dir: Path) -> None:
    shop.close()
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassword):
            open_shop(shop_dir, OWNER, "guess-guess")
    with pytest.raises(LockedOut):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    assert b"Alice" not in (shop_dir / "lockout.json").read_bytes()  # slot names only


# --- a closed session ------------------------------------------------------------------------


def test_a_closed_shop_reopens_without_a_password(shop: Shop) -> None:
    from desktop_app.core.store import reopen_shop

    shop.close()
    reopened = reopen_shop(shop)
    assert reopened.name == "Test Shop 测试店"
    products.add_product(reopened, "After reopening", "1.00")
    assert audit.verify_shop(reopened) == []


def test_a_session_left_open_changes_nothing_once_its_owner_is_disabled(
        shop: Shop, shop_dir: Path) -> None:
    """QA: a disabled owner's session still open at another PC reset the other owner's
    password, added an owner and enabled itself again."""
    partner = auth.add_operator(shop, "Partner", "owner", "partner-pass-1")
    with open_shop(shop_dir, "Partner", "partner-pass-1") as left_open:
        database_proxy.initialize(shop.db)  # the models follow the shop acting
        auth.set_active(shop, partner.id, False)
        database_proxy.initialize(left_open.db)
        for change in (lambda: auth.reset_password(left_open, shop.operator.id, "hijacked-1"),
                       lambda: auth.add_operator(left_open, "Evil", "owner", "evil-pass-1"),
                       lambda: auth.set_active(left_open, partner.id, True, "back-again-1"),
                       # and what writes only evidence: lifting a hold, a backup (QA)
                       lambda: audit.acknowledge(left_open, "mine now", []),
                       lambda: backup.write_backup(left_open, shop_dir.parent / "b.vsbackup")):
            with pytest.raises(OperatorDisabled):
                change()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD):  # the owner's password still opens it
        assert not Operator.get_by_id(partner.id).active
        assert not Operator.select().where(Operator.name == "Evil").exists()
