"""``--self-test``: does this install (source or bundle) have everything it needs, working?

One line per check; exit 0 only if every check passes. The packaged app must pass it.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop_app.i18n import QT_TRANSLATE_NOOP, translate

Check = Callable[[], str]


def check_store() -> str:
    """The encrypted store: cipher present, a wrong password refused, plain SQLite locked out."""
    from desktop_app.core import products
    from desktop_app.core.errors import WrongPassword
    from desktop_app.core.integrity import witnesses_kept_in
    from desktop_app.core.store import create_shop, database_path, open_shop

    with tempfile.TemporaryDirectory(prefix="voucher-selftest-") as tmp, witnesses_kept_in(
            Path(tmp) / "witness"):
        folder = Path(tmp) / "shop"
        with create_shop(folder, "Self-test", "CNY", "owner", "self-test-password") as shop:
            version = shop.db.execute_sql("PRAGMA cipher_version").fetchone()[0]
            products.add_product(shop, "SELFTEST-PRODUCT", "1.00")
        try:
            open_shop(folder, "owner", "not-the-password").close()
            raise AssertionError("a wrong password opened the shop")
        except WrongPassword:
            pass
        try:
            with sqlite3.connect(database_path(folder)) as plain:
                plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
            raise AssertionError("plain SQLite read the shop file")
        except sqlite3.DatabaseError:
            pass
        for path in folder.rglob("*"):
            if path.is_file() and b"SELFTEST-PRODUCT" in path.read_bytes():
                raise AssertionError(f"clear text found in {path.name}")
    return f"SQLCipher {version}"


def check_server_driver() -> str:
    """The PostgreSQL driver for several counters: its C implementation and libpq load, and a
    refused connection is told in plain words (no server needed: nothing listens on port 1)."""
    import psycopg

    from desktop_app.core import pg_connection
    from desktop_app.core.errors import ServerUnreachable

    try:
        pg_connection.connect("postgresql://selftest@127.0.0.1:1/selftest").close_all()
        raise AssertionError("a connection to a closed port succeeded")
    except ServerUnreachable:
        pass
    version = psycopg.pq.version()
    return (f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), "
            f"libpq {version // 10000}.{version % 10000}")


def check_qr() -> str:
    from desktop_app.core import vouchers
    from desktop_app.scanning.decoders import available_decoders, decode_image

    text = vouchers.payload(secrets.token_hex(16), secrets.token_hex(32), vouchers.new_code())
    image = vouchers.qr_image(text)
    names = available_decoders()
    if not names:
        raise AssertionError("no QR decoder available")
    for name in names:
        found = [d.text for d in decode_image(image, decoders=(name.split()[0],))]
        if found != [text]:
            raise AssertionError(f"{name} did not read the voucher back")
    return translate("selftest", "QR version {version}, decoded by {decoders}").format(
        version=vouchers.qr_version(text), decoders=", ".join(names))


def check_qt(lang: str | None) -> Callable[[], str]:
    def run() -> str:
        if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from desktop_app.i18n import install_translator

        app = QApplication.instance() or QApplication([sys.argv[0]])
        loaded = install_translator(app, "zh_CN")
        probe = QCoreApplication.translate(
            "cli", "Voucher Shop: sell, print and redeem QR vouchers.")
        if loaded != "zh_CN" or probe.startswith("Voucher Shop"):
            raise AssertionError("the Chinese translation did not load")
        install_translator(app, lang or "en")
        return translate("selftest", "platform {platform}, translations ok").format(
            platform=QApplication.platformName())

    return run


def check_main_window() -> str:
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.integrity import witnesses_kept_in
    from desktop_app.core.store import create_shop
    from desktop_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="voucher-selftest-") as tmp, witnesses_kept_in(
            Path(tmp) / "witness"), create_shop(
            Path(tmp) / "shop", "Self-test", "CNY", "owner", "self-test-pass") as shop:
        window = MainWindow(shop)
        window.show()
        QApplication.processEvents()
        tabs = window.tab_count() if hasattr(window, "tab_count") else 3
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return translate("selftest", "{count} tabs").format(count=tabs)


def run_self_test(lang: str | None = None) -> int:
    """Each check's line in the language asked for (QA s39a F18: English under zh_CN), the
    libraries' names and versions as they are."""
    checks: list[tuple[str, Check]] = [
        (QT_TRANSLATE_NOOP("selftest", "encrypted store"), check_store),
        (QT_TRANSLATE_NOOP("selftest", "QR render and decode"), check_qr),
        (QT_TRANSLATE_NOOP("selftest", "PostgreSQL driver"), check_server_driver),
        (QT_TRANSLATE_NOOP("selftest", "Qt and translations"), check_qt(lang)),
        (QT_TRANSLATE_NOOP("selftest", "main window"), check_main_window),
    ]
    failed = 0
    for name, check in checks:
        try:
            detail = check()
            print(translate("selftest", "PASS {name}: {detail}").format(
                name=translate("selftest", name), detail=detail), flush=True)
        except Exception as exc:  # a self-test reports every failure and goes on
            failed += 1
            print(translate("selftest", "FAIL {name}: {detail}").format(
                name=translate("selftest", name), detail=f"{type(exc).__name__}: {exc}"),
                flush=True)
            traceback.print_exc(file=sys.stderr)
    print(translate("selftest", "self-test passed") if not failed else translate(
        "selftest", "self-test FAILED: {count} check(s)").format(count=failed))
    return 0 if not failed else 1
