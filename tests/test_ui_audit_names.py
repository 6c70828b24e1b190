"""The Audit log names each event whole: "Shop data upgraded for a new version" was cut to
"Shop data upgraded for a new ve…" (QA s19b F7), in English and Chinese alike."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from test_ui_admin import wait_loaded

from desktop_app.core import audit, schema_upgrade
from desktop_app.core.store import Shop
from desktop_app.ui.admin.audit_dialog import AuditDialog
from desktop_app.ui.admin.audit_model import AuditTableModel

# Cell padding the style draws around a cell's text: a column this much wider shows it whole.
CELL_MARGINS = 8


def test_every_event_name_is_shown_whole(qtbot: QtBot, shop: Shop, language: str) -> None:
    schema_upgrade.record(shop, 5)
    with shop.write():
        audit.record(shop, "operator_recover", shop.operator.id)
    dialog = AuditDialog(shop)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    wait_loaded(qtbot, dialog)
    kind = AuditTableModel.KIND
    metrics = dialog.table.fontMetrics()
    names = [dialog.model.index(row, kind).data() for row in range(dialog.model.rowCount())]
    assert len(names) >= 2
    widest = max(metrics.horizontalAdvance(name) for name in names)
    assert dialog.table.columnWidth(kind) >= widest + CELL_MARGINS, (language, names)
