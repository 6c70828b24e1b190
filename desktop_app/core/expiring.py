"""Vouchers and gift cards about to expire with something left on them: whom to remind.

The owner's list of paid, valid vouchers with uses (or a gift card with money) left whose
validity ends within N days, soonest first, with the order's customer and contact, and its
CSV export (the phone in full: the list and its export are owners' only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import vouchers
from desktop_app.core.dates import local_seconds, utc_now
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import Order, Product, Voucher
from desktop_app.core.redemption import mask_phone
from desktop_app.core.reports import csv_bytes, spreadsheet_safe, write_export
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

DEFAULT_DAYS = 7
MAX_DAYS = 366
CSV_COLUMNS = ("customer", "phone", "product", "code", "uses_left", "balance", "valid_until",
               "message")


@dataclass(frozen=True)
class ExpiringVoucher:
    voucher_id: int
    code: str  # the printed form
    product: str
    kind: str
    customer: str
    phone: str  # in full: shown masked (``masked_phone``), exported whole
    uses_left: int
    balance_cents: int | None  # gift cards: money left; None for the others
    valid_until: dt.datetime  # UTC

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


def reachable(customer: str, phone: str) -> bool:
    """A customer one can remind: a name or a phone (a promotion's batch has neither)."""
    return bool(customer.strip() or phone.strip())


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def expiring_soon(shop: Shop, within_days: int = DEFAULT_DAYS,
                  now: dt.datetime | None = None) -> list[ExpiringVoucher]:
    """Paid, valid vouchers with something left that expire within ``within_days`` days."""
    require_owner(shop, "report_liability")
    if not 1 <= within_days <= MAX_DAYS:
        raise InvalidInput(field="valid_days", problem="out_of_range", low=1, high=MAX_DAYS)
    now = now or utc_now()
    something_left = ((Voucher.balance_cents.is_null() & (Voucher.uses_left > 0))
                      | (Voucher.balance_cents > 0))
    query = (Voucher.select(Voucher, Order, Product)
             .join(Order, on=(Voucher.order == Order.id))
             .switch(Voucher).join(Product, on=(Voucher.product == Product.id))
             .where((Voucher.state == "valid") & (Order.status == "paid") & something_left
                    & (Product.kind != "cardkey")  # handed over with the sale: nothing to use
                    & (Voucher.valid_until > now)
                    & (Voucher.valid_until <= now + dt.timedelta(days=within_days)))
             .order_by(Voucher.valid_until, Voucher.id))
    return [ExpiringVoucher(v.id, vouchers.typed_code(v.code), v.product.name, v.product.kind,
                            v.order.customer_name, v.order.customer_phone, v.uses_left,
                            v.balance_cents, _utc(v.valid_until)) for v in query]


def export_expiring_csv(shop: Shop, path: Path, rows: list[ExpiringVoucher],
                        messages: list[str], within_days: int) -> int:
    """The list as CSV (UTF-8 with a BOM) with each row's message, written atomically and
    audited like every export; the phone in full, for the owner to send the reminders. The
    end is the local moment, to the second (QA s20b F1: a date alone, the day it was refused
    on)."""
    require_owner(shop, "report_liability")
    if len(messages) != len(rows):
        raise ValueError("one message per row")
    table: list[list[object]] = [
        [spreadsheet_safe(r.customer), spreadsheet_safe(r.phone), spreadsheet_safe(r.product),
         r.code, r.uses_left if r.balance_cents is None else "",
         "" if r.balance_cents is None else f"{r.balance_cents / 100:.2f}",
         local_seconds(r.valid_until), spreadsheet_safe(message)]
        for r, message in zip(rows, messages, strict=True)]
    write_export(shop, Path(path), csv_bytes(CSV_COLUMNS, table), "expiring", rows=len(rows),
                 count=within_days)
    return len(rows)
