"""The camera's problem stays readable on a small screen (QA s12b F6): at 1024x768 in Chinese
the warning under the preview was cut at the bottom of the counter, behind a scroll bar.
The preview gives way, so the message is whole; a screenshot is kept to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from counter_driver import Counter
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from desktop_app.scanning.camera_source import CAMERA_MISSING
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


def test_the_cameras_warning_is_whole_at_1024x768(language: str, qtbot: QtBot,
                                                  tmp_path: Path, counter: Counter) -> None:
    tab = counter.tab
    assert isinstance(tab, RedemptionTab)
    counter.window.resize(1024, 768)
    camera = tab.camera
    camera.start(tmp_path / "no camera here.avi")
    qtbot.waitUntil(lambda: camera.problem == CAMERA_MISSING, timeout=5000)
    tasks.wait_until_idle()
    qtbot.wait(100)
    out = Path(os.environ.get("SHOP_SCREENSHOTS", tmp_path))
    counter.window.grab().save(str(out / f"camera-problem-1024x768-{language}.png"))
    message, viewport = camera.message, tab.lower_scroll.viewport()
    assert message.isVisible() and message.text()
    bottom = message.mapTo(viewport, QPoint(0, message.height())).y()
    assert message.mapTo(viewport, QPoint(0, 0)).y() >= 0 and bottom <= viewport.height()
    assert message.height() >= message.heightForWidth(message.width())
