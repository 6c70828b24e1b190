"""Find… at the counter and `voucher find` hand a clerk no gift card's code (QA s21a F4): the
code is masked to its last 4 characters, the row says to scan the card or use "Card by
phone…" with its PIN, and a double-click looks nothing up. A pass found so still shows its
code and looks up (the customer who forgot their pass). Owners see every code as before.
Every clerk's search is an audit event with the phone's digits masked. Real shops, the
Find panel's buttons clicked, the command line in a process of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from counter_driver import WAIT_MS, Counter, sell
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_cli import as_json, run
from test_find_audited import sell_card_and_pass

from desktop_app.core import auth
from desktop_app.core.counter_find import masked_code, query_shown
from desktop_app.core.models import AuditEvent, RedemptionAttempt
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui import tasks
from desktop_app.ui.admin.audit_model import kind_label
from desktop_app.ui.counter.redemption_panels import FindPanel
from desktop_app.ui.shop_session import close_shop

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

CLERK_ENV = {"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": CLERK_PASSWORD}


@pytest.fixture(params=["clerk", "owner"])
def at_the_counter(qtbot: QtBot, shop: Shop, request: pytest.FixtureRequest
                   ) -> Iterator[tuple[Counter, str, str]]:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    card_code, pass_code = sell_card_and_pass(shop)
    sell(shop)  # another customer's pass: not found
    name, password = (CLERK, CLERK_PASSWORD) if request.param == "clerk" else (
        OWNER, OWNER_PASSWORD)
    operator_shop = open_shop(shop.data_dir, name, password)
    counter = Counter(qtbot, operator_shop)
    yield counter, card_code, pass_code
    counter.close()
    close_shop(operator_shop)


def find(qtbot: QtBot, counter: Counter, text: str) -> FindPanel:
    qtbot.mouseClick(counter.tab.find_button, Qt.MouseButton.LeftButton)
    panel = counter.tab.find_panel
    assert panel.isVisible()
    panel.field.setText(text)
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    return panel


def double_click(panel: FindPanel, row: int) -> None:
    rect = panel.view.visualRect(panel.model.index(row, 1))
    # Qt 6's item views take a double-click only on the row the press went to, as a mouse does
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell(panel: FindPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def test_find_masks_a_gift_card_for_a_clerk_only(
        qtbot: QtBot, at_the_counter: tuple[Counter, str, str]) -> None:
    counter, card_code, pass_code = at_the_counter
    clerk = not counter.shop.is_owner
    panel = find(qtbot, counter, "4321")
    rows = [panel.model.row_at(i) for i in range(panel.model.rowCount())]
    card_row = next(i for i, row in enumerate(rows) if row.balance is not None)
    pass_row = 1 - card_row
    assert len(rows) == 2 and cell(panel, pass_row, 0) == pass_code
    shown = cell(panel, card_row, 0)
    if clerk:
        assert shown == masked_code(card_code) and shown.endswith(card_code[-4:])
        assert card_code not in shown and shown.count("*") == len(card_code.replace("-", "")) - 4
        assert cell(panel, card_row, 6).endswith("code hidden")  # the how in its tooltip
        tip = panel.model.index(card_row, 6).data(Qt.ItemDataRole.ToolTipRole)
        assert '"Card by phone…" with its PIN' in tip
    else:
        assert shown == card_code and "Card by phone" not in cell(panel, card_row, 6)

    double_click(panel, card_row)
    if clerk:  # nothing looked up: the card itself, or its PIN
        assert tasks.wait_until_idle(15_000)
        assert counter.tab.lookups.info is None
        assert "Card by phone…" in panel.message.text()
    else:
        qtbot.waitUntil(lambda: counter.tab.lookups.info is not None, timeout=WAIT_MS)
        assert counter.tab.lookups.info.code == card_code
    with qtbot.waitSignal(counter.tab.looked_up, timeout=WAIT_MS):
        double_click(panel, pass_row)  # a forgotten pass is still found and looked up
    assert counter.tab.lookups.info is not None and counter.tab.lookups.info.code == pass_code
    assert RedemptionAttempt.select().count() == 0

    searches = list(AuditEvent.select().where(AuditEvent.kind == "voucher_find"))
    if clerk:
        assert [(e.subject, e.operator.name) for e in searches] == [("****", CLERK)]
        assert '"rows": 2' in searches[0].detail
    else:
        assert searches == []


def test_the_audit_log_names_a_search_and_masks_phone_digits() -> None:
    assert kind_label("voucher_find") == "Customer's vouchers searched (Find)"
    assert query_shown(" 139 8765 4321 ") == "*******4321"
    assert query_shown("李先生") == "李先生"
    assert query_shown("Li 13") == "Li **"


def test_voucher_find_masks_a_gift_card_for_a_clerk_on_the_command_line(shop: Shop) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    card_code, pass_code = sell_card_and_pass(shop)
    by_clerk = run(shop.data_dir, "voucher", "find", "--customer", "13", "--json", env=CLERK_ENV)
    assert by_clerk.returncode == 0, by_clerk.stdout + by_clerk.stderr
    assert card_code not in by_clerk.stdout
    found = {v["kind"]: v for v in as_json(by_clerk)["vouchers"]}
    assert found["giftcard"]["code"] == masked_code(card_code)
    assert found["giftcard"]["code_hidden"] is True
    assert found["service"]["code"] == pass_code and "code_hidden" not in found["service"]
    text = run(shop.data_dir, "voucher", "find", "--customer", "李先", env=CLERK_ENV)
    assert card_code not in text.stdout and pass_code in text.stdout
    assert "`voucher cards` with its PIN" in text.stdout
    owner = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
    by_owner = run(shop.data_dir, "voucher", "find", "--customer", "13", "--json", env=owner)
    assert card_code in by_owner.stdout
    searches = [(e.subject, e.operator.name) for e in
                AuditEvent.select().where(AuditEvent.kind == "voucher_find")]
    assert searches == [("**", CLERK), ("李先", CLERK)]  # the owner's search is not recorded


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_found_products_read_whole_at_1024x768(
        language: str, qtbot: QtBot, at_the_counter: tuple[Counter, str, str]) -> None:
    """QA s42a F4: a clerk's gift card row said how to spend it in the status column, which
    took half the list and left "储值…" of the product's name; the how is its tooltip now."""
    counter = at_the_counter[0]
    counter.window.resize(1024, 768)
    panel = find(qtbot, counter, "4321")
    qtbot.wait(50)
    view = panel.view
    for row in range(panel.model.rowCount()):
        name = cell(panel, row, 1)
        needed = view.fontMetrics().horizontalAdvance(name)
        assert view.columnWidth(1) >= needed, (name, view.columnWidth(1), needed)
    last = panel.model.columnCount() - 1
    assert view.columnViewportPosition(last) + view.columnWidth(last) \
        <= view.viewport().width()  # the status whole, not cut at the right edge


def test_a_looked_up_card_is_masked_for_a_clerk_in_the_verdict_and_its_history(
        qtbot: QtBot, at_the_counter: tuple[Counter, str, str]) -> None:
    """QA s42a F3: a clerk's look-up of a scanned gift card showed its whole code in the
    verdict's facts and the history's title, while the list below masked it."""
    from desktop_app.core import vouchers
    from desktop_app.core.models import Voucher

    counter, card_code, _pass_code = at_the_counter
    clerk = not counter.shop.is_owner
    card = Voucher.get(Voucher.balance_cents.is_null(False))
    payload = vouchers.payload(counter.shop.shop_id, counter.shop.voucher_key, card.code)
    with qtbot.waitSignal(counter.tab.looked_up, timeout=WAIT_MS):
        counter.tab.look_up(payload)
    shown = " ".join((counter.tab.verdict.facts.text(), counter.tab.history_panel.title.text()))
    assert (card_code in shown) != clerk
    assert shown.count(masked_code(card_code)) == (2 if clerk else 0)
