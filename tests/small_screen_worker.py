"""A separate process that opens the owner's larger dialogs on a small screen and prints, as
JSON, how each fits: a 1366x768 PC at 150 % has 911x512 logical pixels, and the offscreen
platform only takes its screen's size when the process starts (``configfile=``).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/small_screen_worker.py FOLDER LANG
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QWidget,
)

from desktop_app.core import products
from desktop_app.core.store import Shop, create_shop
from desktop_app.ui import tasks

OWNER, OWNER_PASSWORD = "Alice", "correct horse 42"
LONG_NAME = "Deep clean inside and out, wax and polish, engine bay wash, ten visits " * 2


def fits(widget: QWidget, dialog: QWidget) -> bool:
    """``widget`` is inside ``dialog``'s rectangle (a button below the edge is not)."""
    corner = widget.mapTo(dialog, widget.rect().topLeft())
    return dialog.rect().contains(QRect(corner, widget.size()))


def squeezed(dialog: QWidget) -> list[str]:
    """The wrapped texts shorter than their text needs, and the spin boxes cut short."""
    found = [label.text()[:40] for label in dialog.findChildren(QLabel)
             if label.isVisibleTo(dialog) and label.wordWrap() and label.text()
             and label.height() < label.heightForWidth(label.width())]
    found += [box.objectName() or type(box).__name__
              for box in dialog.findChildren(QAbstractSpinBox)
              if box.isVisibleTo(dialog) and box.height() < box.minimumSizeHint().height()]
    return found


def measure(dialog: QWidget) -> dict[str, object]:
    dialog.show()
    assert tasks.wait_until_idle(15_000)
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    buttons = [button.text() for button in dialog.findChildren(QAbstractButton)
               if button.isVisibleTo(dialog) and not fits(button, dialog)]
    found = {"size": [dialog.width(), dialog.height()], "screen": [screen.width(), screen.height()],
             "inside": screen.contains(dialog.frameGeometry()), "buttons_outside": buttons,
             "squeezed": squeezed(dialog)}
    dialog.close()
    return found


def dialogs(shop: Shop, parent: QWidget) -> dict[str, Callable[[], QWidget]]:
    from desktop_app.ui.admin.audit_dialog import AuditDialog
    from desktop_app.ui.admin.operators_dialog import OperatorsDialog
    from desktop_app.ui.admin.settings_dialog import SettingsDialog
    from desktop_app.ui.admin.verify_dialog import VerifyDialog
    from desktop_app.ui.customer.customer_window import CustomerWindow
    from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
    from desktop_app.ui.inventory.product_dialog import ProductDialog
    from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
    from desktop_app.ui.orders.expiring_dialog import ExpiringDialog
    from desktop_app.ui.orders.order_dialog import NewOrderDialog

    keys = products.product_detail(shop, products.add_product(shop, "Game key", "50.00",
                                                              "cardkey").id)
    wash = products.product_detail(shop, products.add_product(
        shop, LONG_NAME[:120], "99.00", uses=10, valid_days=365).id)
    return {
        "new_order": lambda: NewOrderDialog(shop, "CNY", parent),
        "settings": lambda: SettingsDialog(shop, parent),
        "audit": lambda: AuditDialog(shop, parent),
        "expiring": lambda: ExpiringDialog(shop, parent),
        "card_keys": lambda: CardKeyDialog(shop, keys, parent=parent),
        "card_lookup": lambda: CardLookupDialog(shop, parent),
        "operators": lambda: OperatorsDialog(shop, parent),
        "verify": lambda: VerifyDialog(shop, parent),
        "new_product": lambda: ProductDialog(shop, "CNY", parent=parent),
        "edit_product": lambda: ProductDialog(shop, "CNY", wash, parent),
        "customer_display": lambda: CustomerWindow(shop, parent),
    }


def main(folder: Path, language: str) -> None:
    from desktop_app.i18n import install_translator

    app = QApplication(sys.argv[:1])
    install_translator(app, language)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(folder / "settings"))
    app.setOrganizationName("VoucherShopTests")
    app.setApplicationName("VoucherShopTests")
    parent = QWidget()
    parent.setGeometry(parent.screen().availableGeometry())
    parent.show()
    with create_shop(folder / "shop", "Test Shop 测试店", "CNY", OWNER, OWNER_PASSWORD) as shop:
        results = {name: measure(make()) for name, make in dialogs(shop, parent).items()}
        assert tasks.wait_until_idle(15_000)
    print(json.dumps(results))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
