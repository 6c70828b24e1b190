"""The commands of products, card keys and orders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.cli.frame import (
    Context,
    Outcome,
    open_as_operator,
)
from desktop_app.cli.voucher_commands import voucher_json
from desktop_app.core import (
    cardkeys,
    fulfilment,
    orders,
    products,
    refunds,
)
from desktop_app.core.errors import (
    InvalidInput,
)
from desktop_app.core.key_pattern import KEY_PART_SEPARATOR
from desktop_app.core.key_rows import read_key_file, shown_header
from desktop_app.core.money import money_text
from desktop_app.i18n import translate
from desktop_app.messages.labels import REFUSED_SHOWN, method_label, refusal_label


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
    lines = [f"{r.id:>5}  {r.kind:<8} {money_text(r.price_cents):>10} {currency}  "
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
        issued = fulfilment.pay_order(shop, ctx.args.order_id, ctx.args.method, ctx.args.ref or "")
        data = {"order": ctx.args.order_id, "vouchers": [voucher_json(v) for v in issued]}
    lines = [f"{v.code}  {v.payload}  {v.product_name}" for v in issued]
    return Outcome(data, lines or [translate("cli", "Paid; this order has no vouchers.")])


def cmd_order_refund(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        result = refunds.refund_order(shop, ctx.args.order_id)
        currency = shop.currency
    reloads = [{"order": part.order_id, "method": part.method,
                "refund": money_text(part.money_cents)} for part in result.reloads]
    data: dict[str, Any] = {
        "order": ctx.args.order_id, "voided": result.voided,
        "stock_returned": result.stock_returned, "keys_returned": result.keys_returned,
        "refund": money_text(result.refund_cents)}
    if reloads:
        data["reloads"] = reloads
    return Outcome(data, _refund_lines(data, currency))


def _refund_lines(data: dict[str, Any], currency: str) -> list[str]:
    """What the counter hands back, the reloads' parts apart (each by its own method)."""
    said = (translate("cli", "Refunded order {order}: pay back {refund} {currency}; 1 voucher "
                             "void.") if data["voided"] == 1 else
            translate("cli", "Refunded order {order}: pay back {refund} {currency}; {voided} "
                             "vouchers void."))
    lines = [said.format(currency=currency, **data)]
    lines += [translate("cli", "  {refund} {currency} of it for reload order {order} "
                               "(paid by {method}), refunded with its card.").format(
        currency=currency, **{**part, "method": method_label(part["method"])})
        for part in data.get("reloads", [])]
    if data["keys_returned"]:
        lines.append(translate(
            "cli", "{keys} card keys are set aside as returned: the customer had them. Check "
            "them before putting them back on sale.").format(keys=data["keys_returned"]))
    return lines


def cmd_order_list(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        rows = [order_json(o) for o in orders.list_orders(shop, ctx.args.status)]
    lines = [f"{r['id']:>6}  {r['status']:<9} {r['total']:>10}  {r['customer']}" for r in rows]
    return Outcome({"orders": rows}, lines)
