"""The worker's two lanes (QA s14a F8): re-reads started with ``background=True`` wait while
any other task waits, so a scan's verdict comes before a burst of queued re-reads; the other
tasks keep the order they were started in, so a scan never overtakes a write before it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from counter_driver import sell
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption
from desktop_app.core.models import RedemptionAttempt
from desktop_app.core.store import Shop
from desktop_app.ui import tasks

WAIT_MS = 15_000


@pytest.fixture
def held_worker(qtbot: QtBot) -> Iterator[threading.Event]:
    """The worker busy on a task (an owner's long report, say) until the event is set: what is
    started meanwhile queues."""
    release, running = threading.Event(), threading.Event()

    def long_task() -> None:
        running.set()
        release.wait(WAIT_MS / 1000)

    tasks.run_in_background(None, long_task)
    assert running.wait(WAIT_MS / 1000)
    yield release
    release.set()
    assert tasks.wait_until_idle(WAIT_MS)


def noted(order: list[str], name: str) -> Callable[[object], None]:
    return lambda _result: order.append(name)


def test_a_scan_gets_its_verdict_before_the_rereads_queued_before_it(
        shop: Shop, held_worker: threading.Event) -> None:
    voucher = sell(shop)
    order: list[str] = []
    attempts_seen: list[int] = []
    for screen in ("reports", "orders", "inventory"):
        tasks.run_in_background(None, lambda: attempts_seen.append(
            RedemptionAttempt.select().count()), noted(order, f"re-read {screen}"),
            background=True)
    verdicts: list[redemption.Verdict] = []

    def verdict_shown(verdict: redemption.Verdict) -> None:
        verdicts.append(verdict)
        order.append("verdict")

    tasks.run_in_background(None, lambda: redemption.redeem(shop, voucher.payload, "Front"),
                            verdict_shown)
    held_worker.set()
    assert tasks.wait_until_idle(WAIT_MS)
    assert order == ["verdict", "re-read reports", "re-read orders", "re-read inventory"]
    assert verdicts[0].ok
    assert attempts_seen == [1, 1, 1]  # it ran first, not only answered first


def test_a_task_queued_before_a_scan_still_runs_before_it(
        shop: Shop, held_worker: threading.Event) -> None:
    voucher = sell(shop)
    order: list[str] = []
    tasks.run_in_background(None, lambda: None, noted(order, "re-read"), background=True)
    tasks.run_in_background(None, lambda: redemption.redeem(shop, voucher.payload, "Front"),
                            noted(order, "write"))
    tasks.run_in_background(None, lambda: redemption.redeem(shop, voucher.payload, "Front"),
                            noted(order, "scan"))
    tasks.run_in_background(None, lambda: None, noted(order, "later re-read"), background=True)
    held_worker.set()
    assert tasks.wait_until_idle(WAIT_MS)
    assert order == ["write", "scan", "re-read", "later re-read"]
    reasons = [a.reason for a in RedemptionAttempt.select().order_by(RedemptionAttempt.id)]
    assert reasons == ["redeemed", "already_redeemed"]  # the write's use, then the scan's


def test_a_reread_never_runs_before_a_task_started_before_it(
        shop: Shop, held_worker: threading.Event) -> None:
    order: list[str] = []
    for name in ("write 1", "write 2"):
        tasks.run_in_background(None, lambda: None, noted(order, name))
    tasks.run_in_background(None, lambda: None, noted(order, "re-read"), background=True)
    held_worker.set()
    assert tasks.wait_until_idle(WAIT_MS)
    assert order == ["write 1", "write 2", "re-read"]


def test_the_end_of_a_session_comes_after_every_task_started_before_it(
        shop: Shop, held_worker: threading.Event) -> None:
    order: list[str] = []
    tasks.run_in_background(None, lambda: order.append("write"))
    tasks.run_in_background(None, lambda: order.append("re-read"), background=True)
    releaser = threading.Timer(0.2, held_worker.set)
    releaser.start()
    tasks.call_in_worker(lambda: order.append("closing"))
    releaser.join()
    assert order == ["write", "re-read", "closing"]


def test_a_long_read_runs_beside_a_busy_worker_on_a_connection_it_closes(
        qtbot: QtBot, shop: Shop, held_worker: threading.Event) -> None:
    """QA s14b N1: a backup's copy no longer waits for the worker nor holds it; each long read
    connects its own thread and closes that connection after, so none stays open."""
    seen: list[tuple[str, bool]] = []
    results: list[object] = []

    def read() -> int:
        seen.append((threading.current_thread().name, shop.db.is_closed()))
        return RedemptionAttempt.select().count()

    for _ in range(2):
        tasks.run_long_read(None, read, shop.db, results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT_MS)  # the worker still held
    assert results == [0, 0]
    assert all(name.startswith(tasks.READER_THREAD_NAME) and closed for name, closed in seen)


def test_threads_free_says_whether_a_task_holds_the_worker(
        qtbot: QtBot, held_worker: threading.Event) -> None:
    """The suite's after-each-test check (conftest ``no_task_left_running``) rests on this."""
    assert not tasks.threads_free(0.2)
    held_worker.set()
    assert tasks.threads_free(WAIT_MS / 1000)
