"""Verify database: every check of ``audit.verify_database``, each problem in plain words."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import (
    audit,
    dialect,
    integrity,
    live_folder,
    live_server,
    rollback_reopens,
)
from desktop_app.core.store import Shop
from desktop_app.messages.verify_texts import summary_text, verify_problem_lines
from desktop_app.ui.display import failure_text
from desktop_app.ui.tasks import run_in_background, run_long_read
from desktop_app.ui.widgets import (
    ERROR_COLOR,
    MARGIN,
    SPACING,
    SUCCESS_COLOR,
    HeaderBar,
    fit_to_screen,
    frame_with_header,
    grow_to_fit,
    hint_label,
    scaled_font,
)

log = logging.getLogger(__name__)

TOOLTIP_LINES = 20  # of SQLite's own lines for a damaged file: hundreds, all alike


def acknowledge_question(problems: list[str], live_elsewhere: Path | None = None,
                         reopened: rollback_reopens.Reopened | None = None, *,
                         server: bool = False) -> str:
    """What the owner is asked before the shop works again; for a rollback, what that
    re-opens first (QA: it said nothing, and a voucher used in the lost records redeemed
    again); in a copy, that the live folder would stop. ``server``: a shop on a server,
    which keeps no backups of the app's own: its newest pg_dump is where to look."""
    question = QCoreApplication.translate(
        "VerifyDialog", "Why may the shop work again? (recorded in the audit log with what "
        "was found)")
    if live_elsewhere is not None:
        question = QCoreApplication.translate(
            "VerifyDialog", "This computer last worked with this shop in {folder}, not here. "
            "Acknowledging makes this copy the shop on this computer, and {folder} stops: do "
            "it only if that folder is gone or older.").format(folder=live_elsewhere) + (
            "\n\n" + question)
    if not rollback_reopens.reopens_vouchers(problems):
        return question
    if reopened is not None:  # the CLI's count, here too (QA s12d F7)
        question = QCoreApplication.translate(
            "VerifyDialog", "{folder} holds redemptions this shop's data lacks ({count}): "
            "acknowledging makes those vouchers redeemable again.").format(
                folder=reopened.found_in, count=reopened.redemptions) + "\n\n" + question
    if server:
        return QCoreApplication.translate(
            "VerifyDialog", "The shop will work on the server's database as it is now. "
            "Vouchers redeemed in the records that were lost look unused again and can be "
            "redeemed a second time: check the latest redemptions first (receipts, the "
            "Redemption tab's list at each counter, the server's newest pg_dump).") + (
            "\n\n" + question)
    return QCoreApplication.translate(
        "VerifyDialog", "The shop will work on its data as it is now. Vouchers redeemed in "
        "the records that were lost look unused again and can be redeemed a second time: "
        "check the latest redemptions (receipts, the newest backup) first.") + "\n\n" + question


