"""The anchor file (issue #11): two slots, one written after each commit, a torn slot or a
kill before the anchor write never taken for a rollback; an old anchor.json read once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from integrity_helpers import assert_held, reopen, sell

from desktop_app.core import anchor, audit, redemption
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop
from desktop_app.messages.verify_texts import verify_problem_text

# --- two slots, written after each commit -------------------------------------------------


def test_a_torn_slot_leaves_the_other_one(owner_shop: Shop, shop_dir: Path) -> None:
    sell(owner_shop)
    sell(owner_shop)
    owner_shop.close()
    path = shop_dir / anchor.ANCHOR_FILE
    raw = bytearray(path.read_bytes())
    assert len(raw) == 2 * anchor.SLOT_SIZE
    raw[10:40] = os.urandom(30)  # a write torn half-way through slot 0
    path.write_bytes(bytes(raw))
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []


def test_a_kill_between_commit_and_anchor_is_not_a_rollback(
        owner_shop: Shop, shop_dir: Path) -> None:
    """The commit is on disk, the anchor one commit behind: the chain links to the anchor's
    head, so it holds, and the anchor is brought forward at open."""
    voucher = sell(owner_shop)[0]
    with owner_shop.db.atomic("IMMEDIATE"):  # what Shop.write does, up to the commit
        assert redemption.redeem(owner_shop, voucher.payload, "C1").ok
    owner_shop.pending_head = None  # killed before the anchor write
    lagging = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, owner_shop.database_key)
    head = anchor.current_head()
    assert lagging is not None and lagging.head.event_id < head.event_id
    owner_shop.db.close()
    assert owner_shop.lock is not None
    owner_shop.lock.release()  # a killed process's lock goes with it
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []
        brought = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, shop.database_key)
        assert brought is not None and brought.head == head


def test_each_commit_writes_one_slot_and_the_head_it_just_wrote(owner_shop: Shop,
                                                                 shop_dir: Path) -> None:
    path = shop_dir / anchor.ANCHOR_FILE
    before = anchor.read_record(path, owner_shop.database_key)
    sell(owner_shop)
    after = anchor.read_record(path, owner_shop.database_key)
    assert before is not None and after is not None
    assert after.sequence > before.sequence and after.head == anchor.current_head()
    assert path.stat().st_size == 2 * anchor.SLOT_SIZE
    assert (path.stat().st_mode & 0o777) == 0o600 or os.name == "nt"


# --- the old anchor.json -------------------------------------------------------------------


def test_an_old_anchor_json_is_read_once_and_replaced(owner_shop: Shop, shop_dir: Path) -> None:
    sell(owner_shop)
    head = anchor.current_head()
    count = AuditEvent.select().count()
    legacy = shop_dir / anchor.LEGACY_ANCHOR_FILE
    legacy.write_text(json.dumps({"format": 1, "head": head.hash, "count": count,
                                  "mac": anchor._legacy_mac(owner_shop.database_key, head.hash,
                                                            count)}))
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []
        assert not legacy.exists()
        record = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, shop.database_key)
        assert record is not None and record.head == head


def test_an_old_anchor_json_ahead_of_the_database_holds(owner_shop: Shop,
                                                         shop_dir: Path) -> None:
    voucher = sell(owner_shop)[0]
    key = owner_shop.database_key
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    (shop_dir / anchor.LEGACY_ANCHOR_FILE).write_text(json.dumps(
        {"format": 1, "head": "ab" * 32, "count": 999,
         "mac": anchor._legacy_mac(key, "ab" * 32, 999)}))
    assert_held(shop_dir, "anchor: rolled_back", voucher.payload)
    assert (shop_dir / anchor.LEGACY_ANCHOR_FILE).exists()  # the evidence stays


def test_a_witness_folder_that_cannot_be_read_is_said_as_such_not_as_tampering(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s10a F1: with this computer's witness folder unusable (a file where it should be,
    or no permission), the owner read that the records were "altered", and Verify listed a
    raw "hold: hold_damaged"."""
    sell(owner_shop)
    owner_shop.close()
    not_a_folder = tmp_path / "witness-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(not_a_folder))
    with reopen(shop_dir) as shop:
        problems = audit.verify_shop(shop)
    assert "witness_computer: witness_unreadable" in problems
    assert not any(p.endswith("_damaged") for p in problems), problems
    for problem in problems:
        text = verify_problem_text(problem)
        assert text != problem and "altered" not in text, problem
