"""Shop → Move to another computer…: the final backup (``core.move_out``), owners only.

In plain words: the final backup goes to a folder the owner chooses (a USB stick); from then
on this computer keeps the shop for reading only; on the new computer, "Restore a backup from
another computer" at its first start. The owner ticks that they understand before the button
acts: afterwards nothing can be redeemed or sold here. The backup is written on the worker
(``run_in_background``): the window's scans wait for it, as they must (QA s18a F1).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import backup, move_out
from desktop_app.core.move_out import FinalBackup
from desktop_app.core.store import Shop
from desktop_app.ui.admin.backup_common import (
    file_size_text,
    folder_field,
    open_folder_chooser,
    same_disk,
)
from desktop_app.ui.session.password_dialog import FittingDialog
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    dialog_buttons,
    frame_with_header,
    hint_label,
    stacked,
)


class MoveOutDialog(FittingDialog):
    """Where the final backup goes, what it means, and the move itself."""

    moved = Signal(object)  # FinalBackup: the shop is read-only here from now on

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.folder_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Move to another computer"))
        self.setMinimumWidth(600)
        self._build()
        self._update_move()

    def _build(self) -> None:
        self.folder, self.browse_button, folder_row = folder_field(
            self, self.tr("A folder on a USB stick"), self.choose_folder)
        self.folder.textChanged.connect(self._check_folder)
        self.folder_message = MessageLabel(self)
        self.understood = QCheckBox(self.tr(
            "I understand: after the final backup, nothing can be redeemed or sold on this "
            "computer."), self)
        self.understood.toggled.connect(self._update_move)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Final backup to:"), stacked(self, folder_row, self.folder_message))
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addWidget(hint_label(self.tr(
            "The final backup holds the whole shop as it is now. It goes to a folder you "
            "choose, for example on a USB stick. After it, this computer keeps the shop for "
            "reading only: every voucher is redeemed, and every sale made, on the new computer "
            "from then on, so none can be used twice."), self))
        body.addWidget(hint_label(self.tr(
            "On the new computer, install Voucher Shop and, at its first start, choose "
            "\"Restore a backup from another computer\" and open the final backup. Close "
            "Voucher Shop on this shop's other counters first."), self))
        body.addLayout(form)
        body.addWidget(self.understood)
        body.addWidget(self.message)
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        frame_with_header(self, HeaderBar(self.tr("Move to another computer"), self.tr(
            "The final backup: this computer then keeps the shop for reading only."), self),
            body)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons, self.move_button, self.cancel_button = dialog_buttons(
            self, self.tr("Write the final backup"), self.write_final, self.tr("Cancel"))
        return buttons

    def choose_folder(self) -> QFileDialog:
        self.folder_dialog = open_folder_chooser(
            self, self.tr("Choose the folder for the final backup"),
            self.folder.text().strip(), self.folder.setText)
        return self.folder_dialog

    def _check_folder(self) -> None:
        text = self.folder.text().strip()
        if text and not Path(text).is_dir():
            self.folder_message.show_warning(self.tr(
                "This folder is not there now. Plug in the USB stick, or choose another "
                "folder."))
        elif text and (short := backup.short_of_room(self.shop, Path(text))) is not None:
            self.folder_message.show_warning(self.tr(
                "This folder's disk has {free} free; the final backup takes about {needed}. "
                "Free some space there or choose another folder.").format(
                    free=file_size_text(short[0]), needed=file_size_text(short[1])))
        elif text and same_disk(Path(text), self.shop.data_dir):
            self.folder_message.show_warning(self.tr(
                "This folder is on this computer's own disk: the new computer cannot read it "
                "there. A USB stick is the usual way."))
        else:
            self.folder_message.clear()
        self._update_move()

    def _update_move(self) -> None:
        ready = bool(self.folder.text().strip()) and self.understood.isChecked()
        self.move_button.setEnabled(ready and not self.busy)
        for widget in (self.folder, self.browse_button, self.understood, self.cancel_button):
            widget.setEnabled(not self.busy)

    def write_final(self) -> None:
        if self.busy or not self.move_button.isEnabled():
            return
        shop, folder = self.shop, Path(self.folder.text().strip())
        self.busy = True
        self.message.show_info(self.tr("Writing the final backup…"))
        self._update_move()
        run_in_background(
            self, lambda: move_out.write_final_backup(shop, folder / move_out.final_backup_name(
                shop)), on_success=self._moved, errors=self.message, always=self._done)

    def _done(self) -> None:
        self.busy = False
        self._update_move()

    def _moved(self, done: FinalBackup) -> None:
        self.moved.emit(done)
        self.accept()

    def result_text(self, done: FinalBackup) -> str:
        """What the window says once the shop moved."""
        return self.tr(
            "Final backup written to {path} ({size}). This computer now keeps the shop for "
            "reading only. On the new computer, choose \"Restore a backup from another "
            "computer\" at the first start and open this file.").format(
            path=done.path, size=file_size_text(done.size))
