"""What a session whose files were replaced redeemed since it opened, in words (QA s12e F3).

Said after the files_replaced refusal and in the window's red bar, with the printed codes:
the files the next open reads may lack those redemptions, and once the owner acknowledges
that rollback the vouchers can be redeemed again. The log names them too, by number
(``core.session_redeemed``), for after the window is closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop_app.core.dates import local_time, local_today
from desktop_app.core.errors import ShopError
from desktop_app.core.live_files import FILES_REPLACED
from desktop_app.core.session_redeemed import SessionRedemption
from desktop_app.core.store import Shop
from desktop_app.i18n import QT_TRANSLATE_NOOP, sentences, translate

CONTEXT = "SessionTexts"
MOST_SHOWN = 8  # a longer list names its latest; the log has them all
ONE_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "Since it opened, this session redeemed one voucher that the files now in "
    "the shop folder may lack: {codes}.")
SEVERAL_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "Since it opened, this session redeemed {count} vouchers that the files "
    "now in the shop folder may lack: {codes}.")
KEEP_ONE_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "Write it down before you log out: if the shop then says its records are "
    "older, acknowledging that makes it redeemable again. The log file names it too, by "
    "voucher and order number (Help → Open the log folder).")
KEEP_SEVERAL_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "Write them down before you log out: if the shop then says its records "
    "are older, acknowledging that makes them redeemable again. The log file names them too, "
    "by voucher and order number (Help → Open the log folder).")
ONE_CODE_TEXT = QT_TRANSLATE_NOOP("SessionTexts", "{code} ({time}, {operator})")
MORE_TEXT = QT_TRANSLATE_NOOP("SessionTexts", "{codes} and {more} more")
# The list grows one code at a time: a Chinese sentence separates them with its own semicolon.
ONE_MORE_CODE = QT_TRANSLATE_NOOP("SessionTexts", "{codes}; {code}")
# The counter's refusal is read in a large font: it points to the red bar, which names them.
POINT_TO_ONE_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "The red bar above names the voucher this session redeemed before: write "
    "it down before you log out.")
POINT_TO_SEVERAL_TEXT = QT_TRANSLATE_NOOP(
    "SessionTexts", "The red bar above names the {count} vouchers this session redeemed "
    "before: write them down before you log out.")


def _when(moment: dt.datetime) -> str:
    """The time alone today (the usual case: a session of today), else the day too."""
    local = moment.astimezone()
    today = local_today()
    return local.strftime("%H:%M") if local.date() == today else local_time(moment)


def redeemed_before_hold_text(redeemed: Sequence[SessionRedemption]) -> str:
    """The sentences naming them, with how to keep them; "" when there were none."""
    if not redeemed:
        return ""
    named = [translate(CONTEXT, ONE_CODE_TEXT).format(code=r.code, time=_when(r.at),
                                                      operator=r.operator)
             for r in redeemed[-MOST_SHOWN:]]
    codes = named[0]
    for code in named[1:]:
        codes = translate(CONTEXT, ONE_MORE_CODE).format(codes=codes, code=code)
    if len(redeemed) > MOST_SHOWN:
        codes = translate(CONTEXT, MORE_TEXT).format(codes=codes,
                                                     more=len(redeemed) - MOST_SHOWN)
    one = len(redeemed) == 1
    text = translate(CONTEXT, ONE_TEXT if one else SEVERAL_TEXT)
    return sentences(text.format(count=len(redeemed), codes=codes),
                     translate(CONTEXT, KEEP_ONE_TEXT if one else KEEP_SEVERAL_TEXT))


def banner_with_redeemed_before_hold(text: str, shop: Shop) -> str:
    """The files_replaced hold's red bar (``text``), then what ``shop``'s session redeemed."""
    note = redeemed_before_hold_text(shop.replaced.redeemed if shop.replaced else [])
    return f"{text}\n{note}" if note else text


def refusal_with_redeemed_before_hold(text: str, exc: ShopError, shop: Shop) -> str:
    """A refusal's words (``text``); for the files_replaced hold, where to find what
    ``shop``'s session redeemed before it."""
    count = len(shop.replaced.redeemed) if shop.replaced else 0
    if not count or exc.code != "integrity_hold" or exc.params.get("problem") != FILES_REPLACED:
        return text
    pointer = translate(CONTEXT, POINT_TO_ONE_TEXT if count == 1 else POINT_TO_SEVERAL_TEXT)
    return sentences(text, pointer.format(count=count))
