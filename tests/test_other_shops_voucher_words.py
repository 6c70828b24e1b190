"""QA s19a F14: another shop's voucher was refused with "This voucher was issued by another
shop." and nothing to do next, unlike the other refusals. The counter and the command line now
say it: it cannot be used here, the customer uses it at the shop that sold it."""

from __future__ import annotations

from pathlib import Path

from counter_driver import Counter
from test_cli import as_json, run
from test_restore_guards import ENV

from desktop_app.core import vouchers

NEXT_STEP = "It cannot be used here: the customer uses it at the shop that sold it."


def _another_shops_payload() -> str:
    return vouchers.payload("another shop", "ab" * 32, vouchers.new_code())


def test_the_counter_says_where_the_voucher_is_used(counter: Counter) -> None:
    counter.submit(_another_shops_payload())
    verdict = counter.tab.verdict
    assert verdict.headline.text() == "Another shop's voucher"
    assert verdict.detail.text() == f"This voucher was issued by another shop. {NEXT_STEP}"


def test_the_command_line_says_it_too(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    payload = _another_shops_payload()
    said = run(folder, "redeem", payload, env=ENV)
    assert said.returncode == 3  # a refusal, as before
    assert said.stdout.startswith("Another shop's voucher: ") and NEXT_STEP in said.stdout
    refused = run(folder, "redeem", payload, "--json", env=ENV)
    assert refused.returncode == 3 and as_json(refused)["reason"] == "wrong_shop"
