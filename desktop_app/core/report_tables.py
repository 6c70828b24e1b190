"""The owner's grouped reports: redemptions, sales, liability (vouchers still owed) and
card-key stock, as plain tables that the command line prints, the Reports tab shows and the
exporters write.

Grouping happens in SQL; per local day it is one range of the index per day, between that
day's UTC bounds, so days follow the shop PC's time zone, daylight saving included, while
the database keeps UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, SQL, Case, Expression, Value, fn

from desktop_app.core import giftcards, vouchers
from desktop_app.core.dates import day_range, local_midnight_utc, utc_now
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import (
    CardKey,
    GiftCardEntry,
    Operator,
    Order,
    OrderLine,
    Product,
    RedemptionAttempt,
    Voucher,
)
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

REPORTS = ("redemptions", "sales", "liability", "stock")
GROUPINGS: dict[str, tuple[str, ...]] = {
    "redemptions": ("day", "operator", "station", "product"),
    "sales": ("day", "product", "method"),
    "liability": ("product",),
    "stock": ("product",),
}
EXPIRY_WINDOWS = (7, 30)  # days: "expires within a week / a month"

# Group by the key selected first, by position: PostgreSQL does not see a key with bound
# parameters (the portable per-day CASE) in GROUP BY as the same expression as in SELECT.
FIRST_COLUMN = SQL("1")


@dataclass(frozen=True)
class Column:
    key: str
    kind: str  # text | int | money | date | bool


@dataclass
class Report:
    """One report: rows keyed by column, money in integer cents, days as ``dt.date``.

    ``sections`` are further row lists under a name (liability: the customers to call, and
    gift-card balances); a section with its own ``section_totals`` is printed as rows and
    totals, like the report itself.
    """

    name: str
    by: str
    start: dt.date | None
    end: dt.date | None
    currency: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    section_totals: dict[str, dict[str, Any]] = field(default_factory=dict)


def _within(column: Any, low: dt.datetime | None, high: dt.datetime | None) -> Expression:
    condition: Expression = column.is_null(False)
    if low is not None:
        condition &= column >= low
    if high is not None:
        condition &= column < high
    return condition


def _totals(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {c.key: sum(r[c.key] for r in rows) for c in columns if c.kind in ("int", "money")}


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _per_local_day(column: Any, span: tuple[dt.date, dt.date] | None,
                   grouped: Callable[[Any, Expression], Iterable[tuple[Any, ...]]]
                   ) -> dict[str, tuple[Any, ...]]:
    """``grouped(key, window)`` run once per local day of ``span``, its key that day as
    ``YYYY-MM-DD``. Each day is a range of the index on ``column`` between two UTC instants
    (a day with a daylight-saving change is 23 or 25 hours), so no row needs date arithmetic
    and nothing is sorted: a month over a million attempts reads about like a bare count."""
    if span is None:
        return {}
    # Only the days between the first and last row: the others are empty (and a shop that
    # sold today asks one day, not a month, of queries).
    bounds = _within(column, local_midnight_utc(span[0]),
                     local_midnight_utc(span[1] + dt.timedelta(days=1)))
    first, last = column.model.select(fn.MIN(column), fn.MAX(column)).where(bounds).scalar(
        as_tuple=True)
    if first is None:
        return {}
    span = (max(span[0], _utc(first).astimezone().date()),
            min(span[1], _utc(last).astimezone().date()))
    found: dict[str, tuple[Any, ...]] = {}
    for day in _days(*span):
        low, high = local_midnight_utc(day), local_midnight_utc(day + dt.timedelta(days=1))
        for row in grouped(Value(day.isoformat()), _within(column, low, high)):
            found[str(row[0])] = row[1:]
    return found


def _group_by_key(query: Any, key: Any) -> Any:
    """GROUP BY the key, unless it is one day's constant: then one aggregate row, no sort."""
    return query if isinstance(key, Value) else query.group_by(FIRST_COLUMN)


