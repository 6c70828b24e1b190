"""The hash-chained audit log: every change appends one event whose hash covers the last.

Deleting, editing or reordering any event breaks the chain, and ``verify_chain`` names the
first event where it breaks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from peewee import JOIN, Database, DatabaseError, fn

from desktop_app.core import events
from desktop_app.core.anchor import check_anchor_bytes, read_anchor
from desktop_app.core.dates import day_range, utc_now
from desktop_app.core.models import AuditEvent, Operator, RedemptionAttempt, Voucher
from desktop_app.core.roles import require_owner

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

GENESIS = "0" * 64


def _canonical(prev_hash: str, at: dt.datetime, operator_id: int | None, kind: str,
               subject: str, detail: str) -> bytes:
    text = "\x1f".join([prev_hash, at.strftime("%Y-%m-%dT%H:%M:%S.%f"),
                        "" if operator_id is None else str(operator_id), kind, subject, detail])
    return text.encode("utf-8")


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event.prev_hash, event.at, event.operator_id, event.kind,
                                     event.subject, event.detail)).hexdigest()


def latest_hash() -> str:
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).first()
    return last.hash if last else GENESIS


def record(shop: Shop, kind: str, subject: object = "", /, **detail: Any) -> AuditEvent:
    """Append an event; call inside the write transaction of the change it describes."""
    event = AuditEvent(
        at=utc_now(),
        operator=shop.operator.id,
        kind=kind,
        subject=str(subject),
        detail=json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str),
        prev_hash=latest_hash(),
    )
    event.hash = event_hash(event)
    event.save()
    shop.audit_dirty = True  # the anchor outside is rewritten once the transaction commits
    events.note(kind)  # every change is audited, so this is where screens learn of it
    return event


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
    """Everything ``verify`` checks, on the open shop and the anchor beside it."""
    return verify_database(shop.db, shop.database_key, read_anchor(shop.data_dir))


def verify_database(db: Database, key: bytes, anchor_raw: bytes | None) -> list[str]:
    """SQLCipher's page MACs, SQLite's structure, the audit chain, vouchers against their
    redemptions, and the anchor (``anchor_raw``, as read from its file or a backup). The
    models must be bound to ``db``. Each problem is named; an empty list means all hold."""
    checks: list[tuple[str, Callable[[], list[str]]]] = [
        ("cipher_integrity", lambda: [str(r[0]) for r in
                                      db.execute_sql("PRAGMA cipher_integrity_check")]),
        ("integrity", lambda: [str(r[0]) for r in db.execute_sql("PRAGMA integrity_check")
                               if r[0] != "ok"]),
        ("audit_chain", lambda: [f"event {p.event_id} {p.problem}" for p in verify_chain()]),
        ("vouchers", lambda: [f"voucher {v} uses_mismatch" for v in vouchers_out_of_step()]),
        ("anchor", lambda: [p for p in [check_anchor_bytes(anchor_raw, key)] if p]),
    ]
    problems = []
    for name, check in checks:
        try:
            problems += [f"{name}: {found}" for found in check()]
        except DatabaseError as exc:  # a damaged file must be named, not crash the check
            problems.append(f"{name}: {exc}")
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
    query = (Voucher.select(Voucher.id)
             .where((Voucher.uses_total - Voucher.uses_left) != used_by_records))
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
    query = AuditEvent.select(AuditEvent.kind).distinct().order_by(AuditEvent.kind).tuples()
    return [kind for (kind,) in query]
