"""Keyboard-wedge barcode scanners: the Qt event filters that take scans from key presses.

:class:`ScannerInput` feeds the Qt-free :class:`KeystrokeClassifier` (``keystrokes.py``) from
every key press in a window and emits ``submitted``; :class:`ApplicationScanner` does the same
for every window of the application.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.scanning.burst_rule import (
    is_a_barcode,
    is_a_scan,
    is_password_box,
    takes_typed_text,
)
from desktop_app.scanning.field_state import FieldState, is_text_field, state_of
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER, Burst, KeystrokeClassifier

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_HUMAN_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_Delete,
})
_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)

TARGET, TEXT_FIELD, ELSEWHERE = "target", "text_field", "elsewhere"


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


class ScannerInput(QObject):
    """Sees every key press in ``window`` and emits ``submitted(text, source)``.

    While ``enabled``:

    * keys aimed at the ``target`` line edit reach it as usual; Enter submits its text;
    * keys aimed at something that is not a text field (a button, a table, nothing) are
      redirected into the target, which takes the focus: scanning works whatever was clicked;
    * keys typed into another text field stay there, unless they turn out to be a scanner's
      burst: then the burst is moved out of that field into the target. Slow typing into other
      fields is never taken, and their Enter is left alone.

    The target is cleared after each submission. A scanner burst's ending key (Enter or the
    suffix) is swallowed, so no dialog button fires on a scan. Without a target, keys outside
    text fields are collected and submitted on Enter. ``clock`` (ms) is for tests; by default
    the key events' own timestamps are used, so a busy GUI thread does not turn a person's
    keys, queued during a stall, into a "fast" burst.
    """

    submitted = Signal(str, str)

    def __init__(self, window: QWidget | None, target: QLineEdit | None = None, *,
                 enabled: bool = True, clock: Callable[[], float] | None = None,
                 min_chars: int = 8, max_mean_interval_ms: float = 35.0,
                 idle_timeout_ms: int = 80, suffix: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window  # None: every window of the application
        self._clock = clock
        self._classifier = KeystrokeClassifier(
            min_chars=min_chars, max_mean_interval_ms=max_mean_interval_ms,
            idle_timeout_ms=idle_timeout_ms, suffix=suffix)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(idle_timeout_ms)
        self._timer.timeout.connect(self._on_idle)
        self._target: QLineEdit | None = None
        self._enabled = False
        self._forwarding = False
        self._capturing = False  # the current burst was moved into the target
        # That field as the burst's first key found it: a scan puts it back (field_state).
        self._field_before: FieldState | None = None
        self._last_key: tuple[QWidget, int, str, int] | None = None
        self.target = target
        self.enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        app = QCoreApplication.instance()
        if value == self._enabled or app is None:
            return
        self._enabled = value
        self._reset()
        # An application-wide filter, because a filter on the window itself would not see
        # keys that its child widgets accept; installed only while wanted.
        if value:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    @target.setter
    def target(self, widget: QLineEdit | None) -> None:
        self._target = widget
        if widget is not None:
            # Voucher codes are ASCII: an input method (Pinyin...) would swallow a scan.
            widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    @property
    def classifier(self) -> KeystrokeClassifier:
        return self._classifier

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._forwarding:
            return False
        if not isinstance(watched, QWidget) or not self._watches(watched.window()):
            return False
        assert isinstance(event, QKeyEvent)
        if self._is_propagation(watched, event):
            return False
        return self._on_key(watched, event)

    def _watches(self, window: QWidget) -> bool:
        return self._window is None or window is self._window

    def set_clock(self, clock: Callable[[], float] | None) -> None:
        """Key times from ``clock`` (ms) instead of the events: tests type at exact speeds."""
        self._clock = clock

    def _is_propagation(self, widget: QWidget, event: QKeyEvent) -> bool:
        """A key a child ignored comes again to each parent: count it once."""
        key = (widget, event.key(), event.text(), event.timestamp())
        last, self._last_key = self._last_key, key
        return (last is not None and last[1:] == key[1:] and last[0] is not widget
                and shiboken6.isValid(last[0]) and widget.isAncestorOf(last[0]))

    def _now(self, event: QKeyEvent) -> float:
        if self._clock is not None:
            return self._clock()
        return float(event.timestamp()) or _monotonic_ms()

    def _usable_target(self) -> QLineEdit | None:
        target = self._target
        if target is None or not target.isVisible() or not target.isEnabled():
            return None
        return target

    def _where(self, widget: QWidget) -> str:
        target = self._usable_target()
        if target is not None and (widget is target or target.isAncestorOf(widget)):
            return TARGET
        return TEXT_FIELD if is_text_field(widget) else ELSEWHERE

    def _on_key(self, widget: QWidget, event: QKeyEvent) -> bool:
        key, text = event.key(), event.text()
        if key in _ENTER_KEYS:
            return self._on_enter(widget, event)
        if event.modifiers() & _SHORTCUT_MODIFIERS:
            return False
        if key == Qt.Key.Key_Backspace:
            self._classifier.backspace()
            return False
        if key in _HUMAN_KEYS or event.isAutoRepeat():
            self._classifier.mark_human()
        if not text or not (text.isprintable() or text in self._classifier.suffix):
            return False
        return self._on_char(widget, event)

    def _on_char(self, widget: QWidget, event: QKeyEvent) -> bool:
        where = self._where(widget)
        if where == ELSEWHERE and event.text().isspace() and self._usable_target() is not None:
            return False  # Space presses the focused button or ticks the box: not ours
        burst = self._classifier.feed(event.text(), self._now(event))
        if burst is not None:
            self._submit(burst)
            return True  # the suffix ends the scan; it is not text for anyone
        self._timer.start()
        target = self._usable_target()
        if not self._capturing:
            self._note_field(widget, where)
        if where == TEXT_FIELD and not self._capturing:
            if target is None or not self._classifier.is_scanner():
                return False  # a person typing into some other field: theirs
            self._take_burst_from(target)
        if where == TARGET or target is None:
            return where == ELSEWHERE  # with no target, we are the only reader of stray keys
        if not target.hasFocus():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._forward(event, target)
        return True

    def _take_burst_from(self, target: QLineEdit) -> None:
        """Moves a scanner's burst, typed into another field so far, into the target."""
        typed = self._classifier.burst_text[:-1]  # the newest character is not delivered yet
        self._give_field_back()
        target.setText(typed)
        self._capturing = True

    def _note_field(self, widget: QWidget, where: str) -> None:
        """For each key of a burst, once fed: a new burst forgets the field the last one found
        (a person's keys there are theirs); a key about to land in a text field remembers how
        that field was, once per field, for a scan to put it back."""
        if self._classifier.burst_length == 1:
            self._field_before = None
        before = self._field_before
        if where == TEXT_FIELD and (before is None or before.field is not widget):
            self._field_before = state_of(widget)

    def _give_field_back(self) -> None:
        """A scan is nobody's typing: the text field it landed in, as the burst found it."""
        if self._field_before is not None:
            self._field_before.put_back()

    def _forward(self, event: QKeyEvent, to: QWidget) -> None:
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(),
                         event.isAutoRepeat(), event.count())
        self._forwarding = True
        try:
            QCoreApplication.sendEvent(to, copy)
        finally:
            self._forwarding = False

    def _on_enter(self, widget: QWidget, event: QKeyEvent) -> bool:
        where = self._where(widget)
        burst = self._classifier.enter(self._now(event))
        self._timer.stop()
        if burst is not None and burst.source == SCANNER:
            self._submit(burst)
            return True
        if where == TEXT_FIELD or event.isAutoRepeat():
            self._reset()
            return False  # Enter in another field belongs to that field
        if burst is None and where == ELSEWHERE:
            return False  # nothing typed since the last submission: Enter is the button's
        target = self._usable_target()
        text = target.text() if target is not None else (burst.text if burst else "")
        if not text.strip():
            self._reset()
            return False  # nothing typed: let Enter do what it does (a default button)
        self._submit(Burst(text.strip(), KEYBOARD))
        return True

    def _on_idle(self) -> None:
        burst = self._classifier.expire()
        if burst is not None:
            self._submit(burst)

    def _submit(self, burst: Burst) -> None:
        if burst.source == SCANNER and not self._capturing:
            self._give_field_back()
        self._reset()
        target = self._target
        if target is not None:
            target.clear()
        self.submitted.emit(burst.text, burst.source)

    def _reset(self) -> None:
        self._classifier.reset()
        self._timer.stop()
        self._capturing = False
        self._field_before = None


