"""What a card-key product needs besides a name and a price: one key every buyer gets (a
group-buy password) or keys imported one per sale, and what those keys look like. Part of the
product dialog, and in its words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.key_pattern import MAX_CARD_KEY_LENGTH
from desktop_app.core.products import ProductDetail
from desktop_app.messages import problem_message
from desktop_app.ui.widgets import hint_label


class ReusableKeyField(QWidget):
    """The same key for every buyer, or (unchecked) one imported key per sale."""

    edited = Signal()  # the choice or the key changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.reusable = QCheckBox(QCoreApplication.translate(
            "ProductDialog", "Every buyer gets the same key (e.g. a group-buy password)"), self)
        self.reusable.toggled.connect(self._toggled)
        self.key = QLineEdit(self)
        self.key.setMaxLength(MAX_CARD_KEY_LENGTH)
        self.key.setPlaceholderText(QCoreApplication.translate(
            "ProductDialog", "The key every buyer receives"))
        self.key.textEdited.connect(self.edited)
        self.hint = hint_label(QCoreApplication.translate(
            "ProductDialog", "Otherwise each sale hands over one of the keys you import."), self)
        column.addWidget(self.reusable)
        column.addWidget(self.key)
        column.addWidget(self.hint)
        self.key.setEnabled(False)

    def _toggled(self, on: bool) -> None:
        self.key.setEnabled(on)
        self.hint.setVisible(not on)
        self.edited.emit()

    def load(self, product: ProductDetail) -> None:
        if product.reusable_key_masked:
            self.reusable.setChecked(True)
            self.key.setPlaceholderText(QCoreApplication.translate(
                "ProductDialog", "Unchanged: {key}").format(key=product.reusable_key_masked))

    def problem(self, needs_key: bool) -> str:
        """Empty, or why not: a reusable key must be typed unless the product has one."""
        if self.reusable.isChecked() and needs_key and not self.key.text().strip():
            return problem_message("required")
        return ""

    def values(self) -> dict[str, Any]:
        """Core's ``reusable_key``: "" removes it; left out, an existing key is unchanged."""
        key = self.key.text().strip()
        if not self.reusable.isChecked():
            return {"reusable_key": ""}
        return {"reusable_key": key} if key else {}


class KeyPatternField(QWidget):
    """Length range and characters of the keys to import; a line that does not fit is
    counted as malformed in the import preview."""

    edited = Signal()  # a length changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.key_min = QSpinBox(self)
        self.key_max = QSpinBox(self)
        for spin in (self.key_min, self.key_max):
            spin.setRange(0, MAX_CARD_KEY_LENGTH)
            spin.setSpecialValueText(QCoreApplication.translate("ProductDialog", "any"))
            spin.valueChanged.connect(lambda _value: self.edited.emit())
        self.key_alphabet = QComboBox(self)
        for name, text in (
                (None, QCoreApplication.translate("ProductDialog", "Any characters")),
                ("digits", QCoreApplication.translate("ProductDialog", "Digits")),
                ("upper_digits", QCoreApplication.translate(
                    "ProductDialog", "Capital letters and digits")),
                ("letters_digits", QCoreApplication.translate(
                    "ProductDialog", "Letters and digits"))):
            self.key_alphabet.addItem(text, name)
        row.addWidget(QLabel(QCoreApplication.translate("ProductDialog", "from"), self))
        row.addWidget(self.key_min)
        row.addWidget(QLabel(QCoreApplication.translate("ProductDialog", "to"), self))
        row.addWidget(self.key_max)
        row.addWidget(QLabel(QCoreApplication.translate("ProductDialog", "characters,"), self))
        row.addWidget(self.key_alphabet, 1)

    def load(self, product: ProductDetail) -> None:
        self.key_min.setValue(product.key_min_length or 0)
        self.key_max.setValue(product.key_max_length or 0)
        self.key_alphabet.setCurrentIndex(max(0, self.key_alphabet.findData(product.key_alphabet)))

    def problem(self) -> str:
        """Empty, or why not: the longest must not be shorter than the shortest."""
        if 0 < self.key_max.value() < self.key_min.value():
            return problem_message("below_minimum")
        return ""

    def values(self) -> dict[str, Any]:
        return {"key_min_length": self.key_min.value() or None,
                "key_max_length": self.key_max.value() or None,
                "key_alphabet": self.key_alphabet.currentData()}
