"""How tests/data/shop_v1 was made (by schema version 1). Kept for the record; do not re-run.

The fixture must stay as the first release wrote it: every later release has to open it
through its migrations. Operator "owner", password "fixture-owner-1".
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.core import cardkeys, fulfilment, orders, products, redemption
from desktop_app.core.store import create_shop


def main(folder: Path) -> None:
    with create_shop(folder, "Fixture Shop v1", "CNY", "owner", "fixture-owner-1") as shop:
        wash = products.add_product(shop, "Car wash x5", "99.00", "service", uses=5)
        keys = products.add_product(shop, "Game key", "50.00", "cardkey")
        cardkeys.import_card_keys(shop, keys.id, "AAAA-1111\nBBBB-2222\n")
        order = orders.create_order(shop, [(wash.id, 1), (keys.id, 1)], "Fixture customer")
        issued = fulfilment.pay_order(shop, order.id, "cash")
        redemption.redeem(shop, issued[0].payload, "fixture-station")
        payload_file = folder.parent / "shop_v1.payload.txt"
        payload_file.write_text(issued[0].payload + "\n", encoding="ascii")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
