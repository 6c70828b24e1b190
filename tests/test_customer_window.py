"""The customer display: the shop at rest, the counter's verdict after a scan, the voucher QR
after a sale. Screenshots of the window are checked, and the sale's QR is read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_customer_window_fit import laid_out, settled

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import order_voucher_views
from desktop_app.printing import wording
from desktop_app.scanning.decoders import decode_file
from desktop_app.scanning.wedge import KEYBOARD
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.counter.verdict_panel import PALETTE
from desktop_app.ui.customer.customer_window import CustomerWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.payment_dialogs import PaymentDialog

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")
WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


@pytest.fixture
def window(qtbot: QtBot, shop: Shop) -> Iterator[MainWindow]:
    main = MainWindow(shop)
    qtbot.addWidget(main)
    main.show()
    idle()
    yield main
    for index in range(main.tabs.count()):
        tab = main.tabs.widget(index)
        if isinstance(tab, RedemptionTab):
            tab.shutdown()
    main.close()
    idle()


def tab_of(main: MainWindow, kind: type) -> object:
    return next(main.tabs.widget(i) for i in range(main.tabs.count())
                if isinstance(main.tabs.widget(i), kind))


def open_display(qtbot: QtBot, main: MainWindow) -> CustomerWindow:
    main.customer_action.trigger()
    display = main.customer_window
    assert display is not None and display.isVisible()
    qtbot.waitExposed(display)
    main.customer_action.trigger()  # a second time: the same window, raised
    assert main.customer_window is display
    return display


def texts(display: CustomerWindow) -> list[str]:
    page = display.pages.currentWidget()
    return [label.text() for label in page.findChildren(QLabel) if label.isVisible()]


def middle_colour(image: QImage) -> QColor:
    return image.pixelColor(image.width() // 2, image.height() // 8)


def test_a_scan_at_the_counter_shows_the_verdict_to_the_customer(
        qtbot: QtBot, shop: Shop, window: MainWindow, tmp_path: Path) -> None:
    wash = products.add_product(shop, "Car wash ×5 洗车", "99.00", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 1)], "王女士", "13800001234")
    payload = fulfilment.pay_order(shop, order.id, "cash")[0].payload
    display = open_display(qtbot, window)
    assert display.pages.currentIndex() == 0 and shop.name in texts(display)
    counter = tab_of(window, RedemptionTab)
    assert isinstance(counter, RedemptionTab)
    with qtbot.waitSignal(counter.verdict_shown, timeout=WAIT_MS):
        counter.submit(payload, KEYBOARD)
    shot = display.grab().toImage()
    assert shot.save(str(tmp_path / "verdict.png"))
    assert middle_colour(shot) == QColor(PALETTE["ok"][0])  # green, the whole width
    shown = texts(display)
    assert any("Redeemed" in text for text in shown) and "4 of 5 left" in shown
    assert not any("1234" in text or "王女士" in text for text in shown)  # faces the queue

    with qtbot.waitSignal(counter.verdict_shown, timeout=WAIT_MS):
        counter.submit("V1NOTAVOUCHER", KEYBOARD)
    assert middle_colour(display.grab().toImage()) != QColor(PALETTE["ok"][0])
    display.back_to_rest.timeout.emit()  # the few seconds pass
    assert display.pages.currentIndex() == 0


def test_a_sale_shows_the_voucher_qr_to_photograph(
        qtbot: QtBot, shop: Shop, window: MainWindow, tmp_path: Path) -> None:
    wash = products.add_product(shop, "Wash x5", "90.00", "service", uses=5)
    order = orders.create_order(shop, [(wash.id, 1)], "李先生")
    display = open_display(qtbot, window)
    tab = tab_of(window, OrdersTab)
    assert isinstance(tab, OrdersTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh(select_id=order.id)  # made by core behind the window's back
    idle()
    assert tab.selected_order() is not None and tab.selected_order().id == order.id
    tab.take_payment()
    idle()
    payment = tab.dialog
    assert isinstance(payment, PaymentDialog) and payment.isVisible()
    with qtbot.waitSignal(tab.order_paid, timeout=WAIT_MS):
        qtbot.mouseClick(payment.pay_button, Qt.MouseButton.LeftButton)
    idle()
    assert display.pages.currentIndex() == 2
    shot = tmp_path / "sale.png"
    assert display.grab().toImage().save(str(shot))
    assert [d.text for d in decode_file(shot)] == [
        view.payload for view in order_voucher_views(shop, order.id)]
    (view,) = order_voucher_views(shop, order.id)
    assert f"Wash x5\n{wording.uses_text(view)}" in texts(display)
    title, [qr] = display.sale_title, display.findChildren(QLabel, "saleQr")
    gap = qr.mapTo(display, QPoint(0, 0)).y() - title.mapTo(display, QPoint(0, 0)).y()
    assert 0 < gap < title.height() + 2 * qr.height()  # the thanks sits with its code
    assert title.mapTo(display, QPoint(0, 0)).y() > title.height()  # not against the edge


def test_the_display_grows_with_a_big_monitor_and_its_codes_still_read(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA item 12: at 1920x1080 the QR stayed 300 px and the captions small. They grow with
    the window, and every QR still decodes."""
    wash = products.add_product(shop, "Wash x5", "90.00", "service", uses=5)
    order = orders.create_order(shop, [(wash.id, 3)], "李先生")
    fulfilment.pay_order(shop, order.id, "cash")
    display = CustomerWindow(shop)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitExposed(display)
    measured: dict[tuple[int, int], tuple[set[int], float, float]] = {}
    for size in ((1024, 768), (1920, 1080)):
        display.resize(*size)
        width = size[0]
        qtbot.waitUntil(lambda: display.width() == width, timeout=WAIT_MS)  # noqa: B023
        display.show_sale(order.id)
        idle()
        qtbot.waitUntil(lambda: display.pages.currentIndex() == 2, timeout=WAIT_MS)
        # The labels take the codes' new size when the layout runs, a posted event: a grab
        # before it cut a code short (one unread, a stray "093" read from what was left).
        # Only the shown ones: the last sale's, deleted later, are hidden at once.
        qrs = settled(qtbot, display)
        assert all(map(laid_out, qrs))
        page = display.pages.currentWidget()
        assert page is not None
        caption = next(label for label in page.findChildren(QLabel)
                       if label.text().startswith("Wash x5"))
        sides = {round(qr.pixmap().width() / qr.pixmap().devicePixelRatio()) for qr in qrs
                 if not qr.pixmap().isNull()}
        measured[size] = (sides, caption.font().pointSizeF(),
                          display.verdict_word.font().pointSizeF())
        shot = tmp_path / f"sale-{size[0]}.png"
        assert display.grab().toImage().save(str(shot))
        payloads = {view.payload for view in order_voucher_views(shop, order.id)}
        read = {d.text for d in decode_file(shot)}
        # Every code read from the whole window. Beside all three, a decoder once also "read"
        # 189774 (CI; not reproduced in 300 grabs since): a phantom from three codes side by
        # side, no voucher, so it is let be. Each code by itself must read exactly.
        assert payloads <= read and not any(text.startswith("V1") for text in read - payloads)
        for index, qr in enumerate(qrs):
            alone = tmp_path / f"code-{size[0]}-{index}.png"
            assert qr.grab().toImage().save(str(alone))
            assert [d.text for d in decode_file(alone)] == [
                view.payload for view in order_voucher_views(shop, order.id)][index:index + 1]
    (small_sides, small_caption, small_word) = measured[(1024, 768)]
    (big_sides, big_caption, big_word) = measured[(1920, 1080)]
    assert len(small_sides) == len(big_sides) == 1
    assert min(big_sides) > max(small_sides) and big_caption > small_caption
    assert big_word > small_word
    display.close()


