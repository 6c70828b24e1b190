"""The audit chain and its anchor: edits, deletions, reorderings and rolled-back files
are named; the audit viewer's queries."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_backup_restore import rebind

from desktop_app.core import (
    anchor,
    audit,
    auth,
    backup,
    fulfilment,
    integrity,
    orders,
    products,
    redemption,
)
from desktop_app.core.errors import DatabaseCorrupt
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop, database_path, open_shop

# --- the audit chain ---------------------------------------------------------------------


def _events(shop: Shop) -> list[AuditEvent]:
    product = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    redemption.redeem(shop, issued[0].payload, "c")
    return list(AuditEvent.select().order_by(AuditEvent.id))


def test_every_change_is_in_an_intact_chain(shop: Shop) -> None:
    kinds = [e.kind for e in _events(shop)]
    assert kinds == ["product_add", "order_create", "order_pay", "redeem"]
    assert audit.verify_shop(shop) == []


def test_an_edited_event_is_named(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.update(detail='{"price_cents": 1}').where(AuditEvent.id == events[0].id).execute()
    assert audit.verify_chain() == [audit.ChainProblem(events[0].id, "hash_mismatch")]


def test_a_deleted_event_is_named(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.delete().where(AuditEvent.id == events[1].id).execute()
    assert audit.verify_chain() == [audit.ChainProblem(events[2].id, "broken_link")]


def test_reordered_events_are_named(shop: Shop) -> None:
    events = _events(shop)
    first, second = events[1], events[2]
    swap = {f: getattr(second, f) for f in ("at", "kind", "subject", "detail", "prev_hash",
                                            "hash")}
    AuditEvent.update(hash="tmp1").where(AuditEvent.id == first.id).execute()
    AuditEvent.update(hash="tmp2").where(AuditEvent.id == second.id).execute()
    AuditEvent.update(**{f: getattr(first, f) for f in swap}).where(
        AuditEvent.id == second.id).execute()
    AuditEvent.update(**swap).where(AuditEvent.id == first.id).execute()
    problems = audit.verify_chain()
    assert {p.event_id for p in problems} >= {first.id, second.id}
    assert all(p.problem == "broken_link" for p in problems)


def test_deleting_the_newest_event_is_caught_by_the_anchor(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.delete().where(AuditEvent.id == events[-1].id).execute()
    assert audit.verify_chain() == []  # the chain alone cannot see a truncated tail
    assert audit.verify_shop(shop) == ["anchor: rolled_back", "witness_computer: rolled_back"]


def test_a_file_rolled_back_to_an_older_copy_is_detected(shop: Shop, shop_dir: Path,
                                                         tmp_path: Path) -> None:
    products.add_product(shop, "Before", "1.00")
    shop.close()
    old_copy = tmp_path / "old.db"
    shutil.copy(database_path(shop_dir), old_copy)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        products.add_product(again, "After", "1.00")
    shutil.copy(old_copy, database_path(shop_dir))
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as rolled:
        assert rolled.integrity_problem == "rolled_back"
        assert "anchor: rolled_back" in audit.verify_shop(rolled)


def test_any_single_rolled_back_page_of_a_redemption_is_detected(shop: Shop, shop_dir: Path
                                                                  ) -> None:
    """A copy taken before a redemption, one page of it put back afterwards (say, to make a
    used voucher valid again): SQLCipher's page MACs accept the older genuine page, so the
    cross-checks, the chain or the anchor must catch it, whichever page it is."""
    issued = [sell_one(shop) for _ in range(3)]
    shop.close()
    path = database_path(shop_dir)
    old = path.read_bytes()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        for voucher in issued:
            assert redemption.redeem(again, voucher.payload, "c").ok
    new = path.read_bytes()
    page = 4096
    changed = [i for i in range(min(len(old), len(new)) // page)
               if old[i * page : (i + 1) * page] != new[i * page : (i + 1) * page]]
    assert len(changed) >= 3
    missed = []
    for index in changed:
        mixed = bytearray(new)
        mixed[index * page : (index + 1) * page] = old[index * page : (index + 1) * page]
        path.write_bytes(bytes(mixed))
        try:
            with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as opened:
                if not (opened.integrity_problem or audit.verify_shop(opened)):
                    missed.append(index)
        except DatabaseCorrupt:
            pass  # refusing to open is detection too
        for hold in integrity.hold_files(shop_dir, shop.shop_id):
            hold.unlink(missing_ok=True)  # each page is judged on its own
    path.write_bytes(new)
    assert missed == []


_NUMBERS = itertools.count(1)  # product names are unique in a shop


def sell_one(shop: Shop) -> fulfilment.IssuedVoucher:
    product = products.add_product(shop, f"Pass #{next(_NUMBERS)}", "10.00", uses=1)
    return fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)[0]


def test_a_lost_wal_frame_is_detected(shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """A crash copy whose WAL lost its last frames: the committed tail is gone."""
    shop.db.execute_sql("PRAGMA wal_autocheckpoint=0")
    shop.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(5):
        products.add_product(shop, f"In the WAL {i}", "1.00")
    crash = tmp_path / "crash"
    crash.mkdir()
    for name in ("shop.db", "shop.db-wal", "keyslots.json", "anchor.bin"):
        shutil.copy(shop_dir / name, crash / name)
    wal = crash / "shop.db-wal"
    frame = 24 + 4096
    wal.write_bytes(wal.read_bytes()[: -frame])  # drop the last frame: that commit is lost
    with open_shop(crash, OWNER, OWNER_PASSWORD) as opened:
        assert opened.integrity_problem == "rolled_back"


def test_anchor_is_written_beside_the_key_slots(shop: Shop, shop_dir: Path) -> None:
    products.add_product(shop, "x", "1.00")
    head = anchor.current_head()
    record = anchor.read_record(shop_dir / "anchor.bin", shop.database_key)
    assert record is not None and record.head == head and head.event_id >= 1


def test_a_change_saved_before_the_anchor_failed_is_not_reported_as_failed(
        shop: Shop, shop_dir: Path) -> None:
    """The commit is done when the anchor is written; a failing anchor write (a full disk)
    must not tell the cashier a redemption failed that in fact went through."""
    anchor_path = shop_dir / anchor.ANCHOR_FILE
    anchor_path.unlink()
    anchor_path.mkdir()  # the anchor cannot be replaced now
    product = products.add_product(shop, "Saved anyway", "1.00")
    assert shop.audit_dirty  # the next commit tries again
    anchor_path.rmdir()
    products.set_archived(shop, product.id, True)
    assert not shop.audit_dirty
    assert audit.verify_shop(shop) == []


# --- the audit viewer's queries ----------------------------------------------------------------


def test_list_events_filters_newest_first_and_pages(shop: Shop) -> None:
    from desktop_app.core.errors import Forbidden

    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    events = _events(shop)
    rows = audit.list_events(shop)
    assert [r.id for r in rows] == sorted((e.id for e in events), reverse=True)
    assert rows[-1].kind == "operator_add" and rows[-1].operator == OWNER
    assert [r.kind for r in audit.list_events(shop, kind="redeem")] == ["redeem"]
    assert audit.list_events(shop, operator_id=clerk.id) == []
    first_page = audit.list_events(shop, limit=2)
    assert len(first_page) == 2
    rest = audit.list_events(shop, before_id=first_page[-1].id)
    assert [r.id for r in first_page + rest] == [r.id for r in rows]
    today = dt.date.today()
    assert len(audit.list_events(shop, start=today, end=today)) == len(rows)
    assert audit.list_events(shop, end=today - dt.timedelta(days=1)) == []
    assert audit.list_events(shop, start=today + dt.timedelta(days=1)) == []
    assert "redeem" in audit.event_kinds(shop)
    with open_shop(shop.data_dir, CLERK, CLERK_PASSWORD) as as_clerk:
        with pytest.raises(Forbidden):
            audit.list_events(as_clerk)
        with pytest.raises(Forbidden):
            backup.backup_status(as_clerk)
        assert backup.run_auto_backup(as_clerk) is None  # not switched on in this shop
    rebind(shop)
