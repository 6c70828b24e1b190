"""First start: create the encrypted shop and its owner, or join the shop on the server."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import recovery_keys
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import InvalidInput, ShopError
from desktop_app.core.keyslots import MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH
from desktop_app.core.pg_connection import check_url
from desktop_app.core.store import Shop
from desktop_app.messages import error_message, problem_message
from desktop_app.ui.admin.restore_dialog import RestoreDialog
from desktop_app.ui.session.last_operator import remember_operator
from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog
from desktop_app.ui.session.restore_here import restore_from_another_computer
from desktop_app.ui.session.setup_checks import currency_problem, name_problem
from desktop_app.ui.session.setup_place import LOOKING, ShopPlace
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    StrengthMeter,
    dialog_buttons,
    frame_with_header,
    grow_to_fit,
    hint_label,
)

# The currencies small shops we know of work in; the field takes any ISO 4217 code.
CURRENCIES = ("CNY", "HKD", "TWD", "MOP", "SGD", "USD", "EUR", "GBP", "JPY", "KRW", "AUD",
              "CAD")
MAX_SHOP_NAME_LENGTH = 100
WEAK_BELOW = 2  # scores 0 and 1: too short, or only one kind of character
# A field not finished yet: keeps Create disabled without scolding the user mid-typing.
INCOMPLETE = " "


def default_currency() -> str:
    """The currency of the system's locale when it is a known one, else CNY."""
    code = QLocale.system().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if code in CURRENCIES else "CNY"


