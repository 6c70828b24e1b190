"""What the voucher panel reads for the screen and for paper, and where paper goes: the
worker thread's reads, a chosen file name's suffix, this computer's receipt printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from desktop_app.core import sending, vouchers
from desktop_app.core.errors import NotFound
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView, voucher_views
from desktop_app.ui import settings


def load_voucher(shop: Shop, voucher_id: int) -> tuple[VoucherView, list[list[bool]]]:
    """One voucher's view and QR modules; runs on the worker thread. Nothing is audited: the
    card key is shown masked until Show key (``VoucherCard``)."""
    views = voucher_views(shop, [voucher_id])
    if not views:
        raise NotFound(what="voucher", id=voucher_id)
    return views[0], vouchers.qr_matrix(views[0].payload)


def audited_views(shop: Shop, voucher_ids: list[int], channel: str) -> list[VoucherView]:
    """The views to put on paper, each card key among them audited as sent through
    ``channel`` (pdf or print) first; runs on the worker thread."""
    views = voucher_views(shop, voucher_ids)
    if any(view.card_key for view in views):
        sending.record_card_keys_written(shop, voucher_ids, channel)
    return views


def with_suffix(path: str, suffix: str) -> Path:
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


def receipt_printer() -> QPrinter:
    """The printer this computer chose in Settings (the system's default when none is set)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = settings.RECEIPT_PRINTER.text()
    if name:
        printer.setPrinterName(name)
    return printer
