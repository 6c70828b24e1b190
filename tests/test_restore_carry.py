"""What a restore carries into the restored copy (core/restore_carry.py), on real encrypted
shops: redemptions also across histories that diverged (an older backup restored first, then
the newer one), a gift card's ledger with its carried balance, and card keys handed out since
the backup (QA s2: D12, D14, D15)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from PySide6.QtWidgets import QApplication

from desktop_app.core import (
    audit,
    backup,
    cardkeys,
    fulfilment,
    giftcards,
    orders,
    products,
    redemption,
    refunds,
    restore,
)
from desktop_app.core.errors import InvalidState
from desktop_app.core.models import CardKey, RedemptionAttempt, Voucher
from desktop_app.core.store import Shop, open_shop


def sold(shop: Shop, kind: str = "service", uses: int = 1, price: str = "10"
         ) -> list[fulfilment.IssuedVoucher]:
    count = len(products.list_products(shop, include_archived=True))
    item = products.add_product(shop, f"Item {count + 1}", price, kind, uses=uses)
    order = orders.create_order(shop, [(item.id, 1)], "Kim")
    return fulfilment.pay_order(shop, order.id, "cash")


def restored_with(shop_dir: Path, chosen: Path) -> restore.RestoreLoss:
    """Restore ``chosen`` (the shop closed), answering yes; what the owner was told."""
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True

    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD, confirm=confirm)
    return told[0] if told else restore.RestoreLoss(True)


def carry_detail(shop: Shop) -> dict[str, object]:
    events = audit.list_events(shop, kind="restore_carry")
    return dict(json.loads(events[0].detail)) if events else {}


# --- D14: the older backup first, then the newer one ----------------------------------------


def test_restoring_the_older_then_the_newer_backup_keeps_every_redemption(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    (first,) = sold(shop)
    (second,) = sold(shop)
    (five,) = sold(shop, uses=5)
    older = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, first.payload, "c").ok
    newer = backup.write_backup(shop, tmp_path / "B.vsbackup")
    assert redemption.redeem(shop, second.payload, "c").ok
    assert redemption.redeem(shop, five.payload, "c", uses=2).ok
    shop.close()
    restored_with(shop_dir, older)
    loss = restored_with(shop_dir, newer)  # "I picked the wrong file first"
    # The histories diverge after A (the first restore's own event): still readable, and
    # the redemptions B lacks are counted and carried.
    assert loss.readable and loss.redemptions == 3 and loss.orders == 0
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert redemption.redeem(shop, second.payload, "c").reason == "already_redeemed"
        assert redemption.redeem(shop, first.payload, "c").reason == "already_redeemed"
        again = redemption.redeem(shop, five.payload, "c")
        assert again.ok and again.uses_left == 2
        assert audit.verify_shop(shop) == []
        assert carry_detail(shop)["attempts"] == 3 and carry_detail(shop)["events_lost"] == 0


def test_a_voucher_used_in_both_histories_ends_used_up_with_both_records(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """The shop's data was lost, an older backup restored (nothing to carry) and the voucher
    redeemed again; then the newer backup turns up. Both redemptions happened: the voucher
    ends with none left (never fewer), both records kept, the second under a new id (the
    same id is another attempt in the backup)."""
    (once,) = sold(shop)
    (twice,) = sold(shop, uses=2)
    older = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, once.payload, "c1").ok
    assert redemption.redeem(shop, twice.payload, "c1").ok
    newer = backup.write_backup(shop, tmp_path / "B.vsbackup")
    shop.close()
    (shop_dir / "shop.db").rename(tmp_path / "lost.db")  # the disk lost it
    assert not restored_with(shop_dir, older).readable
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        audit.acknowledge(shop, "the disk failed; restored A", audit.verify_shop(shop))
        assert redemption.redeem(shop, once.payload, "c2").ok
        assert redemption.redeem(shop, twice.payload, "c2", uses=2).ok
        ids_in_a = {row.id for row in RedemptionAttempt.select()}
    loss = restored_with(shop_dir, newer)
    assert loss.readable and loss.redemptions == 3
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert redemption.redeem(shop, once.payload, "c").reason == "already_redeemed"
        assert redemption.redeem(shop, twice.payload, "c").reason == "already_redeemed"
        for voucher in (once, twice):
            row = Voucher.get_by_id(voucher.id)
            used = RedemptionAttempt.select().where(RedemptionAttempt.voucher == voucher.id,
                                                    RedemptionAttempt.ok == True).count()  # noqa: E712
            assert row.uses_left == 0 and used == row.uses_total + 1
        stations = sorted(r.station for r in RedemptionAttempt.select().where(
            RedemptionAttempt.voucher == once.id))
        assert stations == ["c", "c1", "c2"]
        assert max(r.id for r in RedemptionAttempt.select()) > max(ids_in_a)
        assert audit.verify_shop(shop) == []
        assert carry_detail(shop)["overused"] == [once.id, twice.id]


def test_a_shop_that_cannot_be_read_is_still_told_so(shop: Shop, shop_dir: Path,
                                                      tmp_path: Path) -> None:
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    shop.close()
    database = shop_dir / "shop.db"
    database.write_bytes(b"\0" * database.stat().st_size)
    assert not restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)[1].readable


# --- D12: a gift card spent since the backup ------------------------------------------------


def test_a_card_spent_since_the_backup_keeps_its_ledger_and_verify_stays_clean(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    (card,) = sold(shop, "giftcard", price="100")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=6000).ok
    spent = redemption.redeem(shop, card.payload, "c", amount_cents=1000)
    redemption.undo_redemption(shop, spent.attempt_id or 0, "wrong amount", "c")
    giftcards.reload(shop, Voucher.get_by_id(card.id), 5000)  # its order is lost
    shop.close()
    loss = restored_with(shop_dir, out)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert audit.verify_shop(shop) == []  # was: giftcards: voucher 1 balance_mismatch
        assert [(e.kind, e.amount_cents) for e in giftcards.ledger(card.id)] == [
            ("issue", 10000), ("spend", -6000), ("spend", -1000), ("undo", 1000)]
        refused = redemption.redeem(shop, card.payload, "c", amount_cents=4001)
        assert refused.reason == "insufficient_balance"
        assert redemption.redeem(shop, card.payload, "c", amount_cents=4000).balance == 0
        assert audit.verify_shop(shop) == []
    # The reload's order is lost, and its money with it: the owner is told how much.
    assert loss.redemptions == 2 and loss.giftcard_changes == 1 and loss.reload_cents == 5000


def test_a_cash_out_since_the_backup_is_not_paid_again(shop: Shop, shop_dir: Path,
                                                       tmp_path: Path) -> None:
    """Money paid out of a card in cash is a use of its value: restored without it, the
    card would hand the same money out again."""
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "5000")
    (card,) = sold(shop, "giftcard", price="100")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=7000).ok
    giftcards.cash_out(shop, Voucher.get_by_id(card.id))
    shop.close()
    loss = restored_with(shop_dir, out)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert Voucher.get_by_id(card.id).balance_cents == 0
        assert [e.kind for e in giftcards.ledger(card.id)] == ["issue", "spend", "cashout"]
        assert redemption.redeem(shop, card.payload, "c", amount_cents=100).reason == (
            "insufficient_balance")
        assert audit.verify_shop(shop) == []
    assert loss.giftcard_changes == 0  # carried, not lost


def test_a_reload_lost_with_its_order_leaves_what_was_spent_of_it_owed(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """Spent beyond the backup's balance with money reloaded since: the reload is lost with
    its order, the spends are not, so the card is below zero (nothing more can be spent)
    until the owner enters the reload again from its receipt."""
    (card,) = sold(shop, "giftcard", price="100")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    giftcards.reload(shop, Voucher.get_by_id(card.id), 5000)
    assert redemption.redeem(shop, card.payload, "c", amount_cents=12000).ok
    shop.close()
    assert restored_with(shop_dir, out).reload_cents == 5000
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert Voucher.get_by_id(card.id).balance_cents == -2000
        assert audit.verify_shop(shop) == []
        assert not redemption.redeem(shop, card.payload, "c", amount_cents=1).ok
        # Refunded while below zero: nothing back, never a negative sum (QA round 2); with
        # nothing at all to pay back, the refund is refused (QA s11b F12).
        with pytest.raises(InvalidState) as nothing_back:
            refunds.preview_refund(shop, card.order_id)
        assert nothing_back.value.params["state"] == "card_spent"
        assert giftcards.reload(shop, Voucher.get_by_id(card.id), 5000).balance_cents == 3000
        assert carry_detail(shop)["overused"] == [card.id]


def test_cards_spent_across_diverged_histories_balance_their_ledger(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    (card,) = sold(shop, "giftcard", price="100")
    older = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=1000).ok
    newer = backup.write_backup(shop, tmp_path / "B.vsbackup")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=2000).ok
    shop.close()
    restored_with(shop_dir, older)
    restored_with(shop_dir, newer)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert Voucher.get_by_id(card.id).balance_cents == 7000
        assert [e.amount_cents for e in giftcards.ledger(card.id)] == [10000, -1000, -2000]
        assert audit.verify_shop(shop) == []


# --- D15: a card key handed out since the backup --------------------------------------------


def test_a_card_key_sold_since_the_backup_stays_out_of_stock(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    item = products.add_product(shop, "Game key", "50", "cardkey")
    cardkeys.import_card_keys(shop, item.id, "GAME-AAAA-1111\nGAME-BBBB-2222\nGAME-CCCC-3333\n")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    first = fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)], "First").id,
                                 "cash")[0]
    first_key = Voucher.get_by_id(first.id).card_key_id
    cardkeys.mark_key_faulty(shop, 3)  # found faulty in the box since: stays out of stock too
    shop.close()
    loss = restored_with(shop_dir, out)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert {k.id: k.state for k in CardKey.select()} == {
            first_key: "sold", 2: "unsold", 3: "faulty"}
        (stock,) = [p.stock for p in products.list_products(shop)]
        assert stock == 1
        second = fulfilment.pay_order(
            shop, orders.create_order(shop, [(item.id, 1)], "Second").id, "cash")[0]
        assert Voucher.get_by_id(second.id).card_key_id == 2  # never the first buyer's key
        assert carry_detail(shop)["card_keys"] == 2
        assert audit.verify_shop(shop) == []
    assert loss.card_keys == 2 and loss.orders == 1


def test_a_key_replaced_since_the_backup_stays_the_one_the_voucher_hands_over(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    item = products.add_product(shop, "Game key", "50", "cardkey")
    cardkeys.import_card_keys(shop, item.id, "GAME-AAAA-1111\nGAME-BBBB-2222\nGAME-CCCC-3333\n")
    sold_key = fulfilment.pay_order(
        shop, orders.create_order(shop, [(item.id, 1)], "Kim").id, "cash")[0]
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    cardkeys.mark_key_faulty(shop, 1)
    fresh = cardkeys.replace_faulty_key(shop, 1)
    shop.close()
    assert restored_with(shop_dir, out).card_keys == 1
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert Voucher.get_by_id(sold_key.id).card_key_id == fresh.id
        assert {k.id: k.state for k in CardKey.select()} == {
            1: "faulty", fresh.id: "sold", 3: "unsold"}
        assert CardKey.get_by_id(fresh.id).order_line_id == CardKey.get_by_id(1).order_line_id
        assert audit.verify_shop(shop) == []


def test_the_loss_question_names_card_keys_and_lost_reloads() -> None:
    from desktop_app.cli.restore_commands import loss_lines
    from desktop_app.ui.admin.restore_dialog import loss_text

    loss = restore.RestoreLoss(True, orders=2, events=5, giftcard_changes=3, reload_cents=5000,
                               card_keys=2)
    for text in (" ".join(loss_lines(loss)), loss_text(loss)):
        assert "Card keys handed out since: 2." in text and "50.00" in text
        assert "Gift-card changes since (reloads, refunds), lost with their orders: 3;" in text
        assert "orders: 2;" in text and " 1 " not in text  # counts without "1 orders"
    plain = restore.RestoreLoss(True, orders=2, events=5)
    assert "card key" not in loss_text(plain) and "card key" not in " ".join(loss_lines(plain))


def test_restoring_twice_over_an_unchanged_copy_carries_nothing(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    (once,) = sold(shop)
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    assert redemption.redeem(shop, once.payload, "c").ok
    shop.close()
    restored_with(shop_dir, out)
    shutil.copy(shop_dir / "shop.db", tmp_path / "after-first.db")
    loss = restored_with(shop_dir, out)
    assert loss.readable and loss.redemptions == 1
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert RedemptionAttempt.select().where(RedemptionAttempt.voucher == once.id).count() == 1
        assert audit.verify_shop(shop) == []


def test_refunds_since_the_backup_are_named_with_their_money(shop: Shop, shop_dir: Path,
                                                            tmp_path: Path) -> None:
    """QA round 2: refunds made since were lost without a word (their orders came back
    "paid"), so the owner could pay one back twice."""
    from desktop_app.ui.admin.restore_dialog import loss_text

    (wash,) = sold(shop, price="60")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    refunds.refund_order(shop, wash.order_id)
    shop.close()
    loss = restored_with(shop_dir, out)
    assert (loss.refunds, loss.refund_cents) == (1, 6000)
    assert "refunds: 1;" in loss_text(loss) and "second time" in loss_text(loss)
    assert "1 refunds" not in loss_text(loss)  # QA L1: counts read without a plural


def test_the_chinese_loss_question_has_no_latin_space_between_its_sentences(
        qapp: QApplication) -> None:
    """QA L9: "…停用状态。 此后…": the sentences were joined with a space."""
    from desktop_app.cli.restore_commands import loss_lines
    from desktop_app.i18n import install_translator, remove_translators, sentences
    from desktop_app.ui.admin.restore_dialog import loss_text

    loss = restore.RestoreLoss(True, orders=2, refunds=1, refund_cents=6000, events=5,
                               giftcard_changes=3, reload_cents=5000, card_keys=2)
    try:
        install_translator(qapp, "zh_CN")
        for text in (loss_text(loss), sentences(*loss_lines(loss))):
            assert "。" in text and "。 " not in text, text
    finally:
        remove_translators(qapp)
    # English: a space between the sentences
    assert "disabled. Refunds of orders from before the backup paid back ¥60.00" in loss_text(loss)


def test_refunds_of_orders_made_since_are_not_said_to_show_as_paid(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA s8b F5: "The lost refunds paid back X: their orders show as paid again" for orders
    made after the backup, which the restore removes entirely."""
    from desktop_app.cli.restore_commands import loss_lines
    from desktop_app.ui.admin.restore_dialog import loss_text

    (old,) = sold(shop, price="60")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    refunds.refund_order(shop, old.order_id)
    (new,) = sold(shop, price="30")
    refunds.refund_order(shop, new.order_id)
    shop.close()
    loss = restored_with(shop_dir, out)
    assert (loss.refunds, loss.refund_cents) == (2, 9000)
    assert (loss.refunds_of_lost_orders, loss.lost_orders_refund_cents) == (1, 3000)
    for text in (loss_text(loss), " ".join(loss_lines(loss))):
        assert "Refunds of orders from before the backup paid back ¥60.00" in text
        assert "second time" in text and "90.00" not in text
        assert "Refunds of orders made since paid back ¥30.00: those orders and their" in text
    only_new = restore.RestoreLoss(True, orders=1, refunds=1, refund_cents=3000, events=3,
                                   refunds_of_lost_orders=1, lost_orders_refund_cents=3000)
    for text in (loss_text(only_new), " ".join(loss_lines(only_new))):
        assert "not refunded" not in text and "before the backup" not in text


