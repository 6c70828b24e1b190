"""QA s19a F14: another shop's voucher was refused with "This voucher was issued by another
shop." and nothing to do next, unlike the other refusals. QA s35b F18: a garbled code of the
same shape was told it came from another shop, sending the customer to a shop that may not
exist. The counter and the command line say what is known (not this shop's, or misread) and
what to do (type the printed code if it was bought here)."""

from __future__ import annotations

from pathlib import Path

from counter_driver import Counter
from test_cli import as_json, run
from test_restore_guards import ENV

from desktop_app.core import vouchers

NEXT_STEP = "It cannot be used here: if the customer bought it here, type its printed code."


def _another_shops_payload() -> str:
    return vouchers.payload("another shop", "ab" * 32, vouchers.new_code())


def test_the_counter_says_where_the_voucher_is_used(counter: Counter) -> None:
    counter.submit(_another_shops_payload())
    verdict = counter.tab.verdict
    assert verdict.headline.text() == "Not this shop's voucher"
    assert verdict.detail.text() == (
        f"It was not issued by this shop, or its QR code was misread. {NEXT_STEP}")


def test_the_command_line_says_it_too(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    payload = _another_shops_payload()
    said = run(folder, "redeem", payload, env=ENV)
    assert said.returncode == 3  # a refusal, as before
    assert said.stdout.startswith("Not this shop's voucher: ") and NEXT_STEP in said.stdout
    refused = run(folder, "redeem", payload, "--json", env=ENV)
    assert refused.returncode == 3 and as_json(refused)["reason"] == "wrong_shop"
