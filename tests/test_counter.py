"""The counter: double reads repeat, codes in flight wait, one complete result per scan."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import (
    auth,
    counter,
    fulfilment,
    orders,
    products,
    redemption,
    refunds,
    voucher_lookup,
    vouchers,
)
from desktop_app.core.counter import Counter, CounterResult
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import NotFound
from desktop_app.core.models import Product, RedemptionAttempt, Voucher
from desktop_app.core.store import Shop

STATION = "Front"

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


_NUMBERS = itertools.count(1)


def pass_name(name: str) -> str:
    """Product names are unique in a shop: a second pass of the same uses gets a number."""
    if Product.select().where(Product.name == name).exists():
        return f"{name} #{next(_NUMBERS)}"
    return name

def sell(shop: Shop, uses: int = 1, customer: str = "", **product: object
         ) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, pass_name(f"Pass x{uses}"), "10.00", "service",
                                 uses=uses, **product)  # type: ignore[arg-type]
    order = orders.create_order(shop, [(item.id, 1)], customer)
    return fulfilment.pay_order(shop, order.id, "cash")[0]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def station(shop: Shop, clock: Clock) -> Counter:
    return Counter(shop, STATION, clock=clock)


def uses_left(voucher: fulfilment.IssuedVoucher) -> int:
    return Voucher.get_by_id(voucher.id).uses_left


def attempts() -> int:
    return RedemptionAttempt.select().count()


# --- the double-read guard ------------------------------------------------------------------


def test_a_double_read_repeats_the_verdict_and_consumes_nothing(station: Counter,
                                                                clock: Clock) -> None:
    voucher = sell(station.shop, uses=5)
    first = station.scan(voucher.payload, "scanner")
    assert first.verdict.reason == "redeemed" and not first.repeated
    clock.now += 2
    again = station.scan(voucher.payload.lower(), "camera")  # normalised: the same code
    assert again.repeated and again.verdict is first.verdict and again.source == "camera"
    assert again.recent is None  # nothing new to list
    assert uses_left(voucher) == 4 and attempts() == 1
    clock.now += 2.5  # still held in front of the camera: each read extends the window
    assert station.scan(voucher.payload, "camera").repeated
    clock.now += 3.1  # a deliberate second use, after the window
    third = station.scan(voucher.payload, "scanner")
    assert not third.repeated and third.verdict.uses_left == 3 and attempts() == 2


def test_a_b_a_repeats_a(station: Counter, clock: Clock) -> None:
    """The old guard remembered only the last code: A, B, A within 3 s redeemed A twice."""
    a, b = sell(station.shop, uses=5), sell(station.shop, uses=5)
    first_a = station.scan(a.payload, "scanner")
    clock.now += 0.5
    assert not station.scan(b.payload, "scanner").repeated
    clock.now += 0.5
    again_a = station.scan(a.payload, "scanner")
    assert again_a.repeated and again_a.verdict is first_a.verdict
    assert uses_left(a) == 4 and uses_left(b) == 4 and attempts() == 2


def test_a_double_read_of_a_scan_of_several_uses_takes_nothing_more(
        station: Counter, clock: Clock) -> None:
    """QA s15a F2: the uses picker resets after a scan, so the scanner's second read of a
    "3 uses" scan comes as one use: it took a 4th use."""
    voucher = sell(station.shop, uses=5)
    first = station.scan(voucher.payload, "scanner", uses=3)
    recorded = attempts()
    clock.now += 1
    again = station.scan(voucher.payload, "scanner")
    assert again.repeated and again.verdict is first.verdict
    assert uses_left(voucher) == 2 and attempts() == recorded


def test_a_double_read_repeats_the_latest_verdict_of_its_code(station: Counter,
                                                              clock: Clock) -> None:
    """QA s15a F2, case 2: one use, then three chosen, then a double read: it repeated the
    first verdict ("4/5 left") while 1 was left."""
    voucher = sell(station.shop, uses=5)
    station.scan(voucher.payload, "scanner")
    clock.now += 0.5
    chosen = station.scan(voucher.payload, "scanner", uses=3)  # asked for: a new attempt
    assert not chosen.repeated and chosen.verdict.uses_left == 1
    clock.now += 0.5
    again = station.scan(voucher.payload, "scanner")
    assert again.repeated and again.verdict.uses_left == 1 and uses_left(voucher) == 1


def test_a_voucher_is_repeated_whatever_text_names_it(station: Counter, clock: Clock) -> None:
    """QA s19a F12: the QR (9 left), then the printed code typed (8 left), then the QR read
    again repeated "9 of 10 left" while 8 were: the repeat went by the text, not the voucher.
    Its printed code within the window is the same voucher again: a repeat, nothing taken."""
    voucher = sell(station.shop, uses=10)
    first = station.scan(voucher.payload, "scanner")
    assert first.verdict.uses_left == 9
    clock.now += 1
    typed = station.scan(voucher.code.lower(), "keyboard")
    assert typed.repeated and typed.verdict.uses_left == 9
    clock.now += 1
    again = station.scan(voucher.payload, "scanner")
    assert again.repeated and again.verdict.uses_left == 9 == uses_left(voucher)
    assert attempts() == 1


def test_a_repeat_says_the_uses_left_now(shop: Shop, station: Counter, clock: Clock) -> None:
    """Another counter took a use within the window: the double read here takes nothing and
    says what is left now, not what this counter's scan left. A use given back elsewhere
    ends the repeat (its green would hold a use no longer taken)."""
    voucher = sell(shop, uses=10)
    assert station.scan(voucher.payload, "scanner").verdict.uses_left == 9
    elsewhere = Counter(shop, "Back", clock=clock)
    taken = elsewhere.scan(voucher.code, "keyboard").verdict
    assert taken.uses_left == 8
    clock.now += 1
    again = station.scan(voucher.payload, "scanner")
    assert again.repeated and again.verdict.uses_left == 8 == uses_left(voucher)
    assert taken.attempt_id is not None
    elsewhere.undo(taken.attempt_id, "wrong voucher")
    clock.now += 1
    fresh = station.scan(voucher.payload, "scanner")
    assert not fresh.repeated and fresh.verdict.uses_left == 8 == uses_left(voucher)


def test_a_gift_card_double_read_spends_once(station: Counter, clock: Clock) -> None:
    item = products.add_product(station.shop, "Card 100", "100", "giftcard")
    order = orders.create_order(station.shop, [(item.id, 1)])
    card = fulfilment.pay_order(station.shop, order.id, "cash")[0]
    asked = station.scan(card.payload, "scanner")
    assert asked.verdict.reason == "amount_required"
    clock.now += 1
    spent = station.scan(card.payload, "scanner", amount_cents=3550)  # the amount, typed
    assert not spent.repeated and spent.verdict.ok
    clock.now += 1
    again = station.scan(card.payload, "scanner")  # the amount field was cleared
    assert again.repeated and again.verdict is spent.verdict  # not "amount required"
    assert Voucher.get_by_id(card.id).balance_cents == 10000 - 3550


def test_a_pass_refused_for_an_amount_is_scanned_again_without_one(station: Counter,
                                                                   clock: Clock) -> None:
    """The counter clears a stale amount and asks for the voucher again: that scan, within
    the window and with no amount, is a new attempt, not the refusal repeated."""
    voucher = sell(station.shop, uses=2)
    refused = station.scan(voucher.payload, "scanner", amount_cents=500)
    assert refused.verdict.reason == "not_a_giftcard"
    clock.now += 1
    again = station.scan(voucher.payload, "scanner")
    assert not again.repeated and again.verdict.reason == "redeemed"


def test_fewer_uses_chosen_after_a_refusal_for_want_of_them_is_a_new_attempt(
        station: Counter, clock: Clock) -> None:
    voucher = sell(station.shop, uses=2)
    refused = station.scan(voucher.payload, "scanner", uses=3)
    assert refused.verdict.reason == "not_enough_uses"
    clock.now += 1
    assert station.scan(voucher.payload, "scanner").repeated  # a double read takes nothing
    clock.now += 1
    two = station.scan(voucher.payload, "scanner", uses=2)
    assert not two.repeated and two.verdict.ok and uses_left(voucher) == 0


def test_a_pass_refunded_since_is_checked_afresh(station: Counter, clock: Clock) -> None:
    """QA s16a F4: re-scanned 2.5 s apart, a pass refunded after its use kept getting its
    green verdict as a repeat for 10 s. A refund ends the repeat; a pass not refunded is
    still a repeat, and nothing is taken twice either way."""
    kept, refunded = sell(station.shop, uses=5), sell(station.shop, uses=5)
    for voucher in (kept, refunded):
        assert station.scan(voucher.payload, "scanner").verdict.reason == "redeemed"
    refunds.refund_order(station.shop, Voucher.get_by_id(refunded.id).order_id)
    clock.now += 2.5
    assert station.scan(kept.payload, "scanner").repeated
    again = station.scan(refunded.payload, "scanner")
    assert not again.repeated and again.verdict.reason == "voided"
    assert uses_left(kept) == 4 and attempts() == 3


def test_refusals_repeat_too(station: Counter) -> None:
    first = station.scan("HELLO-WORLD", "keyboard")
    again = station.scan("hello world", "keyboard")
    assert first.verdict.reason == "malformed" and again.repeated and attempts() == 1


def test_an_undo_ends_the_repeat(station: Counter) -> None:
    voucher = sell(station.shop, uses=3)
    first = station.scan(voucher.payload, "scanner")
    assert first.verdict.attempt_id is not None
    undone = station.undo(first.verdict.attempt_id, "wrong card")
    assert undone.uses_left == 3 and undone.recent[0].reason == "undone"
    assert not station.scan(voucher.payload, "scanner").repeated
    assert uses_left(voucher) == 2


def test_the_same_code_in_flight_is_decided_once(shop: Shop, clock: Clock,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A second submit of a code whose check still runs waits for it and repeats it."""
    voucher = sell(shop, uses=5)
    station = Counter(shop, STATION, clock=clock)
    entered, release = threading.Event(), threading.Event()
    real_redeem = redemption.redeem

    def slow_redeem(*args: object, **kwargs: object) -> redemption.Verdict:
        entered.set()
        assert release.wait(10)
        return real_redeem(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(redemption, "redeem", slow_redeem)
    results: list[CounterResult] = []

    def scan() -> None:
        results.append(station.scan(voucher.payload, "camera"))

    first = threading.Thread(target=scan)
    first.start()
    assert entered.wait(10)
    entered.clear()
    second = threading.Thread(target=scan)
    second.start()
    second.join(0.3)
    assert second.is_alive() and not entered.is_set()  # waiting, not redeeming
    release.set()
    first.join(10)
    second.join(10)
    assert [r.repeated for r in results] == [False, True]
    assert results[1].verdict is results[0].verdict
    assert uses_left(voucher) == 4 and attempts() == 1


def test_threads_scanning_at_one_counter_consume_once(station: Counter) -> None:
    voucher = sell(station.shop, uses=5)
    results: list[CounterResult] = []
    lock = threading.Lock()

    def scan() -> None:
        result = station.scan(voucher.payload, "scanner")
        with lock:
            results.append(result)

    threads = [threading.Thread(target=scan) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.repeated for r in results) == [False] + [True] * 5
    assert uses_left(voucher) == 4 and attempts() == 1


def test_a_failed_check_is_not_remembered(station: Counter,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    voucher = sell(station.shop)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk gone")

    with monkeypatch.context() as patch:
        patch.setattr(redemption, "redeem", broken)
        with pytest.raises(OSError):
            station.scan(voucher.payload, "scanner")
    result = station.scan(voucher.payload, "scanner")
    assert result.verdict.reason == "redeemed" and not result.repeated


# --- one complete result --------------------------------------------------------------------


def test_the_verdict_carries_window_customer_and_uses(station: Counter) -> None:
    start = utc_now() + dt.timedelta(days=2)
    end = start + dt.timedelta(days=30)
    voucher = sell(station.shop, uses=3, customer="王女士", valid_from=start, valid_until=end)
    result = station.scan(voucher.code, "keyboard")
    verdict = result.verdict
    assert verdict.reason == "not_yet_valid"
    assert (verdict.valid_from, verdict.valid_until) == (start, end)
    assert verdict.customer == "王女士" and verdict.product == "Pass x3"
    assert (verdict.uses_left, verdict.uses_total) == (3, 3)
    assert verdict.to_json()["valid_from"] == start.isoformat()


def test_the_result_carries_the_stations_recent_rows(station: Counter, shop: Shop) -> None:
    voucher = sell(shop, uses=2)
    redemption.redeem(shop, voucher.payload, "Back")
    result = station.scan(voucher.payload, "scanner")
    assert result.recent is not None
    assert [(r.reason, r.station, r.code) for r in result.recent] == [
        ("redeemed", STATION, voucher.code)]
    assert result.recent == station.recent()


def test_the_code_is_normalised_once(station: Counter,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    voucher = sell(station.shop, uses=2)
    calls: list[str] = []
    real_normalize = vouchers.normalize

    def counting(text: str) -> str:
        calls.append(text)
        return real_normalize(text)

    monkeypatch.setattr(vouchers, "normalize", counting)
    sloppy = " " + voucher.code.lower().replace("-", " ") + "\n"
    assert station.scan(sloppy, "keyboard").verdict.reason == "redeemed"
    assert len(calls) == 1
    assert RedemptionAttempt.get().scanned_text == sloppy.strip()  # what was typed, kept


@pytest.mark.parametrize("typed", [
    "{dash}", "{dash}".replace("-", "—"), "{dash}".replace("-", "——"),
    "{dash}".replace("-", "–"), "{dash}".replace("-", "‐"), "{dash}。", "券码：{dash}",
    "Code: {dash}"])
def test_a_code_as_an_input_method_or_a_message_types_it_is_read(shop: Shop,
                                                                 typed: str) -> None:
    """QA s15a F9: em and en dashes, a Unicode hyphen, a full stop 。 or a "券码：" label, as
    a Chinese input method, a phone or a WeChat message puts them, were "malformed"."""
    voucher = sell(shop, uses=2)
    verdict = redemption.redeem(shop, typed.format(dash=voucher.code), STATION)
    assert verdict.reason == "redeemed" and verdict.voucher_id == voucher.id


def test_a_web_address_is_still_no_voucher(shop: Shop) -> None:
    assert redemption.redeem(shop, "https://example.com/pay", STATION).reason == "malformed"


# --- the station's list ---------------------------------------------------------------------


def test_recent_attempts_at_a_station_newest_first(shop: Shop) -> None:
    voucher = sell(shop, uses=2)
    first = redemption.redeem(shop, voucher.payload, "Front")
    redemption.redeem(shop, voucher.payload, "Back")
    redemption.redeem(shop, "not a voucher", "Front")
    redemption.undo_redemption(shop, first.attempt_id, "wrong card", "Front")
    rows = counter.recent_attempts(shop, "Front")
    assert [(r.reason, r.ok, r.undone) for r in rows] == [
        ("undone", False, False), ("malformed", False, False), ("redeemed", True, True)]
    undo, garbage, redeemed = rows
    assert redeemed.code == voucher.code and redeemed.product == "Pass x2"
    assert redeemed.operator == OWNER and redeemed.station == "Front"
    assert redeemed.uses_left_after == 1 and redeemed.at == first.at
    assert garbage.code == "not a voucher" and garbage.product == ""
    assert undo.note == "wrong card" and undo.code == voucher.code
    assert len(counter.recent_attempts(shop, "Front", limit=2)) == 2
    assert [r.station for r in counter.recent_attempts(shop, "Back")] == ["Back"]
    assert counter.recent_attempts(shop, "Nowhere") == []


def test_a_clerk_sees_only_their_own_recent_attempts(shop: Shop, shop_dir: Path) -> None:
    voucher = sell(shop, uses=3)
    redemption.redeem(shop, voucher.payload, "Front")
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        redemption.redeem(clerk, voucher.payload, "Front")
        assert [r.operator for r in counter.recent_attempts(clerk, "Front")] == [CLERK]
    with shop.open_again(OWNER, OWNER_PASSWORD) as owner:
        assert [r.operator for r in counter.recent_attempts(owner, "Front")] == [
            CLERK, OWNER]


# --- look-ups that never consume ------------------------------------------------------------


def test_voucher_by_text_and_history_consume_nothing(shop: Shop) -> None:
    voucher = sell(shop, uses=2)
    first = redemption.redeem(shop, voucher.payload, "Front")
    found = voucher_lookup.voucher_by_text(shop, voucher.code.lower())
    assert found.id == voucher.id and found.uses_left == 1
    assert [a.id for a in voucher_lookup.history(found)] == [first.attempt_id]
    lookups: list[Callable[[], object]] = [
        lambda: voucher_lookup.voucher_by_text(shop, "HELLO"),
        lambda: voucher_lookup.voucher_by_text(shop, vouchers.typed_code(vouchers.new_code()))]
    for lookup in lookups:
        with pytest.raises(NotFound):
            lookup()
    assert uses_left(voucher) == 1
