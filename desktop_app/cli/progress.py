"""How far a long command is, said on stderr: stdout keeps only the result (``--json`` prints
the JSON alone), and a person at the terminal sees it is working (QA s20a F4: a 139 s
export printed nothing until its end)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from desktop_app.i18n import translate

EVERY_S = 5.0  # at most one line this often: enough to see it move, not a flood


def export_progress() -> Callable[[int, int], None]:
    """For ``reports.export_redemptions``: a line as it starts (how many records), then one
    every few seconds until it ends."""
    last = time.monotonic()

    def told(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done == 0:
            line = translate("cli", "Exporting {total} redemption records…").format(total=total)
        elif done < total and now - last >= EVERY_S:
            line = translate("cli", "… {done} of {total} written").format(done=done, total=total)
        else:
            return
        print(line, file=sys.stderr, flush=True)
        last = now

    return told
