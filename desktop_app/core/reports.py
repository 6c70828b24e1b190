"""Reports for the owner: the redemption log, sales, vouchers not yet redeemed, CSV export.

Dates a person picks (``--from 2025-03-01``) are days in local time, both ends included; the
database keeps UTC, so each day is turned into its UTC interval before any query.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from peewee import JOIN, Expression, fn

from desktop_app.core import audit, vouchers
from desktop_app.core.counter_find import masked_code
from desktop_app.core.dates import day_range, local_seconds, utc_now
from desktop_app.core.fileio import Content, staged_write
from desktop_app.core.models import (
    GiftCardEntry,
    Operator,
    Order,
    OrderLine,
    Product,
    RedemptionAttempt,
    Voucher,
)
from desktop_app.core.money import money_text
from desktop_app.core.report_rows import utc, within
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.text import printable

# ``scanned`` last (QA s10b F8): what the attempt was given, so a forged, altered or unknown
# code can be traced; trailing, so scripts that read the columns before it keep working.
# ``amount`` and ``balance_after`` (a gift card's spend, QA s18a F5) after it, for the same reason.
REDEMPTION_COLUMNS = ("time_local", "time_utc", "operator", "station", "reason", "ok", "code",
                      "product", "uses_left_after", "note", "scanned", "amount", "balance_after")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# --- CSV -------------------------------------------------------------------------------------


def spreadsheet_safe(value: object) -> str:
    """Text a spreadsheet shows as text: a leading ' defuses a would-be formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_bytes(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    """UTF-8 with a BOM, so Excel opens Chinese text correctly; CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- redemption log --------------------------------------------------------------------------


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    at: dt.datetime  # UTC
    operator: str
    station: str
    reason: str
    ok: bool
    code: str  # the typed form; "" when the text named no voucher
    product: str
    uses_left_after: int | None  # None for a gift card's attempt: a card has a balance
    note: str
    scanned: str = ""  # the text as scanned or typed; "" for an undo
    # A gift card's spend (its undo: minus what it gave back) and the balance after, in cents;
    # None for anything else.
    amount_cents: int | None = None
    balance_after_cents: int | None = None


def redemption_log(shop: Shop, start: dt.date | None = None,
                   end: dt.date | None = None) -> list[RedemptionRow]:
    """Every redemption attempt (refused ones and undos too) in local days start..end, with
    the gift-card ledger row each spend or undo of a spend wrote (one join, by attempt)."""
    require_owner(shop, "report_redemptions")
    return [_redemption_row(row) for row in _log_query(*day_range(start, end)).dicts()]


def _log_query(low: dt.datetime | None, high: dt.datetime | None) -> Any:
    """The attempts of ``low <= created_at < high`` with their names and gift-card ledger
    rows, oldest first: the columns of ``_redemption_row`` and of ``_csv_cells``, in order."""
    a = RedemptionAttempt
    spend, given_back = GiftCardEntry.alias("spend"), GiftCardEntry.alias("given_back")
    return (a.select(a.id, a.created_at, Operator.name.alias("operator"), a.station, a.reason,
                     a.ok, Voucher.code, Product.name.alias("product"),
                     Product.kind.alias("kind"), a.uses_left_after, a.note, a.scanned_text,
                     fn.COALESCE(spend.amount_cents, given_back.amount_cents).alias("moved"),
                     fn.COALESCE(spend.balance_after_cents,
                                 given_back.balance_after_cents).alias("balance"))
            .join(Operator, on=a.operator == Operator.id)
            .switch(a).join(Voucher, JOIN.LEFT_OUTER, on=a.voucher == Voucher.id)
            .join(Product, JOIN.LEFT_OUTER, on=Voucher.product == Product.id)
            .switch(a).join(spend, JOIN.LEFT_OUTER, on=(
                (spend.attempt == a.id) & (spend.kind == "spend")))
            # an undo's ledger row names the attempt it undoes
            .switch(a).join(given_back, JOIN.LEFT_OUTER, on=(
                (given_back.attempt == a.undo_of) & (given_back.kind == "undo")))
            .where(within(a.created_at, low, high))
            .order_by(a.created_at, a.id))


