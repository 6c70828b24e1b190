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


def require_owner(shop: Shop, action: str) -> None:
    """Refuse ``action`` unless the operator is an owner; the GUI hiding a tab is not enough."""
    if shop.operator.role != "owner":
        log.info("operator #%s refused %s", shop.operator.id, action)
        raise Forbidden(action=action)

