"""This PC's clock well off the server's, in words (QA s16a F2): said in the main window's
status bar and by a command, so that someone sets the PC's date and time. Nothing recorded is
wrong meanwhile: the shop's times follow the server (``core.server_clock``).

A shop in a file goes by this PC's clock; its newest record is all it can compare with
(``core.file_clock``, QA s19a F1, F3): the words say what was seen and ask to check the date,
and blame no one (the records from "the future" may be this PC's own, made while its clock was
ahead).
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core import file_clock
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


# A shop in a file: the offset is its newest record's time minus this PC's clock. What to do
# comes first: the status bar has room for half of a longer line at 1024 px.
FILE_BEHIND_TEXT = QT_TRANSLATE_NOOP(
    "ClockTexts", "Please check this PC's date and time: its clock is {amount} behind the "
    "shop's newest records.")
FILE_AHEAD_TEXT = QT_TRANSLATE_NOOP(
    "ClockTexts", "Is this PC's date right? It is {amount} after the shop's newest record.")
FILE_BEHIND_WHAT_TO_DO = QT_TRANSLATE_NOOP(
    "ClockTexts", "A shop kept in a file goes by this PC's clock for sales, redemptions, expiry "
    "dates and reports. Records dated after this PC's clock were made while it was set ahead, "
    "or it is behind now. While it is behind them, expiry dates are judged by the newest "
    "record's time: setting the clock back brings no expired voucher back. If this PC's date "
    "and time are right, vouchers sold while it was ahead can be used from the date they show.")
FILE_AHEAD_WHAT_TO_DO = QT_TRANSLATE_NOOP(
    "ClockTexts", "A shop kept in a file goes by this PC's clock for sales, redemptions, expiry "
    "dates and reports. If the shop was closed for a while, all is well. If not, please set "
    "this PC's date and time (or let it set them automatically).")
# After "Expired" or "Not valid yet" on the counter while this PC's clock looks wrong.
VERDICT_HINT = QT_TRANSLATE_NOOP(
    "ClockTexts", "{explanation} Please check this PC's date and time.")


def file_clock_off_text(offset: dt.timedelta) -> str:
    """One line for a shop in a file: how far this PC's clock is from the newest records."""
    said = rough(offset)
    text = translate(CONTEXT, FILE_AHEAD_TEXT if said.pc_ahead else FILE_BEHIND_TEXT)
    return text.format(amount=amount_text(said))


def file_what_to_do_text(offset: dt.timedelta) -> str:
    return translate(CONTEXT, FILE_AHEAD_WHAT_TO_DO if rough(offset).pc_ahead
                     else FILE_BEHIND_WHAT_TO_DO)


def with_clock_hint(explanation: str) -> str:
    """A refusal by date (expired, not valid yet) with the hint to check this PC's clock when
    it looks wrong by the shop's records; as it is when it looks right."""
    if file_clock.suspicion() is None:
        return explanation
    return translate(CONTEXT, VERDICT_HINT).format(explanation=explanation)
