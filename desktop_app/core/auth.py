"""Operators and roles. Every service that changes the shop asks here first."""

from __future__ import annotations

import logging

from desktop_app.core import audit
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.core.keyslots import normalize_operator
from desktop_app.core.models import Operator
from desktop_app.core.store import ROLES, Shop

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 64


def password_strength(password: str) -> int:
    """A rough 0-4 score: length and variety. Enough to warn, not a policy by itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0
    classes = sum(
        any(test(c) for c in password)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = 1 + (len(password) >= 12) + (classes >= 3) + (len(password) >= 16 and classes >= 2)
    return min(score, 4)


def validate_new_operator(name: str, password: str) -> None:
    cleaned = name.strip()
    if not cleaned:
        raise InvalidInput(field="name", problem="required")
    if len(cleaned) > MAX_NAME_LENGTH or any(ord(c) < 32 for c in cleaned):
        raise InvalidInput(field="name", problem="bad_name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(field="password", problem="too_short", minimum=MIN_PASSWORD_LENGTH)


def require_owner(shop: Shop, action: str) -> None:
    """Refuse ``action`` unless the operator is an owner; the GUI hiding a tab is not enough."""
    if shop.operator.role != "owner":
        log.info("operator #%s refused %s", shop.operator.id, action)
        raise Forbidden(action=action)


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
