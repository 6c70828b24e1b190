"""Roles: who may do what. Every service that changes the shop asks here first."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.core.errors import Forbidden

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

ROLES = ("owner", "clerk")
REDEEMING_ROLES = ROLES  # everyone at the counter


# An owner's action refused to a clerk: an audit event, so the owner sees who tried what.
REFUSED_KIND = "owner_action_refused"
# What records it: set by core.audit, which asks here for its owner-only reads, so this
# module cannot import it.
refusal_recorder: Callable[[Shop, str], None] | None = None


def require_owner(shop: Shop, action: str) -> None:
    """Refuse ``action`` unless the operator is an owner; the GUI hiding a tab is not enough."""
    if shop.operator.role != "owner":
        log.info("operator #%s refused %s", shop.operator.id, action)
        if refusal_recorder is not None:
            refusal_recorder(shop, action)
        raise Forbidden(action=action)
