"""How tests/data/backup_v5 was made: by build 6fd055c (schema 5), which recorded a backup's
own audit event after copying, as every build before 250b66b did. Kept for the record; do not
re-run.

Run from a worktree of 6fd055c (``git worktree add --detach OLD 6fd055c``), with that build's
modules first on the path and an empty witness folder:

    cd OLD && SHOP_WITNESS_DIR=$(mktemp -d) python .../make_backup_v5.py SHOP FOLDER

It creates a shop (operator "owner", password "fixture-owner-5"), sells a pass of 5 uses and
redeems one (its QR payload into backup_v5.payload.txt, in FOLDER's parent), points the
automatic backups at FOLDER and runs one: FOLDER then holds that backup and the witness that
build wrote beside it, one event (the backup's own) ahead of the copy. FOLDER was
/tmp/voucher-fixture-backup-v5, removed after (the copy names it as its backup folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the old build's modules, not this worktree's

from desktop_app.core import backup, fulfilment, orders, products, redemption
from desktop_app.core.store import create_shop


def main(shop_folder: Path, backups: Path) -> None:
    shop = create_shop(shop_folder, "Fixture Shop v5", "CNY", "owner", "fixture-owner-5")
    try:
        wash = products.add_product(shop, "Car wash x5", "99.00", "service", uses=5)
        order = orders.create_order(shop, [(wash.id, 1)], "Fixture customer")
        issued = fulfilment.pay_order(shop, order.id, "cash")
        redemption.redeem(shop, issued[0].payload, "fixture-station")
        (backups.parent / "backup_v5.payload.txt").write_text(issued[0].payload + "\n",
                                                               encoding="ascii")
        backups.mkdir(parents=True, exist_ok=True)
        backup.set_backup_settings(shop, str(backups), True)
        print(backup.run_auto_backup(shop))
    finally:
        shop.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
