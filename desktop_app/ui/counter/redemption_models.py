"""What the Redemption tab says and remembers, without its widgets.

* the words and colour ("tone") of each verdict reason of CONTRACT.md;
* local times as a cashier reads them;
* the counter's scan settings, kept in QSettings (per computer, not per shop);
* the table model of the station's recent redemptions, fed by ``set_rows()``.

The look-up's tables (a voucher's history, vouchers found by customer) are in lookup_models.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core import vouchers
from desktop_app.core.counter_recent import FAILED, RecentAttempt
from desktop_app.core.dates import local_today, utc_now
from desktop_app.core.redemption import Verdict
from desktop_app.core.text import printable
from desktop_app.i18n import QT_TRANSLATE_NOOP, sentences
from desktop_app.messages.verdict_texts import verdict_headline
from desktop_app.ui import settings
from desktop_app.ui.display import money

CONTEXT = "Redemption"

TONE_READY = "ready"
TONE_BUSY = "busy"
TONE_OK = "ok"
TONE_REFUSED = "refused"
TONE_ATTENTION = "attention"
TONE_LOOKUP = "lookup"  # a look-up: nothing consumed, in a colour no verdict has
LOOKUP_BORDER = "#3b5b7a"

# Red: do not hand anything over. Amber: not now, but someone can sort it out (wait for the
# start date, take payment, ask the owner).
_ATTENTION = frozenset({"not_yet_valid", "not_paid", "forbidden", "amount_required",
                        "not_a_giftcard", "mistyped", "not_enough_uses", FAILED})

UNDONE_LABEL = QT_TRANSLATE_NOOP("Redemption", "Redeemed, undone")
# A row this station showed that the shop's records lack since an older copy was put back
# (QA s13b N2): kept in the list and marked, the evidence of what the older copy lost.
GONE_LABELS = {
    True: QT_TRANSLATE_NOOP("Redemption", "{result} · not on the server now"),
    False: QT_TRANSLATE_NOOP("Redemption", "{result} · not in the shop's records now"),
}
GONE_TIPS = {
    True: QT_TRANSLATE_NOOP(
        "Redemption", "This station saw it happen, but the shop's database on the server no "
        "longer has it: an older copy was put back. Compare with the newest pg_dump before "
        "acknowledging."),
    False: QT_TRANSLATE_NOOP(
        "Redemption", "This station saw it happen, but the shop's records no longer have "
        "it: an older copy was put back."),
}

# Said instead when the fact the fuller sentence names could not be read.
FALLBACKS: dict[str, str] = {
    "already_redeemed": QT_TRANSLATE_NOOP("Redemption", "It has no uses left."),
    "not_yet_valid": QT_TRANSLATE_NOOP("Redemption", "It cannot be used yet."),
    "expired": QT_TRANSLATE_NOOP("Redemption", "It can no longer be used."),
}


# Where the check can tell (exactly one voucher here is one typo away), the group to look at.
SUSPECT_GROUPS = (
    QT_TRANSLATE_NOOP("Redemption", "Check the 1st group: {group}"),
    QT_TRANSLATE_NOOP("Redemption", "Check the 2nd group: {group}"),
    QT_TRANSLATE_NOOP("Redemption", "Check the 3rd group: {group}"),
    QT_TRANSLATE_NOOP("Redemption", "Check the 4th group: {group}"),
)
GROUP_LEN = 4
GROUPS = 4  # a printed code: three groups of 4 and a last one of 5 (the check symbol)


def _group_positions(text: str) -> list[list[int]]:
    """Where each printed group's symbols sit in ``text``: the groups as typed when the text
    is typed in four (a symbol short or long shows in its group: "E1R8-PWG-BGAE-3S09M"),
    else cut as printed, 4-4-4 and the rest."""
    typed: list[list[int]] = [[]]
    for i, char in enumerate(text):
        if vouchers.normalize(char):
            typed[-1].append(i)
        elif typed[-1]:
            typed.append([])
    typed = [group for group in typed if group]
    if len(typed) == GROUPS:
        return typed
    positions = list(itertools.chain.from_iterable(typed))
    cuts = [GROUP_LEN * i for i in range(GROUPS)] + [len(positions)]
    return [positions[start:end] for start, end in itertools.pairwise(cuts)]


def code_groups(text: str) -> list[str]:
    """A typed code's printed groups, as read (case, spaces and hyphens forgiven)."""
    return [vouchers.normalize("".join(text[i] for i in group))
            for group in _group_positions(text)]


def group_span(text: str, group: int) -> tuple[int, int] | None:
    """Where printed group ``group`` of a typed code sits in ``text`` as typed (start,
    length), so the field can select just that group for correction."""
    groups = _group_positions(text)
    if not 0 <= group < len(groups) or not groups[group]:
        return None
    first, last = groups[group][0], groups[group][-1]
    return first, last - first + 1


