"""QA s19a F10: a clerk locked out at the login was only told to wait, and the one link offered
was for the owner. A wrong password and a wait now say what to do when the password is
forgotten, for a clerk (ask the owner: Admin → Operators) and for an owner (the link), since
the login cannot tell them apart: roles are in the encrypted database."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from pytestqt.qtbot import QtBot
from test_ui_setup_login import log_in, open_login

from desktop_app.core import auth
from desktop_app.core.errors import WrongPassword
from desktop_app.core.lockout import FREE_FAILURES, LoginThrottle
from desktop_app.core.store import Shop
from desktop_app.messages import error_message

pytestmark = pytest.mark.usefixtures("temp_settings")

CLERK_WAY = "Forgot your password? A clerk asks the owner to set a new one (Admin → Operators)"
OWNER_LINK = "an owner clicks “Owner password forgotten?” below."


@pytest.fixture
def clerk_shop(shop: Shop, shop_dir: Path) -> Path:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    return shop_dir


def test_a_wrong_password_says_how_to_get_a_new_one(qtbot: QtBot, clerk_shop: Path) -> None:
    dialog = open_login(qtbot, clerk_shop)
    log_in(qtbot, dialog, CLERK, "not the password")
    said = dialog.message.text()
    assert said.startswith(error_message(WrongPassword()) + " ")
    assert CLERK_WAY in said and said.endswith(OWNER_LINK)


def test_a_clerk_told_to_wait_is_told_to_ask_the_owner(qtbot: QtBot, clerk_shop: Path) -> None:
    for _ in range(FREE_FAILURES):
        LoginThrottle(clerk_shop).failed(CLERK)
    dialog = open_login(qtbot, clerk_shop)
    log_in(qtbot, dialog, CLERK, CLERK_PASSWORD)  # the right one waits too
    assert dialog.shop is None
    assert dialog.message.text() == (
        f"Too many wrong passwords. Wait 30 seconds, then try again. {CLERK_WAY}; {OWNER_LINK}")


def test_a_wait_in_minutes_says_the_way_out_once(qtbot: QtBot, clerk_shop: Path) -> None:
    for _ in range(FREE_FAILURES + 2):  # the third wait: 5 minutes
        LoginThrottle(clerk_shop).failed(CLERK)
    dialog = open_login(qtbot, clerk_shop)
    log_in(qtbot, dialog, CLERK, CLERK_PASSWORD)
    said = dialog.message.text()
    assert said.startswith("Too many wrong passwords. Wait 5 minutes, then try again. ")
    assert "reset the password" not in said and said.count("owner to set") == 1


def test_the_lock_screen_sends_an_owner_to_the_login(qtbot: QtBot, clerk_shop: Path) -> None:
    """The lock screen has no link: an owner who forgot the password finds it at the login."""
    dialog = open_login(qtbot, clerk_shop, locked=True, operator=CLERK)
    log_in(qtbot, dialog, CLERK, "not the password")
    said = dialog.message.text()
    assert CLERK_WAY in said
    assert said.endswith("an owner clicks Quit, then “Owner password forgotten?” at the login.")


def test_in_chinese_the_clerk_is_a_clerk_and_no_space_joins_the_sentences(
        qtbot: QtBot, qapp: object, clerk_shop: Path) -> None:
    """QA s39a F4: "…然后重试。 忘记密码了？店员请店主…": an ASCII space between Chinese
    sentences, and 店员 where the glossary's role is 核销员."""
    from desktop_app.i18n import install_translator, remove_translators

    install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
    try:
        dialog = open_login(qtbot, clerk_shop)
        log_in(qtbot, dialog, CLERK, "not the password")
        said = dialog.message.text()
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
    assert "。忘记密码了？核销员请店主" in said and "店员" not in said and "。 " not in said


def test_the_lock_screens_long_refusal_is_shown_whole(qtbot: QtBot, clerk_shop: Path) -> None:
    """QA s41a F13: at 1024x768 the lock screen's four lines after a wrong password were
    squeezed into two, their first and last lines cut: the dialog now grows for them."""
    dialog = open_login(qtbot, clerk_shop, locked=True, operator=CLERK)
    qtbot.waitExposed(dialog)
    log_in(qtbot, dialog, CLERK, "not the password")
    qtbot.wait(50)  # the layout's request handled
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())
    assert dialog.height() <= dialog.screen().availableGeometry().height()
