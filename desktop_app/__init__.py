"""Voucher Shop: a desktop app for small shops that sell vouchers, gift cards and card keys."""

__version__ = "0.1.0"
APP_NAME = "Voucher Shop"
APP_ID = "VoucherShop"
