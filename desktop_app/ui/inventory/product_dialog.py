"""Add or edit a product: what it is, its price, and the fields its kind needs.

Problems are said beside the field they concern, never in a popup. The dialog checks what it
can while the owner types; core checks everything again and its verdict lands beside the
same fields.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import products, shop_settings
from desktop_app.core.errors import InvalidInput, ShopError
from desktop_app.core.money import money_text
from desktop_app.core.products import KINDS, ProductDetail
from desktop_app.core.store import Shop
from desktop_app.i18n import sentences
from desktop_app.messages import error_message, problem_message
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import kind_label
from desktop_app.ui.inventory.cardkey_fields import KeyPatternField, ReusableKeyField
from desktop_app.ui.inventory.count_fields import StockField, UsesField
from desktop_app.ui.inventory.money_fields import GiftValueField, money_edit, money_problem
from desktop_app.ui.inventory.validity_fields import ValidityFields
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    dialog_buttons,
    fit_to_screen,
    grow_to_fit,
    hint_label,
)

MAX_NAME = 200
FIELDS = ("name", "kind", "price", "value", "uses", "stock", "validity", "reusable_key",
          "key_pattern")
# Core's field names, mapped to the row that shows their problem.
CORE_FIELDS = {"valid_days": "validity", "valid_from": "validity", "valid_until": "validity",
               "key_min_length": "key_pattern", "key_max_length": "key_pattern",
               "key_alphabet": "key_pattern"}


class ProductDialog(QDialog):
    """``product`` None: a new product. Emits ``saved(product_id)`` once core took it."""

    saved = Signal(int)

    def __init__(self, shop: Shop, currency: str, product: ProductDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = currency
        self.product = product
        self.busy = False
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("New product") if product is None
                            else self.tr("Edit product"))
        self.setMinimumWidth(560)
        self._build()
        # Wider where there is room, so the stock row's hint takes two lines, not three (F7).
        fit_to_screen(self, 660, self.sizeHint().height())
        self._loaded: dict[str, Any] | None = None  # an edited product's form as opened
        self.discard_box: QMessageBox | None = None
        if product is not None:
            self._load(product)
            self._loaded = self.changes()
        else:
            run_in_background(self, lambda: shop_settings.get_shop_settings(
                shop).default_valid_days, self._propose_validity, errors=self.error)
        self._kind_changed()

    def _propose_validity(self, days: int | None) -> None:
        """A new product starts with the shop's default validity (Settings)."""
        if days and "validity" not in self._touched:
            self.validity.for_days.setChecked(True)
            self.validity.days.setValue(days)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.messages = {name: MessageLabel(self) for name in FIELDS}
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form = form
        self._rows: dict[str, QWidget] = {}
        self._add_row(self.tr("Name:"), self._build_name(), "name")
        self._add_row(self.tr("Kind:"), self._build_kind(), "kind")
        self._add_row(self.tr("Price:"), self._build_price(), "price")
        self._add_row(self.tr("Value:"), self._build_value(), "value")
        self._add_row(self.tr("Uses per voucher:"), self._build_uses(), "uses")
        self._add_row(self.tr("Stock:"), self._build_stock(), "stock")
        self._add_row(self.tr("Valid:"), self._build_validity(), "validity")
        self._add_row(self.tr("Card key:"), self._build_reusable(), "reusable_key")
        self._add_row(self.tr("Keys look like:"), self._build_key_pattern(), "key_pattern")
        self.error = MessageLabel(self)
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, self.tr("Save"), self.save, self.tr("Cancel"))
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(buttons)

    def _add_row(self, label: str, field: QWidget, name: str) -> None:
        box = QWidget(self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(3)
        inner.addWidget(field)
        inner.addWidget(self.messages[name])
        self._rows[name] = box
        self.form.addRow(label, box)

    def _build_name(self) -> QWidget:
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Car wash ×5"))
        self.name.textEdited.connect(lambda: self._edited("name"))
        self.name.textChanged.connect(lambda: self._check_uses_against_name())
        self.name.editingFinished.connect(lambda: self._touch("name"))
        return self.name

    def _build_kind(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        self.kind = QComboBox(box)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind_hint = hint_label("", box)
        column.addWidget(self.kind)
        column.addWidget(self.kind_hint)
        return box

    def _build_price(self) -> QWidget:
        box = QWidget(self)
        row, self.price = money_edit(self.currency, box)
        box.setLayout(row)
        row.addStretch(1)
        self.price.textEdited.connect(lambda: self._edited("price"))
        self.price.editingFinished.connect(lambda: self._touch("price"))
        return box

    def _build_value(self) -> QWidget:
        self.value_field = GiftValueField(self.currency, self.product is not None, self)
        self.value_field.edited.connect(lambda: self._edited("value"))
        self.value_field.finished.connect(lambda: self._touch("value"))
        self.value = self.value_field.edit
        return self.value_field

    def _build_uses(self) -> QWidget:
        self.uses_field = UsesField(self)
        self.uses, self.uses_hint = self.uses_field.uses, self.uses_field.hint
        self.uses.valueChanged.connect(self._check_uses_against_name)
        return self.uses_field

    def _check_uses_against_name(self) -> None:
        self.uses_field.check_against(self.name.text())

    def _build_stock(self) -> QWidget:
        self.stock_field = StockField(self)
        self.stock, self.unlimited = self.stock_field.stock, self.stock_field.unlimited
        self.stock_hint, self.warn_at = self.stock_field.hint, self.stock_field.warn_at
        return self.stock_field

    def _build_validity(self) -> QWidget:
        self.validity = ValidityFields(self.product is not None, self)
        self.validity.edited.connect(lambda: self._edited("validity"))
        # The fields by their names here too (tests and the checks below read them).
        self.no_expiry, self.for_days, self.between = (
            self.validity.no_expiry, self.validity.for_days, self.validity.between)
        self.days = self.validity.days
        self.valid_from, self.valid_until = self.validity.valid_from, self.validity.valid_until
        return self.validity

    def _build_reusable(self) -> QWidget:
        self.reusable_field = ReusableKeyField(self)
        self.reusable_field.edited.connect(lambda: self._edited("reusable_key"))
        self.reusable, self.reusable_key = self.reusable_field.reusable, self.reusable_field.key
        return self.reusable_field

    def _build_key_pattern(self) -> QWidget:
        self.key_pattern = KeyPatternField(self)
        self.key_pattern.edited.connect(lambda: self._edited("key_pattern"))
        self.key_min, self.key_max = self.key_pattern.key_min, self.key_pattern.key_max
        self.key_alphabet = self.key_pattern.key_alphabet
        return self.key_pattern

    # -- state ------------------------------------------------------------------------------

    def _load(self, product: ProductDetail) -> None:
        self.name.setText(product.name)
        self.kind.setCurrentIndex(KINDS.index(product.kind))
        self.kind.setEnabled(False)
        self.price.setText(money_text(product.price_cents))
        self.value_field.load(product)
        self.uses.setValue(product.uses_per_voucher)
        self.unlimited.setChecked(product.stock is None)
        self.stock.setValue(product.stock or 0)
        self.warn_at.setValue(product.low_stock_threshold or 0)
        self.validity.load(product)
        self.key_pattern.load(product)
        self.reusable_field.load(product)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.form.setRowVisible(self._rows["uses"], kind == "service")
        self.form.setRowVisible(self._rows["value"], kind == "giftcard")
        self.form.setRowVisible(self._rows["stock"], kind != "cardkey")
        self.form.setRowVisible(self._rows["validity"], kind != "goods")
        self.form.setRowVisible(self._rows["reusable_key"], kind == "cardkey")
        self.form.setRowVisible(self._rows["key_pattern"], kind == "cardkey")
        hints = {
            "service": self.tr("Redeemed at the counter: each voucher has a number of uses."),
            "cardkey": self.tr("Each sale hands over a secret code (a card key) you imported. "
                               "Stock is the number of unsold keys."),
            "goods": self.tr("Things handed over at the sale; stock goes down with each one."),
            "giftcard": self.tr("A card that carries money, spent in parts at the counter "
                                "and reloaded; a small remainder is cashed out once Settings "
                                "→ Shop allows it (gift-card cash-out up to)."),
        }
        if self.product is not None:
            hints[kind] = sentences(hints[kind],
                                    self.tr("The kind cannot change once a product exists."))
        self.kind_hint.setText(hints[kind])
        self.name.setPlaceholderText({  # QA s35a F12: "e.g. Car wash ×5" for a card key too
            "service": self.tr("e.g. Car wash ×5"),
            "cardkey": self.tr("e.g. Steam wallet card 50"),
            "goods": self.tr("e.g. Gift box"),
            "giftcard": self.tr("e.g. Gift card 200"),
        }[kind])
        if self.product is None:  # what a shop sells without counting starts unlimited
            self.unlimited.setChecked(kind in ("service", "giftcard"))
        self.stock_hint.setText({"service": self.tr("Vouchers that can be sold"),
                                 "giftcard": self.tr("Cards that can be sold")}.get(
                                     kind, self.tr("Items in stock")))
        # Rows come and go with the kind: the height follows them, at the dialog's width.
        fit_to_screen(self, self.width(), self.sizeHint().height())
        grow_to_fit(self)

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._show_problems()

    def _edited(self, name: str) -> None:
        if name in self._touched:
            self._show_problems()

    # -- checking ---------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """What is wrong with the form now, by field; empty when it can be saved."""
        found: dict[str, str] = {}
        name = " ".join(self.name.text().split())
        if not name:
            found["name"] = problem_message("required")
        if not self.price.text().strip():
            found["price"] = problem_message("required")
        elif money_problem(self.price.text()):
            found["price"] = money_problem(self.price.text())
        kind = self.current_kind()
        if kind == "giftcard" and self.value_field.problem():
            found["value"] = self.value_field.problem()
        if kind == "cardkey" and self.key_pattern.problem():
            found["key_pattern"] = self.key_pattern.problem()
        if kind != "goods" and self.validity.problem():
            found["validity"] = self.validity.problem()
        needs_key = self.product is None or not self.product.reusable_key_masked
        if kind == "cardkey" and self.reusable_field.problem(needs_key):
            found["reusable_key"] = self.reusable_field.problem(needs_key)
        return found

    def _show_problems(self, problems: dict[str, str] | None = None) -> None:
        found = self.problems() if problems is None else problems
        for name, label in self.messages.items():
            text = found.get(name, "") if name in self._touched else ""
            label.show_error(text) if text else label.clear()
        self._fit()

    def _fit(self) -> None:
        # A message appearing beside a field, or a hint wrapping at the dialog's real width
        # (English at 150 %: QA s17b F7), needs room: grow, within the screen.
        grow_to_fit(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the labels have their real widths only now

    def changes(self) -> dict[str, Any]:
        """The form as core's keyword arguments."""
        kind = self.current_kind()
        values: dict[str, Any] = {"name": self.name.text(), "price": self.price.text().strip()}
        if kind == "service":
            values["uses"] = self.uses.value()
        if kind == "giftcard":
            values.update(self.value_field.values())
        if kind != "cardkey":
            values["stock"] = None if self.unlimited.isChecked() else self.stock.value()
            values["low_stock_threshold"] = (None if self.unlimited.isChecked()
                                             else self.warn_at.value() or None)
        if kind != "goods":
            values.update(self.validity.values())
        if kind == "cardkey":
            values.update(self.key_pattern.values())
            values.update(self.reusable_field.values())
        return values

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.busy:
            return
        self._touched.update(FIELDS)
        problems = self.problems()
        self._show_problems(problems)
        self.error.clear()
        if problems:
            return
        self._set_busy(True)
        run_in_background(self, self._save_in_worker(self.changes()), self._saved,
                          errors=self._refused, always=lambda: self._set_busy(False))

    def _save_in_worker(self, values: dict[str, Any]) -> Any:
        shop, product, kind = self.shop, self.product, self.current_kind()
        if product is not None:
            seen = product.stock
            return lambda: products.update_product(shop, product.id, stock_seen=seen,
                                                    **values).id
        if not values.get("reusable_key"):
            values.pop("reusable_key", None)
        return lambda: products.add_product(shop, kind=kind, **values).id

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _typed_something(self) -> bool:
        if self._loaded is not None:
            return self.changes() != self._loaded
        return bool(self.name.text().strip() or self.price.text().strip())

    def reject(self) -> None:
        """Escape, Cancel or the window's close: what was typed is not lost unasked, as New
        order asks (QA s35a F10: twenty products to set up, one Cancel clicked by mistake)."""
        if self.busy or not self._typed_something():
            super().reject()
            return
        self.discard_box = ask_to_confirm(
            self, self.windowTitle(),
            self.tr("Discard this new product?") if self.product is None
            else self.tr("Discard your changes to this product?"),
            self.tr("Discard"), super().reject, keep=self.tr("Keep editing"))

    def _saved(self, product_id: int) -> None:
        self.saved_id = product_id
        self.saved.emit(product_id)
        self.accept()

    def _refused(self, exc: ShopError) -> None:
        if isinstance(exc, InvalidInput):
            field = CORE_FIELDS.get(str(exc.params.get("field")), str(exc.params.get("field")))
            if field in self.messages:
                self.messages[field].show_error(
                    problem_message(str(exc.params.get("problem")), **exc.params))
                return
        self.error.show_error(error_message(exc))
