"""Owner-only events recorded by an operator who was no owner then (QA s21a F2).

Every operator's password opens the database key, so a clerk with Python (or the SQLCipher
tools) can set their role to owner in memory and do an owner's work through the app's own
modules: the chain holds, and nothing else shows it. The audit log itself says who was an
owner when: the shop's first operator is its owner (created with the shop, no event), every
later one comes with an ``operator_add`` event naming its role, and no event changes a role.
"""

from __future__ import annotations

import json

from peewee import fn

from desktop_app.core import integrity, moved_shop
from desktop_app.core.models import REDEEM_KIND, AuditEvent, Operator

ADD_KIND = "operator_add"
# The kinds only ``require_owner`` lets through, by the action names it checks. Left out:
# what a clerk may also record (a backup switched on to run automatically, reloads where the
# owner lets clerks take money, redemptions, PINs, exports, a counter's first station name).
OWNER_ONLY_KINDS = frozenset({
    ADD_KIND, "operator_enable", "operator_disable", "operator_reset_password",
    integrity.ACKNOWLEDGE_KIND, "recovery_key_new", "recovery_key_kept",
    "product_add", "product_update", "product_archive", "product_restore",
    "order_create", "order_cancel", "order_pay", "voucher_batch",
    "order_refund", "order_refund_line", "redemption_undo",
    "cardkey_import", "cardkey_faulty", "cardkey_restock", "cardkey_replace",
    "shop_moved", moved_shop.MOVED_OUT_KIND,
})
SETTINGS_KIND = "settings_change"  # owner-only but for a counter naming itself as it joins


def _owner_only(kind: str, detail: dict[str, object]) -> bool:
    if kind == SETTINGS_KIND:
        return not detail.get("joined")
    return kind in OWNER_ONLY_KINDS


def _detail(text: str) -> dict[str, object]:
    try:
        found = json.loads(text)
    except ValueError:  # an edited detail breaks the chain; that check names it
        return {}
    return found if isinstance(found, dict) else {}


def owner_only_by_others() -> list[str]:
    """``"event N KIND not_owner"`` for each owner-only event, oldest first, whose operator
    was not an owner at that moment by the log's own record. One query on the kind index
    (redemptions, most of the log, are not in it), read in id order."""
    first = Operator.select(fn.MIN(Operator.id)).scalar()
    roles: dict[int, str] = {} if first is None else {int(first): "owner"}
    kinds = [*OWNER_ONLY_KINDS, SETTINGS_KIND]
    query = (AuditEvent.select(AuditEvent.id, AuditEvent.operator, AuditEvent.kind,
                               AuditEvent.subject, AuditEvent.detail)
             # in the partial index's own words, so SQLite reads that index
             .where(AuditEvent.kind.in_(kinds) & (AuditEvent.kind != REDEEM_KIND))
             .order_by(AuditEvent.id).tuples())
    found = []
    for event_id, operator_id, kind, subject, detail_text in query.iterator():
        detail = _detail(detail_text)
        by_owner = roles.get(operator_id) == "owner"
        if _owner_only(kind, detail) and not by_owner:
            found.append(f"event {event_id} {kind} not_owner")
        if kind == ADD_KIND and subject.isdigit():
            # One a non-owner added is no owner either: all they do is named too.
            roles[int(subject)] = str(detail.get("role", "")) if by_owner else ""
    return found
