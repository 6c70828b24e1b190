"""Operators (add, disable, enable, passwords) and the login policy every front end shares:
quick unlock of a locked session and password changes, both under the limit on guessing."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, OperationalError

from desktop_app.core import audit, restore_journal
from desktop_app.core.errors import (
    Forbidden,
    InvalidInput,
    InvalidState,
    NotFound,
    OperatorDisabled,
    ServerLost,
    ServerUnreachable,
    ShopMoved,
    WrongPassword,
)
from desktop_app.core.keyslots import (
    KeySlotFile,
    canonical_recovery_key,
    normalize_operator,
    validate_new_operator,
)
from desktop_app.core.lockout import RECOVERY_KEY, LoginThrottle, login_source
from desktop_app.core.models import Operator
from desktop_app.core.paths import KEYSLOTS_FILE, prepare_data_dir
from desktop_app.core.roles import ROLES, require_owner
from desktop_app.core.store import Shop, open_with_key

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class OperatorRow:
    """An operator as lists show it; plain data, safe to hand across threads."""

    id: int
    name: str
    role: str
    active: bool
    created_at: dt.datetime


def _row(operator: Operator) -> OperatorRow:
    return OperatorRow(operator.id, operator.name, operator.role, bool(operator.active),
                       operator.created_at)


def add_operator(shop: Shop, name: str, role: str, password: str) -> OperatorRow:
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
    return _row(operator)


def list_operators(shop: Shop) -> list[OperatorRow]:
    require_owner(shop, "operator_list")
    return [_row(operator) for operator in Operator.select().order_by(Operator.name)]


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
            slots.disable(row.name)
        row.active = active
        row.save()
        audit.record(shop, "operator_enable" if active else "operator_disable", row.id)
        shop.slots.save()
    if active:  # a new password given, as by reset_password
        shop.login_throttle().forgive(row.name)


def reset_password(shop: Shop, operator_id: int, password: str) -> None:
    """An owner gives an operator a new password: a new key slot, the old one gone, and the
    operator's waits after wrong passwords ended."""
    require_owner(shop, "operator_reset_password")
    with shop.write():
        row = _operator(operator_id)
        validate_new_operator(row.name, password)
        shop.reload_slots().set_password(row.name, password, shop.database_key)
        audit.record(shop, "operator_reset_password", row.id)
        shop.slots.save()
    # The owner has proved who they are: the operator's waits after wrong passwords end, or
    # the password just given would be refused "too many wrong passwords" (QA s19a F8).
    shop.login_throttle().forgive(row.name)


def prove_own_password(shop: Shop, password: str) -> None:
    """The logged-in operator's current password, proven before what an open session alone
    must not do (someone at a counter its owner stepped away from). Under the login's limit
    on guessing: a wrong one counts toward the same lockout, and a locked-out operator is
    refused even the right one; this must not be a way round the waits of the login screen."""
    throttle = shop.login_throttle()
    name = shop.operator.name
    source = login_source(name)
    throttle.check(name, source)
    try:
        # Read the slots again: the password may have changed at another counter meanwhile.
        shop.reload_slots().unlock(name, password)
    except WrongPassword:
        throttle.failed(name, source)
        raise
    throttle.succeeded(name, source)


def change_own_password(shop: Shop, current: str, new: str) -> None:
    """Any operator changes their own password, proving the current one first."""
    prove_own_password(shop, current)
    name = shop.operator.name
    validate_new_operator(name, new)
    with shop.write():
        shop.reload_slots().set_password(name, new, shop.database_key)
        audit.record(shop, "operator_change_password", shop.operator.id)
        shop.slots.save()


def quick_unlock(shop: Shop, operator: str, password: str) -> Shop:
    """The lock screen's check: the same operator gets ``shop`` back (a window keeps its
    state); another name is a full login to a new session."""
    try:
        return _quick_unlock(shop, operator, password)
    except ServerUnreachable as exc:
        if isinstance(exc, ServerLost):
            raise
        # A connection the server's restart broke fails its first statement, and is dropped
        # by that; the check reads: once more, on a fresh connection (QA s13a F1).
        return _quick_unlock(shop, operator, password)


def _quick_unlock(shop: Shop, operator: str, password: str) -> Shop:
    # Guesses typed into a locked session count against that session, never against the
    # computer's login screen: a clerk cannot lock the owner out from the clerk's session.
    source = login_source(shop.operator.name)
    if normalize_operator(operator) != normalize_operator(shop.operator.name):
        return shop.open_again(operator, password, source=source)
    # The lock screen is a login too: the same limit on guessing applies.
    throttle = shop.login_throttle()
    throttle.check(operator, source)
    try:
        # Read the slots again: the password may have changed at another counter meanwhile.
        shop.reload_slots().unlock(operator, password)
    except WrongPassword:
        throttle.failed(operator, source)
        raise
    shop.failed_logins = throttle.succeeded(operator, source)
    try:
        current = Operator.get_or_none(Operator.id == shop.operator.id)
    except (DatabaseError, OperationalError) as exc:
        raise shop.translate_error(exc, "open") from exc
    if current is None or not current.active:
        raise OperatorDisabled(operator=shop.operator.name)
    return shop


def recover_owner(data_dir: Path, owner: str, recovery_key: str, new_password: str) -> Shop:
    """Give owner ``owner`` the password ``new_password`` with the shop's recovery key, when
    every owner password is forgotten. A wrong key counts toward the same lockout as a wrong
    password (per name and source); a typo caught by the key's check symbol does not. Returns
    the shop, open as that owner."""
    data_dir = prepare_data_dir(data_dir, create=False)
    restore_journal.settle(data_dir)  # a restore stopped half-way: undone first
    canonical_recovery_key(recovery_key)  # a typo is refused before it counts as a guess
    validate_new_operator(owner, new_password)
    slots = KeySlotFile.load(data_dir / KEYSLOTS_FILE)
    throttle = LoginThrottle(data_dir)
    source = login_source()
    throttle.check(owner, source, credential=RECOVERY_KEY)
    try:
        key = slots.unlock_recovery(recovery_key)
    except WrongPassword:
        throttle.failed(owner, source)
        raise
    failed = throttle.succeeded(owner, source)
    return set_recovered_password(open_with_key(data_dir, slots, key, owner,
                                                failed_logins=failed), owner, new_password)


def set_recovered_password(shop: Shop, owner: str, new_password: str) -> Shop:
    """The tail of a recovery on either engine: ``shop`` was unlocked by the recovery key as
    ``owner``, who must be an owner; their new password is set and audited."""
    try:
        if shop.operator.role != "owner":  # the key was right: the name is not an owner's
            raise Forbidden(action="recover", operator=owner)
        if shop.moved_to is not None:  # the password that matters is the server's (QA s11a)
            raise ShopMoved(**shop.moved_to)
        # Allowed on a held shop too: both ways out of a hold (acknowledge, restore) need an
        # owner's password, and this is how a forgotten one comes back (QA). It changes a key
        # slot, no record of the shop, and moves no witness.
        with shop.write(evidence_only=True):
            shop.reload_slots().set_password(owner, new_password, shop.database_key)
            audit.record(shop, "operator_recover", shop.operator.id)
            shop.slots.save()
    except BaseException:
        shop.close()
        raise
    try:  # the key proved the owner: their waits end at every source too (QA s19a F8)
        shop.login_throttle().forgive(owner)
    except Exception:  # the password is set by now: a wait left over must not undo that
        log.exception("could not end the waits of owner #%s", shop.operator.id)
    log.info("owner #%s recovered with the recovery key", shop.operator.id)
    return shop