class VerifyDialog(QDialog):
    """Runs every check ``verify`` runs, in the background, and says plainly how it went.
    Problems found put the shop on hold; an owner may acknowledge them with a reason."""

    integrity_changed = Signal()  # the shop went on hold, or the hold was lifted

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.on_server = dialect.is_server(shop.db)  # no folder; pg_restore, not Restore
        self.running = False
        self.problems: list[str] | None = None
        self.acknowledge_box: QInputDialog | None = None
        self.setWindowTitle(self.tr("Verify database"))
        fit_to_screen(self, 600, 380)
        self._build()
        self.run()

    def _build(self) -> None:
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedHeight(10)
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self.heading, 1.3, bold=True))
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problem_list = QListWidget(self)
        self.problem_list.setWordWrap(True)
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.hide()
        self.again_button = QPushButton(self.tr("Check again"), self)
        self.again_button.clicked.connect(self.run)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), self)
        self.acknowledge_button.setToolTip(self.tr(
            "Record what was found, with your reason, in the audit log and let the shop "
            "work again. Restoring a good backup is the other way.") if not self.on_server
            else self.tr("Record what was found, with your reason, in the audit log and let "
                         "the shop work again. Putting the newest pg_dump back is the other "
                         "way."))
        self.acknowledge_button.clicked.connect(self._ask_acknowledge)
        self.acknowledge_button.hide()
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.acknowledge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(self.tr("Close"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        for widget in (self.heading, self.busy_bar, self.summary, self.problem_list):
            body.addWidget(widget)
        body.addStretch(1)
        body.addWidget(hint_label(self._hint(), self))
        body.addWidget(buttons)
        frame_with_header(self, HeaderBar(self.tr("Verify database"), "", self), body)

    def _hint(self) -> str:
        if self.on_server:
            return self.tr(
                "Checks the audit log's chain on the server, every voucher's uses against its "
                "redemptions, and the record of the latest audit entry kept on this computer. "
                "Problems found stop redeeming and every change at this counter until an owner "
                "puts the newest pg_dump back or acknowledges them.")
        return self.tr(
            "Checks the encrypted pages of the database file, its structure, the audit log's "
            "chain, every voucher's uses against its redemptions, and the record of the latest "
            "audit entry kept beside the database, on this computer and beside the backups. "
            "Problems found stop redeeming and every change until an owner restores a good "
            "backup or acknowledges them.")

    def run(self) -> None:
        if self.running:
            return
        shop = self.shop
        self._set_running(True)
        # The long read on its own thread, so scans at this PC go on (QA s14b N1); the
        # evidence and the hold after it, on the worker, in order with the scans.
        run_long_read(self, lambda: audit.verify_shop_data(shop), shop.db,
                      on_success=self._check_evidence, on_failure=self._failed)

    def _check_evidence(self, found: list[str]) -> None:
        shop = self.shop
        run_in_background(self, lambda: audit.verify_shop_evidence(shop, found),
                          on_success=self._checked, on_failure=self._failed)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.busy_bar.setVisible(running)
        self.again_button.setEnabled(not running)
        if running:
            self.heading.setStyleSheet("")
            self.heading.setText(self.tr("Checking the database…"))
            # Half a minute on a shop of three years (QA s20a F5), not "a few seconds".
            self.summary.setText(self.tr(
                "This can take a minute on a shop with years of history; the counter keeps "
                "working meanwhile."))
            self.problem_list.hide()

    def _checked(self, problems: list[str]) -> None:
        self._set_running(False)
        self.problems = list(problems)
        self.integrity_changed.emit()
        self.acknowledge_button.setVisible(bool(problems) and self.shop.is_owner)
        if not problems:
            self.heading.setStyleSheet(f"color: {SUCCESS_COLOR};")
            self.heading.setText(self.tr("✓ All checks passed"))
            self.summary.setText(self.tr(
                "The shop's database on the server, the audit log's chain, every voucher's "
                "uses and the record kept on this computer all agree.") if self.on_server
                else self.tr("The database file, its structure, the audit log, every "
                             "voucher's uses and the record kept beside the database all "
                             "agree."))
            return
        log.warning("verify found %d problem(s): %s", len(problems), problems[:5])
        self.heading.setStyleSheet(f"color: {ERROR_COLOR};")
        facts = live_server.hold_facts(self.shop)
        lines = verify_problem_lines(problems, server=self.on_server, facts=facts)
        self.heading.setText(self.tr("✗ Problems found: {count}").format(count=len(lines)))
        self.summary.setText(summary_text(facts, server=self.on_server) or "")
        self.problem_list.clear()
        # One line per kind of damage; the raw lines in the tooltip (and the log above).
        raw = "\n".join(problems[:TOOLTIP_LINES]) + ("\n…" if len(problems) > TOOLTIP_LINES
                                                     else "")
        for text in lines:
            item = QListWidgetItem(text)
            item.setToolTip(raw)
            self.problem_list.addItem(item)
        self.problem_list.show()
        grow_to_fit(self)  # the summary whole above the list (QA s39a F17: its end was cut)

    def _ask_acknowledge(self) -> None:
        """Counts what a rollback's acknowledgement re-opens (another folder's database is
        read: off the GUI thread), then asks."""
        shop, problems = self.shop, list(self.problems or [])
        self.acknowledge_button.setEnabled(False)
        run_in_background(self, lambda: rollback_reopens.count_reopened(shop)
                          if rollback_reopens.reopens_vouchers(problems) else None,
                          on_success=self._ask_with, on_failure=lambda _exc: self._ask_with(None))

    def _ask_with(self, reopened: rollback_reopens.Reopened | None) -> None:
        self.acknowledge_button.setEnabled(True)
        live = live_folder.elsewhere(integrity.witness_root(), self.shop.shop_id,
                                     self.shop.data_dir)
        box = QInputDialog(self)
        box.setWindowTitle(self.tr("Acknowledge the problems"))
        box.setLabelText(acknowledge_question(self.problems or [], live, reopened,
                                         server=self.on_server))
        for label in box.findChildren(QLabel):  # a long folder ran past a 1024-wide screen
            label.setWordWrap(True)
        box.setMaximumWidth(640)
        box.textValueSelected.connect(
            lambda reason: self.acknowledge(reason) if reason.strip() else None)
        self.acknowledge_box = box
        box.open()

    def acknowledge(self, reason: str) -> None:
        shop, found = self.shop, list(self.problems or [])
        self._set_running(True)
        run_in_background(self, lambda: audit.acknowledge(shop, reason, found),
                          on_success=self._acknowledged, on_failure=self._failed)

    def _acknowledged(self, _recorded: list[str]) -> None:
        self.integrity_changed.emit()
        self._set_running(False)
        self.run()

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        self.problems = None
        self.heading.setStyleSheet(f"color: {ERROR_COLOR};")
        self.heading.setText(self.tr("The check could not run"))
        self.summary.setText(failure_text(exc))

    def problem_texts(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

