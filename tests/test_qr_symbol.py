"""The direct version 3-M encoder of payloads against qrcode, the general encoder it replaces."""

from __future__ import annotations

import random
import secrets

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_M

from desktop_app.core import vouchers
from desktop_app.core.qr_symbol import ALPHANUMERIC, CAPACITY, MASK, VERSION, fits, qr_symbol


def reference(text: str) -> list[list[bool]]:
    qr = qrcode.QRCode(version=VERSION, error_correction=ERROR_CORRECT_M, border=0,
                       mask_pattern=MASK)
    qr.add_data(text)
    qr.make(fit=False)
    return [list(row) for row in qr.get_matrix()]


def test_payload_symbols_are_qrcodes_module_for_module() -> None:
    for _ in range(300):
        payload = vouchers.payload(secrets.token_hex(8), secrets.token_hex(32),
                                   vouchers.new_code())
        assert vouchers.qr_matrix(payload) == qr_symbol(payload) == reference(payload)


@pytest.mark.parametrize("length", [1, 2, 3, 20, 38, 39, 40, 60, CAPACITY])
def test_any_alphanumeric_text_that_fits_matches_qrcode(length: int) -> None:
    rng = random.Random(length)
    for _ in range(20):
        # A letter first: qrcode would pick numeric mode for digits alone.
        text = "V" + "".join(rng.choice(ALPHANUMERIC) for _ in range(length - 1))
        assert fits(text)
        assert qr_symbol(text) == reference(text)


def test_text_it_cannot_encode_is_refused() -> None:
    for text in ("V" * (CAPACITY + 1), "lower case", "中文"):
        assert not fits(text)
        with pytest.raises(ValueError):
            qr_symbol(text)
    assert len(vouchers.qr_matrix("lower case")) == 21  # qrcode still draws anything else
