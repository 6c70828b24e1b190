"""What the camera's frames mean as reads, one voucher at a time (no Qt).

A code is one read while it stays in view: its hold runs from its last *sighting*, not from
the read, and is never shorter than the counter's repeat window (core.counter), so a voucher
whose reading drops out for a moment (a thumb over a corner, glare) is not read again when it
comes back (QA s12b F2: a 5-use pass lost a second use while held still). Only a code gone
from view for longer than the hold is read afresh, and then the counter decides.

A frame with several different voucher codes reads none of them (QA s12b F1: a sheet of
uncut vouchers was redeemed whole in one glance): the cashier is told to show one at a time.
Other codes beside a single voucher (a product's barcode on the same bag) do not stop it.
A voucher seen beside another is read only once it has stayed in view alone for
``SETTLE_S``: a strip of uncut vouchers sliding across the view showed the next one alone a
frame later, and it was redeemed (QA s12d F9); the one a customer keeps showing after taking
the other away is still read, a moment later.

A code that is no voucher at all (the payment stand's QR on the counter, a web address) is
no read: the camera is not aimed like a scanner, and such a code must not turn the screen red
right after a voucher's green, nor be logged as an attempt (QA s12b F11). It is noted once
per appearance, quietly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.counter import REPEAT_WINDOW_S
from desktop_app.core.vouchers import has_voucher_shape
from desktop_app.scanning.decoders import Decoded

_MAX_REMEMBERED = 64
SETTLE_S = 0.8  # how long a voucher seen beside another must be alone in view to be read
SEVERAL_IN_VIEW, NOT_A_VOUCHER = "several_in_view", "not_a_voucher"


@dataclass(frozen=True)
class FrameReads:
    """A decoded frame's outcome: the codes to hand on as reads, and what to say about the
    rest, once per sighting and not every frame (SEVERAL_IN_VIEW, NOT_A_VOUCHER or "")."""

    reads: list[Decoded]
    notice: str = ""
    # A voucher already read, still alone in view: no read, but the preview keeps it
    # outlined while it is there (QA s41a F10: the outline went 1.2 s after the one read).
    held: list[Decoded] = field(default_factory=list)


class CameraReads:
    """Turns each decoded frame into reads, remembering when each code was last in view."""

    def __init__(self, hold_s: float = REPEAT_WINDOW_S) -> None:
        self.hold_s = max(hold_s, REPEAT_WINDOW_S)
        self._seen: dict[str, float] = {}  # code text: when it was last in view
        self._several: tuple[frozenset[str], float] | None = None
        self._grouped: dict[str, float] = {}  # a voucher seen beside another: when, last
        self._alone_since: dict[str, float] = {}  # such a voucher, in view alone since

    def frame(self, found: list[Decoded], now: float) -> FrameReads:
        if len(self._seen) > _MAX_REMEMBERED:
            self._seen = {t: at for t, at in self._seen.items() if now - at <= self.hold_s}
        vouchers = _distinct([item for item in found if has_voucher_shape(item.text)])
        if len(vouchers) > 1:
            return FrameReads([], SEVERAL_IN_VIEW if self._several_in_view(vouchers, now) else "")
        if vouchers and not self._settled(vouchers[0].text, now):
            return FrameReads([])
        if vouchers:
            new = self._new_sightings(vouchers, now)
            return FrameReads(new, held=[] if new else vouchers)
        others = self._new_sightings(_distinct(found), now)
        return FrameReads([], NOT_A_VOUCHER if others else "")

    def _new_sightings(self, codes: list[Decoded], now: float) -> list[Decoded]:
        """Codes that came into view (not seen within the hold); every one's sighting noted."""
        new = []
        for item in codes:
            last = self._seen.get(item.text)
            self._seen[item.text] = now
            if last is None or now - last > self.hold_s:
                new.append(item)
        return new

    def _settled(self, text: str, now: float) -> bool:
        """Whether a voucher alone in view may be read: one not seen beside another within
        the hold may at once; one that was must have stayed alone for ``SETTLE_S``."""
        self._alone_since = {t: at for t, at in self._alone_since.items() if t == text}
        grouped = self._grouped.get(text)
        if grouped is None or now - grouped > self.hold_s:
            self._grouped.pop(text, None)
            return True
        since = self._alone_since.setdefault(text, now)
        if now - since < SETTLE_S:
            return False
        del self._grouped[text], self._alone_since[text]
        return True

    def _several_in_view(self, vouchers: list[Decoded], now: float) -> bool:
        """Several vouchers: none is read. A code already read stays quiet while in view (it
        is still the same read); the warning is said when this set of codes comes into view."""
        texts = frozenset(item.text for item in vouchers)
        for text in texts & self._seen.keys():
            self._seen[text] = now
        if len(self._grouped) > _MAX_REMEMBERED:
            self._grouped = {t: at for t, at in self._grouped.items() if now - at <= self.hold_s}
        for text in texts:
            self._grouped[text] = now
            self._alone_since.pop(text, None)
        last, self._several = self._several, (texts, now)
        return last is None or last[0] != texts or now - last[1] > self.hold_s


def _distinct(found: list[Decoded]) -> list[Decoded]:
    by_text: dict[str, Decoded] = {}
    for item in found:
        by_text.setdefault(item.text, item)
    return list(by_text.values())
