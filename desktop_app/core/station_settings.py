"""The two choices of a counter PC that matter to the shop: its station name (on every
redemption from it, and a group of the "by station" report) and its idle lock (how long a
counter left open stays logged in). Both live in the PC's Qt settings, but only an owner
changes them, and each change is audited here (QA s20c F3, F8): a clerk renaming the counter
or switching its lock off left no trace.
"""

from __future__ import annotations

import datetime as dt
import json

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.models import AuditEvent, Order, RedemptionAttempt
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

RECENT_DAYS = 30  # a name used by another counter within this is "in use"


def record_computer_change(shop: Shop, station: str, before: dict[str, object],
                           after: dict[str, object]) -> bool:
    """Audit what changed of this PC's settings (owner only), naming the PC by ``station``
    (its name before the change); returns whether anything changed."""
    require_owner(shop, "settings_change")
    changed = [key for key in after if before.get(key) != after[key]]
    if not changed:
        return False
    with shop.write():
        audit.record(shop, "settings_change", "computer", station=station,
                     before={key: before.get(key) for key in changed},
                     after={key: after[key] for key in changed})
    return True


def record_joined_station(shop: Shop, host_name: str, station: str) -> bool:
    """Audit the station name a counter PC takes as it joins the shop ("Connect this
    counter"), named before it by ``host_name``, as an owner's change is recorded; returns
    whether one was (not when it keeps its host name). Whoever joins the PC names it, a clerk
    too: the PC has no station name yet, so this is its first, not a change of the owner's
    choice; the app asks only then (later changes are the owner's, ``record_computer_change``)."""
    if station == host_name:
        return False
    with shop.write():
        audit.record(shop, "settings_change", "computer", station=host_name, joined=True,
                     before={"station_name": host_name}, after={"station_name": station})
    return True


def station_used_recently(shop: Shop, name: str, days: int = RECENT_DAYS,
                          now: dt.datetime | None = None) -> bool:
    """Whether a PC took the name ``name`` within ``days``, by a redemption attempt recorded
    at it or by taking it (joining the shop, or its owner's rename): a PC taking that name
    would be counted as one with that PC. A counter that joined and has not redeemed yet
    counts too (QA s36a F2: two new counters joined under one name unasked), and one that
    took an order's money there. One probe of the attempts' index led by station; the few
    computer changes by the kinds' index."""
    since = (now or utc_now()) - dt.timedelta(days=days)
    name = name.strip()
    if (RedemptionAttempt.select(RedemptionAttempt.id)
            .where((RedemptionAttempt.station == name)
                   & (RedemptionAttempt.created_at >= since)).exists()):
        return True
    return _took_money_at(name, since) or name in _names_taken_since(since)


def _took_money_at(name: str, since: dt.datetime) -> bool:
    """Whether an order was paid at the station ``name`` since then: the PC that made the
    shop and sold there had redeemed nothing, and a second counter joined under its name
    unasked (QA s43b F1). The sales index's range of those days, paid or refunded since."""
    return (Order.select(Order.id)
            .where(Order.status.in_(("paid", "refunded")) & (Order.paid_at >= since)
                   & (Order.paid_station == name)).exists())


def _names_taken_since(since: dt.datetime) -> set[str]:
    changes = (AuditEvent.select(AuditEvent.detail)
               .where((AuditEvent.kind == "settings_change") & (AuditEvent.subject == "computer")
                      & (AuditEvent.at >= since)))
    taken: set[str] = set()
    for change in changes:
        after = json.loads(change.detail).get("after") or {}
        if isinstance(after.get("station_name"), str):
            taken.add(after["station_name"].strip())
    return taken
