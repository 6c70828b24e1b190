"""The Redemption tab: scan or type a voucher, see the verdict at once. The cashier's whole job.

Every way in (a USB scanner's keys anywhere in the window, the camera, a typed code) ends in
``submit(text, source)``, which hands the text to this station's ``core.counter.Counter`` on the
shop's worker thread. The counter decides everything (a double read repeats the last verdict
and consumes nothing) and returns the verdict with the station's recent redemptions. The
verdict panel is painted first; the sound, the list and the rest follow (``_after_verdict``).
Nothing here is modal: the next scan is always welcome.

The widgets and where they sit are in redemption_layout.py; its parts: uses_picker.py
(− × 2 +), verdict_panel.py, amount_panel.py (gift cards), recent_panel.py (the list and undo),
camera_panel.py, redemption_panels.py (settings, a look-up's history, the search), lookups.py
(a look-up kept current). scan_keys.py reads a scanner's keys in the whole window.
"""

from __future__ import annotations

import collections
import functools
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.core import redemption
from desktop_app.core.counter import Counter, CounterResult
from desktop_app.core.store import Shop
from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.scanning.wedge import ScannerInput
from desktop_app.ui import tasks
from desktop_app.ui.counter.lookups import LookUps
from desktop_app.ui.counter.redemption_layout import RedemptionLayout
from desktop_app.ui.counter.redemption_models import (
    QUIET_COLOR,
    TONE_BUSY,
    TONE_LOOKUP,
    ScanSettings,
    group_span,
)
from desktop_app.ui.counter.scan_failures import ScanFailures
from desktop_app.ui.counter.scan_keys import KeyClock, ScanKeys
from desktop_app.ui.counter.server_status import (
    ServerWatcher,
    away_line_text,
    away_text,
    refusal_of,
    watch_server,
)
from desktop_app.ui.counter.sounds import REFUSAL, SUCCESS, Sounds
from desktop_app.ui.counter.uses_picker import typed_uses
from desktop_app.ui.settings import station_name
from desktop_app.ui.widgets import ACCENT

log = logging.getLogger(__name__)

CAMERA = "camera"
BUSY_AFTER_MS = 150  # say "Checking…" only when a verdict is late: a flash would distract
# A check this late is not a busy disk: say what it waits for, so nothing is handed over.
STILL_WAITING_AFTER_MS = 5000


def current_station() -> str:
    """This counter's name, as the main window shows it."""
    return station_name()


def _tear_down(camera: CameraScanner, keys: ScanKeys, *_args: object) -> None:
    """When the tab goes, whatever Qt deletes first: a capture thread outliving its objects,
    or a key filter aimed at a deleted field, crashes."""
    camera.stop()
    keys.set_enabled(False)


