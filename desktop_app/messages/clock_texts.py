"""This PC's clock well off the server's, in words (QA s16a F2): said in the main window's
status bar and by a command, so that someone sets the PC's date and time. Nothing recorded is
wrong meanwhile: the shop's times follow the server (``core.server_clock``).
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.server_clock import Rough, rough
from desktop_app.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "ClockTexts"
# {count} is always 2 or more (see server_clock.rough).
AMOUNTS = {
    "minutes": QT_TRANSLATE_NOOP("ClockTexts", "about {count} minutes"),
    "hours": QT_TRANSLATE_NOOP("ClockTexts", "about {count} hours"),
    "days": QT_TRANSLATE_NOOP("ClockTexts", "about {count} days"),
}
AHEAD_TEXT = QT_TRANSLATE_NOOP(
    "ClockTexts", "This PC's clock is {amount} ahead of the shop's server. The shop's times "
    "follow the server.")
BEHIND_TEXT = QT_TRANSLATE_NOOP(
    "ClockTexts", "This PC's clock is {amount} behind the shop's server. The shop's times "
    "follow the server.")
WHAT_TO_DO_TEXT = QT_TRANSLATE_NOOP(
    "ClockTexts", "Redemptions, expiry dates and reports use the server's time, so nothing is "
    "recorded wrong. Please set this PC's date and time (or let it set them automatically).")


def amount_text(said: Rough) -> str:
    return translate(CONTEXT, AMOUNTS[said.unit]).format(count=said.count)


def clock_off_text(offset: dt.timedelta) -> str:
    """One line: how far off, which way, and that the shop follows the server. ``offset``
    is the server's clock minus this PC's."""
    said = rough(offset)
    text = translate(CONTEXT, AHEAD_TEXT if said.pc_ahead else BEHIND_TEXT)
    return text.format(amount=amount_text(said))


def what_to_do_text() -> str:
    return translate(CONTEXT, WHAT_TO_DO_TEXT)
