"""The redemptions report: uses redeemed, undone and refused per local day, operator, station
or product, and the attempts behind one of its rows.

A month of a busy shop is a million attempts, read from covering indexes only. Per day, each
day is a range of the (created_at, ...) index; per station or product, each one is a range of
its own covering index (schema step 6), read in order and only added up (per product over a
few weeks: the window's range of the day index, each attempt's voucher by its id). Per
operator, the window's range of the day index is added up in one grouped query: an index of
its own would cost every redemption one more page written (schema step 9 dropped it). Undos
count where the use they give back was taken; the one query that follows an undo to its
original runs only when the days hold undos.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, Case, Expression, Value, fn

from desktop_app.core import vouchers
from desktop_app.core.dates import day_range
from desktop_app.core.models import (
    GiftCardEntry,
    Operator,
    Order,
    Product,
    RedemptionAttempt,
    Voucher,
)
from desktop_app.core.report_rows import (
    FIRST_COLUMN,
    Column,
    Report,
    by_net,
    day_span,
    group_by_key,
    group_names,
    grouped_days,
    per_local_day,
    totals_of,
    utc,
    within,
)
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

# ``card_spent`` last: a script that reads the columns by position keeps its positions (QA s18a F5).
REDEMPTION_COLUMNS = (Column("group", "text"), Column("redeemed", "int"),
                      Column("undone", "int"), Column("net", "int"), Column("refused", "int"),
                      Column("card_spent", "money"))
_NO_FIGURES = {"redeemed": 0, "undone": 0, "net": 0, "refused": 0, "card_spent": 0}
# The ledger rows of the gift-card money the counter took: a spend (negative) and the undo
# that gave it back (positive, on the spend's attempt).
_CARD_MOVES = ("spend", "undo")
# A gift card scanned before its amount was typed is asked for the amount, the counter's own
# way to spend one: no refusal, and no attempt of the drill-down (QA s11b F3). The reason is in
# every covering index the report reads (schema step: migrations.add_reason_to_reports).
ASKED_FOR_AMOUNT = "amount_required"
# Up to this many days, a report per product reads the window's attempts from the time index
# (each a look-up of its voucher); longer, each product's own index range (each voucher of it
# probed once). On three years of 750,000 attempts: "today" 0.00 s against 1.0 s, a year
# about even (1.4 s), all of it 4.5 s against 1.8 s (QA s20a F8).
SHORT_WINDOW_DAYS = 92


def uses_consumed(attempt: Any) -> Any:
    """The uses one redemption attempt consumed, as SQL over ``attempt`` (a RedemptionAttempt
    table or alias). Always one: ``redeem(..., uses=N)`` writes one attempt row per use, so
    N uses at once already count N here (and an undo gives back one of them)."""
    return Value(1)


def _figures() -> tuple[Any, Any, Any]:
    """Per attempt row: uses redeemed, undo rows (each gives back one use), refusals."""
    a = RedemptionAttempt
    redeemed = fn.SUM(Case(None, [(a.ok == True, uses_consumed(a))], 0))  # noqa: E712
    undos = fn.SUM(Case(None, [(a.undo_of.is_null(False), 1)], 0))
    refusal = (a.ok == False) & a.undo_of.is_null() & (a.reason != ASKED_FOR_AMOUNT)  # noqa: E712
    refused = fn.SUM(Case(None, [(refusal, 1)], 0))
    return redeemed, undos, refused


def _numbers(row: tuple[Any, ...] | None) -> list[int]:
    return [int(value or 0) for value in (row or ())]


def _stations() -> list[str]:
    """Every station that ever redeemed, one index probe per station (a loose index scan:
    ``SELECT DISTINCT`` would read every attempt)."""
    table = RedemptionAttempt._meta.table_name
    sql = (f"WITH RECURSIVE seen(station) AS (SELECT MIN(station) FROM {table} UNION ALL "
           f"SELECT (SELECT MIN(later.station) FROM {table} later "
           f"WHERE later.station > seen.station) FROM seen WHERE seen.station IS NOT NULL) "
           f"SELECT station FROM seen WHERE station IS NOT NULL")
    return [row[0] for row in RedemptionAttempt._meta.database.execute_sql(sql)]


def _key_queries(by: str) -> Iterator[tuple[Any, Any]]:
    """(group key, query over its attempts) for each station or product; the attempts whose
    text named no voucher are a product group of their own (key None)."""
    a = RedemptionAttempt
    if by == "station":
        for station in _stations():
            yield station, a.select(*_figures()).where(a.station == station)
    else:
        for (product_id,) in Product.select(Product.id).tuples():
            yield product_id, (a.select(*_figures()).join(Voucher, on=(a.voucher == Voucher.id))
                               .where(Voucher.product == product_id))
        yield None, a.select(*_figures()).where(a.voucher.is_null())


def _undone_by_original(by: str, window: Expression) -> dict[Any, int]:
    """Uses given back by the undos in ``window``, per group of the attempt each undoes."""
    a, original = RedemptionAttempt, RedemptionAttempt.alias("original")
    if by == "product":
        key = Voucher.product
    else:
        key = original.operator if by == "operator" else original.station
    query = (a.select(key, fn.SUM(uses_consumed(original)))
             .join(original, on=(a.undo_of == original.id)))
    if by == "product":
        query = query.switch(a).join(Voucher, JOIN.LEFT_OUTER, on=(a.voucher == Voucher.id))
    rows = query.where(window & a.undo_of.is_null(False)).group_by(FIRST_COLUMN).tuples()
    return {k: int(n or 0) for k, n in rows}


def _grouped_figures(by: str, window: Expression) -> Any:
    """Figures per operator, or per product: the window's attempts from the time index, each
    one's voucher by its id (LEFT JOIN: the attempts stay the outer loop, and those naming
    no voucher are the group None). For a product, only for a short window: per product, each
    of its vouchers was probed, the whole history's (2.1 s for "today", QA s20a F8)."""
    a = RedemptionAttempt
    if by == "operator":
        return a.select(a.operator, *_figures()).where(window).group_by(a.operator)
    return (a.select(Voucher.product, *_figures())
            .join(Voucher, JOIN.LEFT_OUTER, on=(a.voucher == Voucher.id))
            .where(window).group_by(Voucher.product))


