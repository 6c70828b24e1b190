"""The audit log's Detail column speaks the interface's language, never stored keys or codes."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.audit import EventRow
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.ui.admin.audit_model import (
    DETAIL_LABELS,
    KIND_LABELS,
    AuditTableModel,
    detail_text,
)

CORE = Path(__file__).resolve().parents[1] / "desktop_app" / "core"


def _is_record(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and "record" in (
        getattr(node.func, "attr", None), getattr(node.func, "id", None))


def _record_calls() -> list[ast.Call]:
    calls: list[ast.Call] = []
    for source in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if _is_record(node):
                calls.append(node)  # type: ignore[arg-type]
    return calls


def _dict_keys(node: ast.AST | None) -> set[str]:
    if not isinstance(node, ast.Dict):
        return set()
    return {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}


def _detail_keys_written_by_core() -> set[str]:
    """Keyword names, and the keys of dicts given as a detail (``before={...}``, a dict
    named in the function, ``**extra``): the settings' before/after hid keys (QA)."""
    keys: set[str] = set()
    for source in CORE.rglob("*.py"):
        for function in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            dicts = {target.id: node.value for node in ast.walk(function)
                     if isinstance(node, ast.Assign) for target in node.targets
                     if isinstance(target, ast.Name)}
            for call in filter(_is_record, ast.walk(function)):
                for keyword in call.keywords:  # type: ignore[attr-defined]
                    value = keyword.value
                    named = dicts.get(value.id) if isinstance(value, ast.Name) else None
                    keys |= ({keyword.arg} if keyword.arg else set())
                    keys |= _dict_keys(value) | _dict_keys(named)
    return keys


def _kinds_written_by_core() -> set[str]:
    kinds: set[str] = set()
    for call in _record_calls():
        if len(call.args) > 1:
            kinds.update(node.value for node in ast.walk(call.args[1])
                         if isinstance(node, ast.Constant) and isinstance(node.value, str))
    return kinds


def test_every_event_kind_core_writes_has_words() -> None:
    kinds = _kinds_written_by_core()
    assert "redeem" in kinds and "order_pay" in kinds  # the scan finds them
    missing = kinds - KIND_LABELS.keys()
    assert not missing, f"audit kinds without a label in audit_model.py: {sorted(missing)}"


def test_every_detail_key_core_writes_has_words() -> None:
    missing = _detail_keys_written_by_core() - DETAIL_LABELS.keys()
    assert not missing, f"audit detail keys without a label in audit_model.py: {sorted(missing)}"


def test_codes_ids_and_nothing_read_as_words(qapp: object) -> None:
    stored = json.dumps({"vouchers": [20, 21], "replacement": 7, "was": "sold", "role": "clerk",
                         "kind": "service", "order_refunded": True, "note": None,
                         "before": {"price_cents": 1000}, "after": {"price_cents": 128000}})
    text = detail_text(stored)
    assert "vouchers: #20, #21" in text
    assert "replacement key: #7" in text
    assert "was: Sold" in text and "role: Clerk" in text and "kind: Service" in text
    assert "whole order refunded: yes" in text and "note: —" in text
    assert "before: price: ¥10.00" in text and "after: price: ¥1,280.00" in text
    for raw in ("None", "[20, 21]", "True", "sold", "clerk", "service", "_"):
        assert raw not in text
    # QA L11: "keys:  · …" for a restore that carried no key
    empty = detail_text(json.dumps({"vouchers": [], "before": {}, "note": ""}))
    assert empty == "vouchers: — · before: — · note: —"


@pytest.mark.parametrize("stored", [
    '{"method": "wechat", "vouchers": [3], "order_refunded": false}',
    '{"kind": "cardkey", "price_cents": 500, "stock": null}',
])
def test_chinese_details_have_no_english_left(qapp: object, stored: str) -> None:
    try:
        install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
        text = detail_text(stored)
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
    assert ":" not in text, "Chinese writes the colon full-width"
    assert not any("a" <= ch.lower() <= "z" for ch in text), text


def test_a_report_export_reads_as_the_report_and_its_grouping(qapp: object) -> None:
    """It read "report_redemptions" and "grouped by: station", the stored codes."""
    model = AuditTableModel()
    exported = EventRow(id=1, at=dt.datetime.now(dt.UTC), operator_id=1, operator="Alice",
                        kind="export", subject="report_redemptions",
                        detail='{"by": "station", "rows": 3}')
    legacy = dataclasses.replace(exported, subject="redemptions", detail='{"rows": 3}')
    model.append_rows([exported, legacy])
    subjects = [model.data(model.index(row, AuditTableModel.SUBJECT)) for row in (0, 1)]
    assert subjects == ["Redemptions", "Redemptions"]
    assert detail_text(exported.detail) == "grouped by: Station · rows: 3"


