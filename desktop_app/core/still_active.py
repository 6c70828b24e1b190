"""Whether the operator acting is still active: read inside a write transaction, so a
disable committed before it counts (``Shop.write`` asks here)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.core import sql
from desktop_app.core.errors import OperatorDisabled

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)


def require_still_active(shop: Shop) -> None:
    """Refuse a change by an operator disabled since logging in: their session left open at
    another PC must not reset the owner's password or enable itself again (QA)."""
    row = sql.execute(shop.db, sql.OPERATOR_NOW, (shop.operator.id,)).fetchone()
    if row is None or not row[0]:
        log.info("operator #%s was disabled since login", shop.operator.id)
        raise OperatorDisabled(operator=shop.operator.name)
