"""The scans kept at the lock screen for the login: in order, each voucher once, at most 20,
and those older than a minute counted apart (they are said, never redeemed)."""

from __future__ import annotations

from desktop_app.ui.session.held_scans import HELD_SCAN_S, HELD_SCANS_MAX, HeldScans


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_voucher_is_kept_once_in_the_order_last_scanned() -> None:
    clock = Clock()
    held = HeldScans(clock)
    for text in ("A", "B", "A"):
        held.hold(text)
        clock.now += 1
    assert held.count() == 2
    released = held.release()
    assert (released.fresh, released.too_old) == (["B", "A"], 0)
    assert held.count() == 0 and held.release().fresh == []


def test_only_the_latest_are_kept_and_old_ones_are_counted_apart() -> None:
    clock = Clock()
    held = HeldScans(clock)
    for number in range(HELD_SCANS_MAX + 5):
        held.hold(f"V{number}")
    assert held.count() == HELD_SCANS_MAX
    clock.now += HELD_SCAN_S / 2
    held.hold("late")
    clock.now += HELD_SCAN_S / 2  # the first ones are a minute old now; "late" is not
    assert held.count() == 1
    released = held.release()
    assert (released.fresh, released.too_old) == (["late"], HELD_SCANS_MAX - 1)
