"""The owner's audit viewer, and checking the whole database (verify).

The log can hold hundreds of thousands of events: it is read newest first, a page at a time,
on the worker thread, with the filters applied by the database rather than the view.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import audit, audit_subjects, auth, shop_identity
from desktop_app.core.audit import EventRow
from desktop_app.core.store import Shop
from desktop_app.ui.admin.audit_model import (
    AuditTableModel,
    kind_label,
)
from desktop_app.ui.admin.verify_dialog import VerifyDialog
from desktop_app.ui.display import count_text, failure_text
from desktop_app.ui.paged_reader import PagedReader
from desktop_app.ui.tables import EmptyState, fit_columns, setup_table
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    fit_to_screen,
    frame_with_header,
)

log = logging.getLogger(__name__)

AuditPage = tuple[list[EventRow], dict[tuple[str, int], str]]  # events, their subjects' names

PAGE_SIZE = 500
ANY_DAY = QDate(2000, 1, 1)  # a date edit cannot be empty: its minimum reads "Any"


@dataclass(frozen=True)
class AuditFilter:
    operator_id: int | None = None
    kind: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class FilterChoices:
    operators: list[tuple[int, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def filter_choices(shop: Shop) -> FilterChoices:
    operators = [(o.id, o.name) for o in auth.list_operators(shop)]
    return FilterChoices(operators, audit.event_kinds(shop))


class AuditDialog(QDialog):
    """Every change to the shop, newest first, filtered by operator, kind and days."""

    def __init__(self, shop: Shop, parent: QWidget | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.shop = shop
        self.pages = PagedReader(self, page_size)
        self.loading = False  # the filters' choices or a page being read: the busy bar
        self.verify_dialog: VerifyDialog | None = None
        self.setWindowTitle(self.tr("Audit log"))
        fit_to_screen(self, 980, 620)
        self._build()
        self._load_choices()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        header = HeaderBar(self.tr("Audit log"), self.tr(
            "Every change to the shop: who, when and what. Each entry is chained to the one "
            "before, so a deleted or altered entry shows when the database is verified."), self)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, AuditTableModel.DETAIL)
        self.table.setFont(self.font())
        self.empty = EmptyState(self.table)
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(self._build_filters())
        body.addWidget(self.table, 1)
        body.addWidget(self.message)
        body.addLayout(self._build_footer())
        frame_with_header(self, header, body)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DAY)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(ANY_DAY)
        edit.dateChanged.connect(self.reload)
        return edit

    def _build_filters(self) -> QHBoxLayout:
        self.operator_filter = QComboBox(self)
        self.operator_filter.addItem(self.tr("All operators"), None)
        self.operator_filter.setMinimumContentsLength(12)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All events"), None)
        self.kind_filter.setMinimumContentsLength(16)
        self.from_date = self._date_edit()
        self.to_date = self._date_edit()
        self.clear_button = QPushButton(self.tr("Show all"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.setSpacing(8)
        for label, widget in ((self.tr("Operator:"), self.operator_filter),
                              (self.tr("Event:"), self.kind_filter),
                              (self.tr("From:"), self.from_date),
                              (self.tr("To:"), self.to_date)):
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
            row.addSpacing(6)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return row

    def _build_footer(self) -> QHBoxLayout:
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedSize(120, 10)
        self.busy_bar.hide()
        self.count_label = QLabel(self)
        self.more_button = QPushButton(self.tr("Load older events"), self)
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setEnabled(False)
        self.verify_button = QPushButton(self.tr("Verify database…"), self)
        self.verify_button.setToolTip(self.tr(
            "Check the database file, the audit log's chain and the record kept beside it"))
        self.verify_button.clicked.connect(self.open_verify)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(self.tr("Close"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.busy_bar)
        row.addWidget(self.count_label)
        row.addWidget(self.more_button)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        row.addWidget(buttons)
        return row

    # -- filters ----------------------------------------------------------------------------

    def _load_choices(self) -> None:
        shop = self.shop
        self._set_loading(True)
        run_in_background(self, lambda: (filter_choices(shop), shop_identity.reread_currency(shop)),
                          on_success=self._choices_loaded, on_failure=self._failed)

    def _choices_loaded(self, loaded: tuple[FilterChoices, str]) -> None:
        choices, self.model.currency = loaded
        self.model.operator_names = dict(choices.operators)
        for combo in (self.operator_filter, self.kind_filter):
            combo.blockSignals(True)
        for operator_id, name in choices.operators:
            self.operator_filter.addItem(name, operator_id)
        labelled = sorted(choices.kinds, key=lambda k: kind_label(k).casefold())
        for kind in labelled:
            self.kind_filter.addItem(kind_label(kind), kind)
        for combo in (self.operator_filter, self.kind_filter):
            combo.blockSignals(False)
            combo.currentIndexChanged.connect(self.reload)
        self.reload()

    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            date = edit.date()
            return None if date == ANY_DAY else dt.date(date.year(), date.month(), date.day())

        return AuditFilter(self.operator_filter.currentData(), self.kind_filter.currentData(),
                           day(self.from_date), day(self.to_date))

    def set_kind(self, kind: str | None) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def set_operator(self, operator_id: int | None) -> None:
        self.operator_filter.setCurrentIndex(max(0, self.operator_filter.findData(operator_id)))

    def clear_filters(self) -> None:
        for widget in (self.operator_filter, self.kind_filter, self.from_date, self.to_date):
            widget.blockSignals(True)
        self.operator_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
        self.from_date.setDate(ANY_DAY)
        self.to_date.setDate(ANY_DAY)
        for widget in (self.operator_filter, self.kind_filter, self.from_date, self.to_date):
            widget.blockSignals(False)
        self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """The newest page under the current filters; a result for older filters is dropped."""
        self._reading()
        self.pages.read_first(self._page(before_id=None),
                              lambda found: self._loaded(*found, next_page=False),
                              more=self._full_page, on_failure=self._failed)

    def load_more(self) -> None:
        rows = self.model.rows()
        if rows and self.pages.can_read_next() and not self.loading:
            self._reading()
            self.pages.read_next(self._page(before_id=rows[-1].id),
                                 lambda found: self._loaded(*found, next_page=True),
                                 more=self._full_page, on_failure=self._failed)

    def _reading(self) -> None:
        self.message.clear()
        self._set_loading(True)

    def _page(self, before_id: int | None) -> Callable[[], AuditPage]:
        """The read of the page of events before ``before_id`` (the newest: None) under the
        filters chosen now, for the worker."""
        wanted, shop, limit = self.current_filter(), self.shop, self.pages.page_size

        def page() -> AuditPage:
            rows = audit.list_events(shop, wanted.operator_id, wanted.kind, wanted.start,
                                     wanted.end, limit, before_id)
            return rows, audit_subjects.subject_names(shop, rows)  # this page's only

        return page

    def _full_page(self, found: AuditPage) -> bool:
        return len(found[0]) >= self.pages.page_size

    def _loaded(self, rows: list[EventRow], names: dict[tuple[str, int], str],
                next_page: bool) -> None:
        self._set_loading(False)
        self.model.subject_names = ({**self.model.subject_names, **names} if next_page
                                    else names)
        if next_page:
            self.model.append_rows(rows)
        else:
            self.model.set_rows(rows)
            # An event's name whole (up to ~40 characters); the others leave the details room.
            fit_columns(self.table, AuditTableModel.DETAIL, maximum=220,
                        wider={AuditTableModel.KIND: 320})
        self.more_button.setEnabled(self.pages.more)
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.pages.more:
            text = self.tr("The newest {count} events shown").format(count=count_text(count))
        else:
            text = self.tr("{count} events").format(count=count_text(count))
        self.count_label.setText(text)
        self.empty.show_text("" if count else self.tr("No events match these filters."))

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.busy_bar.setVisible(loading)
        self.more_button.setEnabled(self.pages.more and not loading)

    def _failed(self, exc: Exception) -> None:
        self._set_loading(False)
        self.message.show_error(failure_text(exc))

    # -- verify -----------------------------------------------------------------------------

    def open_verify(self) -> VerifyDialog:
        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.shop, self)
            self.verify_dialog.finished.connect(self._verify_closed)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        return self.verify_dialog

    def _verify_closed(self) -> None:
        if self.verify_dialog is not None:
            self.verify_dialog.deleteLater()
            self.verify_dialog = None
