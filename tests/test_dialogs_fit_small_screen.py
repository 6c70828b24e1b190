"""On a 1366x768 PC at 150 % (911x512 logical pixels) every dialog fits its screen, so its
buttons can be pressed (QA s17b F1), the product dialog's wrapped hints are not cut (F7)
and the customer display opens inside its screen (F9).

The offscreen platform's screen (800x800) is set when the process starts: the dialogs are
opened in a worker process whose screen is 911x512 (``small_screen_worker.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("small_screen_worker.py")
SMALL_SCREEN = {"screens": [{"name": "small", "x": 0, "y": 0, "width": 911, "height": 512,
                             "logicalDpi": 96, "dpr": 1}]}
DIALOGS = ("new_order", "settings", "audit", "expiring", "card_keys", "card_lookup",
           "operators", "verify", "new_product", "edit_product", "customer_display")


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def measured(tmp_path_factory: pytest.TempPathFactory,
             request: pytest.FixtureRequest) -> dict[str, dict[str, object]]:
    """Each dialog's fit, in English and in Chinese (taller lines, other widths)."""
    folder = tmp_path_factory.mktemp("small-screen")
    config = folder / "screen.json"
    config.write_text(json.dumps(SMALL_SCREEN), encoding="utf-8")
    root = str(WORKER.parent.parent)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, str(WORKER), str(folder), request.param], env=env,
                          cwd=root, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("name", DIALOGS)
def test_the_dialog_fits_the_small_screen(measured: dict[str, dict[str, object]],
                                          name: str) -> None:
    dialog = measured[name]
    assert dialog["screen"] == [911, 512], "the worker's screen is not the small one"
    assert dialog["inside"], f"{name} is {dialog['size']}, larger than the screen"
    assert dialog["buttons_outside"] == []


@pytest.mark.parametrize("name", DIALOGS)
def test_no_wrapped_text_or_field_is_cut(measured: dict[str, dict[str, object]],
                                         name: str) -> None:
    assert measured[name]["squeezed"] == []
