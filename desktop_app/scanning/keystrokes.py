"""Telling a scanner's burst of keys from a person typing, from key timestamps alone (no Qt).

A USB scanner "types" a whole payload in a few tens of milliseconds, usually followed by Enter
(some are configured with no suffix, or with Tab). People type ten times slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SCANNER = "scanner"
KEYBOARD = "keyboard"

# An AIM symbology identifier (ISO/IEC 15424): "]" + the symbology's letter + a modifier digit,
# "]Q1" before a QR code's text, sent by scanners set up so. "]" is never part of a payload.
_AIM_IDENTIFIER = re.compile(r"\][A-Za-z][0-9]")


def without_aim_identifier(text: str) -> str:
    """A scanner's text without the AIM identifier some scanners put first (QA s12b F5)."""
    found = _AIM_IDENTIFIER.match(text)
    return text[found.end():] if found else text


@dataclass(frozen=True)
class Burst:
    """Text that ended (Enter, suffix or idle timeout), and who typed it."""

    text: str
    source: str  # SCANNER or KEYBOARD


class KeystrokeClassifier:
    """Collects typed characters with their times (ms) and decides who typed them.

    A *burst* is the run of characters since the last pause longer than ``idle_timeout_ms``.
    It is a scanner's when it has at least ``min_chars`` characters, a mean interval under
    ``max_mean_interval_ms``, and no sign of a person (a correction, a key held down).
    Characters typed before the burst stay in the buffer: a person's text ends only with Enter.
    """

    def __init__(self, *, min_chars: int = 8, max_mean_interval_ms: float = 35.0,
                 idle_timeout_ms: float = 80.0, suffix: str = "") -> None:
        self.min_chars = min_chars
        self.max_mean_interval_ms = max_mean_interval_ms
        self.idle_timeout_ms = idle_timeout_ms
        self.suffix = suffix
        self.reset()

    def reset(self) -> None:
        self._chars: list[str] = []
        self._times: list[float] = []
        self._burst_start = 0
        self._human = False  # the current burst showed a person at the keys
        # The newest key's time, a correction's too: a pause after it ends the burst. Timed
        # by the characters left alone, a person's mark outlived an erased field, and a scan
        # seconds later was taken for their typing (QA s43a F6, F9).
        self._last_ms: float | None = None

    @property
    def text(self) -> str:
        """Everything typed since the last submission."""
        return "".join(self._chars)

    @property
    def burst_text(self) -> str:
        return "".join(self._chars[self._burst_start :])

    @property
    def burst_length(self) -> int:
        """Characters in the current burst (1: the last one fed began it)."""
        return len(self._chars) - self._burst_start

    @property
    def pending(self) -> bool:
        return bool(self._chars)

    def is_scanner(self, min_chars: int | None = None) -> bool:
        """Whether the burst so far looks like a scanner's (of at least ``min_chars``
        characters: by default the classifier's own)."""
        count = len(self._chars) - self._burst_start
        if self._human or count < max(self.min_chars if min_chars is None else min_chars, 2):
            return False
        span = self._times[-1] - self._times[self._burst_start]
        return span / (count - 1) < self.max_mean_interval_ms

    def feed(self, char: str, timestamp_ms: float) -> Burst | None:
        """Adds a character. Returns a scanner burst when it completes the configured suffix."""
        if self._last_ms is not None and timestamp_ms - self._last_ms > self.idle_timeout_ms:
            self._burst_start, self._human = len(self._chars), False
        self._chars.append(char)
        self._times.append(timestamp_ms)
        self._last_ms = timestamp_ms
        if self.suffix and self.burst_text.endswith(self.suffix):
            return self._end_with_suffix()
        return None

    def _end_with_suffix(self) -> Burst | None:
        cut = len(self._chars) - len(self.suffix)
        body_is_scanner = cut - self._burst_start >= self.min_chars
        del self._chars[cut:]
        del self._times[cut:]
        # A person typing the suffix character (say Tab) is not a scan: keep their text as is.
        if body_is_scanner and self.is_scanner():
            return self._take(SCANNER)
        return None

    def enter(self, timestamp_ms: float | None = None, *,
              slow_scan: Callable[[str], bool] | None = None,
              min_chars: int | None = None) -> Burst | None:
        """Enter pressed: the scanner's burst, or everything a person typed; None if empty.

        ``slow_scan`` names a burst's text that only a scanner sends (a voucher's payload):
        such a burst is a scanner's when slower than the usual rule allows (a Bluetooth
        scanner's 40 ms a key; QA s12b F8) if nothing in it showed a person and no key of it,
        this Enter included, came after a pause. ``min_chars``: a shorter burst is a scanner's
        too where nothing that short is typed that fast (a gift card's PIN box)."""
        if not self._chars:
            return None
        if self.is_scanner(min_chars) or (slow_scan is not None and self._is_steady(timestamp_ms)
                                 and slow_scan(self.burst_text)):
            return self._take(SCANNER)
        return self._take(KEYBOARD)

    def _is_steady(self, timestamp_ms: float | None) -> bool:
        return (timestamp_ms is not None and not self._human
                and self.burst_length >= self.min_chars
                and timestamp_ms - self._times[-1] <= self.idle_timeout_ms)

    def end_key(self, timestamp_ms: float) -> Burst | None:
        """A key that ends lines (Tab) but is not the configured suffix: the end of a burst
        already a scanner's, right after it (QA s12b F4: a Tab scanner's Tab moved the focus
        into another box); None for anything else, and then it is the key it always was."""
        if not self._chars or timestamp_ms - self._times[-1] > self.idle_timeout_ms \
                or not self.is_scanner():
            return None
        return self._take(SCANNER)

    def expire(self, now_ms: float | None = None) -> Burst | None:
        """The idle timeout: submits a scanner burst that came without a suffix.

        ``now_ms=None`` means the caller's timer already measured the pause. A person's text
        is kept: people pause while typing and end with Enter.
        """
        if not self._chars:
            return None
        if now_ms is not None and now_ms - self._times[-1] < self.idle_timeout_ms:
            return None
        return self._take(SCANNER) if self.is_scanner() else None

    def backspace(self, timestamp_ms: float | None = None) -> None:
        """A correction at ``timestamp_ms``: drops the last character; only people correct."""
        if len(self._chars) > self._burst_start:
            self._chars.pop()
            self._times.pop()
        self.mark_human(timestamp_ms)

    def mark_human(self, timestamp_ms: float | None = None) -> None:
        """Something only a person does (a held key, an arrow key) happened in this burst, at
        ``timestamp_ms``: the keys within the pause after it are theirs too."""
        self._human = True
        if timestamp_ms is not None:
            self._last_ms = timestamp_ms

    def _take(self, source: str) -> Burst:
        text = without_aim_identifier(self.burst_text) if source == SCANNER else self.text
        self.reset()
        return Burst(text, source)
