"""Settings: the shop's (owners; kept in the encrypted database and audited) and this
computer's (anyone at this PC; kept in Qt settings, naming neither the shop nor a customer).

Changes apply at once where they can: the station name, sounds, the idle lock and the paper
size on the next redemption or print; the language on the next start; the camera when the
counter next turns it on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSysInfo, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import shop_settings, vouchers
from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import CURRENCY_SYMBOLS, money_text, parse_money
from desktop_app.core.shop_settings import ShopSettings
from desktop_app.core.station_settings import record_computer_change
from desktop_app.core.store import Shop
from desktop_app.core.vouchers import ScannerLayout
from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.messages import error_message
from desktop_app.scanning.camera_source import list_cameras
from desktop_app.ui import settings
from desktop_app.ui.admin.owner_computer import (
    StationCheck,
    computer_now,
    computer_values,
    lock_for_clerk,
)
from desktop_app.ui.admin.scan_test import ScanTestField
from desktop_app.ui.idle import MAX_IDLE_LOCK_MINUTES, idle_lock_minutes, set_idle_lock_minutes
from desktop_app.ui.settings_follow import show_shop_name
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    ScrollingPage,
    dialog_buttons,
    fit_to_screen,
    frame_with_header,
    grow_to_fit,
    hint_label,
)

LAYOUTS = ("a4", "receipt58", "receipt80")
KEYBOARD_LAYOUTS = {
    vouchers.US_LAYOUT: QT_TRANSLATE_NOOP("SettingsDialog", "US (QWERTY)"),
    "qwertz": QT_TRANSLATE_NOOP("SettingsDialog", "German (QWERTZ)"),
    "azerty": QT_TRANSLATE_NOOP("SettingsDialog", "French (AZERTY)"),
}


class SettingsDialog(QDialog, StationCheck):
    """Two pages: Shop (owners only) and This computer."""

    saved = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.loaded: ShopSettings | None = None
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.message = MessageLabel(self)
        self.pages = QTabWidget(self)
        self.shop_page = self._build_shop_page()
        if shop.is_owner:
            self.pages.addTab(ScrollingPage(self.shop_page), self.tr("Shop"))
        self.pages.addTab(ScrollingPage(self._build_computer_page()), self.tr("This computer"))
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addWidget(self.pages, 1)
        body.addWidget(self.message)
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, self.tr("Save"), self.save, self.tr("Cancel"))
        body.addWidget(buttons)
        frame_with_header(self, HeaderBar(self.tr("Settings"), self.tr(
            "The shop's settings are saved in the shop; this computer's stay here."), self), body)
        fit_to_screen(self, *self.sizeHint().toTuple())  # a small screen: the pages scroll
        if shop.is_owner:
            self._set_busy(True)
            run_in_background(self, lambda: shop_settings.get_shop_settings(shop),
                              self._show_shop, errors=self.message,
                              always=lambda: self._set_busy(False))

    # -- pages ------------------------------------------------------------------------------

    def _build_shop_page(self) -> QWidget:
        page = QWidget(self)
        self.name_edit = QLineEdit(page)
        self.name_edit.setMaxLength(shop_settings.MAX_NAME)
        self.address_edit = QLineEdit(page)
        self.address_edit.setMaxLength(shop_settings.MAX_LINE)
        self.address_edit.setPlaceholderText(self.tr("Address and phone, printed under the name"))
        self.note_edit = QLineEdit(page)
        self.note_edit.setMaxLength(shop_settings.MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("A short note at the foot of every voucher"))
        self.currency_box = QComboBox(page)
        self.currency_box.addItems(list(CURRENCY_SYMBOLS))
        self.valid_days = QSpinBox(page)
        self.valid_days.setRange(0, shop_settings.MAX_VALID_DAYS)
        self.valid_days.setSpecialValueText(self.tr("No end"))
        self.valid_days.setSuffix(self.tr(" days"))
        self.cashout_edit = QLineEdit(page)
        self.cashout_edit.setPlaceholderText(self.tr("0.00: never"))
        # Clerks have the counter only: a card's look-up there has Reload and Cash out (QA).
        # A short label and a wrapping hint: a long checkbox does not wrap (QA s8b F10).
        self.clerk_money_box = QCheckBox(self.tr("Clerks may reload and cash out gift cards"),
                                         page)
        # The command line's words are the README's: an owner at this dialog has none (QA s35a).
        self.clerk_money_hint = hint_label(self.tr(
            "At the counter: Look up, then scan the card."), page)
        form = QFormLayout(page)
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Shop name:"), self.name_edit)
        form.addRow(self.tr("Address / phone:"), self.address_edit)
        form.addRow(self.tr("Note on vouchers:"), self.note_edit)
        form.addRow(self.tr("Currency:"), self.currency_box)
        form.addRow(self.tr("Default validity:"), self.valid_days)
        form.addRow(self.tr("Gift card cash-out up to:"), self.cashout_edit)
        form.addRow("", self.clerk_money_box)
        form.addRow("", self.clerk_money_hint)
        self.shop_note = hint_label(self.tr(
            "Changing the currency changes how prices are shown, not the amounts. The default "
            "validity is proposed for new products. A gift card's remainder up to the cash-out "
            "amount can be paid out in cash: on the Orders tab under the card, or at the "
            "counter under a looked-up card."), page)
        form.addRow(self.shop_note)
        return page

    def _build_computer_page(self) -> QWidget:
        page = QWidget(self)
        self.station_edit = QLineEdit(settings.STATION.text(), page)
        self.station_edit.setMaxLength(64)
        self.station_edit.setPlaceholderText(QSysInfo.machineHostName())
        self.sound_box = QCheckBox(self.tr("Play a sound with each verdict"), page)
        self.sound_box.setChecked(str(settings.SOUND_ON.read()).lower() not in ("false", "0"))
        self.language_box = QComboBox(page)
        self.language_box.addItem(self.tr("As the system"), "")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("简体中文", "zh_CN")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(
            settings.LANGUAGE.text())))
        self.idle_minutes = QSpinBox(page)
        self.idle_minutes.setRange(0, MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(idle_lock_minutes())
        self.paper_box = QComboBox(page)
        for layout, title in zip(LAYOUTS, (self.tr("A4 sheet"), self.tr("Receipt 58 mm"),
                                           self.tr("Receipt 80 mm")), strict=True):
            self.paper_box.addItem(title, layout)
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(
            settings.VOUCHER_LAYOUT.text())))
        self.suffix_box = QComboBox(page)
        for title, suffix in ((self.tr("Enter"), ""), (self.tr("Tab"), "\t")):
            self.suffix_box.addItem(title, suffix)
        self.suffix_box.setCurrentIndex(max(0, self.suffix_box.findData(
            str(settings.SCAN_SUFFIX.read() or ""))))
        self.burst_ms = QSpinBox(page)
        self.burst_ms.setRange(20, 500)
        self.burst_ms.setSuffix(self.tr(" ms"))
        self.burst_ms.setValue(settings.SCAN_TIMEOUT_MS.number())
        self._build_devices(page)
        form = QFormLayout(page)
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Station name:"), self.station_edit)
        form.addRow(self.tr("Sounds:"), self.sound_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Lock after no use for:"), self.idle_minutes)
        form.addRow(self.tr("Voucher paper:"), self.paper_box)
        form.addRow(self.tr("Receipt printer:"), self.printer_box)
        form.addRow(self.tr("Camera:"), self.camera_box)
        form.addRow(self.tr("Camera resolution:"), self.camera_size_box)
        form.addRow(self.tr("Scanner ends a code with:"), self.suffix_box)
        form.addRow(self.tr("Scanner burst gap:"), self.burst_ms)
        self.scan_test = ScanTestField(page)
        self.scan_result = hint_label("", page)
        self.scan_layout = hint_label("", page)
        self.scans_tested = 0
        self.scan_test.textChanged.connect(self._scan_tested)
        form.addRow(self.tr("Try the scanner:"), self.scan_test)
        form.addRow("", self.scan_result)
        form.addRow("", self.scan_layout)
        form.addRow(hint_label(self.tr(
            "The station name is recorded with every redemption from this computer. A new "
            "language shows at the next start."), page))
        if not self.shop.is_owner:  # QA s20c F3, F8: the counter's name and lock are the owner's
            lock_for_clerk(form, self.station_edit, self.idle_minutes)
        return page

    def _build_devices(self, page: QWidget) -> None:
        """The receipt printer and the counter's camera (the cameras are looked for in the
        background: opening one can take a second)."""
        self.printer_box = QComboBox(page)
        self.printer_box.addItem(self.tr("The system's default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_box.addItem(name, name)
        chosen = settings.RECEIPT_PRINTER.text()
        if chosen and self.printer_box.findData(chosen) < 0:
            self.printer_box.addItem(self.tr("{printer} (not found)").format(printer=chosen),
                                     chosen)
        self.printer_box.setCurrentIndex(max(0, self.printer_box.findData(chosen)))
        self.camera_box = QComboBox(page)
        self._show_cameras([])
        run_in_background(self, list_cameras, self._show_cameras, errors=self.message)
        self.camera_size_box = QComboBox(page)
        for size in settings.CAMERA_SIZES:
            self.camera_size_box.addItem(size.replace("x", " × "), size)
        self.camera_size_box.setCurrentIndex(max(0, self.camera_size_box.findData(
            "x".join(map(str, settings.camera_size())))))

    def _show_cameras(self, found: list[int]) -> None:
        """The cameras found, and the one chosen before even when it is not plugged in."""
        chosen = self.camera_box.currentData() if self.camera_box.count() else None
        if chosen is None:
            chosen = settings.CAMERA_INDEX.number()
        self.camera_box.clear()
        for index in sorted({*found, int(chosen)}):
            title = self.tr("Camera {number}").format(number=index + 1)
            if index not in found:
                title = self.tr("{camera} (not found)").format(camera=title)
            self.camera_box.addItem(title, index)
        self.camera_box.setCurrentIndex(max(0, self.camera_box.findData(int(chosen))))

    def _scan_tested(self) -> None:
        text = self.scan_test.seen
        if not text.endswith(("⏎", "⇥")):
            return
        end = self.tr("Enter") if text.endswith("⏎") else self.tr("Tab")
        self.scan_result.setText(self.tr(
            "{count} characters, ending with {end}; the longest gap {gap} ms.").format(
            count=len(text) - 1, end=end, gap=self.scan_test.burst_ms()) if self.scan_test.times
            else self.tr("{count} characters, ending with {end}; scanned with the focus "
                         "elsewhere, so not redeemed and not timed: click here and scan again "
                         "to see its timing.").format(count=len(text) - 1, end=end))
        grow_to_fit(self)
        self.scans_tested += 1
        number, shop, sent = self.scans_tested, self.shop, text[:-1]
        self.scan_layout.setText("")
        run_in_background(
            self, lambda: vouchers.scanner_layout(sent, shop.shop_id, shop.voucher_key),
            lambda found: self._show_layout(found, number), errors=self.message)

    def _show_layout(self, found: ScannerLayout, number: int) -> None:
        if number == self.scans_tested:  # an earlier scan's answer, late: the newer one shows
            self.scan_layout.setText(self.layout_text(found))
            grow_to_fit(self)  # the hint wraps: without this its last line is cut

    def layout_text(self, found: ScannerLayout) -> str:
        """Which keyboard layout the scanner types in, and whether that matters, in the
        shop's words."""
        if not found.layout:
            return self.tr("Scan the QR code or printed code of one of this shop's vouchers "
                           "to see which keyboard layout the scanner types in.")
        layout = QCoreApplication.translate("SettingsDialog", KEYBOARD_LAYOUTS[found.layout])
        if found.layout == vouchers.US_LAYOUT:
            return self.tr("Looks like: {layout} keyboard layout (OK).").format(layout=layout)
        if found.read:
            return self.tr("Looks like a {layout} keyboard layout: codes are read correctly "
                           "anyway.").format(layout=layout)
        return self.tr("Looks like a {layout} keyboard layout: QR codes are read correctly "
                       "anyway, printed codes are not. Set the scanner to the keyboard layout "
                       "of this computer.").format(layout=layout)

    # -- values -----------------------------------------------------------------------------

    def _show_shop(self, current: ShopSettings) -> None:
        self.loaded = current
        self.name_edit.setText(current.shop_name)
        self.address_edit.setText(current.address_line)
        self.note_edit.setText(current.voucher_note)
        if self.currency_box.findText(current.currency) < 0:
            self.currency_box.addItem(current.currency)
        self.currency_box.setCurrentText(current.currency)
        self.valid_days.setValue(current.default_valid_days or 0)
        cashout = current.giftcard_cashout_max_cents
        self.cashout_edit.setText(money_text(cashout) if cashout else "")
        self.clerk_money_box.setChecked(current.giftcard_clerk_money)

    def shop_values(self) -> ShopSettings:
        """The shop page as typed; raises InvalidInput for a cash-out that is not money."""
        cashout = self.cashout_edit.text().strip()
        return ShopSettings(
            self.name_edit.text(), self.address_edit.text(), self.note_edit.text(),
            self.currency_box.currentText(), self.valid_days.value() or None,
            giftcard_cashout_max_cents=parse_money(cashout, "cashout_max") if cashout else 0,
            giftcard_clerk_money=self.clerk_money_box.isChecked())

    def save_computer(self) -> None:
        if self.shop.is_owner:  # audited before this (save_owner); a clerk's are locked
            settings.STATION.write(self.station_edit.text().strip())
            set_idle_lock_minutes(self.idle_minutes.value())
        settings.SOUND_ON.write(self.sound_box.isChecked())
        settings.LANGUAGE.write(self.language_box.currentData())
        settings.VOUCHER_LAYOUT.write(self.paper_box.currentData())
        settings.SCAN_SUFFIX.write(self.suffix_box.currentData())
        settings.SCAN_TIMEOUT_MS.write(self.burst_ms.value())
        settings.RECEIPT_PRINTER.write(self.printer_box.currentData())
        settings.CAMERA_INDEX.write(self.camera_box.currentData())
        settings.CAMERA_SIZE.write(self.camera_size_box.currentData())

    def save(self) -> None:
        if self.busy:
            return
        owner = self.shop.is_owner and self.loaded is not None
        try:
            values = self.shop_values() if owner else None
        except InvalidInput as exc:
            self.message.show_error(error_message(exc))  # nothing saved yet: fix and save
            self.pages.setCurrentIndex(0)  # the shop's page holds every field read here (QA)
            return
        self.message.clear()
        if not self.shop.is_owner:
            self._saved()
            return
        self.check_station_then(lambda: self.save_owner(values), self._set_busy)

    def save_owner(self, values: ShopSettings | None) -> None:
        """The audit of this computer's owner-only choices and the shop's settings first,
        then this computer's settings: nothing changes here unrecorded."""
        shop, station = self.shop, settings.station_name()
        before, after = computer_now(), computer_values(self.station_edit, self.idle_minutes)

        def work() -> None:
            record_computer_change(shop, station, before, after)
            if values is not None:
                shop_settings.update_shop_settings(shop, values)

        self._set_busy(True)
        run_in_background(self, work, lambda _: self._saved(), errors=self.message,
                          always=lambda: self._set_busy(False))

    def _saved(self) -> None:
        self.save_computer()
        self.saved.emit()
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)


class WindowSettings:
    """The main window's side of Settings: open it, and show at once what changed."""

    shop: Shop
    header: Any  # HeaderBar
    shop_label: Any
    station_label: Any

    def open_settings(self) -> QDialog:
        def make() -> QDialog:
            dialog = SettingsDialog(self.shop, self)  # type: ignore[arg-type]
            dialog.saved.connect(self._settings_saved)
            return dialog

        return self._show_dialog("settings", make)  # type: ignore[attr-defined, no-any-return]

    def _settings_saved(self) -> None:
        show_shop_name(self)
        self.station_label.setText(QCoreApplication.translate(
            "MainWindow", "Station: {station}").format(station=settings.station_name()))
        counter = self.redemption_tab()  # type: ignore[attr-defined]
        if counter is not None:
            counter.rename_station(settings.station_name())
        self._idle_lock_saved()  # type: ignore[attr-defined]
