"""Where a report export goes: the save dialog, opened in the folder the last export went to
(remembered on this computer), else Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.core.report_tables import Report
from desktop_app.ui import settings
from desktop_app.ui.folders import documents_folder


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
    name = f"{report.name}-{report.by}{suffix}"
    kinds = (QCoreApplication.translate("ReportsTab", "CSV files (*.csv)") if suffix == ".csv"
             else QCoreApplication.translate("ReportsTab", "Excel workbooks (*.xlsx)"))
    title = QCoreApplication.translate("ReportsTab", "Export the report")
    dialog = QFileDialog(parent, title, str(export_folder() / name), kinds)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    return dialog
