"""Keyboard-wedge scanners versus people: the classifier alone, then the Qt filter in a window."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from counter_driver import FakeClock
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from synthetic import random_payload

from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER, Burst, KeystrokeClassifier
from desktop_app.scanning.wedge import ScannerInput

TYPED_CODE = "K7QM-2X9R-TB4W-HN3P8"

# The offscreen platform warns when a shown window with a layout gets size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def feed_all(classifier: KeystrokeClassifier, text: str, start_ms: float,
             interval_ms: float) -> float:
    """Feeds ``text`` one key every ``interval_ms``; returns the time of the last key."""
    now = start_ms
    for i, char in enumerate(text):
        now = start_ms + i * interval_ms
        assert classifier.feed(char, now) is None
    return now


# --- KeystrokeClassifier --------------------------------------------------------------------


def test_a_fast_burst_ended_by_enter_is_a_scanner() -> None:
    payload = random_payload()
    classifier = KeystrokeClassifier()
    last = feed_all(classifier, payload, 1000, 5)
    assert classifier.is_scanner()
    assert classifier.enter(last + 5) == Burst(payload, SCANNER)
    assert not classifier.pending


def test_slow_typing_is_a_person() -> None:
    classifier = KeystrokeClassifier()
    last = feed_all(classifier, TYPED_CODE, 0, 140)
    assert classifier.enter(last + 200) == Burst(TYPED_CODE, KEYBOARD)


@pytest.mark.parametrize(("interval_ms", "source"), [(20, SCANNER), (34, SCANNER),
                                                     (36, KEYBOARD), (60, KEYBOARD)])
def test_the_mean_interval_decides(interval_ms: float, source: str) -> None:
    classifier = KeystrokeClassifier(idle_timeout_ms=100)
    last = feed_all(classifier, "ABCDEFGHIJKL", 0, interval_ms)
    burst = classifier.enter(last + 1)
    assert burst is not None and burst.source == source


def test_a_short_fast_burst_is_not_a_scan() -> None:
    # Two keys hit together by a person ("rollover") are fast but too few to be a scan.
    classifier = KeystrokeClassifier()
    last = feed_all(classifier, "1234567", 0, 5)
    assert not classifier.is_scanner()
    assert classifier.enter(last + 1) == Burst("1234567", KEYBOARD)


def test_uneven_but_fast_on_average_is_still_a_scanner() -> None:
    classifier = KeystrokeClassifier()
    times = [0, 2, 4, 60, 62, 64, 66, 68, 70, 72, 74, 76]  # one USB hiccup of 56 ms
    for char, t in zip("ABCDEFGHIJKL", times, strict=True):
        classifier.feed(char, t)
    assert classifier.enter(80) == Burst("ABCDEFGHIJKL", SCANNER)


def test_idle_timeout_submits_only_a_scanner_burst() -> None:
    payload = random_payload()
    classifier = KeystrokeClassifier(idle_timeout_ms=80)
    last = feed_all(classifier, payload, 0, 4)
    assert classifier.expire(last + 50) is None  # not idle long enough yet
    assert classifier.expire(last + 81) == Burst(payload, SCANNER)

    last = feed_all(classifier, "ABC1234XYZ", 5000, 150)
    assert classifier.expire(last + 1000) is None  # people pause; their text waits for Enter
    assert classifier.enter(last + 2000) == Burst("ABC1234XYZ", KEYBOARD)


def test_expire_without_time_trusts_the_callers_timer() -> None:
    classifier = KeystrokeClassifier()
    feed_all(classifier, "ABCDEFGHIJ", 0, 5)
    assert classifier.expire() == Burst("ABCDEFGHIJ", SCANNER)
    assert classifier.expire() is None


def test_a_scan_after_abandoned_typing_keeps_only_the_scan() -> None:
    payload = random_payload()
    classifier = KeystrokeClassifier(idle_timeout_ms=80)
    feed_all(classifier, "K7Q", 0, 200)
    last = feed_all(classifier, payload, 3000, 5)
    assert classifier.text == "K7Q" + payload
    assert classifier.enter(last + 5) == Burst(payload, SCANNER)


def test_corrections_and_held_keys_mean_a_person() -> None:
    classifier = KeystrokeClassifier()
    feed_all(classifier, "ABCDEFGHIJX", 0, 5)
    classifier.backspace()
    assert classifier.text == "ABCDEFGHIJ"
    assert classifier.enter(60) == Burst("ABCDEFGHIJ", KEYBOARD)

    feed_all(classifier, "AAAAAAAAAAAA", 0, 30)
    classifier.mark_human()  # auto-repeat of a held key is fast too
    assert classifier.enter(400) == Burst("AAAAAAAAAAAA", KEYBOARD)


def test_a_configured_suffix_ends_a_scan() -> None:
    payload = random_payload()
    classifier = KeystrokeClassifier(suffix="\t")
    last = feed_all(classifier, payload, 0, 5)
    assert classifier.feed("\t", last + 5) == Burst(payload, SCANNER)

    # A person pressing Tab is moving between fields, not submitting; Tab is not kept as text.
    last = feed_all(classifier, "AB", 1000, 200)
    assert classifier.feed("\t", last + 200) is None
    assert classifier.text == "AB"


def test_enter_on_nothing_is_nothing() -> None:
    assert KeystrokeClassifier().enter(0) is None
    assert KeystrokeClassifier().expire(10_000) is None


# --- ScannerInput in a window ---------------------------------------------------------------


class Counter:
    def __init__(self) -> None:
        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.note = QLineEdit()  # some other field on the same screen, e.g. a customer note
        self.target = QLineEdit()  # the voucher field of the redemption tab
        self.button = QPushButton("Redeem")
        for widget in (self.note, self.target, self.button):
            layout.addWidget(widget)
        self.clock = FakeClock()
        self.scanner = ScannerInput(self.window, self.target, clock=self.clock)

    def type(self, text: str, interval_ms: float) -> None:
        """Types through the window, as the platform delivers keys: to the focused widget."""
        for char in text:
            self.clock.now += interval_ms
            QTest.keyClick(self.window.windowHandle(), char)  # type: ignore[call-overload]  # stubs lack str

    def enter(self, after_ms: float = 5) -> None:
        self.clock.now += after_ms
        QTest.keyClick(self.window.windowHandle(), Qt.Key.Key_Return)


@pytest.fixture
def counter(qtbot: QtBot) -> Iterator[Counter]:
    made = Counter()
    qtbot.addWidget(made.window)
    made.window.show()
    qtbot.waitExposed(made.window)
    made.note.setFocus()
    yield made
    made.scanner.enabled = False


def test_a_scan_into_another_field_lands_in_the_target(counter: Counter, qtbot: QtBot) -> None:
    payload = random_payload()
    counter.note.setText("regular")
    counter.note.end(False)
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type(payload, 5)
        assert counter.target.hasFocus()  # moved once the burst was recognised
        counter.enter()
    assert signal.args == [payload, SCANNER]
    assert counter.note.text() == "regular"  # the scanner's keys were taken back out
    assert counter.target.text() == ""  # cleared, ready for the next scan


@pytest.mark.parametrize("room", [3, 12])  # the field kept a few or some of the burst's keys
def test_a_scan_into_a_short_field_gives_it_back_as_it_was(
        counter: Counter, qtbot: QtBot, room: int) -> None:
    payload = random_payload()
    counter.note.setMaxLength(len("table 4") + room)
    counter.type("table 4", 150)  # a person, slowly
    counter.clock.now += 1000
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type(payload, 5)
        counter.enter()
    assert signal.args == [payload, SCANNER]
    assert counter.note.text() == "table 4"  # not a part of the payload the limit let in


@pytest.mark.parametrize("kind", ["spin", "plain"])
def test_a_scan_into_a_spin_box_or_a_note_leaves_it_as_it_was(
        counter: Counter, qtbot: QtBot, kind: str) -> None:
    field: QWidget
    if kind == "spin":  # a quantity: digits of the payload would make it 9999
        field = QSpinBox()
        field.setRange(1, 9999)
        field.setValue(2)
    else:
        field = QPlainTextEdit()
        field.setPlainText("ring twice")
        field.moveCursor(QTextCursor.MoveOperation.End)
    layout = counter.window.layout()
    assert layout is not None
    layout.addWidget(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type("12345678" + random_payload()[8:], 5)
        counter.enter()
    assert signal.args[1] == SCANNER
    if isinstance(field, QSpinBox):
        assert field.value() == 2
    else:
        assert isinstance(field, QPlainTextEdit) and field.toPlainText() == "ring twice"


def test_a_scan_elsewhere_leaves_a_field_a_person_was_typing_in_alone(
        counter: Counter, qtbot: QtBot) -> None:
    counter.type("table 4", 150)  # a person, slowly, with no Enter yet
    counter.button.setFocus()  # then clicks elsewhere; the scan is typed at the button
    counter.clock.now += 1000
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type(random_payload(), 5)
        counter.enter()
    assert signal.args[1] == SCANNER
    assert counter.note.text() == "table 4"  # what the person typed stays, every key of it


def test_a_scanners_enter_does_not_reach_other_widgets(counter: Counter, qtbot: QtBot) -> None:
    pressed: list[str] = []
    counter.note.returnPressed.connect(lambda: pressed.append("note"))
    counter.target.returnPressed.connect(lambda: pressed.append("target"))
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000):
        counter.type(random_payload(), 5)
        counter.enter()
    assert pressed == []


def test_slow_typing_in_another_field_is_left_alone(counter: Counter, qtbot: QtBot) -> None:
    pressed: list[str] = []
    counter.note.returnPressed.connect(lambda: pressed.append(counter.note.text()))
    with qtbot.assertNotEmitted(counter.scanner.submitted, wait=150):
        counter.type("no sugar please", 150)
        counter.enter(150)
    assert pressed == ["no sugar please"]
    assert counter.note.hasFocus()


def test_typing_a_code_into_the_target_is_keyboard(counter: Counter, qtbot: QtBot) -> None:
    counter.target.setFocus()
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type(TYPED_CODE + "X", 180)
        QTest.keyClick(counter.window.windowHandle(), Qt.Key.Key_Backspace)
        counter.enter(300)
    assert signal.args == [TYPED_CODE, KEYBOARD]
    assert counter.target.text() == ""


def test_keys_on_a_button_are_redirected_to_the_target(counter: Counter, qtbot: QtBot) -> None:
    counter.button.setFocus()
    counter.type("K7QM", 200)
    assert counter.target.hasFocus()
    assert counter.target.text() == "K7QM"
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.enter(200)
    assert signal.args == ["K7QM", KEYBOARD]


def test_a_burst_without_enter_is_submitted_after_the_timeout(counter: Counter,
                                                              qtbot: QtBot) -> None:
    payload = random_payload()
    counter.target.setFocus()
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        counter.type(payload, 5)
    assert signal.args == [payload, SCANNER]
    assert counter.target.text() == ""


def test_a_busy_moment_in_the_middle_of_a_scan_does_not_split_it(counter: Counter) -> None:
    """The GUI thread busy for a moment (a repaint, a slow disk) while the scanner types: its
    next keys wait in the queue, with the times the scanner typed them, while the idle timeout
    comes due, and the event loop, back, runs its timers before the waiting keys."""
    payload = random_payload()
    counter.target.setFocus()
    submitted: list[tuple[str, str]] = []
    counter.scanner.submitted.connect(lambda text, source: submitted.append((text, source)))
    counter.type(payload[:20], 4)
    time.sleep(0.3)  # busy, well past the 80 ms idle timeout
    QCoreApplication.processEvents()  # back: the timers' turn, then the keys that waited
    counter.type(payload[20:], 4)
    counter.enter()
    assert submitted == [(payload, SCANNER)]


def test_keys_sent_straight_to_a_widget_are_seen(counter: Counter, qtbot: QtBot) -> None:
    # Some input paths (and other tests) deliver keys to a widget without the window.
    payload = random_payload()
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000) as signal:
        for char in payload:
            counter.clock.now += 5
            QTest.keyClick(counter.note, char)  # type: ignore[call-overload]  # stubs lack str
        QTest.keyClick(counter.note, Qt.Key.Key_Return)
    assert signal.args == [payload, SCANNER]
    assert counter.note.text() == ""


def test_a_disabled_filter_takes_nothing(counter: Counter, qtbot: QtBot) -> None:
    payload = random_payload()
    counter.scanner.enabled = False
    with qtbot.assertNotEmitted(counter.scanner.submitted, wait=150):
        counter.type(payload, 5)
        counter.enter()
    assert counter.note.text() == payload
    counter.scanner.enabled = True
    counter.note.clear()
    with qtbot.waitSignal(counter.scanner.submitted, timeout=1000):
        counter.type(payload, 5)
        counter.enter()


def test_a_tab_suffix_ends_the_scan_without_moving_focus(qtbot: QtBot) -> None:
    made = Counter()
    made.scanner.enabled = False
    made.scanner = ScannerInput(made.window, made.target, clock=made.clock, suffix="\t")
    qtbot.addWidget(made.window)
    made.window.show()
    qtbot.waitExposed(made.window)
    made.target.setFocus()
    payload = random_payload()
    with qtbot.waitSignal(made.scanner.submitted, timeout=1000) as signal:
        made.type(payload, 5)
        made.clock.now += 5
        QTest.keyClick(made.window.windowHandle(), Qt.Key.Key_Tab)
    assert signal.args == [payload, SCANNER]
    assert made.target.hasFocus()
    made.scanner.enabled = False


def test_enter_on_a_button_with_nothing_typed_is_the_buttons(counter: Counter,
                                                             qtbot: QtBot) -> None:
    clicked: list[bool] = []
    counter.button.clicked.connect(lambda: clicked.append(True))
    counter.button.setFocus()
    with qtbot.assertNotEmitted(counter.scanner.submitted, wait=150):
        QTest.keyClick(counter.window.windowHandle(), Qt.Key.Key_Space)
    assert clicked == [True]  # a non-text key is not redirected
    with qtbot.assertNotEmitted(counter.scanner.submitted, wait=150):
        counter.enter()


@pytest.mark.parametrize("erase", ["backspace", "human_key"])
def test_a_scan_after_a_field_was_erased_is_a_scan(erase: str) -> None:
    """QA s43a F6/F9: "ab" typed and erased (or an arrow key in an empty field), then a scan
    seconds later: the person's mark stayed with the empty buffer and the scan was taken for
    their typing, left in a dialog's field or tried as a password."""
    payload = random_payload()
    classifier = KeystrokeClassifier(idle_timeout_ms=80)
    feed_all(classifier, "ab", 0, 150)
    classifier.reset()  # as the application's scanner does once a person's keys pause
    if erase == "backspace":
        classifier.backspace(450)  # in the field; nothing left of them here
        classifier.backspace(600)
    else:
        classifier.mark_human(750)  # Left
    assert classifier.text == ""
    last = feed_all(classifier, payload, 2750, 5)
    assert classifier.is_scanner()
    assert classifier.enter(last + 5) == Burst(payload, SCANNER)


def test_a_correction_right_before_fast_keys_still_means_a_person() -> None:
    classifier = KeystrokeClassifier(idle_timeout_ms=80)
    feed_all(classifier, "ab", 0, 5)
    classifier.backspace(15)
    classifier.backspace(25)
    last = feed_all(classifier, "ABCDEFGHIJ", 30, 5)  # within the pause: the same burst
    assert classifier.enter(last + 5) == Burst("ABCDEFGHIJ", KEYBOARD)