def _day_span(column: Any, start: dt.date | None, end: dt.date | None,
              where: Expression) -> tuple[dt.date, dt.date] | None:
    """The local days to group by: the chosen range, or the data's own first and last day."""
    if start is not None and end is not None:
        return start, end
    model = column.model
    low, high = model.select(fn.MIN(column), fn.MAX(column)).where(where).scalar(as_tuple=True)
    if low is None:
        return None
    return start or _utc(low).astimezone().date(), end or _utc(high).astimezone().date()


def _grouped_days(rows: dict[Any, dict[str, Any]], span: tuple[dt.date, dt.date] | None,
                  empty: dict[str, Any]) -> list[dict[str, Any]]:
    """Every day of the span, days without data as zeros (a chart shows the gaps)."""
    if span is None:
        return []
    return [{"group": day, **rows.get(day.isoformat(), empty)} for day in _days(*span)]


# --- redemptions -----------------------------------------------------------------------------

REDEMPTION_COLUMNS = (Column("group", "text"), Column("redeemed", "int"),
                      Column("undone", "int"), Column("net", "int"), Column("refused", "int"))


def uses_consumed(attempt: Any) -> Any:
    """The uses one redemption attempt consumed, as SQL over ``attempt`` (a RedemptionAttempt
    table or alias). Always one: ``redeem(..., uses=N)`` writes one attempt row per use, so
    N uses at once already count N here (and an undo gives back one of them)."""
    return Value(1)


def _redemption_keys(by: str, attempt: Any) -> Any:
    """SQL for the group of ``attempt`` (for an undo: of the attempt it undoes, so an undo
    counts where the use it gives back was taken, that operator and station)."""
    if by == "operator":
        return attempt.operator
    if by == "station":
        return attempt.station
    return Voucher.product


def _redemption_base(original: Any, with_voucher: bool = True) -> Any:
    a = RedemptionAttempt
    query = a.select().join(original, JOIN.LEFT_OUTER, on=(a.undo_of == original.id))
    if with_voucher:
        query = query.switch(a).join(Voucher, JOIN.LEFT_OUTER, on=(a.voucher == Voucher.id))
    return query


def _group_names(by: str) -> dict[Any, str]:
    if by == "operator":
        return {o.id: o.name for o in Operator.select(Operator.id, Operator.name)}
    if by == "product":
        return {p.id: p.name for p in Product.select(Product.id, Product.name)}
    return {}


def redemptions_report(shop: Shop, by: str = "day", start: dt.date | None = None,
                       end: dt.date | None = None) -> Report:
    """Uses consumed, undone (subtracted in ``net``) and refused attempts per group."""
    require_owner(shop, "report_redemptions")
    low, high = day_range(start, end)
    a, original = RedemptionAttempt, RedemptionAttempt.alias("original")
    window = _within(a.created_at, low, high)
    redeemed = fn.SUM(Case(None, [(a.ok == True, uses_consumed(a))], 0))  # noqa: E712
    refused = fn.SUM(Case(None, [((a.ok == False) & a.undo_of.is_null(), 1)], 0))  # noqa: E712
    with_voucher = by == "product"

    def grouped(key: Any, where: Expression) -> Iterable[tuple[Any, ...]]:
        """Two queries: every attempt from the covering index alone (no join per row), and
        the few undos joined to the attempts they undo. Undos add an all-zero group to the
        first (their own station), dropped below."""
        attempts = a.select(key(a).alias("key"), redeemed, Value(0), refused)
        if with_voucher:
            attempts = attempts.join(Voucher, JOIN.LEFT_OUTER, on=(a.voucher == Voucher.id))
        undos = (_redemption_base(original, with_voucher)
                 .select(key(original).alias("key"), Value(0), fn.SUM(uses_consumed(original)),
                         Value(0))
                 .where(a.undo_of.is_null(False)))
        merged: dict[Any, list[int]] = {}
        for query in (attempts.where(where), undos.where(where)):
            for k, *figures in _group_by_key(query, key(a)).tuples():
                sums = merged.setdefault(k, [0, 0, 0])
                for i, value in enumerate(figures):
                    sums[i] += int(value or 0)
        return [(k, *sums) for k, sums in merged.items()]

    if by == "day":
        span = _day_span(a.created_at, start, end, window)
        sums = _per_local_day(a.created_at, span,
                              lambda day, where: grouped(lambda _: day, where))
    else:
        sums = {row[0]: row[1:] for row in grouped(lambda attempt: _redemption_keys(
            by, attempt), window) if any(row[1:])}
    found = {k: {"redeemed": int(r or 0), "undone": int(u or 0), "net": int(r or 0) - int(u or 0),
                 "refused": int(f or 0)} for k, (r, u, f) in sums.items()}
    if by == "day":
        empty = {"redeemed": 0, "undone": 0, "net": 0, "refused": 0}
        rows = _grouped_days(found, span, empty)
    else:
        names = _group_names(by)
        rows = sorted(({"group": names.get(k, k if k is not None else ""), **v}
                       for k, v in found.items()), key=lambda r: (-r["net"], str(r["group"])))
    columns = (Column("group", "date" if by == "day" else "text"), *REDEMPTION_COLUMNS[1:])
    return Report("redemptions", by, start, end, shop.currency, columns, rows,
                  _totals(columns, rows))