def _figures_per_key(by: str, window: Expression, short: bool = False) -> dict[Any, list[int]]:
    """[redeemed, undo rows, refused] per operator, station or product with any; ``short``:
    a window of a few weeks at most (see ``SHORT_WINDOW_DAYS``)."""
    if by == "operator" or (by == "product" and short):
        grouped = _grouped_figures(by, window)
        found = {key: _numbers(tuple(figures)) for key, *figures in grouped.tuples()}
    else:
        found = {key: _numbers(query.where(window).tuples().first())
                 for key, query in _key_queries(by)}
    return {key: figures for key, figures in found.items() if any(figures)}


def _card_moves(low: dt.datetime | None, high: dt.datetime | None) -> Any:
    """The gift-card spends and their undos of the local days ``low``..``high``: a few rows
    of the ledger's own time index, not a look-up per attempt."""
    e = GiftCardEntry
    return (within(e.created_at, low, high) & e.kind.in_(_CARD_MOVES)
            & e.attempt.is_null(False))


def _spent(entry: Any) -> Any:
    """What the card moves add up to spent (the ledger has them as balance changes)."""
    return fn.SUM(0 - entry.amount_cents)


def _card_spent_per_key(by: str, moves: Expression) -> dict[Any, int]:
    """Gift-card money spent, net of undos, per group of the attempt that spent it. A spend's
    ledger row has its attempt's operator and station (written together): no join to the
    million attempts. An undo's has who undid it; it counts where its spend was taken, found
    through the attempt its ledger row names (undos are few)."""
    e, a = GiftCardEntry, RedemptionAttempt
    if by == "product":
        query = e.select(Voucher.product, _spent(e)).join(Voucher, on=(e.voucher == Voucher.id))
        return {k: int(n or 0) for k, n in query.where(moves).group_by(FIRST_COLUMN).tuples()}
    own, taken = (e.operator, a.operator) if by == "operator" else (e.station, a.station)
    spends = e.select(own, _spent(e)).where(moves & (e.kind == "spend"))
    undos = (e.select(taken, _spent(e)).join(a, on=(e.attempt == a.id))
             .where(moves & (e.kind == "undo")))
    found: dict[Any, int] = {}
    for query in (spends, undos):
        for key, cents in query.group_by(FIRST_COLUMN).tuples():
            found[key] = found.get(key, 0) + int(cents or 0)
    return found


def _card_spent_per_day(span: tuple[dt.date, dt.date] | None) -> dict[str, int]:
    """Gift-card money spent per local day, an undo on its own day (as ``undone`` is)."""
    e = GiftCardEntry
    sums = per_local_day(e.created_at, span, lambda day, where: group_by_key(e.select(
        day, _spent(e)).where(where & _card_moves(None, None)), day).tuples())
    return {day: int(figures[0] or 0) for day, figures in sums.items()}


def _per_group(by: str, window: Expression, moves: Expression,
               short: bool) -> dict[Any, dict[str, int]]:
    found = _figures_per_key(by, window, short)
    undos_seen = sum(figures[1] for figures in found.values())
    undone = _undone_by_original(by, window) if undos_seen else {}
    spent = _card_spent_per_key(by, moves)
    for key in (*undone, *spent):
        found.setdefault(key, [0, 0, 0])
    rows = {key: _row(redeemed, undone.get(key, 0), refused, spent.get(key, 0))
            for key, (redeemed, _, refused) in found.items()}
    return {key: row for key, row in rows.items() if any(row.values())}


