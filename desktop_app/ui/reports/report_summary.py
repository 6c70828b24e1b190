"""The words around a report's table, the same on screen, in a file and on paper: its heading
(the shop, the report, the grouping, the days) and its totals line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.report_files import as_of_text, days_text, shown_totals
from desktop_app.core.report_tables import Report
from desktop_app.messages.labels import report_title
from desktop_app.ui.reports.report_models import (
    BREAKAGE_COLUMNS,
    SECTION_COLUMNS,
    cell_text,
    column_title,
)

GIFTCARD_FIGURES = ("cards", "balance", "expiring_30_balance", "breakage_cards", "breakage")


def heading(report: Report, shop_name: str) -> str:
    """``街角洗车 · Sales · Payment method · 2026-11-01 – 2026-11-30``; a report counted as
    of now says when: ``… · Card-key stock · Product · as of 2026-12-01 10:15``."""
    moment = as_of_text(report)
    as_of = QCoreApplication.translate("ReportsTab", "as of {moment}").format(
        moment=moment) if moment else ""
    parts = (shop_name, report_title(report.name), column_title("group", report.by),
             days_text(report), as_of)
    return " · ".join(p for p in parts if p)


def totals_text(report: Report, currency: str) -> str:
    """``Total — Orders paid: 16 · … · Net: ¥6,140.80``, and liability's gift cards on a
    line of their own."""
    shown = shown_totals(report.columns, report.totals)
    by_key = {c.key: c for c in report.columns}
    parts = [_figure(k, cell_text(by_key[k], v, currency)) for k, v in shown.items()]
    total = QCoreApplication.translate("ReportsTab", "Total")
    text = f"{total} — {_figures(parts)}" if parts else ""
    cards = report.section_totals.get("giftcards")
    if cards is not None:
        columns = {c.key: c for c in (*SECTION_COLUMNS["giftcards"], *BREAKAGE_COLUMNS)}
        figures = [_figure(k, cell_text(columns[k], cards[k], currency))
                   for k in GIFTCARD_FIGURES if k in cards]
        title = QCoreApplication.translate("ReportsTab", "Gift cards")
        text += f"\n{title} — {_figures(figures)}"
    return text


def _figure(key: str, value: str) -> str:
    # The colon is the language's own (Chinese writes a full-width one), so it is translated.
    return QCoreApplication.translate("ReportsTab", "{name}: {value}",
                                      "one figure of a report's totals").format(
        name=column_title(key), value=value)


def _figures(figures: list[str]) -> str:
    return " · ".join(figures)  # as the other lists' counts are joined