@dataclass(frozen=True)
class RedemptionDetail:
    at: dt.datetime  # UTC
    operator: str
    station: str
    code: str  # typed form; "" when the text named no voucher
    product: str
    customer: str
    reason: str
    ok: bool
    note: str


def redemption_details(shop: Shop, by: str, group: object, start: dt.date | None = None,
                       end: dt.date | None = None, limit: int = 5000) -> list[RedemptionDetail]:
    """The attempts behind one row of :func:`redemptions_report` (newest first)."""
    require_owner(shop, "report_redemptions")
    if by == "day":
        if not isinstance(group, dt.date):
            group = dt.date.fromisoformat(str(group))
        start, end = group, group
    low, high = day_range(start, end)
    a, original = RedemptionAttempt, RedemptionAttempt.alias("original")
    where = _within(a.created_at, low, high)
    if by in ("operator", "product"):
        names = {name: key for key, name in _group_names(by).items()}
        ids = [k for n, k in names.items() if n == group]
        column = fn.COALESCE(original.operator, a.operator) if by == "operator" else Voucher.product
        where &= column.in_(ids)
    elif by == "station":
        where &= fn.COALESCE(original.station, a.station) == str(group)
    query = (_redemption_base(original)
             .select(a.created_at, a.station, a.reason, a.ok, a.note, Operator.name,
                     Voucher.code, Product.name, Order.customer_name)
             .join(Operator, on=(a.operator == Operator.id))
             .switch(Voucher).join(Product, JOIN.LEFT_OUTER, on=(Voucher.product == Product.id))
             .switch(Voucher).join(Order, JOIN.LEFT_OUTER, on=(Voucher.order == Order.id))
             .where(where).order_by(a.created_at.desc(), a.id.desc()).limit(limit).tuples())
    return [RedemptionDetail(
        at=_utc(at), operator=op, station=station, code=vouchers.typed_code(code) if code else "",
        product=product or "", customer=customer or "", reason=reason, ok=bool(ok),
        note=note) for at, station, reason, ok, note, op, code, product, customer in query]


def _utc(value: object) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


# --- sales -----------------------------------------------------------------------------------

SALES_COLUMNS = (Column("group", "text"), Column("orders", "int"),
                 Column("refunded_orders", "int"), Column("quantity", "int"),
                 Column("refunded_quantity", "int"), Column("revenue", "money"),
                 Column("refunds", "money"), Column("net", "money"))


def _line_refunds() -> Any:
    """Money a line gave back. A gift card pays back only its unspent balance (and a cash-out
    its remainder): the ledger's money for the line's cards, not the units' price."""
    e, v = GiftCardEntry, Voucher.alias("refunded_card")
    card_money = (e.select(fn.COALESCE(fn.SUM(e.money_cents * -1), 0))
                  .join(v, on=(e.voucher == v.id))
                  .where((v.order_line == OrderLine.id) & e.kind.in_(("refund", "cashout"))
                         & (e.order.is_null() | (e.order == OrderLine.order))))
    return Case(None, [(Product.kind == "giftcard", card_money)],
                OrderLine.refunded_quantity * OrderLine.unit_price_cents)


