"""What a scan that is no voucher most likely is, from its shape alone: the customer's
payment code (WeChat Pay, Alipay), which the same scanner reads all day in a Chinese shop, or
a product's barcode. The counter says so, rather than "scan again" (QA s39a F21: the cashier
scanned the payment code again)."""

from __future__ import annotations

import unicodedata

PAYMENT_CODE, PRODUCT_BARCODE = "payment_code", "product_barcode"

# WeChat Pay's payment code: 18 digits from 10 to 15; Alipay's: 16 to 24 digits from 25 to 30
# (as their merchant documents describe the codes a till scans).
_WECHAT = (18, 18, range(10, 16))
_ALIPAY = (16, 24, range(25, 31))


def foreign_code(text: str) -> str | None:
    """``PAYMENT_CODE``, ``PRODUCT_BARCODE`` or None (anything else, a voucher's misread)."""
    digits = unicodedata.normalize("NFKC", text).strip()
    if not digits.isascii() or not digits.isdigit():
        return None
    for shortest, longest, prefixes in (_WECHAT, _ALIPAY):
        if shortest <= len(digits) <= longest and int(digits[:2]) in prefixes:
            return PAYMENT_CODE
    if len(digits) in (8, 12, 13) and _gs1_check_holds(digits):
        return PRODUCT_BARCODE  # EAN-8, UPC-A, EAN-13
    return None


def _gs1_check_holds(digits: str) -> bool:
    """The GS1 check digit: from the right, the digits before it weigh 3, 1, 3, …"""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check
