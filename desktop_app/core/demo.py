"""A demo shop with sample products, paid orders and vouchers, made on first use."""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path

from desktop_app.core import (
    auth,
    cardkeys,
    fulfilment,
    giftcards,
    orders,
    products,
    redemption,
)
from desktop_app.core.errors import ShopError
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.keyslots import KeySlotFile, normalize_operator
from desktop_app.core.models import Voucher
from desktop_app.core.paths import KEYSLOTS_FILE
from desktop_app.core.store import create_shop, shop_exists

# Shown on the demo's login dialog: a demo shop holds nothing worth protecting.
DEMO_OPERATORS: list[tuple[str, str, str]] = [
    ("owner", "demo-owner-2026", "owner"),
    ("clerk", "demo-clerk-2026", "clerk"),
]
DEMO_SHOP_NAME = "Demo Shop 演示小店"
DEMO_CARD_PHONE, DEMO_CARD_PIN = "139 0000 1234", "2468"  # its gift card, by phone
DEMO_README = "README-demo.txt"
# Each demo operator's key slot salt as the demo was made: a new salt is a new password.
DEMO_SLOTS = "demo-slots.json"


def _write_readme(data_dir: Path, recovery_key: str) -> None:
    """A demo holds nothing worth protecting, so its recovery key is kept beside it: try
    ``recover owner`` with it. A real shop's key is shown once and stored nowhere."""
    lines = ["Voucher Shop demo shop", "",
             *(f"operator {name} / password {password} ({role})"
               for name, password, role in DEMO_OPERATORS),
             f"gift card by phone: {DEMO_CARD_PHONE}, PIN {DEMO_CARD_PIN}",
             f"recovery key: {recovery_key}", ""]
    atomic_write_bytes(Path(data_dir) / DEMO_README, "\n".join(lines).encode("utf-8"))


def _slot_salts(data_dir: Path) -> dict[str, str]:
    slots = KeySlotFile.load(Path(data_dir) / KEYSLOTS_FILE).slots
    return {name: base64.b64encode(slot.salt).decode("ascii") for name, slot in slots.items()}


def demo_operators(data_dir: Path) -> list[tuple[str, str, str]]:
    """``DEMO_OPERATORS`` as this demo shop has them now: a password changed since the demo
    was made (a recovery, a change of password) is "", so the login's table never offers one
    that fails (QA s41a F7). A demo made before the record was kept lists them as made."""
    try:
        made = json.loads((Path(data_dir) / DEMO_SLOTS).read_text(encoding="utf-8"))
        now = _slot_salts(data_dir)
    except (OSError, ValueError, ShopError):
        return list(DEMO_OPERATORS)
    return [(name, password if made.get(slot) == now.get(slot) else "", role)
            for name, password, role in DEMO_OPERATORS
            for slot in [normalize_operator(name)]]


def _demo_card_keys(count: int) -> str:
    return "\n".join(
        "-".join(secrets.token_hex(2).upper() for _ in range(4)) for _ in range(count))


def ensure_demo_shop(data_dir: Path) -> bool:
    """Create the demo shop in ``data_dir`` unless it exists; True when it was created."""
    if shop_exists(data_dir):
        return False
    owner_name, owner_password, _ = DEMO_OPERATORS[0]
    with create_shop(data_dir, DEMO_SHOP_NAME, "CNY", owner_name, owner_password) as shop:
        _write_readme(shop.data_dir, shop.recovery_key or "")
        for name, password, role in DEMO_OPERATORS[1:]:
            auth.add_operator(shop, name, role, password)
        wash = products.add_product(shop, "Car wash ×5 洗车五次卡", "199.00", "service",
                                     uses=5, valid_days=365)
        coffee = products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1,
                                       valid_days=30)
        yoga = products.add_product(shop, "Yoga class ×10 瑜伽十次课", "680.00", "service",
                                     uses=10, valid_days=180, stock=50)
        steam = products.add_product(shop, "Game card ¥100 游戏充值卡", "100.00", "cardkey")
        cardkeys.import_card_keys(shop, steam.id, _demo_card_keys(12))
        products.add_product(shop, "Gift box 礼盒", "88.00", "goods", stock=20)
        card = products.add_product(shop, "Gift card ¥200 储值卡", "200.00", "giftcard")
        first = orders.create_order(shop, [(wash.id, 1), (coffee.id, 2)], "王女士", "138 0000 0000")
        fulfilment.pay_order(shop, first.id, "wechat", station="Counter 1")
        second = orders.create_order(shop, [(yoga.id, 1), (steam.id, 1)], "Mr. Smith")
        issued = fulfilment.pay_order(shop, second.id, "card", station="Counter 1")
        redemption.redeem(shop, issued[0].payload, "Counter 1")
        third = orders.create_order(shop, [(coffee.id, 1)], "李先生")
        fulfilment.pay_order(shop, third.id, "alipay", station="Counter 1")
        orders.create_order(shop, [(wash.id, 1)], "陈小姐", note="pays on pickup 取货时付款")
        fourth = orders.create_order(shop, [(card.id, 1)], "赵先生", DEMO_CARD_PHONE)
        gift = fulfilment.pay_order(shop, fourth.id, "cash", station="Counter 1")[0]
        giftcards.set_pin(shop, Voucher.get_by_id(gift.id), DEMO_CARD_PIN)
        redemption.redeem(shop, gift.payload, "Counter 1", amount_cents=3550)
    salts = json.dumps(_slot_salts(data_dir), indent=1).encode("utf-8")
    atomic_write_bytes(Path(data_dir) / DEMO_SLOTS, salts)
    return True