def test_a_gift_cards_code_is_never_shown_to_the_queue(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s39a F13: a ¥550 gift card's QR and code stood 90 s on the screen that faces the
    queue; whoever photographs it spends the card. It is counted with those to ask for."""
    card = products.add_product(shop, "Gift card 500", "500.00", "giftcard", value="550")
    wash = products.add_product(shop, "Wash x5", "90.00", "service", uses=5)
    mixed = orders.create_order(shop, [(card.id, 1), (wash.id, 1)], "王女士")
    fulfilment.pay_order(shop, mixed.id, "cash")
    only_card = orders.create_order(shop, [(card.id, 1)], "李先生")
    fulfilment.pay_order(shop, only_card.id, "cash")
    display = CustomerWindow(shop)
    qtbot.addWidget(display)
    display.resize(1024, 768)
    display.show()
    qtbot.waitExposed(display)
    display.show_sale(mixed.id)
    idle()
    qtbot.waitUntil(lambda: display.pages.currentIndex() == 2, timeout=WAIT_MS)
    settled(qtbot, display)
    views = {view.kind: view for view in order_voucher_views(shop, mixed.id)}
    shot = tmp_path / "sale.png"
    assert display.grab().toImage().save(str(shot))
    assert [d.text for d in decode_file(shot)] == [views["service"].payload]
    shown = " ".join(texts(display))
    assert views["giftcard"].code not in shown and "Gift card 500" not in shown
    assert display.sale_more.text() == "and 1 more voucher: ask for it printed or sent"
    display.show_sale(only_card.id)
    idle()
    qtbot.waitUntil(lambda: display.pages.currentIndex() == 0, timeout=WAIT_MS)  # at rest
