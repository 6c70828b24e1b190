"""The restore's loss question names only what the owner would lose (QA s18a F9): no "paid
back 0.00 … Do not pay them back a second time" for refunds that paid nothing back, and an
integrity acknowledgement (a record of evidence) is no "other change (products, settings,
card-key imports)"."""

from __future__ import annotations

from pathlib import Path

from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot

from desktop_app.cli.restore_commands import loss_lines
from desktop_app.core import audit, backup, restore
from desktop_app.core.store import Shop

NOTHING_PAID = restore.RestoreLoss(True, orders=1, refunds=2, refund_cents=0, events=4,
                                   refunds_of_lost_orders=1, lost_orders_refund_cents=0)


def test_refunds_that_paid_nothing_back_are_not_told_to_be_paid_twice(qtbot: QtBot) -> None:
    from desktop_app.ui.admin.restore_loss_text import loss_text

    for text in (loss_text(NOTHING_PAID), " ".join(loss_lines(NOTHING_PAID))):
        assert "0.00" not in text and "second time" not in text, text
        assert "they paid no money back" in text
        assert "those orders show as not refunded" in text
        assert "lost with their orders" in text


def test_refunds_that_paid_money_back_still_warn(qtbot: QtBot) -> None:
    from desktop_app.ui.admin.restore_loss_text import loss_text

    paid = restore.RestoreLoss(True, orders=1, refunds=1, refund_cents=1500, events=3)
    for text in (loss_text(paid), " ".join(loss_lines(paid))):
        assert "paid back ¥15.00" in text and "second time" in text
        assert "paid no money back" not in text


def test_an_acknowledgement_is_no_other_change(shop: Shop, shop_dir: Path,
                                               tmp_path: Path) -> None:
    out = backup.write_backup(shop, tmp_path / "before.vsbackup")
    audit.acknowledge(shop, "checked the receipts", [])
    shop.close()
    _, loss = restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert loss.other_changes == 0
    assert "other changes (products, settings, card-key imports): 0" in " ".join(
        loss_lines(loss))


def test_paid_orders_since_say_their_vouchers_will_be_refused(
        qtbot: QtBot, shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA s39a F5: "orders: 1" said nothing of the ¥199 taken nor of the voucher, already
    with 赵阿姨, refused as unknown after the restore; and "(0; none of those vouchers can be
    used again)" was said of no voucher."""
    from desktop_app.core import fulfilment, orders, products
    from desktop_app.ui.admin.restore_loss_text import loss_text

    wash = products.add_product(shop, "Wash x5", "199", "service", uses=5)
    out = backup.write_backup(shop, tmp_path / "before.vsbackup")
    card = products.add_product(shop, "Gift card", "100", "giftcard")
    paid = orders.create_order(shop, [(wash.id, 1), (card.id, 1)], "赵阿姨")
    fulfilment.pay_order(shop, paid.id, "alipay")
    orders.create_order(shop, [(wash.id, 1)], "not paid")
    shop.close()
    _, loss = restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert (loss.orders, loss.paid_orders, loss.paid_cents, loss.paid_vouchers) == (
        2, 1, 29900, 2)
    for text in (loss_text(loss), " ".join(loss_lines(loss))):
        assert "One of those orders was paid (¥299.00): its vouchers (2)" in text, text
        assert "refused as unknown after the restore" in text
    assert "none of those vouchers" not in loss_text(loss)  # no redemption carried


def test_redemptions_carried_over_keep_their_vouchers_usable(shop: Shop, shop_dir: Path,
                                                           tmp_path: Path, qtbot: QtBot) -> None:
    """QA s41a F2: "(1; none of those vouchers can be used again)" of a pass with 3 of 5 uses
    left: read as the restore killing customers' passes."""
    from desktop_app.core import fulfilment, orders, products, redemption
    from desktop_app.ui.admin.restore_loss_text import loss_text

    wash = products.add_product(shop, "Wash x5", "199", "service", uses=5)
    [sold] = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id, "cash")
    out = backup.write_backup(shop, tmp_path / "before.vsbackup")
    assert redemption.redeem(shop, sold.payload, "Counter 1").ok
    shop.close()
    _, loss = restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)
    text = loss_text(loss)
    assert "every redemption the shop's data holds (1: the uses they took stay used, what " \
           "each voucher has left stays usable)" in text, text
    assert "can be used again" not in text
