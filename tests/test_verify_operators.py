"""Verify names owner-only work recorded by an operator who was no owner then (QA s21a F2):
every operator's password opens the database key, so a clerk with the app's own modules set
their role to owner in memory and added an owner, and verify said nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD

from desktop_app.core import audit, auth, dialect, products
from desktop_app.core.models import Operator
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages.verify_texts import verify_problem_text

SHOP_ENGINES = ("file", "server")
CLERK, CLERK_PASSWORD = "小李", "Clerk-Xiaoli-1"


def act_as(shop: Shop, operator_id: int, role: str | None = None) -> None:
    """What logging in as that operator gives (the shop's operator row); ``role``: what a
    clerk's own Python put in its place in memory."""
    shop.operator = Operator.get_by_id(operator_id)
    if role is not None:
        shop.operator.role = role


def test_owners_adding_owners_and_clerks_leave_verify_quiet(shop: Shop) -> None:
    second = auth.add_operator(shop, "老板娘", "owner", "Second-Owner-1")
    act_as(shop, second.id)  # an owner the first owner added does an owner's work
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    products.add_product(shop, "Pass", "10")
    assert audit.verify_shop(shop) == []
    assert shop.integrity_problems == []


def test_an_owner_a_clerk_made_in_memory_is_named_and_holds(shop: Shop) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    act_as(shop, clerk.id, role="owner")
    made = auth.add_operator(shop, "阿强", "owner", "Evil-Owner-2026!")
    first = audit.list_events(shop, kind="operator_add")[0].id
    act_as(shop, made.id)  # the new owner's own work: the log never made them an owner
    product = products.add_product(shop, "Pass", "10")
    second = audit.list_events(shop, kind="product_add")[0].id
    found = [f"operators: event {first} operator_add not_owner",
             f"operators: event {second} product_add not_owner"]
    assert audit.verify_shop(shop) == found
    assert shop.integrity_problems == found  # held, as the other data problems hold
    assert product.id


def test_the_qa_script_through_a_real_clerk_login_is_named(shop: Shop, shop_dir: Path) -> None:
    if dialect.is_server(shop.db):
        pytest.skip("the file's own login; on the server, the test above")
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerk:
        clerk.operator.role = "owner"
        auth.add_operator(clerk, "阿强", "owner", "Evil-Owner-2026!")
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as owner:
        added = audit.list_events(owner, kind="operator_add")[0].id  # newest first
        assert audit.verify_shop(owner) == [f"operators: event {added} operator_add not_owner"]


def test_the_problem_reads_as_words_naming_the_event() -> None:
    said = verify_problem_text("operators: event 12 operator_add not_owner")
    assert "#12" in said and "owner" in said and "_" not in said


def test_a_card_out_of_step_reads_as_words_too() -> None:
    said = verify_problem_text("giftcards: voucher 5 balance_mismatch")
    assert "#5" in said and "balance" in said and "_" not in said
