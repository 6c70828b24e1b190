"""The application-wide filter: scanner bursts typed into any window but the counter's own
(whose ``ScannerInput`` takes every burst), told apart by ``burst_rule``: a voucher to redeem
wherever it is scanned, or text for the field it was typed into."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.scanning.burst_rule import (
    PIN_SCAN_MIN_CHARS,
    is_a_barcode,
    is_a_payload,
    is_a_scan,
    is_password_box,
    is_pin_box,
    takes_typed_text,
)
from desktop_app.scanning.field_state import FieldState, is_text_field, same_widget
from desktop_app.scanning.keystrokes import SCANNER, Burst
from desktop_app.scanning.wedge import (
    ELSEWHERE,
    ENTER_KEYS,
    FINDS_VOUCHERS,
    SHORTCUT_MODIFIERS,
    TAKES_SCANS_ITSELF,
    TEXT_FIELD,
    ScannerInput,
)


@runtime_checkable
class ShowsScans(Protocol):
    """A field where a person tries the scanner (Settings): a scan typed anywhere in its
    window while it shows is shown there, not redeemed."""

    def show_scan(self, text: str) -> None: ...


@runtime_checkable
class SaysScanIgnored(Protocol):
    """A window that tells the person why a scan typed into it did nothing."""

    def say_scan_ignored(self) -> None: ...


@runtime_checkable
class SaysNotAPin(Protocol):
    """A window with a PIN box that tells the person a scan landed there and was not tried."""

    def say_scan_not_pin(self) -> None: ...


MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
})


def _is_char(event: QKeyEvent, suffix: str) -> bool:
    text = event.text()
    return (bool(text) and (text.isprintable() or text in suffix)
            and not event.modifiers() & SHORTCUT_MODIFIERS)


class ApplicationScanner(ScannerInput):
    """Scanner bursts typed into any window of the application, wherever the focus is: a
    dialog, the lock screen, another tab. Emits ``submitted(text, SCANNER)`` for each burst
    ``burst_rule.is_a_scan`` calls a scan; people's keys are never taken.

    Nothing of a scan stays where it was typed: characters that landed in a text field (the
    lock screen's password box) are taken back out, and the burst's Enter is swallowed, so it
    neither accepts a dialog nor counts as a wrong password. A burst that is a text field's
    text (a payment's code in a reference) stays there, Enter and all. Keys aimed at anything
    else (a button, a table, a message box whose buttons answer to letters) are held until the
    classifier has decided, then given back as they were if a person typed them; a scanner's
    burst there that is no scan (a product's barcode over a spin box or a picker) is ignored
    whole, its Enter too, and a window that ``SaysScanIgnored`` is told.
    ``is_claimed(window)`` names windows whose keys another filter takes (the Redemption tab's
    own, while it shows).

    A burst in a password field that cannot be a voucher (a product's barcode, a mis-scan) is
    no scan to redeem, yet no password either: nobody types a password at scanner speed, so it
    is taken out whole, its Enter swallowed, and ``not_a_password`` emitted. Five of them
    would otherwise lock the operator out.
    """

    not_a_password = Signal()
    # Fast text kept in a password box (a password manager's): press Enter to use it; typing
    # there replaces it, so a scanned label is never tried with a password behind it.
    fast_password_kept = Signal()

    def __init__(self, parent: QObject, *, is_claimed: Callable[[QWidget], bool] | None = None,
                 clock: Callable[[], float] | None = None, idle_timeout_ms: int = 80,
                 suffix: str = "") -> None:
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._last_widget: QWidget | None = None
        self._kept: tuple[FieldState, str] | None = None  # a password box as before, its text
        self._is_claimed = is_claimed or (lambda _window: False)
        super().__init__(None, None, enabled=False, clock=clock,
                         idle_timeout_ms=idle_timeout_ms, suffix=suffix, parent=parent)

    def _watches(self, window: QWidget) -> bool:
        return not self._is_claimed(window)

    def _follow(self, widget: QWidget) -> None:
        super()._follow(widget)
        last = self._last_widget
        if last is not None and last is not widget and same_widget(last, widget):
            self._last_widget = widget

    def _on_key(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.key() in MODIFIER_KEYS:
            # Shift down before a capital letter is part of typing it, a scanner's too: it
            # let the keys held so far go to an open menu, whose accelerators took them
            # (QA s35b F1: About opened and one scan became two refused attempts).
            return False
        if event.key() not in ENTER_KEYS and not _is_char(event, self._classifier.suffix) \
                and not (self._ends_a_burst(event) and self._classifier.is_scanner()):
            self._give_back()  # a person's key: what they typed before it goes first
        return super()._on_key(widget, event)

    def _on_end_key(self, burst: Burst) -> bool:
        return self._end(burst)

    def _on_char(self, widget: QWidget, event: QKeyEvent) -> bool:
        self._replace_kept(widget)
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
        self._pause.start()
        where = self._where(widget)
        self._note_field(widget, where)
        if where == TEXT_FIELD:
            return False  # it lands; a scan puts the field back when it ends
        self._held.append((widget, QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
            event.count())))
        return True

    def _on_enter(self, widget: QWidget, event: QKeyEvent) -> bool:
        shortest = PIN_SCAN_MIN_CHARS if is_pin_box(self._field_typed_into()) else None
        return self._end(self._classifier.enter(self._now(event), slow_scan=is_a_payload,
                                                min_chars=shortest))

    def _on_idle(self) -> None:
        self._end(self._classifier.expire())

    def _end(self, burst: Burst | None) -> bool:
        """A burst ended: a scan (burst_rule) is submitted (True: its ending key is swallowed);
        a barcode in a password field is taken out of it (True); any other fast text in a
        text field, a password field too, stays there and its Enter is swallowed (True: the
        person confirms, not the scanner); other fast text elsewhere is ignored whole (True);
        a person's keys are given back to where they were typed, and their Enter is the
        dialog's as always."""
        scanned = burst is not None and burst.source == SCANNER
        typed_into = self._field_typed_into()
        landed = self._field_before
        into_text_box = landed is not None and landed.text_box
        if burst is not None and scanned and is_a_scan(burst.text, typed_into,
                                                       into_text_box=into_text_box):
            self._held.clear()
            tester = self._scan_tester()
            if tester is not None:  # trying the scanner in Settings: shown, never redeemed
                self._give_field_back()
                self._reset()
                tester.show_scan(burst.text)
                return True
            if isinstance(typed_into, QLineEdit) and typed_into.property(FINDS_VOUCHERS):
                self._give_field_back()
                self._reset()
                typed_into.setText(burst.text)  # the search, not a redemption
                return True
            self._submit(burst)
            return True
        if burst is not None and scanned and is_password_box(typed_into) \
                and (is_a_barcode(burst.text) or is_pin_box(typed_into)):
            self._held.clear()
            self._give_field_back()
            self._reset()
            self.not_a_password.emit()
            window = typed_into.window() if typed_into is not None else None
            if isinstance(window, SaysNotAPin):
                window.say_scan_not_pin()
            return True
        if scanned and is_password_box(typed_into) and self._field_before is not None:
            self._kept = (self._field_before, typed_into.text())  # type: ignore[union-attr]
            self._give_back()
            self._reset()
            self.fast_password_kept.emit()
            return True  # the person's Enter uses it, not the burst's
        if scanned and takes_typed_text(typed_into):
            self._give_back()
            self._reset()
            return True  # its text stays; the scanner's Enter confirms nothing (a reload's money)
        if scanned:
            # Landed where nobody types text (a spin box, a picker, a button): a product's
            # barcode is no quantity and no choice, and its Enter adds nothing (QA s12b F3).
            self._held.clear()
            self._give_field_back()
            last = self._last_widget
            window = last.window() if last is not None and shiboken6.isValid(last) else None
            self._reset()
            if isinstance(window, SaysScanIgnored):
                window.say_scan_ignored()
            return True
        self._give_back()
        self._reset()
        return False

    def _scan_tester(self) -> ShowsScans | None:
        """A scanner test field showing in the window this burst was typed into, if any."""
        last = self._last_widget
        if last is None or not shiboken6.isValid(last):
            return None
        for field in last.window().findChildren(QLineEdit):
            if field.property(TAKES_SCANS_ITSELF) and field.isVisible() \
                    and isinstance(field, ShowsScans):
                return field
        return None

    def _replace_kept(self, widget: QWidget) -> None:
        """A key typed into a password box still holding kept fast text: the person types
        their own password, so the kept text goes first (QA s11a F6: a scanned label stayed
        and the password typed after it counted as wrong, five times a lockout)."""
        kept, self._kept = self._kept, None
        if kept is None or kept[0].field is not widget or not shiboken6.isValid(widget):
            return
        if isinstance(widget, QLineEdit) and widget.text() == kept[1]:
            kept[0].put_back()

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
