"""The hash-chained audit log: every change appends one event whose hash covers the last.

Deleting, editing or reordering any event breaks the chain, and ``verify_chain`` names the
first event where it breaks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.models import AuditEvent, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

GENESIS = "0" * 64


def _canonical(event: AuditEvent) -> bytes:
    operator_id = event.operator_id if event.operator_id is not None else ""
    at = event.at.strftime("%Y-%m-%dT%H:%M:%S.%f")
    text = "\x1f".join([event.prev_hash, at, str(operator_id), event.kind, event.subject,
                        event.detail])
    return text.encode("utf-8")


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


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
    return event


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str  # "hash_mismatch" | "broken_link"


def verify_chain() -> list[ChainProblem]:
    """Every place the chain does not hold, oldest first; empty when it is intact."""
    problems: list[ChainProblem] = []
    previous = GENESIS
    query = AuditEvent.select().order_by(AuditEvent.id)
    for event in query.iterator():
        if event.prev_hash != previous:
            problems.append(ChainProblem(event.id, "broken_link"))
        if event_hash(event) != event.hash:
            problems.append(ChainProblem(event.id, "hash_mismatch"))
        previous = event.hash
    return problems
