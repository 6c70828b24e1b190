"""The "Import keys" page of the card keys dialog: a file or pasted text, checked first, then
imported. In the dialog's words (translation context CardKeyDialog).

A check shows how many keys are new, already there (or twice in the file), already in stock
under another product, blank or malformed, and says what it took for a header row and how it
keeps a row of several columns. Only then does "Import" add the new ones, exactly the text
that was checked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import cardkeys, key_pattern
from desktop_app.core.cardkeys import KeyImportReport, RefusedLine
from desktop_app.core.key_pattern import KEY_PART_SEPARATOR
from desktop_app.core.key_rows import read_key_file, shown_header
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.messages.labels import REFUSED_SHOWN, refusal_label
from desktop_app.ui.display import count_text
from desktop_app.ui.folders import documents_folder
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    ERROR_COLOR,
    SPACING,
    SUCCESS_COLOR,
    WARNING_COLOR,
    MessageLabel,
    hint_label,
    widget_font,
)

SAMPLE_SIZE = 3
COUNT_COLORS = {"new": SUCCESS_COLOR, "duplicate": WARNING_COLOR, "other_product": ERROR_COLOR,
                "malformed": ERROR_COLOR}


def report_notes(report: KeyImportReport) -> list[str]:
    """What the counts alone do not say: the header row left out, rows of several columns
    kept together, keys that another product already sells."""
    notes = []
    if report.header:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "The first row was taken for a header and left out: {header}.")
            .format(header=shown_header(report.header)))
    if len(report.header) > 1:
        notes.append(columns_note(report))
    if report.conflicting:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "Same card number, different password or other column: {count}. "
            "Left out with the duplicates, so that no number is sold twice; ask the supplier "
            "which one is right.").format(count=count_text(report.conflicting)))
    if report.joined:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "Keys from rows of several columns: {count}. Each row is kept as "
            "one key, its columns joined by “{separator}” (e.g. card number{separator}password), "
            "and the customer receives all of it. To import the first column alone, remove the "
            "other columns from the file.").format(
                count=count_text(report.joined), separator=KEY_PART_SEPARATOR))
    if report.other_product:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "Already in stock under another product: {count}. These are left "
            "out, so that no key is sold twice.").format(count=count_text(report.other_product)))
    if report.unusual:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "Looks unusual: {count} new keys hold a space and then Chinese "
            "text (a note in the key's own cell?). The customer would receive all of it: "
            "check the file.").format(count=count_text(report.unusual)))
    if report.odd_shaped:
        notes.append(QCoreApplication.translate(
            "CardKeyDialog", "Shaped unlike the others: {count} new keys ({keys}), a stray "
            "row of the file perhaps: a customer would be sold it as a key. Remove it from "
            "the file before importing.").format(
                count=count_text(len(report.odd_shaped)),
                keys=", ".join(report.odd_shaped[:5])))
    if report.refused:
        notes.append(refused_note(report.refused))
    return notes


def refused_note(refused: list[RefusedLine]) -> str:
    """The lines refused as no key, the first ``REFUSED_SHOWN`` grouped by why: line number
    and masked text. One paragraph, so that a long list does not push the buttons off a
    small screen."""
    by_reason: dict[str, list[str]] = {}
    for item in refused[:REFUSED_SHOWN]:
        by_reason.setdefault(item.reason, []).append(QCoreApplication.translate(
            "CardKeyDialog", "line {line} ({masked})").format(line=item.line,
                                                               masked=item.masked))
    groups = [QCoreApplication.translate("CardKeyDialog", "{reason}: {lines}").format(
        reason=refusal_label(reason), lines=", ".join(lines))
        for reason, lines in by_reason.items()]
    if len(refused) > REFUSED_SHOWN:
        groups.append(QCoreApplication.translate("CardKeyDialog", "and {count} more").format(
            count=count_text(len(refused) - REFUSED_SHOWN)))
    return QCoreApplication.translate("CardKeyDialog", "Lines refused as no key — {groups}.")\
        .format(groups="; ".join(groups))


def columns_note(report: KeyImportReport) -> str:
    """Which of the header's columns make up each key, and which are left out (a note, a
    price, a date): the sample masks all but a key's number, so this says what is joined."""
    kept = shown_header(report.kept_columns)
    if not report.ignored_columns:
        return QCoreApplication.translate(
            "CardKeyDialog", "Columns kept in each key: {kept}.").format(kept=kept)
    return QCoreApplication.translate(
        "CardKeyDialog", "Columns kept in each key: {kept}; left out: {ignored}.").format(
            kept=kept, ignored=shown_header(report.ignored_columns))


