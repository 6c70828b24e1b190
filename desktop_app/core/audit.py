"""The hash-chained audit log: every change appends one event whose hash covers the last.

Deleting, editing or reordering any event breaks the chain, and ``verify_chain`` names the
first event where it breaks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from peewee import JOIN, Database, fn

from desktop_app.core import (
    audit_roles,
    dialect,
    events,
    integrity,
    live_server,
    refund_records,
    roles,
    sql,
)
from desktop_app.core.anchor import Head, check_anchor, check_anchor_bytes, current_head
from desktop_app.core.dates import day_range, utc_now
from desktop_app.core.errors import InvalidInput, ShopMoved, name_database_error
from desktop_app.core.models import (
    REDEEM_KIND,
    AuditEvent,
    GiftCardEntry,
    Operator,
    RedemptionAttempt,
    Voucher,
)
from desktop_app.core.roles import require_owner

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

GENESIS = "0" * 64


def _canonical(prev_hash: str, at: dt.datetime, operator_id: int | None, kind: str,
               subject: str, detail: str) -> bytes:
    text = "\x1f".join([prev_hash, at.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                        "" if operator_id is None else str(operator_id), kind, subject, detail])
    return text.encode("utf-8")


def latest_hash() -> str:
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).first()
    return last.hash if last else GENESIS


def record(shop: Shop, kind: str, subject: object = "", /, **detail: Any) -> Head:
    """Append an event; call inside the write transaction of the change it describes. Fixed
    statements (the head by primary key, one insert): every redemption pays for this."""
    # Two counters on a server must not both link to the same head: one append at a time.
    dialect.serialise(shop.db, dialect.AUDIT_CHAIN_LOCK)
    at = utc_now()
    operator_id = shop.operator.id
    subject_text = str(subject)
    detail_text = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
    # On a server, the same statement checks the chain still holds this PC's witness.
    prev_hash = live_server.head_for_append(shop) or GENESIS
    digest = hashlib.sha256(_canonical(prev_hash, at, operator_id, kind, subject_text,
                                       detail_text)).hexdigest()
    event_id = sql.execute(shop.db, sql.INSERT_EVENT, (
        AuditEvent.at.db_value(at), operator_id, kind, subject_text, detail_text, prev_hash,
        digest)).fetchone()[0]
    shop.pending_head = Head(int(event_id), digest)  # vouched for outside once committed
    events.note(kind)  # every change is audited, so this is where screens learn of it
    dialect.announce(shop.db, kind)  # and the other counters, on a server
    return shop.pending_head


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str  # "hash_mismatch" | "broken_link"


def verify_chain() -> list[ChainProblem]:
    """Every place the chain does not hold, oldest first; empty when it is intact."""
    problems: list[ChainProblem] = []
    previous = GENESIS
    at_field = AuditEvent.at
    query = (AuditEvent.select(AuditEvent.id, AuditEvent.prev_hash, AuditEvent.at,
                               AuditEvent.operator, AuditEvent.kind, AuditEvent.subject,
                               AuditEvent.detail, AuditEvent.hash)
             .order_by(AuditEvent.id).tuples())
    for event_id, prev_hash, at, operator_id, kind, subject, detail, stored in query.iterator():
        if prev_hash != previous:
            problems.append(ChainProblem(event_id, "broken_link"))
        moment = cast(dt.datetime, at_field.python_value(at))  # the column is NOT NULL
        digest = hashlib.sha256(
            _canonical(prev_hash, moment, operator_id, kind, subject, detail)).hexdigest()
        if digest != stored:
            problems.append(ChainProblem(event_id, "hash_mismatch"))
        previous = stored
    return problems


def verify_shop(shop: Shop) -> list[str]:
    """Everything ``verify`` checks, on the open shop, the anchor beside it, the witnesses
    outside its folder, and what the shop is held for. Problems not acknowledged before put
    the shop on hold (see ``integrity``). Its two steps: ``verify_shop_data``, then
    ``verify_shop_evidence``."""
    return verify_shop_evidence(shop, verify_shop_data(shop))


def verify_shop_data(shop: Shop) -> list[str]:
    """The long part of ``verify``: the database's pages, structure, chain, vouchers and
    cards. Only reads: the app runs it on a thread and connection of its own, so scans go on
    meanwhile (QA s14b N1). Checked against the anchor and the witnesses only after, by
    ``verify_shop_evidence``: they may vouch for events written while it read. Who did
    owner-only work is asked of the live shop only, not of a backup before its restore: a
    backup taken after such an event (acknowledged, say) must stay restorable."""
    return [*verify_database(shop.db, shop.database_key, None, anchor_check=lambda: None),
            *_run_checks([("operators", audit_roles.owner_only_by_others)])]


def verify_shop_evidence(shop: Shop, found: list[str]) -> list[str]:
    """``found`` (``verify_shop_data``'s problems), with what the anchor beside the shop and
    the witnesses say of the database as it is now; the shop held for what is new."""
    problems = list(found)
    if not dialect.is_server(shop.db):
        try:
            problems += [f"anchor: {p}" for p in [check_anchor(shop.data_dir,
                                                               shop.database_key)] if p]
        except Exception as exc:
            problems.append(f"anchor: {name_database_error(exc)}")
    try:
        problems += integrity.witness_problems(shop)
    except Exception as exc:  # a damaged file must be named, not crash the check
        problems.append(f"witness: {name_database_error(exc)}")
    problems = list(dict.fromkeys([*shop.integrity_problems, *problems]))
    try:
        acknowledged = integrity.acknowledged_problems()
    except Exception:
        acknowledged = set()
    integrity.hold(shop, [p for p in problems if p not in acknowledged or holds_at_open(p)])
    return problems


# What the witnesses (and standing holds) say holds the shop at open, acknowledged before or
# not: the acknowledgement re-based them, so one ahead of the chain again is a new rollback
# (QA s13a F3: another PC's acknowledgement let an open window redeem on). Only what the data
# itself shows (the chain, vouchers) stays acknowledged once.
_CHECKED_AT_OPEN = ("anchor", "witness_computer", "witness_backup", "session", "hold")


def holds_at_open(problem: str) -> bool:
    return problem.partition(": ")[0] in _CHECKED_AT_OPEN


def acknowledge(shop: Shop, reason: str, found: list[str]) -> list[str]:
    """The owner records what was found (``found``, from ``verify``, and the hold's own
    problems) with ``reason``; the event stays in the chain, then the witnesses are re-based
    on it and the hold is lifted. Returns the problems recorded."""
    require_owner(shop, "acknowledge")
    if shop.moved_to is not None:  # its witnesses follow the server now (see moved_shop)
        raise ShopMoved(**shop.moved_to)
    reason = reason.strip()
    if not reason:
        raise InvalidInput(field="reason", problem="required")
    problems = list(dict.fromkeys([*shop.integrity_problems, *found]))
    with shop.write(evidence_only=True):
        record(shop, integrity.ACKNOWLEDGE_KIND, "integrity", reason=reason, problems=problems)
    integrity.rebase(shop.data_dir, shop.database_key, shop.shop_id, current_head(),
                     integrity.backup_folders(shop.shop_id),
                     anchor_file=integrity.keeps_anchor_file(shop))
    shop.integrity_problems = []
    log.warning("integrity problems acknowledged by operator #%s: %s", shop.operator.id,
                problems)
    return problems


def verify_database(db: Database, key: bytes, anchor_raw: bytes | None, *,
                    anchor_check: Callable[[], str | None] | None = None,
                    any_version: bool = False) -> list[str]:
    """SQLCipher's page MACs, SQLite's structure, the audit chain, vouchers against their
    redemptions, and the anchor (``anchor_check``, or ``anchor_raw`` as a backup carries
    it). The models must be bound to ``db``. Each problem is named, every SQLCipher or
    SQLite error too; an empty list means all hold. ``any_version``: only what reads alike
    at every schema version (all but vouchers and cards), for an older backup's copy before
    its upgrade: the current models ask it for columns it has yet to gain (QA s19b F1)."""
    check_the_anchor = anchor_check or (lambda: check_anchor_bytes(anchor_raw, key))
    file_checks: list[tuple[str, Callable[[], list[str]]]] = [
        ("cipher_integrity", lambda: [str(r[0]) for r in
                                      db.execute_sql("PRAGMA cipher_integrity_check")]),
        ("integrity", lambda: [str(r[0]) for r in db.execute_sql("PRAGMA integrity_check")
                               if r[0] != "ok"]),
        ("anchor", lambda: [p for p in [check_the_anchor()] if p]),
    ]
    checks: list[tuple[str, Callable[[], list[str]]]] = [
        ("audit_chain", lambda: [f"event {p.event_id} {p.problem}" for p in verify_chain()]),
        ("vouchers", lambda: [f"voucher {v} uses_mismatch" for v in vouchers_out_of_step()]),
        ("giftcards", lambda: [f"voucher {v} balance_mismatch" for v in cards_out_of_step()]),
        ("refunds", lambda: [f"order {o} refund_unrecorded"
                             for o in refund_records.orders_refunded_unrecorded()]),
    ]
    if any_version:
        checks = checks[:1]
    if not dialect.is_server(db):  # pages, structure and the anchor file belong to the file
        checks = file_checks[:2] + checks + file_checks[2:]
    return _run_checks(checks)


def _run_checks(checks: list[tuple[str, Callable[[], list[str]]]]) -> list[str]:
    """Each check's findings as ``"name: found"``; a check that cannot read says why."""
    problems = []
    for name, check in checks:
        try:
            problems += [f"{name}: {found}" for found in check()]
        except Exception as exc:
            # The driver's own errors escape peewee's wrapper while rows are fetched.
            problems.append(f"{name}: {name_database_error(exc)}")
    return problems


def vouchers_out_of_step() -> list[int]:
    """Vouchers whose used count disagrees with their redemption records.

    The voucher row and its redemption rows live on different pages, so an older copy of
    either page (say, a voucher page put back to make a used voucher valid again) shows here.
    """
    redeemed = (RedemptionAttempt.select(fn.COUNT(RedemptionAttempt.id))
                .where((RedemptionAttempt.voucher == Voucher.id) & (RedemptionAttempt.ok == True)))  # noqa: E712
    undone = (RedemptionAttempt.select(fn.COUNT(RedemptionAttempt.id))
              .where((RedemptionAttempt.voucher == Voucher.id)
                     & RedemptionAttempt.undo_of.is_null(False)))
    # Wrapped in functions: peewee turns "query - query" into EXCEPT, a set difference that
    # hid every voucher with an undo from this check.
    used_by_records = fn.COALESCE(redeemed, 0) - fn.COALESCE(undone, 0)
    # A restore that joins two parted histories keeps both of a voucher's redemptions, also
    # beyond its uses: then none is left (see core.restore_carry).
    used_up_twice = (Voucher.uses_left == 0) & (used_by_records > Voucher.uses_total)
    query = (Voucher.select(Voucher.id)
             .where((Voucher.uses_total - Voucher.uses_left) != used_by_records)
             .where(~used_up_twice)
             .where(Voucher.balance_cents.is_null()))  # a gift card spends money, not uses
    return [row.id for row in query]


def cards_out_of_step() -> list[int]:
    """Gift cards whose balance is not the sum of their ledger (see ``giftcards``)."""
    ledger_sum = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.amount_cents), 0))
                  .where(GiftCardEntry.voucher == Voucher.id))
    query = (Voucher.select(Voucher.id)
             .where(Voucher.balance_cents.is_null(False) & (Voucher.balance_cents != ledger_sum)))
    return [row.id for row in query]