class SetupDialog(QDialog):
    """Asks for the shop's name, currency and owner; creates the shop in the background.

    After ``accepted``, ``shop`` is the new shop, opened by its owner. Or the shop comes from
    another computer's backup: ``restored`` (the request, the aside folder), then the login.
    """

    restored = Signal(object, object)  # RestoreRequest, Path | None

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *,
                 database_url: str | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.location = ShopLocation(self.data_dir, database_url)
        self.shop: Shop | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.busy = False
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Create your shop"))
        self.setMinimumWidth(560)
        self._build()
        self._show_mode()
        self._validate()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        header = self.header = HeaderBar(self.tr("Welcome to Voucher Shop"),
                           self.tr("Create your shop. You will be its owner and can add clerks "
                                   "later."), self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addWidget(self._build_place())
        body.addLayout(self._build_form())
        body.addWidget(self._build_notice())
        self.error = MessageLabel(self)
        body.addWidget(self.error)
        body.addLayout(self._build_busy_row())
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        frame_with_header(self, header, body)

    def _build_place(self) -> QWidget:
        self.place = ShopPlace(self.data_dir, self.location.database_url, self)
        self.this_pc, self.on_server = self.place.this_pc, self.place.on_server
        self.server_url, self.server_message = self.place.server_url, self.place.server_message
        self.place.changed.connect(self._place_changed)
        return self.place

    def _place_changed(self) -> None:
        self._show_mode()
        self._validate()
        grow_to_fit(self)  # joining's words are longer: shown, the dialog keeps its height

    def _show_mode(self) -> None:
        """Creating a shop, or (the shop found on the server) logging this counter in to it;
        neither while the server has not said whether the shop is there."""
        joining, waiting = self.place.joining(), self.place.unanswered()
        self.setWindowTitle(self.tr("Connect this counter") if joining or waiting
                            else self.tr("Create your shop"))
        self.header.subtitle.setText(self.tr(
            "The shop is on this server already: log in with your operator name and password, "
            "and this PC becomes one of its counters.") if joining else self.tr(
            "Once the shop's server answers, you log in to the shop there, or create it "
            "there if it has none yet.") if waiting else self.tr(
            "Create your shop. You will be its owner and can add clerks later."))
        for name, row in self.rows.items():
            self.form.setRowVisible(row, not waiting and not (
                joining and name in ("shop_name", "currency", "confirm")))
        self.strength.setVisible(not joining and not waiting)
        self.notice.setVisible(not joining and not waiting)
        owner_label = cast(QLabel, self.form.labelForField(self.rows["owner_name"]))
        owner_label.setText(self.tr("Operator name:") if joining else self.tr("Owner name:"))
        self.create_button.setText(self.tr("Log in") if joining else (
            self.tr("Look again") if self.place.asked() else self.tr("Look for the shop"))
            if waiting else self.tr("Create shop"))
        self.busy_label.setText(self.tr("Logging in…") if joining
                                else self.tr("Creating the encrypted shop…"))

    def chosen_location(self) -> ShopLocation:
        return self.place.location()

    def _line_edit(self, name: str, max_length: int, password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(self._validate)
        edit.editingFinished.connect(lambda: self._touch(name))
        return edit

    def _build_form(self) -> QFormLayout:
        self.shop_name = self._line_edit("shop_name", MAX_SHOP_NAME_LENGTH)
        self.shop_name.setPlaceholderText(self.tr("e.g. Sunny Car Wash"))
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(default_currency())
        editor = self.currency.lineEdit()
        assert editor is not None  # an editable combo box always has its line edit
        editor.setMaxLength(3)
        self.currency.editTextChanged.connect(self._currency_edited)
        self.owner_name = self._line_edit("owner_name", MAX_NAME_LENGTH)
        self.owner_name.setPlaceholderText(self.tr("The name you will log in with"))
        self.password = self._line_edit("password", 1024, password=True)
        self.password.setPlaceholderText(
            self.tr("At least {minimum} characters").format(minimum=MIN_PASSWORD_LENGTH))
        self.confirm = self._line_edit("confirm", 1024, password=True)
        self.confirm.textEdited.connect(lambda: self._touch("confirm"))
        self.confirm.returnPressed.connect(self._create)
        self.messages = {name: MessageLabel(self) for name in
                         ("shop_name", "currency", "owner_name", "password", "confirm")}
        self.messages["server"] = self.place.address_problem
        form = self.form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}
        rows = ((self.tr("Shop name:"), self.shop_name, "shop_name"),
                (self.tr("Currency:"), self.currency, "currency"),
                (self.tr("Owner name:"), self.owner_name, "owner_name"),
                (self.tr("Password:"), self.password, "password"))
        for label, field, name in rows:
            extra = self._build_strength() if name == "password" else None
            self.rows[name] = self._with_message(field, name, extra)
            form.addRow(label, self.rows[name])
        self.rows["confirm"] = self._with_message(self.confirm, "confirm")
        form.addRow(self.tr("Repeat password:"), self.rows["confirm"])
        return form

    def _with_message(self, field: QWidget, name: str, extra: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(field)
        if extra is not None:
            column.addWidget(extra)
        column.addWidget(self.messages[name])
        return box

    def _build_strength(self) -> QWidget:
        self.strength = StrengthMeter(self)
        self.strength_label = self.strength.label  # the word shown, e.g. "Weak"
        return self.strength

    def _build_notice(self) -> QWidget:
        box = self.notice = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(hint_label(
            self.tr("Keep the owner password safe. The shop is encrypted: without an "
                    "operator's password nobody can open it, not even with its files."), box))
        folder = hint_label(self.tr("Shop folder: {folder}").format(
            folder=self.location.describe()), box)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(folder)
        return box

    def _build_busy_row(self) -> QHBoxLayout:
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setFixedHeight(10)
        self.busy_label = QLabel(self.tr("Creating the encrypted shop…"), self)
        row = QHBoxLayout()
        row.addWidget(self.busy_bar)
        row.addWidget(self.busy_label, 1)
        self._show_busy(False)
        return row

    def _build_buttons(self) -> QDialogButtonBox:
        buttons, self.create_button, self.quit_button = dialog_buttons(
            self, self.tr("Create shop"), self._create, self.tr("Quit"))
        # A new computer takes the shop from the other one's backup (QA s18a F2).
        self.restore_button = buttons.addButton(
            self.tr("Restore a backup from another computer…"),
            QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.ask_restore)
        return buttons

    # -- validation -------------------------------------------------------------------------

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def _currency_edited(self, text: str) -> None:
        if text != text.upper():
            # Typed lower case: show it the way it will be stored.
            self.currency.setEditText(text.upper())
            return
        self._touched.add("currency")
        self._validate()

    def _confirm_problem(self) -> str:
        password, confirm = self.password.text(), self.confirm.text()
        if confirm == password:
            return "" if confirm else problem_message("required")
        # Still typing the repeat: only complain once it cannot become equal any more.
        if len(confirm) < len(password) and password.startswith(confirm):
            return INCOMPLETE
        return problem_message("mismatch")

    def problems(self) -> dict[str, str]:
        """What is still wrong, per field; empty when the shop can be created."""
        found = {
            "shop_name": name_problem(self.shop_name.text()),
            "currency": currency_problem(self.currency.currentText()),
            "owner_name": name_problem(self.owner_name.text()),
            "password": ("" if len(self.password.text()) >= MIN_PASSWORD_LENGTH
                         else problem_message("too_short", minimum=MIN_PASSWORD_LENGTH)),
            "confirm": self._confirm_problem(),
            # QA s10a F8: an empty address made a shop of this PC's own, apart from the
            # other counters', without a word.
            "server": (problem_message("required") if self.on_server.isChecked()
                       and not self.server_url.text().strip() else ""),
        }
        if self.place.joining():  # an operator of the shop there logs in: name and password
            found = {"owner_name": found["owner_name"], "server": found["server"],
                     "password": "" if self.password.text() else problem_message("required")}
        return {name: text for name, text in found.items() if text}

    def _validate(self) -> None:
        problems = self.problems()
        for name, label in self.messages.items():
            text = problems.get(name, "").strip()
            label.show_error(text if name in self._touched else "")
        self._show_strength()
        if self.place.unanswered():  # only "Look again", once the last look has answered
            self.create_button.setEnabled(not self.busy and self.place.server_state != LOOKING)
        else:
            self.create_button.setEnabled(not problems and not self.busy)
        self.restore_button.setEnabled(not self.busy and not self.on_server.isChecked())

    def _show_strength(self) -> None:
        password = self.password.text()
        score = self.strength.show_for(password)
        self.password_is_weak = bool(password) and score < WEAK_BELOW
        weak = self.password_is_weak and len(password) >= MIN_PASSWORD_LENGTH
        if weak and not self.place.joining():
            self.messages["password"].show_warning(
                self.tr("12 or more characters mixing letters, digits and symbols are much "
                        "harder to guess."))

    # -- creating ---------------------------------------------------------------------------

    def _show_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._show_busy(busy)
        for field in (self.shop_name, self.currency, self.owner_name, self.password,
                      self.confirm, self.quit_button):
            field.setEnabled(not busy)
        self._validate()

    def _create(self) -> None:
        if self.place.unanswered():
            self.place.look_for_shop()
            return
        self._touched.update(self.messages)
        self._validate()
        if self.problems() or self.busy:
            return
        self.error.clear()
        self._set_busy(True)
        try:
            location = self.chosen_location()
            if location.database_url:
                check_url(location.database_url)
        except ShopError as exc:
            self._set_busy(False)
            self._refused(exc)
            return
        self.location = location
        shop_name = self.shop_name.text().strip()
        currency, owner = self.currency.currentText().strip(), self.owner_name.text().strip()
        password = self.password.text()
        run_in_background(
            self, lambda: location.join_or_create(shop_name, currency, owner, password),
            on_success=self._created, errors=self._refused,
            always=lambda: self._set_busy(False))

    def ask_restore(self) -> RestoreDialog:
        """The shop from another computer's backup into this PC's empty folder; the session
        shows the login once it is restored."""
        self.error.clear()
        self.restore_dialog = restore_from_another_computer(
            self, self.data_dir, self.owner_name.text().strip(), busy=self._restoring,
            refused=self.error.show_error, restored=self.restored.emit)
        return self.restore_dialog

    def _restoring(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Restoring the backup…") if busy
                                else self.tr("Creating the encrypted shop…"))
        self._set_busy(busy)

    def _created(self, shop: Shop) -> None:
        """The shop exists; it opens once the owner has kept the recovery key, or (a counter
        joined the shop on the server) once this PC's station name is kept."""
        remember_operator(self.location.data_dir, self.location.database_url, shop.operator.name)
        self._set_busy(False)
        self.forget_passwords()
        if not shop.recovery_key:
            self.place.station.save_then(shop, self._set_busy, lambda: self._joined(shop))
            return
        self.shop = shop
        self.recovery_dialog = RecoveryKeyDialog(shop.recovery_key, shop.name, self)
        shop.recovery_key = None  # shown once: not kept in memory longer than the dialog
        self.recovery_dialog.accepted.connect(lambda: self._key_kept(shop))
        self.recovery_dialog.open()

    def forget_passwords(self) -> None:
        """The passwords typed, emptied once used, without "Required." under them: the app
        emptied them, not the person (QA s43b F3: seen after "Choose another name")."""
        self.password.clear()
        self.confirm.clear()
        self._touched -= {"password", "confirm"}
        self._validate()

    def _key_kept(self, shop: Shop) -> None:
        """Recorded before the shop opens; should that fail (a full disk), the shop opens all
        the same and asks for a new key at the next login, as after a crash (QA s35a F1)."""
        self._set_busy(True)
        run_in_background(self, lambda: recovery_keys.recovery_key_kept(shop),
                          lambda _: self.accept(), lambda _exc: self.accept(),
                          always=lambda: self._set_busy(False))

    def _joined(self, shop: Shop) -> None:
        self.shop = shop
        self.accept()

    def _refused(self, exc: ShopError) -> None:
        field = {"name": "owner_name", "password": "password"}.get(
            str(exc.params.get("field")), "")
        if isinstance(exc, InvalidInput) and field:
            self.messages[field].show_error(problem_message(
                str(exc.params.get("problem")), **exc.params))
        elif exc.code == "disk_full":  # "the last change was not saved": none was ever made
            self.error.show_error(self.tr(
                "The shop could not be created: the disk that holds {folder} is full. Nothing "
                "was made there. Free some space on that disk, then click Create shop again."
            ).format(folder=self.data_dir))
        else:
            self.error.show_error(error_message(exc))

    def reject(self) -> None:
        if self.busy or self.shop is not None:
            return  # half made (a fraction of a second), or made: the key must be kept first
        super().reject()
