"""The commands of products, card keys and orders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.frame import (
    Context,
    Outcome,
    open_as_operator,
    padded,
    when,
)
from desktop_app.cli.voucher_commands import voucher_json
from desktop_app.core import (
    cardkeys,
    fulfilment,
    order_list,
    orders,
    products,
    refunds,
)
from desktop_app.core.errors import (
    InvalidInput,
)
from desktop_app.core.key_pattern import KEY_PART_SEPARATOR
from desktop_app.core.key_rows import read_key_file, shown_header
from desktop_app.core.money import money_text, parse_money, without_currency
from desktop_app.core.orders import OrderRow
from desktop_app.i18n import translate
from desktop_app.messages.labels import (
    REFUSED_SHOWN,
    kind_label,
    method_label,
    money,
    order_status_text,
    refusal_label,
)

if TYPE_CHECKING:
    from desktop_app.core.store import Shop


def product_json(row: products.ProductDetail) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "kind": row.kind,
            "price": money_text(row.price_cents), "uses": row.uses_per_voucher,
            "valid_days": row.valid_days, "stock": row.stock, "active": row.active}


def cmd_product_add(ctx: Context) -> Outcome:
    a = ctx.args
    with open_as_operator(ctx) as shop:
        product = products.add_product(shop, a.name, a.price, a.kind, a.uses, a.valid_days,
                                        a.stock, value=a.value)
        data = {"id": product.id, "name": product.name}
    return Outcome(data, [str(product.id)])


def cmd_product_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = products.list_products(shop, include_archived=ctx.args.all)
        currency = shop.currency
    stock_word = translate("cli", "stock")
    lines = [f"{r.id:>5}  {padded(kind_label(r.kind), 10)} {money(r.price_cents, currency):>12}  "
             f"{stock_word} {'∞' if r.stock is None else r.stock:<8} {r.name}" for r in rows]
    return Outcome({"products": [product_json(r) for r in rows], "currency": currency}, lines)


def cmd_cardkey_import(ctx: Context) -> Outcome:
    path = Path(ctx.args.file)
    try:
        text = read_key_file(path)
    except InvalidInput as exc:  # unreadable, too_large, not_utf8…: the path says which file
        raise InvalidInput(**exc.params, path=str(path)) from exc
    with open_as_operator(ctx) as shop:
        report = cardkeys.import_card_keys(shop, ctx.args.product_id, text)
    data = {"imported": report.imported, "duplicate": report.duplicate,
            "other_product": report.other_product, "blank": report.blank,
            "malformed": report.malformed, "header": bool(report.header),
            "joined": report.joined, "conflicting": report.conflicting,
            "ignored_columns": list(report.ignored_columns), "unusual": report.unusual,
            "odd_shaped": report.odd_shaped,
            "refused_lines": [{"line": refused.line, "reason": refused.reason,
                               "masked": refused.masked} for refused in report.refused]}
    return Outcome(data, cardkey_import_lines(report))


def cardkey_import_lines(report: cardkeys.KeyImportReport) -> list[str]:
    """The import's counts, then what they do not say: the header, joined columns."""
    lines = [translate(
        "cli", "Imported {imported} card keys; refused {duplicate} duplicate, {other} already "
        "in stock under another product, {blank} blank and {malformed} malformed lines.").format(
            imported=report.imported, duplicate=report.duplicate, other=report.other_product,
            blank=report.blank, malformed=report.malformed)]
    if report.header:
        lines.append(translate("cli", "The first row was taken for a header and left out: "
                                      "{header}.").format(header=shown_header(report.header)))
    if report.ignored_columns:
        lines.append(translate("cli", "Columns left out of every key: {ignored}.").format(
            ignored=shown_header(report.ignored_columns)))
    if report.conflicting:
        lines.append(translate(
            "cli", "Same card number, different password or other column: {count}, left out "
            "with the duplicates; ask the supplier which one is right.").format(
                count=report.conflicting))
    if report.joined:
        lines.append(translate(
            "cli", "Keys from rows of several columns: {count}, each kept as one key with its "
            "columns joined by \"{separator}\" (e.g. card number{separator}password).").format(
                count=report.joined, separator=KEY_PART_SEPARATOR))
    if report.unusual:
        lines.append(translate(
            "cli", "Keys with a space and then Chinese text in them (a note in the key's own "
            "cell?): {count}. They were imported as they are; check them.").format(
                count=report.unusual))
    if report.odd_shaped:
        lines.append(translate(
            "cli", "Keys shaped unlike the others: {count} ({keys}). They were imported; "
            "if one is a stray row of the file, mark it faulty in the app (Inventory, Card "
            "keys…) before it is sold.").format(
                count=len(report.odd_shaped), keys=", ".join(report.odd_shaped[:5])))
    return lines + refused_lines_said(report.refused)


def refused_lines_said(refused: list[cardkeys.RefusedLine]) -> list[str]:
    """The first ``REFUSED_SHOWN`` lines refused as no key: number, masked text, why."""
    if not refused:
        return []
    lines = [translate("cli", "Lines refused as no key:")]
    lines += [translate("cli", "  line {line}: {masked} ({reason})").format(
        line=item.line, masked=item.masked, reason=refusal_label(item.reason))
        for item in refused[:REFUSED_SHOWN]]
    if len(refused) > REFUSED_SHOWN:
        lines.append(translate("cli", "  and {count} more (--json lists them all).").format(
            count=len(refused) - REFUSED_SHOWN))
    return lines


