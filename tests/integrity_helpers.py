"""Shared by the integrity tests: selling vouchers, reopening with the command line's test
credentials, and asserting a shop is held."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from integrity_worker import OWNER, OWNER_PASSWORD

from desktop_app.core import audit, fulfilment, orders, products, redemption
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.store import Shop, database_path, open_shop


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


def older_copy(owner_shop: Shop, shop_dir: Path, tmp_path: Path, count: int
               ) -> tuple[list[str], Path]:
    """``count`` vouchers sold, then the shop closed and copied aside: the copy an older
    one put back later lacks what the open shop does after it."""
    payloads = [v.payload for v in sell(owner_shop, count)]
    owner_shop.close()
    old = tmp_path / "old-copy"
    shutil.copytree(shop_dir, old)
    return payloads, old


def put_back_by_rename(old: Path, shop_dir: Path) -> None:
    """A sync tool's way: the older copy's database renamed over the open one."""
    shutil.copy2(database_path(old), shop_dir / "shop.db.sync-tmp")
    os.replace(shop_dir / "shop.db.sync-tmp", database_path(shop_dir))
