"""A clerk's attempts at an owner's actions are audit events (QA s21a F6): the refusal was only
a line in the log file, which the clerk may edit or delete. Now each refused action the
command line or the app reaches is recorded as ``owner_action_refused`` with the action's
name, on both engines; verify does not take it for an owner's work done by a clerk, and a
shop under integrity hold still records it (it is evidence, not a change)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import (
    audit,
    auth,
    backup,
    integrity,
    order_list,
    orders,
    products,
    reports,
    roles,
)
from desktop_app.core.errors import Forbidden
from desktop_app.core.models import AuditEvent
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def refused_events() -> list[tuple[str, str]]:
    return [(e.subject, e.operator.name) for e in AuditEvent.select().where(
        AuditEvent.kind == roles.REFUSED_KIND).order_by(AuditEvent.id)]


def owner_actions(tmp_path: Path) -> dict[str, Callable[[Shop], object]]:
    """What a clerk tried from the command line (QA s21a clerk_cli.sh), as core calls."""
    return {
        "order_list": lambda s: order_list.order_page(s, OrderQuery()),
        "product_add": lambda s: products.add_product(s, "Sneaky", "1"),
        "operator_add": lambda s: auth.add_operator(s, "mate", "owner", "a long password 1"),
        "order_create": lambda s: orders.create_order(s, []),
        "export": lambda s: reports.export_redemptions(s, tmp_path / "r.csv"),
        "backup": lambda s: backup.write_backup(s, tmp_path / "b.vsb"),
    }


def test_each_refusal_is_in_the_audit_log_and_verify_holds(shop: Shop, tmp_path: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    actions = owner_actions(tmp_path)
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        said = []
        for action in actions.values():
            with pytest.raises(Forbidden) as refused:
                action(clerk)
            said.append(refused.value.params["action"])
        assert refused_events() == [(name, CLERK) for name in said]
        assert "operator_add" in said and "backup" in said
    with shop.open_again(OWNER, OWNER_PASSWORD) as owner:
        assert audit.verify_shop(owner) == []


def test_a_held_shop_records_the_refusal_too(shop: Shop) -> None:
    """Under integrity hold the shop takes no change, but evidence still: the refusal is kept."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    integrity.hold(shop, ["giftcards: voucher 9 balance_mismatch"])
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        assert clerk.integrity_problems
        with pytest.raises(Forbidden):
            products.add_product(clerk, "Sneaky", "1")
        assert refused_events() == [("product_add", CLERK)]