def _reload_refunds() -> Any:
    """Money a refunded reload order gave back (its ledger row; the whole reload)."""
    e = GiftCardEntry.alias("reload_refund")
    return (e.select(fn.COALESCE(fn.SUM(e.money_cents * -1), 0))
            .where((e.order == Order.id) & (e.kind == "refund")))


def _sales_sums(key_of: Callable[[str], Any], where: Expression) -> list[tuple[Any, ...]]:
    """Per group: orders, refunded orders, quantity, refunded quantity, revenue, refunds. A
    gift card's reload is an order without lines: counted with its card's product, as
    revenue without quantity."""
    price = OrderLine.unit_price_cents
    paid = Order.status.in_(("paid", "refunded")) & where
    refunded_id = Case(None, [(Order.status == "refunded", Order.id)], None)
    line_key, reload_key = key_of("line"), key_of("reload")
    lines = _group_by_key(OrderLine.select(
        line_key.alias("key"), fn.COUNT(Order.id.distinct()),
        fn.COUNT(refunded_id.distinct()), fn.SUM(OrderLine.quantity),
        fn.SUM(OrderLine.refunded_quantity), fn.SUM(OrderLine.quantity * price),
        fn.SUM(_line_refunds()))
        .join(Order).switch(OrderLine).join(Product, on=(OrderLine.product == Product.id))
        .where(paid), line_key).tuples()
    reloads = _group_by_key(Order.select(
        reload_key.alias("key"), fn.COUNT(Order.id.distinct()),
        fn.COUNT(refunded_id.distinct()), Value(0), Value(0), fn.SUM(Order.total_cents),
        fn.SUM(_reload_refunds()))
        .join(GiftCardEntry, on=((GiftCardEntry.order == Order.id)
                                 & (GiftCardEntry.kind == "reload")))
        .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
        .where(paid), reload_key).tuples()
    merged: dict[Any, list[int]] = {}
    for key, *figures in [*lines, *reloads]:
        sums = merged.setdefault(key, [0] * len(figures))
        for i, value in enumerate(figures):
            sums[i] += int(value or 0)
    return [(key, *sums) for key, sums in merged.items()]


def sales_report(shop: Shop, by: str = "day", start: dt.date | None = None,
                 end: dt.date | None = None) -> Report:
    """Orders paid in the range, grouped by the local day they were paid, product or method.
    A refund counts with the sale it undoes (its order's day); a partial line refund counts
    its units at the price they were sold for, a gift card what it paid back."""
    require_owner(shop, "report_sales")
    low, high = day_range(start, end)
    taken = Order.status.in_(("paid", "refunded")) & _within(Order.paid_at, low, high)

    if by == "day":
        span = _day_span(Order.paid_at, start, end, taken)
        sums = _per_local_day(Order.paid_at, span,
                              lambda key, where: _sales_sums(lambda _: key, where))
    else:
        def key_of(source: str) -> Any:
            if by == "method":
                return fn.COALESCE(Order.payment_method, "other")
            return OrderLine.product if source == "line" else Voucher.product

        sums = {row[0]: row[1:] for row in _sales_sums(key_of, taken)}
    found = {k: {"orders": o, "refunded_orders": ro, "quantity": q, "refunded_quantity": rq,
                 "revenue": rev, "refunds": ref, "net": rev - ref}
             for k, (o, ro, q, rq, rev, ref) in sums.items()}
    if by == "day":
        empty = dict.fromkeys(("orders", "refunded_orders", "quantity", "refunded_quantity",
                               "revenue", "refunds", "net"), 0)
        rows = _grouped_days(found, span, empty)
    else:
        names = _group_names(by)
        rows = sorted(({"group": names.get(k, k), **v} for k, v in found.items()),
                      key=lambda r: (-r["net"], str(r["group"])))
    columns = (Column("group", "date" if by == "day" else "text"), *SALES_COLUMNS[1:])
    totals = _totals(columns, rows)
    # An order with several lines is one order, whatever the grouping added up.
    orders = Order.select().where(taken)
    totals["orders"] = orders.count()
    totals["refunded_orders"] = orders.where(Order.status == "refunded").count()
    return Report("sales", by, start, end, shop.currency, columns, rows, totals)


