"""The owner's grouped reports: redemptions, sales, liability (vouchers still owed) and
card-key stock, as plain tables that the command line prints, the Reports tab shows and the
exporters write. One entry point, :func:`run_report`; each report lives in its own module
(``report_redemptions``, ``report_sales``, ``report_liability``), stock here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, Case, fn

from desktop_app.core.dates import open_ended
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import CardKey, Order, Product, RedemptionAttempt
from desktop_app.core.report_liability import (
    CALL_COLUMNS,
    EXPIRY_WINDOWS,
    GIFTCARD_COLUMNS,
    LIABILITY_COLUMNS,
    customers_to_call,
    gift_card_balances,
    liability_report,
)
from desktop_app.core.report_redemptions import (
    REDEMPTION_COLUMNS,
    RedemptionDetail,
    redemption_details,
    redemptions_report,
    uses_consumed,
)
from desktop_app.core.report_rows import Column, Report, utc
from desktop_app.core.report_sales import SALES_COLUMNS, sales_report
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

__all__ = [
    "CALL_COLUMNS", "EXPIRY_WINDOWS", "GIFTCARD_COLUMNS", "GROUPINGS", "LIABILITY_COLUMNS",
    "REDEMPTION_COLUMNS", "REPORTS", "SALES_COLUMNS", "STOCK_COLUMNS", "Column",
    "RedemptionDetail", "Report", "customers_to_call", "gift_card_balances", "liability_report",
    "redemption_details", "redemptions_report", "run_report", "sales_report", "stock_report",
    "uses_consumed",
]

REPORTS = ("redemptions", "sales", "liability", "stock")
GROUPINGS: dict[str, tuple[str, ...]] = {
    "redemptions": ("day", "operator", "station", "product"),
    "sales": ("day", "product", "method", "operator", "station"),
    "liability": ("product",),
    "stock": ("product",),
}


# --- card-key stock ---------------------------------------------------------------------------

STOCK_COLUMNS = (Column("group", "text"), Column("unsold", "int"), Column("sold", "int"),
                 Column("returned", "int"), Column("faulty", "int"), Column("threshold", "int"),
                 Column("low", "bool"))


def stock_report(shop: Shop, by: str = "product") -> Report:
    """Card keys unsold, sold, returned (by refunds, to be checked) and faulty per card-key
    product, and whether stock is low."""
    require_owner(shop, "report_stock")

    def count(state: str) -> Any:
        return fn.SUM(Case(None, [(CardKey.state == state, 1)], 0))

    query = (Product.select(Product.name, Product.low_stock_threshold, count("unsold"),
                            count("sold"), count("returned"), count("faulty"))
             .join(CardKey, JOIN.LEFT_OUTER, on=(CardKey.product == Product.id))
             .where((Product.kind == "cardkey") & Product.reusable_key.is_null())
             .group_by(Product.id, Product.name, Product.low_stock_threshold)
             .order_by(Product.name).tuples())
    rows = [{"group": name, "unsold": int(u or 0), "sold": int(s or 0),
             "returned": int(r or 0), "faulty": int(f or 0), "threshold": threshold,
             "low": threshold is not None and int(u or 0) <= threshold}
            for name, threshold, u, s, r, f in query]
    totals = {k: sum(r[k] for r in rows) for k in ("unsold", "sold", "returned", "faulty")}
    totals["low"] = sum(1 for r in rows if r["low"])
    return Report("stock", "product", None, None, shop.currency, STOCK_COLUMNS, rows, totals)


def run_report(shop: Shop, name: str, by: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None, now: dt.datetime | None = None) -> Report:
    """The report ``name`` grouped ``by`` (its first grouping when None), for local days
    ``start``..``end`` (liability and stock are as of now; liability's range is its gift-card
    breakage)."""
    if name not in REPORTS:
        raise InvalidInput(field="report", problem="choice", choices=",".join(REPORTS))
    by = by or GROUPINGS[name][0]
    if by not in GROUPINGS[name]:
        raise InvalidInput(field="by", problem="choice", choices=",".join(GROUPINGS[name]))
    # 0001-01-01 / 9999-12-31: no limit, not every day (a reversed range stays reversed:
    # only the calendar's very first or last day is opened)
    start, end = open_ended(start, end)
    if name == "redemptions":
        return redemptions_report(shop, by, start, end)
    if name == "sales":
        return sales_report(shop, by, start, end)
    if name == "liability":
        return liability_report(shop, by, now, start, end)
    return stock_report(shop, by)


def first_day_with_data(shop: Shop) -> dt.date | None:
    """The shop's first local day with anything a dated report counts: its first order (taken,
    before any payment or refund of it) or its first redemption attempt; None while it has
    neither. The reports' "All time" starts here, not on a day before the shop existed."""
    require_owner(shop, "report")
    firsts = [utc(moment) for moment in (
        Order.select(fn.MIN(Order.created_at)).scalar(),
        RedemptionAttempt.select(fn.MIN(RedemptionAttempt.created_at)).scalar(),
    ) if moment is not None]
    return min(firsts).astimezone().date() if firsts else None
