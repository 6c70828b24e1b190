"""The Reports tab (owners): choose a report, its grouping and days; read the table, drill
down into a row, look at the bars per day, export CSV or XLSX, print.

Every report only reads: it runs on the long reads' thread, on a connection of its own, so a
scan at the counter never waits for the owner's report (QA s20a F1); the tab shows plain rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import events, report_files, report_tables
from desktop_app.core.errors import ShopError
from desktop_app.core.money import CURRENCY_SYMBOLS
from desktop_app.core.report_tables import Report
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.display import amount_text, failure_text
from desktop_app.ui.events import shop_events
from desktop_app.ui.reports.chart import REDEMPTIONS_COLOR, SALES_COLOR, DayChart, Series
from desktop_app.ui.reports.detail_undo import DetailUndo
from desktop_app.ui.reports.report_choices import ReportChoices
from desktop_app.ui.reports.report_export import export_dialog, file_words, remember_export
from desktop_app.ui.reports.report_layout import ReportTable, TableAndChart
from desktop_app.ui.reports.report_loading import DATED, Loaded, load
from desktop_app.ui.reports.report_models import (
    SECTION_COLUMNS,
    SECTION_TITLES,
    DetailTableModel,
    ReportTableModel,
    cell_text,
    tr,
)
from desktop_app.ui.reports.report_printing import (
    open_print_dialog,
    paint_report,
    set_a4_portrait,
)
from desktop_app.ui.reports.report_summary import heading, totals_text
from desktop_app.ui.reports.reread_when_seen import RereadWhenSeen
from desktop_app.ui.tables import EmptyState, fit_stretching, setup_table
from desktop_app.ui.tasks import run_in_background, run_long_read
from desktop_app.ui.widgets import MARGIN, SPACING, MessageLabel, hint_label


class ReportsTab(QWidget):
    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = shop.currency
        self.report: Report | None = None
        self.drilled: object = None  # the redemptions row drilled into: again after an undo
        self._drill_again = False
        self.loaded: Loaded | None = None
        self.busy = False
        self.reads = 0  # reads started; only the last one's figures are shown
        self._awaited: int | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self._printer: QPrinter | None = None
        # The first read, and those after changes, only once the tab is seen (QA s14a F9).
        self.follow = RereadWhenSeen(self, self.refresh, stale=True)
        self._build()
        with QSignalBlocker(self.choices):  # the days and groupings of the first report
            self.choices.report_changed()
        self._update_buttons()
        shop_events().changed.connect(self._shop_changed)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.choices = choices = ReportChoices(self)
        self.report_box, self.by_box, self.range_box = (
            choices.report_box, choices.by_box, choices.range_box)
        self.from_edit, self.to_edit = choices.from_edit, choices.to_edit
        self.show_button = QPushButton(self.tr("Show"), self)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        controls = QHBoxLayout()
        for label, widget in ((self.tr("Report"), self.report_box), (self.tr("By"), self.by_box),
                              (self.tr("Days"), self.range_box)):
            controls.addWidget(QLabel(label, self))
            controls.addWidget(widget)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        exports = QHBoxLayout()  # the days, then what to do with the report
        exports.addWidget(self.from_edit)
        exports.addWidget(QLabel("–", self))
        exports.addWidget(self.to_edit)
        exports.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.drill_hint = hint_label(
            self.tr("Double-click a row to see the redemptions behind it."), self)
        for button in (self.csv_button, self.xlsx_button, self.print_button):
            exports.addWidget(button)

        self.model = ReportTableModel(self)
        self.table = ReportTable(self)
        self.table.setModel(self.model)
        self.table.fit()
        self.table_empty = EmptyState(self.table)
        self.chart = DayChart(self)
        self.upper = TableAndChart(self.table, self.chart, self)

        self.detail_title = hint_label("", self)
        self.section_box = QComboBox(self)  # liability: customers to call, or gift cards
        for key, title in SECTION_TITLES.items():
            self.section_box.addItem(tr(title), key)
        self.section_box.setVisible(False)
        self.detail_model = DetailTableModel(self)
        self.call_model = ReportTableModel(self)
        self.detail_table = QTableView(self)
        self.detail_table.setModel(self.detail_model)
        setup_table(self.detail_table, 4)
        self.detail_table.setMinimumHeight(40)
        self.table.setMinimumHeight(40)
        self.lower_panel = lower = QWidget(self)  # only for a report with something to show there
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_title = QHBoxLayout()
        lower_title.addWidget(self.section_box)
        lower_title.addWidget(self.detail_title, 1)
        lower_column.addLayout(lower_title)
        lower_column.addWidget(self.detail_table)
        self.detail_undo = DetailUndo(self.shop, self.detail_table, self.detail_model, lower)
        self.detail_undo.undone.connect(self._after_undo)
        lower_column.addWidget(self.detail_undo)
        self.split = split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.upper)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        lower.setVisible(False)

        self.message = MessageLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        column.setSpacing(SPACING // 2)
        column.addLayout(controls)
        column.addLayout(exports)
        column.addWidget(self.summary)
        column.addWidget(self.drill_hint)
        column.addWidget(split, 1)
        column.addWidget(self.message)

        choices.changed.connect(lambda: self.refresh())
        choices.edited.connect(self._update_buttons)
        self.show_button.clicked.connect(lambda: self.refresh())
        self.section_box.currentIndexChanged.connect(self._section_changed)
        self.csv_button.clicked.connect(lambda: self.ask_export(".csv"))
        self.xlsx_button.clicked.connect(lambda: self.ask_export(".xlsx"))
        self.print_button.clicked.connect(self.ask_print)
        self.table.activated.connect(self.drill_down)
        self.table.doubleClicked.connect(self.drill_down)

    # -- choices ----------------------------------------------------------------------------

    def report_name(self) -> str:
        return self.choices.report_name()

    def grouping(self) -> str:
        return self.choices.grouping()

    def current_report(self) -> Report | None:
        """The report shown, when it is what the controls say (S6-10: Export and Print wrote
        the last one read while By or the days already said otherwise); else None."""
        report = self.report
        return report if report is not None and self.choices.matches(report) else None

    def _shop_changed(self, changes: frozenset[str]) -> None:
        # A new currency or shop name (it heads the files and the page) comes as products and
        # orders changed (core.events): re-read with them.
        if changes & {events.REDEMPTIONS, events.ORDERS, events.PRODUCTS, events.VOUCHERS}:
            self.follow.changed()

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the report the controls ask for (on the long reads' thread, beside the
        counter's scans); a reversed range shows its message and nothing to export or print."""
        self.follow.reading()
        self.choices.typing.stop()  # Show pressed while a date is typed: read it now
        start, end = self.choices.days()
        shop, name, by = self.shop, self.report_name(), self.grouping()
        self._awaited = None  # a read still under way answers for other controls
        if name in DATED and end < start:  # card-key stock has no days to get wrong
            self._forget(self.tr("The last day is before the first."))
            self._set_busy(False)
            return
        self.reads += 1
        read = self._awaited = self.reads
        self._set_busy(True)
        self.message.clear()

        def wanted() -> Loaded | None:  # not when another read was asked while it waited
            return load(shop, name, by, start, end) if read == self._awaited else None

        run_long_read(self, wanted, shop.db, lambda loaded: self._loaded(read, loaded),
                      errors=lambda refused: self._refused(read, refused),
                      always=lambda: self._read_ended(read))

    def _read_ended(self, read: int) -> None:
        if read == self._awaited:
            self._set_busy(False)

    def _refused(self, read: int, refused: ShopError) -> None:
        if read == self._awaited:  # an older read's refusal is about other figures
            self.message.show_error(error_message(refused))

    def _forget(self, problem: str) -> None:
        """No report on screen, and why: the table, totals and chart were for other days."""
        self.loaded = self.report = None
        self.model.set_rows([])
        self.call_model.set_rows([])
        self.detail_model.set_rows([])
        self.summary.setText("")
        self.table_empty.show_text(problem)
        self.chart.set_panels([], "")
        self.message.show_error(problem)

    def _loaded(self, read: int, loaded: Loaded | None) -> None:
        if read != self._awaited or loaded is None:
            return
        self.loaded, self.report = loaded, loaded.report
        self.choices.found_first_day(loaded.first_day)  # where "All time" starts
        report = loaded.report
        self.currency = report.currency  # read with the report: a changed currency shows at once
        self.model.set_columns(report.columns, self.currency, report.by)
        self.model.set_rows(report.rows)
        self.table.fit()
        self.upper.arrange()
        self.table_empty.show_text(self.tr("Nothing in these days.") if not report.rows else "")
        self.summary.setText(totals_text(report, self.currency))
        self.chart.set_panels(self.panels(), self.tr("No redemptions or sales in these days."))
        self.chart.setVisible(bool(loaded.panels))
        self._show_lower(report)
        self._update_buttons()  # after ``always``: the figures to export are these
        found = self.model.row_of(lambda row: row.get("group") == self.drilled)
        if self._drill_again and found >= 0:  # drill_down: of the redemptions report only
            self.drill_down(self.model.index(found, 0))
        self._drill_again = False

    def _after_undo(self) -> None:  # the figures and the attempts again, the undo among them
        self._drill_again = True
        self.refresh()

    def panels(self) -> list[Series]:
        if self.loaded is None or not self.loaded.panels:
            return []
        used, sold = self.loaded.panels
        return [Series(self.tr("Uses redeemed per day"), used[1], used[2], REDEMPTIONS_COLOR, str),
                # the symbol, as every amount on the tab shows it (QA s43a F8)
                Series(self.tr("Net sales per day ({currency})").format(
                    currency=CURRENCY_SYMBOLS.get(self.currency, self.currency)),
                       sold[1], sold[2], SALES_COLOR, amount_text)]

    def _show_lower(self, report: Report) -> None:
        """Liability's customers to call or gift cards below the table; for redemptions the
        hint, and the attempts once a row is drilled into; nothing for the others."""
        self.section_box.setVisible(report.name == "liability")
        self.detail_undo.setVisible(False)  # until attempts are drilled into
        self.drill_hint.setVisible(report.name == "redemptions")
        self._set_lower_visible(report.name == "liability")
        if report.name == "liability":
            section = str(self.section_box.currentData())
            self.detail_title.setText(self.tr(
                "vouchers with uses left that expire within 30 days") if section == "to_call"
                else self.tr("cards with money on them that can still be spent"))
            self.call_model.set_columns(SECTION_COLUMNS[section], self.currency, "product")
            self.call_model.set_rows(report.sections.get(section, []))
            self.detail_table.setModel(self.call_model)
            fit_stretching(self.detail_table, self.call_model.stretch)
        else:
            self.detail_table.setModel(self.detail_model)
            self.detail_model.set_rows([])
            self.detail_title.setText("")

    def _set_lower_visible(self, visible: bool) -> None:
        if visible == self.lower_panel.isVisibleTo(self):
            return
        self.lower_panel.setVisible(visible)
        if visible:  # a fresh share of the height, not the few pixels a hidden widget keeps
            height = self.split.height()
            self.split.setSizes([height * 3 // 5, height - height * 3 // 5])

    def _section_changed(self) -> None:
        if self.report is not None:
            self._show_lower(self.report)

    def drill_down(self, index: QModelIndex) -> None:
        """The attempts behind one row of the redemptions report."""
        report = self.report
        if report is None or report.name != "redemptions" or not index.isValid():
            return
        row = self.model.row_at(index.row())
        shop, by, group = self.shop, report.by, row["group"]
        start, end = report.start, report.end

        def shown(details: list[report_tables.RedemptionDetail]) -> None:
            self.detail_table.setModel(self.detail_model)
            self.detail_model.set_details(details, report.currency)
            self.drilled = group
            self.detail_undo.setVisible(True)
            self.detail_undo.follow()
            self._set_lower_visible(True)
            fit_stretching(self.detail_table, 4)  # the product
            self.detail_title.setText(self.tr("{group} — attempts: {count}").format(
                group=cell_text(report.columns[0], group, self.currency, by), count=len(details)))

        run_long_read(self, lambda: report_tables.redemption_details(
            shop, by, group, start, end), shop.db, shown, errors=self.message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Show while nothing is read; Export and Print only for the figures the controls ask
        for (not while a date is typed, nor for a reversed range)."""
        self.show_button.setEnabled(not self.busy)
        ready = not self.busy and self.current_report() is not None
        for button in (self.csv_button, self.xlsx_button, self.print_button):
            button.setEnabled(ready)

    # -- export -----------------------------------------------------------------------------

    def ask_export(self, suffix: str) -> None:
        report = self.current_report()
        if report is None:
            return
        dialog = export_dialog(self, report, suffix)
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        """Write the report shown to ``path`` (CSV or XLSX by its extension) in the background,
        in the screen's words; nothing when the controls ask for other figures (the buttons
        are disabled then)."""
        report = self.current_report()
        if report is None:
            return
        shop, words = self.shop, file_words(report, self.heading(report))
        self._set_busy(True)

        def done(written: Path) -> None:
            remember_export(written)
            self.message.show_info(self.tr("Saved {file}").format(file=str(written)))

        run_in_background(self, lambda: report_files.write_report(
            shop, report, Path(path), words), done, errors=self.message,
            always=lambda: self._set_busy(False))

    # -- printing ---------------------------------------------------------------------------

    def ask_print(self) -> None:
        self.print_dialog, self._printer = open_print_dialog(self, self.print_to)

    def print_to(self, printer: QPrinter) -> bool:
        """The heading, totals, chart and table on A4, painted here on the GUI thread."""
        report = self.current_report()
        if report is None:
            return False
        set_a4_portrait(printer)
        painter = QPainter()
        if not painter.begin(printer):
            self.message.show_error(self.tr("The printer could not be opened."))
            return False
        try:
            paint_report(painter, printer, report, self.panels(), self.font(), self.currency,
                         (self.heading(report), totals_text(report, self.currency)))
        except Exception as exc:  # a printer that refuses: say so here, not as a crash
            self.message.show_error(failure_text(exc))
            return False
        finally:
            painter.end()
        self.message.show_info(self.tr("Sent to the printer."))
        return True

    def heading(self, report: Report) -> str:
        return heading(report, self.loaded.shop_name if self.loaded else "")

    def shown_rows(self) -> list[dict[str, Any]]:
        return self.model.rows()
