"""Two changes on the server that wait on each other's rows: PostgreSQL rolls one back
(deadlock detected). It is said as a conflict that changed nothing (not as a damaged shop or
a traceback), and a refund's ``retried_on_conflict`` does it again and gets through."""

from __future__ import annotations

import threading

from counter_driver import sell

from desktop_app.core.errors import WriteConflict
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.core.transactions import retried_on_conflict

SHOP_ENGINES = ("server",)  # the file's BEGIN IMMEDIATE lets one writer in: no deadlock


def test_a_deadlock_is_a_conflict_and_done_again_gets_through(shop: Shop) -> None:
    first, second = sell(shop, uses=3).id, sell(shop, uses=4).id
    barrier = threading.Barrier(2, timeout=20)
    refused: list[Exception] = []
    tries: list[str] = []

    def cross(name: str, one: int, other: int) -> None:
        """Lock ``one``, wait until the other thread holds ``other``, then want it too."""
        def once() -> None:
            again = name in tries
            tries.append(name)
            try:
                with shop.write():
                    Voucher.update(uses_left=Voucher.uses_left - 1).where(
                        Voucher.id == one).execute()
                    if not again:
                        barrier.wait()
                    Voucher.update(uses_left=Voucher.uses_left - 1).where(
                        Voucher.id == other).execute()
            except Exception as exc:
                refused.append(exc)
                raise

        retried_on_conflict(once)

    threads = [threading.Thread(target=cross, args=("a", first, second)),
               threading.Thread(target=cross, args=("b", second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [type(exc) for exc in refused] == [WriteConflict]
    assert sorted(tries) == ["a", "a", "b"] or sorted(tries) == ["a", "b", "b"]
    # Both changes made once each: the rolled-back try left nothing.
    assert [Voucher.get_by_id(v).uses_left for v in (first, second)] == [1, 2]
