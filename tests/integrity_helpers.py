"""Shared by the integrity tests: selling vouchers, reopening with the command line's test
credentials, and asserting a shop is held."""

from __future__ import annotations

from pathlib import Path

import pytest
from integrity_worker import OWNER, OWNER_PASSWORD

from desktop_app.core import audit, fulfilment, orders, products, redemption
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.store import Shop, open_shop


def sell(shop: Shop, count: int = 1, uses: int = 1) -> list[fulfilment.IssuedVoucher]:
    sold = len(products.list_products(shop, include_archived=True))
    product = products.add_product(shop, f"Pass {sold + 1}", "10.00", uses=uses)
    if count > 1:
        return fulfilment.issue_batch(shop, product.id, count)
    return fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)


def reopen(folder: Path) -> Shop:
    return open_shop(folder, OWNER, OWNER_PASSWORD)


def assert_held(folder: Path, problem: str, payload: str) -> None:
    with reopen(folder) as held:
        assert problem in held.integrity_problems
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(held, payload, "C1")
        assert refused.value.code == "integrity_hold"
        assert problem in refused.value.params["problems"]
        assert problem in audit.verify_shop(held)
