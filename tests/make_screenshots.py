"""Offscreen screenshots of every tab of the demo shop, in English and Chinese.

    QT_QPA_PLATFORM=offscreen python tests/make_screenshots.py OUT_DIR [WIDTHxHEIGHT ...]
    QT_QPA_PLATFORM=offscreen python tests/make_screenshots.py --verdicts docs/screenshots

Each language runs in its own process (translations are installed once per application).
The counter's screenshots at 1024x768 are kept in docs/screenshots/ for the README;
``--verdicts`` takes the counter at 1024x768 showing each verdict the README shows (redeemed,
already redeemed, forged, a typo), as ``counter-REASON-1024x768-LANG.png``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the package is beside tests/
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
SIZES = ["1024x768", "1366x768", "1920x1080"]
LANGUAGES = ["en", "zh_CN"]
VERDICTS = ["redeemed", "already_redeemed", "invalid_signature", "mistyped"]
VERDICT_PRODUCTS = {"redeemed": "Car wash ×5 洗车五次", "already_redeemed": "Coffee ×5 咖啡五杯",
                    "invalid_signature": "Haircut ×5 理发五次",
                    "mistyped": "Massage ×5 按摩五次"}


@contextlib.contextmanager
def demo_window(lang: str, operator: int = 0) -> Iterator[tuple[Any, Any, Any]]:
    """The demo shop's main window in ``lang``, with this computer's settings in a temporary
    folder; ``(app, shop, window)``, everything shut down afterwards."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.demo import DEMO_OPERATORS, ensure_demo_shop
    from desktop_app.core.store import open_shop
    from desktop_app.i18n import install_translator
    from desktop_app.ui import tasks
    from desktop_app.ui.app import configure_application
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.shop_session import close_shop

    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        QSettings().setValue("station", "Counter 1")
        install_translator(app, lang)
        ensure_demo_shop(Path(folder) / "demo")
        name, password, _role = DEMO_OPERATORS[operator]
        shop = open_shop(Path(folder) / "demo", name, password)
        window = MainWindow(shop)
        yield app, shop, window
        window.redemption_tab().shutdown()
        window.hide()
        tasks.wait_until_idle()
        close_shop(shop)
        tasks.shutdown()


def shoot(out: Path, lang: str, sizes: list[str]) -> None:
    from desktop_app.ui import tasks
    from desktop_app.ui.orders.orders_tab import OrdersTab

    with demo_window(lang) as (app, _shop, window):
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


def verdict_text(shop: object, reason: str) -> str:
    """Text that gets ``reason`` at the counter of the demo shop: a customer's car wash pass."""
    from desktop_app.core import fulfilment, orders, products, redemption, vouchers

    item = products.add_product(shop, VERDICT_PRODUCTS[reason], "99", "service",  # type: ignore[arg-type]
                                uses=5)
    order = orders.create_order(shop, [(item.id, 1)], "王女士", "138 0013 5678")  # type: ignore[arg-type]
    (voucher,) = fulfilment.pay_order(shop, order.id, "wechat")  # type: ignore[arg-type]
    if reason == "already_redeemed":
        redemption.redeem(shop, voucher.payload, "Counter 2", uses=5)  # type: ignore[arg-type]
    if reason == "invalid_signature":
        tag = voucher.payload[-vouchers.TAG_LEN:]
        return voucher.payload[:-vouchers.TAG_LEN] + ("0" if tag[0] != "0" else "1") + tag[1:]
    if reason == "mistyped":
        code = voucher.code
        return code[:11] + ("2" if code[11] != "2" else "3") + code[12:]  # the 3rd group
    return voucher.payload if reason != "redeemed" else voucher.code


def shoot_verdicts(out: Path, lang: str) -> None:
    from desktop_app.scanning.wedge import KEYBOARD, SCANNER
    from desktop_app.ui import tasks

    with demo_window(lang) as (app, shop, window):
        window.resize(1024, 768)
        window.show()
        tab = window.redemption_tab()
        assert tab is not None
        window.tabs.setCurrentWidget(tab)
        tab.verdict.clear_after_ms = 0
        for reason in VERDICTS:
            text = verdict_text(shop, reason)
            tab.submit(text, KEYBOARD if reason in ("mistyped", "redeemed") else SCANNER)
            tasks.wait_until_idle()
            for _ in range(10):
                app.processEvents()
            assert tab.verdict.reason == reason, (reason, tab.verdict.reason)
            window.grab().save(str(out / f"counter-{reason}-1024x768-{lang}.png"))


def shoot_outage(out: Path, lang: str) -> None:
    """The clerk's counter with the shop's server away and this PC's clock 10 minutes ahead
    (QA s20c F11): both warnings in the status bar and a failed scan in the list, at 1024x768
    and 1920x1080, as ``outage-SIZE-LANG.png``. Said to the screens as the watch says it."""
    import datetime as dt

    from desktop_app.messages.clock_texts import clock_off_text
    from desktop_app.ui import tasks
    from desktop_app.ui.counter.server_status import server_lost_text

    with demo_window(lang, operator=1) as (app, shop, window):
        window.show()
        tab = window.redemption_tab()
        tab.verdict.clear_after_ms = 0
        window.server_status.show_reachable(False)
        window.clock_status.show_warning("⚠ " + clock_off_text(dt.timedelta(minutes=-10)))
        shop.operator.role = "owner"  # the demo's voucher is sold by its owner
        payload = verdict_text(shop, "redeemed")
        shop.operator.role = "clerk"
        tab.failures.refuse(server_lost_text(), payload)
        for size in ("1024x768", "1920x1080"):
            width, height = (int(n) for n in size.split("x"))
            window.resize(width, height)
            tasks.wait_until_idle()
            for _ in range(10):
                app.processEvents()
            window.grab().save(str(out / f"outage-{size}-{lang}.png"))


def shoot_settings(app: object, window: object, path: Path) -> None:
    """The Settings dialog (This computer's page) over the window, as a user sees it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

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
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 96))  # the window dimmed behind it
    painter.drawPixmap(QPoint(max(0, (picture.width() - dialog.width()) // 2),
                              max(0, (picture.height() - dialog.height()) // 2)), dialog.grab())
    painter.end()
    picture.save(str(path))
    dialog.reject()
    tasks.wait_until_idle()


def main() -> None:
    mode = sys.argv[1] if sys.argv[1] in ("--verdicts", "--outage") else ""
    args = sys.argv[2:] if mode else sys.argv[1:]
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    sizes = args[1:] or SIZES
    if os.environ.get("SCREENSHOT_LANG"):
        if mode == "--verdicts":
            shoot_verdicts(out, os.environ["SCREENSHOT_LANG"])
        elif mode == "--outage":
            shoot_outage(out, os.environ["SCREENSHOT_LANG"])
        else:
            shoot(out, os.environ["SCREENSHOT_LANG"], sizes)
        return
    for lang in LANGUAGES:
        subprocess.run([sys.executable, __file__, *sys.argv[1:]], check=True,
                       env={**os.environ, "SCREENSHOT_LANG": lang})


if __name__ == "__main__":
    main()