def suspect_text(text: str, group: int | None) -> str:
    """``Check the 3rd group: TB4W``, or "" when the check cannot tell where."""
    groups = code_groups(text)
    if group is None or not 0 <= group < min(GROUPS, len(groups)):
        return ""
    return translated(SUSPECT_GROUPS[group]).format(group=groups[group])


def translated(text: str) -> str:
    """A string marked with ``QT_TRANSLATE_NOOP("Redemption", ...)``, in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def tone_of(reason: str) -> str:
    if reason == "redeemed":
        return TONE_OK
    return TONE_ATTENTION if reason in _ATTENTION else TONE_REFUSED


def local_time_text(when: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """``today 14:03`` or ``2025-06-30 14:03`` in this computer's time zone."""
    if when is None:
        return ""
    local = when.astimezone()
    today = (now or utc_now()).astimezone().date()
    if local.date() == today:
        return QCoreApplication.translate("Redemption", "today {time}").format(
            time=local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d %H:%M")


def local_date_text(when: dt.datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when is not None else ""


def local_second_text(when: dt.datetime | None) -> str:
    """To the second: a voucher's attempts one after another, a race's three within a minute,
    told apart (QA s39b F9)."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S") if when is not None else ""


def uses_text(left: int | None, total: int | None) -> str:
    if left is None or total is None:
        return ""
    return QCoreApplication.translate("Redemption", "{left} of {total} left").format(
        left=left, total=total)



def spent_text(spent: int, balance: int, currency: str) -> str:
    """After a gift card's spend, on the verdict and the customer display: what it took and
    what is left, so both sides see 88.88 was charged, not 8.88 (QA s18b F5)."""
    return QCoreApplication.translate(
        "Redemption", "Spent {spent} · balance left {balance}").format(
            spent=money(spent, currency), balance=money(balance, currency))


# A spend this recent is named under "Balance too low": likely the other counter's, a moment
# before this one (QA s35b F12: the losing counter was told only that the card held less).
RECENT_SPEND = dt.timedelta(minutes=15)


def too_low_text(verdict: Verdict, currency: str) -> str:
    """Why a gift card's spend was refused for its balance: the amount asked beside what the
    card holds, and its last spend when that was a moment ago."""
    if verdict.asked is None or verdict.balance is None:
        return ""
    held = QCoreApplication.translate(
        "Redemption", "{asked} asked, the card holds {balance}. Nothing was spent.").format(
            asked=money(verdict.asked, currency), balance=money(verdict.balance, currency))
    last = verdict.last_at
    if last is None or utc_now() - last > RECENT_SPEND:
        return held
    return sentences(held, QCoreApplication.translate(
        "Redemption", "Last spent by {who} at {station}, {when}.").format(
            who=verdict.last_operator, station=verdict.last_station,
            when=local_time_text(last)))


# --- settings -------------------------------------------------------------------------------

SUFFIXES = ("", "\t")  # what scanners are commonly set to send instead of Enter
DEFAULT_TIMEOUT_MS = settings.SCAN_TIMEOUT_MS.default
TIMEOUT_RANGE_MS = (30, 1000)
DEFAULT_CLEAR_S = settings.VERDICT_CLEAR_S.default
CLEAR_RANGE_S = (0, 120)  # 0: keep the verdict until the next scan


@dataclass
class ScanSettings:
    """The counter's choices; kept per computer because the scanner and camera are."""

    timeout_ms: int = DEFAULT_TIMEOUT_MS  # a burst with no Enter is submitted after this pause
    suffix: str = ""  # a character the scanner sends after the code instead of Enter
    clear_after_s: int = DEFAULT_CLEAR_S
    sound: bool = True
    camera_index: int = 0
    camera_on: bool = False

    @classmethod
    def load(cls) -> ScanSettings:
        return cls(
            timeout_ms=_clamp(_int(settings.SCAN_TIMEOUT_MS.read(), DEFAULT_TIMEOUT_MS),
                              *TIMEOUT_RANGE_MS),
            suffix=settings.SCAN_SUFFIX.text()[:4],
            clear_after_s=_clamp(_int(settings.VERDICT_CLEAR_S.read(), DEFAULT_CLEAR_S),
                                 *CLEAR_RANGE_S),
            sound=_bool(settings.SOUND_ON.read(), True),
            camera_index=max(0, _int(settings.CAMERA_INDEX.read(), 0)),
            camera_on=_bool(settings.CAMERA_ON.read(), False))

    def save(self) -> None:
        for setting, value in ((settings.SCAN_TIMEOUT_MS, self.timeout_ms),
                               (settings.SCAN_SUFFIX, self.suffix),
                               (settings.VERDICT_CLEAR_S, self.clear_after_s),
                               (settings.SOUND_ON, self.sound),
                               (settings.CAMERA_INDEX, self.camera_index),
                               (settings.CAMERA_ON, self.camera_on)):
            setting.write(value)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _bool(value: object, default: bool) -> bool:
    # The INI format hands booleans back as the strings "true" and "false".
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes")


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


# --- the table of recent redemptions --------------------------------------------------------

TONE_COLORS = {TONE_OK: "#1b5e20", TONE_REFUSED: "#b71c1c", TONE_ATTENTION: "#8a4b00"}
UNDONE_COLOR = "#6b7280"
QUIET_COLOR = "#7b8a89"  # what waits: the source before a scan, a single use

COLUMNS = (
    QT_TRANSLATE_NOOP("Redemption", "Time"),
    QT_TRANSLATE_NOOP("Redemption", "Code"),
    QT_TRANSLATE_NOOP("Redemption", "Product"),
    QT_TRANSLATE_NOOP("Redemption", "Result"),
    QT_TRANSLATE_NOOP("Redemption", "Operator"),
)
TIME, CODE, PRODUCT, RESULT, OPERATOR = range(len(COLUMNS))
MAX_CODE_SHOWN = 24  # scanned garbage can be long; the table is not the place to read it

_Index = QModelIndex | QPersistentModelIndex


def result_text(row: RecentAttempt, currency: str) -> str:
    said = _result_of_one(row, currency)
    if row.uses > 1:  # one "× 3" scan, one row
        return QCoreApplication.translate("Redemption", "{result} × {uses}").format(
            result=said, uses=row.uses)
    return said


def _result_of_one(row: RecentAttempt, currency: str) -> str:
    if row.undone and row.spent_cents is not None:
        return QCoreApplication.translate("Redemption", "Spent {amount}, undone").format(
            amount=money(row.spent_cents, currency))
    if row.undone:
        return translated(UNDONE_LABEL)
    if row.reason == FAILED:  # kept in memory by the tab: no attempt was recorded
        return QCoreApplication.translate("Redemption", "Not redeemed — failed: {reason}").format(
            reason=row.failure)
    if row.ok and row.spent_cents is not None:  # a gift card: what it took, not just "Redeemed"
        return QCoreApplication.translate("Redemption", "Spent {amount}").format(
            amount=money(row.spent_cents, currency))
    return verdict_headline(row.reason, row.kind)


def shown_code(row: RecentAttempt) -> str:
    """The code, or the text as scanned when it named no voucher, its control and format
    characters escaped: a bidi override would show a scanned code reversed."""
    return printable(row.code)


def _short(text: str) -> str:
    return text if len(text) <= MAX_CODE_SHOWN else text[: MAX_CODE_SHOWN - 1] + "…"


class RecentModel(QAbstractTableModel):
    """The station's latest attempts, newest first; read-only."""

    def __init__(self, currency: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = currency  # a gift card's spend is money: ¥35.50 (QA s11b F5)
        self.on_server = False  # which words a row the records lack is marked with
        self._rows: list[RecentAttempt] = []
        self._gone: set[RecentAttempt] = set()

    def set_rows(self, rows: list[RecentAttempt], gone: Iterable[RecentAttempt] = ()) -> None:
        """``gone``: rows among ``rows`` that the shop's records no longer have."""
        self.beginResetModel()
        self._rows = list(rows)
        self._gone = set(gone)
        self.endResetModel()

    def is_gone(self, row: RecentAttempt) -> bool:
        return row in self._gone

    def rows(self) -> list[RecentAttempt]:
        return list(self._rows)

    def row_at(self, index: _Index) -> RecentAttempt | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return translated(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT:
            return QBrush(QColor(self._color(row)))
        if role == Qt.ItemDataRole.FontRole and column == RESULT and row.ok and not row.undone:
            font = QFont()
            font.setBold(not self.is_gone(row))
            font.setItalic(self.is_gone(row))
            return font
        return None

    def _display(self, row: RecentAttempt, column: int) -> str:
        if column == TIME:
            local = row.at.astimezone()
            today = local_today()
            if local.date() == today:
                return local.strftime("%H:%M:%S")
            # another year's says so: rows from a PC clock set a year off (QA s19a F3)
            return local.strftime("%m-%d %H:%M" if local.year == today.year else "%Y-%m-%d %H:%M")
        if column == CODE:
            return _short(shown_code(row))
        if column == PRODUCT:
            return row.product
        if column == RESULT and self.is_gone(row):
            return translated(GONE_LABELS[self.on_server]).format(
                result=result_text(row, self.currency))
        if column == RESULT:
            return result_text(row, self.currency)
        return row.operator

    def _tooltip(self, row: RecentAttempt, column: int) -> str | None:
        if self.is_gone(row):
            return translated(GONE_TIPS[self.on_server])
        if column == TIME:
            return local_date_text(row.at)
        if column == CODE and len(shown_code(row)) > MAX_CODE_SHOWN:
            return shown_code(row)
        if column == RESULT:  # a narrow window ends the result in "…": the whole of it here
            return row.note or result_text(row, self.currency)
        return None

    def _color(self, row: RecentAttempt) -> str:
        if self.is_gone(row):
            return TONE_COLORS[TONE_ATTENTION]
        if row.undone or row.reason == "undone":
            return UNDONE_COLOR
        return TONE_COLORS[tone_of(row.reason)]
