"""The owner's list of orders, a page at a time: filtered, searched and sorted by the database.

A shop of some years holds hundreds of thousands of orders (QA s14a: 203,000); the list reads
the page on screen, never the whole table, and the summary's numbers are counted, not listed.
The search keeps the list's old meaning: "#12" is order 12 alone; any other text is looked for
in the customer's name and phone (with or without its spaces), the note and the payment
reference, and a bare number also lists that order, first, whichever way the list is sorted.
A voucher's code or scanned payload lists the order that sold it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import Case, Expression, fn

from desktop_app.core import dialect, phones, vouchers
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import Order, Refund, Voucher
from desktop_app.core.orders import STATUSES, OrderRow, order_row
from desktop_app.core.refund_units import refunded_units_sum
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.text import NAME_ORDER_ENCODING, SQL_NAME_ORDER_KEY

# What the list can be sorted by, one per column of the list.
SORT_KEYS = ("number", "date", "customer", "total", "status", "method")
PAGE_SIZE = 200
LARGEST_ID = 2**62  # a longer number typed is no order's: never sent to the database as one
PHONE_MATCHES_MAX = 10_000  # orders a phone search lists on a server, newest first


@dataclass(frozen=True)
class OrderQuery:
    """Which orders, in what order. ``batch_label`` is the word the list shows for a batch
    order with no customer ("Batch", in the owner's language): a search within it finds them."""

    status: str | None = None
    search: str = ""
    sort: str = "number"
    descending: bool = True
    batch_label: str = ""


@dataclass(frozen=True)
class OrderCounts:
    orders: int
    unpaid: int
    matching: int | None = None  # what the search and the status filter find, when set


@dataclass(frozen=True)
class Search:
    """The search box's text as the list reads it."""

    text: str  # casefolded, spaces collapsed, without a leading "#"
    number: int | None  # the order asked for by number
    number_only: bool  # "#12": that order and nothing else

    @classmethod
    def of(cls, typed: str) -> Search:
        words = " ".join(typed.split()).casefold()
        hashed = words.startswith("#")
        text = words.removeprefix("#").strip() if hashed else words
        # isdecimal, not isdigit: "²" is a digit that int() refuses
        number = int(text) if text.isdecimal() and int(text) < LARGEST_ID else None
        return cls(text, number, hashed and text.isdecimal())


def order_page(shop: Shop, query: OrderQuery, offset: int = 0,
               limit: int = PAGE_SIZE) -> list[OrderRow]:
    """``limit`` orders from ``offset`` on, with what was refunded of each."""
    require_owner(shop, "order_list")
    if query.status is not None and query.status not in STATUSES:
        raise InvalidInput(field="status", problem="choice", choices=",".join(STATUSES))
    if query.sort not in SORT_KEYS:
        raise InvalidInput(field="sort", problem="choice", choices=",".join(SORT_KEYS))
    search = Search.of(query.search)
    select = Order.select()
    where = _matching(shop, query, search)
    if where is not None:
        select = select.where(where)
    ordering = _ordering(query, search, dialect.is_server(shop.db))
    found = list(select.order_by(*ordering).offset(offset).limit(limit))
    refunded = _refunded(order.id for order in found)
    return [order_row(order, refunded.get(order.id, (0, 0, None))) for order in found]


def order_counts(shop: Shop, query: OrderQuery | None = None) -> OrderCounts:
    """How many orders the shop has, how many of them wait for payment, and how many
    ``query``'s search and status filter find, where it has either (QA s14a F13)."""
    require_owner(shop, "order_list")
    where = _matching(shop, query, Search.of(query.search)) if query else None
    return OrderCounts(Order.select().count(),
                       Order.select().where(Order.status == "unpaid").count(),
                       None if where is None else Order.select().where(where).count())


def _matching(shop: Shop, query: OrderQuery, search: Search) -> Expression | None:
    where = Order.status == query.status if query.status else None
    if not search.text:
        return where
    if search.number_only:
        found: Expression = Order.id == search.number
    else:
        found = _text_matches(shop, search.text, query.batch_label)
        if search.number is not None:
            found = (Order.id == search.number) | found
        code = voucher_code_in(shop, query.search)
        if code is not None:
            found = found | Order.id.in_(Voucher.select(Voucher.order).where(Voucher.code == code))
    return found if where is None else where & found


def voucher_code_in(shop: Shop, typed: str) -> str | None:
    """The voucher code ``typed`` names, as the counter's Look up reads it (a scanned payload,
    the printed code with or without dashes, any case), or the bare 16 symbols of a code as
    the database and a file export keep them (QA s20a F6: a customer's voucher could not
    find its order); None for any other text."""
    parsed = vouchers.parse(typed, shop.shop_id, shop.voucher_key)
    if parsed.reason is None:
        return parsed.code
    bare = vouchers.normalize(typed)
    if len(bare) == vouchers.CODE_LEN and set(bare) <= set(vouchers.ALPHABET):
        return bare
    return None


def voucher_named(shop: Shop, typed: str) -> int | None:
    """The id of this shop's voucher that ``typed`` (a search) names, so its order opens on
    it (QA s43a F5); None when it names none."""
    code = voucher_code_in(shop, typed) if typed.strip() else None
    if code is None:
        return None
    found = Voucher.select(Voucher.id).where(Voucher.code == code).first()
    return None if found is None else found.id


def _text_matches(shop: Shop, text: str, batch_label: str) -> Expression:
    found = (Order.customer_name.contains(text) | Order.note.contains(text)
             | Order.payment_ref.contains(text))
    digits = _phone_digits(text)
    if dialect.is_server(shop.db):
        ids = phones.orders_by_sealed_phone(
            lambda phone: text in phone.casefold()
            or (digits is not None and digits in phones.ungrouped(phone)), PHONE_MATCHES_MAX)
        if ids:
            found = found | Order.id.in_(ids)
    else:
        # The file keeps phones as typed: "138 0000 1234" is found by "13800001234" too, and
        # one saved full-width (before phones were NFKC'd) by ASCII digits.
        found = found | Order.customer_phone.contains(text)
        if digits:
            found = found | phones.ungrouped_sql(Order.customer_phone).contains(digits)
    if text in batch_label.casefold():
        unnamed = Order.is_batch & (Order.customer_name == "")
        if not dialect.is_server(shop.db):  # a sealed empty phone is told only when opened
            unnamed = unnamed & (Order.customer_phone == "")
        found = found | unnamed
    return found


def _phone_digits(text: str) -> str | None:
    """The digits of a phone however they were grouped ("132 8420-8417" → "13284208417"),
    typed full-width or with +86 (QA s18b F2), when ``text`` looks like a phone number or part
    of one (QA s14b N4); else None."""
    return phones.phone_digits(text)


def _sort_key(sort: str, server: bool) -> Any:
    if sort == "date":
        return Order.created_at
    if sort == "customer":  # pinyin order for Chinese names (``text.name_order_key``)
        if server:
            return fn.convert_to(fn.LOWER(Order.customer_name), NAME_ORDER_ENCODING)
        return getattr(fn, SQL_NAME_ORDER_KEY)(Order.customer_name)
    if sort == "total":
        return Order.total_cents
    if sort == "status":
        return Case(None, [(Order.status == status, rank)
                           for rank, status in enumerate(STATUSES)], len(STATUSES))
    if sort == "method":  # unpaid orders (no method) first, on either engine
        return fn.COALESCE(Order.payment_method, "")
    return Order.id


def _ordering(query: OrderQuery, search: Search, server: bool) -> list[Any]:
    """The sort, then the number the same way (a page boundary never splits a tie
    differently); an order asked for by number first."""
    keys = [_sort_key(query.sort, server)]
    if query.sort != "number":
        keys.append(Order.id)
    ordering = [key.desc() if query.descending else key.asc() for key in keys]
    if search.number is not None and not search.number_only:
        ordering.insert(0, Case(None, [(Order.id == search.number, 0)], 1).asc())
    return ordering


def _refunded(order_ids: Iterable[int]) -> dict[int, tuple[int, int, dt.datetime | None]]:
    """For the orders of one page: the money their refunds paid back, the units, and when the
    last of them was made."""
    ids = list(order_ids)
    if not ids:
        return {}
    query = (Refund.select(Refund.order, fn.SUM(Refund.amount_cents), refunded_units_sum(),
                           fn.MAX(Refund.refunded_at))
             .where(Refund.order.in_(ids)).group_by(Refund.order).tuples())
    return {order_id: (int(cents or 0), int(units or 0), _moment(last))
            for order_id, cents, units, last in query}


def _moment(value: object) -> dt.datetime | None:
    """A time an aggregate read: the server gives it as a time, the file as its stored text."""
    if value is None or isinstance(value, dt.datetime):
        return value
    moment = dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
