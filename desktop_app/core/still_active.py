"""Whether an operator may act: at login (an active operator of the shop the key slots
belong to), and at each change, read inside the write transaction, so a disable committed
before it counts (``Shop.write`` asks here)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.core import sql
from desktop_app.core.errors import DatabaseCorrupt, OperatorDisabled, UnknownOperator
from desktop_app.core.keyslots import normalize_operator
from desktop_app.core.models import Operator, Setting

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


def active_operator(operator: str, shop_id: str, where: str) -> Operator:
    """The operator's row, if they may log in, in a database of the shop the slots belong to."""
    row = Operator.get_or_none(Operator.slot_name == normalize_operator(operator))
    if row is None:
        raise UnknownOperator(operator=operator)
    if not row.active:
        raise OperatorDisabled(operator=row.name)
    stored = Setting.get_or_none(Setting.key == "shop_id")
    if stored is None or stored.value != shop_id:
        raise DatabaseCorrupt(path=where, detail="shop id mismatch")
    return row
