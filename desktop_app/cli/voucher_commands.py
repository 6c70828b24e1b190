"""The commands of vouchers: show, find, QR, batch, reload, and decoding QR images (``redeem``
has a module of its own, ``redeem_command``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from desktop_app.cli.frame import (
    Context,
    Outcome,
    open_as_operator,
    padded,
    painting_application,
    validity,
    when_exact,
)
from desktop_app.core import (
    dates,
    fulfilment,
    giftcards,
    reports,
    roles,
    sending,
    voucher_lookup,
    vouchers,
)
from desktop_app.core.errors import (
    InvalidInput,
    ShopError,
)
from desktop_app.core.fileio import atomic_write_bytes, check_writable
from desktop_app.core.money import money_text, parse_amount, parse_money
from desktop_app.core.store import Shop
from desktop_app.core.text import display_width
from desktop_app.core.vouchers_view import VoucherView, voucher_view, voucher_views
from desktop_app.i18n import translate
from desktop_app.messages.labels import money
from desktop_app.messages.verdict_texts import headline, status_text

# valid_until is the moment in UTC (ISO 8601), for scripts; valid_until_local (extends the
# contract, last so the others keep their places) as the voucher prints it, for a person.
BATCH_COLUMNS = ("code", "payload", "product", "uses", "valid_until", "valid_until_local")


def voucher_json(item: fulfilment.IssuedVoucher) -> dict[str, Any]:
    data = {"id": item.id, "code": item.code, "payload": item.payload,
            "product": item.product_name, "uses": item.uses,
            "valid_until": item.valid_until.isoformat() if item.valid_until else None}
    if item.balance_cents is not None:
        data["balance"] = money_text(item.balance_cents)
    return data


def info_json(info: voucher_lookup.VoucherInfo) -> dict[str, Any]:
    data = dataclasses.asdict(info)
    for key in ("valid_from", "valid_until", "issued_at"):
        data[key] = data[key].isoformat() if data[key] else None
    for row in data["history"]:
        row["at"] = row["at"].isoformat()
        change, after = row.pop("card_change_cents"), row.pop("card_balance_cents")
        if change is not None:  # a gift card's spend or undo: decimal strings, as balance
            row["balance_change"], row["balance_after"] = money_text(change), money_text(after)
    if not data["payload"]:
        del data["payload"]
    if not info.code_hidden:
        del data["code_hidden"]  # only Find's gift cards for a clerk have it (QA s21a F4)
    if info.balance is None:
        del data["balance"]
    else:
        data["balance"] = money_text(info.balance)  # a decimal string, as the contract writes it
    return data


def info_line(info: voucher_lookup.VoucherInfo, currency: str) -> str:
    """One voucher for a person: its status in words, and a gift card's balance, not "uses
    left 1 of 1" (QA)."""
    customer = " ".join(part for part in (info.customer, info.customer_phone) if part)
    if info.balance is not None:
        left = translate("cli", "balance {balance}").format(balance=money(info.balance, currency))
    else:
        left = translate("cli", "uses left {left} of {total}").format(
            left=info.uses_left, total=info.uses_total)
    return translate("cli", "{code}  {product}  {status}, {left}, {validity}  "
                     "{customer}").format(
        code=info.code, product=info.product, status=status_text(info.status), left=left,
        validity=validity(info.valid_until), customer=customer).rstrip()


