"""A change whose COMMIT lost its answer: found out, not guessed.

When the connection breaks after a COMMIT was sent, the server may or may not have saved it.
The attempt row's id is known before the COMMIT (``INSERT … RETURNING id``) and a sequence
never hands out a number twice, so once the server answers again, "does attempt <id> exist"
says whether that transaction committed. An undo is one row per redemption (``undo_of`` is
unique), so "is there an undo of <id>" says the same for an undo.

A lost connection before the COMMIT was sent leaves nothing: the server rolls an unfinished
transaction back when its connection goes. ``settle`` asks for a short, bounded while (the
caller is the counter's database worker, never the GUI thread); when the server stays silent
the caller says "not certain" with what it needs to find out later.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import ServerLost, ServerUnreachable
from desktop_app.core.models import RedemptionAttempt
from desktop_app.core.store import Shop

if TYPE_CHECKING:  # redemption imports this module
    from desktop_app.core.redemption import Verdict

SETTLE_WAIT_S = 4.0  # how long a scan waits for the server to say what became of its commit
RETRY_EVERY_S = 0.5


class NotSaved(ServerUnreachable):
    """The connection broke before the change was saved: the server kept nothing."""

    code = "server_lost_not_saved"


class RedemptionUncertain(ServerLost):
    """A redemption's COMMIT lost its answer and the server has not answered since.
    ``params``: host, code (the voucher's printed code, or what was scanned), attempt_id."""

    code = "redemption_uncertain"

    def __init__(self, verdict: Verdict | None = None, **params: Any) -> None:
        super().__init__(**params)
        self.verdict = verdict  # what was decided, true if the server saved it; not logged


class UndoUncertain(ServerLost):
    """An undo's COMMIT lost its answer; ``params``: host, attempt_id (the redemption)."""

    code = "undo_uncertain"


def attempt_saved(shop: Shop, attempt_id: int) -> bool:
    """Whether attempt ``attempt_id`` is in the database (``ServerUnreachable`` if no answer)."""
    return bool(RedemptionAttempt.select(RedemptionAttempt.id)
                .where(RedemptionAttempt.id == attempt_id).exists())


def undo_saved(shop: Shop, attempt_id: int) -> bool:
    """Whether redemption ``attempt_id`` has an undo in the database."""
    return bool(RedemptionAttempt.select(RedemptionAttempt.id)
                .where(RedemptionAttempt.undo_of == attempt_id).exists())


def settle(shop: Shop, saved: Callable[[Shop, int], bool], attempt_id: int,
           wait_s: float = SETTLE_WAIT_S) -> bool | None:
    """``saved(shop, attempt_id)`` once the server answers, asked again every half second for
    up to ``wait_s``; None when it has not answered by then (at least one question is asked)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return saved(shop, attempt_id)
        except ServerUnreachable:
            if time.monotonic() + RETRY_EVERY_S > deadline:
                return None
            time.sleep(RETRY_EVERY_S)
