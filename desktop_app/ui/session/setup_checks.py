"""The first start's checks of a typed shop or operator name and currency, as the setup dialog
shows them beside their fields (the words are ``messages``')."""

from __future__ import annotations

from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import currency_code
from desktop_app.messages import problem_message


def name_problem(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        return problem_message("required")
    if any(ord(c) < 32 for c in cleaned):
        return problem_message("bad_name")
    return ""


def currency_problem(text: str) -> str:
    try:
        currency_code(text)  # the check the shop's creation makes
    except InvalidInput as exc:
        return problem_message(str(exc.params["problem"]))
    return ""