def _redemption_row(row: dict[str, Any]) -> RedemptionRow:
    card = row["kind"] == "giftcard"
    moved = row["moved"]
    return RedemptionRow(
        id=row["id"], at=utc(row["created_at"]), operator=row["operator"],
        station=row["station"], reason=row["reason"], ok=bool(row["ok"]),
        code=_shown_code(row["code"]), product=row["product"] or "",
        uses_left_after=None if card else row["uses_left_after"], note=row["note"],
        scanned=_shown_scan(row["scanned_text"], bool(row["code"]), row["reason"]),
        amount_cents=None if moved is None else -int(moved),
        balance_after_cents=None if row["balance"] is None else int(row["balance"]))


def _shown_code(code: str) -> str:
    """A voucher's code as the log shows it: masked to its last characters, as a clerk's Find
    shows a gift card's (QA s21a F7: the export was a list of spendable codes on the owner's
    USB stick). Enough to tell vouchers apart and find one in the app; not to spend it."""
    return masked_code(vouchers.typed_code(code)) if code else ""


def _shown_scan(scanned: str, names_voucher: bool, reason: str) -> str:
    """What was scanned, masked when it named a voucher here (its payload or code spends it),
    when it reads as a voucher at all (an attempt refused before it was linked, a disabled
    cashier's: QA s39b F13) and when it is a mistyped code (one symbol from a real one); kept
    whole otherwise, so garbage or a foreign barcode can be traced (QA s10b F8)."""
    if names_voucher or reason == "mistyped" or vouchers.has_voucher_shape(scanned):
        return masked_code(scanned)
    return scanned


def _cents(cents: int | None) -> str:
    return "" if cents is None else money_text(cents)


def redemptions_csv(rows: list[RedemptionRow]) -> bytes:
    table: list[list[object]] = [
        [local_seconds(r.at), r.at.isoformat(),
         spreadsheet_safe(r.operator), spreadsheet_safe(r.station), r.reason,
         "true" if r.ok else "false", r.code, spreadsheet_safe(r.product),
         "" if r.uses_left_after is None else r.uses_left_after, spreadsheet_safe(r.note),
         spreadsheet_safe(printable(r.scanned)), _cents(r.amount_cents),
         _cents(r.balance_after_cents)]
        for r in rows]
    return csv_bytes(REDEMPTION_COLUMNS, table)


# An export reports how far it is every this many rows (the CLI says it every few seconds).
PROGRESS_EVERY = 10_000
# Rows fetched from the database at a time: the file is written as they come, never held.
FETCH = 2_000

Progress = Callable[[int, int], None]  # (rows written, rows in all)


def export_redemptions(shop: Shop, path: Path, start: dt.date | None = None,
                       end: dt.date | None = None, progress: Progress | None = None) -> int:
    """Write the redemption log of local days start..end to ``path`` as CSV; rows written.
    The same bytes as ``redemptions_csv(redemption_log(...))``, streamed: rows are read as
    tuples and written as they come (QA s20a F4: 750k attempts took 139 s in model rows,
    holding the whole file in memory)."""
    require_owner(shop, "report_redemptions")
    low, high = day_range(start, end)
    total = RedemptionAttempt.select().where(within(RedemptionAttempt.created_at, low, high))
    told = progress or (lambda done, total: None)
    written = 0

    def write(handle: BinaryIO) -> None:
        nonlocal written
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        text.write("\ufeff")  # the BOM, as csv_bytes writes it
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(REDEMPTION_COLUMNS)
        count = total.count()
        cells = _csv_cells(shop)
        told(0, count)
        cursor = shop.db.execute(_log_query(low, high))
        while rows := cursor.fetchmany(FETCH):
            writer.writerows(map(cells, rows))
            if (written + len(rows)) // PROGRESS_EVERY > written // PROGRESS_EVERY:
                told(written + len(rows), count)
            written += len(rows)
        told(written, max(count, written))
        text.flush()
        text.detach()  # staged_write syncs and closes the file itself

    write_export(shop, Path(path), write, "redemptions", rows=lambda: written,
                 start=start.isoformat() if start else None,
                 end=end.isoformat() if end else None)
    return written


