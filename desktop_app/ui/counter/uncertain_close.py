"""Closing Voucher Shop while a scan is "Not certain": asked first (QA s39b F17). The counter
finds out by itself what became of such a scan once the server answers, and protects a
re-scan meanwhile; closed, it can do neither, and the next start knows nothing of it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.counter.redemption_tab import RedemptionTab


def ask_before_closing(parent: QWidget, tab: RedemptionTab | None,
                       close_anyway: Callable[[], object]) -> QMessageBox | None:
    """The question, shown, when a scan of ``tab`` waits for the server; None otherwise."""
    codes = tab.counter.lost.waiting_codes() if tab is not None else []
    if not codes:
        return None
    return ask_to_confirm(
        parent, QCoreApplication.translate("MainWindow", "A scan is not certain yet"),
        QCoreApplication.translate(
            "MainWindow", "The shop's server has not said yet whether {codes} was redeemed. "
            "Keep Voucher Shop open and it shows what happened as soon as the server answers. "
            "If you close it now, look the voucher up before redeeming it again or handing "
            "anything over.").format(codes=", ".join(codes)),
        QCoreApplication.translate("MainWindow", "Close anyway"), close_anyway,
        keep=QCoreApplication.translate("MainWindow", "Keep it open"))
