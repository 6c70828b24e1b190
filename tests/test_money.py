"""Money entry: exact cents from what a cashier types, in either language's input method."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import money_text, normalise_number, parse_amount, parse_money
from desktop_app.messages import problem_message


@pytest.mark.parametrize(("typed", "cents"), [
    ("12.5", 1250), ("0.10", 10), ("1,299.99", 129999), ("  99 ", 9900), ("7", 700),
    # What a Chinese input method types: full-width digits, 。 and ． as the decimal point,
    # ， as the thousands mark, an ideographic space around it.
    ("12。5", 1250), ("１２．５", 1250), ("１２。５０", 1250), ("1，280", 128000),
    ("１，２８０。００", 128000), ("\u3000８８\u3000", 8800), ("12,800.00", 1280000),
])
def test_typed_prices_become_exact_cents(typed: str, cents: int) -> None:
    assert parse_money(typed) == cents


@pytest.mark.parametrize(("typed", "problem"), [
    ("١٢٣", "not_a_number"),      # Arabic-Indic digits: Decimal alone would take them
    ("۱۲۳", "not_a_number"),      # Extended Arabic-Indic
    ("१२३", "not_a_number"),      # Devanagari
    ("1_000", "not_a_number"),    # Python's digit grouping: Decimal alone would take it
    ("1,2345", "not_a_number"), (",100", "not_a_number"),
    ("1.2.3", "not_a_number"), ("12。5。0", "not_a_number"), ("1 280", "not_a_number"),
    ("+5", "not_a_number"), ("1e3", "not_a_number"), ("NaN", "not_a_number"),
    ("Infinity", "not_a_number"), ("abc", "not_a_number"), ("", "not_a_number"),
    (".", "not_a_number"), ("-", "not_a_number"), ("¥12", "not_a_number"),
    ("-1", "negative"), ("－1", "not_a_number"),
    ("1.001", "too_many_decimals"), ("12。345", "too_many_decimals"),
    ("10000000001", "too_large"),
])
def test_other_text_is_refused_with_its_reason(typed: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_money(typed)
    assert refused.value.params == {"field": "price", "problem": problem}


@pytest.mark.parametrize(("typed", "with_point"), [
    ("12,5", "12.5"), ("1,28", "1.28"), ("１，５", "1.5"), ("-3,50", "-3.50")])
def test_a_decimal_comma_is_refused_with_the_number_written_with_a_point(
        typed: str, with_point: str) -> None:
    """QA s35b F17: "1,5" said only "Not a number." A comma that is no thousands mark is never
    read (12,5 is not 125, nor 12.50 behind the cashier's back); the refusal shows the point."""
    with pytest.raises(InvalidInput) as refused:
        parse_money(typed)
    assert refused.value.params == {"field": "price", "problem": "not_a_number",
                                    "with_point": with_point}
    assert problem_message("not_a_number", with_point=with_point) == (
        f"Not a number: write the decimals after a point, {with_point}.")


def test_the_field_is_named_in_the_refusal() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_money("x", field="amount")
    assert refused.value.params["field"] == "amount"


def test_a_decimal_from_code_is_taken_as_it_is() -> None:
    assert parse_money(Decimal("12.50")) == 1250
    with pytest.raises(InvalidInput):
        parse_money(Decimal("NaN"))


def test_normalising_changes_only_what_an_input_method_types() -> None:
    assert normalise_number("１２３４５６７８９０。，．") == "1234567890.,."
    assert normalise_number("١٢٣") == "١٢٣"
    assert normalise_number("1_000") == "1_000"


def test_money_text_is_plain_and_exact() -> None:
    assert money_text(129999) == "1299.99"
    assert money_text(5) == "0.05"
    assert money_text(-1250) == "-12.50"
    assert money_text(parse_money("1，280")) == "1280.00"


@pytest.mark.parametrize(("typed", "cents"), [
    ("30元", 3000), ("¥30", 3000), ("￥30", 3000), ("12.50元", 1250), (" 30 元 ", 3000),
    ("¥ 12.50", 1250), ("30块", 3000), ("３０元", 3000), ("￥１２。５", 1250),
    ("\u300030\u3000元", 3000), ("30", 3000), ("１２．５", 1250),
])
def test_a_gift_card_amount_may_carry_its_currency(typed: str, cents: int) -> None:
    """QA s18b F9: a Chinese cashier's "30元" or "¥30" was "Not a number"."""
    assert parse_amount(typed) == cents


@pytest.mark.parametrize(("typed", "problem"), [
    ("¥30元", "not_a_number"), ("元30", "not_a_number"), ("30¥", "not_a_number"),
    ("RMB30", "not_a_number"), ("¥¥30", "not_a_number"), ("30元元", "not_a_number"),
    ("¥", "not_a_number"), ("元", "not_a_number"), ("三十元", "not_a_number"),
    ("-¥5", "not_a_number"), ("¥-5", "negative"), ("¥0.001", "too_many_decimals"),
])
def test_an_amount_is_still_refused_when_more_than_its_currency_is_around_it(
        typed: str, problem: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_amount(typed)
    assert refused.value.params == {"field": "amount", "problem": problem}