def _is_char(event: QKeyEvent, suffix: str) -> bool:
    text = event.text()
    return (bool(text) and (text.isprintable() or text in suffix)
            and not event.modifiers() & _SHORTCUT_MODIFIERS)


class ApplicationScanner(ScannerInput):
    """Scanner bursts typed into any window of the application, wherever the focus is: a
    dialog, the lock screen, another tab. Emits ``submitted(text, SCANNER)`` for each burst
    ``burst_rule.is_a_scan`` calls a scan; people's keys are never taken.

    Nothing of a scan stays where it was typed: characters that landed in a text field (the
    lock screen's password box) are taken back out, and the burst's Enter is swallowed, so it
    neither accepts a dialog nor counts as a wrong password. A burst that is a text field's
    text (a payment's code in a reference) stays there, Enter and all. Keys aimed at anything
    else (a button, a table, a message box whose buttons answer to letters) are held until the
    classifier has decided, then given back as they were if a person typed them.
    ``is_claimed(window)`` names windows whose keys another filter takes (the Redemption tab's
    own, while it shows).

    A burst in a password field that cannot be a voucher (a product's barcode, a mis-scan) is
    no scan to redeem, yet no password either: nobody types a password at scanner speed, so it
    is taken out whole, its Enter swallowed, and ``not_a_password`` emitted. Five of them
    would otherwise lock the operator out.
    """

    not_a_password = Signal()

    def __init__(self, parent: QObject, *, is_claimed: Callable[[QWidget], bool] | None = None,
                 clock: Callable[[], float] | None = None, idle_timeout_ms: int = 80,
                 suffix: str = "") -> None:
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._last_widget: QWidget | None = None
        self._is_claimed = is_claimed or (lambda _window: False)
        super().__init__(None, None, enabled=False, clock=clock,
                         idle_timeout_ms=idle_timeout_ms, suffix=suffix, parent=parent)

    def _watches(self, window: QWidget) -> bool:
        return not self._is_claimed(window)

    def _on_key(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.key() not in _ENTER_KEYS and not _is_char(event, self._classifier.suffix):
            self._give_back()  # a person's key: what they typed before it goes first
        return super()._on_key(widget, event)

    def _on_char(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.text().isspace() and self._where(widget) == ELSEWHERE:
            self._give_back()
            self._reset()
            return False  # Space presses the focused button, on its release: not ours to hold
        last, self._last_widget = self._last_widget, widget
        if last is not None and last is not widget and shiboken6.isValid(last) \
                and is_text_field(last):
            # A scanner types into one place: name, then password, fast, is a person's login.
            self._give_back()
            self._reset()
        burst = self._classifier.feed(event.text(), self._now(event))
        if burst is not None:
            return self._end(burst)  # a scan's suffix is not text for anyone
        self._timer.start()
        where = self._where(widget)
        self._note_field(widget, where)
        if where == TEXT_FIELD:
            return False  # it lands; a scan puts the field back when it ends
        self._held.append((widget, QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
            event.count())))
        return True

    def _on_enter(self, widget: QWidget, event: QKeyEvent) -> bool:
        return self._end(self._classifier.enter(self._now(event)))

    def _on_idle(self) -> None:
        self._end(self._classifier.expire())

    def _end(self, burst: Burst | None) -> bool:
        """A burst ended: a scan (burst_rule) is submitted (True: its ending key is swallowed);
        a barcode in a password field is taken out of it (True); any other fast text in a
        text field, a password field too, stays there and its Enter is swallowed (True: the
        person confirms, not the scanner); anything else is given back to where it was typed,
        and its Enter is the dialog's as always."""
        scanned = burst is not None and burst.source == SCANNER
        typed_into = self._field_typed_into()
        if burst is not None and scanned and is_a_scan(burst.text, typed_into):
            self._held.clear()
            self._submit(burst)
            return True
        if burst is not None and scanned and is_password_box(typed_into) \
                and is_a_barcode(burst.text):
            self._held.clear()
            self._give_field_back()
            self._reset()
            self.not_a_password.emit()
            return True
        if scanned and (takes_typed_text(typed_into) or is_password_box(typed_into)):
            self._give_back()
            self._reset()
            return True  # its text stays; the scanner's Enter confirms nothing (a reload's money)
        self._give_back()
        self._reset()
        return False

    def _field_typed_into(self) -> QWidget | None:
        """The text field this burst's keys landed in, if any (and it is still there)."""
        before = self._field_before
        field = before.field if before is not None else None
        return field if field is not None and shiboken6.isValid(field) else None

    def _give_back(self) -> None:
        held, self._held = self._held, []
        self._forwarding = True
        try:
            for widget, event in held:
                if shiboken6.isValid(widget):
                    QCoreApplication.sendEvent(widget, event)
        finally:
            self._forwarding = False

    def _reset(self) -> None:
        super()._reset()
        if hasattr(self, "_held"):
            self._give_back()