# --- reading the log (the owner's audit viewer) ---------------------------------------------

DEFAULT_EVENT_LIMIT = 500


@dataclass(frozen=True)
class EventRow:
    id: int
    at: dt.datetime  # UTC
    operator_id: int | None
    operator: str  # "" for events no operator made
    kind: str
    subject: str
    detail: str  # the JSON as stored


def list_events(shop: Shop, operator_id: int | None = None, kind: str | None = None,
                start: dt.date | None = None, end: dt.date | None = None,
                limit: int = DEFAULT_EVENT_LIMIT, before_id: int | None = None
                ) -> list[EventRow]:
    """Events newest first, filtered by operator, kind and local days ``start``..``end``
    (inclusive); owners only. The log grows without bound, so it comes in pages of ``limit``:
    pass the last row's id as ``before_id`` for the next page."""
    require_owner(shop, "audit_view")
    low, high = day_range(start, end)
    conditions = [condition for condition, wanted in (
        (AuditEvent.operator == operator_id, operator_id is not None),
        (AuditEvent.kind == kind, bool(kind)),
        # says so in the partial kind index's own words, so SQLite reads that index
        (AuditEvent.kind != REDEEM_KIND, bool(kind) and kind != REDEEM_KIND),
        (AuditEvent.at >= low, low is not None),
        (AuditEvent.at < high, high is not None),
        (AuditEvent.id < before_id, before_id is not None),
    ) if wanted]
    query = (AuditEvent
             .select(AuditEvent.id, AuditEvent.at, AuditEvent.operator, Operator.name,
                     AuditEvent.kind, AuditEvent.subject, AuditEvent.detail)
             .join(Operator, JOIN.LEFT_OUTER, on=AuditEvent.operator == Operator.id)
             .order_by(AuditEvent.id.desc())
             .limit(max(1, limit))
             .tuples())
    if conditions:
        query = query.where(*conditions)
    # ``at`` is NOT NULL: the stored value always reads back as a datetime.
    return [EventRow(event_id, cast(dt.datetime, AuditEvent.at.python_value(at)), operator,
                     name or "", kind_,
                     subject, detail)
            for event_id, at, operator, name, kind_, subject, detail in query]


def event_kinds(shop: Shop) -> list[str]:
    """The kinds of event the log holds, for a filter; owners only."""
    require_owner(shop, "audit_view")
    others = AuditEvent.select(AuditEvent.kind).where(AuditEvent.kind != REDEEM_KIND).distinct()
    kinds = [kind for (kind,) in others.tuples()]
    if AuditEvent.select().where(AuditEvent.kind == REDEEM_KIND).exists():
        kinds.append(REDEEM_KIND)
    return sorted(kinds)


def _record_refusal(shop: Shop, action: str) -> None:
    """An owner's action refused to a clerk, in the audit log (QA s21a F6: only the log file
    had it, which the clerk may edit). Recorded on its own, before the action's transaction
    would begin: inside one, the refusal would roll the event back with it, so there only
    the log file has it. A failure to record it (the server away) never turns the refusal
    into another error."""
    if shop.db is None or shop.db.in_transaction():
        return
    try:
        with shop.write(evidence_only=True):
            record(shop, roles.REFUSED_KIND, action)
    except Exception as exc:  # the Forbidden is what the operator must hear
        log.warning("the refusal of %s was not recorded: %s", action, type(exc).__name__)


roles.refusal_recorder = _record_refusal
