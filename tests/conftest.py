"""Shared fixtures: real encrypted shops in temporary folders, nothing mocked."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A command on a folder with no shop logs to the app's per-user folder: the tests' own,
# never the real one of whoever runs them (Linux's; the tests run on Linux).
# Once: some tests import this module again as ``tests.conftest``.
if "VOUCHER_SHOP_TESTS_HOME" not in os.environ:
    os.environ["VOUCHER_SHOP_TESTS_HOME"] = os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(
        prefix="voucher-shop-tests-")

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop_app.core.store import Shop, create_shop, open_shop

if TYPE_CHECKING:
    from counter_driver import Counter
    from pytestqt.qtbot import QtBot

    from desktop_app.ui.shop_session import ShopSession

OWNER = "Alice"
OWNER_PASSWORD = "correct horse 42"
CLERK = "Bob"
CLERK_PASSWORD = "clerk-pass-77"


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """The shop PC's time zone (``TZ``), for the block."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def shop_dir(tmp_path: Path) -> Path:
    return tmp_path / "shop"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module that sets ``SHOP_ENGINES = ("file", "server")`` runs each test using ``shop``
    on the embedded file and on a fresh database of the test's PostgreSQL server."""
    engines = getattr(metafunc.module, "SHOP_ENGINES", None)
    if engines and "shop" in metafunc.fixturenames:
        metafunc.parametrize("shop", engines, indirect=True)


def _remembered_scrypt() -> None:
    """scrypt is a pure function: the tests remember each key they derived (the template's
    below is derived once, not once a test). Every derivation still runs scrypt once; a
    wrong password is a new request and derives (and fails) for real."""
    from desktop_app.core import kdf

    if not hasattr(kdf._scrypt, "cache_info"):
        kdf._scrypt = functools.lru_cache(maxsize=4096)(kdf._scrypt)


@pytest.fixture(scope="session")
def new_shop_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str | None]:
    """A new shop's files, made once, and its recovery key: each test's ``shop`` is a copy.
    Making a shop derives two scrypt keys and builds the schema (~0.35 s, a quarter of the
    suite's time)."""
    _remembered_scrypt()
    folder = tmp_path_factory.mktemp("new-shop") / "shop"
    with create_shop(folder, "Test Shop 测试店", "CNY", OWNER, OWNER_PASSWORD,
                     busy_timeout_ms=2000) as made:
        return folder, made.recovery_key


@pytest.fixture(scope="session")
def new_server_shop(pg_server: object, tmp_path_factory: pytest.TempPathFactory,
                    session_witness_dir: Path) -> tuple[str, Path, str | None]:
    """A new shop on the test server, made once: its database (the name returned), this PC's
    folder beside it and its recovery key. Each server test's ``shop`` is a copy of both, as
    a file test's is of ``new_shop_files`` (making one took ~0.9 s a test, 238 tests)."""
    from desktop_app.core.engine import ShopLocation

    _remembered_scrypt()
    name = "new_server_shop"
    url = pg_server.create_database(name)  # type: ignore[attr-defined]
    folder = tmp_path_factory.mktemp("new-server-shop") / "pc"
    with pytest.MonkeyPatch.context() as env:  # not the witnesses of the test that asked first
        env.setenv("SHOP_WITNESS_DIR", str(session_witness_dir))
        with ShopLocation(folder, url).create("Test Shop 测试店", "CNY", OWNER,
                                              OWNER_PASSWORD) as made:
            recovery_key = made.recovery_key
    return name, folder, recovery_key


