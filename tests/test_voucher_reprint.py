"""A reprint says what became of the voucher: void after a refund, used up, its card key
faulty. Once these printed like a valid voucher ("0 of 1 uses left" with a scannable QR, a
refunded gift card with no mark). And a card key written into a PDF leaves an audit row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run
from test_printing import pdf_text

from desktop_app import printing
from desktop_app.core import cardkeys, fulfilment, orders, products, redemption, refunds
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.sending import CHANNELS, record_card_keys_written
from desktop_app.core.store import Shop, open_shop
from desktop_app.core.vouchers_view import VoucherView, voucher_views
from desktop_app.printing import wording
from desktop_app.ui.admin.audit_model import CHANNEL_LABELS
from desktop_app.ui.orders.voucher_send import voucher_message

pytestmark = pytest.mark.usefixtures("qapp")

VOID, USED_UP, FAULTY = ("VOID – not valid", "Used up – no uses left",
                         "Card key faulty – a replacement is owed")


def sell(shop: Shop, name: str, count: int = 1, **kind: object) -> list[int]:
    product = products.add_product(shop, name, "20.00", **kind)  # type: ignore[arg-type]
    if kind.get("kind") == "cardkey":
        cardkeys.import_card_keys(shop, product.id, "".join(
            f"{name.upper()}-KEY-{i:04}\n" for i in range(count)))
    order = orders.create_order(shop, [(product.id, count)])
    return [v.id for v in fulfilment.pay_order(shop, order.id)]


def view(shop: Shop, voucher_id: int) -> VoucherView:
    [found] = voucher_views(shop, [voucher_id])
    return found


def flat(pdf: Path) -> str:
    return " ".join(pdf_text(pdf).split())


def test_the_view_says_void_used_up_and_faulty(shop: Shop) -> None:
    [wash] = sell(shop, "Wash", uses=1)
    [card] = sell(shop, "Gift", kind="giftcard")
    [key] = sell(shop, "Game", kind="cardkey")
    assert [view(shop, i).status for i in (wash, card, key)] == ["valid"] * 3
    assert redemption.redeem(shop, view(shop, wash).payload, "T").ok
    assert view(shop, wash).status == "used_up"
    assert redemption.redeem(shop, view(shop, card).payload, "T", amount_cents=2000).ok
    assert view(shop, card).status == "valid"  # a card at nought may be reloaded
    # A card with money left is refunded and void (one at nought is not refunded: F12).
    [refunded] = sell(shop, "Gift 2", kind="giftcard")
    refunds.refund_order(shop, Voucher.get_by_id(refunded).order_id)
    assert view(shop, refunded).status == "void"
    key_id = Voucher.get_by_id(key).card_key_id
    cardkeys.mark_key_faulty(shop, key_id)
    assert view(shop, key).card_key_faulty and wording.marks(view(shop, key)) == [FAULTY]
    cardkeys.import_card_keys(shop, Voucher.get_by_id(key).product_id, "GAME-KEY-NEW\n")
    cardkeys.replace_faulty_key(shop, key_id)
    assert not view(shop, key).card_key_faulty  # the voucher carries the good key now


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_every_layout_prints_the_mark(shop: Shop, tmp_path: Path, layout: str) -> None:
    [wash] = sell(shop, "Wash", uses=1)
    assert redemption.redeem(shop, view(shop, wash).payload, "T").ok
    [card] = sell(shop, "Gift", kind="giftcard")
    refunds.refund_order(shop, Voucher.get_by_id(card).order_id)
    keys = sell(shop, "Game", 2, kind="cardkey")
    cardkeys.mark_key_faulty(shop, Voucher.get_by_id(keys[0]).card_key_id)
    views = voucher_views(shop, [wash, card, *keys])
    for one, mark in zip(views, (USED_UP, VOID, FAULTY, None), strict=True):
        pdf = tmp_path / f"{layout}-{one.code}.pdf"
        printing.write_voucher_pdf(pdf, [one], layout)
        text = flat(pdf)
        assert one.code in text
        for said in (VOID, USED_UP, FAULTY):
            assert (said in text) == (said == mark), (layout, said, text)
    if layout == "a4":  # the sheet of cut-out vouchers too
        sheet = tmp_path / "sheet.pdf"
        printing.write_voucher_pdf(sheet, views, "a4")
        text = flat(sheet)
        assert all(said in text for said in ("VOID", "Used up", "Card key faulty")), text
    assert voucher_message(views[1]).splitlines()[0] == VOID


def test_every_channel_has_words_in_the_audit_log() -> None:
    assert set(CHANNELS) <= set(CHANNEL_LABELS)


def test_card_keys_written_are_audited_once_each(shop: Shop) -> None:
    keys = sell(shop, "Game", 2, kind="cardkey")
    [wash] = sell(shop, "Wash")
    assert record_card_keys_written(shop, [wash, *keys], "print") == 2
    sent = list(AuditEvent.select().where(AuditEvent.kind == "cardkey_sent"))
    assert sorted(int(e.subject) for e in sent) == keys
    assert all(json.loads(e.detail)["channel"] == "print" for e in sent)
    assert all("GAME-KEY" not in e.detail for e in sent)


# -- the command line ------------------------------------------------------------------------


def cli_sale(folder: Path, *product: str) -> dict[str, object]:
    made = as_json(run(folder, "product", "add", *product, "--price", "10", "--json"))
    order = as_json(run(folder, "order", "create", "--item", str(made["id"]), "--json"))
    paid = as_json(run(folder, "order", "pay", str(order["id"]), "--json"))
    return {"order": order["id"], **paid["vouchers"][0]}


def test_cli_reprints_a_void_voucher_marked_and_audits_a_key(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--shop-name", "Corner", "--json").returncode == 0
    wash = cli_sale(folder, "--name", "Wash", "--uses", "1")
    assert run(folder, "order", "refund", str(wash["order"]), "--json").returncode == 0
    pdf = tmp_path / "void.pdf"
    made = as_json(run(folder, "voucher", "qr", str(wash["code"]), "--out", str(pdf),
                       "--layout", "receipt58", "--json"))
    assert made["status"] == "void" and VOID in flat(pdf)
    assert any("void" in note for note in made["notes"])
    png = tmp_path / "void.png"
    said = run(folder, "voucher", "qr", str(wash["code"]), "--out", str(png), "--layout",
               "receipt58")
    assert said.returncode == 0 and "--layout is for a PDF" in said.stdout
    assert "QR code alone and does not say so" in said.stdout
    plain = cli_sale(folder, "--name", "Wash twice", "--uses", "2")
    quiet = as_json(run(folder, "voucher", "qr", str(plain["code"]), "--out", str(png),
                        "--json"))
    assert quiet["status"] == "valid" and "notes" not in quiet

    game = as_json(run(folder, "product", "add", "--name", "Game", "--price", "10", "--kind",
                       "cardkey", "--json"))["id"]
    keys = tmp_path / "keys.txt"
    keys.write_text("GAME-SECRET-0001\n", encoding="utf-8")
    assert run(folder, "cardkey", "import", str(game), str(keys), "--json").returncode == 0
    order = as_json(run(folder, "order", "create", "--item", str(game), "--json"))["id"]
    key = as_json(run(folder, "order", "pay", str(order), "--json"))["vouchers"][0]
    assert run(folder, "voucher", "qr", key["code"], "--out", str(png)).returncode == 0
    key_pdf = tmp_path / "key.pdf"
    assert run(folder, "voucher", "qr", key["code"], "--out", str(key_pdf)).returncode == 0
    assert "GAME-SECRET-0001" in flat(key_pdf)
    with open_shop(folder, OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"]) as shop:
        sent = list(AuditEvent.select().where(AuditEvent.kind == "cardkey_sent"))
        assert [(e.subject, json.loads(e.detail)["channel"]) for e in sent] == [
            (str(key["id"]), "pdf")]  # the PNG is the QR alone: no key left in it
        assert shop.operator.name == OWNER_ENV["SHOP_OPERATOR"]


def test_an_expired_voucher_says_so_when_reprinted(shop: Shop, tmp_path: Path) -> None:
    """Reprinted after its end, a pass looked valid (void and used up had marks, not this)."""
    import datetime as dt

    [wash] = sell(shop, "Wash", uses=3)
    ended = dt.datetime(2025, 5, 2, 9, 30, tzinfo=dt.UTC)
    Voucher.update(valid_until=ended).where(Voucher.id == wash).execute()
    expired = view(shop, wash)
    assert expired.status == "expired"
    [said] = wording.marks(expired)
    assert said.startswith("Expired – it was valid until 2025-05-0")
    pdf = tmp_path / "expired.pdf"
    printing.write_voucher_pdf(pdf, [expired], "a4")
    assert "Expired" in flat(pdf)


INVITATIONS = ("1 use", "uses", "Balance", "Valid until", "No expiry", "at the counter")


@pytest.mark.parametrize("layout", printing.LAYOUTS)
def test_a_voucher_that_may_not_be_used_does_not_invite_its_use(
        shop: Shop, tmp_path: Path, layout: str) -> None:
    """QA s10c F3: a refunded pass reprinted boxed VOID, and under the box "1 use", its
    validity and "Show the QR code … at the counter"; a customer handed it read both."""
    import datetime as dt

    [void_pass] = sell(shop, "Wash", uses=1)
    refunds.refund_order(shop, Voucher.get_by_id(void_pass).order_id)
    [void_card] = sell(shop, "Gift", kind="giftcard")
    refunds.refund_order(shop, Voucher.get_by_id(void_card).order_id)
    [expired] = sell(shop, "Polish", uses=3)
    Voucher.update(valid_until=dt.datetime(2025, 5, 2, tzinfo=dt.UTC)).where(
        Voucher.id == expired).execute()
    [used] = sell(shop, "Vacuum", uses=1)
    assert redemption.redeem(shop, view(shop, used).payload, "T").ok
    [good] = sell(shop, "Good wash", uses=1, valid_days=30)
    for voucher_id, kept in ((void_pass, VOID), (void_card, VOID), (expired, "Expired"),
                             (used, "0 of 1 uses left"), (good, "at the counter")):
        one = view(shop, voucher_id)
        pdf = tmp_path / f"{layout}-{one.code}.pdf"
        printing.write_voucher_pdf(pdf, [one], layout)
        for said in (flat(pdf), voucher_message(one)):
            assert one.code in said and kept in said, said
            if voucher_id == good:
                assert all(part in said for part in ("1 use", "Valid until")), said
            elif voucher_id != used:
                assert not any(part in said for part in INVITATIONS), said
            else:  # what is left, nought, and nothing to take
                assert not any(part in said for part in INVITATIONS[3:]), said
