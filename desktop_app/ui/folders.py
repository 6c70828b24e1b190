"""Where a save dialog opens when the user has not chosen a folder yet, and the words of Qt's
own file dialog that Qt's Chinese catalogue lacks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from desktop_app.i18n import QT_TRANSLATE_NOOP

# Qt's widget file dialog (Linux; Windows and macOS show the system's) labels its folder and
# type boxes with these, and qtbase_zh_CN has no entry for them: ours does, and Qt asks every
# catalogue installed.
QT_FILE_DIALOG_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def documents_folder() -> Path:
    """The user's Documents folder; their home where the system names none or it does not
    exist (a new Linux account has no ~/Documents, and Qt's dialog then opened in the folder
    the app was started from: the recovery key offered to be saved among its files)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