def cmd_voucher_show(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        info = voucher_lookup.lookup(shop, ctx.args.code)
        currency = shop.currency
    lines = [info_line(info, currency)]
    words = [headline(a.reason) for a in info.history]
    width = max(map(display_width, words), default=0) + 1  # a gap after the longest
    lines += [f"  {when_exact(a.at)}  {padded(word, width)}{a.operator} @ {a.station}"
              + _money_moved(a, currency) for a, word in zip(info.history, words, strict=True)]
    return Outcome(info_json(info), lines)


def _money_moved(row: voucher_lookup.HistoryRow, currency: str) -> str:
    """A gift card's spend or undo, as its ledger writes it: what moved, the balance after."""
    if row.card_change_cents is None or row.card_balance_cents is None:
        return ""
    sign = "+" if row.card_change_cents > 0 else "-"
    return "  " + translate("cli", "{change}, balance {balance}").format(
        change=sign + money(abs(row.card_change_cents), currency),
        balance=money(row.card_balance_cents, currency))


def cmd_voucher_find(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        found = voucher_lookup.find_vouchers(shop, ctx.args.customer)
        currency = shop.currency
    data = {"vouchers": [info_json(info) for info in found], "count": len(found)}
    lines = [info_line(info, currency) for info in found]
    if any(info.code_hidden for info in found):
        lines.append(translate("cli", "A gift card's code is hidden for a clerk: scan the card, "
                                      "or use `voucher cards` with its PIN."))
    return Outcome(data, lines or [translate("cli", "No vouchers found.")])


def output_path(text: str, allowed: tuple[str, ...]) -> Path:
    """``--out``, checked before anything is done: its kind, and a folder to write it in."""
    out = Path(text).expanduser()
    if out.suffix.lower() not in allowed:
        raise InvalidInput(field="out", problem="format", allowed=", ".join(allowed))
    return check_writable(out)


def _qr_notes(view: VoucherView, pdf: bool, layout: str | None) -> list[str]:
    """What the owner should know about the file just written: a void, used-up or faulty-key
    voucher (the PDF says so on the voucher, the PNG of the QR alone cannot), a layout that a
    PNG does not use."""
    notes = []
    if view.status == "void":
        notes.append(translate("cli", "This voucher is void: its order was refunded or "
                                      "cancelled."))
    elif view.status == "used_up":
        notes.append(translate("cli", "This voucher has no uses left."))
    elif view.status == "expired":
        notes.append(translate("cli", "This voucher has expired."))
    if view.card_key_faulty:
        notes.append(translate("cli", "Its card key was marked faulty: the customer is owed "
                                      "a replacement (Inventory → Card keys in the app)."))
    if notes:
        notes.append(translate("cli", "The PDF says so on the voucher.") if pdf else translate(
            "cli", "The PNG is the QR code alone and does not say so: use a PDF for a copy."))
    if not pdf and layout is not None:
        notes.append(translate("cli", "--layout is for a PDF; the PNG is the QR code alone."))
    return notes


def cmd_voucher_qr(ctx: Context) -> Outcome:
    out = output_path(ctx.args.out, (".png", ".pdf"))
    pdf = out.suffix.lower() == ".pdf"
    with open_as_operator(ctx) as shop:
        roles.require_owner(shop, "voucher_qr")
        voucher = voucher_lookup.voucher_by_text(shop, ctx.args.code)
        payload = fulfilment.voucher_payload(shop, voucher)
        view = voucher_view(shop, voucher)
        if pdf and view.card_key:  # the key in full leaves in the file: its row first
            sending.record_card_keys_written(shop, [voucher.id], "pdf")
    if not pdf:
        atomic_write_bytes(out, vouchers.qr_png(payload))
    else:
        from desktop_app import printing  # here: Qt, only for the commands that paint

        painting_application()
        printing.write_voucher_pdf(out, [view], ctx.args.layout or "a4")
    notes = _qr_notes(view, pdf, ctx.args.layout)
    data: dict[str, Any] = {"out": str(out), "payload": payload, "status": view.status}
    if view.card_key_faulty:
        data["card_key_faulty"] = True
    if notes:
        data["notes"] = notes
    return Outcome(data, [str(out), *notes])


def _batch_csv(issued: list[fulfilment.IssuedVoucher]) -> bytes:
    """A batch is one product with one validity and one number of uses: the columns every row
    shares go through the CSV writer once. Codes and payloads are letters, digits and hyphens,
    which CSV never quotes, so they are written as they are."""
    first = issued[0]
    name = reports.spreadsheet_safe(first.product_name)
    until = first.valid_until.isoformat() if first.valid_until else ""
    printed = dates.valid_until_text(first.valid_until) if first.valid_until else ""
    text = reports.csv_bytes(BATCH_COLUMNS,
                             [["", "", name, first.uses, until, printed]]).decode()
    header, row = text.split("\r\n", 1)  # the header's names hold no line break
    shared = row[1:]  # from the comma before the product on, after two empty fields
    return (header + "\r\n" + "".join([f"{v.code},{v.payload}{shared}" for v in issued])
            ).encode()


def _write_batch(out: Path, shop: Shop, issued: list[fulfilment.IssuedVoucher]) -> None:
    if out.suffix.lower() == ".csv":
        atomic_write_bytes(out, _batch_csv(issued))
        return
    from desktop_app import printing  # here: Qt, only for the commands that paint

    painting_application()
    views = voucher_views(shop, [v.id for v in issued])
    printing.write_voucher_pdf(out, views, "a4")


def _ready_to_draw(out: Path | None) -> None:
    """For a PDF, Qt and the painter load before the batch is issued: a Qt that cannot start
    here fails (or aborts) with nothing sold (QA s11b F8)."""
    if out is not None and out.suffix.lower() == ".pdf":
        from desktop_app import printing  # noqa: F401  here: Qt, only for the commands that paint

        painting_application()


def cmd_voucher_batch(ctx: Context) -> Outcome:
    out = output_path(ctx.args.out, (".csv", ".pdf")) if ctx.args.out else None
    price = None if ctx.args.price is None else parse_money(ctx.args.price, "price")
    _ready_to_draw(out)
    with open_as_operator(ctx) as shop:
        issued = fulfilment.issue_batch(shop, ctx.args.product_id, ctx.args.count,
                                        ctx.args.note or "", unit_price_cents=price,
                                        station=ctx.args.station)
        order_id = issued[0].order_id
        data: dict[str, Any] = {"order": order_id, "count": len(issued)}
        if out is None:
            data["vouchers"] = [voucher_json(v) for v in issued]
            return Outcome(data, [f"{v.code}  {v.payload}" for v in issued])
        try:
            _write_batch(out, shop, issued)
        except ShopError as exc:
            # The vouchers exist, paid: say where, and not "nothing changed, do it again"
            # (QA s11a F10: each retry issued another paid batch).
            exc.params.update(order=order_id, issued_order=order_id, issued_count=len(issued))
            raise
    data["out"] = str(out)
    return Outcome(data, [translate(
        "cli", "Issued {count} vouchers (order {order}); written to {out}.").format(**data)])


def cmd_voucher_reload(ctx: Context) -> Outcome:
    amount = parse_amount(ctx.args.amount)
    with open_as_operator(ctx) as shop:
        card = voucher_lookup.voucher_by_text(shop, ctx.args.code)
        change = giftcards.reload(shop, card, amount, ctx.args.method, ctx.args.station,
                                  ctx.args.ref or "")
        data = {"voucher": change.voucher_id, "code": vouchers.typed_code(card.code),
                "order": change.order_id, "amount": money_text(change.amount_cents),
                "balance": money_text(change.balance_cents), "method": ctx.args.method}
    return Outcome(data, [translate(
        "cli", "Reloaded {code} with {amount} (order {order}); balance {balance}.").format(
        **data)])


def cmd_voucher_cashout(ctx: Context) -> Outcome:
    with open_as_operator(ctx) as shop:
        card = voucher_lookup.voucher_by_text(shop, ctx.args.code)
        change = giftcards.cash_out(shop, card, ctx.args.station)
        data = {"voucher": change.voucher_id, "code": vouchers.typed_code(card.code),
                "amount": money_text(change.money_cents),
                "emptied": money_text(-change.amount_cents),
                "balance": money_text(change.balance_cents)}
    return Outcome(data, [translate(
        "cli", "Paid out {amount} in cash for the {emptied} on {code}; balance {balance}."
    ).format(**data)])


def cmd_decode(ctx: Context) -> Outcome:
    # here: OpenCV and the decoders load only for this command
    from desktop_app.scanning.decoders import UnreadableImage, decode_file

    results = []
    for name in ctx.args.image:
        try:
            found = [d.text for d in decode_file(Path(name))]
        except UnreadableImage as exc:
            # a file that was read but holds no picture is not "unreadable" (QA s11a)
            problem = "not_an_image" if exc.reason == "not_an_image" else "unreadable"
            raise InvalidInput(field="image", problem=problem, path=name) from exc
        results.append({"file": name, "payloads": found})
    lines = [f"{r['file']}: {' '.join(r['payloads']) or '—'}" for r in results]
    return Outcome({"images": results}, lines)
