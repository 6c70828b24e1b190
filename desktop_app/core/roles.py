"""Roles: who may do what. Every service that changes the shop asks here first."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.core.errors import Forbidden, OperatorDisabled

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


def require_still_active(shop: Shop) -> None:
    """Refuse a change by an operator disabled since logging in: their session left open at
    another PC must not reset the owner's password or enable itself again (QA). Read inside
    the write transaction, so a disable committed before it counts."""
    from desktop_app.core import sql  # sql imports the roles

    row = sql.execute(shop.db, sql.OPERATOR_NOW, (shop.operator.id,)).fetchone()
    if row is None or not row[0]:
        log.info("operator #%s was disabled since login", shop.operator.id)
        raise OperatorDisabled(operator=shop.operator.name)
