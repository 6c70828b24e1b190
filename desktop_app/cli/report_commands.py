"""The commands that write reports: the redemption export and the owner's grouped reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop_app.cli.frame import (
    Context,
    Outcome,
    open_as_operator,
)
from desktop_app.cli.progress import export_progress
from desktop_app.cli.voucher_commands import output_path
from desktop_app.core import (
    report_files,
    report_tables,
    reports,
)
from desktop_app.core.dates import local_time
from desktop_app.i18n import translate
from desktop_app.messages.labels import (
    METHOD_LABELS,
    empty_group_label,
    method_label,
    money,
    no_voucher_label,
    not_recorded_label,
    report_title,
)
from desktop_app.messages.report_words import (
    AS_OF_TEXT,
    TOTAL_TEXT,
    YES_TEXT,
    column_title,
    report_word,
    section_title,
)


def cmd_export_redemptions(ctx: Context) -> Outcome:
    a = ctx.args
    out = output_path(a.out, (".csv",))
    with open_as_operator(ctx) as shop:
        count = reports.export_redemptions(shop, out, a.start, a.end, export_progress())
    data = {"out": str(out), "rows": count, "from": a.start.isoformat() if a.start else None,
            "to": a.end.isoformat() if a.end else None}
    return Outcome(data, [translate("cli", "Wrote {rows} redemption records to {out}.").format(
        rows=count, out=out)])


def _cell(column: report_tables.Column, value: object, currency: str, by: str) -> str:
    """A cell as the Reports tab shows it: money with its currency, counts grouped, payment
    methods as words, a "low" stock as "Yes" (QA s20b F4: codes, ``False``, bare amounts)."""
    if value is None or value == "":
        if column.key != "group":
            return ""
        return empty_group_label(by)
    if column.kind == "money":
        return money(int(str(value)), currency)
    if column.kind == "int" and isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return local_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if column.kind == "bool":
        return report_word(YES_TEXT) if value else ""
    if column.key == "group" and by == "method":
        return method_label(str(value))
    return str(value)


def _table_lines(columns: tuple[report_tables.Column, ...], rows: list[dict[str, Any]],
                 totals: Mapping[str, Any] | None, currency: str, by: str) -> list[str]:
    """The header in the user's words, the rows and the totals row, tab-separated; a total
    with no column of its own (the gift cards' breakage) on a line of its own, named."""
    lines = ["\t".join(column_title(c.key, by) for c in columns)]
    lines += ["\t".join(_cell(c, row[c.key], currency, by) for c in columns) for row in rows]
    if totals is None:
        return lines
    shown = report_files.shown_totals(columns, totals)
    lines.append("\t".join(report_word(TOTAL_TEXT) if i == 0 else
                           _cell(c, shown[c.key], currency, by) if c.key in shown else ""
                           for i, c in enumerate(columns)))
    keys = {c.key for c in columns}
    lines += [translate("cli", "{name}: {value}").format(
        name=column_title(key), value=_cell(report_files.total_column(columns, key), value,
                                            currency, by))
        for key, value in totals.items() if key not in keys]
    return lines


def _heading(report: report_tables.Report, shop_name: str) -> str:
    """``Shop · Sales · Payment method · 2026-11-01 – 2026-11-30``, as the tab heads it; a
    report counted as of now says when."""
    moment = report_files.as_of_text(report)
    parts = (shop_name, report_title(report.name), column_title("group", report.by),
             report_files.days_text(report),
             report_word(AS_OF_TEXT).format(moment=moment) if moment else "")
    return " · ".join(part for part in parts if part)


def _report_lines(report: report_tables.Report, shop_name: str) -> list[str]:
    """The report as the Reports tab words it: its heading, its table, then each section it
    has under its title (liability's customers to call and gift cards: QA round 2 found the
    text left them out). ``--json`` and ``--out`` keep the keys."""
    lines = [_heading(report, shop_name),
             *_table_lines(report.columns, report.rows, report.totals, report.currency,
                           report.by)]
    for name, rows in report.sections.items():
        if rows:
            columns = report_files.SECTION_COLUMNS.get(name, ())
            lines += ["", section_title(name),
                      *_table_lines(columns, rows, report.section_totals.get(name),
                                    report.currency, "product")]
    return lines


def file_words() -> report_files.FileWords:
    """A file's words: payment methods as people say them (``--json`` keeps the codes), the
    columns under the keys the README lists and the totals row named ``total`` whatever the
    language (QA s17a F8: a script read ``合计`` under ``--lang zh_CN``)."""
    return report_files.FileWords(methods={m: method_label(m) for m in METHOD_LABELS},
                                  no_voucher=no_voucher_label(),
                                  not_recorded=not_recorded_label())


def cmd_report(ctx: Context) -> Outcome:
    a = ctx.args
    out = None
    if a.out:  # its kind, its folder and that the folder takes a file, before the work
        out = report_files.check_output(Path(a.out).expanduser())
    with open_as_operator(ctx) as shop:
        report = report_tables.run_report(shop, a.report, a.by, a.start, a.end)
        if out is not None:
            report_files.write_report(shop, report, out, file_words())
        shop_name = shop.name
    data = report_files.report_json(report)
    if out is None:
        return Outcome(data, _report_lines(report, shop_name))
    data["out"] = str(out)
    return Outcome(data, [translate("cli", "Wrote the {report} report ({rows} rows) to {out}.")
                          .format(report=report_title(a.report), rows=len(report.rows),
                                  out=out)])
