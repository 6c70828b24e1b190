"""A report export: the save dialog, opened in the folder the last export went to (remembered
on this computer), else Documents; and the words the file is written in, the screen's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.core.report_files import FileWords
from desktop_app.core.report_tables import Report
from desktop_app.messages.labels import (
    METHOD_LABELS,
    no_voucher_label,
    not_recorded_label,
    report_title,
)
from desktop_app.ui import settings
from desktop_app.ui.display import method_label
from desktop_app.ui.folders import documents_folder
from desktop_app.ui.reports.report_models import SECTION_TITLES, headers, tr


def export_folder() -> Path:
    """The folder of the last export, else Documents, else home (whichever exists first)."""
    for folder in (settings.REPORT_EXPORT_FOLDER.text(), str(documents_folder())):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def remember_export(written: Path) -> None:
    settings.REPORT_EXPORT_FOLDER.write(str(written.parent))


def export_dialog(parent: QWidget, report: Report, suffix: str) -> QFileDialog:
    """A save dialog (not yet open) for ``report`` as ``suffix`` (.csv or .xlsx)."""
    days = f"-{report.start.isoformat()}_{report.end.isoformat()}" if (
        report.start and report.end) else ""
    name = f"{report.name}-{report.by}{days}{suffix}"
    kinds = (QCoreApplication.translate("ReportsTab", "CSV files (*.csv)") if suffix == ".csv"
             else QCoreApplication.translate("ReportsTab", "Excel workbooks (*.xlsx)"))
    title = QCoreApplication.translate("ReportsTab", "Export the report")
    dialog = QFileDialog(parent, title, str(export_folder() / name), kinds)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    return dialog


def file_words(report: Report, title: str) -> FileWords:
    """What the file says, as the tab says it (QA s6: payment methods were codes, the sheets
    and "low" English in a Chinese file): column names, sheet names, payment methods, "Yes",
    the totals row's label, and ``title`` (the heading: shop, report, grouping, days)."""
    sheets = {report.name: report_title(report.name),
              **{key: tr(text) for key, text in SECTION_TITLES.items()}}
    return FileWords(headers=headers(report.by), sheets=sheets,
                     methods={m: method_label(m) for m in METHOD_LABELS},
                     no_voucher=no_voucher_label(), not_recorded=not_recorded_label(),
                     yes=QCoreApplication.translate("ReportsTab", "Yes"),
                     total=QCoreApplication.translate("ReportsTab", "Total"), title=title)
