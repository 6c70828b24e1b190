"""Large counts are grouped like the money beside them (QA s14a F11): "49,600 unsold", stock
"99,772", "Refused: 500,000", "The newest 2,000 events shown", in the UI language's style
(one helper, ``display.count_text``), also under a system locale of C."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from desktop_app.core.report_tables import Column as ReportColumn
from desktop_app.core.stock_alerts import LowStock
from desktop_app.core.store import Shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.ui.display import count_text, money, stock_label
from desktop_app.ui.reports.report_models import cell_text
from desktop_app.ui.reports.stock_warning import StockWarning


@pytest.fixture
def c_locale() -> Iterator[None]:
    """A system that says C (a service account, a bare Linux): Qt leaves out the grouping."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.C))
    yield
    QLocale.setDefault(before)


def test_counts_are_grouped_like_money(qapp: QApplication, c_locale: object) -> None:
    assert QLocale().toString(49600) == "49600"  # what str() and Qt's C locale give
    assert count_text(49600) == "49,600" and count_text(500000) == "500,000"
    assert count_text(0) == "0" and count_text(999) == "999" and count_text(-1234) == "-1,234"
    assert money(1280000, "CNY") == "¥12,800.00"  # the style beside them
    assert stock_label(99772) == "99,772" and stock_label(None) == "∞"
    assert cell_text(ReportColumn("refused", "int"), 500000, "CNY") == "500,000"
    assert cell_text(ReportColumn("value", "money"), 500000, "CNY") == "¥5,000.00"


def test_counts_in_chinese(qapp: QApplication) -> None:
    install_translator(qapp, "zh_CN")
    try:
        assert count_text(49600) == "49,600"
    finally:
        remove_translators(qapp)


def test_the_low_stock_line_groups_its_counts(qapp: QApplication, shop: Shop,
                                              c_locale: object) -> None:
    warning = StockWarning(shop)
    warning.show_low([LowStock(1, "Game card", 49600, 50000)])
    assert "49,600 left" in warning.template and "warning at 50,000" in warning.toolTip()
    warning.show_low([LowStock(1, "Game card", 49600, 50000), LowStock(2, "Box", 1200, 2000)])
    assert warning.names == "Game card (49,600), Box (1,200)"
    warning.deleteLater()
