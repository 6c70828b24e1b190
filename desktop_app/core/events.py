"""What a write changed, so that screens re-read only that.

Every change to the shop already appends an audit event (``audit.record``), so the audit
kind says what changed: ``record`` calls ``note`` and nothing else has to remember to. The
changes are collected per thread (the GUI's worker thread runs one task at a time); whoever
runs a task calls ``take`` when it ends and tells the screens, once, what changed. A write
that rolls back may still have noted its change: a screen then re-reads once for nothing,
which costs less than missing a change.
"""

from __future__ import annotations

import threading

PRODUCTS = "products"  # products, their stock and card keys
ORDERS = "orders"
VOUCHERS = "vouchers"
REDEMPTIONS = "redemptions"
OPERATORS = "operators"
SETTINGS = "settings"
CHANGES = frozenset({PRODUCTS, ORDERS, VOUCHERS, REDEMPTIONS, OPERATORS, SETTINGS})

# Audit kind -> what a screen shows that it changes. A sale takes stock and issues vouchers;
# a refund voids vouchers and gives stock back. Kinds that change nothing shown map to nothing.
CHANGES_BY_AUDIT_KIND: dict[str, frozenset[str]] = {
    "product_add": frozenset({PRODUCTS}),
    "product_update": frozenset({PRODUCTS}),
    "product_archive": frozenset({PRODUCTS}),
    "product_restore": frozenset({PRODUCTS}),
    "cardkey_import": frozenset({PRODUCTS}),
    "cardkey_faulty": frozenset({PRODUCTS}),
    "cardkey_replace": frozenset({PRODUCTS, VOUCHERS}),
    "cardkey_restock": frozenset({PRODUCTS}),
    "order_create": frozenset({ORDERS}),
    "order_cancel": frozenset({ORDERS}),
    "order_pay": frozenset({ORDERS, VOUCHERS, PRODUCTS}),
    "order_refund": frozenset({ORDERS, VOUCHERS, PRODUCTS}),
    "order_refund_line": frozenset({ORDERS, VOUCHERS, PRODUCTS}),
    "voucher_batch": frozenset({ORDERS, VOUCHERS, PRODUCTS}),
    "redeem": frozenset({REDEMPTIONS, VOUCHERS}),
    "redemption_undo": frozenset({REDEMPTIONS, VOUCHERS}),
    "giftcard_reload": frozenset({ORDERS, VOUCHERS}),
    "giftcard_cashout": frozenset({VOUCHERS}),
    "giftcard_expiry": frozenset({VOUCHERS}),
    "giftcard_pin": frozenset({VOUCHERS}),
    "giftcard_pin_wrong": frozenset(),
    "giftcard_pin_locked": frozenset(),
    "giftcard_lookup": frozenset(),
    "voucher_find": frozenset(),  # a clerk's search at the counter: nothing changed
    "owner_action_refused": frozenset(),  # a clerk refused: nothing changed
    "operator_add": frozenset({OPERATORS}),
    "operator_enable": frozenset({OPERATORS}),
    "operator_disable": frozenset({OPERATORS}),
    "operator_reset_password": frozenset({OPERATORS}),
    "operator_change_password": frozenset({OPERATORS}),
    "operator_recover": frozenset({OPERATORS}),
    "recovery_key_new": frozenset(),  # a key slot; the window that made it says so itself
    "recovery_key_kept": frozenset(),  # its last group typed back, in the window that showed it
    "restore_carry": frozenset({REDEMPTIONS, VOUCHERS, OPERATORS}),
    "restore_undone": frozenset(),  # at open, before any screen shows the shop
    "restore_completed": frozenset(),
    # The shop's currency shows in every price and total: the tabs showing them re-read it.
    "settings_change": frozenset({SETTINGS, PRODUCTS, ORDERS}),
    "backup": frozenset(),
    "integrity_acknowledged": frozenset({SETTINGS}),
    "shop_moved": frozenset({SETTINGS}),  # the folder keeps the shop for reading only
    "shop_moved_out": frozenset({SETTINGS}),  # the same, after a final backup (move_out)
    "schema_upgraded": frozenset(),  # at open, before any screen shows the shop
    "export": frozenset(),
    "cardkey_shown": frozenset(),
    "cardkey_sent": frozenset(),
}

_local = threading.local()


def _changes() -> set[str]:
    if not hasattr(_local, "changes"):
        _local.changes = set()
    changes: set[str] = _local.changes
    return changes


def note(audit_kind: str) -> None:
    """Remember what the audited change ``audit_kind`` changed; an unknown kind, everything
    (a new kind of change must not leave a screen stale)."""
    _changes().update(CHANGES_BY_AUDIT_KIND.get(audit_kind, CHANGES))


def take() -> frozenset[str]:
    """What this thread changed since the last ``take``; forgets it."""
    changes = _changes()
    taken = frozenset(changes)
    changes.clear()
    return taken
