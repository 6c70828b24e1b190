"""The Redemption tab's widgets and where they sit; what they do is in redemption_tab.py.

Top to bottom: the scan row (uses, scan field, where the code came from, sound, settings), the
gift card's amount beside Look up and Find, the server's warning, the verdict, and a lower part
that scrolls on a small screen (settings, search, a look-up's history, the typed code and the
list beside the camera). Only what is about room is decided here: the verdict's height, the
camera's column, the undo question kept in view. The words keep the tab's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.counter import Counter
from desktop_app.core.store import Shop
from desktop_app.ui.counter.amount_panel import AmountPanel
from desktop_app.ui.counter.camera_panel import CameraPanel
from desktop_app.ui.counter.recent_panel import RecentPanel
from desktop_app.ui.counter.redemption_models import LOOKUP_BORDER, TONE_LOOKUP, ScanSettings
from desktop_app.ui.counter.redemption_panels import FindPanel, HistoryPanel, ScanSettingsPanel
from desktop_app.ui.counter.scan_keys import no_input_method
from desktop_app.ui.counter.uses_picker import UsesPicker
from desktop_app.ui.counter.verdict_panel import VerdictPanel
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.widgets import ACCENT, MARGIN, SPACING, MessageLabel, scaled_font

ROOMY_HEIGHT = 460  # from this tab height on, the verdict keeps one size


def _scan_field_style(border: str) -> str:
    return (f"QLineEdit#scanField {{ border: 2px solid {border}; border-radius: 6px;"
            " padding: 2px 10px; }")


class _Yielding(QScrollArea):
    """A scroll area that asks for little: on a small screen the list and the camera scroll,
    instead of the window growing past the screen or the verdict shrinking first.

    Too short for all of it, it starts at ``anchor`` (the recent list's title): the last
    scans show, and the typed code's row above them scrolls (the scan field takes typed
    codes too). At 1366x768 and 150 % only the list's headers showed (QA s17b F3)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor: QWidget | None = None
        self.above: list[QWidget] = []  # panels opened on purpose: while shown, the top stays
        self._auto = 0  # where it scrolled itself to; anywhere else, the cashier did

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 80)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._start_at_anchor)  # once the content is laid out

    def _start_at_anchor(self) -> None:
        bar, content = self.verticalScrollBar(), self.widget()
        if (self.anchor is None or content is None or bar.value() not in (0, self._auto)
                or any(panel.isVisibleTo(content) for panel in self.above)):
            return
        top = self.anchor.mapTo(content, QPoint(0, 0)).y()
        self._auto = top if bar.maximum() >= top else 0  # never a row cut at the top
        bar.setValue(self._auto)


