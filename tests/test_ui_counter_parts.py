"""The Redemption tab's list of recent redemptions and the owner's undo, its pieces without
widgets (words, the table model, settings, sounds), its room at 1024x768, and its refusals
while the shop is held or its server is gone.
"""


from __future__ import annotations

import wave
from dataclasses import replace
from pathlib import Path

import pytest
from counter_driver import WAIT_MS, Counter, sell, uses_left
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption
from desktop_app.core.auth import add_operator
from desktop_app.core.counter_recent import RecentAttempt
from desktop_app.core.dates import utc_now
from desktop_app.core.models import RedemptionAttempt, Voucher
from desktop_app.core.store import Shop, open_shop
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.ui.counter.redemption_models import (
    CODE,
    RESULT,
    TIME,
    TONE_ATTENTION,
    TONE_READY,
    RecentModel,
    ScanSettings,
)
from desktop_app.ui.counter.sounds import (
    BEEP,
    COMMAND,
    KINDS,
    REFUSAL,
    SUCCESS,
    WINSOUND,
    Player,
    Sounds,
    choose_player,
    sound_path,
    write_tone,
)
from desktop_app.ui.counter.verdict_panel import VerdictPanel
from desktop_app.ui.shop_session import close_shop
from desktop_app.ui.widgets import MARGIN
from tests.conftest import CLERK, CLERK_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


# --- the list and undo ----------------------------------------------------------------------


class PaintLog(QObject):
    """Writes ``verdict painted`` to ``events`` when the panel paints a redemption."""

    def __init__(self, panel: VerdictPanel, events: list[str]) -> None:
        super().__init__()
        self.panel = panel
        self.events = events
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.panel.reason == "redeemed":
            self.events.append("verdict painted")
        return False


def test_the_verdict_is_painted_before_the_list_and_the_rest(counter: Counter) -> None:
    """Issue #12: the verdict panel is painted as soon as the counter answers; the recent
    list, and whoever listens to ``verdict_shown`` (the customer display), come after."""
    tab = counter.tab
    events: list[str] = []
    log = PaintLog(tab.verdict, events)
    tab.recent.model.modelReset.connect(lambda: events.append("list refreshed"))
    tab.verdict_shown.connect(lambda *_: events.append("verdict shown"))
    verdict, _ = counter.submit(sell(counter.shop).payload)
    tab.verdict.removeEventFilter(log)
    assert verdict.reason == "redeemed" and events[0] == "verdict painted", events
    assert events.index("list refreshed") < events.index("verdict shown")
    assert [row.attempt_id for row in tab.recent.model.rows()] == [verdict.attempt_id]


def test_the_list_shows_this_stations_attempts(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=2)
    redemption.redeem(counter.shop, voucher.payload, "Counter 2")  # another station
    counter.submit(voucher.code)
    counter.submit("garbage", SCANNER)  # as read; typed by hand it is kept hidden
    model = counter.tab.recent.model
    rows = model.rows()
    assert [(r.reason, r.station) for r in rows] == [("malformed", "Counter 1"),
                                                     ("redeemed", "Counter 1")]
    redeemed = model.index(1, 0)
    values = [model.data(redeemed.siblingAtColumn(c)) for c in range(model.columnCount())]
    local = rows[1].at.astimezone().strftime("%H:%M:%S")
    assert values == [local, voucher.code, "Coffee pass x2", "Redeemed", "Alice"]
    assert model.data(model.index(0, 1)) == "garbage"


def test_owner_undoes_a_redemption_inline(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=2)
    tab = counter.tab
    verdict, _ = counter.submit(voucher.payload)
    assert uses_left(voucher) == 1
    assert tab.recent.undo_button.isVisible() and not tab.recent.undo_button.isEnabled()
    assert tab.recent.select_attempt(verdict.attempt_id)
    assert tab.recent.undo_button.isEnabled()
    tab.recent.undo_button.click()
    panel = tab.recent.undo_panel
    assert panel.isVisible() and voucher.code in panel.question.text()
    assert not panel.confirm.isEnabled()  # a reason first
    assert panel.note.hasFocus()
    counter.type("scanned the wrong card", 150)
    assert panel.note.text() == "scanned the wrong card"  # a person's typing stays there
    with qtbot.waitSignal(tab.recent_changed, timeout=WAIT_MS):
        panel.confirm.click()
    assert not panel.isVisible()
    assert uses_left(voucher) == 2
    undo = RedemptionAttempt.get(RedemptionAttempt.undo_of == verdict.attempt_id)
    assert undo.note == "scanned the wrong card" and undo.station == "Counter 1"
    rows = tab.recent.model.rows()
    assert [(r.reason, r.undone) for r in rows] == [("undone", False), ("redeemed", True)]
    assert tab.recent.model.data(tab.recent.model.index(1, RESULT)) == "Redeemed, undone"
    assert "given back" in tab.recent.message.text()
    tab.recent.select_attempt(verdict.attempt_id)
    assert not tab.recent.undo_button.isEnabled()  # once is enough


