"""How the app writes things for people: money, dates and times, core's codes as words,
and a failed task's message. Screens and printed vouchers both use these, so a date or a
price reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton

from desktop_app.core.dates import last_valid_day, local_day, local_today
from desktop_app.core.errors import ShopError, ShopMoved
from desktop_app.i18n import QT_TRANSLATE_NOOP, label
from desktop_app.messages import error_message, labels, unexpected_error_message
from desktop_app.ui.widgets import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

if TYPE_CHECKING:
    from desktop_app.core.orders import OrderRow
    from desktop_app.core.products import ProductDetail
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

# Words the command line shows too, kept in messages.labels; the app reads them from here.
KIND_LABELS = labels.KIND_LABELS
STATUS_LABELS = labels.STATUS_LABELS
amount_text = labels.amount_text
kind_label = labels.kind_label
method_label = labels.method_label
money = labels.money
status_label = labels.status_label

UNLIMITED = "∞"

# --- words for core's codes -----------------------------------------------------------------

KEY_STATE_LABELS = {
    "unsold": QT_TRANSLATE_NOOP("labels", "Unsold"),
    "sold": QT_TRANSLATE_NOOP("labels", "Sold"),
    "returned": QT_TRANSLATE_NOOP("labels", "Returned"),
    "faulty": QT_TRANSLATE_NOOP("labels", "Faulty"),
}
STATUS_COLORS = {"unpaid": WARNING_COLOR, "paid": SUCCESS_COLOR, "refunded": "#6b7280",
                 "cancelled": "#6b7280"}
KEY_STATE_COLORS = {"unsold": SUCCESS_COLOR, "sold": "#374151", "returned": WARNING_COLOR,
                    "faulty": ERROR_COLOR}


def _label(table: dict[str, str], key: str | None) -> str:
    return label("labels", table, key or "")


def key_state_label(state: str) -> str:
    return _label(KEY_STATE_LABELS, state)


def count_text(count: int) -> str:
    """49600 → ``49,600``: a count in the UI language's style (the default QLocale follows
    it), grouped like the money beside it, also where the system's locale is C."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(count)


BREAK_EVERY = 24  # characters of a run without a space before a line may break inside it
_BREAK = "\u200b"  # a zero-width space: where Qt may wrap a word, drawn as nothing


def breakable(text: str, every: int = BREAK_EVERY) -> str:
    """``text`` whose runs of more than ``every`` characters without a space may wrap: a
    word-wrapped label is at least as wide as its longest word, and a product named by a
    150-letter SKU or URL widened the counter's window past the screen (QA s11a F5)."""
    return " ".join(
        _BREAK.join(word[i:i + every] for i in range(0, len(word), every))
        if len(word) > every else word for word in text.split(" "))


def breakable_path(path: str) -> str:
    """``path`` that may wrap after each folder's separator, a long name inside too: wrapped
    as a plain word it broke in the middle of a folder's name, or widened the label (QA s43a
    F1, F8)."""
    marked = path.replace("/", "/" + _BREAK).replace("\\", "\\" + _BREAK)
    return _BREAK.join(breakable(part) for part in marked.split(_BREAK))


def short_time(moment: dt.datetime) -> str:
    """This year's times without the year (a list scans faster); older ones by their day."""
    local = moment.astimezone()
    if local.year == local_today().year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d")




def validity_label(row: ProductDetail) -> str:
    if row.kind == "goods":
        return "—"  # handed over at the sale: nothing to expire
    if row.valid_until is not None:
        start = local_day(row.valid_from) if row.valid_from else ""
        end = last_valid_day(row.valid_until)
        if start:
            return QCoreApplication.translate("labels", "{start} to {end}").format(
                start=start, end=end)
        return QCoreApplication.translate("labels", "Until {end}").format(end=end)
    if row.valid_days:
        return days_text(row.valid_days)
    if row.valid_from is not None:
        return QCoreApplication.translate("labels", "From {start}").format(
            start=local_day(row.valid_from))
    return QCoreApplication.translate("labels", "No expiry")


def days_text(days: int) -> str:
    if days == 1:
        return QCoreApplication.translate("labels", "1 day")
    return QCoreApplication.translate("labels", "{days} days").format(days=days)


def stock_label(stock: int | None) -> str:
    return UNLIMITED if stock is None else count_text(stock)


def failure_text(exc: BaseException) -> str:
    """What the user reads when a task failed: core's words, or a plain apology (logged)."""
    if isinstance(exc, ShopError):
        log.info("refused: %s %s", exc.code, exc.params)
        return error_message(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return unexpected_error_message()


def customer_text(row: OrderRow) -> str:
    if row.customer_name or row.customer_phone:
        return " · ".join(part for part in (row.customer_name, row.customer_phone) if part)
    return batch_label() if row.is_batch else ""


def batch_label() -> str:
    """What the orders list says for a batch order sold to no one in particular."""
    return QCoreApplication.translate("labels", "Batch")


def writable(shop: Shop) -> bool:
    """False for a shop that moved away (to a server, or another computer by a final
    backup): kept in this folder for reading only."""
    return shop.moved_to is None


def keep_read_only(shop: Shop, *buttons: QAbstractButton) -> None:
    """A moved shop's buttons that change it stay off, their tooltip saying why, rather than
    refusing at Save after a whole form was filled (QA s39a F24). Their own updates keep
    them off with ``writable``."""
    if writable(shop):
        return
    reason = error_message(ShopMoved(**shop.moved_to or {}))
    for button in buttons:
        button.setEnabled(False)
        button.setToolTip(reason)