def order_json(order: Any) -> dict[str, Any]:
    return {"id": order.id, "status": order.status, "total": money_text(order.total_cents),
            "customer": order.customer_name, "created_at": order.created_at.isoformat(),
            "paid_at": order.paid_at.isoformat() if order.paid_at else None,
            "method": order.payment_method}


def cmd_order_create(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        order = orders.create_order(shop, ctx.args.item, ctx.args.customer or "",
                                    ctx.args.phone or "", ctx.args.note or "")
        data = order_json(order)
    return Outcome(data, [str(order.id)])


def cmd_order_pay(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        before = orders.get_order(ctx.args.order_id)
        issued = fulfilment.pay_order(shop, ctx.args.order_id, ctx.args.method,
                                      ctx.args.ref or "", ctx.args.station)
        data: dict[str, Any] = {"order": ctx.args.order_id,
                                "vouchers": [voucher_json(v) for v in issued]}
        if before.status == "paid":  # a retry after a lost answer, or a second till
            data.update(already_paid=True, method=before.payment_method,
                        paid_at=before.paid_at.isoformat() if before.paid_at else None)
    lines = [f"{v.code}  {v.payload}  {v.product_name}" for v in issued]
    if data.get("already_paid"):  # QA s39b F16: a retry by card was "ok" as if charged
        lines.insert(0, translate("cli", "Order {order} was already paid ({method}, {when}): "
                                  "nothing was charged now.").format(
            order=ctx.args.order_id, method=method_label(before.payment_method),
            when=when(before.paid_at)))
    return Outcome(data, lines or [translate("cli", "Paid; this order has no vouchers.")])


def cmd_order_refund(ctx: Context) -> Outcome:
    expect = (None if ctx.args.expect is None
              else parse_money(without_currency(ctx.args.expect), "expect"))
    with open_as_operator(ctx) as shop:
        result = refunds.refund_order(shop, ctx.args.order_id, ctx.args.station, expect)
        currency = shop.currency
    reloads = [{"order": part.order_id, "method": part.method,
                "refund": money_text(part.money_cents)} for part in result.reloads]
    data: dict[str, Any] = {
        "order": ctx.args.order_id, "voided": result.voided,
        "stock_returned": result.stock_returned, "keys_returned": result.keys_returned,
        "refund": money_text(result.refund_cents)}
    if reloads:
        data["reloads"] = reloads
    return Outcome(data, _refund_lines(ctx.args.order_id, result, currency))


def _refund_lines(order_id: int, result: refunds.RefundResult, currency: str) -> list[str]:
    """What the counter hands back, the reloads' parts apart (each by its own method); money
    in the shop's currency, as every other line says it (¥70.00, not "70.00 CNY")."""
    said = (translate("cli", "Refunded order {order}: pay back {refund}; 1 voucher void.")
            if result.voided == 1 else
            translate("cli", "Refunded order {order}: pay back {refund}; {voided} vouchers "
                             "void."))
    lines = [said.format(order=order_id, refund=money(result.refund_cents, currency),
                         voided=result.voided)]
    lines += [translate("cli", "  {refund} of it for reload order {order} (paid by {method}), "
                               "refunded with its card.").format(
        refund=money(part.money_cents, currency), order=part.order_id,
        method=method_label(part.method)) for part in result.reloads]
    if result.keys_returned:
        lines.append(translate(
            "cli", "{keys} card keys are set aside as returned: the customer had them. Check "
            "them before putting them back on sale.").format(keys=result.keys_returned))
    return lines


def order_list_json(row: OrderRow) -> dict[str, Any]:
    """An order as ``order list --json`` gives it: ``order_json``'s keys, then (extending the
    contract) what its refunds paid back, their units and the last one's time (QA s20b F5)."""
    return {**order_json(row), "refunded": money_text(row.refunded_cents),
            "refunded_units": row.refunded_units,
            "refunded_at": row.refunded_at.isoformat() if row.refunded_at else None}


def all_orders(shop: Shop, status: str | None) -> list[OrderRow]:
    """Every order (of ``status``), newest first, read a page at a time as the Orders tab
    reads them, with what was refunded of each."""
    query, rows = order_list.OrderQuery(status=status), list[OrderRow]()
    while True:
        page = order_list.order_page(shop, query, len(rows))
        rows += page
        if len(page) < order_list.PAGE_SIZE:
            return rows


def cmd_order_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows, currency = all_orders(shop, ctx.args.status), shop.currency
    return Outcome({"orders": [order_list_json(row) for row in rows]},
                   [order_line(row, currency) for row in rows])


def order_line(row: OrderRow, currency: str) -> str:
    """An order as the Orders tab lists it: number, date, total, status in words (with the
    money its refunds paid back: QA s20b F5, "paid 66.66" for a part-refunded order), then
    the customer."""
    status = order_status_text(row.status, row.refunded_cents, row.refunded_units, currency,
                               refunded_money=True)
    return (f"{row.id:>6}  {when(row.created_at)}  {money(row.total_cents, currency):>12}  "
            f"{padded(status, STATUS_WIDTH)}  {row.customer_name}").rstrip()


STATUS_WIDTH = 24  # "Paid, ¥1,234.56 refunded" fits; a longer status pushes the customer on
