"""The Redemption tab: scan or type a voucher, see the verdict at once. The cashier's whole job.

Every way in (a USB scanner's keys anywhere in the window, the camera, a typed code) ends in
``submit(text, source)``, which hands the text to this station's ``core.counter.Counter`` on the
shop's worker thread. The counter decides everything (a double read repeats the last verdict
and consumes nothing) and returns the verdict with the station's recent redemptions; this tab
shows them, with a sound. Nothing here is modal: the next scan is always welcome.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.counter import (
    Counter,
    CounterResult,
    RecentAttempt,
    UndoResult,
    VoucherInfo,
    find_vouchers,
    lookup,
)
from desktop_app.core.errors import NotFound, ShopError
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.messages import error_message, unexpected_error_message
from desktop_app.scanning.camera import CameraScanner
from desktop_app.scanning.keystrokes import KEYBOARD, SCANNER
from desktop_app.scanning.wedge import ScannerInput
from desktop_app.ui import tasks
from desktop_app.ui.counter.amount_panel import AmountPanel
from desktop_app.ui.counter.camera_panel import CameraPanel
from desktop_app.ui.counter.redemption_models import (
    LOOKUP_BORDER,
    RecentModel,
    ScanSettings,
    group_span,
)
from desktop_app.ui.counter.redemption_panels import (
    FindPanel,
    HistoryPanel,
    ScanSettingsPanel,
    UndoPanel,
)
from desktop_app.ui.counter.server_status import ServerWatcher
from desktop_app.ui.counter.sounds import REFUSAL, SUCCESS, Sounds
from desktop_app.ui.counter.verdict_panel import VerdictPanel
from desktop_app.ui.events import shop_events
from desktop_app.ui.widgets import (
    ACCENT,
    MARGIN,
    SPACING,
    MessageLabel,
    scaled_font,
)

log = logging.getLogger(__name__)

CAMERA = "camera"
QUIET_COLOR = "#7b8a89"
BUSY_AFTER_MS = 150  # say "Checking…" only when a verdict is late: a flash would distract
ROOMY_HEIGHT = 460  # from this tab height on, the verdict keeps one size
MAX_TYPED_USES = 99  # "12" then a scan is 12 uses; three digits are the start of a code


def typed_uses(text: str) -> int | None:
    """The uses a person's digits ask for (``2`` before a scan), or None for anything else."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_TYPED_USES:
        return None
    return int(text)


def current_station() -> str:
    """This counter's name, as the main window shows it."""
    # Imported here: the main window imports this module to build its tabs.
    from desktop_app.ui.main_window import station_name

    return station_name()


def _no_ime(field: QLineEdit) -> None:
    """Voucher codes are ASCII: a Chinese input method would swallow the scanner's keys."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                              | Qt.InputMethodHint.ImhNoPredictiveText
                              | Qt.InputMethodHint.ImhPreferUppercase)


class _Yielding(QScrollArea):
    """A scroll area that asks for little: on a small screen the list and the camera scroll,
    instead of the window growing past the screen or the verdict shrinking first."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 80)


class _Teardown:
    """Stops the camera and the key filter when the tab goes, whatever Qt deletes first:
    a capture thread outliving its objects, or a filter aimed at a deleted field, crashes."""

    def __init__(self, camera: CameraScanner) -> None:
        self.camera = camera
        self.scanner_input: ScannerInput | None = None

    def run(self, *_args: object) -> None:
        self.camera.stop()
        if self.scanner_input is not None and shiboken6.isValid(self.scanner_input):
            self.scanner_input.enabled = False