def key_pattern_text(product: ProductDetail) -> str:
    """The product's key pattern in words, or the default one when it sets none."""
    low, high = product.key_min_length, product.key_max_length
    if low and high:
        length = QCoreApplication.translate(
            "CardKeyDialog", "{low} to {high} characters").format(low=low, high=high)
    elif low:
        length = QCoreApplication.translate(
            "CardKeyDialog", "at least {low} characters").format(low=low)
    elif high:
        length = QCoreApplication.translate(
            "CardKeyDialog", "at most {high} characters").format(high=high)
    else:
        length = ""
    alphabet = {
        "digits": QCoreApplication.translate("CardKeyDialog", "digits"),
        "upper_digits": QCoreApplication.translate("CardKeyDialog", "capital letters and digits"),
        "letters_digits": QCoreApplication.translate("CardKeyDialog", "letters and digits"),
    }.get(product.key_alphabet or "", "")
    if not length and not alphabet:
        return QCoreApplication.translate(
            "CardKeyDialog", "This product sets no key pattern: a line of {low} or more "
            "characters with a letter or digit in it counts as a key. To catch stray lines, "
            "edit the product and set one.").format(low=key_pattern.DEFAULT_MIN_KEY_LENGTH)
    parts = ", ".join(part for part in (length, alphabet) if part)
    return QCoreApplication.translate(
        "CardKeyDialog", "Keys of this product: {pattern} (hyphens allowed); other lines count "
        "as malformed.").format(pattern=parts)