class RedemptionLayout(QWidget):
    """The widgets, laid out; the subclass RedemptionTab connects them to the counter."""

    def __init__(self, shop: Shop, counter: Counter, settings: ScanSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self.card_lookup: CardLookupDialog | None = None  # the one open, if any
        self.verdict = VerdictPanel(self)
        self.verdict.currency = shop.currency
        self.verdict.masks_card_codes = not shop.is_owner
        self.verdict.clear_after_ms = settings.clear_after_s * 1000
        self.settings_panel = ScanSettingsPanel(settings, self)
        self.settings_panel.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, SPACING, MARGIN, SPACING)
        column.setSpacing(SPACING - 2)
        column.addLayout(self._build_scan_row(settings))  # first: it leads the focus chain
        self.amount_panel = AmountPanel(shop.currency, self)
        self.server_message = MessageLabel(self)  # says, in red, that the server is gone
        # The look-up and the search beside the amount, where the scan field leaves room.
        second = QHBoxLayout()
        second.setSpacing(SPACING)
        second.addWidget(self.amount_panel, 1)
        second.addWidget(self.lookup_button)
        second.addWidget(self.find_button)
        second.addWidget(self.cards_button)
        column.addLayout(second)
        column.addWidget(self.server_message)
        column.addWidget(self.verdict)
        column.addWidget(self._build_lower(shop, counter, settings), 1)
        self.verdict.tone_changed.connect(self._verdict_changed)
        # A reload or cash-out changed a balance: the last spend's figure is not it (QA).
        self.history_panel.card_changed.connect(lambda _code: self.amount_panel.balance.clear())
        self.amount_panel.scans_resume.connect(
            lambda: self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason))

    def _build_scan_row(self, settings: ScanSettings) -> QHBoxLayout:
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setFont(scaled_font(self.scan_field, 1.5))
        self.scan_field.setMinimumHeight(46)
        no_input_method(self.scan_field)
        self.show_lookup_mode(False)
        self.uses_picker = UsesPicker(self.scan_field, self)
        self.source_label = QLabel(self)
        self.source_label.setMinimumWidth(120)
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound_box = QCheckBox(QCoreApplication.translate("RedemptionTab", "Sound"), self)
        self.sound_box.setChecked(settings.sound)
        self.settings_button = QToolButton(self)
        self.settings_button.setText(QCoreApplication.translate("RedemptionTab", "Settings"))
        self.settings_button.setCheckable(True)
        self.settings_button.toggled.connect(self.settings_panel.setVisible)
        self.lookup_button = QPushButton(
            QCoreApplication.translate("RedemptionTab", "Look up"), self)
        self.lookup_button.setCheckable(True)
        self.lookup_button.setToolTip(QCoreApplication.translate(
            "RedemptionTab",
            "The next scan shows the voucher, its customer and history; nothing is used"))
        self.lookup_button.setStyleSheet(
            f"QPushButton:checked {{ background: {LOOKUP_BORDER}; color: white; }}")
        self.find_button = QToolButton(self)
        self.find_button.setText(QCoreApplication.translate("RedemptionTab", "Find…"))
        self.find_button.setToolTip(QCoreApplication.translate(
            "RedemptionTab", "Find vouchers by customer name or phone"))
        self.find_button.setCheckable(True)
        self.find_button.toggled.connect(self._find_toggled)
        self.cards_button = QToolButton(self)
        self.cards_button.setText(QCoreApplication.translate("RedemptionTab", "Card by phone…"))
        self.cards_button.setToolTip(QCoreApplication.translate(
            "RedemptionTab", "A gift card's balance, or a spend from it, for a customer "
            "without it in hand: their phone number, then the card's PIN"))
        self.cards_button.clicked.connect(self.open_card_lookup)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.uses_picker)
        row.addWidget(self.scan_field, 1)
        row.addWidget(self.source_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.sound_box)
        row.addWidget(self.settings_button)
        for widget in (self.sound_box, self.settings_button, self.lookup_button,
                       self.find_button, self.cards_button, self.uses_picker.fewer_button,
                       self.uses_picker.more_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the scan field
        return row

    def _build_lower(self, shop: Shop, counter: Counter, settings: ScanSettings
                     ) -> QScrollArea:
        """Settings, the list and the camera. They scroll on a small screen (a netbook at the
        counter), while the scan field and the verdict always stay in view."""
        content = QWidget(self)
        lower = QVBoxLayout(content)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.setSpacing(SPACING - 2)
        lower.addWidget(self.settings_panel)
        self.find_panel = FindPanel(self)
        self.find_panel.model.currency = shop.currency
        self.find_panel.setVisible(False)
        lower.addWidget(self.find_panel)
        self.history_panel = HistoryPanel(shop, self)
        self.history_panel.setVisible(False)
        lower.addWidget(self.history_panel)
        row = QHBoxLayout()
        row.setSpacing(MARGIN)
        row.addLayout(self._build_recent_column(shop, counter), 3)
        self.camera = CameraPanel(settings.camera_index, self)
        self.camera.collapsed_changed.connect(self._camera_collapsed)
        row.addWidget(self.camera, 2)
        self._lower_row = row
        lower.addLayout(row, 1)
        scroll = _Yielding(self)
        scroll.anchor = self.recent
        scroll.above = [self.settings_panel, self.find_panel, self.history_panel]
        self.lower_scroll = scroll
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _build_recent_column(self, shop: Shop, counter: Counter) -> QVBoxLayout:
        self.manual_field = QLineEdit(self)
        self.manual_field.setPlaceholderText("XXXX-XXXX-XXXX-XXXXX")
        self.manual_field.setFont(scaled_font(self.manual_field, 1.15))
        self.manual_field.setMaxLength(64)
        no_input_method(self.manual_field)
        self.manual_button = QPushButton(
            QCoreApplication.translate("RedemptionTab", "Redeem"), self)
        manual = QHBoxLayout()
        manual.setSpacing(8)
        manual.addWidget(QLabel(
            QCoreApplication.translate("RedemptionTab", "Type a printed code:"), self))
        manual.addWidget(self.manual_field, 1)
        manual.addWidget(self.manual_button)
        self._manual_row = manual
        self.recent = RecentPanel(counter, shop.is_owner, self)
        self.recent.undo_opened.connect(self._undo_panel_opened)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addLayout(manual)
        column.addSpacing(4)
        column.addWidget(self.recent, 1)
        return column

    # -- room -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.verdict.set_roomy(event.size().height() >= ROOMY_HEIGHT)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.verdict.set_roomy(self.height() >= ROOMY_HEIGHT)

    def hideEvent(self, event: QHideEvent) -> None:
        """Behind another tab it is not resized with the window: a roomy verdict's least
        height would hold the whole window at its height (QA s17b F3)."""
        super().hideEvent(event)
        self.verdict.set_roomy(False)

    def show_lookup_mode(self, on: bool) -> None:
        """The scan field in the look-up's colour, saying that nothing will be used."""
        self.scan_field.setStyleSheet(_scan_field_style(LOOKUP_BORDER if on else ACCENT))
        self.scan_field.setPlaceholderText(
            QCoreApplication.translate("RedemptionTab",
                                       "Look up: scan a voucher — nothing is used") if on
            else QCoreApplication.translate("RedemptionTab",
                                            "Scan here — or type a code and press Enter"))

    def release_camera(self) -> None:
        self.camera.release()

    def open_card_lookup(self) -> None:
        """The Orders tab's gift card by phone + PIN, for clerks too (the counter is all they
        see); window-modal, and the scan field has the keys again when it closes, and the
        recent list the spends made in it."""
        dialog = CardLookupDialog(self._shop, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.scan_field.setFocus(
            Qt.FocusReason.OtherFocusReason))
        dialog.finished.connect(lambda _result: self.recent.refresh())  # a spend by PIN
        self.card_lookup = dialog
        dialog.open()

    def _verdict_changed(self, tone: str) -> None:
        """A look-up's history goes with its verdict: left open under "Ready to scan" or
        another voucher's verdict, it would be taken for theirs, and hide the list below."""
        if tone != TONE_LOOKUP:
            self.history_panel.setVisible(False)

    def _find_toggled(self, on: bool) -> None:
        self.find_panel.setVisible(on)
        if on:
            self.find_panel.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _camera_collapsed(self, collapsed: bool) -> None:
        """No camera: its controls join the typed code's row and the list takes the whole
        width; a camera found again gets its column back."""
        self._lower_row.removeWidget(self.camera)
        self._manual_row.removeWidget(self.camera)
        if collapsed:
            self._manual_row.addSpacing(MARGIN)
            self._manual_row.addWidget(self.camera, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self._drop_manual_spacing()
            self._lower_row.addWidget(self.camera, 2)

    def _drop_manual_spacing(self) -> None:
        last = self._manual_row.itemAt(self._manual_row.count() - 1)
        if last is not None and last.spacerItem() is not None:
            self._manual_row.removeItem(last)

    def _undo_panel_opened(self, opened: bool) -> None:
        if opened:  # below the list it may open under the fold: bring it in once laid out
            QTimer.singleShot(0, lambda: self.lower_scroll.ensureWidgetVisible(
                self.recent.undo_panel, 0, SPACING))
