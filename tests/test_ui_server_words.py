"""The app's words on a server shop (QA s13b N3): the GUI names its own menu (Admin → Verify),
not the command line's ``verify``; the command line keeps its word. The acknowledge question
on a server shop points at the server's pg_dump, not at the app's backups it does not have."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import IntegrityHold
from desktop_app.messages import command_line_error_message, error_message
from desktop_app.ui.admin.verify_dialog import acknowledge_question

ROLLED_BACK = "witness_computer: rolled_back"


@pytest.mark.parametrize("facts", [{"where": "server"}, {}])
def test_the_held_verdict_names_the_apps_menu_and_the_command_line_its_command(
        facts: dict[str, str]) -> None:
    hold = IntegrityHold(problem="rolled_back", problems=ROLLED_BACK, **facts)
    in_the_app = error_message(hold)
    assert "Admin → Verify" in in_the_app and "(verify)" not in in_the_app
    on_the_command_line = command_line_error_message(hold)
    assert "(verify)" in on_the_command_line and "Admin → Verify" not in on_the_command_line
    # the rest is the same text: the server's way back is said on both
    assert ("pg_restore" in in_the_app) == ("pg_restore" in on_the_command_line) == \
        bool(facts)


def test_the_command_line_keeps_the_other_variants_of_a_hold() -> None:
    hold = IntegrityHold(problem="files_replaced", problems="files_replaced")
    assert command_line_error_message(hold) == error_message(hold)
    assert "Log out, then log in" in command_line_error_message(hold)


def test_the_acknowledge_question_on_a_server_shop_points_at_its_pg_dump() -> None:
    asked = acknowledge_question([ROLLED_BACK], server=True)
    assert "pg_dump" in asked and "second time" in asked
    assert "backup" not in asked.replace("pg_dump", "")
    on_a_folder = acknowledge_question([ROLLED_BACK])
    assert "the newest backup" in on_a_folder and "pg_dump" not in on_a_folder
