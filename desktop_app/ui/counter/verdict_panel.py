"""The full-width verdict: one colour and one big word, readable from a step away.

Green: hand it over. Red: do not. Amber: not now, someone can sort it out. Under the word, a
sentence in plain words, then the facts (product, uses left, validity, code). It goes back
to a calm "Ready to scan" after a few seconds, so an old verdict is never taken for a new one.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.counter_find import card_code_shown, masked_code
from desktop_app.core.counter_recent import FAILED  # a failed check shown: it stays
from desktop_app.core.redemption import Verdict
from desktop_app.core.text import display_width, printable
from desktop_app.core.voucher_lookup import VoucherInfo
from desktop_app.core.vouchers import code_as_read
from desktop_app.i18n import sentences
from desktop_app.messages.clock_texts import with_clock_hint
from desktop_app.messages.verdict_texts import (
    EXPLANATIONS,
    card_key_used_text,
    headline,
    malformed_text,
    mistyped_text,
    refunded_uses_text,
    status_text,
    verdict_headline,
)
from desktop_app.ui.counter.fact_lines import FactLines, Line, line_text
from desktop_app.ui.counter.lookup_models import left_text
from desktop_app.ui.counter.redemption_models import (
    FALLBACKS,
    TONE_ATTENTION,
    TONE_BUSY,
    TONE_LOOKUP,
    TONE_OK,
    TONE_READY,
    TONE_REFUSED,
    code_groups,
    local_date_text,
    local_time_text,
    spent_text,
    suspect_text,
    tone_of,
    too_low_text,
    translated,
    uses_text,
)
from desktop_app.ui.display import money
from desktop_app.ui.widgets import scaled_font

# (background, text, soft text) per tone. Amber takes dark text: white on amber is unreadable.
PALETTE: dict[str, tuple[str, str, str]] = {
    TONE_READY: ("#eef3f3", "#29413f", "#5f7371"),
    TONE_BUSY: ("#e3ecec", "#29413f", "#5f7371"),
    TONE_OK: ("#1f7a34", "#ffffff", "#dcf5e1"),
    TONE_REFUSED: ("#c62828", "#ffffff", "#ffe3e3"),
    TONE_ATTENTION: ("#f2a516", "#2b1d00", "#4a3300"),
    TONE_LOOKUP: ("#dde7f0", "#1d3550", "#3b5b7a"),  # a look-up: no verdict's colour
}
SEPARATOR = "   ·   "  # between the facts of a line
LONG_DETAIL, LONG_DETAIL_SCALE = 160, 0.75  # columns; a long explanation's size (see _build)
PREFERRED_HEIGHT = 170  # a verdict's four lines; the words grow it where they need more
UNCERTAIN = "uncertain"  # the panel's reason while a lost answer is not yet known
WAITS_FOR_AMOUNT = ("amount_required", "insufficient_balance")  # the card waits while shown
SYMBOLS = {TONE_READY: "", TONE_BUSY: "…", TONE_OK: "✓", TONE_REFUSED: "✕",
           TONE_ATTENTION: "!", TONE_LOOKUP: "?"}


class VerdictPanel(QFrame):
    """Shows a :class:`Verdict`; ``tone`` (ready, busy, ok, refused, attention) and ``reason``
    say what it shows, for tests and for whoever listens to ``tone_changed``."""

    tone_changed = Signal(str)
    cleared = Signal()  # the verdict went (its time was up, or it no longer holds)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self._tone = ""
        self.currency = ""  # the shop's, set by the tab: a balance is money (QA s11b F5)
        self.reason = ""
        self.repeated = False
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._clear)
        self.clear_after_ms = 6000
        # What is still being checked, oldest first: then a verdict clears to "Checking…" that
        # names it, never to "Ready to scan" (a queued scan's verdict would turn up unannounced).
        self.checking: Callable[[], list[str]] = list
        # Said under "Checking…" once a check has taken far too long (a hung server).
        self.busy_note = ""
        # A clerk's counter: a gift card's code is its money, shown masked (``counter_find``)
        self.masks_card_codes = False
        self.show_ready()

    def _build(self) -> None:
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.symbol = self._label(5.4, bold=True)
        self.symbol.setFixedWidth(110)
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = self._label(3.4, bold=True)
        self.detail = self._label(1.8)
        # A long explanation (a lost answer, a server's refusal) in a smaller size: at the big
        # one it took five lines and left the station's list a row and a half (QA s39b F8).
        self._detail_font = self.detail.font()
        self._long_detail_font = scaled_font(self.detail, LONG_DETAIL_SCALE)
        self.facts = FactLines(self)
        self.facts.setFont(scaled_font(self.facts, 1.2))
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.note = self._label(1.05, bold=True)
        self.source = self._label(0.95)
        self.source.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for label in (self.facts, self.source):
            label.setObjectName("soft")
        texts = self._texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addStretch(1)
        for label in (self.headline, self.detail, self.facts, self.note):
            texts.addWidget(label)
        texts.addStretch(1)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(18, 16, 22, 16)
        row.setSpacing(16)
        row.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        row.addWidget(self.source, 0, Qt.AlignmentFlag.AlignTop)

    def paint_now(self) -> None:
        """Lays out and paints what the panel shows at once, before the caller does anything
        else: the verdict is what the cashier waits for (within a frame of the answer)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.repaint()

    def set_roomy(self, roomy: bool) -> None:
        """With room to spare, one height for every verdict, so the list below does not
        jump from scan to scan; without, just what the words need (a netbook's screen).

        A minimum, because layouts size a panel of wrapping labels by its layout's height
        for the width, never by ``sizeHint``."""
        self.setMinimumHeight(PREFERRED_HEIGHT if roomy else 0)
        # A short screen (1366x768 at 150 %): the words keep their size, the air goes.
        edge = 16 if roomy else 6
        self._row.setContentsMargins(18, edge, 22, edge)
        self._texts.setSpacing(6 if roomy else 1)

    def _label(self, factor: float, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setFont(scaled_font(label, factor, bold))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    # -- state ------------------------------------------------------------------------------

    @property
    def tone(self) -> str:
        """What the panel shows now: ready, busy, ok, refused, attention or lookup."""
        return self._tone

    @property
    def clear_after_ms(self) -> int:
        return self._clear_after_ms

    @clear_after_ms.setter
    def clear_after_ms(self, value: int) -> None:
        """How long a verdict stays; 0 keeps it until the next one."""
        self._clear_after_ms = max(0, int(value))

    def _set_tone(self, tone: str) -> None:
        background, text, soft = PALETTE[tone]
        sheet = (f"QFrame#verdictPanel {{ background: {background}; border-radius: 10px; }}"
                 f" QFrame#verdictPanel QLabel {{ color: {text}; background: transparent; }}"
                 f" QFrame#verdictPanel QLabel#soft {{ color: {soft}; }}")
        if sheet != self.styleSheet():  # setting it polishes every label again: milliseconds
            self.setStyleSheet(sheet)
        self.symbol.setText(SYMBOLS[tone])
        if tone != self._tone:
            self._tone = tone
            self.tone_changed.emit(tone)

    def _show(self, tone: str, title: str, detail: str = "", facts: list[Line] | None = None,
              note: str = "", source: str = "", keep: bool = False,
              refresh: bool = False) -> None:
        """``keep``: stays until the next verdict. ``refresh``: the same verdict's facts read
        again; its time to clear goes on as it was (a change elsewhere is no new verdict)."""
        self._set_tone(tone)
        self.facts.set_lines(facts or [])  # plain: rich only for a typo's groups
        self.facts.setVisible(bool(self.facts.text()))
        self.detail.setFont(self._long_detail_font if display_width(detail) > LONG_DETAIL
                            else self._detail_font)
        for label, text in ((self.headline, title), (self.detail, detail),
                            (self.note, note), (self.source, source)):
            label.setText(text)
            label.setVisible(bool(text))
        if refresh:
            return
        self._timer.stop()
        if tone not in (TONE_READY, TONE_BUSY) and self._clear_after_ms and not keep:
            self._timer.start(self._clear_after_ms)

    # -- what it shows ----------------------------------------------------------------------

    def clear(self) -> None:
        """Back to waiting: the verdict shown no longer holds (an undo gave its use back)."""
        self._clear()

    def _clear(self) -> None:
        waiting = self.checking()
        if waiting:
            self.show_busy(waiting)
        else:
            self.show_ready()
        self.cleared.emit()

    def show_ready(self) -> None:
        self.reason, self.repeated = "", False
        self._show(TONE_READY, self.tr("Ready to scan"),
                   self.tr("Scan a voucher's QR code, or type its printed code."))

    def show_busy(self, scanned: list[str]) -> None:
        """For a check that takes longer than a blink (a busy disk, a row another counter
        holds): what is checked, and how many more wait behind it (QA s39b F15)."""
        before, _, after = self.tr("Scanned: {code}").partition("{code}")
        # A QR's code, not its text; masked for a clerk, as nothing says yet whether it is
        # a gift card's, whose code is its money (QA s39a F20.8)
        code = code_as_read(scanned[0])
        shown = printable(scanned[0]) if code is None else (
            masked_code(code) if self.masks_card_codes else code)
        line: Line = [(before, False), (shown, True), (after, False)]
        more = len(scanned) - 1
        if more:
            line.append((SEPARATOR + (self.tr("1 more scan waiting") if more == 1 else self.tr(
                "{count} more scans waiting").format(count=more)), False))
        self._show(TONE_BUSY, self.tr("Checking…"), self.busy_note, [line] if scanned else [])

    def show_failure(self, message: str, scanned: str = "") -> None:
        """The check itself failed (database locked, disk full): nothing was redeemed. It
        stays until the next scan or a click on it, and names ``scanned`` (the code, or the
        text as scanned): a cashier who looked away found "Ready to scan" and could not
        tell whether the customer's voucher was taken (QA s19a F11)."""
        self.reason, self.repeated = FAILED, False
        # One line, under words that may take three: a netbook's screen has no room for more.
        stays = self.tr("Nothing was used · Click to dismiss")
        line: Line = [(stays, False)]
        if scanned:  # the code gives way, never what it says after it
            before, _, after = self.tr("Scanned: {code}").partition("{code}")
            line = [(before, False), (printable(scanned), True), (after + SEPARATOR, False),
                    *line]
        self._show(TONE_ATTENTION, self.tr("Not redeemed"), message, [line], keep=True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click dismisses a failure the cashier has read; any other verdict keeps its time."""
        if self.reason == FAILED:
            self.clear()
        super().mousePressEvent(event)

    def show_uncertain(self, message: str, charging: bool) -> None:
        """The server's answer was lost: whether it was redeemed is not known yet. Stays until
        the counter has found out (or the next verdict): never "Not redeemed" (QA s13a F2)."""
        self.reason, self.repeated = UNCERTAIN, False
        title = (self.tr("Not certain — check before charging again") if charging
                 else self.tr("Not certain — check before handing over"))
        self._show(TONE_ATTENTION, title, message, keep=True)

    def show_lookup_ready(self) -> None:
        """Look-up mode is on: the next scan shows a voucher and uses nothing."""
        self.reason, self.repeated = "", False
        self._show(TONE_LOOKUP, self.tr("Look up"),
                   self.tr("Scan a voucher to see it. Nothing is used."))

    def show_lookup(self, info: VoucherInfo, refresh: bool = False) -> None:
        """A looked-up voucher, in the look-up's own colour: nothing was used. ``refresh``:
        the voucher shown, read again after a change elsewhere (``_show``)."""
        self.reason, self.repeated = "lookup", False
        validity = (self.tr("valid until {date}").format(date=local_date_text(info.valid_until))
                    if info.valid_until else self.tr("no expiry date"))
        facts = [self._product_line(info.product, [validity]),
                 self._code_line(self._shown_code(info), info.customer, info.customer_phone)]
        left = left_text(info, self.currency)
        self._show(TONE_LOOKUP, self.tr("Look-up: {left}").format(left=left),
                   status_text(info.status, info.kind), facts,
                   self.tr("Look-up only — nothing was used"), refresh=refresh)

    def show_lookup_refusal(self, reason: str, typed: str = "") -> None:
        """A look-up of text that names no voucher here: what a redemption would say."""
        self.reason, self.repeated = "lookup", False
        explanation = translated(EXPLANATIONS.get(reason, "")) if reason in EXPLANATIONS else ""
        if reason == "mistyped":
            explanation = mistyped_text(typed)  # a symbol wrong, missing or one too many
        elif reason == "malformed":
            explanation = malformed_text(typed)  # a payment code, a product's barcode
        self._show(TONE_LOOKUP, self.tr("Look-up: {what}").format(what=headline(reason)),
                   explanation, [],
                   self.tr("Look-up only — nothing was used"))

    def show_verdict(self, verdict: Verdict, *, repeated: bool = False,
                     source: str = "", typed: str = "", earlier: bool = False) -> None:
        """``typed`` is the text as scanned or typed: a mistyped code shows it, its suspect
        group marked. ``earlier``: the verdict of an earlier scan whose answer was lost,
        found saved since; nothing more was taken."""
        self.reason, self.repeated = verdict.reason, repeated
        note = self.tr("Repeat — nothing consumed") if repeated else ""
        if earlier:
            note = self.tr("Your earlier scan ({time}) went through: its answer had been "
                           "lost. Nothing more was taken.").format(
                               time=local_time_text(verdict.at))
        elif verdict.reason in WAITS_FOR_AMOUNT and verdict.code:
            note = self.tr("{code} waits for its amount: type it and press Enter.").format(
                code=self._shown_code(verdict))
        # An earlier scan found saved stays until the next scan (QA s13b N1): the cashier
        # must not miss that it went through.
        self._show(tone_of(verdict.reason), verdict_headline(verdict.reason, verdict.kind),
                   self._detail(verdict, typed), self._facts(verdict), note, source,
                   keep=earlier)
        if verdict.reason == "mistyped" and typed:  # none when kept hidden (a password?)
            self._show_typo(typed, verdict.suspect_group)

    def _show_typo(self, typed: str, group: int | None) -> None:
        """The code as typed in its groups, the one to check underlined, and which it is."""
        groups = [html.escape(part) for part in code_groups(typed)]
        if group is not None and 0 <= group < len(groups):
            groups[group] = f"<b><u>{groups[group]}</u></b>"
        hint = html.escape(suspect_text(typed, group))
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setText(SEPARATOR.join(part for part in ("-".join(groups), hint) if part))
        self.facts.setVisible(bool(groups))

    def customer_text(self, verdict: Verdict) -> str:
        """``Customer: Ms Wang (*******5678)``, or "" when the order names nobody."""
        return line_text(self._customer_parts(verdict.customer, verdict.customer_phone))

    def _customer_parts(self, name: str, phone: str) -> Line:
        """The customer, their name the part that gives way: the masked phone stays whole."""
        if not name and not phone:
            return []
        before, _, after = self.tr("Customer: {who}").partition("{who}")
        if not name:
            return [(before + phone + after, False)]
        return [(before, False), (name, True), ((f" ({phone})" if phone else "") + after, False)]

    def _product_line(self, product: str, rest: list[str]) -> Line:
        """The product, cut first, then what is short and must stay whole (uses, validity)."""
        tail = "".join(SEPARATOR + part for part in rest if part)
        return [(product, True), (tail, False)] if product else [(tail.removeprefix(SEPARATOR),
                                                                   False)]

    def _code_line(self, code: str, name: str, phone: str) -> Line:
        """The code whole, on its own line's start (never split at a hyphen: QA s17b F8)."""
        customer = self._customer_parts(name, phone)
        if not code:
            return customer
        return [(code + (SEPARATOR if customer else ""), False), *customer]

    def _detail(self, verdict: Verdict, typed: str) -> str:
        said = self._refusal_detail(verdict, typed)
        if verdict.refunded_uses:  # "0 of 1 left" of two coffees, one paid back (QA s41a F14)
            return sentences(said, refunded_uses_text(verdict, local_time_text))
        return said

    def _refusal_detail(self, verdict: Verdict, typed: str) -> str:
        if verdict.reason == "mistyped":
            return mistyped_text(typed)  # a symbol wrong, missing or one too many
        if verdict.reason == "malformed":
            return malformed_text(typed)  # a payment code, a product's barcode
        if verdict.reason == "redeemed" and verdict.balance is not None:
            if verdict.spent is not None:
                return spent_text(verdict.spent, verdict.balance, self.currency)
            return self.tr("Balance left {amount}").format(
                amount=money(verdict.balance, self.currency))
        if verdict.reason == "redeemed" and verdict.kind == "cardkey":
            return card_key_used_text()  # its uses say nothing: the key was handed over
        if verdict.reason == "redeemed" and verdict.uses > 1:  # "two washes": seen taken
            return self.tr("{uses} uses taken · {left}").format(
                uses=verdict.uses, left=uses_text(verdict.uses_left, verdict.uses_total))
        if verdict.reason == "redeemed":
            return uses_text(verdict.uses_left, verdict.uses_total)
        if verdict.reason == "insufficient_balance" and verdict.asked is not None:
            return too_low_text(verdict, self.currency)
        if verdict.reason == "not_enough_uses" and verdict.uses_left is not None:
            return self.tr("Only {left} left, {asked} asked for. Nothing was used.").format(
                left=verdict.uses_left, asked=verdict.uses)
        facts = {"who": verdict.last_operator, "when": local_time_text(verdict.last_at),
                 "station": verdict.last_station,
                 "valid_from": local_date_text(verdict.valid_from),
                 "valid_until": local_date_text(verdict.valid_until)}
        template = EXPLANATIONS.get(verdict.reason)
        if template is None:
            return ""
        needed = {"already_redeemed": "who", "not_yet_valid": "valid_from",
                  "expired": "valid_until"}.get(verdict.reason)
        if needed and not facts[needed]:
            text = translated(FALLBACKS[verdict.reason])
        else:
            text = translated(template).format(**facts)
        # Refused by this PC's date: whether that date looks right (QA s19a F3)
        return with_clock_hint(text) if verdict.reason in ("expired", "not_yet_valid") else text

    def _facts(self, verdict: Verdict) -> list[Line]:
        """Two lines: the product, uses and validity; the code and the customer."""
        parts = []
        # Uses, where they mean something: a redemption's are said in large type, a gift
        # card counts money and a card key was handed over whatever its uses say.
        # A void voucher has nothing left to use: its uses were paid back with the refund
        # (QA s35a F4: "4 of 5 left" under "Void"), and no date makes it valid.
        counted = verdict.balance is None and verdict.kind != "cardkey"
        if verdict.reason not in ("redeemed", "voided") and counted:
            parts.append(uses_text(verdict.uses_left, verdict.uses_total))
        if verdict.voucher_id is not None and verdict.reason not in ("expired", "voided",
                                                                      "not_yet_valid"):
            parts.append(self.tr("valid until {date}").format(
                date=local_date_text(verdict.valid_until)) if verdict.valid_until
                else self.tr("no expiry date"))
        return [self._product_line(verdict.product, parts),
                self._code_line(self._shown_code(verdict), verdict.customer,
                                verdict.customer_phone)]

    def _shown_code(self, shown: Verdict | VoucherInfo) -> str:
        """A gift card's code is its money: a clerk's counter shows it masked, as the list
        below does, in every line of a verdict or a look-up (QA s39a F20.8, s42a F3)."""
        return card_code_shown(shown.code, shown.balance, self.masks_card_codes)