class KeyImportPage(QWidget):
    """``imported(report)`` once keys were added; ``busy_changed`` while a check or an import
    runs, so the dialog holds its other buttons meanwhile."""

    imported = Signal(object)  # KeyImportReport
    busy_changed = Signal(bool)

    def __init__(self, shop: Shop, product: ProductDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.product = product
        self.busy = False
        self.source_path: str | None = None
        self.checked_text: str | None = None  # what the preview below was made from
        self.report: KeyImportReport | None = None
        self.file_dialog: QFileDialog | None = None
        self.choose_button = QPushButton(QCoreApplication.translate(
            "CardKeyDialog", "Choose file…"), self)
        self.choose_button.clicked.connect(self.ask_file)
        self.file_label = QLabel(self._no_file_text(), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paste = QPlainTextEdit(self)
        self.paste.setPlaceholderText(QCoreApplication.translate(
            "CardKeyDialog", "…or paste the keys here: one per line, or CSV rows with the key in "
            "the first column (a second column, such as a password, stays with its key; one "
            "headed as a note, such as 备注, is left out)."))
        self.paste.setFont(widget_font(self.paste, mono=True))
        self.paste.textChanged.connect(self._pasted)
        self.check_button = QPushButton(QCoreApplication.translate("CardKeyDialog", "Check"), self)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(QCoreApplication.translate(
            "CardKeyDialog", "Import"), self)
        self.import_button.clicked.connect(self.import_keys)
        self.import_message = MessageLabel(self)
        self._lay_out()
        self._show_report(None)

    def _no_file_text(self) -> str:
        return QCoreApplication.translate("CardKeyDialog", "No file chosen")

    def _lay_out(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        hint = QCoreApplication.translate(
            "CardKeyDialog", "Text or CSV, UTF-8 or GBK (not an Excel workbook). Duplicates (a "
            "card number in the file twice, already imported, or in stock under another "
            "product), a header row, blank and malformed lines are left out.")
        self.import_hint = hint_label(f"{hint} {key_pattern_text(self.product)}", self)
        buttons.addWidget(self.import_hint, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(SPACING)
        column.addLayout(file_row)
        column.addWidget(self.paste, 1)
        column.addWidget(self._build_preview())
        column.addWidget(self.import_message)
        column.addLayout(buttons)

    def _build_preview(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        self.counts: dict[str, QLabel] = {}
        titles = (("new", QCoreApplication.translate("CardKeyDialog", "New keys")),
                  ("duplicate", QCoreApplication.translate("CardKeyDialog", "Duplicates")),
                  ("other_product", QCoreApplication.translate(
                      "CardKeyDialog", "Under another product")),
                  ("blank", QCoreApplication.translate("CardKeyDialog", "Blank lines")),
                  ("malformed", QCoreApplication.translate("CardKeyDialog", "Malformed")))
        for column, (name, title) in enumerate(titles):
            number = QLabel("–", box)
            number.setFont(widget_font(number, scale=1.6, bold=True))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(title, box)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
            self.counts[name] = number
        self.sample = hint_label("", box)
        grid.addWidget(self.sample, 2, 0, 1, len(titles))
        self.notes = MessageLabel(box)
        grid.addWidget(self.notes, 3, 0, 1, len(titles))
        return box

    # -- the source -------------------------------------------------------------------------

    def ask_file(self) -> None:
        # The folder of the last file chosen, else Documents: never the program's own folder
        # (QA s41a: it opened where the app was started).
        folder = (Path(self.source_path).parent if self.source_path is not None
                  else documents_folder())
        dialog = QFileDialog(self, QCoreApplication.translate(
            "CardKeyDialog", "Choose a key file"), str(folder))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([
            QCoreApplication.translate("CardKeyDialog", "Key lists (*.txt *.csv)"),
            QCoreApplication.translate("CardKeyDialog", "All files (*)")])
        dialog.fileSelected.connect(self.use_file)
        self.file_dialog = dialog
        dialog.open()

    def use_file(self, path: str) -> None:
        """Import from ``path``: checked at once, so the owner sees what it holds."""
        self.source_path = path
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(path)
        self._clear_paste()
        self._forget_check()
        self.check()

    def _clear_paste(self) -> None:
        self.paste.blockSignals(True)
        self.paste.clear()
        self.paste.blockSignals(False)

    def _pasted(self) -> None:
        if self.source_path is not None:
            self.source_path = None
            self.file_label.setText(self._no_file_text())
            self.file_label.setToolTip("")
        self._forget_check()

    def _forget_check(self) -> None:
        self.checked_text = None
        self.report = None
        self._show_report(None)

    # -- check, then import -----------------------------------------------------------------

    def check(self) -> None:
        shop, product_id, path = self.shop, self.product.id, self.source_path
        text = self.paste.toPlainText()

        def work() -> tuple[str, KeyImportReport]:
            source = read_key_file(path) if path is not None else text
            return source, cardkeys.preview_card_keys(shop, product_id, source)

        self.import_message.clear()
        self._run(work, self._checked)

    def _checked(self, result: tuple[str, KeyImportReport]) -> None:
        self.checked_text, self.report = result
        self._show_report(self.report)

    def _show_report(self, report: KeyImportReport | None) -> None:
        values = {"new": len(report.new), "duplicate": report.duplicate,
                  "other_product": report.other_product, "blank": report.blank,
                  "malformed": report.malformed} if report else {}
        for name, label in self.counts.items():
            label.setText(count_text(values[name]) if report else "–")
            color = COUNT_COLORS.get(name, "")
            label.setStyleSheet(f"color: {color};" if color and values.get(name) else "")
        if report and report.new:
            shown = ", ".join(key_pattern.mask_key(key) for key in report.new[:SAMPLE_SIZE])
            more = "…" if len(report.new) > SAMPLE_SIZE else ""
            self.sample.setText(QCoreApplication.translate(
                "CardKeyDialog", "First new keys: {keys}").format(keys=shown + more))
        else:
            self.sample.setText("")
        self.notes.show_warning("\n".join(report_notes(report)) if report else "")
        count = len(report.new) if report else 0
        self.import_button.setText(
            QCoreApplication.translate("CardKeyDialog", "Import new keys ({count})").format(
                count=count_text(count)) if count else QCoreApplication.translate(
                "CardKeyDialog", "Import"))
        self._update_buttons()

    def import_keys(self) -> None:
        if self.checked_text is None or not self.report or not self.report.new:
            return
        shop, product_id, text = self.shop, self.product.id, self.checked_text
        self._run(lambda: cardkeys.import_card_keys(shop, product_id, text), self._imported)

    def _imported(self, report: KeyImportReport) -> None:
        self._clear_paste()
        self.source_path = None
        self.file_label.setText(self._no_file_text())
        self._forget_check()
        self.imported.emit(report)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)
        run_in_background(self, work, done, errors=self.import_message,
                          always=lambda: self._set_busy(False))

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy)
        self.busy_changed.emit(busy)

    def set_busy(self, busy: bool) -> None:
        """While this page or the keys page works, nothing here starts another task."""
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_input = self.source_path is not None or bool(self.paste.toPlainText().strip())
        self.check_button.setEnabled(not self.busy and has_input)
        self.choose_button.setEnabled(not self.busy)
        self.import_button.setEnabled(not self.busy and self.report is not None
                                      and bool(self.report.new))
