"""A restore that stopped half-way is told to the owner, not to whoever tries first (QA s12e
F5-F7): the settling runs before any password is checked, so it leaves a notice in the folder
that the first valid login records in the audit log and that stays until an owner has opened
the shop. Each crash is a restore in a process of its own that dies after a rename
(``restore_crash_worker``), on a real encrypted shop."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from restore_crash_worker import CRASHED
from test_restore_crash import redeemed_since_backup, run_restore

from desktop_app.core import auth, redemption, restore, restore_journal
from desktop_app.core.backup import read_backup
from desktop_app.core.errors import KeySlotMissing, WrongPassword
from desktop_app.core.models import AuditEvent
from desktop_app.core.restore_notice import NOTICE_FILE
from desktop_app.core.store import Shop, open_shop

HALF_ASIDE = 3  # the journal written, the shop's database moved aside
ALL_MOVED_IN = 7  # the restored files both in, the witnesses not re-based yet


def crashed_at(shop_dir: Path, chosen: Path, crash_at: int) -> None:
    assert run_restore(shop_dir, chosen, crash_at).returncode == CRASHED
    journal = restore_journal.read(shop_dir)
    assert journal is not None
    assert journal.restored_in_place(shop_dir) == (crash_at == ALL_MOVED_IN)


def settled_events(shop: Shop, kind: str) -> list[AuditEvent]:
    """As the log holds them (a clerk's shop too: the list of the audit log is an owner's)."""
    assert shop.db is not None
    return list(AuditEvent.select().where(AuditEvent.kind == kind))


def with_clerk(shop: Shop) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)


def test_a_wrong_login_first_is_refused_as_such_and_the_owner_is_told(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, HALF_ASIDE)
    with pytest.raises(KeySlotMissing):  # was restore_unfinished, to anyone (F7)
        open_shop(shop_dir, "nobody", "wrongwrong")
    assert not (shop_dir / restore_journal.JOURNAL_FILE).exists()  # undone all the same
    with pytest.raises(WrongPassword):
        open_shop(shop_dir, OWNER, "not the password")
    assert (shop_dir / NOTICE_FILE).exists()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as opened:
        notice = opened.restore_notice
        assert notice is not None and notice.outcome == "undone"
        assert notice.moment("started_at") is not None
        assert notice.moment("backup_made_at") == read_backup(chosen).created_at
        events = settled_events(opened, "restore_undone")
        assert len(events) == 1 and events[0].operator_id == opened.operator.id
        assert '"started_at": "' in events[0].detail and '"settled_at": "' in events[0].detail
        assert redemption.redeem(opened, payload, "counter").reason == "already_redeemed"
    assert not (shop_dir / NOTICE_FILE).exists()  # the owner was told
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        assert again.restore_notice is None
        assert len(settled_events(again, "restore_undone")) == 1


def test_a_clerk_first_is_told_and_the_notice_waits_for_the_owner(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    with_clerk(shop)
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, HALF_ASIDE)
    for _ in range(2):
        with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerk:
            assert clerk.restore_notice is not None
            assert clerk.restore_notice.outcome == "undone"
            assert len(settled_events(clerk, "restore_undone")) == 1  # recorded once
    assert (shop_dir / NOTICE_FILE).exists()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as owner:
        assert owner.restore_notice is not None and owner.restore_notice.recorded
        assert len(settled_events(owner, "restore_undone")) == 1
    assert not (shop_dir / NOTICE_FILE).exists()


def test_a_restore_stopped_after_its_last_move_is_told_as_completed(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, payload = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, ALL_MOVED_IN)
    with pytest.raises(WrongPassword):  # no key: nothing finished, nothing told
        open_shop(shop_dir, OWNER, "not the password")
    assert not (shop_dir / NOTICE_FILE).exists()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as opened:  # was silent (F6)
        notice = opened.restore_notice
        assert notice is not None and notice.outcome == "completed"
        assert notice.moment("backup_made_at") == read_backup(chosen).created_at
        assert notice.kept.startswith("before-restore-") and (shop_dir / notice.kept).is_dir()
        assert opened.integrity_problems == []
        assert redemption.redeem(opened, payload, "counter").reason == "already_redeemed"
        (event,) = settled_events(opened, "restore_completed")
        assert notice.kept in event.detail
    assert not (shop_dir / NOTICE_FILE).exists()


def test_a_restore_run_again_ends_the_notice(shop: Shop, shop_dir: Path,
                                              tmp_path: Path) -> None:
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, HALF_ASIDE)
    with pytest.raises(WrongPassword):
        open_shop(shop_dir, OWNER, "not the password")
    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD, confirm=lambda loss: True)
    assert not (shop_dir / NOTICE_FILE).exists()  # the shop is that backup now
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert restored.restore_notice is None


def test_the_recorded_notice_is_no_change_a_restore_would_lose(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, HALF_ASIDE)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as opened:
        assert settled_events(opened, "restore_undone")
    _, loss = restore.check_restore_and_loss(shop_dir, chosen, OWNER, OWNER_PASSWORD)
    assert loss.other_changes == 0  # not "1 other change lost"