# --- liability: what the shop still owes ------------------------------------------------------

LIABILITY_COLUMNS = (Column("group", "text"), Column("vouchers", "int"),
                     Column("uses_left", "int"), Column("value", "money"),
                     Column("expiring_7", "int"), Column("expiring_30", "int"),
                     Column("expired_unused", "int"), Column("expired_unused_value", "money"))
CALL_COLUMNS = (Column("customer", "text"), Column("phone", "text"), Column("code", "text"),
                Column("product", "text"), Column("uses_left", "int"), Column("value", "money"),
                Column("valid_until", "date"))


def _remaining_value() -> Any:
    """The value of a voucher's uses left: the price its line paid, per use, times uses left
    (a service line is one voucher for all its units; a card key, one voucher per unit)."""
    units = Case(None, [(Product.kind == "service", OrderLine.quantity)], 1)
    return (Voucher.uses_left * OrderLine.unit_price_cents * units) / Voucher.uses_total


def _owed() -> Any:
    return (Voucher.select().join(Order, on=(Voucher.order == Order.id))
            .switch(Voucher).join(OrderLine, on=(Voucher.order_line == OrderLine.id))
            .switch(Voucher).join(Product, on=(Voucher.product == Product.id))
            .where((Voucher.state == "valid") & (Voucher.uses_left > 0)
                   & Voucher.balance_cents.is_null() & (Order.status == "paid")))


def liability_report(shop: Shop, by: str = "product", now: dt.datetime | None = None,
                     start: dt.date | None = None, end: dt.date | None = None) -> Report:
    """Vouchers with uses left and their value, how many expire within 7 and 30 days; expired
    ones never used apart; the customers to call before their voucher expires; gift-card
    balances, with the breakage of local days ``start``..``end`` (all days when None)."""
    require_owner(shop, "report_liability")
    now = now or utc_now()
    live = Voucher.valid_until.is_null() | (Voucher.valid_until > now)
    expired_unused = (~live) & (Voucher.uses_left == Voucher.uses_total)

    def within(days: int) -> Any:
        return fn.SUM(Case(None, [(live & (Voucher.valid_until <= now + dt.timedelta(days=days)),
                                   1)], 0))

    value = _remaining_value()
    query = (_owed().select(
        Product.id, Product.name, fn.SUM(Case(None, [(live, 1)], 0)),
        fn.SUM(Case(None, [(live, Voucher.uses_left)], 0)),
        fn.SUM(Case(None, [(live, value)], 0)), within(7), within(30),
        fn.SUM(Case(None, [(expired_unused, 1)], 0)),
        fn.SUM(Case(None, [(expired_unused, value)], 0)))
        .group_by(Product.id, Product.name).order_by(Product.name).tuples())
    keys = [c.key for c in LIABILITY_COLUMNS[1:]]
    rows = [{"group": name, **{k: int(v or 0) for k, v in zip(keys, values, strict=True)}}
            for _, name, *values in query]
    report = Report("liability", "product", start, end, shop.currency, LIABILITY_COLUMNS, rows,
                    _totals(LIABILITY_COLUMNS, rows))
    report.sections["to_call"] = customers_to_call(now, max(EXPIRY_WINDOWS))
    cards = gift_card_balances(now)
    report.sections["giftcards"] = cards
    kept = giftcards.breakage(start, end, now)
    report.section_totals["giftcards"] = {**_totals(GIFTCARD_COLUMNS, cards),
                                          "breakage_cards": kept.cards, "breakage": kept.cents}
    return report


GIFTCARD_COLUMNS = (Column("group", "text"), Column("cards", "int"), Column("balance", "money"),
                    Column("expiring_7", "int"), Column("expiring_7_balance", "money"),
                    Column("expiring_30", "int"), Column("expiring_30_balance", "money"))


