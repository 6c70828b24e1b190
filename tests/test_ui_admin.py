"""The owner's admin screens: the Admin menu, audit log, verify, the idle lock and notices.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed,
and none is left open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, backup, fulfilment, orders, products, redemption, vouchers
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop, open_shop, reopen_shop
from desktop_app.messages import integrity_message
from desktop_app.messages.verify_texts import verify_problem_text
from desktop_app.ui import tasks
from desktop_app.ui.admin.audit_dialog import AuditDialog
from desktop_app.ui.admin.verify_dialog import VerifyDialog
from desktop_app.ui.idle import IDLE_LOCK_KEY, idle_lock_minutes
from desktop_app.ui.main_window import MainWindow
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


def open_window(qtbot: QtBot, opened: Shop) -> MainWindow:
    window = MainWindow(opened)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT_MS)


def menu_entries(window: MainWindow) -> set[str]:
    """Every menu entry's text, without accelerator marks."""
    texts = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            if not action.isSeparator():
                texts.add(action.text().replace("&", ""))
    return texts


def make_events(shop: Shop) -> None:
    product = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    redemption.redeem(shop, issued[0].payload, "counter")


ADMIN_ENTRIES = {"Operators…", "Audit log…", "Verify database", "Back up now…",
                 "Restore from backup…", "Backup settings…"}


