"""Tables of the Reports tab: a report's rows (columns from the report itself), the attempts
behind one row, and the customers to call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.core.dates import local_time, valid_until_text
from desktop_app.core.report_tables import CALL_COLUMNS, GIFTCARD_COLUMNS, RedemptionDetail
from desktop_app.core.report_tables import Column as ReportColumn
from desktop_app.core.text import printable
from desktop_app.messages.labels import empty_group_label
from desktop_app.messages.report_words import (  # the tab imports them from here
    COLUMN_TITLES as COLUMN_TITLES,
)
from desktop_app.messages.report_words import (
    SECTION_TITLES as SECTION_TITLES,
)
from desktop_app.messages.verdict_texts import headline
from desktop_app.ui.display import count_text, method_label, money
from desktop_app.ui.tables import LEFT, RIGHT, Column, RowTableModel
from desktop_app.ui.widgets import ERROR_COLOR

CONTEXT = "ReportsTab"


def tr(text: str) -> str:
    """A word kept in a table of ``messages.report_words`` (QT_TRANSLATE_NOOP), in the tab's
    language."""
    return QCoreApplication.translate(CONTEXT, text)


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` under the name lupdate reads with its literal context."""
    return QCoreApplication.translate(context, text)


def column_title(key: str, by: str = "") -> str:
    return tr(COLUMN_TITLES.get(by if key == "group" else key, key))


def headers(by: str) -> dict[str, str]:
    """Translated column names for a file, the group column named after its grouping."""
    return {key: column_title(key, by) for key in COLUMN_TITLES}


def cell_text(column: ReportColumn, value: Any, currency: str, by: str = "") -> str:
    if value is None or value == "":
        if column.key != "group":
            return ""
        return empty_group_label(by)
    if column.kind == "money":
        return money(int(value), currency)
    if column.kind == "int":
        return count_text(int(value))
    if column.kind == "datetime" and isinstance(value, dt.datetime):
        # Until when a voucher works as its print says it (QA s20b F1: the date alone, and
        # the voucher was refused on that day)
        return valid_until_text(value) if column.key == "valid_until" else local_time(value)
    if column.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if column.kind == "bool":
        return translate("ReportsTab", "Yes") if value else ""
    if column.key == "group" and by == "method":
        return method_label(str(value))
    return str(value)


def _sort(column: ReportColumn) -> Any:
    def key(row: dict[str, Any]) -> Any:
        value = row[column.key]
        if column.kind in ("int", "money", "bool"):
            return -1 if value is None else int(value)
        return str(value or "").casefold()
    return key


class ReportTableModel(RowTableModel[dict[str, Any]]):
    """Any report's rows; ``set_report`` sets its columns too."""

    stretch = 0  # the column that takes the room left: the product's (its name), else the first

    def columns(self) -> list[Column[dict[str, Any]]]:
        return []

    _keys: tuple[str, ...] = ()

    def set_columns(self, columns: tuple[ReportColumn, ...], currency: str, by: str = "") -> None:
        keys = [c.key for c in columns]
        self.stretch = keys.index("product") if "product" in keys else 0
        self.beginResetModel()
        self._keys = tuple(c.key for c in columns)
        self._columns = [self._column(c, currency, by) for c in columns]
        self._rows = []
        self.endResetModel()

    def widest_rows(self) -> dict[int, int]:
        """Per column, the row of its longest value (the most digits, the longest name), read
        from the plain rows: a table fitted on a sample of its rows widens to it (QA s20a F2)."""
        rows = self._rows

        def longest(key: str) -> int:
            return max(range(len(rows)), key=lambda i: len(str(rows[i][key] or "")))

        return {column: longest(key) for column, key in enumerate(self._keys)} if rows else {}

    def _column(self, column: ReportColumn, currency: str, by: str) -> Column[dict[str, Any]]:
        numeric = column.kind in ("int", "money")
        color = _low_stock_color if column.key in ("low", "unsold") else None

        def text(row: dict[str, Any]) -> str:
            return cell_text(column, row[column.key], currency, by)

        return Column(column_title(column.key, by), text, _sort(column),
                      RIGHT if numeric else LEFT, color=color)


def _low_stock_color(row: dict[str, Any]) -> str | None:
    return ERROR_COLOR if row.get("low") else None


class DetailTableModel(RowTableModel[RedemptionDetail]):
    currency = ""  # the report's: set with the rows

    def set_details(self, details: list[RedemptionDetail], currency: str) -> None:
        self.currency = currency
        self.set_rows(details)

    def _amount(self, detail: RedemptionDetail) -> str:
        return "" if detail.amount_cents is None else money(detail.amount_cents, self.currency)

    def columns(self) -> list[Column[RedemptionDetail]]:
        return [
            Column(translate("ReportsTab", "Time"), lambda r: local_time(r.at), lambda r: r.at),
            Column(translate("ReportsTab", "Operator"), lambda r: r.operator),
            Column(translate("ReportsTab", "Station"), lambda r: r.station),
            # text that named no voucher (a typo, a foreign code): what was typed (QA s11b F9)
            Column(translate("ReportsTab", "Voucher"), lambda r: r.code or printable(r.scanned),
                   mono=True),
            Column(translate("ReportsTab", "Product"), lambda r: r.product),
            Column(translate("ReportsTab", "Amount"), self._amount,
                   lambda r: r.amount_cents or 0, RIGHT),
            Column(translate("ReportsTab", "Customer"), lambda r: r.customer),
            Column(translate("ReportsTab", "Result"), _result_text,
                   color=lambda r: None if r.ok else ERROR_COLOR),
            Column(translate("ReportsTab", "Note"), lambda r: r.note),
        ]


def _result_text(detail: RedemptionDetail) -> str:
    if detail.reason == "undone":
        return translate("ReportsTab", "Undone")
    if detail.undone:  # the use was given back since: the row below the undo says by whom
        return translate("ReportsTab", "Redeemed, undone since")
    return headline(detail.reason)


def call_columns() -> tuple[ReportColumn, ...]:
    return CALL_COLUMNS


SECTION_COLUMNS = {"to_call": CALL_COLUMNS, "giftcards": GIFTCARD_COLUMNS}
BREAKAGE_COLUMNS = (ReportColumn("breakage_cards", "int"), ReportColumn("breakage", "money"))
