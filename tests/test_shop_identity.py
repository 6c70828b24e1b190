"""The shop's name and currency, which every screen reads on the GUI thread: read once at open
and kept on the shop (no query when read), right at once after a change made here, never
changed by a change rolled back, and taken in from another counter by the worker's re-reads.

Real shops, on the file and on the test's PostgreSQL server; statements are counted from
peewee's own log of each one it runs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.engine import ShopLocation
from desktop_app.core.shop_settings import get_shop_settings, update_shop_settings
from desktop_app.core.store import Shop
from tests.conftest import OWNER, OWNER_PASSWORD

SHOP_ENGINES = ("file", "server")
ROOT = Path(__file__).resolve().parent.parent
NAME, CURRENCY = "Test Shop 测试店", "CNY"


class Boom(Exception):
    pass


def queries(caplog: pytest.LogCaptureFixture) -> int:
    """How many statements ran since ``caplog`` was cleared, as peewee logs each one."""
    return sum(record.name == "peewee" for record in caplog.records)


def test_opened_the_name_and_currency_are_read_with_no_query(
        shop: Shop, caplog: pytest.LogCaptureFixture) -> None:
    again = shop.open_again(OWNER, OWNER_PASSWORD)  # a login, as at the counter
    try:
        caplog.set_level(logging.DEBUG, logger="peewee")
        caplog.clear()
        assert (again.name, again.currency) == (NAME, CURRENCY)
        assert (again.name, again.currency) == (NAME, CURRENCY)
        # The secrets a refund's scan box and the settings' scanner test read, likewise
        assert again.voucher_key == shop.voucher_key and again.card_key_salt
        assert queries(caplog) == 0
        again.setting("voucher_note")  # what a query looks like to this count
        assert queries(caplog) == 1
    finally:
        again.close()


def test_a_change_made_here_is_kept_at_once(
        shop: Shop, caplog: pytest.LogCaptureFixture) -> None:
    update_shop_settings(shop, dataclasses.replace(
        get_shop_settings(shop), shop_name="街角洗车", currency="usd"))
    caplog.set_level(logging.DEBUG, logger="peewee")
    caplog.clear()
    assert (shop.name, shop.currency) == ("街角洗车", "USD")
    assert queries(caplog) == 0
    shop.set_setting("shop_name", "Corner Wash")  # the plain setting writes it too
    assert shop.name == "Corner Wash"


def test_a_change_rolled_back_leaves_the_old_name_and_currency(shop: Shop) -> None:
    before = get_shop_settings(shop)
    with pytest.raises(Boom), shop.write():
        update_shop_settings(shop, dataclasses.replace(before, shop_name="Gone",
                                                       currency="USD"))
        assert (shop.name, shop.currency) == (NAME, CURRENCY)  # not before the commit
        assert get_shop_settings(shop).shop_name == "Gone"  # this transaction's own view
        raise Boom
    assert (shop.name, shop.currency) == (NAME, CURRENCY)
    assert get_shop_settings(shop) == before
    # A savepoint rolled back inside a write that commits: only what committed is kept.
    with shop.write():
        with contextlib.suppress(Boom), shop.write():
            shop.set_setting("shop_name", "Gone")
            shop.set_setting("currency", "USD")
            raise Boom
        shop.set_setting("currency", "EUR")
    assert (shop.name, shop.currency) == (NAME, "EUR")
    assert (get_shop_settings(shop).shop_name, get_shop_settings(shop).currency) == (NAME,
                                                                                      "EUR")


OTHER_COUNTER = """
import sys
from dataclasses import replace
from pathlib import Path
from desktop_app.core.pg import open_server_shop
from desktop_app.core.shop_settings import get_shop_settings, update_shop_settings
shop = open_server_shop(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])
update_shop_settings(shop, replace(get_shop_settings(shop), shop_name="Renamed", currency="USD"))
shop.close()
"""


def change_on_another_counter(url: str, pc: Path) -> None:
    """Another PC's app renames the shop and changes its currency, in a process of its own."""
    done = subprocess.run([sys.executable, "-c", OTHER_COUNTER, str(pc), url, OWNER,
                           OWNER_PASSWORD], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_another_counters_change_is_taken_in_by_the_next_re_read(
        pg_url: str, tmp_path: Path) -> None:
    with ShopLocation(tmp_path / "pc1", pg_url).create(NAME, CURRENCY, OWNER,
                                                      OWNER_PASSWORD) as shop:
        change_on_another_counter(pg_url, tmp_path / "pc2")
        assert (shop.name, shop.currency) == (NAME, CURRENCY)  # kept: not read by itself
        settings = get_shop_settings(shop)  # the settings screen's or customer display's
        assert (settings.shop_name, settings.currency) == ("Renamed", "USD")
        assert (shop.name, shop.currency) == ("Renamed", "USD")
