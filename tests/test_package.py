"""The PyInstaller bundle builds from a clean copy and passes its own self-test.

Slow (a full PyInstaller build), so it only runs when asked:

    RUN_PACKAGE_TESTS=1 python -m pytest -m package

The work itself is ``tests/package_smoke.py``, which can also be run directly.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("package_smoke.py")

pytestmark = [
    pytest.mark.package,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("RUN_PACKAGE_TESTS") != "1",
                       reason="builds the bundle; set RUN_PACKAGE_TESTS=1 to run"),
]


def test_bundle_builds_and_passes_its_self_test() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("RUN_PACKAGE_TESTS=1 but PyInstaller is not installed: pip install pyinstaller")
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=3600, check=False)
    print(result.stdout)
    print(result.stderr, file=sys.stderr)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
