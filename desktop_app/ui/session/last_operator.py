"""The login screen offers the name of the last operator who logged in on this PC (QA s15a
F11): a clerk called 小李 then types only the password, without switching the input method
on for the name and off again. The name is remembered per shop in this PC's settings, never
in the shop's database, and never with a password; nobody else's name is listed.

The name is offered selected: whoever comes next (the owner after the clerk) types over it,
whether they click into the field or go back to it with Shift+Tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from desktop_app.ui import settings


def _place(data_dir: Path, database_url: str | None) -> str:
    """The shop's place as this PC knows it: its server (without user or password), or its
    folder."""
    if database_url:
        from desktop_app.messages import server_address  # psycopg: only for a server shop

        return "server:" + server_address(database_url)
    return "folder:" + str(Path(data_dir).resolve())


def remembered_operator(data_dir: Path, database_url: str | None = None) -> str:
    return settings.last_operator(_place(data_dir, database_url)).text()


def remember_operator(data_dir: Path, database_url: str | None, name: str) -> None:
    """After a successful login (or the shop's creation) by ``name``."""
    settings.last_operator(_place(data_dir, database_url)).write(name)


class _SelectOfferedName(QObject):
    """A click into the name field while it still holds the offered name selects all of it:
    typing then replaces it instead of adding to it (Tab and Shift+Tab select by themselves)."""

    def __init__(self, field: QLineEdit, offered: str) -> None:
        super().__init__(field)
        self.offered = offered
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit)
                and watched.text() == self.offered):
            # after the click itself has placed the cursor (it comes right after the focus)
            QTimer.singleShot(0, watched, watched.selectAll)
        return False


def offer_operator(name_field: QLineEdit, password_field: QLineEdit, name: str) -> None:
    """``name`` (the lock screen's operator, or the last one on this PC) filled in, the focus
    on the password; without a name the focus is on the name field. Going back to the name
    (a click, Shift+Tab) selects it."""
    name_field.setText(name)
    if name:
        _SelectOfferedName(name_field, name)
    (password_field if name else name_field).setFocus()
