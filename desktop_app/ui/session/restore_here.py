"""A backup restored into the shop folder while no shop is open: from the login screen (a
shop that cannot be opened) and from the first start (a new computer). Either way the
restore dialog checks the file and the password, the restore runs in the background, and
the login follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.core.restore import restore_backup
from desktop_app.ui.admin.backup_common import restore_refusal_text
from desktop_app.ui.admin.restore_dialog import RestoreDialog
from desktop_app.ui.admin.restore_request import RestoreRequest
from desktop_app.ui.tasks import run_in_background


def open_restore_dialog(parent: QWidget, data_dir: Path, operator: str,
                        on_confirmed: Callable[[RestoreRequest], None], *,
                        new_computer: bool = False) -> RestoreDialog:
    """The restore dialog on ``data_dir``, whose shop is not open; ``on_confirmed`` gets the
    checked request."""
    dialog = RestoreDialog(None, parent, data_dir=data_dir, operator=operator,
                           new_computer=new_computer)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirmed.connect(on_confirmed)
    dialog.open()
    return dialog


def restore_in_background(parent: QWidget, data_dir: Path, request: RestoreRequest, *,
                          restored: Callable[[Path | None], None],
                          refused: Callable[[str], None],
                          always: Callable[[], None]) -> None:
    """Restore ``request`` into ``data_dir`` on the worker thread: ``restored`` hears the
    folder the replaced data was kept in (None when there was none), ``refused`` the words
    of a refusal; ``always`` ends the caller's busy state first."""
    run_in_background(
        parent, lambda: restore_backup(data_dir, request.path, request.operator,
                                       request.password,
                                       recovery_key=request.recovery_key or None),
        on_success=restored,
        errors=lambda exc: refused(restore_refusal_text(exc, request.operator)),
        always=always)


def restore_from_another_computer(
        parent: QWidget, data_dir: Path, operator: str, *, busy: Callable[[bool], None],
        refused: Callable[[str], None],
        restored: Callable[[RestoreRequest, Path | None], None]) -> RestoreDialog:
    """The first start's way to a shop from another computer (QA s18a F2): the restore
    dialog on the empty ``data_dir``, then the restore, ``busy`` meanwhile."""
    def confirmed(request: RestoreRequest) -> None:
        busy(True)
        restore_in_background(parent, data_dir, request,
                              restored=lambda aside: restored(request, aside),
                              refused=refused, always=lambda: busy(False))

    return open_restore_dialog(parent, data_dir, operator, confirmed, new_computer=True)
