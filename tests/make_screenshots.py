"""Offscreen screenshots of every tab of the demo shop, in English and Chinese.

    QT_QPA_PLATFORM=offscreen python tests/make_screenshots.py OUT_DIR [WIDTHxHEIGHT ...]

Each language runs in its own process (translations are installed once per application).
The counter's screenshots at 1024x768 are kept in docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SIZES = ["1024x768", "1366x768", "1920x1080"]
LANGUAGES = ["en", "zh_CN"]


def shoot(out: Path, lang: str, sizes: list[str]) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.demo import DEMO_OPERATORS, ensure_demo_shop
    from desktop_app.core.store import open_shop
    from desktop_app.i18n import install_translator
    from desktop_app.ui import tasks
    from desktop_app.ui.app import close_shop, configure_application
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.orders.orders_tab import OrdersTab

    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        QSettings().setValue("station", "Counter 1")
        install_translator(app, lang)
        ensure_demo_shop(Path(folder) / "demo")
        name, password, _role = DEMO_OPERATORS[0]
        shop = open_shop(Path(folder) / "demo", name, password)
        window = MainWindow(shop)
        window.show()
        for size in sizes:
            width, height = (int(n) for n in size.split("x"))
            window.resize(width, height)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                tasks.wait_until_idle()
                page = window.tabs.widget(index)
                if isinstance(page, OrdersTab):
                    page.select_order(1)  # a paid order: its lines and vouchers
                    tasks.wait_until_idle()
                    tasks.wait_until_idle()
                for _ in range(5):
                    app.processEvents()
                tab = type(window.tabs.widget(index)).__name__.removesuffix("Tab").lower()
                window.grab().save(str(out / f"{tab}-{size}-{lang}.png"))
            shoot_settings(app, window, out / f"settings-{size}-{lang}.png")
        window.redemption_tab().shutdown()  # type: ignore[union-attr]
        window.hide()
        tasks.wait_until_idle()
        close_shop(shop)
        tasks.shutdown()


def shoot_settings(app: object, window: object, path: Path) -> None:
    """The Settings dialog (This computer's page) over the window, as a user sees it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from desktop_app.ui import tasks

    window.settings_action.trigger()  # type: ignore[attr-defined]
    dialog = window.dialogs["settings"]  # type: ignore[attr-defined]
    tasks.wait_until_idle()
    dialog.pages.setCurrentIndex(dialog.pages.count() - 1)
    dialog.adjustSize()
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]
    picture = window.grab()  # type: ignore[attr-defined]
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), 0x60000000)  # the window dimmed behind its dialog
    painter.drawPixmap(QPoint(max(0, (picture.width() - dialog.width()) // 2),
                              max(0, (picture.height() - dialog.height()) // 2)), dialog.grab())
    painter.end()
    picture.save(str(path))
    dialog.reject()
    tasks.wait_until_idle()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = sys.argv[2:] or SIZES
    if os.environ.get("SCREENSHOT_LANG"):
        shoot(out, os.environ["SCREENSHOT_LANG"], sizes)
        return
    for lang in LANGUAGES:
        subprocess.run([sys.executable, __file__, str(out), *sizes], check=True,
                       env={**os.environ, "SCREENSHOT_LANG": lang})


if __name__ == "__main__":
    main()