def gift_card_balances(now: dt.datetime) -> list[dict[str, Any]]:
    """Per gift-card product: cards still spendable with money on them, their balances, and
    those expiring within 7 and 30 days (a card that has expired is breakage, not owed)."""
    live = Voucher.valid_until.is_null() | (Voucher.valid_until > now)

    def expiring(days: int, figure: Any) -> Any:
        soon = Voucher.valid_until <= now + dt.timedelta(days=days)
        return fn.SUM(Case(None, [(soon, figure)], 0))

    query = (Voucher.select(Product.name, fn.COUNT(Voucher.id), fn.SUM(Voucher.balance_cents),
                            expiring(7, 1), expiring(7, Voucher.balance_cents),
                            expiring(30, 1), expiring(30, Voucher.balance_cents))
             .join(Order, on=(Voucher.order == Order.id))
             .switch(Voucher).join(Product, on=(Voucher.product == Product.id))
             .where((Voucher.state == "valid") & (Voucher.balance_cents > 0)
                    & (Order.status == "paid") & live)
             .group_by(Product.id, Product.name).order_by(Product.name).tuples())
    keys = [c.key for c in GIFTCARD_COLUMNS[1:]]
    return [{"group": name, **{k: int(v or 0) for k, v in zip(keys, values, strict=True)}}
            for name, *values in query]


def customers_to_call(now: dt.datetime, within_days: int) -> list[dict[str, Any]]:
    """Vouchers with uses left that expire within ``within_days``, soonest first."""
    soon = (Voucher.valid_until > now) & (Voucher.valid_until <= now + dt.timedelta(
        days=within_days))
    query = (_owed().select(Order.customer_name, Order.customer_phone, Voucher.code,
                            Product.name, Voucher.uses_left, _remaining_value(),
                            Voucher.valid_until)
             .where(soon).order_by(Voucher.valid_until, Voucher.id).tuples())
    return [{"customer": customer, "phone": phone, "code": vouchers.typed_code(code),
             "product": product, "uses_left": left, "value": int(value or 0),
             "valid_until": _utc(until).astimezone().date()}
            for customer, phone, code, product, left, value, until in query]


# --- card-key stock ---------------------------------------------------------------------------

STOCK_COLUMNS = (Column("group", "text"), Column("unsold", "int"), Column("sold", "int"),
                 Column("faulty", "int"), Column("threshold", "int"), Column("low", "bool"))


def stock_report(shop: Shop, by: str = "product") -> Report:
    """Card keys unsold, sold and faulty per card-key product, and whether stock is low."""
    require_owner(shop, "report_stock")

    def count(state: str) -> Any:
        return fn.SUM(Case(None, [(CardKey.state == state, 1)], 0))

    query = (Product.select(Product.name, Product.low_stock_threshold, count("unsold"),
                            count("sold"), count("faulty"))
             .join(CardKey, JOIN.LEFT_OUTER, on=(CardKey.product == Product.id))
             .where((Product.kind == "cardkey") & Product.reusable_key.is_null())
             .group_by(Product.id, Product.name, Product.low_stock_threshold)
             .order_by(Product.name).tuples())
    rows = [{"group": name, "unsold": int(u or 0), "sold": int(s or 0), "faulty": int(f or 0),
             "threshold": threshold,
             "low": threshold is not None and int(u or 0) <= threshold}
            for name, threshold, u, s, f in query]
    totals = {k: sum(r[k] for r in rows) for k in ("unsold", "sold", "faulty")}
    totals["low"] = sum(1 for r in rows if r["low"])
    return Report("stock", "product", None, None, shop.currency, STOCK_COLUMNS, rows, totals)


# --- one entry point ------------------------------------------------------------------------


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
    if name == "redemptions":
        return redemptions_report(shop, by, start, end)
    if name == "sales":
        return sales_report(shop, by, start, end)
    if name == "liability":
        return liability_report(shop, by, now, start, end)
    return stock_report(shop, by)