@pytest.fixture
def shop(shop_dir: Path, request: pytest.FixtureRequest) -> Iterator[Shop]:
    """A fresh encrypted shop, opened by its owner (on the server where parametrised so): a
    copy of the session's new shop, as it is the moment it was made (on the server, a copy
    of its database and of this PC's folder beside it)."""
    if getattr(request, "param", "file") == "server":
        from desktop_app.core.engine import ShopLocation

        template, folder, recovery_key = request.getfixturevalue("new_server_shop")
        url = request.getfixturevalue("pg_url_of")(template)
        if folder.exists():  # a shop made on a server writes nothing here (yet)
            shutil.copytree(folder, shop_dir)
        opened = ShopLocation(shop_dir, url).open(OWNER, OWNER_PASSWORD)
        opened.recovery_key = recovery_key  # as shown once when the shop was made
    else:
        files, recovery_key = request.getfixturevalue("new_shop_files")
        shutil.copytree(files, shop_dir)
        opened = open_shop(shop_dir, OWNER, OWNER_PASSWORD, busy_timeout_ms=2000)
        opened.recovery_key = recovery_key  # as shown once when the shop was made
    yield opened
    close_test_shop(opened)


# Longer than any task takes on a loaded machine; a task still running then is itself a bug.
TASKS_END_MS = 60_000


def close_test_shop(shop: Shop) -> None:
    """A GUI test may end with its window's tasks still running on the shop (under load, often):
    they end first, and the worker thread's own connection closes before the shop does. No task
    finds the shop closed, and no connection is left for the collector to close."""
    tasks = sys.modules.get("desktop_app.ui.tasks")
    if tasks is not None and tasks.has_worker():
        assert tasks.wait_until_idle(TASKS_END_MS)
        tasks.call_in_worker(shop.db.close)
    shop.close()


@pytest.fixture
def session(qtbot: QtBot, shop: Shop, shop_dir: Path) -> Iterator[ShopSession]:
    """The app's session on the test shop (login first): the session opens the shop itself,
    so the fixture's connection closes first (it would hold the old files under a restore)."""
    from desktop_app.ui.shop_session import ShopSession

    shop.close()
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


@pytest.fixture
def owner_shop(shop_dir: Path) -> Shop:
    """A shop the command line's test credentials open (the integrity tests' owner)."""
    from integrity_worker import OWNER as CLI_OWNER
    from integrity_worker import OWNER_PASSWORD as CLI_OWNER_PASSWORD

    return create_shop(shop_dir, "Integrity", "CNY", CLI_OWNER, CLI_OWNER_PASSWORD,
                       busy_timeout_ms=2000)


@pytest.fixture
def temp_settings(qapp: object, tmp_path: Path) -> Iterator[Path]:
    """QSettings in a temporary folder: GUI tests never read or write the real ones."""
    from PySide6.QtCore import QSettings

    from desktop_app.ui import tasks

    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("VoucherShopTests")  # type: ignore[attr-defined]
    qapp.setApplicationName("VoucherShopTests")  # type: ignore[attr-defined]
    yield folder
    tasks.wait_until_idle()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A real PostgreSQL server on a loopback port, started here; skipped where none can start."""
    import pgserver

    try:
        server = pgserver.start()
    except pgserver.Unavailable as exc:
        pytest.skip(str(exc))
    # The app finds the server's password where libpq looks: PGPASSWORD (never in the URL).
    os.environ["PGPASSWORD"] = server.env()["PGPASSWORD"]
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_url_of: Callable[[str | None], str]) -> str:
    """A fresh, empty database on the test server; its URL (the password is in PGPASSWORD)."""
    return pg_url_of(None)


@pytest.fixture
def pg_url_of(pg_server: object, request: pytest.FixtureRequest
              ) -> Callable[[str | None], str]:
    """A fresh database on the test server named for the test, empty or a copy of the one
    named; its URL."""
    import re

    def create(template: str | None) -> str:
        global _database_count
        _database_count += 1
        name = (f"t_{_database_count}_"
                + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50])
        return str(pg_server.create_database(name, template))  # type: ignore[attr-defined]

    return create


@pytest.fixture(scope="session", autouse=True)
def session_witness_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """For fixtures wider than one test: never this computer's own witnesses."""
    folder = tmp_path_factory.mktemp("witness")
    before = os.environ.get("SHOP_WITNESS_DIR")
    os.environ["SHOP_WITNESS_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("SHOP_WITNESS_DIR", None)
    else:
        os.environ["SHOP_WITNESS_DIR"] = before


@pytest.fixture(autouse=True)
def witness_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                ) -> Path:
    """The per-user witnesses in a temporary folder of their own (subprocesses inherit it):
    tests never read or write this computer's own."""
    folder = tmp_path_factory.mktemp("witness")
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_server_watch_left() -> Iterator[None]:
    """After each test: no watch of a server left running, and this process's clock this
    PC's again. A watch its window never stopped measured the server's clock against a later
    test's frozen PC clock and moved the shop's clock a month (CI: Reports' "This month")."""
    yield
    from desktop_app.core import file_clock, server_clock
    from desktop_app.ui.counter.server_status import stop_every_watch

    stop_every_watch()
    server_clock.use_this_pc()
    file_clock.forget()  # a wrong PC clock's suspicion is no later test's