def test_a_clerk_sees_only_their_own_and_no_undo(qtbot: QtBot, shop: Shop,
                                                 shop_dir: Path) -> None:
    voucher = sell(shop, uses=3)
    redemption.redeem(shop, voucher.payload, "Counter 1")  # the owner, at this station
    add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    clerk = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    made = Counter(qtbot, clerk)
    try:
        assert made.window.tab_titles() == ["Redemption"]
        verdict, _ = made.scan(voucher.payload)
        assert verdict.reason == "redeemed" and verdict.operator == CLERK
        tab = made.tab
        assert [r.operator for r in tab.recent.model.rows()] == [CLERK]
        assert tab.recent.select_attempt(verdict.attempt_id)
        assert not tab.recent.undo_button.isVisible() and not tab.recent.undo_button.isEnabled()
        tab.recent.ask_undo()
        assert not tab.recent.undo_panel.isVisible()
        assert tab.recent.view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu
    finally:
        made.close()
        close_shop(clerk)


# --- pieces ---------------------------------------------------------------------------------


def test_recent_model_without_widgets(qapp: QApplication) -> None:
    model = RecentModel("CNY")
    now = utc_now()
    model.set_rows([RecentAttempt(1, now, "x" * 40, "", "malformed", False, "Bob", "c")])
    assert model.rowCount() == 1 and model.columnCount() == 5
    shown = model.data(model.index(0, 1))
    assert isinstance(shown, str) and len(shown) < 40 and shown.endswith("…")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "x" * 40
    assert model.data(model.index(0, RESULT)) == "Not a voucher code"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"


def test_recent_model_shows_a_gift_card_spend_with_its_amount(qapp: QApplication) -> None:
    model = RecentModel("CNY")
    now = utc_now()
    spend = RecentAttempt(2, now, "ABCD", "Gift card", "redeemed", True, "Bob", "c",
                          spent_cents=123_450)
    model.set_rows([spend, replace(spend, attempt_id=3, undone=True),
                    replace(spend, attempt_id=4, spent_cents=None)])
    assert [model.data(model.index(row, RESULT)) for row in range(3)] == [
        "Spent ¥1,234.50", "Spent ¥1,234.50, undone", "Redeemed"]  # money: QA s11b F5


def test_settings_survive_and_are_clamped(qapp: QApplication) -> None:
    assert ScanSettings.load() == ScanSettings()
    ScanSettings(timeout_ms=120, suffix="\t", clear_after_s=0, sound=False,
                 camera_index=1, camera_on=True).save()
    assert ScanSettings.load() == ScanSettings(120, "\t", 0, False, 1, True)
    QSettings().setValue("redemption/timeout_ms", "5")
    QSettings().setValue("redemption/clear_after_s", "banana")
    loaded = ScanSettings.load()
    assert loaded.timeout_ms == 30 and loaded.clear_after_s == 6


