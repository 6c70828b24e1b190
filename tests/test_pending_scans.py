"""The note of a redemption whose answer was lost, kept in this PC's folder between runs
(core/pending_scans.py): no voucher code readable in it, forgotten once the server has said,
and never an error of its own on top of the "not certain" it goes with."""

from __future__ import annotations

from counter_driver import sell

from desktop_app.core import pending_scans, redemption
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file",)  # the note is this PC's; the server's side is in test_pg_lost_commit


def test_the_note_names_no_code_and_goes_once_the_server_has_said(shop: Shop) -> None:
    voucher = sell(shop, uses=2)
    verdict = redemption.redeem(shop, voucher.payload, "Till")  # an attempt the server has
    pending_scans.remember(shop, voucher.payload, "Till", 10_000)  # one it never had
    note = (shop.data_dir / pending_scans.PENDING_FILE).read_text()
    assert voucher.code.replace("-", "") not in note.replace("-", "")
    assert voucher.payload not in note
    assert pending_scans.settle_earlier(shop, voucher.payload, "Other till") is None  # not here
    assert pending_scans.settle_earlier(shop, voucher.code, "Till") is None  # never saved
    assert not (shop.data_dir / pending_scans.PENDING_FILE).exists()
    pending_scans.remember(shop, voucher.code, "Till", int(verdict.attempt_id or 0))
    earlier = pending_scans.settle_earlier(shop, voucher.payload, "Till")  # QR or code alike
    assert earlier is not None and earlier.attempt_id == verdict.attempt_id
    assert pending_scans.settle_earlier(shop, voucher.payload, "Till") is None  # said once


def test_a_note_that_cannot_be_written_is_no_error(shop: Shop) -> None:
    voucher = sell(shop)
    (shop.data_dir / pending_scans.PENDING_FILE).mkdir()  # in the way: no file can go there
    pending_scans.remember(shop, voucher.payload, "Till", 1)
    pending_scans.forget(shop, 1)
