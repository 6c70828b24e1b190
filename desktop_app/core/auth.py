"""Operators: add, disable, enable, reset and change passwords."""

from __future__ import annotations

import logging

from desktop_app.core import audit
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound
from desktop_app.core.keyslots import normalize_operator, validate_new_operator
from desktop_app.core.models import Operator
from desktop_app.core.roles import ROLES, require_owner
from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

def add_operator(shop: Shop, name: str, role: str, password: str) -> Operator:
    require_owner(shop, "operator_add")
    if role not in ROLES:
        raise InvalidInput(field="role", problem="choice", choices=",".join(ROLES))
    validate_new_operator(name, password)
    slot_name = normalize_operator(name)
    if Operator.get_or_none(Operator.slot_name == slot_name):
        raise InvalidInput(field="name", problem="taken")
    with shop.write():
        operator = Operator.create(name=name.strip(), slot_name=slot_name, role=role)
        shop.reload_slots().set_password(name, password, shop.database_key)
        audit.record(shop, "operator_add", operator.id, role=role)
        shop.slots.save()
    return operator


def list_operators(shop: Shop) -> list[Operator]:
    require_owner(shop, "operator_list")
    return list(Operator.select().order_by(Operator.name))


def _operator(operator_id: int) -> Operator:
    row = Operator.get_or_none(Operator.id == operator_id)
    if row is None:
        raise NotFound(what="operator", id=operator_id)
    return row


def _active_owners() -> int:
    return Operator.select().where((Operator.role == "owner") & (Operator.active == True)).count()  # noqa: E712


def set_active(shop: Shop, operator_id: int, active: bool, password: str | None = None) -> None:
    """Disable an operator (their key slot is removed, so their password opens nothing), or
    enable one again with a new password. The last active owner cannot be disabled."""
    require_owner(shop, "operator_enable" if active else "operator_disable")
    with shop.write():
        row = _operator(operator_id)
        if not active and row.role == "owner" and row.active and _active_owners() <= 1:
            raise InvalidState(what="operator", id=operator_id, state="last_owner")
        slots = shop.reload_slots()
        if active:
            if password is None:
                raise InvalidInput(field="password", problem="required")
            validate_new_operator(row.name, password)
            slots.set_password(row.name, password, shop.database_key)
        else:
            slots.remove(row.name)
        row.active = active
        row.save()
        audit.record(shop, "operator_enable" if active else "operator_disable", row.id)
        shop.slots.save()


def reset_password(shop: Shop, operator_id: int, password: str) -> None:
    """An owner gives an operator a new password: a new key slot, the old one gone."""
    require_owner(shop, "operator_reset_password")
    with shop.write():
        row = _operator(operator_id)
        validate_new_operator(row.name, password)
        shop.reload_slots().set_password(row.name, password, shop.database_key)
        audit.record(shop, "operator_reset_password", row.id)
        shop.slots.save()


def change_own_password(shop: Shop, current: str, new: str) -> None:
    """Any operator changes their own password, proving the current one first."""
    shop.reload_slots().unlock(shop.operator.name, current)
    validate_new_operator(shop.operator.name, new)
    with shop.write():
        shop.reload_slots().set_password(shop.operator.name, new, shop.database_key)
        audit.record(shop, "operator_change_password", shop.operator.id)
        shop.slots.save()
