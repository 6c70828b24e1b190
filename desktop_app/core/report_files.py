"""A report written as a file: CSV (UTF-8 with a BOM, formula-safe text; the header, the rows,
a totals row naming the days, then each section after a blank line) or XLSX (a title row with
the days, a bold frozen header, real numbers and dates, a bold totals row, column widths; a
sheet per section), atomically and audited."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_app.core.dates import local_seconds, local_time
from desktop_app.core.errors import InvalidInput
from desktop_app.core.fileio import check_writable
from desktop_app.core.money import CURRENCY_SYMBOLS, money_text
from desktop_app.core.report_tables import CALL_COLUMNS, GIFTCARD_COLUMNS, Column, Report
from desktop_app.core.reports import csv_bytes, spreadsheet_safe, write_export
from desktop_app.core.store import Shop

FORMATS = (".csv", ".xlsx")
SECTION_COLUMNS: dict[str, tuple[Column, ...]] = {"to_call": CALL_COLUMNS,
                                                  "giftcards": GIFTCARD_COLUMNS}


def json_value(column: Column, value: Any) -> Any:
    """Money as a decimal string, days as ISO dates, moments as local ISO times with their
    offset (``2027-01-30T15:00:00+08:00``), the rest as it is."""
    if column.kind == "money":
        return money_text(int(value))
    if column.kind == "datetime" and isinstance(value, dt.datetime):
        return value.astimezone().isoformat(timespec="seconds")
    if column.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_rows(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{c.key: json_value(c, row[c.key]) for c in columns} for row in rows]


def total_column(columns: tuple[Column, ...], key: str) -> Column:
    """The column a total is of; one without a column is money when its name says so
    (``breakage``), a count otherwise."""
    by_key = {c.key: c for c in columns}
    return by_key.get(key, Column(key, "money" if key in ("breakage",) else "int"))


def json_totals(columns: tuple[Column, ...], totals: Mapping[str, Any]) -> dict[str, Any]:
    """Totals keyed like their columns."""
    return {k: json_value(total_column(columns, k), v) for k, v in totals.items()}


def report_json(report: Report) -> dict[str, Any]:
    """What ``report --json`` prints after ``"ok": true``: a section with totals of its own
    (liability's ``giftcards``) as ``{"rows": [...], "totals": {...}}``, like the report."""
    totals = json_totals(report.columns, report.totals)
    data: dict[str, Any] = {"report": report.name, "by": report.by, "currency": report.currency,
                            "from": report.start.isoformat() if report.start else None,
                            "to": report.end.isoformat() if report.end else None,
                            "rows": json_rows(report.columns, report.rows), "totals": totals}
    for name, rows in report.sections.items():
        columns = SECTION_COLUMNS.get(name, ())
        data[name] = json_rows(columns, rows)
        if name in report.section_totals:
            data[name] = {"rows": data[name],
                          "totals": json_totals(columns, report.section_totals[name])}
    return data


@dataclass(frozen=True)
class FileWords:
    """The words a file is written in. Core translates nothing: the Reports tab passes the
    words its screen shows, the command line its own; left out, a file keeps the stored keys
    (``group``, ``card``), as ``--json`` has them."""

    headers: Mapping[str, str] = field(default_factory=dict)  # column key -> its name
    sheets: Mapping[str, str] = field(default_factory=dict)  # report or section -> sheet name
    methods: Mapping[str, str] = field(default_factory=dict)  # payment method code -> word
    no_voucher: str = ""  # the product group of attempts that named no voucher; "" keeps ""
    not_recorded: str = ""  # the operator or station of sales from before they were recorded
    yes: str | None = None  # a true "low" as the screen says it (false: blank); None: TRUE/FALSE
    total: str = "total"  # the label of the totals row; a script's file keeps ``total``
    title: str = ""  # the first row of each sheet; the report, grouping and days when empty


PER_DAY_TABLES = ("redemptions", "sales")  # reports whose main table adds up chosen days


def days_text(report: Report) -> str:
    """``2026-11-01 – 2026-11-30``: the days a report covers; empty for one as of now."""
    if report.start is None or report.end is None:
        return ""
    return f"{report.start.isoformat()} – {report.end.isoformat()}"


def as_of_text(report: Report) -> str:
    """When a report counted as of now was read, in local time (``2026-12-01 10:15``); ""
    for one that adds up chosen days."""
    return "" if report.name in PER_DAY_TABLES else local_time(report.as_of)


def _title(report: Report, words: FileWords) -> str:
    """The heading row: ``sales method 2026-11-01 – 2026-11-30``; a report counted as of now
    adds the moment it was read (``stock product 2026-12-01 10:15``)."""
    return words.title or " ".join(
        t for t in (report.name, report.by, days_text(report), as_of_text(report)) if t)


def _text(report: Report, column: Column, value: Any, words: FileWords) -> str:
    """A text cell as the screen shows it: a payment method as its word."""
    if column.key == "group" and report.by == "method" and value is not None:
        return words.methods.get(str(value), str(value))
    if column.key == "group" and report.by == "product" and value in (None, ""):
        return words.no_voucher
    if column.key == "group" and report.by in ("operator", "station") and value in (None, ""):
        return words.not_recorded
    return "" if value is None else str(json_value(column, value))


def _csv_cell(report: Report, column: Column, value: Any, words: FileWords) -> object:
    if column.kind == "datetime" and isinstance(value, dt.datetime):
        return local_seconds(value)  # local, to the second, as the redemptions export has it
    if column.kind in ("text", "date"):
        return spreadsheet_safe(_text(report, column, value, words))
    if column.kind == "bool":
        if words.yes is not None:
            return words.yes if value else ""
        return "true" if value else "false"
    return json_value(column, value)


def shown_totals(columns: tuple[Column, ...], totals: Mapping[str, Any]) -> dict[str, Any]:
    """The totals under a column of figures, as the screen's totals line has them (a count
    of "low" rows is not one: that column says yes or no)."""
    return {c.key: totals[c.key] for c in columns
            if c.key in totals and c.kind in ("int", "money")}


def report_csv(report: Report, words: FileWords | None = None) -> bytes:
    """The report's main table as CSV: the header first, the rows, then one totals row whose
    first cell names the days it covers (``Total 2026-11-01 – 2026-11-30``). Each section
    follows it as the workbook's sheets do (liability's customers to call and gift-card
    balances: QA, the CSV had no balances), after a blank line, so a script that reads the
    first table up to it reads the same lines as before: its title, its header, its rows and
    its totals."""
    words = words or FileWords()
    names = tuple(words.headers.get(c.key, c.key) for c in report.columns)
    rows = [[_csv_cell(report, c, row[c.key], words) for c in report.columns]
            for row in report.rows]
    totals = shown_totals(report.columns, report.totals)
    # Outstanding vouchers are counted as of now; only their breakage has days (QA).
    days = days_text(report) if report.name in PER_DAY_TABLES else ""
    label = " ".join(t for t in (words.total, days) if t)
    rows.append(_csv_totals(report.columns, totals, label))
    for name, section in report.sections.items():
        rows += _csv_section(report, name, section, report.section_totals.get(name), words)
    return csv_bytes(names, rows)


def _csv_totals(columns: tuple[Column, ...], totals: Mapping[str, Any],
                label: str) -> list[object]:
    """The totals row: ``label`` first, each total under its column."""
    return [spreadsheet_safe(label) if i == 0 else
            json_value(c, totals[c.key]) if c.key in totals else ""
            for i, c in enumerate(columns)]


def _csv_section(report: Report, name: str, rows: list[dict[str, Any]],
                 totals: Mapping[str, Any] | None, words: FileWords) -> list[list[object]]:
    """A section after a blank line: its title (the sheet's name in the workbook), its header,
    its rows, its totals; a total with no column of its own (the gift cards' breakage) on a
    row of its own, named and valued, as in the workbook."""
    columns = SECTION_COLUMNS.get(name, ())
    lines: list[list[object]] = [
        [], [spreadsheet_safe(words.sheets.get(name, name))],
        [spreadsheet_safe(words.headers.get(c.key, c.key)) for c in columns]]
    lines += [[_csv_cell(report, c, row[c.key], words) for c in columns] for row in rows]
    if totals is not None:
        lines.append(_csv_totals(columns, shown_totals(columns, totals), words.total))
        keys = {c.key for c in columns}
        lines += [[spreadsheet_safe(words.headers.get(key, key)),
                   json_value(total_column(columns, key), value)]
                  for key, value in totals.items() if key not in keys]
    return lines


SHEET_NAME_MAX = 31  # Excel's limit, and the characters it refuses
_SHEET_NAME_REFUSED = str.maketrans({ch: "-" for ch in "[]:*?/\\"})


def sheet_name(title: str, taken: set[str]) -> str:
    """``title`` as Excel takes a sheet name: no ``[]:*?/\\``, no leading or trailing
    apostrophe, 31 characters at most, and unlike the sheets ``taken`` (case ignored)."""
    base = title.translate(_SHEET_NAME_REFUSED).strip("' ")[:SHEET_NAME_MAX] or "Sheet"
    name, number = base, 1
    while name.casefold() in {t.casefold() for t in taken}:
        number += 1
        suffix = f" {number}"
        name = base[:SHEET_NAME_MAX - len(suffix)] + suffix
    taken.add(name)
    return name


class _Sheet:
    """One worksheet: a title row, the bold frozen header, the rows, then the totals."""

    def __init__(self, book: Any, name: str, report: Report, columns: tuple[Column, ...],
                 words: FileWords) -> None:
        self.sheet = book.add_worksheet(name)
        self.report, self.columns, self.words = report, columns, words
        self.bold = book.add_format({"bold": True})
        money = money_format(report.currency)
        self.sign = currency_sign(report.currency)  # to make a column as wide as it shows
        self.formats = {"money": book.add_format({"num_format": money}),
                        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
                        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"})}
        self.bold_money = book.add_format({"bold": True, "num_format": money})
        self.widths = [10] * len(columns)
        self.line = 0

    def write(self, rows: list[dict[str, Any]], totals: Mapping[str, Any] | None) -> None:
        self.sheet.write_string(0, 0, _title(self.report, self.words), self.bold)
        for col, column in enumerate(self.columns):
            name = self.words.headers.get(column.key, column.key)
            self.sheet.write_string(1, col, name, self.bold)
            self.widths[col] = max(self.widths[col], _width(name))
        self.line = 2
        for row in rows:
            for col, column in enumerate(self.columns):
                self._cell(col, column, row[column.key])
            self.line += 1
        if totals is not None:
            self._totals(totals)
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)
        self.sheet.freeze_panes(2, 0)

    def _cell(self, col: int, column: Column, value: Any) -> None:
        sheet, line = self.sheet, self.line
        if column.kind == "money":
            sheet.write_number(line, col, Decimal(int(value)) / 100, self.formats["money"])
            value = self._money_shown(int(value))
        elif column.kind == "int" and isinstance(value, int):
            sheet.write_number(line, col, value)
        elif column.kind == "datetime" and isinstance(value, dt.datetime):
            # naive (a workbook's times are), to the second as in the CSV
            local = value.astimezone().replace(tzinfo=None, microsecond=0)
            sheet.write_datetime(line, col, local, self.formats["datetime"])
            value = local_time(value)  # its width
        elif column.kind == "date" and isinstance(value, dt.date):
            sheet.write_datetime(line, col, dt.datetime.combine(value, dt.time()),
                                 self.formats["date"])
        elif column.kind == "bool" and self.words.yes is None:
            sheet.write_boolean(line, col, bool(value))
        elif column.kind == "bool":
            value = self._text_cell(col, (self.words.yes or "") if value else "")
        else:
            value = self._text_cell(col, _text(self.report, column, value, self.words))
        self.widths[col] = min(60, max(self.widths[col], _width(str(value)) + 2))

    def _text_cell(self, col: int, text: str) -> str:
        """Text as text (a formula's look-alike too); nothing, as no cell at all, the way the
        totals row leaves one: a cell holding "" is text to Excel (QA s17a F8: an unset
        low-stock level, a stock that is not low)."""
        if text:
            self.sheet.write_string(self.line, col, text)
        return text

    def _totals(self, totals: Mapping[str, Any]) -> None:
        """The totals row in bold under its columns; a total with no column of its own
        (the gift cards' breakage) on a row of its own below, named and valued."""
        self.sheet.write_string(self.line, 0, self.words.total, self.bold)
        shown = shown_totals(self.columns, totals)
        for col, column in enumerate(self.columns):
            if column.key in shown:
                self._figure(self.line, col, column, shown[column.key])
        keys = {c.key for c in self.columns}
        for key, value in totals.items():
            if key not in keys:
                self.line += 1
                self.sheet.write_string(self.line, 0, self.words.headers.get(key, key))
                self._figure(self.line, 1, total_column(self.columns, key), value)

    def _money_shown(self, cents: int) -> str:
        return f"{self.sign}{Decimal(cents) / 100:,.2f}"

    def _figure(self, line: int, col: int, column: Column, value: Any) -> None:
        if column.kind == "money":
            self.sheet.write_number(line, col, Decimal(int(value)) / 100, self.bold_money)
            width = _width(self._money_shown(int(value))) + 2
            self.widths[col] = min(60, max(self.widths[col], width))
        else:
            self.sheet.write_number(line, col, int(value), self.bold)


def money_format(currency: str) -> str:
    """The number format of a workbook's money cells: the amount with the shop's currency as
    the screen writes it (``"€"#,##0.00``; one without a sign by its code, ``"CHF "#,##0.00``),
    the cell still a number (QA s20b F2: plain ``#,##0.00`` left euros and yuan alike)."""
    return f'"{currency_sign(currency)}"#,##0.00'


def currency_sign(currency: str) -> str:
    """``€`` for EUR; a currency without a sign of its own, its code and a space."""
    return CURRENCY_SYMBOLS.get(currency, currency + " ")


def _width(text: str) -> int:
    """Characters wide, counting a Chinese character as two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def report_xlsx(report: Report, words: FileWords | None = None) -> bytes:
    """The report as a workbook: its table first, then a sheet per section (liability's
    customers to call and gift cards), each named in ``words``' language."""
    import xlsxwriter  # here: only exports need it

    words = words or FileWords()
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    taken: set[str] = set()
    _Sheet(book, sheet_name(words.sheets.get(report.name, report.name), taken), report,
           report.columns, words).write(report.rows, report.totals)
    for name, rows in report.sections.items():
        _Sheet(book, sheet_name(words.sheets.get(name, name), taken), report,
               SECTION_COLUMNS.get(name, ()), words).write(rows, report.section_totals.get(name))
    book.close()
    return buffer.getvalue()


def check_output(path: Path) -> Path:
    if path.suffix.lower() not in FORMATS:
        raise InvalidInput(field="out", problem="format", allowed=", ".join(FORMATS))
    return check_writable(path)


def write_report(shop: Shop, report: Report, path: Path,
                 words: FileWords | None = None) -> Path:
    """Write ``report`` as CSV or XLSX by the file's extension; the export is audited, and
    like every export it works on a held shop."""
    path = check_output(Path(path))
    if path.suffix.lower() == ".xlsx":
        data = report_xlsx(report, words)
    else:
        data = report_csv(report, words)
    write_export(shop, path, data, f"report_{report.name}", by=report.by,
                 rows=len(report.rows), format=path.suffix.lower().lstrip("."),
                 start=report.start.isoformat() if report.start else None,
                 end=report.end.isoformat() if report.end else None)
    return path