class RedemptionTab(QWidget):
    """Built by the main window as ``RedemptionTab(shop, parent)``; clerks see only this tab.

    ``verdict_shown(verdict, repeated)`` after each verdict; ``last_source`` says where the
    last text came from (``scanner``, ``keyboard`` or ``camera``).
    """

    verdict_shown = Signal(object, bool)
    recent_changed = Signal()
    looked_up = Signal(object)  # a VoucherInfo: a look-up shown, nothing consumed

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.station = current_station()
        self.settings = ScanSettings.load()
        self.counter = Counter(shop, self.station)
        self.sounds = Sounds(self.settings.sound)
        self.key_clock: Callable[[], float] | None = None  # tests drive key timing
        self.scanner_input: ScannerInput | None = None
        self._scanner_config: tuple[object, ...] = ()
        self.last_source = ""
        self._pending = 0  # scans handed to the counter and not yet answered
        self.uses = 1  # chosen with +/- or digits and Enter; back to 1 after each scan
        self._last_edited = ""  # the scan field as a person's keys last left it
        self._typo_field: QLineEdit | None = None  # where the text being checked was typed
        self._hooked_window: QWidget | None = None
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._show_busy)
        self._build()
        self._teardown = _Teardown(self.camera.scanner)
        self.destroyed.connect(self._teardown.run)
        self.server_watcher = self._watch_server()
        self.refresh_recent()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.verdict = VerdictPanel(self)
        self.verdict.clear_after_ms = self.settings.clear_after_s * 1000
        self.settings_panel = ScanSettingsPanel(self.settings, self)
        self.settings_panel.changed.connect(self._apply_settings)
        self.settings_panel.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, SPACING, MARGIN, SPACING)
        column.setSpacing(SPACING - 2)
        column.addLayout(self._build_scan_row())
        self.amount_panel = AmountPanel(self.shop.currency, self)
        self.amount_panel.amount_entered.connect(self._amount_entered)
        # The look-up and the search beside the amount, where the scan field leaves room.
        second = QHBoxLayout()
        second.setSpacing(SPACING)
        second.addWidget(self.amount_panel, 1)
        second.addWidget(self.lookup_button)
        second.addWidget(self.find_button)
        column.addLayout(second)
        self.server_message = MessageLabel(self)  # says, in red, that the server is gone
        column.addWidget(self.server_message)
        column.addWidget(self.verdict)
        column.addWidget(self._build_lower(), 1)

    def _build_lower(self) -> QScrollArea:
        """Settings, the list and the camera. They scroll on a small screen (a netbook at the
        counter), while the scan field and the verdict always stay in view."""
        content = QWidget(self)
        lower = QVBoxLayout(content)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.setSpacing(SPACING - 2)
        lower.addWidget(self.settings_panel)
        self.find_panel = FindPanel(self)
        self.find_panel.setVisible(False)
        self.find_panel.search.connect(self._find)
        self.find_panel.chosen.connect(self.look_up)
        lower.addWidget(self.find_panel)
        self.history_panel = HistoryPanel(self)
        self.history_panel.setVisible(False)
        lower.addWidget(self.history_panel)
        row = QHBoxLayout()
        row.setSpacing(MARGIN)
        row.addLayout(self._build_recent_column(), 3)
        row.addWidget(self._build_camera(), 2)
        self._lower_row = row
        lower.addLayout(row, 1)
        scroll = _Yielding(self)
        self.lower_scroll = scroll
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _build_scan_row(self) -> QHBoxLayout:
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setFont(scaled_font(self.scan_field, 1.5))
        self.scan_field.setPlaceholderText(self.tr("Scan here — or type a code and press Enter"))
        self.scan_field.setMinimumHeight(46)
        self.scan_field.setStyleSheet(
            f"QLineEdit#scanField {{ border: 2px solid {ACCENT}; border-radius: 6px;"
            " padding: 2px 10px; }")
        _no_ime(self.scan_field)
        self.scan_field.textEdited.connect(self._field_edited)
        self.source_label = QLabel(self)
        self.source_label.setMinimumWidth(120)
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._show_source("")
        self.sound_box = QCheckBox(self.tr("Sound"), self)
        self.sound_box.setChecked(self.settings.sound)
        self.sound_box.toggled.connect(self._set_sound)
        self.settings_button = QToolButton(self)
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setCheckable(True)
        self.settings_button.toggled.connect(self.settings_panel.setVisible)
        self.lookup_button = QPushButton(self.tr("Look up"), self)
        self.lookup_button.setCheckable(True)
        self.lookup_button.setToolTip(self.tr(
            "The next scan shows the voucher, its customer and history; nothing is used"))
        self.lookup_button.setStyleSheet(
            f"QPushButton:checked {{ background: {LOOKUP_BORDER}; color: white; }}")
        self.lookup_button.toggled.connect(self._lookup_toggled)
        self.find_button = QToolButton(self)
        self.find_button.setText(self.tr("Find…"))
        self.find_button.setToolTip(self.tr("Find vouchers by customer name or phone"))
        self.find_button.setCheckable(True)
        self.find_button.toggled.connect(self._find_toggled)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addLayout(self._build_uses())
        row.addWidget(self.scan_field, 1)
        row.addWidget(self.source_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.sound_box)
        row.addWidget(self.settings_button)
        for widget in (self.sound_box, self.settings_button, self.lookup_button,
                       self.find_button, self.fewer_button, self.more_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the scan field
        return row

    def _build_uses(self) -> QHBoxLayout:
        """How many uses the next scan takes: − × 2 +, large, left of the scan field."""
        self.fewer_button = QPushButton("−", self)
        self.fewer_button.setToolTip(self.tr("One use fewer for the next scan"))
        self.fewer_button.clicked.connect(lambda: self.set_uses(self.uses_wanted() - 1))
        self.more_button = QPushButton("+", self)
        self.more_button.setToolTip(self.tr("One use more for the next scan (or type the "
                                            "number before scanning)"))
        self.more_button.clicked.connect(lambda: self.set_uses(self.uses_wanted() + 1))
        self.uses_label = QLabel(self)
        self.uses_label.setObjectName("usesLabel")
        self.uses_label.setFont(scaled_font(self.uses_label, 1.9, bold=True))
        self.uses_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.uses_label.setMinimumWidth(self.uses_label.fontMetrics().horizontalAdvance("× 88"))
        for button in (self.fewer_button, self.more_button):
            button.setFixedSize(34, 46)
            button.setFont(scaled_font(button, 1.4, bold=True))
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.fewer_button)
        row.addWidget(self.uses_label)
        row.addWidget(self.more_button)
        self._show_uses()
        return row

    def _build_recent_column(self) -> QVBoxLayout:
        self.manual_field = QLineEdit(self)
        self.manual_field.setPlaceholderText("XXXX-XXXX-XXXX-XXXXX")
        self.manual_field.setFont(scaled_font(self.manual_field, 1.15))
        self.manual_field.setMaxLength(64)
        _no_ime(self.manual_field)
        self.manual_field.returnPressed.connect(self._submit_manual)
        self.manual_button = QPushButton(self.tr("Redeem"), self)
        self.manual_button.clicked.connect(self._submit_manual)
        manual = QHBoxLayout()
        manual.setSpacing(8)
        manual.addWidget(QLabel(self.tr("Type a printed code:"), self))
        manual.addWidget(self.manual_field, 1)
        manual.addWidget(self.manual_button)
        self.recent_title = QLabel(self)
        self.recent_title.setFont(scaled_font(self.recent_title, 1.05, bold=True))
        self._set_recent_title()
        self.recent_model = RecentModel(self)
        self.recent_view = self._build_table()
        self.undo_button = QPushButton(self.tr("Undo redemption…"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.ask_undo)
        self.undo_button.setVisible(self.shop.is_owner)
        self.undo_panel = UndoPanel(self)
        self.undo_panel.confirmed.connect(self._undo)
        self.undo_panel.setVisible(False)
        # The panel takes the button's place: no growing window while it asks.
        self.undo_panel.opened.connect(lambda opened: self.undo_button.setHidden(opened))
        self.undo_panel.opened.connect(self._undo_panel_opened)
        self.recent_message = MessageLabel(self)
        footer = QHBoxLayout()
        footer.addWidget(self.recent_message, 1)
        footer.addStretch(0)
        footer.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addLayout(manual)
        column.addSpacing(4)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent_view, 1)
        column.addWidget(self.undo_panel)
        column.addLayout(footer)
        return column

    def _build_table(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.recent_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        # Compact rows: at 1024x768 the list shows eight or more of the station's last scans.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the product
        header.setHighlightSections(False)
        view.selectionModel().selectionChanged.connect(self._update_undo_button)
        self.recent_model.modelReset.connect(self._update_undo_button)
        if self.shop.is_owner:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._table_menu)
        return view

    def _build_camera(self) -> CameraPanel:
        self.camera = CameraPanel(self.settings.camera_index, self)
        self.camera.decoded.connect(lambda text: self.submit(text, CAMERA))
        self.camera.switched.connect(self._camera_switched)
        self.camera.collapsed_changed.connect(self._camera_collapsed)
        self.camera.picker.activated.connect(self._camera_picked)
        return self.camera

    def _set_recent_title(self) -> None:
        if self.shop.is_owner:
            text = self.tr("Recent at this station ({station})")
        else:
            text = self.tr("Your recent redemptions at this station ({station})")
        self.recent_title.setText(text.format(station=self.station))

    # -- showing and hiding -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._hook_window()
        self._install_scanner_input()
        if self.scanner_input is not None:
            self.scanner_input.enabled = True
        self.camera.probe_once()
        self.camera.resume()
        if self.settings.camera_on and not self.camera.wanted and not self.camera.problem:
            self.camera.start(self.settings.camera_index)
        if not event.spontaneous():
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.verdict.set_roomy(event.size().height() >= ROOMY_HEIGHT)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab, the window locked, minimised or closing: free the camera, stop taking
        # the window's keys.
        if self.scanner_input is not None:
            self.scanner_input.enabled = False
        self.camera.release()
        super().hideEvent(event)

    def release_camera(self) -> None:
        self.camera.release()

    def shutdown(self) -> None:
        """Stops everything this tab runs: the camera, the key filter, the timers. Safe to
        call more than once; hiding the tab does the same except forgetting the camera."""
        self.camera.shutdown()
        if self.scanner_input is not None:
            self.scanner_input.enabled = False
        self._busy_timer.stop()
        if self.server_watcher is not None:
            self.server_watcher.stop()

    # -- the shop's server (several counters) -----------------------------------------------

    def _watch_server(self) -> ServerWatcher | None:
        url = getattr(self.shop, "url", "")  # a shop on a server; the file has no watch
        if not url:
            return None
        watcher = ServerWatcher(url, self.shop.db.backend_pids, self)
        watcher.reachable_changed.connect(self.set_server_reachable)
        watcher.changes_heard.connect(shop_events().announce)
        watcher.start()
        return watcher

    @property
    def server_reachable(self) -> bool:
        return self.server_watcher is None or self.server_watcher.reachable

    def server_lost_text(self) -> str:
        return self.tr("The shop's server cannot be reached. Redeeming is paused, so nothing "
                       "is consumed twice; it resumes by itself when the server is back.")

    def set_server_reachable(self, reachable: bool) -> None:
        if reachable:
            self.server_message.clear()
            self.refresh_recent()  # what other counters did meanwhile
        else:
            self.server_message.show_error(self.server_lost_text())

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

    def _install_scanner_input(self) -> None:
        """The key filter on the whole window, built from the current settings."""
        window = self.window()
        config = (window, self.settings.timeout_ms, self.settings.suffix, self.key_clock)
        current = self.scanner_input
        if current is not None and shiboken6.isValid(current):
            if config == self._scanner_config:
                return
            current.enabled = False
            current.deleteLater()
        made = ScannerInput(window, self.scan_field, enabled=False, clock=self.key_clock,
                            idle_timeout_ms=self.settings.timeout_ms,
                            suffix=self.settings.suffix)
        made.submitted.connect(self.submit)
        self._scanner_config = config
        self.scanner_input = self._teardown.scanner_input = made

    def set_key_clock(self, clock: Callable[[], float] | None) -> None:
        """Key times from ``clock`` (ms) instead of the events: tests type at exact speeds."""
        self.key_clock = clock
        self._reinstall_scanner_input()

    def _reinstall_scanner_input(self) -> None:
        self._install_scanner_input()
        if self.scanner_input is not None:
            self.scanner_input.enabled = self.isVisible()

    # -- scanning ---------------------------------------------------------------------------

    def _submit_manual(self) -> None:
        text = self.manual_field.text()
        self.manual_field.clear()
        self._redeem(text, KEYBOARD, self.manual_field)

    def submit(self, text: str, source: str) -> None:
        """One scan or typed code, from anywhere: the counter decides on the worker."""
        self._redeem(text, source, self.scan_field)

    def _redeem(self, text: str, source: str, field: QLineEdit) -> None:
        if not text.strip():
            return
        if source == KEYBOARD and typed_uses(text) is not None:
            self.set_uses(typed_uses(text) or 1)  # "2", Enter: the next scan takes 2 uses
            return
        uses = self._uses_for(text, source)
        self._reset_uses()
        if self.lookup_button.isChecked():
            self.look_up(text)
            return
        if not self.server_reachable:  # refuse rather than guess: no offline redemptions
            self._show_source(source)
            self.verdict.show_failure(self.server_lost_text())
            self.sounds.play(REFUSAL)
            return
        self._show_source(source)
        self._pending += 1
        self._busy_timer.start(BUSY_AFTER_MS)
        counter = self.counter
        amount = self.amount_panel.amount_cents()
        if amount is not None:
            uses = 1  # a gift card spends money, not uses
        self._typo_field = field
        tasks.run_in_background(
            self, lambda: counter.scan(text, source, uses=uses, amount_cents=amount),
            on_success=lambda result: self._scanned(result, text),
            on_failure=self._scan_failed)

    # -- several uses at once ---------------------------------------------------------------

    def uses_wanted(self) -> int:
        """What the next scan takes: digits typed in the scan field, else the chosen number."""
        return typed_uses(self.scan_field.text()) or self.uses

    def set_uses(self, uses: int) -> None:
        self.uses = max(1, min(MAX_TYPED_USES, uses))
        if typed_uses(self.scan_field.text()) is not None:
            self.scan_field.clear()  # the digits became the choice
        self._last_edited = ""
        self._show_uses()

    def _reset_uses(self) -> None:
        self.uses = 1
        self._last_edited = ""
        if typed_uses(self.scan_field.text()) is not None:
            self.scan_field.clear()
        self._show_uses()

    def _uses_for(self, text: str, source: str) -> int:
        """A scanner's burst after a person's ``2`` (slow keys, see scanning/wedge.py) takes
        2 uses: the digits typed before the burst. Anything else takes the chosen number."""
        before = self.scan_field.text()
        typed = self._last_edited
        if source == SCANNER and len(typed) > len(text) and typed.endswith(text):
            before = typed[: -len(text)]
        return typed_uses(before) or self.uses

    def _field_edited(self, text: str) -> None:
        if self.amount_panel.pending_text and typed_uses(text) is not None:
            # A gift card waits for its amount: the digits are that amount, not uses.
            self.scan_field.clear()
            self.amount_panel.field.setText(self.amount_panel.field.text() + text.strip())
            self.amount_panel.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._last_edited = text
        self._show_uses()

    def _show_uses(self) -> None:
        uses = self.uses_wanted()
        self.uses_label.setText(f"× {uses}")
        self.uses_label.setToolTip(self.tr("The next scan takes {count} uses").format(
            count=uses))
        color = ACCENT if uses > 1 else QUIET_COLOR
        self.uses_label.setStyleSheet(f"QLabel#usesLabel {{ color: {color}; }}")
        self.fewer_button.setEnabled(uses > 1)

    # -- look-ups ---------------------------------------------------------------------------

    def _lookup_toggled(self, on: bool) -> None:
        color = LOOKUP_BORDER if on else ACCENT
        self.scan_field.setStyleSheet(
            f"QLineEdit#scanField {{ border: 2px solid {color}; border-radius: 6px;"
            " padding: 2px 10px; }")
        self.scan_field.setPlaceholderText(
            self.tr("Look up: scan a voucher — nothing is used") if on
            else self.tr("Scan here — or type a code and press Enter"))
        if on:
            self.verdict.show_lookup_ready()
        elif self.verdict.tone == "lookup" and self.verdict.reason != "lookup":
            self.verdict.show_ready()

    def look_up(self, text: str) -> None:
        """Shows the voucher ``text`` names, with its history; consumes nothing. Look-up
        mode ends with it: the next scan redeems."""
        self.lookup_button.setChecked(False)
        shop = self.shop
        tasks.run_in_background(self, lambda: lookup(shop, text),
                                on_success=self._looked_up, on_failure=self._lookup_failed)

    def _looked_up(self, info: VoucherInfo) -> None:
        self.verdict.show_lookup(info)
        self.history_panel.show_info(info)
        self.looked_up.emit(info)

    def _lookup_failed(self, exc: Exception) -> None:
        if isinstance(exc, NotFound) and exc.params.get("what") == "voucher":
            self.verdict.show_lookup_refusal(str(exc.params.get("reason", "unknown_code")))
            self.history_panel.setVisible(False)
        else:
            self._scan_failed(exc, counted=False)

    def _find_toggled(self, on: bool) -> None:
        self.find_panel.setVisible(on)
        if on:
            self.find_panel.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _find(self, text: str) -> None:
        shop = self.shop
        tasks.run_in_background(self, lambda: find_vouchers(shop, text),
                                on_success=self.find_panel.show_found,
                                errors=self.find_panel.message)

    def _amount_entered(self, _cents: int) -> None:
        """Enter in the amount field: the card refused for want of an amount is spent now."""
        if self.amount_panel.pending_text:
            self.submit(self.amount_panel.pending_text, KEYBOARD)

    def _scanned(self, result: CounterResult, text: str = "") -> None:
        self._pending -= 1
        self.amount_panel.show_verdict(result.verdict, text)
        self._show_verdict(result.verdict, repeated=result.repeated, typed=text)
        if result.recent is not None:
            self._set_recent(result.recent)
        if result.verdict.reason == "mistyped":
            self._keep_for_correction(text, result.verdict.suspect_group)

    def _keep_for_correction(self, text: str, group: int | None) -> None:
        """A typo: the text goes back where it was typed, selected (just the suspect group
        when the check can tell), so one character is retyped, not seventeen."""
        field = self._typo_field or self.scan_field
        field.setText(text.strip())
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        span = group_span(field.text(), group) if group is not None else None
        if span is None:
            field.selectAll()
        else:
            field.setSelection(*span)
        if field is self.scan_field:
            self._last_edited = field.text()
            self._show_uses()

    def _scan_failed(self, exc: Exception, counted: bool = True) -> None:
        if counted:
            self._pending -= 1
        self._stop_busy()
        if isinstance(exc, ShopError):
            log.warning("redeeming failed: %s %s", exc.code, exc.params)
            text = error_message(exc)
        else:
            log.error("redeeming failed", exc_info=(type(exc), exc, exc.__traceback__))
            text = unexpected_error_message()
        self.verdict.show_failure(text)
        self.sounds.play(REFUSAL)

    def _show_verdict(self, verdict: Verdict, repeated: bool, typed: str = "") -> None:
        self._stop_busy()
        self.history_panel.setVisible(False)  # a look-up's history is not this verdict's
        self.verdict.show_verdict(verdict, repeated=repeated, typed=typed)
        if not repeated:  # the first read made its sound; a double read stays quiet
            self.sounds.play(SUCCESS if verdict.ok else REFUSAL)
        self.verdict_shown.emit(verdict, repeated)

    def _stop_busy(self) -> None:
        if not self._pending:
            self._busy_timer.stop()

    def _show_busy(self) -> None:
        if self._pending:
            self.verdict.show_busy()

    def _show_source(self, source: str) -> None:
        self.last_source = source
        texts = {SCANNER: self.tr("▮▮▮ Scanner"), KEYBOARD: self.tr("⌨ Typed"),
                 CAMERA: self.tr("◉ Camera")}
        text = texts.get(source, self.tr("Waiting"))
        self.source_label.setText(text)
        self.source_label.setToolTip(self.tr("Where the last code came from"))
        self.source_label.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 10px; padding: 3px 10px;"
            f" color: {ACCENT if source else QUIET_COLOR}; }}")

    # -- the list and undo ------------------------------------------------------------------

    def refresh_recent(self) -> None:
        tasks.run_in_background(self, self.counter.recent, on_success=self._set_recent,
                                on_failure=self._recent_failed)

    def _set_recent(self, rows: list[RecentAttempt]) -> None:
        self.recent_model.set_rows(rows)
        self.recent_changed.emit()

    def _recent_failed(self, exc: Exception) -> None:
        log.warning("reading the recent redemptions failed: %r", exc)
        text = error_message(exc) if isinstance(exc, ShopError) else unexpected_error_message()
        self.recent_message.show_error(text)

    def selected_row(self) -> RecentAttempt | None:
        rows = self.recent_view.selectionModel().selectedRows()
        return self.recent_model.row_at(rows[0]) if rows else None

    def select_attempt(self, attempt_id: int) -> bool:
        for number, row in enumerate(self.recent_model.rows()):
            if row.attempt_id == attempt_id:
                self.recent_view.selectRow(number)
                return True
        return False

    @staticmethod
    def can_undo(row: RecentAttempt | None) -> bool:
        return row is not None and row.ok and not row.undone

    def _update_undo_button(self) -> None:
        self.undo_button.setEnabled(self.shop.is_owner and self.can_undo(self.selected_row()))

    def _table_menu(self, position: object) -> None:
        row = self.recent_model.row_at(self.recent_view.indexAt(position))  # type: ignore[arg-type]
        if not self.can_undo(row):
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Undo redemption…"), self.ask_undo)
        menu.popup(self.recent_view.viewport().mapToGlobal(position))  # type: ignore[arg-type]

    def ask_undo(self) -> None:
        """Opens the inline undo panel for the selected redemption (owners only)."""
        row = self.selected_row()
        if not self.shop.is_owner or not self.can_undo(row):
            return
        assert row is not None
        self.recent_message.clear()
        self.undo_panel.ask(row)

    def _undo_panel_opened(self, opened: bool) -> None:
        if opened:  # below the list it may open under the fold: bring it in once laid out
            QTimer.singleShot(0, lambda: self.lower_scroll.ensureWidgetVisible(
                self.undo_panel, 0, SPACING))

    def _undo(self, attempt_id: int, note: str) -> None:
        counter = self.counter
        self.undo_panel.set_busy(True)
        tasks.run_in_background(self, lambda: counter.undo(attempt_id, note),
                                on_success=self._undone, on_failure=self._undo_failed)

    def _undone(self, result: UndoResult) -> None:
        self.undo_panel.finish()
        self._set_recent(result.recent)
        self.recent_message.show_info(self.tr(
            "Undone: the use was given back ({left} left now).").format(left=result.uses_left))
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo_failed(self, exc: Exception) -> None:
        self.undo_panel.set_busy(False)
        text = error_message(exc) if isinstance(exc, ShopError) else unexpected_error_message()
        if not isinstance(exc, ShopError):
            log.error("undo failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.undo_panel.message.show_error(text)

    # -- settings ---------------------------------------------------------------------------

    def _set_sound(self, on: bool) -> None:
        self.settings.sound = self.sounds.enabled = on
        self.settings.save()

    def _apply_settings(self) -> None:
        self.settings.save()
        self.verdict.clear_after_ms = self.settings.clear_after_s * 1000
        self._reinstall_scanner_input()

    def _camera_switched(self, on: bool) -> None:
        self.settings.camera_on = on
        self.settings.save()

    def _camera_collapsed(self, collapsed: bool) -> None:
        """No camera: its controls keep a narrow column at the top; the list takes the rest."""
        self._lower_row.setStretchFactor(self.camera, 0 if collapsed else 2)
        self._lower_row.setAlignment(
            self.camera, Qt.AlignmentFlag.AlignTop if collapsed else Qt.AlignmentFlag(0))

    def _camera_picked(self, _row: int) -> None:
        self.settings.camera_index = self.camera.camera_index
        self.settings.save()
