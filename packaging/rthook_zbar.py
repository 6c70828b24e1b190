"""PyInstaller runtime hook: let pyzbar find the libzbar that ``build.spec`` bundled.

pyzbar loads zbar with ``ctypes.util.find_library("zbar")`` on Linux and macOS, which only
searches the system (ldconfig, gcc, ``dyld`` fallback paths) and never the bundle. This hook runs
before any app code and answers "zbar" with the bundled copy when there is one, so the frozen app
does not depend on the shop's PC having libzbar installed. Without a bundled copy (``build.spec``
found none on the build machine) the system's libzbar is used if present; with neither, pyzbar
fails to load and the app falls back to zxing-cpp (``desktop_app.scanning.decoders``).

On Windows nothing is needed: pyzbar looks for its DLLs beside its own module, where
``build.spec`` puts them.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

_CANDIDATES = {
    "linux": ("libzbar.so.0", "libzbar.so"),
    "darwin": ("libzbar.0.dylib", "libzbar.dylib"),
}


def _bundled_zbar() -> str | None:
    bundle = getattr(sys, "_MEIPASS", None)
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for name in _CANDIDATES.get(platform, ()):
        path = os.path.join(bundle or "", name)
        if bundle and os.path.isfile(path):
            return path
    return None


def _install() -> None:
    bundled = _bundled_zbar()
    if bundled is None:
        return
    system_find_library = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        if name == "zbar":
            return bundled
        return system_find_library(name)

    ctypes.util.find_library = find_library


_install()
