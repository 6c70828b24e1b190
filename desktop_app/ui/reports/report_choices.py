"""What the owner asks the Reports tab for: the report, its grouping and its days.

Every control re-reads the report (QA s6, S6-10: By and the custom dates used to wait for
Show while the table, the files and the paper kept the old figures): a choice from a list at
once, a date when the typing pauses, so typing ``2026-11-01`` runs one query, not eight.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from desktop_app.core import report_tables
from desktop_app.core.dates import local_today
from desktop_app.core.report_tables import Report
from desktop_app.messages.labels import report_title
from desktop_app.ui.reports.report_loading import DATED, RANGES, preset_range
from desktop_app.ui.reports.report_models import COLUMN_TITLES, tr

TYPING_PAUSE_MS = 600  # a date's digits typed one after another are one change


class ReportChoices(QObject):
    """The Report, By and Days lists and the two date fields (widgets of ``parent``, laid
    out by it). ``edited`` fires on every change, ``changed`` when the report is to be read
    again; in between, ``pending()``."""

    edited = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.report_box = QComboBox(parent)
        for name in report_tables.REPORTS:
            self.report_box.addItem(report_title(name), name)
        self.by_box = QComboBox(parent)
        self.range_box = QComboBox(parent)
        for key, title in RANGES.items():
            self.range_box.addItem(tr(title), key)
        self.range_box.setCurrentIndex(self.range_box.findData("month"))
        self.first_day: dt.date | None = None  # the shop's first with data, once a read said
        self.from_edit, self.to_edit = QDateEdit(parent), QDateEdit(parent)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._date_typed)
        for box in (self.report_box, self.by_box, self.range_box):
            # As wide as the longest choice: "Payment method" comes after "Day" was shown.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self._now)
        self.report_box.currentIndexChanged.connect(self.report_changed)
        self.by_box.currentIndexChanged.connect(self._now)
        self.range_box.currentIndexChanged.connect(self._range_changed)

    def report_name(self) -> str:
        return str(self.report_box.currentData())

    def grouping(self) -> str:
        return str(self.by_box.currentData())

    def days(self) -> tuple[dt.date, dt.date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]

    def pending(self) -> bool:
        """A date is being typed: the report shown is about to be read again."""
        return self.typing.isActive()

    def matches(self, report: Report) -> bool:
        """Whether ``report`` is what the controls ask for now (its days only where the
        report has days: card-key stock is as of now)."""
        if self.pending() or (report.name, report.by) != (self.report_name(), self.grouping()):
            return False
        return report.name not in DATED or (report.start, report.end) == self.days()

    def report_changed(self) -> None:
        """Another report: its groupings in By, its days enabled or not; then a read."""
        name = self.report_name()
        with QSignalBlocker(self.by_box):
            self.by_box.clear()
            for by in report_tables.GROUPINGS[name]:
                self.by_box.addItem(tr(COLUMN_TITLES[by]), by)
        self.range_box.setEnabled(name in DATED)
        self._range_changed()

    def _range_changed(self) -> None:
        preset = str(self.range_box.currentData())
        custom = preset == "custom"
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(custom and self.report_name() in DATED)
        if not custom:
            start, end = preset_range(preset, local_today(), self.first_day)
            for edit, day in ((self.from_edit, start), (self.to_edit, end)):
                with QSignalBlocker(edit):  # one read for the preset, not one per field
                    edit.setDate(QDate(day.year, day.month, day.day))
        self._now()

    def found_first_day(self, day: dt.date | None) -> None:
        """The shop's first day with data, read with a report: "All time" starts there. Chosen
        before it was known (the tab's first read still under way): its days again, read."""
        if day == self.first_day:
            return
        self.first_day = day
        if self.range_box.currentData() == "all":
            self._range_changed()

    def _date_typed(self) -> None:
        self.typing.start()  # again: the pause counts from the last keystroke
        self.edited.emit()

    def _now(self) -> None:
        self.typing.stop()
        self.edited.emit()
        self.changed.emit()
