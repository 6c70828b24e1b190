"""``redeem``, the command a counter's scripts run most: it loads the redemption and nothing
of the other commands (no look-ups, reports, batches or printing)."""

from __future__ import annotations

from desktop_app.cli.frame import EXIT_OK, EXIT_REFUSED, Context, Outcome, open_as_operator, when
from desktop_app.core import pending_scans, redemption
from desktop_app.core.foreign_codes import foreign_code
from desktop_app.core.lost_commit import RedemptionUncertain
from desktop_app.core.money import parse_amount
from desktop_app.i18n import translate
from desktop_app.messages.labels import money
from desktop_app.messages.verdict_texts import (
    EXPLANATIONS,
    malformed_text,
    refunded_uses_text,
    slip_text,
    verdict_headline,
)


def cmd_redeem(ctx: Context) -> Outcome:
    amount = None if ctx.args.amount is None else parse_amount(ctx.args.amount)
    code, station = ctx.args.code, ctx.args.station
    with open_as_operator(ctx) as shop:
        currency = shop.currency
        earlier = pending_scans.settle_earlier(shop, code, station)
        if earlier is not None:  # a retry of a redemption whose answer was lost
            from desktop_app.core.voucher_lookup import lookup  # here: a look-up, rarely

            verdict = pending_scans.earlier_verdict(shop, station, lookup(shop, code), earlier)
            return _earlier_went_through(verdict, code, currency)
        try:
            verdict = redemption.redeem(shop, code, station, uses=ctx.args.uses or 1,
                                        amount_cents=amount)
        except RedemptionUncertain as lost:
            pending_scans.remember(shop, code, station, int(lost.params["attempt_id"]))
            raise
    return Outcome(verdict.to_json(), [verdict_line(verdict, code, currency)],
                   EXIT_OK if verdict.ok else EXIT_REFUSED)


def _earlier_went_through(verdict: redemption.Verdict, typed: str, currency: str) -> Outcome:
    """The earlier attempt at this station, not certain then, was saved: nothing more is
    taken now (QA s39b F14: a script's retry took a second use). Its verdict as the counter
    shows it after a restart, the voucher as it is now."""
    data = {**verdict.to_json(), "earlier_attempt": verdict.attempt_id,
            "earlier_at": verdict.at.isoformat()}
    return Outcome(data, [translate(
        "cli", "Your earlier attempt {attempt} ({when}) at this station went through: {code} "
        "was redeemed then. Nothing more was taken.").format(
            attempt=verdict.attempt_id, when=when(verdict.at), code=verdict.code),
        verdict_line(verdict, typed, currency)], EXIT_OK)


def verdict_line(verdict: redemption.Verdict, typed: str, currency: str) -> str:
    """A verdict in one line: its word, the product, what is left, the customer, and what
    to check for a refusal that has something to check."""
    word = verdict_headline(verdict.reason, verdict.kind)  # a card key's says it is one
    line = f"{word}: {verdict.product or typed[:40]}"
    if verdict.balance is not None:
        line += "  " + translate("cli", "balance {balance}").format(
            balance=money(verdict.balance, currency))
    elif verdict.uses_left is not None and verdict.uses_total and verdict.kind != "cardkey":
        line += "  " + translate("cli", "uses left {left} of {total}").format(
            left=verdict.uses_left, total=verdict.uses_total)
    if verdict.customer or verdict.customer_phone:
        line += "  " + " ".join(p for p in (verdict.customer, verdict.customer_phone) if p)
    if verdict.reason == "mistyped" and (slip := slip_text(typed)):
        line += "  " + slip  # a symbol missing or one too many
    if verdict.reason == "mistyped" and verdict.suspect_group is not None:
        line += "  " + translate("cli", "check group {group}").format(
            group=verdict.suspect_group + 1)
    if verdict.reason == "malformed" and foreign_code(typed):  # a payment code (QA s39a F21)
        line += "  " + malformed_text(typed)
    if verdict.reason == "wrong_shop":  # what to do next, as the counter says (QA s19a F14)
        line += "  " + translate("Redemption", EXPLANATIONS["wrong_shop"])
    if verdict.reason == "insufficient_balance" and verdict.asked is not None:
        line += "  " + translate("cli", "{asked} asked").format(
            asked=money(verdict.asked, currency))
    if verdict.reason in ("already_redeemed", "insufficient_balance") and verdict.last_at:
        line += "  " + translate("cli", "last by {who} at {station}, {when}").format(
            who=verdict.last_operator, station=verdict.last_station, when=when(verdict.last_at))
    if verdict.refunded_uses:  # QA s41a F14: a coffee of two paid back
        line += "  " + refunded_uses_text(verdict)
    return line
