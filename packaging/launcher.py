"""PyInstaller's entry script: the same start as ``python -m desktop_app``.

PyInstaller freezes a script, not ``-m package``; this one only hands over to
:func:`desktop_app.__main__.main` and exits with its status.
"""

from __future__ import annotations

import os
import sys


def _give_windowed_streams() -> None:
    # A console-less Windows executable starts with sys.stdout and sys.stderr set to None.
    # Point them at the null device so a stray print or a logging fallback cannot crash the
    # GUI; the console twin (VoucherShop-debug) is the one to use for output.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def run() -> int:
    _give_windowed_streams()
    from desktop_app.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
