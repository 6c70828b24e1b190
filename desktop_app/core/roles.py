"""Roles: who may do what. Every service that changes the shop asks here first."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.core.errors import Forbidden

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

ROLES = ("owner", "clerk")
REDEEMING_ROLES = ROLES  # everyone at the counter


# An owner's action refused to a clerk: an audit event, so the owner sees who tried what.
REFUSED_KIND = "owner_action_refused"


def require_owner(shop: Shop, action: str) -> None:
    """Refuse ``action`` unless the operator is an owner; the GUI hiding a tab is not enough."""
    if shop.operator.role != "owner":
        log.info("operator #%s refused %s", shop.operator.id, action)
        _record_refusal(shop, action)
        raise Forbidden(action=action)


def _record_refusal(shop: Shop, action: str) -> None:
    """The refusal in the audit log (QA s21a F6: only the log file had it, which the clerk
    may edit). Recorded on its own, before the action's own transaction would begin: inside
    one, the refusal would roll the event back with it, so there only the log file has it.
    A failure to record it (the server away) never turns the refusal into another error."""
    from desktop_app.core import audit  # audit asks here for its own owner-only reads

    if shop.db is None or shop.db.in_transaction():
        return
    try:
        with shop.write(evidence_only=True):
            audit.record(shop, REFUSED_KIND, action)
    except Exception as exc:  # the Forbidden is what the operator must hear
        log.warning("the refusal of %s was not recorded: %s", action, type(exc).__name__)

