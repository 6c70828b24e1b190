"""A COMMIT whose answer is lost (QA s13a F2/F10/M4/F5), on the real PostgreSQL server: the
outcome is found out, never guessed; a re-scan takes no second use and no second charge."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import OWNER, OWNER_PASSWORD
from lost_commit_helpers import allow_connections, commit_answers_withheld, cut_the_waiting_commit

from desktop_app.core import counter, fulfilment, orders, products, redemption
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ServerLost, ServerUnreachable
from desktop_app.core.lost_commit import RedemptionUncertain, UndoUncertain
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.messages import error_message


@pytest.fixture
def server_shop(pg_url: str, tmp_path: Path) -> Iterator[Shop]:
    with ShopLocation(tmp_path / "pc", pg_url).create("Lost", "CNY", OWNER,
                                                      OWNER_PASSWORD) as shop:
        yield shop


def _sold(shop: Shop, name: str, price: str, kind: str, uses: int = 1) -> Any:
    product = products.add_product(shop, name, price, kind, uses=uses)
    (voucher,) = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    return voucher


def _database(pg_url: str) -> str:
    return pg_url.rsplit("/", 1)[1]


def _in_thread(work: Callable[[], Any]) -> Callable[[], Any]:
    """Runs ``work`` in a thread now; the returned function waits for its result (or error)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()

    def result() -> Any:
        thread.join(60)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]
    return result