def _row(redeemed: int, undone: int, refused: int, card_spent: int = 0) -> dict[str, int]:
    return {"redeemed": redeemed, "undone": undone, "net": redeemed - undone, "refused": refused,
            "card_spent": card_spent}


def redemptions_report(shop: Shop, by: str = "day", start: dt.date | None = None,
                       end: dt.date | None = None) -> Report:
    """Uses consumed, undone (subtracted in ``net``) and refused attempts per group, and the
    gift-card money spent (``card_spent``, cents, net of undone spends). Per day, an undo
    counts on its own day; per operator, station or product, where its use was taken."""
    require_owner(shop, "report_redemptions")
    a = RedemptionAttempt
    low, high = day_range(start, end)
    window = within(a.created_at, low, high)
    if by == "day":
        span = day_span(a.created_at, start, end, window)
        sums = per_local_day(a.created_at, span, lambda day, where: group_by_key(a.select(
            day, *_figures()).where(where), day).tuples(), dense=True)
        sums = {day: tuple(_numbers(figures)) for day, figures in sums.items()}
        spent = _card_spent_per_day(span)
        found = {}
        for k in {*sums, *spent}:
            redeemed, undone, refused = sums.get(k, (0, 0, 0))
            found[k] = _row(redeemed, undone, refused, spent.get(k, 0))
        rows = grouped_days({k: v for k, v in found.items() if any(v.values())}, span,
                            _NO_FIGURES)
    else:
        names = group_names(by)
        short = start is not None and end is not None and (
            end - start).days < SHORT_WINDOW_DAYS
        rows = by_net({"group": names.get(k, k if k is not None else ""), **v}
                      for k, v in _per_group(by, window, _card_moves(low, high), short).items())
    columns = (Column("group", "date" if by == "day" else "text"), *REDEMPTION_COLUMNS[1:])
    return Report("redemptions", by, start, end, shop.currency, columns, rows,
                  totals_of(columns, rows))


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
    amount_cents: int | None = None  # a gift card's spend (on its undo too: given back)
    scanned: str = ""  # the text as scanned or typed; "" for an undo
    attempt_id: int = 0
    undone: bool = False  # a redemption an owner has since undone


def redemption_details(shop: Shop, by: str, group: object, start: dt.date | None = None,
                       end: dt.date | None = None, limit: int = 5000) -> list[RedemptionDetail]:
    """The attempts behind one row of :func:`redemptions_report` (newest first), without the
    gift cards asked for their amount (not attempts the cashier failed)."""
    require_owner(shop, "report_redemptions")
    if by == "day":
        if not isinstance(group, dt.date):
            group = dt.date.fromisoformat(str(group))
        start, end = group, group
    low, high = day_range(start, end)
    a, original = RedemptionAttempt, RedemptionAttempt.alias("original")
    undo = RedemptionAttempt.alias("undo")
    where = within(a.created_at, low, high) & (a.reason != ASKED_FOR_AMOUNT)
    if by == "product" and group in (None, ""):  # the attempts that named no voucher
        where &= a.voucher.is_null()
    elif by in ("operator", "product"):
        ids = [k for k, name in group_names(by).items() if name == group]
        column = fn.COALESCE(original.operator, a.operator) if by == "operator" else Voucher.product
        where &= column.in_(ids)
    elif by == "station":
        where &= fn.COALESCE(original.station, a.station) == str(group)
    spend = GiftCardEntry
    query = (a.select(a.created_at, a.station, a.reason, a.ok, a.note, Operator.name,
                      Voucher.code, Product.name, Order.customer_name, spend.amount_cents,
                      a.scanned_text, a.id, undo.id)
             .join(original, JOIN.LEFT_OUTER, on=(a.undo_of == original.id))
             .switch(a).join(undo, JOIN.LEFT_OUTER, on=(undo.undo_of == a.id))
             # the spend an attempt made, or the one its undo gave back
             .switch(a).join(spend, JOIN.LEFT_OUTER, on=(
                 (spend.attempt == fn.COALESCE(original.id, a.id)) & (spend.kind == "spend")))
             .switch(a).join(Voucher, JOIN.LEFT_OUTER, on=(a.voucher == Voucher.id))
             .switch(a).join(Operator, on=(a.operator == Operator.id))
             .switch(Voucher).join(Product, JOIN.LEFT_OUTER, on=(Voucher.product == Product.id))
             .switch(Voucher).join(Order, JOIN.LEFT_OUTER, on=(Voucher.order == Order.id))
             .where(where).order_by(a.created_at.desc(), a.id.desc()).limit(limit).tuples())
    return [RedemptionDetail(
        at=utc(at), operator=op, station=station, code=vouchers.typed_code(code) if code else "",
        product=product or "", customer=customer or "", reason=reason, ok=bool(ok), note=note,
        amount_cents=None if spent is None else -int(spent), scanned=scanned,
        attempt_id=attempt_id, undone=undo_id is not None)
        for (at, station, reason, ok, note, op, code, product, customer, spent, scanned,
             attempt_id, undo_id) in query]