def _csv_cells(shop: Shop) -> Callable[[tuple[Any, ...]], list[object]]:
    """What turns one raw row of ``_log_query`` into the cells ``redemptions_csv`` writes for
    its ``RedemptionRow``: the same text, without a model instance or a row object between."""
    sealed = getattr(shop.db, "column_cipher", None) is not None  # a server's shop
    open_code = Voucher.code.python_value if sealed else str
    open_scan = RedemptionAttempt.scanned_text.python_value if sealed else str
    times = _CsvTimes()

    def cells(row: tuple[Any, ...]) -> list[object]:
        (_, created, operator, station, reason, ok, code, product, kind, uses_left, note,
         scanned, moved, balance) = row
        return [*times.local_and_utc(created),
                spreadsheet_safe(operator), spreadsheet_safe(station), reason,
                "true" if ok else "false",
                _shown_code(open_code(code) if code else ""), spreadsheet_safe(product),
                "" if kind == "giftcard" or uses_left is None else uses_left,
                spreadsheet_safe(note),
                spreadsheet_safe(printable(_shown_scan(open_scan(scanned), bool(code), reason))),
                "" if moved is None else money_text(-int(moved)),
                "" if balance is None else money_text(int(balance))]

    return cells


_EPOCH = dt.datetime(1970, 1, 1)
# Zones change their offset on a quarter of an hour of UTC (offsets and the local hours they
# change at are whole quarters): within one quarter every moment has the same local offset.
_QUARTER = dt.timedelta(minutes=15)


class _CsvTimes:
    """A stored UTC time as the export's two columns, the local time and the UTC one: what
    ``at.astimezone().strftime(...)`` and ``at.isoformat()`` give, with the local offset
    asked once per quarter of an hour rather than once per row (the rows come in time
    order, so the last quarter's offset is the one to keep)."""

    def __init__(self) -> None:
        self.quarter = -1
        self.offset = dt.timedelta()

    def local_and_utc(self, stored: object) -> tuple[str, str]:
        naive = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(
            str(stored))
        if naive.tzinfo is not None:  # not what the field stores; said as it always was
            at = utc(naive)
            return at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), at.isoformat()
        quarter = (naive - _EPOCH) // _QUARTER
        if quarter != self.quarter:
            self.quarter = quarter
            self.offset = naive.replace(tzinfo=dt.UTC).astimezone().utcoffset() or self.offset
        return (naive + self.offset).isoformat(" ", "seconds"), naive.isoformat() + "+00:00"


def write_export(shop: Shop, path: Path, data: Content, subject: str, **detail: object) -> None:
    """Write an export's file and its audit event together. An export is a read, so it
    works on a held shop too (QA s12d F8: a report's file was refused after it was written);
    an event still refused (the operator disabled meanwhile) leaves no file behind, and a
    file that cannot be put in place records no event. A detail given as a function is
    asked once the file is written (a streamed export's row count)."""
    with staged_write(path, data) as publish, shop.write(evidence_only=True):
        audit.record(shop, "export", subject, **{
            key: value() if callable(value) else value for key, value in detail.items()})
        publish()


# --- sales -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductSales:
    product_id: int
    name: str
    quantity: int
    total_cents: int


