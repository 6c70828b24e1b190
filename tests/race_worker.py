"""A separate process redeeming vouchers, for the exactly-once race test (on the file, or on
the server when ``database_url`` is given: each process then acts as another counter PC)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.core import redemption
from desktop_app.core.engine import ShopLocation
from desktop_app.core.store import Shop, open_shop

OWNER, OWNER_PASSWORD = "Alice", "correct horse 42"


def _open(folder: str, database_url: str | None) -> Shop:
    """The shop as another counter opens it: the file (patient with its lock) or the server."""
    if database_url is None:
        return open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000)
    return ShopLocation(Path(folder), database_url).open(OWNER, OWNER_PASSWORD)


def redeem_many(folder: str, payloads: list[str], rounds: int,
                station: str, database_url: str | None = None) -> list[tuple[str, str]]:
    """Try every payload ``rounds`` times; the (payload, reason) of each attempt."""
    results = []
    with _open(folder, database_url) as shop:
        for _ in range(rounds):
            for payload in payloads:
                verdict = redemption.redeem(shop, payload, station)
                results.append((payload, verdict.reason))
    return results


def spend_once(folder: str, payload: str, amount_cents: int, station: str,
               database_url: str | None = None) -> str:
    """Spend ``amount_cents`` from a gift card once; the verdict's reason."""
    with _open(folder, database_url) as shop:
        return redemption.redeem(shop, payload, station, amount_cents=amount_cents).reason


def redeem_uses(folder: str, payload: str, uses: int, tries: int,
                station: str) -> list[tuple[str, int | None]]:
    """Ask ``tries`` times for ``uses`` uses of one voucher; (reason, uses left) of each."""
    results = []
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000) as shop:
        for _ in range(tries):
            verdict = redemption.redeem(shop, payload, station, uses=uses)
            results.append((verdict.reason, verdict.uses_left))
    return results


def refund_each(folder: str, refunds_asked: list[tuple[int, int | None, int, list[int]]],
                barrier: Any, results: Any, database_url: str | None = None) -> None:
    """The owner at one PC makes each refund, meeting ``barrier`` before each: (order, None,
    0, []) the whole order, (order, line, quantity, vouchers) part of a line. Puts ("refund",
    [(outcome, money paid back)]) on ``results``; a refusal's outcome is its code."""
    from desktop_app.core import refunds
    from desktop_app.core.errors import ShopError

    out: list[tuple[str, int]] = []
    with _open(folder, database_url) as shop:
        for order_id, line_id, quantity, voucher_ids in refunds_asked:
            barrier.wait()
            try:
                made = (refunds.refund_order(shop, order_id) if line_id is None
                        else refunds.refund_line(shop, line_id, quantity, voucher_ids))
                out.append(("refunded", made.refund_cents))
            except ShopError as exc:
                out.append((exc.code, 0))
    results.put(("refund", out))


def redeem_each(folder: str, scans: list[tuple[str, int, int | None]], barrier: Any,
                results: Any, database_url: str | None = None) -> None:
    """A counter at another PC scans each (payload, uses, gift card amount), meeting
    ``barrier`` before each: put ("redeem", [reason]) on ``results``."""
    out: list[str] = []
    with _open(folder, database_url) as shop:
        for payload, uses, amount_cents in scans:
            barrier.wait()
            out.append(redemption.redeem(shop, payload, "counter-B", uses=uses,
                                         amount_cents=amount_cents).reason)
    results.put(("redeem", out))


def replace_each(folder: str, key_ids: list[int], barrier: Any, results: Any,
                 database_url: str | None = None) -> None:
    """The owner at another PC replaces each faulty key, meeting ``barrier`` before each: put
    ("replace", [outcome]) on ``results``; a refusal's outcome is its state or its code."""
    from desktop_app.core import cardkeys
    from desktop_app.core.errors import ShopError

    out: list[str] = []
    with _open(folder, database_url) as shop:
        for key_id in key_ids:
            barrier.wait()
            try:
                cardkeys.replace_faulty_key(shop, key_id)
                out.append("replaced")
            except ShopError as exc:
                out.append(str(exc.params.get("state") or exc.code))
    results.put(("replace", out))


def race_refunds(shop: Shop, refunds_asked: list[tuple[int, int | None, int, list[int]]],
                 other: Callable[..., None], other_asked: list[Any]) -> dict[str, list[Any]]:
    """The refunds (``refund_each``) at one PC and ``other`` at another, each in a process of
    its own, meeting at a barrier before each round; each side's outcomes by its name. The
    test's own connection closes first."""
    url = getattr(shop, "url", None)
    shop.close()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    folder = str(shop.data_dir)
    workers = [context.Process(target=refund_each,
                               args=(folder, refunds_asked, barrier, results, url)),
               context.Process(target=other, args=(folder, other_asked, barrier, results, url))]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
    return outcomes