@pytest.mark.parametrize(("platform", "installed", "expected"), [
    ("win32", {}, Player(WINSOUND)),
    ("darwin", {"afplay": "/usr/bin/afplay"}, Player(COMMAND, ("/usr/bin/afplay",))),
    ("linux", {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"},
     Player(COMMAND, ("/usr/bin/paplay",))),
    ("linux", {"aplay": "/usr/bin/aplay"}, Player(COMMAND, ("/usr/bin/aplay", "-q"))),
    ("linux", {}, Player(BEEP)),
    ("darwin", {}, Player(BEEP)),
])
def test_which_player(platform: str, installed: dict[str, str], expected: Player) -> None:
    assert choose_player(platform, installed.get) == expected


def test_the_sounds_are_short_wav_files(tmp_path: Path) -> None:
    for kind in KINDS:
        path = sound_path(kind)
        assert path.is_file(), "python -m desktop_app.ui.counter.sounds"
        with wave.open(str(path)) as sound:
            seconds = sound.getnframes() / sound.getframerate()
            assert sound.getnchannels() == 1 and 0.1 < seconds < 0.6
    made = write_tone(tmp_path / "again.wav", SUCCESS)
    assert made.read_bytes() == sound_path(SUCCESS).read_bytes()  # reproducible


def test_playing_never_raises(qapp: QApplication, tmp_path: Path) -> None:
    sounds = Sounds(True, Player(COMMAND, (str(tmp_path / "no such player"),)))
    assert sounds.play(REFUSAL) is False
    assert Sounds(True, Player(BEEP)).play(SUCCESS) is True


def fully_visible(widget: QWidget) -> bool:
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_without_a_camera_the_list_takes_the_room(counter: Counter, qtbot: QtBot) -> None:
    tab = counter.tab
    counter.window.resize(1024, 768)
    qtbot.waitUntil(lambda: tab.camera.collapsed, timeout=WAIT_MS)  # no camera on this machine
    QApplication.processEvents()
    assert not tab.camera.view.isVisible()
    assert tab.recent.view.width() > 0.65 * tab.width()  # three fifths with a camera
    header = tab.recent.view.horizontalHeader().height()
    rows = (tab.recent.view.viewport().height()) // tab.recent.view.verticalHeader(
        ).defaultSectionSize()
    assert header > 0 and rows >= 8, rows
    assert fully_visible(tab.camera.picker)
    # QA item 11: no empty column beside the list, and an empty list's columns read whole.
    assert tab.recent.view.width() >= tab.width() - 2 * MARGIN - 4
    header = tab.recent.view.horizontalHeader()
    metrics = header.fontMetrics()
    assert tab.recent.model.rowCount() == 0
    for column, widest in ((TIME, "00:00:00"), (CODE, "XXXX-XXXX-XXXX-XXXXX")):
        title = str(tab.recent.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
        assert header.sectionSize(column) >= tab.recent.view.fontMetrics().horizontalAdvance(
            widest), title


def test_the_undo_panel_opens_in_view_at_1024x768(counter: Counter, qtbot: QtBot) -> None:
    tab = counter.tab
    counter.window.resize(1024, 768)
    tab.settings_button.setChecked(True)  # the settings push the list down
    voucher = sell(counter.shop, uses=2)
    verdict, _ = counter.submit(voucher.payload)
    assert tab.recent.select_attempt(verdict.attempt_id)
    tab.recent.undo_button.click()
    panel = tab.recent.undo_panel
    qtbot.waitUntil(lambda: fully_visible(panel.confirm) and fully_visible(panel.note),
                    timeout=WAIT_MS)


def test_a_held_shop_refuses_at_the_counter_and_says_what_to_do(counter: Counter) -> None:
    """Issue #11: a shop on integrity hold redeems nothing, and the counter says why."""
    voucher = sell(counter.shop)
    counter.shop.integrity_problem = "rolled_back"
    counter.tab.submit(voucher.payload, KEYBOARD)
    counter.qtbot.waitUntil(lambda: counter.tab.verdict.tone == TONE_ATTENTION,
                            timeout=WAIT_MS)
    panel = counter.tab.verdict
    assert panel.headline.text() == "Not redeemed"
    assert "restores the latest good backup" in panel.detail.text()
    assert uses_left(voucher) == 1
    counter.shop.integrity_problem = None


def test_on_a_server_the_tab_refuses_while_it_is_gone_and_recovers_by_itself(
        qtbot: QtBot, shop_dir: Path, pg_server: object, pg_url: str) -> None:
    from conftest import OWNER, OWNER_PASSWORD

    from desktop_app.core.engine import ShopLocation

    shop = ShopLocation(shop_dir, pg_url).create("Server", "CNY", OWNER, OWNER_PASSWORD)
    voucher = sell(shop, uses=2)
    counter = Counter(qtbot, shop)
    try:
        watcher = counter.tab.server_watcher
        assert watcher is not None and not counter.tab.server_message.isVisible()
        with qtbot.waitSignal(watcher.reachable_changed, timeout=WAIT_MS) as lost:
            pg_server.psql(  # type: ignore[attr-defined]
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'Voucher Shop watch'")
        assert lost.args == [False]
        assert counter.tab.server_message.isVisible()
        assert "cannot be reached" in counter.tab.server_message.text()
        counter.tab.submit(voucher.payload, KEYBOARD)  # refused at once, nothing consumed
        said = counter.tab.verdict.headline.text() + counter.tab.verdict.detail.text()
        assert "nothing was redeemed" in said and "scan the voucher again" in said  # s36a F3
        assert Voucher.get_by_id(voucher.id).uses_left == 2
        assert RedemptionAttempt.select().count() == 0
        with qtbot.waitSignal(watcher.reachable_changed, timeout=WAIT_MS) as back:
            pass
        assert back.args == [True] and not counter.tab.server_message.isVisible()
        verdict, _ = counter.submit(voucher.payload)
        assert verdict.reason == "redeemed" and verdict.uses_left == 1
    finally:
        counter.close()
        close_shop(shop)


def test_a_look_up_leaves_the_list_in_view_at_1024x768(counter: Counter, qtbot: QtBot) -> None:
    """QA item 10: a look-up's history pushed the station's list below the fold, and stayed
    open after its verdict had cleared. It scrolls within a few rows, and goes with it."""
    tab = counter.tab
    counter.window.resize(1024, 768)
    tab.verdict.clear_after_ms = 300
    voucher = sell(counter.shop, uses=9)
    for _ in range(8):
        redemption.redeem(counter.shop, voucher.payload, "Counter 2")
    tab.lookup_button.click()
    with qtbot.waitSignal(tab.looked_up, timeout=WAIT_MS):
        tab.submit(voucher.payload, KEYBOARD)
    assert tab.history_panel.isVisible() and tab.history_panel.model.rowCount() == 8
    QApplication.processEvents()
    assert fully_visible(tab.recent.title) and fully_visible(tab.history_panel)
    view = tab.recent.view
    assert fully_visible(view)
    shown = view.visibleRegion().boundingRect().height()
    assert shown >= view.horizontalHeader().height() + 3 * view.verticalHeader(
        ).defaultSectionSize(), shown
    qtbot.waitUntil(lambda: tab.verdict.tone == TONE_READY, timeout=WAIT_MS)
    assert not tab.history_panel.isVisible()


def test_a_scan_after_the_undo_reason_was_typed_and_erased_undoes_nothing(
        counter: Counter, qtbot: QtBot) -> None:
    """QA s43a F11: "ab" typed into the undo's reason and erased, then the next customer's
    scan: the payload became the reason, its Enter confirmed the undo (a use given back) and
    the scanned voucher was not redeemed."""
    first, second = sell(counter.shop, uses=2), sell(counter.shop)
    tab = counter.tab
    verdict, _ = counter.submit(first.payload)
    assert tab.recent.select_attempt(verdict.attempt_id)
    tab.recent.undo_button.click()
    panel = tab.recent.undo_panel
    assert panel.note.hasFocus()
    # "ab" quickly (a person's two keys can be 20 ms apart), then two corrections
    for key, after_ms in (("a", 150), ("b", 20), (Qt.Key.Key_Backspace, 300),
                          (Qt.Key.Key_Backspace, 300)):
        counter.clock.now += after_ms
        QTest.keyClick(counter.window.windowHandle(), key)  # type: ignore[call-overload]
    assert panel.note.text() == ""
    counter.clock.now += 2000
    scanned, _ = counter.scan(second.payload)
    assert scanned.ok and uses_left(second) == 0
    assert uses_left(first) == 1  # nothing given back
    assert not RedemptionAttempt.select().where(RedemptionAttempt.undo_of.is_null(False)).exists()


def test_a_scan_refused_as_the_server_refuses_this_counter_is_listed_as_that(
        counter: Counter) -> None:
    """QA s43b F4: the server refused the counter's login (its password changed); the
    verdict said so, but the station's list said "the shop's server cannot be reached"."""
    from desktop_app.core.errors import ServerLoginFailed

    voucher = sell(counter.shop)
    failures = counter.tab.failures
    failures.refuse("The shop's server refused the login…", voucher.payload,
                    ServerLoginFailed(user="voucher_shop"))
    row = counter.tab.recent.failed[0]
    assert row.failure == "the shop's server refused this counter's login"
    failures.refuse("The shop's server cannot be reached…", voucher.payload)
    assert counter.tab.recent.failed[0].failure == "the shop's server cannot be reached"


def test_a_list_the_server_cannot_give_says_so_of_the_list_alone(counter: Counter) -> None:
    """QA s43b F7: under a "Not certain" verdict the list's line said "nothing was changed",
    read as the scan not having gone through."""
    from desktop_app.core.errors import ServerUnreachable

    recent = counter.tab.recent
    recent.may_retry = False
    recent._refresh_failed(ServerUnreachable(host="127.0.0.1:5432"))
    said = recent.message.text()
    assert said.startswith("This station's list cannot be read now") and "changed" not in said
