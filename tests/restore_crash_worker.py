"""A restore in a process of its own that dies (``os._exit``, as a power cut or kill -9
would stop it) right after its N-th rename: the test of each crash point of a restore.
With N 0 it runs to the end and prints how many renames it made."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app.core import restore

CRASHED = 137


def restore_crashing_at(folder: Path, backup: Path, operator: str, password: str,
                        crash_at: int) -> int:
    real_replace = os.replace
    renames = 0

    def replace_then_maybe_die(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal renames
        real_replace(src, dst)
        renames += 1
        if renames == crash_at:
            os._exit(CRASHED)

    os.replace = replace_then_maybe_die  # type: ignore[assignment]
    restore.restore_backup(folder, backup, operator, password, confirm=lambda loss: True)
    return renames


if __name__ == "__main__":
    made = restore_crashing_at(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4],
                               int(sys.argv[5]))
    print(made, flush=True)