def test_a_card_spend_says_its_balance_and_a_range_reads_from_before_to(qapp: object) -> None:
    """A spend read "amount: ¥35.50 · … · uses left: 1"; an export "to: … from: …"."""
    legacy_spend = '{"amount_cents": 3550, "attempt": 9, "station": "c", "uses_left": 1}'
    assert "uses left" not in detail_text(legacy_spend)
    spend = '{"amount_cents": 3550, "attempt": 9, "balance_cents": 16450, "station": "c"}'
    assert "amount: ¥35.50" in detail_text(spend) and "balance: ¥164.50" in detail_text(spend)
    export = '{"by": "day", "end": "2026-12-31", "format": "csv", "start": "2026-12-01"}'
    assert detail_text(export) == ("grouped by: Day · format: csv · from: 2026-12-01 · "
                                   "to: 2026-12-31")
    change = '{"after": {"price_cents": 2}, "before": {"price_cents": 1}}'
    assert detail_text(change) == "before: price: ¥0.01 · after: price: ¥0.02"


def test_backup_settings_read_as_words(qapp: object) -> None:
    stored = json.dumps({"before": {"folder": "", "automatic": False},
                         "after": {"folder": "/media/usb", "automatic": True}})
    text = detail_text(stored)
    assert "folder: —" in text and "automatic backups: no" in text
    assert "automatic backups: yes" in text and "automatic:" not in text


def test_every_shop_setting_reads_as_words() -> None:
    """The shop settings' before/after name their fields (a comprehension the scan misses)."""
    from dataclasses import fields

    from desktop_app.core.shop_settings import ShopSettings

    missing = {f.name for f in fields(ShopSettings)} - DETAIL_LABELS.keys()
    assert not missing, f"shop settings without a label in audit_model.py: {sorted(missing)}"


def test_records_named_in_a_detail_read_by_name(qapp: object) -> None:
    """QA s11b F6: "product: #4" told the owner nothing; a record gone keeps its number."""
    names = {("product", 4): "洗车五次卡", ("card_key", 7): "Game key GAME-A…1234"}
    stored = '{"product": 4, "replacement": 7, "voucher": 9, "was": "sold"}'
    assert detail_text(stored, "CNY", names) == (
        "product: 洗车五次卡 · replacement key: Game key GAME-A…1234 · voucher: #9 · was: Sold")


def test_a_product_change_and_word_subjects_read_as_words(qapp: object) -> None:
    """QA s39a F22: "uses_per_voucher: 10" in a product's change, "shop"/"computer" as the
    Subject of a settings change, "product_add"/"report_sales" as what a clerk was refused,
    and the stored JSON as the Detail's tooltip."""
    import re

    from desktop_app.core.models import Product
    from desktop_app.ui.admin.audit_model import SUBJECT_WORDS

    not_changed_by_an_edit = {"id", "kind", "created_at", "updated_at"}
    columns = {field.name for field in Product._meta.sorted_fields} - not_changed_by_an_edit
    assert columns - DETAIL_LABELS.keys() == set()
    refused = set()
    for source in CORE.rglob("*.py"):
        refused |= set(re.findall(r'require_owner\([a-z_.]+, *"([a-z_]+)"',
                                  source.read_text(encoding="utf-8")))
    assert "report_sales" in refused and refused - SUBJECT_WORDS.keys() == set()
    change = EventRow(id=1, at=dt.datetime.now(dt.UTC), operator_id=1, operator="Alice",
                      kind="product_update", subject="3", detail=json.dumps(
                          {"before": {"uses_per_voucher": 10}, "after": {"uses_per_voucher": 12}}))
    settings = dataclasses.replace(change, kind="settings_change", subject="computer",
                                   detail='{"station": "Front"}')
    clerk_refused = dataclasses.replace(change, kind="owner_action_refused",
                                        subject="report_sales", detail="{}")
    model = AuditTableModel()
    model.append_rows([change, settings, clerk_refused])
    detail = model.data(model.index(0, AuditTableModel.DETAIL))
    assert detail == "before: uses per voucher: 10 · after: uses per voucher: 12"
    tooltip = model.data(model.index(0, AuditTableModel.DETAIL), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "before: uses per voucher: 10\nafter: uses per voucher: 12"
    subjects = [model.data(model.index(row, AuditTableModel.SUBJECT)) for row in (1, 2)]
    assert subjects == ["this computer's settings", "see the sales report"]