def threads_now() -> str:
    """Every other thread's stack, the shop's task queue and the open windows: what a wait that
    timed out was waiting behind."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import tasks

    frames = sys._current_frames()
    stacks = [f"--- {thread.name}\n" + "".join(traceback.format_stack(frames[thread.ident]))
              for thread in threading.enumerate()
              if thread.ident in frames and thread is not threading.current_thread()]
    windows = [f"{type(widget).__name__} {widget.windowTitle()!r}"
               for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    return (f"tasks pending: {len(tasks._pending)}; visible windows: {windows}\n"
            + "\n".join(stacks))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Iterator[None]:
    """A wait that timed out says what the threads were doing (a CI flake waited 15 s for a
    restore's task with nothing said)."""
    outcome = yield
    from pytestqt.exceptions import TimeoutError as WaitTimedOut

    if call.excinfo is not None and call.excinfo.errisinstance(WaitTimedOut):
        outcome.get_result().sections.append(("threads at the timeout", threads_now()))


@pytest.fixture(autouse=True)
def no_task_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test: the shop's worker threads free again. Every task runs on one worker,
    so a task a test left running (CI: twice a later test's restore waited 15 s for its
    turn) would fail whichever test comes next on that process; this names the test that
    left it, with the worker's stack."""
    yield
    from desktop_app.ui import tasks

    if not tasks.threads_free(TASK_LEFT_S):
        stacks = {thread.name: thread.ident for thread in threading.enumerate()}
        frames = sys._current_frames()
        busy = ["".join(traceback.format_stack(frames[ident]))
                for name, ident in stacks.items()
                if ident in frames and name.startswith(("shop-worker", "shop-reader"))]
        pytest.fail(f"{request.node.nodeid} left a task running over {TASK_LEFT_S:.0f} s:\n"
                    + "\n".join(busy), pytrace=False)


TASK_LEFT_S = 10.0


@pytest.fixture(autouse=True)
def no_modal_left() -> Iterator[None]:
    """After each test: no modal dialog left open. One left by a failed test (CI: a restore
    dialog) blocked every later test's input on that process, failing them too."""
    yield
    from PySide6.QtWidgets import QApplication

    for _ in range(10):
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        modal.close()
        modal.hide()  # a dialog that refuses to close no longer blocks input


_database_count = 0


@pytest.fixture
def counter_station(temp_settings: Path) -> None:
    """This computer's station, as the counter tests' verdicts and records carry it."""
    from PySide6.QtCore import QSettings

    QSettings().setValue("station", "Counter 1")


@pytest.fixture
def counter(qtbot: QtBot, shop: Shop) -> Iterator[Counter]:
    """The main window on ``shop`` with its Redemption tab shown (``counter_driver``)."""
    from counter_driver import Counter

    from desktop_app.ui.shop_session import close_shop

    made = Counter(qtbot, shop)
    yield made
    made.close()
    close_shop(shop)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    """Each test that asks for it once in English and once in Chinese, the app translated."""
    from desktop_app.i18n import install_translator, remove_translators

    install_translator(qapp, request.param)  # type: ignore[arg-type]
    yield request.param
    remove_translators(qapp)  # type: ignore[arg-type]