class RedemptionTab(RedemptionLayout):
    """Built by the main window as ``RedemptionTab(shop, parent)``; clerks see only this tab.

    ``verdict_shown(verdict, repeated)`` after each verdict, once the tab has shown all of it;
    ``last_source`` says where the last text came from (``scanner``, ``keyboard``, ``camera``).
    """

    verdict_shown = Signal(object, bool)
    recent_changed = Signal()
    looked_up = Signal(object)  # a VoucherInfo: a look-up shown, nothing consumed

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        settings = ScanSettings.load()
        counter = Counter(shop, current_station())
        super().__init__(shop, counter, settings, parent)
        self.shop = shop
        self.station = counter.station
        self.settings = settings
        self.counter = counter
        self.sounds = Sounds(self.settings.sound)
        self.last_source = ""
        # What was scanned and handed to the counter, not yet answered, oldest first: the
        # worker decides them in turn, so "Checking…" names the first (QA s39b F15).
        self._checking: collections.deque[str] = collections.deque()
        self._typo_field: QLineEdit | None = None  # where the text being checked was typed
        self._kept_typo = ""  # a mistyped code left in the printed-code box to correct
        self._hooked_window: QWidget | None = None
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._show_busy)
        self._late_timer = QTimer(self)
        self._late_timer.setSingleShot(True)
        self._late_timer.timeout.connect(self._show_still_waiting)
        self.verdict.checking = lambda: list(self._checking)
        self._show_source("")
        self.lookups = LookUps(shop, self.verdict, self.history_panel, self.find_panel,
                               functools.partial(self._scan_failed, counted=False), self)
        self.lookups.looked_up.connect(self.looked_up)
        self._connect()
        self.scan_keys = ScanKeys(self.scan_field, self.submit, self.amount_panel.refuses_scan)
        self.destroyed.connect(functools.partial(_tear_down, self.camera.scanner, self.scan_keys))
        self.failures = ScanFailures(shop, counter, self.verdict, self.amount_panel,
                                     self.recent, lambda sound: self.sounds.play(sound))
        self.failures.reachable = lambda: self.server_reachable
        self.server_watcher: ServerWatcher | None = watch_server(
            shop, self, self.set_server_reachable)
        self.recent.refresh()

    def _connect(self) -> None:
        self.scan_field.textEdited.connect(self._field_edited)
        self.manual_field.returnPressed.connect(self._submit_manual)
        self.manual_button.clicked.connect(self._submit_manual)
        self.camera.decoded.connect(lambda text: self.submit(text, CAMERA))
        self.amount_panel.amount_entered.connect(self._amount_entered)
        self.uses_picker.chosen.connect(lambda _uses: self.amount_panel.drop_note())
        self.lookup_button.toggled.connect(self._lookup_toggled)
        self.find_panel.search.connect(self.lookups.find)
        self.find_panel.chosen.connect(self.look_up)
        self.history_panel.card_changed.connect(self.look_up)  # the balance it shows now
        self.recent.changed.connect(self.recent_changed)
        self.recent.undone.connect(
            lambda _: self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason))
        self.recent.undone.connect(lambda _: self.verdict.clear())
        # After the clear, which takes the verdict's balance away: the undo's balance stays.
        self.recent.undone.connect(self.amount_panel.show_undone)
        self.verdict.cleared.connect(self.amount_panel.prompt_cleared)  # QA s13a F8, s15a F3
        self.amount_panel.voucher_entered.connect(lambda text: self.submit(text, KEYBOARD))
        self.sound_box.toggled.connect(self._set_sound)
        self.settings_panel.changed.connect(self._apply_settings)
        self.camera.switched.connect(self._camera_switched)
        self.camera.picker.activated.connect(self._camera_picked)

    # -- showing and hiding -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._hook_window()
        self._install_scan_keys()
        self.scan_keys.set_enabled(True)
        self.camera.probe_once()
        self.camera.resume()
        if self.settings.camera_on and not self.camera.wanted and not self.camera.problem:
            self.camera.start(self.settings.camera_index)
        if not event.spontaneous():
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.lookups.seen()

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab, the window locked, minimised or closing: free the camera, stop taking
        # the window's keys.
        self.scan_keys.set_enabled(False)
        self.camera.release()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Stops everything this tab runs: the camera, the key filter, the timers. Safe to
        call more than once; hiding the tab does the same except forgetting the camera."""
        self.camera.shutdown()
        self.scan_keys.set_enabled(False)
        self._busy_timer.stop()
        self.failures.timer.stop()
        if self.server_watcher is not None:
            self.server_watcher.stop()

    def _hook_window(self) -> None:
        window = self.window()
        if window is self._hooked_window:
            return
        self._hooked_window = window
        # Locking hides the window (and so this tab) anyway; freeing the camera at the
        # request itself does not wait for that.
        for name in ("lock_requested", "logout_requested"):
            signal = getattr(window, name, None)
            if signal is not None:
                signal.connect(self.release_camera)

    # -- the scanner's keys -----------------------------------------------------------------

    @property
    def scanner_input(self) -> ScannerInput | None:
        """The key filter on the window (the main window asks whether it reads its keys)."""
        return self.scan_keys.filter

    def _install_scan_keys(self) -> None:
        self.scan_keys.install(self.window(), self.settings.timeout_ms, self.settings.suffix)

    def set_key_clock(self, clock: KeyClock | None) -> None:
        """Key times from ``clock`` (ms) instead of the events: tests type at exact speeds."""
        self.scan_keys.clock = clock
        self._reinstall_scan_keys()

    def _reinstall_scan_keys(self) -> None:
        self._install_scan_keys()
        self.scan_keys.set_enabled(self.isVisible())

    # -- the server (a shop on PostgreSQL) --------------------------------------------------

    @property
    def server_reachable(self) -> bool:
        return self.server_watcher is None or self.server_watcher.reachable

    def set_server_reachable(self, reachable: bool) -> None:
        if reachable:
            self.server_message.clear()
            self.recent.refresh()  # what other counters did meanwhile
            self.failures.settle_now()  # and what became of a scan whose answer was lost
        else:
            self.server_message.show_error(away_line_text(self.server_watcher))

    # -- scanning ---------------------------------------------------------------------------

    def _submit_manual(self) -> None:
        text = self.manual_field.text()
        self.manual_field.clear()
        self._redeem(text, KEYBOARD, self.manual_field)

    def submit(self, text: str, source: str) -> None:
        """One scan or typed code, from anywhere: the counter decides on the worker."""
        self._redeem(text, source, self.scan_field)

    def _redeem(self, text: str, source: str, field: QLineEdit) -> None:
        if not text.strip() or (source == KEYBOARD and self._took_typed_number(text)):
            return
        uses = self.uses_picker.for_scan(text, source)
        by_hand = source == KEYBOARD
        self.uses_picker.reset()
        if self.lookup_button.isChecked():
            self.look_up(text)
            return
        if text != self.amount_panel.pending_text:  # another card or voucher is in hand
            self.amount_panel.forget_pending()
        if field is not self.manual_field and self.manual_field.text() == self._kept_typo:
            # The typo kept for correction is not this voucher's: it goes, not left there to
            # be submitted later with the button (QA s35b F16).
            self.manual_field.clear()
        self._kept_typo = ""
        self._show_source(source)
        amount = self.amount_panel.take_for_scan()  # this scan's alone (QA s18b F1)
        if not self.server_reachable:  # refuse rather than guess: no offline redemptions
            repeat = self.counter.last_known_repeat(
                text, source, uses if amount is None else 1, amount)
            if repeat is not None:  # a double read of what was just decided: said again
                self._checking.appendleft(text)  # answered at once, ahead of any queued
                return self._scanned(repeat, text, by_hand=by_hand)
            if self.server_watcher is not None:
                self.server_watcher.poke()  # back already? the next scan will know
            return self.failures.refuse(away_text(self.server_watcher), text,
                                        refusal_of(self.server_watcher))
        self._checking.append(text)
        self._busy_timer.start(BUSY_AFTER_MS)
        if not self._late_timer.isActive():
            self._late_timer.start(STILL_WAITING_AFTER_MS)
        counter = self.counter
        if amount is not None:
            uses = 1  # a gift card spends money, not uses
        self._typo_field = field
        tasks.run_in_background(
            self, lambda: counter.scan(text, source, uses=uses, amount_cents=amount,
                                       by_hand=by_hand),
            on_success=lambda result: self._scanned(result, text, by_hand=by_hand),
            on_failure=functools.partial(self._scan_failed, scanned=text))

    def _took_typed_number(self, text: str) -> bool:
        """A person's digits and Enter are never a scan (QA s16a F5): one or two are the
        next scan's uses ("2", Enter), said in words too; a larger number or one with a
        decimal point is no count of uses but an amount, for the gift card's amount box."""
        asked = typed_uses(text)
        if asked is None:
            return self.amount_panel.take_typed(text)
        self.uses_picker.set_uses(asked)
        self.amount_panel.show_note(self.tr(
            "Next scan takes × {count} uses. A gift card's amount goes in the box on the "
            "left.").format(count=asked) if asked > 1 else self.tr("Next scan takes 1 use."))
        return True

    def _field_edited(self, text: str) -> None:
        if self.amount_panel.pending_text and typed_uses(text) is not None:
            # A gift card waits for its amount: the digits are that amount, not uses.
            self.scan_field.clear()
            self.amount_panel.field.setText(self.amount_panel.field.text() + text.strip())
            self.amount_panel.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.uses_picker.edited(text)

    def _amount_entered(self, _cents: int) -> None:
        """Enter in the amount field: the card refused for want of an amount is spent now."""
        if self.amount_panel.pending_text:
            self.submit(self.amount_panel.pending_text, KEYBOARD)

    # -- the verdict ------------------------------------------------------------------------

    def _scanned(self, result: CounterResult, text: str = "", by_hand: bool = False) -> None:
        """The counter's answer. The verdict panel is painted before anything else happens
        (issue #12: within a frame of the answer); the rest waits for the next turn of the
        event loop, so a long list or a slow sound never holds the verdict back. Typing the
        shop keeps hidden (a password, maybe) is shown nowhere either (QA s43a F4)."""
        if by_hand and redemption.hides_typing(result.verdict.reason,
                                               result.verdict.suspect_group):
            text = ""
        self._checking.popleft()
        self._stop_busy()
        self.history_panel.setVisible(False)  # a look-up's history is not this verdict's
        self.verdict.show_verdict(result.verdict, repeated=result.repeated, typed=text,
                                  earlier=result.earlier_scan)
        self.verdict.paint_now()
        QTimer.singleShot(0, self, functools.partial(self._after_verdict, result, text))

    def _after_verdict(self, result: CounterResult, text: str) -> None:
        verdict = result.verdict
        if not result.repeated:  # the first read made its sound; a double read stays quiet
            self.sounds.play(SUCCESS if verdict.ok else REFUSAL)
        self.amount_panel.show_verdict(verdict, text)
        if result.recent is not None:
            self.recent.set_rows(result.recent)
        if verdict.reason == "mistyped":
            self._keep_for_correction(text, verdict.suspect_group)
        self.verdict_shown.emit(verdict, result.repeated)

    def _keep_for_correction(self, text: str, group: int | None) -> None:
        """A typo: the text goes back where it was typed, selected (just the suspect group
        when the check can tell), so one character is retyped, not seventeen."""
        field = self._typo_field or self.scan_field
        field.setText(text.strip())
        self._kept_typo = field.text() if field is self.manual_field else ""
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        span = group_span(field.text(), group) if group is not None else None
        if span is None:
            field.selectAll()
        else:
            field.setSelection(*span)
        if field is self.scan_field:
            self.uses_picker.edited(field.text())

    def _scan_failed(self, exc: Exception, counted: bool = True, scanned: str = "") -> None:
        if counted:
            self._checking.popleft()
        self._stop_busy()
        self.failures.show(exc, scanned)

    def _stop_busy(self) -> None:
        """An answer came: the next scan waiting gets its own time before "still waiting"."""
        self.verdict.busy_note = ""
        self._late_timer.stop()
        if self._checking:
            self._late_timer.start(STILL_WAITING_AFTER_MS)
        else:
            self._busy_timer.stop()

    def _show_busy(self) -> None:
        if self._checking:
            self.verdict.show_busy(list(self._checking))

    def _show_still_waiting(self) -> None:
        if not self._checking:
            return
        # The scan still queued: the app's own work runs first, no other program (QA s20a F1).
        self.verdict.busy_note = self.tr(
            "Still waiting: this app is finishing other work on the shop first. Do not hand "
            "anything over until it answers.") if not tasks.worker_runs_for(self) else self.tr(
            "Still waiting for the shop's server. Do not hand anything over until it answers."
        ) if self.server_watcher is not None else self.tr(
            "Still waiting for the shop file (another program may be using it). Do not hand "
            "anything over until it answers.")
        if self.verdict.tone == TONE_BUSY:
            self.verdict.show_busy(list(self._checking))

    def _show_source(self, source: str) -> None:
        self.last_source = source
        texts = {SCANNER: self.tr("▮▮▮ Scanner"), KEYBOARD: self.tr("⌨ Typed"),
                 CAMERA: self.tr("◉ Camera")}
        text = texts.get(source, self.tr("Waiting"))
        self.source_label.setText(text)
        self.source_label.setToolTip(self.tr("Where the last code came from"))
        sheet = ("QLabel { border: 1px solid palette(mid); border-radius: 10px; padding: 3px 10px;"
                 f" color: {ACCENT if source else QUIET_COLOR}; }}")
        if sheet != self.source_label.styleSheet():  # on every scan: polish only on a change
            self.source_label.setStyleSheet(sheet)

    # -- look-ups ---------------------------------------------------------------------------

    def _lookup_toggled(self, on: bool) -> None:
        self.show_lookup_mode(on)
        if on:
            self.verdict.show_lookup_ready()
        elif self.verdict.tone == TONE_LOOKUP and self.verdict.reason != "lookup":
            self.verdict.show_ready()

    def look_up(self, text: str) -> None:
        """Shows the voucher ``text`` names, with its history; consumes nothing. Look-up
        mode ends with it: the next scan redeems. It follows changes while shown (lookups.py)."""
        self.lookup_button.setChecked(False)
        self.amount_panel.drop_note()  # what it said of typed digits is not about this
        self.lookups.look_up(text)

    # -- settings ---------------------------------------------------------------------------

    def _set_sound(self, on: bool) -> None:
        self.settings.sound = self.sounds.enabled = on
        self.settings.save()

    def rename_station(self, station: str) -> None:
        """This computer's station renamed in Settings: recorded so from the next scan on,
        and its recent list is that name's (QA s35b F2: the header said the new name while
        scans went on being recorded under the old one until the window was rebuilt)."""
        if station == self.counter.station:
            return
        self.station = self.counter.station = station
        self.recent.show_station()
        self.recent.refresh()

    def _apply_settings(self) -> None:
        self.settings.save()
        self.verdict.clear_after_ms = self.settings.clear_after_s * 1000
        self._reinstall_scan_keys()

    def _camera_switched(self, on: bool) -> None:
        self.settings.camera_on = on
        self.settings.save()

    def _camera_picked(self, _row: int) -> None:
        self.settings.camera_index = self.camera.camera_index
        self.settings.save()
