"""A long day at the counter leaves nothing behind (QA s20a F9: memory grew through an
hour-like session). Scans at a scanner's speed, the reports shown again, tabs switched and
the audit log opened and closed create widgets, models, tasks and timers on the way: after
many rounds as many are alive as after a few. Counted, not timed nor measured in bytes.

Real sessions on real encrypted shops, driven by scan_driver (real key events at a scanner's
speed, timed by a clock the test moves).
"""

from __future__ import annotations

import gc
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from scan_driver import WAIT_MS, Keys, at_work, session, tab_of

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reports.reports_tab import ReportsTab
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture

WARM_ROUNDS = 3  # the first verdict, report and dialog build what stays for the session
MORE_ROUNDS = 4  # a leak of one object a round shows as 4


def sold_payloads(shop: Shop, count: int) -> list[str]:
    """``count`` vouchers of one use (an order each), each scanned once: every scan a
    redemption, none a double read."""
    item = products.add_product(shop, "Coffee", "4.00", "service", uses=1)
    paid = [fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)]).id, "cash")
            for _ in range(count)]
    return [issued.payload for vouchers in paid for issued in vouchers]


def reports_tab_of(window: MainWindow) -> ReportsTab:
    return next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                if isinstance(tab, ReportsTab))


def live_objects(window: MainWindow) -> Counter[str]:
    """The window's Qt objects by class, every widget of the application, and the tasks and
    Python-side Qt wrappers still alive, once what was closed is deleted."""
    assert tasks.wait_until_idle(WAIT_MS)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater's
    gc.collect()
    counts = Counter(type(child).__name__ for child in window.findChildren(QObject))
    counts["all widgets"] = len(QApplication.allWidgets())
    counts["top-level widgets"] = len(QApplication.topLevelWidgets())
    alive = [obj for obj in gc.get_objects() if isinstance(obj, (QObject, tasks.BackgroundTask))]
    counts["tasks"] = sum(isinstance(obj, tasks.BackgroundTask) for obj in alive)
    counts["Python-side Qt objects"] = len(alive)
    return counts


def one_round(qtbot: QtBot, keys: Keys, window: MainWindow, payload: str) -> None:
    """A customer's voucher scanned, the owner's report (re-read as it is seen after the
    scan, then shown again), the audit log opened and closed, back to the counter."""
    tab = tab_of(window)
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(window, payload)
    assert shown.args[0].ok
    reports = reports_tab_of(window)
    window.tabs.setCurrentWidget(reports)
    qtbot.waitUntil(lambda: not reports.busy, timeout=WAIT_MS)
    reports.show_button.click()
    qtbot.waitUntil(lambda: not reports.busy, timeout=WAIT_MS)
    open_and_close_audit(qtbot, window)
    window.tabs.setCurrentWidget(tab)


def open_and_close_audit(qtbot: QtBot, window: MainWindow) -> None:
    """In a function of its own: a reference kept by the test would keep the dialog's
    Python side alive."""
    audit = window.open_audit()
    qtbot.waitUntil(lambda: not getattr(audit, "loading", False), timeout=WAIT_MS)
    audit.reject()


def test_scans_reports_and_dialogs_leave_no_objects_behind(qtbot: QtBot,
                                                           session: ShopSession) -> None:
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    assert session.shop is not None
    payloads = sold_payloads(session.shop, WARM_ROUNDS + MORE_ROUNDS)
    assert len(payloads) == WARM_ROUNDS + MORE_ROUNDS
    for payload in payloads[:WARM_ROUNDS]:
        one_round(qtbot, keys, window, payload)
    before = live_objects(window)
    for payload in payloads[WARM_ROUNDS:]:
        one_round(qtbot, keys, window, payload)
    after = live_objects(window)
    grew = {name: after[name] - before[name] for name in after | before
            if after[name] != before[name]}
    assert not grew, f"alive after {MORE_ROUNDS} more rounds, by class: {grew}"
    assert after["tasks"] == 0