def test_a_cash_out_of_a_card_sold_since_is_said_with_its_money(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA s8b F13: the cash paid out for a card sold since the backup is lost with the card,
    without a word (and counted among "reloads, refunds")."""
    from desktop_app.cli.restore_commands import loss_lines
    from desktop_app.ui.admin.restore_dialog import loss_text

    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "30000")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    (card,) = sold(shop, "giftcard", price="100")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=3000).ok
    giftcards.cash_out(shop, Voucher.get_by_id(card.id))
    shop.close()
    loss = restored_with(shop_dir, out)
    assert (loss.cashouts_lost, loss.cashout_cents_lost) == (1, 7000)
    # The card's issue and spend are its order's, counted with the orders (they were said
    # as two "reloads, refunds"); the cash-out is said apart.
    assert loss.giftcard_changes == 0 and loss.orders == 1
    for text in (loss_text(loss), " ".join(loss_lines(loss))):
        assert "Cash-outs of gift cards sold since this backup: 1; paid out in cash: ¥70.00" in text


def test_a_key_sold_since_a_backup_made_before_schema_step_17_stays_out_of_stock(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """The backup's keys hold the former fingerprints, the current shop's the new ones (QA s17a
    F1): the key sold since is still told as the same key by its id and text, never sold twice."""
    from test_cardkey_refingerprint_step import back_to_16

    from desktop_app.core import migrations

    item = products.add_product(shop, "Game key", "50", "cardkey")
    cardkeys.import_card_keys(shop, item.id, "GAME-AAAA-1111\nGAME-BBBB-2222\n")
    back_to_16(shop)
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    migrations.migrate(shop.db)
    first = fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)], "First").id,
                                 "cash")[0]
    first_key = Voucher.get_by_id(first.id).card_key_id
    shop.close()
    assert restored_with(shop_dir, out).card_keys == 1
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert {k.id: k.state for k in CardKey.select()} == {first_key: "sold", 2: "unsold"}
        assert audit.verify_shop(shop) == []


def test_the_money_a_restore_loses_is_said_in_the_shops_currency(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA s39: the restore's question said "paid back 60.00" where every other screen of the
    shop says "$60.00"."""
    from dataclasses import replace

    from desktop_app.cli.restore_commands import loss_lines
    from desktop_app.core import shop_settings
    from desktop_app.ui.admin.restore_dialog import loss_text

    shop_settings.update_shop_settings(
        shop, replace(shop_settings.get_shop_settings(shop), currency="USD"))
    (old,) = sold(shop, price="60")
    out = backup.write_backup(shop, tmp_path / "A.vsbackup")
    refunds.refund_order(shop, old.order_id)
    shop.close()
    loss = restored_with(shop_dir, out)
    assert loss.currency == "USD"
    for text in (loss_text(loss), " ".join(loss_lines(loss))):
        assert "Refunds of orders from before the backup paid back $60.00" in text
