"""What the counter was given (a QR payload, a typed code, a garbage scan) is sealed in its
column on a server, like the other secrets: a payload holds its voucher's code, so the server's
administrator or a pg_dump could redeem live vouchers and spend gift cards with it (QA s16a F1).
The shop still shows the text as scanned, on both engines: the counter's recent list, the
redemptions report's drill-down and ``export redemptions``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import OWNER, OWNER_PASSWORD
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import (
    counter,
    dialect,
    fulfilment,
    migrations,
    orders,
    products,
    redemption,
    reports,
)
from desktop_app.core.counter_find import masked_code
from desktop_app.core.engine import ShopLocation
from desktop_app.core.models import RedemptionAttempt, SchemaVersion
from desktop_app.core.report_redemptions import redemption_details
from desktop_app.core.store import Shop, open_shop

SHOP_ENGINES = ("file", "server")

GARBAGE = "NOT-A-VOUCHER-7731-SCANNED"
SEAL_STEP_FROM = 15  # migrations.seal_scanned_text brings a shop from 15 to 16


def pg_dump(pg_server: Any, url: str) -> str:
    """Everything the server's administrator reads of the shop's database."""
    return str(subprocess.run(
        [str(pg_server.bin_dir / "pg_dump"), "-h", "127.0.0.1", "-p", str(pg_server.port),
         "-U", "postgres", url.rsplit("/", 1)[1]], capture_output=True, text=True,
        env=pg_server.env(), check=True).stdout)


def mistyped(code: str) -> str:
    """``code`` with its first symbol changed: one typo away from a live voucher."""
    return ("B" if code[0] == "A" else "A") + code[1:]


def a_day_at_the_counter(shop: Shop) -> tuple[dict[str, str], list[str]]:
    """A pass redeemed by its QR and then undone, one by its typed code, a typo of a live
    code and a garbage scan refused, a gift card spent by its QR. The texts given, by what
    they were; and every secret a pg_dump must not show (each code's 16 symbols too)."""
    wash = products.add_product(shop, "Wash x5", "50", "service", uses=5)
    card = products.add_product(shop, "Gift 100", "100", "giftcard")
    qr, typed, gift = (fulfilment.pay_order(shop, orders.create_order(shop, [(p, 1)]).id)[0]
                       for p in (wash.id, wash.id, card.id))
    texts = {"qr": qr.payload, "typed": typed.code, "typo": mistyped(qr.code),
             "garbage": GARBAGE, "gift": gift.payload}
    by_qr = redemption.redeem(shop, texts["qr"], "Front")
    assert by_qr.ok and redemption.redeem(shop, texts["typed"], "Front").ok
    assert redemption.redeem(shop, texts["typo"], "Front").reason == "mistyped"
    assert redemption.redeem(shop, GARBAGE, "Front").reason == "malformed"
    assert redemption.redeem(shop, texts["gift"], "Front", amount_cents=1250).ok
    assert by_qr.attempt_id is not None
    redemption.undo_redemption(shop, by_qr.attempt_id, "wrong car", "Front")
    codes = [qr.code, typed.code, gift.code]
    symbols = [code.replace("-", "")[:16] for code in codes]
    return texts, [*texts.values(), *codes, *symbols]


def test_the_scanned_text_is_shown_as_scanned_and_sealed_on_the_server(
        shop: Shop, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    texts, secrets = a_day_at_the_counter(shop)
    shown = {"", *texts.values()}  # an undo was given no text
    recent = counter.recent_attempts(shop, "Front")
    assert {GARBAGE, texts["typo"]} <= {row.code for row in recent}  # named no voucher
    today = dt.date.today()
    details = redemption_details(shop, "day", today)
    assert sorted(row.scanned for row in details) == sorted(shown)
    out = tmp_path / "redemptions.csv"
    assert reports.export_redemptions(shop, out, today, today) == len(shown)
    exported = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    # What named a voucher is masked there (QA s21a F7), and a typo of one (QA s39a F12);
    # what names none is as scanned.
    named = {"qr", "typed", "gift", "typo"}
    assert sorted(row["scanned"] for row in exported) == sorted(
        {"", *(masked_code(text) if what in named else text for what, text in texts.items())})
    if not dialect.is_server(shop.db):
        return  # the file: SQLCipher encrypts it whole (tests/test_store.py)
    dump = pg_dump(request.getfixturevalue("pg_server"), shop.url)  # type: ignore[attr-defined]
    assert "redemption_attempt" in dump and "wrong car" in dump  # the dump holds the rows
    for secret in secrets:
        assert secret not in dump, secret


def test_a_scan_that_looks_sealed_is_read_as_scanned(shop: Shop) -> None:
    """On the file nothing is sealed, so "g1:…" scanned is only text; on the server it is
    sealed like any other and opens again."""
    looks_sealed = "g1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
    assert redemption.redeem(shop, looks_sealed, "Front").reason == "malformed"
    assert counter.recent_attempts(shop, "Front")[0].code == looks_sealed


def scanned_shape(shop: Shop) -> tuple[str, bool, list[str]]:
    """The column's type, whether every stored value is sealed, and the texts the shop reads."""
    types = {c.name: c.data_type for c in shop.db.get_columns("redemption_attempt")}
    stored = [row[0] for row in shop.db.execute_sql(
        "SELECT scanned_text FROM redemption_attempt ORDER BY id").fetchall()]
    opened = [row.scanned_text for row in RedemptionAttempt.select().order_by(
        RedemptionAttempt.id)]
    return types["scanned_text"], all(value.startswith("g1:") for value in stored), opened


def back_to_clear_scans(shop: Shop) -> None:
    """The shape a server shop had before the step: the texts in the clear, VARCHAR(128)."""
    for attempt in RedemptionAttempt.select():
        shop.db.execute_sql("UPDATE redemption_attempt SET scanned_text = %s WHERE id = %s",
                            (attempt.scanned_text, attempt.id))
    shop.db.execute_sql(
        "ALTER TABLE redemption_attempt ALTER COLUMN scanned_text TYPE VARCHAR(128)")
    SchemaVersion.delete().where(SchemaVersion.version > SEAL_STEP_FROM).execute()
    SchemaVersion.create(version=SEAL_STEP_FROM)


def attempt_indexes(shop: Shop) -> list[tuple[str, str]]:
    return sorted(shop.db.execute_sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'redemption_attempt'"
    ).fetchall())


def test_the_step_seals_an_older_server_shops_clear_scans(
        pg_server: object, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "SEAL_BATCH", 2)  # several batches of this day's scans
    location = ShopLocation(tmp_path / "pc", pg_url)
    with location.create("Older", "CNY", OWNER, OWNER_PASSWORD) as shop:
        texts, secrets = a_day_at_the_counter(shop)
        indexes = attempt_indexes(shop)
        assert_step_restores_the_shape(shop, back_to_clear_scans, SEAL_STEP_FROM,
                                       scanned_shape)
        back_to_clear_scans(shop)
        assert texts["qr"] in pg_dump(pg_server, pg_url)  # the old shape, as QA found it
    with location.open(OWNER, OWNER_PASSWORD) as shop:  # the counter's next login upgrades
        assert scanned_shape(shop)[:2] == ("text", True)
        assert attempt_indexes(shop) == indexes  # dropped for the rewrite, built again alike
        details = redemption_details(shop, "day", dt.date.today())
        assert set(texts.values()) <= {row.scanned for row in details}
    dump = pg_dump(pg_server, pg_url)
    for secret in secrets:
        assert secret not in dump, secret


def test_a_file_shop_moved_to_the_server_arrives_sealed(
        pg_server: object, pg_url: str, new_shop_files: tuple[Path, str | None],
        tmp_path: Path) -> None:
    """``migrate-to`` copies the file's clear texts; they go in sealed, and read back."""
    from desktop_app.core.migrate_to import migrate_to_server

    shutil.copytree(new_shop_files[0], tmp_path / "shop")
    with open_shop(tmp_path / "shop", OWNER, OWNER_PASSWORD) as shop:
        texts, secrets = a_day_at_the_counter(shop)
        migrate_to_server(shop, pg_url)
    dump = pg_dump(pg_server, pg_url)
    for secret in secrets:
        assert secret not in dump, secret
    with ShopLocation(tmp_path / "pc", pg_url).open(OWNER, OWNER_PASSWORD) as moved:
        details = redemption_details(moved, "day", dt.date.today())
        assert set(texts.values()) <= {row.scanned for row in details}