def test_a_lost_commit_answer_gives_the_real_verdict_once_the_server_answers(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    """The use was recorded although its answer was lost: the counter says "redeemed", not
    "not redeemed"; a re-scan of the single-use voucher is then refused, as it must be."""
    coffee = _sold(server_shop, "Coffee", "10", "service")
    station = counter.Counter(server_shop, "Front")
    with commit_answers_withheld(pg_server):
        scan = _in_thread(lambda: station.scan(coffee.payload, "scanner"))
        cut_the_waiting_commit(pg_server, _database(pg_url))
    result = scan()
    assert (result.verdict.reason, result.verdict.uses_left) == ("redeemed", 0)
    assert Voucher.get_by_id(coffee.id).uses_left == 0
    assert [row.reason for row in result.recent] == ["redeemed"]
    assert not station.lost


def test_a_gift_card_whose_spend_answer_was_lost_is_charged_once(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    card = _sold(server_shop, "Gift card", "100", "giftcard")
    with commit_answers_withheld(pg_server):
        spend = _in_thread(lambda: redemption.redeem(server_shop, card.payload, "Front",
                                                     amount_cents=2000))
        cut_the_waiting_commit(pg_server, _database(pg_url))
    verdict = spend()
    assert (verdict.reason, verdict.balance) == ("redeemed", 8000)
    assert Voucher.get_by_id(card.id).balance_cents == 8000


def test_a_commit_lost_while_the_server_stays_away_is_uncertain_and_settled_later(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    """No answer within the wait: "not certain" with the voucher and the attempt; a re-scan
    meanwhile takes nothing; once the server answers, the earlier scan is found saved and a
    re-scan says so instead of taking a second use (QA s13a F2's ten-coffee pass)."""
    database = _database(pg_url)
    tens = _sold(server_shop, "Ten coffees", "90", "service", uses=10)
    station = counter.Counter(server_shop, "Front")
    station.settle_wait_s = 1.0
    with commit_answers_withheld(pg_server):
        scan = _in_thread(lambda: station.scan(tens.payload, "scanner"))
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        with pytest.raises(RedemptionUncertain) as lost:
            scan()
        assert isinstance(lost.value, ServerLost) and lost.value.verdict is not None
        assert lost.value.params["code"] == lost.value.verdict.code != ""
        text = error_message(lost.value)
        assert "not certain whether it was redeemed" in text and "Not redeemed" not in text
        assert lost.value.verdict.code in text
        with pytest.raises(RedemptionUncertain):  # still no answer: nothing taken meanwhile
            station.scan(tens.payload, "scanner")
        allow_connections(pg_server, database)
    again = station.scan(tens.payload, "scanner")
    assert again.earlier_scan and again.verdict.reason == "redeemed"
    assert again.verdict.attempt_id == lost.value.params["attempt_id"]
    assert Voucher.get_by_id(tens.id).uses_left == 9  # one use for one coffee
    assert not station.lost
    third = station.scan(tens.payload, "scanner")  # a new scan is a new use again
    assert not third.earlier_scan and third.verdict.uses_left == 8


def test_the_counter_settles_its_lost_scans_when_the_server_is_back(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    database = _database(pg_url)
    card = _sold(server_shop, "Gift card", "100", "giftcard")
    station = counter.Counter(server_shop, "Front")
    station.settle_wait_s = 0.5
    with commit_answers_withheld(pg_server):
        spend = _in_thread(lambda: station.scan(card.payload, "scanner", amount_cents=2000))
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        with pytest.raises(RedemptionUncertain):
            spend()
        assert station.settle_lost() == ([], None)  # no answer yet: it keeps waiting
        assert station.lost
        allow_connections(pg_server, database)
    settled, recent = station.settle_lost()
    assert [(s.saved, s.verdict.reason, s.verdict.balance) for s in settled] == [
        (True, "redeemed", 8000)]
    assert recent is not None and recent[0].spent_cents == 2000
    assert not station.lost
    # The cashier, unsure, scans it once more: that earlier spend again, nothing taken (QA
    # s13b N1); a deliberate second spend is the scan after.
    again = station.scan(card.payload, "scanner", amount_cents=2000)
    assert again.earlier_scan and again.verdict.balance == 8000
    assert station.scan(card.payload, "scanner", amount_cents=2000).verdict.balance == 6000


def test_a_lost_undo_is_settled_or_said_uncertain(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    database = _database(pg_url)
    tens = _sold(server_shop, "Ten coffees", "90", "service", uses=10)
    station = counter.Counter(server_shop, "Front")
    first, second = (station.scan(tens.payload, "scanner", uses=u).verdict.attempt_id
                     for u in (1, 2))
    assert first is not None and second is not None
    with commit_answers_withheld(pg_server):
        undo = _in_thread(lambda: station.undo(first, "changed mind"))
        cut_the_waiting_commit(pg_server, database)
    result = undo()  # saved: said as done, the list with it
    assert result.uses_left == 8 and result.recent[0].reason == "undone"
    station.settle_wait_s = 0.5
    with commit_answers_withheld(pg_server):
        undo = _in_thread(lambda: station.undo(second, "changed mind"))
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        with pytest.raises(UndoUncertain) as lost:
            undo()
        text = error_message(lost.value)
        assert "not certain whether it was undone" in text
        assert "voucher's use is never taken twice" not in text
    with pytest.raises(ServerUnreachable):  # this thread's connection was ended too
        Voucher.get_by_id(tens.id)
    assert Voucher.get_by_id(tens.id).uses_left == 9  # the undo had been saved



def test_an_idle_connection_found_dead_at_begin_changed_nothing(
        pg_server: Any, pg_url: str, server_shop: Shop) -> None:
    """QA s13a F5: the server ended the idle connection; the next save finds it dead at its
    BEGIN, before anything was sent: "cannot be reached … nothing was changed"."""
    pg_server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                   f"datname = '{_database(pg_url)}' AND pid <> pg_backend_pid()")
    with pytest.raises(ServerUnreachable) as refused:
        products.add_product(server_shop, "Tea", "8", "service")
    assert not isinstance(refused.value, ServerLost)
    assert "nothing was changed" in error_message(refused.value)
    assert products.add_product(server_shop, "Tea", "8", "service").name == "Tea"


def test_a_command_line_retry_after_a_lost_answer_takes_nothing_more(
        pg_server: Any, pg_url: str, tmp_path: Path) -> None:
    """QA s39b F14: `redeem` said "not certain" (exit 1, as retry-safe errors do); the script
    ran it again at the same station, and a second use was taken. The retry now asks the
    server about the earlier attempt first: it went through, so nothing more is taken; the
    run after that redeems as usual."""
    import json

    from test_cli import run

    pc = tmp_path / "pc"
    with ShopLocation(pc, pg_url).create("Lost", "CNY", OWNER, OWNER_PASSWORD) as shop:
        wash = _sold(shop, "Wash x3", "30", "service", uses=3)
    env = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
    args = ("--database", pg_url, "redeem", wash.payload, "--station", "Till", "--json")
    database = _database(pg_url)
    with commit_answers_withheld(pg_server):
        first = _in_thread(lambda: run(pc, *args, env=env))
        cut_the_waiting_commit(pg_server, database, refuse_connections=True)
        lost = first()
        assert lost.returncode == 1 and json.loads(lost.stdout)["error"] == (
            "redemption_uncertain"), lost.stdout
        assert wash.payload not in (pc / "uncertain-redemptions.json").read_text()
        allow_connections(pg_server, database)
    again = run(pc, *args, env=env)
    answer = json.loads(again.stdout)
    assert again.returncode == 0 and answer["reason"] == "redeemed", again.stdout
    assert answer["earlier_attempt"] == json.loads(lost.stdout)["attempt_id"]
    assert answer["uses_left"] == 2  # taken once
    said = run(pc, "--database", pg_url, "voucher", "show", wash.code, env=env)
    assert said.stdout.count("Redeemed") == 1
    third = json.loads(run(pc, *args, env=env).stdout)
    assert third["reason"] == "redeemed" and third["uses_left"] == 1
    assert "earlier_attempt" not in third and not (pc / "uncertain-redemptions.json").exists()