@dataclass(frozen=True)
class SalesSummary:
    """Orders paid in local days start..end (refunded ones counted apart), and redemptions."""

    start: dt.date | None
    end: dt.date | None
    currency: str
    paid_orders: int = 0
    paid_cents: int = 0  # what was taken, refunds included
    refunded_orders: int = 0
    refunded_cents: int = 0
    net_cents: int = 0
    vouchers_issued: int = 0
    redemptions: int = 0
    by_product: list[ProductSales] = field(default_factory=list)
    by_method: dict[str, int] = field(default_factory=dict)  # method → cents taken


def sales_summary(shop: Shop, start: dt.date | None = None,
                  end: dt.date | None = None) -> SalesSummary:
    require_owner(shop, "report_sales")
    low, high = day_range(start, end)
    taken = Order.status.in_(("paid", "refunded")) & within(Order.paid_at, low, high)
    orders = list(Order.select(Order.id, Order.status, Order.total_cents, Order.payment_method)
                  .where(taken))
    refunded = [o for o in orders if o.status == "refunded"]
    by_method: dict[str, int] = {}
    for order in orders:
        method = order.payment_method or "other"
        by_method[method] = by_method.get(method, 0) + order.total_cents
    paid_cents = sum(o.total_cents for o in orders)
    refunded_cents = sum(o.total_cents for o in refunded)
    return SalesSummary(
        start=start, end=end, currency=shop.currency, paid_orders=len(orders),
        paid_cents=paid_cents, refunded_orders=len(refunded), refunded_cents=refunded_cents,
        net_cents=paid_cents - refunded_cents,
        vouchers_issued=Voucher.select().join(Order).where(taken).count(),
        redemptions=_redemptions_in(low, high), by_product=_sales_by_product(taken),
        by_method=by_method)


def _redemptions_in(low: dt.datetime | None, high: dt.datetime | None) -> int:
    ok = RedemptionAttempt.ok == True  # noqa: E712 (peewee expression)
    undos = RedemptionAttempt.undo_of.is_null(False)
    window = within(RedemptionAttempt.created_at, low, high)
    return (RedemptionAttempt.select().where(ok & window).count()
            - RedemptionAttempt.select().where(undos & window).count())


def _sales_by_product(taken: Expression) -> list[ProductSales]:
    quantity = fn.SUM(OrderLine.quantity - OrderLine.refunded_quantity)
    cents = fn.SUM((OrderLine.quantity - OrderLine.refunded_quantity) * OrderLine.unit_price_cents)
    query = (OrderLine.select(Product.id, Product.name, quantity.alias("qty"), cents.alias("cents"))
             .join(Order).switch(OrderLine).join(Product).where(taken)
             .group_by(Product.id, Product.name).order_by(cents.desc(), Product.name))
    return [ProductSales(row.product.id, row.product.name, row.qty or 0, row.cents or 0)
            for row in query]


# --- vouchers not yet redeemed ---------------------------------------------------------------


@dataclass(frozen=True)
class UnredeemedVoucher:
    id: int
    code: str  # typed form
    product: str
    uses_left: int
    uses_total: int
    valid_until: dt.datetime | None
    order_id: int
    issued_at: dt.datetime
    expired: bool


def unredeemed_vouchers(shop: Shop, now: dt.datetime | None = None) -> list[UnredeemedVoucher]:
    """Vouchers of paid orders with uses left (expired ones flagged): what the shop still owes."""
    require_owner(shop, "report_unredeemed")
    now = now or utc_now()
    query = (Voucher.select(Voucher, Product.id, Product.name).join(Product).switch(Voucher)
             .join(Order)
             .where((Voucher.state == "valid") & (Voucher.uses_left > 0)
                    & (Order.status == "paid"))
             .order_by(Voucher.issued_at, Voucher.id))
    return [UnredeemedVoucher(
        id=v.id, code=vouchers.typed_code(v.code), product=v.product.name,
        uses_left=v.uses_left, uses_total=v.uses_total, valid_until=v.valid_until,
        order_id=v.order_id, issued_at=v.issued_at,
        expired=v.valid_until is not None and v.valid_until <= now) for v in query]
