"""How long a product's vouchers are valid: no expiry, some days after the sale, or between two
dates (the last day counts in full). Part of the product dialog, and in its words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.dates import last_valid_day, utc_now
from desktop_app.core.products import MAX_VALID_DAYS, ProductDetail
from desktop_app.messages import problem_message
from desktop_app.ui.widgets import hint_label


def local_midnight(day: QDate) -> dt.datetime:
    """The start of ``day`` in local time, as aware UTC (what the database keeps)."""
    naive = dt.datetime(day.year(), day.month(), day.day())
    return naive.astimezone().astimezone(dt.UTC)


def to_qdate(moment: dt.datetime) -> QDate:
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def today() -> QDate:
    """Today by the shop's clock (the server's, on a server shop), not Qt's PC date."""
    return to_qdate(utc_now())


class ValidityFields(QWidget):
    edited = Signal()  # the choice or a date changed

    def __init__(self, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.no_expiry = QRadioButton(QCoreApplication.translate(
            "ProductDialog", "No expiry"), self)
        self.for_days = QRadioButton(QCoreApplication.translate(
            "ProductDialog", "For a number of days after the sale:"), self)
        self.between = QRadioButton(QCoreApplication.translate(
            "ProductDialog", "Between two dates:"), self)
        self.group = QButtonGroup(self)
        for button in (self.no_expiry, self.for_days, self.between):
            self.group.addButton(button)
            button.toggled.connect(self._mode_changed)
        self.days = QSpinBox(self)
        self.days.setRange(1, MAX_VALID_DAYS)
        self.days.setValue(365)
        self.days.valueChanged.connect(self._days_suffix)
        self._days_suffix(self.days.value())
        self.valid_from = self._date_edit()
        self.valid_until = self._date_edit()
        self.valid_until.setDate(today().addMonths(3))
        days_row = QHBoxLayout()
        days_row.addWidget(self.for_days)
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        window_row = QHBoxLayout()
        window_row.addWidget(self.between)
        window_row.addWidget(self.valid_from)
        window_row.addWidget(QLabel(QCoreApplication.translate("ProductDialog", "to"), self))
        window_row.addWidget(self.valid_until)
        window_row.addStretch(1)
        column.addWidget(self.no_expiry)
        column.addLayout(days_row)
        column.addLayout(window_row)
        if editing:  # say what happens to vouchers already sold
            column.addWidget(hint_label(QCoreApplication.translate(
                "ProductDialog", "Changes apply to vouchers sold from now on; vouchers already "
                "sold keep their dates."), self))
        self.no_expiry.setChecked(True)
        # The last day a loaded product's window has: a window already over stays as it
        # is when the owner edits the price, but a new last day must not be past.
        self.loaded_last_day: QDate | None = None
        self._as_loaded: tuple[object, ...] | None = None  # the choice of a product edited

    def _days_suffix(self, days: int) -> None:
        self.days.setSuffix(QCoreApplication.translate("ProductDialog", " day") if days == 1
                            else QCoreApplication.translate("ProductDialog", " days"))

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(today(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.edited)
        return edit

    def _mode_changed(self) -> None:
        self.days.setEnabled(self.for_days.isChecked())
        self.valid_from.setEnabled(self.between.isChecked())
        self.valid_until.setEnabled(self.between.isChecked())
        self.edited.emit()

    def load(self, product: ProductDetail) -> None:
        if product.valid_until is not None:
            self.between.setChecked(True)
            last_day = QDate.fromString(last_valid_day(product.valid_until), "yyyy-MM-dd")
            # Without a start of its own: from today, or its last day for a window that ended.
            self.valid_from.setDate(to_qdate(product.valid_from) if product.valid_from
                                    else min(today(), last_day))
            self.valid_until.setDate(last_day)
            self.loaded_last_day = last_day
        elif product.valid_days:
            self.for_days.setChecked(True)
            self.days.setValue(product.valid_days)
        self._as_loaded = self._choice()

    def _choice(self) -> tuple[object, ...]:
        if self.for_days.isChecked():
            return ("days", self.days.value())
        if self.between.isChecked():
            return ("between", self.valid_from.date(), self.valid_until.date())
        return ("none",)

    def problem(self) -> str:
        """What is wrong with the dates, or nothing."""
        if not self.between.isChecked():
            return ""
        last_day = self.valid_until.date()
        if last_day < self.valid_from.date():
            return problem_message("before_start")
        if last_day < today() and last_day != self.loaded_last_day:
            return problem_message("in_past")
        return ""

    def values(self) -> dict[str, Any]:
        """The choice as core's keyword arguments; none when left as loaded, so core keeps
        what it has (a window set elsewhere need not end at a local midnight)."""
        if self._as_loaded == self._choice():
            return {}
        if self.for_days.isChecked():
            return {"valid_days": self.days.value(), "valid_from": None, "valid_until": None}
        if self.between.isChecked():
            # The last day counts in full: the window ends at the next local midnight.
            return {"valid_days": None, "valid_from": local_midnight(self.valid_from.date()),
                    "valid_until": local_midnight(self.valid_until.date().addDays(1))}
        return {"valid_days": None, "valid_from": None, "valid_until": None}