def test_owner_gets_the_admin_menu(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    entries = menu_entries(window)
    assert entries >= ADMIN_ENTRIES
    assert {"Change my password…", "Lock", "Log out", "Quit"} <= entries
    wait_idle(qtbot)
    assert window.backup_label.text() == "Last automatic backup: never"
    assert "off" in window.backup_label.toolTip()


def test_clerk_gets_no_admin_entries(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        window = open_window(qtbot, clerk_shop)
        # Settings is there for this computer's choices; the shop's page is owners' only.
        # The customer display faces the counter's customers: clerks open it too.
        assert menu_entries(window) == {"Change my password…", "Settings…", "Customer display",
                                        "Lock", "Log out", "Quit", "About Voucher Shop",
                                        "Open the log folder"}
        window.close()
        wait_idle(qtbot)
    finally:
        clerk_shop.close()
        reopen_shop(shop)


def test_daily_backup_runs_in_a_clerk_session(qtbot: QtBot, shop: Shop, shop_dir: Path,
                                              tmp_path: Path) -> None:
    """The owner switched automatic backups on for the shop; a clerk's long shift gets them."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    stick = tmp_path / "stick"
    stick.mkdir()
    backup.set_backup_settings(shop, str(stick), True)
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        window = open_window(qtbot, clerk_shop)
        assert window.backups is not None
        with qtbot.waitSignal(window.backups.auto_succeeded, timeout=WAIT_MS):
            window.backups.check_daily()
        assert len(list(stick.glob("*.vsbackup"))) == 1
        window.close()
        wait_idle(qtbot)
    finally:
        clerk_shop.close()
        reopen_shop(shop)


def wait_loaded(qtbot: QtBot, dialog: AuditDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.loading and not tasks.busy(), timeout=WAIT_MS)


def test_audit_viewer_lists_events_and_filters_by_kind(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    window = open_window(qtbot, shop)
    window.audit_action.trigger()
    dialog = window.dialogs["audit"]
    assert isinstance(dialog, AuditDialog)
    wait_loaded(qtbot, dialog)
    kinds = [row.kind for row in dialog.model.rows()]
    assert kinds == ["redeem", "order_pay", "order_create", "product_add"]  # newest first
    assert dialog.model.index(0, dialog.model.KIND).data() == "Redemption"
    assert dialog.model.index(0, dialog.model.OPERATOR).data() == OWNER
    [code] = [v.code for v in Voucher.select()]
    # the printed code and the product's name, not "Voucher #1" (QA s11b F6)
    assert dialog.model.index(0, dialog.model.SUBJECT).data() == vouchers.typed_code(code)
    assert dialog.model.index(3, dialog.model.SUBJECT).data() == "Wash"
    assert dialog.count_label.text() == "4 events"
    dialog.set_kind("order_pay")
    wait_loaded(qtbot, dialog)
    assert [row.kind for row in dialog.model.rows()] == ["order_pay"]
    assert "payment: Cash · total: ¥10.00" in dialog.model.index(0, dialog.model.DETAIL).data()
    dialog.from_date.setDate(dialog.from_date.date().currentDate().addDays(1))
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 0 and dialog.empty.label.isVisible()
    dialog.clear_filters()
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 4
    dialog.close()


def test_audit_viewer_reads_a_page_at_a_time(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    dialog = AuditDialog(shop, page_size=3)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 3 and dialog.more_button.isEnabled()
    assert dialog.count_label.text() == "The newest 3 events shown"
    dialog.more_button.click()
    wait_loaded(qtbot, dialog)
    assert [row.kind for row in dialog.model.rows()][-1] == "product_add"
    assert not dialog.more_button.isEnabled()
    assert dialog.model.index(3, dialog.model.SUBJECT).data() == "Wash"  # named page by page
    assert dialog.model.index(0, dialog.model.SUBJECT).data() != "Voucher #1"


def test_a_subject_gone_keeps_its_number(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    with shop.write():
        AuditEvent.update(subject="9999").where(AuditEvent.kind == "product_add").execute()
    dialog = AuditDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_loaded(qtbot, dialog)
    assert dialog.model.index(3, dialog.model.SUBJECT).data() == "Product #9999"


def wait_verified(qtbot: QtBot, dialog: VerifyDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)


def test_verify_says_all_good_then_names_a_rolled_back_log(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    window = open_window(qtbot, shop)
    window.verify_action.trigger()
    dialog = window.dialogs["verify"]
    assert isinstance(dialog, VerifyDialog)
    wait_verified(qtbot, dialog)
    assert dialog.problems == []
    assert "All checks passed" in dialog.heading.text()
    assert not dialog.problem_list.isVisible()
    newest = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    AuditEvent.delete().where(AuditEvent.id == newest.id).execute()
    dialog.again_button.click()
    wait_verified(qtbot, dialog)
    assert dialog.problems == ["anchor: rolled_back", "witness_computer: rolled_back"]
    assert "Problems found: 2" in dialog.heading.text()
    assert dialog.problem_texts() == [verify_problem_text(p) for p in dialog.problems]
    assert all(text.startswith("Rolled back:") for text in dialog.problem_texts())
    # found by verify: the shop is held, in red on every screen, until the owner acknowledges
    assert window.integrity_banner.isVisible()
    assert window.integrity_banner.text() == integrity_message("rolled_back")
    assert dialog.acknowledge_button.isVisible()
    dialog.acknowledge("the newest event was deleted on purpose in a test")
    wait_verified(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.problems == [], timeout=WAIT_MS)
    assert not window.integrity_banner.isVisible()
    dialog.close()


@pytest.mark.parametrize(("shop", "engine"), [("file", "file"), ("server", "server")],
                         indirect=["shop"])
def test_verify_all_good_names_what_the_shop_has(qtbot: QtBot, shop: Shop, engine: str
                                                 ) -> None:
    """A server shop has no database file (QA s16a F7): its all-good line says the server."""
    window = open_window(qtbot, shop)
    window.verify_action.trigger()
    dialog = window.dialogs["verify"]
    assert isinstance(dialog, VerifyDialog)
    wait_verified(qtbot, dialog)
    assert dialog.problems == [] and dialog.on_server == (engine == "server")
    said = dialog.summary.text()
    assert ("file" not in said and "server" in said) if dialog.on_server else "file" in said


def test_verify_problems_in_plain_words() -> None:
    assert verify_problem_text("audit_chain: event 7 hash_mismatch") == (
        "Audit event #7 was changed after it was written.")
    assert "#8" in verify_problem_text("audit_chain: event 8 broken_link")
    assert verify_problem_text("anchor: anchor_missing").startswith("Missing:")
    assert verify_problem_text("anchor: anchor_damaged").startswith("Damaged:")
    assert "Voucher #3" in verify_problem_text("vouchers: voucher 3 uses_mismatch")
    assert verify_problem_text("something: new") == "something: new"


def test_the_audit_viewer_opens_verify(qtbot: QtBot, shop: Shop) -> None:
    dialog = AuditDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    verify = dialog.open_verify()
    wait_verified(qtbot, verify)
    assert verify.problems == []
    verify.close()
    wait_loaded(qtbot, dialog)


def test_the_integrity_banner_stays(qtbot: QtBot, shop: Shop) -> None:
    shop.integrity_problem = "rolled_back"
    window = open_window(qtbot, shop)
    assert window.integrity_banner.isVisible()
    wait_idle(qtbot)


def test_idle_lock_fires_and_input_puts_it_off(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    assert window.idle.running and window.idle.timeout_ms == 10 * 60_000  # the default
    window.idle.set_timeout_ms(200)
    with qtbot.waitSignal(window.lock_requested, timeout=3000):
        pass
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    window.idle.set_timeout_ms(400)
    window.idle.start()
    for _ in range(8):  # 800 ms of typing (a scanner's keys are keys too)
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_5)  # type: ignore[no-untyped-call]
    assert locked == []
    qtbot.waitUntil(lambda: locked == [True], timeout=3000)


def test_webcam_verdicts_count_as_activity(qtbot: QtBot, shop: Shop) -> None:
    """A cashier scanning only with the webcam presses no key: the app must not lock on them."""
    from desktop_app.core.dates import utc_now
    from desktop_app.core.redemption import Verdict
    from desktop_app.ui.counter.redemption_tab import RedemptionTab

    window = open_window(qtbot, shop)
    tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
    tab = next(widget for widget in tabs if isinstance(widget, RedemptionTab))
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    window.idle.set_timeout_ms(400)
    verdict = Verdict(True, "redeemed", OWNER, "cam", utc_now())
    for _ in range(8):
        qtbot.wait(100)
        tab.verdict_shown.emit(verdict, False)
    assert locked == []
    qtbot.waitUntil(lambda: locked == [True], timeout=3000)


def test_settings_set_the_idle_time_in_one_place(qtbot: QtBot, shop: Shop) -> None:
    """Shop → Settings → This computer is where the idle lock is set: Admin → Preferences,
    which held it alone, is gone (one way to do each thing)."""
    window = open_window(qtbot, shop)
    texts = {action.text().replace("&", "") for menu in window.menuBar().findChildren(QMenu)
             for action in menu.actions()}
    assert "Preferences…" not in texts and "Settings…" in texts
    dialog = window.open_settings()
    tasks.wait_until_idle()  # the shop's settings read in
    assert dialog.idle_minutes.value() == 10
    dialog.idle_minutes.setValue(0)
    assert dialog.idle_minutes.text() == "Never"
    with qtbot.waitSignal(dialog.saved, timeout=15_000):  # audited first (QA s20c F8)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    tasks.wait_until_idle()
    assert QSettings().value(IDLE_LOCK_KEY) in (0, "0") and idle_lock_minutes() == 0
    assert not window.idle.running  # 0: never
    QSettings().setValue(IDLE_LOCK_KEY, 3)
    dialog = window.open_settings()
    tasks.wait_until_idle()
    assert dialog.idle_minutes.value() == 3
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    tasks.wait_until_idle()
    assert window.idle.running and window.idle.timeout_ms == 3 * 60_000


def test_notices_do_not_block(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    box = window.show_notice("Done.")
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert window.show_notice("Again.", problem=True) is box
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()
    wait_idle(qtbot)


def test_audit_details_read_in_the_interface_language(qapp: object) -> None:
    from desktop_app.i18n import install_translator, remove_translators
    from desktop_app.ui.admin.audit_model import detail_text

    stored = '{"method": "cash", "total_cents": 123456, "custom_key": 1}'
    assert detail_text(stored) == "payment: Cash · total: ¥1,234.56 · custom_key: 1"
    try:
        install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
        assert detail_text(stored) == "付款方式：现金 · 合计：¥1,234.56 · custom_key：1"
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]


def test_acknowledging_a_rollback_says_what_it_reopens(qapp: object) -> None:
    """QA (s2 D6, round 2 N9): Acknowledge said nothing, and a voucher used in the lost
    records was then redeemed a second time."""
    from desktop_app.ui.admin.verify_dialog import acknowledge_question

    asked = acknowledge_question(["witness_computer: rolled_back"])
    assert "redeemed a second time" in asked and asked.endswith("what was found)")
    assert "second time" not in acknowledge_question(["anchor: anchor_damaged"])


def test_changing_ones_password_says_older_backups_keep_the_old_one(
        qtbot: QtBot, shop: Shop) -> None:
    """QA s39a F20.3: said only by the restore, when the old password may be forgotten."""
    from desktop_app.ui.session.password_dialog import change_password_dialog

    dialog = change_password_dialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    from desktop_app.ui.widgets import HeaderBar

    (header,) = dialog.findChildren(HeaderBar)
    assert "Backups made before the change still open with the current password" in (
        header.subtitle.text())
    dialog.reject()
