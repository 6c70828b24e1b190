"""A report written as a file: CSV (UTF-8 with a BOM, formula-safe text) or XLSX (real
numbers and dates, bold header, frozen first row, column widths), atomically and audited."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_app.core import audit
from desktop_app.core.errors import InvalidInput
from desktop_app.core.fileio import atomic_write_bytes, check_writable
from desktop_app.core.money import money_text
from desktop_app.core.report_tables import CALL_COLUMNS, GIFTCARD_COLUMNS, Column, Report
from desktop_app.core.reports import csv_bytes, spreadsheet_safe
from desktop_app.core.store import Shop

FORMATS = (".csv", ".xlsx")
SECTION_COLUMNS: dict[str, tuple[Column, ...]] = {"to_call": CALL_COLUMNS,
                                                  "giftcards": GIFTCARD_COLUMNS}


def json_value(column: Column, value: Any) -> Any:
    """Money as a decimal string, days as ISO dates, the rest as it is."""
    if column.kind == "money":
        return money_text(int(value))
    if column.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_rows(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{c.key: json_value(c, row[c.key]) for c in columns} for row in rows]


def json_totals(columns: tuple[Column, ...], totals: Mapping[str, Any]) -> dict[str, Any]:
    """Totals keyed like their columns; a total without a column is money when its name says
    so (``breakage``), a count otherwise."""
    by_key = {c.key: c for c in columns}
    money = {"breakage"}
    return {k: json_value(by_key.get(k, Column(k, "money" if k in money else "int")), v)
            for k, v in totals.items()}


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


def _csv_cell(column: Column, value: Any) -> object:
    if column.kind in ("text", "date"):
        return spreadsheet_safe(json_value(column, value))
    if column.kind == "bool":
        return "true" if value else "false"
    return json_value(column, value)


def report_csv(report: Report, headers: Mapping[str, str] | None = None) -> bytes:
    """The report's main table as CSV; ``headers`` names the columns (keys when not given)."""
    names = tuple((headers or {}).get(c.key, c.key) for c in report.columns)
    return csv_bytes(names, [[_csv_cell(c, row[c.key]) for c in report.columns]
                             for row in report.rows])


def _sheet(book: Any, title: str, columns: tuple[Column, ...], rows: list[dict[str, Any]],
           headers: Mapping[str, str]) -> None:
    sheet = book.add_worksheet(title[:31])
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0.00"})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    widths = []
    for col, column in enumerate(columns):
        name = headers.get(column.key, column.key)
        sheet.write_string(0, col, name, bold)
        widths.append(max(10, _width(name)))
    for line, row in enumerate(rows, start=1):
        for col, column in enumerate(columns):
            value = row[column.key]
            if column.kind == "money":
                sheet.write_number(line, col, Decimal(int(value)) / 100, money)
            elif column.kind == "int" and isinstance(value, int):
                sheet.write_number(line, col, value)
            elif column.kind == "date" and isinstance(value, dt.date):
                sheet.write_datetime(line, col, dt.datetime.combine(value, dt.time()), date)
            elif column.kind == "bool":
                sheet.write_boolean(line, col, bool(value))
            else:
                # write_string: text that looks like a formula stays text in XLSX
                sheet.write_string(line, col, "" if value is None else str(value))
            widths[col] = min(60, max(widths[col], _width(str(value)) + 2))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)


def _width(text: str) -> int:
    """Characters wide, counting a Chinese character as two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def report_xlsx(report: Report, headers: Mapping[str, str] | None = None,
                section_titles: Mapping[str, str] | None = None) -> bytes:
    import xlsxwriter  # here: only exports need it

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    _sheet(book, report.name, report.columns, report.rows, headers or {})
    for name, rows in report.sections.items():
        _sheet(book, (section_titles or {}).get(name, name), SECTION_COLUMNS.get(name, ()), rows,
               headers or {})
    book.close()
    return buffer.getvalue()


def check_output(path: Path) -> Path:
    if path.suffix.lower() not in FORMATS:
        raise InvalidInput(field="out", problem="format", allowed=", ".join(FORMATS))
    return check_writable(path)


def write_report(shop: Shop, report: Report, path: Path, headers: Mapping[str, str] | None = None,
                 section_titles: Mapping[str, str] | None = None) -> Path:
    """Write ``report`` as CSV or XLSX by the file's extension; the export is audited."""
    path = check_output(Path(path))
    if path.suffix.lower() == ".xlsx":
        data = report_xlsx(report, headers, section_titles)
    else:
        data = report_csv(report, headers)
    atomic_write_bytes(path, data)
    with shop.write():
        audit.record(shop, "export", f"report_{report.name}", by=report.by, rows=len(report.rows),
                     format=path.suffix.lower().lstrip("."),
                     start=report.start.isoformat() if report.start else None,
                     end=report.end.isoformat() if report.end else None)
    return path
