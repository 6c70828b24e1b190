"""Keyboard-wedge barcode scanners: the Qt event filters that take scans from key presses.

:class:`ScannerInput` feeds the Qt-free :class:`KeystrokeClassifier` (``keystrokes.py``) from
every key press in a window and emits ``submitted``; ``app_scanner.ApplicationScanner`` does
the same for every window of the application.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.scanning.burst_rule import is_a_payload
from desktop_app.scanning.field_state import FieldState, is_text_field, state_of
from desktop_app.scanning.key_pause import KeyPause
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER, Burst, KeystrokeClassifier

ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# Keys only a person presses while typing: the text so far is theirs. Esc too: fast text
# then Esc closed a file dialog, and its path, left without its field, was taken for a scan
# and recorded as a refused attempt (QA s42a F1).
_HUMAN_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_Delete, Qt.Key.Key_Escape,
})
SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)

TARGET, TEXT_FIELD, ELSEWHERE = "target", "text_field", "elsewhere"
# A field that asks for scans sets this property (Settings' "Try the scanner"): its keys
# reach it as typed; no filter holds, replays or redeems them (QA s12b F9: each test scan
# redeemed a voucher).
TAKES_SCANS_ITSELF = "takes_scans_itself"
# A search box that finds a voucher's order (the Orders tab's): a voucher scanned into it is
# its search, replacing what was there, never a use redeemed behind it (QA s39a F6).
FINDS_VOUCHERS = "finds_vouchers"


def aimed_at(widget: QWidget) -> QWidget:
    """Where a key sent to ``widget`` lands: a completer's list (a popup window of its own,
    which Qt gives the keys while it shows) passes them to the field it completes, its focus
    proxy. Seen as keys on a list, a path typed fast into a file dialog was taken for a scan
    and redeemed behind it (QA s41a F1)."""
    window = widget.window()
    if window.windowType() == Qt.WindowType.Popup:
        field = window.focusProxy()
        if field is not None and is_text_field(field):
            return field
    return widget


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
    keys, queued during a stall, into a "fast" burst; nor does it end a scanner's burst whose
    next keys wait behind the idle timeout (``KeyPause``).
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
        self._pause = KeyPause(idle_timeout_ms, self)
        self._pause.over.connect(self._on_idle)
        self._target: QLineEdit | None = None
        self._enabled = False
        self._forwarding = False
        self._capturing = False  # the current burst was moved into the target
        # That field as the burst's first key found it: a scan puts it back (field_state).
        self._field_before: FieldState | None = None
        self._last_key: tuple[QWidget, int, str, int] | None = None
        # The text field the last submitted burst was typed into before it was taken out
        # (None: the target, or no text field); its window may refuse such a burst there.
        self.landed_in: QWidget | None = None
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
        if event.type() != QEvent.Type.KeyPress or self._forwarding \
                or not isinstance(watched, QWidget):
            return False
        widget = aimed_at(watched)
        if not self._watches(widget.window()) or widget.property(TAKES_SCANS_ITSELF):
            return False
        assert isinstance(event, QKeyEvent)
        self._follow(widget)
        if self._is_propagation(widget, event):
            return False
        return self._on_key(widget, event)

    def _watches(self, window: QWidget) -> bool:
        return self._window is None or window is self._window

    def _follow(self, widget: QWidget) -> None:
        """``widget`` from now on for the field the burst landed in when it is that field
        under a new Python object: a file dialog's name box, reached through its completer
        list, came as one each key, so the burst seemed to move from field to field and its
        Enter found no field at all: a path typed fast was redeemed (QA s41a F1, on X11)."""
        if self._field_before is not None:
            self._field_before = self._field_before.followed(widget)

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
        if key in ENTER_KEYS:
            return self._on_enter(widget, event)
        if self._ends_a_burst(event):
            burst = self._classifier.end_key(self._now(event))
            if burst is not None:
                return self._on_end_key(burst)
        if event.modifiers() & SHORTCUT_MODIFIERS:
            return False
        if key == Qt.Key.Key_Backspace:
            self._classifier.backspace(self._now(event))
            return False
        if key in _HUMAN_KEYS or event.isAutoRepeat():
            self._classifier.mark_human(self._now(event))
        if not text or not (text.isprintable() or text in self._classifier.suffix):
            return False
        return self._on_char(widget, event)

    def _ends_a_burst(self, event: QKeyEvent) -> bool:
        """A Tab that may end a scanner's burst: swallowed like the suffix when it does."""
        return (event.key() == Qt.Key.Key_Tab and "\t" not in self._classifier.suffix
                and not event.modifiers() & (SHORTCUT_MODIFIERS | Qt.KeyboardModifier.ShiftModifier)
                and not event.isAutoRepeat())

    def _on_end_key(self, burst: Burst) -> bool:
        self._submit(burst)
        return True

    def _on_char(self, widget: QWidget, event: QKeyEvent) -> bool:
        where = self._where(widget)
        if where == ELSEWHERE and event.text().isspace() and self._usable_target() is not None:
            return False  # Space presses the focused button or ticks the box: not ours
        burst = self._classifier.feed(event.text(), self._now(event))
        if burst is not None:
            self._submit(burst)
            return True  # the suffix ends the scan; it is not text for anyone
        self._pause.start()
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
        # A voucher's payload at a slower scanner's steady pace (a Bluetooth one's 40 ms a
        # key) is a scan too, wherever it was typed: in the gift-card amount field it was
        # left there as an "amount" and nothing was redeemed (QA s15a F3).
        burst = self._classifier.enter(self._now(event), slow_scan=is_a_payload)
        self._pause.stop()
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
        before = self._field_before
        took_back = burst.source == SCANNER and not self._capturing
        if took_back:
            self._give_field_back()
        self.landed_in = before.field if before is not None else None
        self._reset()
        target = self._target
        if target is not None:
            target.clear()
            if took_back and before is not None and self._usable_target() is not None:
                # Where a fast burst would have moved it: the next scan, and the uses typed
                # for it, go to the target, not to the field the slow scan was typed into.
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submitted.emit(burst.text, burst.source)

    def _reset(self) -> None:
        self._classifier.reset()
        self._pause.stop()
        self._capturing = False
        self._field_before = None
