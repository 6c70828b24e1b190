"""The words a user reads for each ``ShopError``: what happened and what to do about it.

Core raises errors with a stable ``code`` and ``params`` and never speaks to users; the texts
live here so Qt Linguist can translate them (context ``errors``). ``QT_TRANSLATE_NOOP`` marks a
string for ``lupdate`` without translating it at import time, before a translator is loaded.
The tables are in ``error_texts`` (by error code) and ``input_texts`` (beside a form's field);
this module puts an error's facts into them. No Qt: the command line uses it too.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Mapping
from typing import Any

from desktop_app.core.dates import local_time
from desktop_app.core.errors import InvalidInput, ShopError
from desktop_app.core.money import parse_money
from desktop_app.i18n import QT_TRANSLATE_NOOP, label, sentences, translate
from desktop_app.messages.disk_texts import DISK_FULL_SHOP_TEXTS
from desktop_app.messages.error_texts import (
    BACKUP_PROBLEM_TEXTS,
    COMMAND_LINE_TEXTS,
    COMMAND_LINE_VARIANT_TEXTS,
    DISK_FULL_FOLDER_TEXT,
    DISK_FULL_SHORT_TEXT,
    ERROR_TEXTS,
    FALLBACK_TEXTS,
    FILE_REFUSED_SHORT_TEXT,
    FORBIDDEN_TEXTS,
    HOLD_REASONS,
    INTEGRITY_TEXTS,
    ISSUED_NOT_WRITTEN_TEXT,
    NO_SHOP_ON_SERVER_TEXT,
    NOT_FOUND_TEXTS,
    OS_REASONS,
    SERVER_INTEGRITY_TEXTS,
    SERVER_UNKNOWN_INTEGRITY_TEXT,
    SHOP_BEING_RESTORED_TEXT,
    SHOP_EXISTS_ON_SERVER_TEXT,
    STATE_LABELS,
    STATE_TEXTS,
    THING_LABELS,
    UNEXPECTED_TEXT,
    UNKNOWN_HOLD_REASON,
    UNKNOWN_INTEGRITY_TEXT,
    VARIANT_TEXTS,
)
from desktop_app.messages.hold_texts import (
    COMMAND_LINE_HOLD_VARIANT_TEXTS,
    COMMAND_LINE_NEWER_BACKUP_HOLD_TEXT,
    HOLD_VARIANT_TEXTS,
    INTEGRITY_FACT_TEXTS,
    NEWER_BACKUP_BAR_TEXT,
    NEWER_BACKUP_HOLD_TEXT,
)
from desktop_app.messages.input_texts import FIELD_LABELS, PROBLEM_TEXTS, UNKNOWN_PROBLEM_TEXT
from desktop_app.messages.labels import method_label, money
from desktop_app.messages.refund_texts import (
    CARD_SPEND_REFUNDED_TEXTS,
    REFUNDED_ALREADY_RELOAD_TEXT,
    REFUNDED_ALREADY_TEXT,
    REFUNDED_ALREADY_UNDATED_TEXT,
    REFUNDED_ALREADY_WITH_PARTS_TEXT,
    REFUNDED_SINCE_TEXTS,
)
from desktop_app.messages.verdict_texts import EXPLANATIONS

# Why a text looked up names no voucher here: the verdict reasons that come before any look-up.
TEXT_NAMES_NO_VOUCHER = ("unknown_code", "invalid_signature", "wrong_shop", "mistyped",
                         "malformed")

log = logging.getLogger(__name__)

CONTEXT = "errors"

def _in_context(text: str) -> str:
    return translate(CONTEXT, text)


class _Params(dict[str, Any]):
    """Fills a placeholder the error did not provide with nothing instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return _in_context(template).format_map(_Params(params))
    except (ValueError, IndexError, AttributeError):
        # A translation with a broken placeholder must still say something useful.
        log.warning("bad placeholder in translation of %r", template)
        return _in_context(template)


def _label(table: Mapping[str, str], key: object) -> str:
    return label(CONTEXT, table, str(key))


def field_label(field: str) -> str:
    """The name a form gives ``field``; the raw name when this table does not know it."""
    return _label(FIELD_LABELS, field)


def problem_message(problem: str, /, **params: Any) -> str:
    """Why a value was refused, short enough to stand beside its field; a file that cannot be
    read is named when the error knows it (QA s10b: `decode missing.png` did not say which)."""
    if problem in ("unreadable", "not_an_image") and params.get("path"):
        problem += "_path"
    if problem == "not_a_number" and params.get("with_point"):
        problem = "not_a_number_comma"  # "1,5": say it with a point (QA s35b F17)
    if problem == "too_large" and params.get("megabytes"):
        problem = "too_large_file"  # a key file: how large one may be (QA s17a F9)
    if problem == "mistyped" and params.get("suspect_group") is not None:
        problem = "mistyped_in_group"  # a character no recovery key has, in this group
        params = {**params, "group": int(params["suspect_group"]) + 1}
    elif problem == "mistyped" and params.get("character"):
        problem = "mistyped_character"  # a character no recovery key has, the count wrong
    elif problem == "mistyped" and params.get("symbols") is not None:
        problem = "mistyped_length"  # a recovery key too short or too long
    return _fill(PROBLEM_TEXTS.get(problem, UNKNOWN_PROBLEM_TEXT), params)


def unexpected_error_message() -> str:
    """For a failure that is not a ``ShopError``: a bug, reported without its traceback."""
    return _in_context(UNEXPECTED_TEXT)


def _display_params(exc: ShopError) -> dict[str, Any]:
    params = dict(exc.params)
    if "what" in params:
        params["what"] = _label(THING_LABELS, params["what"])
    if "state" in params:
        params["state"] = _label(STATE_LABELS, params["state"])
    if "reason" in params and exc.code in ("data_dir_unusable", "cannot_write",
                                           "shop_folder_not_writable"):
        params["reason"] = _label(OS_REASONS, params["reason"])
    if "choices" in params:
        params["choices"] = ", ".join(str(params["choices"]).split(","))
    if exc.code == "shop_moved" and params.get("at"):  # moved to another computer: when
        params["at"] = _local_moment(str(params["at"]))
    _with_currency(params)
    if exc.code == "integrity_hold":  # the codes stay in the JSON; a cashier reads words
        reason = HOLD_REASONS.get(str(params.get("problem")), UNKNOWN_HOLD_REASON)
        params["problems"] = _in_context(reason)
    return params


# Amounts an error names in the shop's currency where it gave it: the JSON keeps the plain
# number ("40.00"), the words say "¥40.00" as the question before them did (QA s39 F2: "pay
# back 404.50" under a dialog that had said ¥444.50).
_MONEY_PARAMS = ("asked", "now", "balance", "limit", "refund", "refunded_total")


def _with_currency(params: dict[str, Any]) -> None:
    currency = str(params.get("currency") or "")
    for name in _MONEY_PARAMS:
        if name in params:
            params[name] = _in_currency(params[name], currency)


def _local_moment(text: str) -> str:
    """A stored UTC moment (ISO) as local time; the text as it is when it is none."""
    try:
        return local_time(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _locked_out_message(params: Mapping[str, Any]) -> str | None:
    try:
        seconds = int(params.get("seconds") or 0)
    except (TypeError, ValueError):
        return None
    if seconds <= 0:
        return None
    if params.get("credential") == "recovery_key":  # the key waits too (QA s18a F10)
        return _recovery_key_wait(seconds)
    # No %n plurals: pyside6-lupdate drops them from Python sources. Waits are 30 s or more.
    if seconds < 90:
        return translate(
            "errors", "Too many wrong passwords. Wait {seconds} seconds, then try again."
        ).format(seconds=seconds)
    return translate(
        "errors", "Too many wrong passwords. Wait {minutes} minutes, then try again, or ask "
        "the owner to reset the password.").format(minutes=math.ceil(seconds / 60))


def locked_out_wait(exc: ShopError) -> str:
    """A password's wait in words without its way out ("or ask the owner..."): the login
    screen says the ways out its own way, for a clerk and for an owner (QA s19a F10)."""
    seconds = int(exc.params.get("seconds") or 0)
    if seconds <= 0:
        return translate("errors", "Too many wrong passwords for this operator. Wait a few "
                         "minutes, then try again.")
    if seconds < 90:
        return _locked_out_message({"seconds": seconds}) or ""
    return translate("errors", "Too many wrong passwords. Wait {minutes} minutes, then try "
                     "again.").format(minutes=math.ceil(seconds / 60))


def _recovery_key_wait(seconds: int) -> str:
    """The recovery key typed during a wait: the wait counts wrong passwords and wrong keys
    alike, so that guessing either is slowed; the key itself was not tried."""
    if seconds < 90:
        return translate(
            "errors", "The recovery key was not tried yet: after too many wrong passwords or "
            "recovery keys for this name, it can be tried again in {seconds} seconds."
        ).format(seconds=seconds)
    return translate(
        "errors", "The recovery key was not tried yet: after too many wrong passwords or "
        "recovery keys for this name, it can be tried again in {minutes} minutes."
    ).format(minutes=math.ceil(seconds / 60))


def _issued_but_not_written(exc: ShopError) -> str:
    """A batch issued, its file not written (a full disk): the vouchers exist, so "nothing was
    changed, do it again" would issue them twice (QA s11a F10)."""
    params = _display_params(exc)
    if exc.code == "disk_full":
        problem = _fill(DISK_FULL_SHORT_TEXT, params)
    elif "reason" in params:  # cannot_write, data_dir_unusable: the reason in words
        problem = _fill(FILE_REFUSED_SHORT_TEXT, params)
    else:
        plain = type(exc)(**{k: v for k, v in exc.params.items()
                             if k not in ("issued_order", "issued_count")})
        problem = error_message(plain)
    return _fill(ISSUED_NOT_WRITTEN_TEXT, {"order": exc.params["issued_order"],
                                          "count": exc.params.get("issued_count", ""),
                                          "problem": problem})


def _variant(table: Mapping[tuple[str, str, str], str], exc: ShopError) -> str | None:
    """The text ``table`` has for one of ``exc``'s facts, if any."""
    return next((text for (code, key, value), text in table.items()
                 if code == exc.code and exc.params.get(key) == value), None)


def integrity_message(problem: str, *, server: bool = False,
                      facts: Mapping[str, str] | None = None) -> str:
    """The warning for a shop that opened but whose records could not be vouched for;
    ``server``: a shop on a PostgreSQL server (no folder, restored with pg_restore);
    ``facts``: the hold's (``live_server.hold_facts``): a restore done, another computer."""
    if (facts or {}).get("newer_backup"):
        return _fill(NEWER_BACKUP_BAR_TEXT, {"newer_backup": (facts or {})["newer_backup"]})
    told = next((text for fact, text in INTEGRITY_FACT_TEXTS.items()
                 if (facts or {}).get(fact) == "yes"), None)
    if told is not None:
        return _in_context(told)
    if server:
        return _in_context(SERVER_INTEGRITY_TEXTS.get(problem, SERVER_UNKNOWN_INTEGRITY_TEXT))
    return _in_context(INTEGRITY_TEXTS.get(problem, UNKNOWN_INTEGRITY_TEXT))


def error_message(exc: ShopError) -> str:
    """What a user reads for ``exc``: what happened and what to do next."""
    if exc.params.get("issued_order") is not None:
        return _issued_but_not_written(exc)
    params = _display_params(exc)
    if exc.code == "locked_out":
        waited = _locked_out_message(params)
        if waited:
            return waited
    if exc.code == "shop_in_use" and params.get("by") == "restore":
        return _fill(SHOP_BEING_RESTORED_TEXT, params)
    if exc.code == "backup_invalid" and params.get("path"):
        how = BACKUP_PROBLEM_TEXTS.get(str(params.get("problem")))
        if how:
            return _fill(how, params)
    if exc.code == "disk_full" and params.get("folder"):
        return _fill(DISK_FULL_FOLDER_TEXT, params)
    if exc.code == "disk_full" and params.get("shop_folder"):  # the shop's own disk
        return _fill(DISK_FULL_SHOP_TEXTS.get(str(params.get("during")),
                                              DISK_FULL_SHOP_TEXTS["change"]), params)
    if exc.code == "integrity_hold" and params.get("newer_backup"):
        return _fill(NEWER_BACKUP_HOLD_TEXT, params)
    variant = _variant(HOLD_VARIANT_TEXTS, exc) or _variant(VARIANT_TEXTS, exc)
    if variant is not None:
        return _fill(variant, params)
    on_server = "://" in str(params.get("path", ""))
    if exc.code in ("shop_exists", "no_shop") and on_server:
        text = SHOP_EXISTS_ON_SERVER_TEXT if exc.code == "shop_exists" else NO_SHOP_ON_SERVER_TEXT
        return _fill(text, {"server": server_address(params["path"])})
    if exc.code == "forbidden" and exc.params.get("action") in FORBIDDEN_TEXTS:
        return _fill(FORBIDDEN_TEXTS[exc.params["action"]], params)
    if exc.code == "not_found" and exc.params.get("reason") in NOT_FOUND_TEXTS:
        return _in_context(NOT_FOUND_TEXTS[exc.params["reason"]])
    if exc.code == "not_found" and exc.params.get("reason") in TEXT_NAMES_NO_VOUCHER:
        # a look-up's text: another shop's, forged, garbage, a typo (QA s10b: "not found")
        return translate("Redemption", EXPLANATIONS[exc.params["reason"]])
    if exc.code == "invalid_state" and exc.params.get("refund"):
        if not exc.params.get("refunded_at"):  # booked by the upgrade: its day is not known
            return _fill(REFUNDED_ALREADY_UNDATED_TEXT, params)
        when = local_time(dt.datetime.fromisoformat(str(exc.params["refunded_at"])))
        text = REFUNDED_ALREADY_TEXT if params.get("refunded_total") in (None, params["refund"]) \
            else REFUNDED_ALREADY_WITH_PARTS_TEXT
        return sentences(_fill(text, {**params, "when": when}),
                         *_reloads_refunded_with(params.get("reloads"),
                                                 str(params.get("currency") or "")))
    if exc.code == "invalid_state" and exc.params.get("state") in REFUNDED_SINCE_TEXTS:
        return _refunded_since(exc)
    if exc.code == "invalid_state" and exc.params.get("state") in STATE_TEXTS:
        return _fill(STATE_TEXTS[exc.params["state"]], params)
    if isinstance(exc, InvalidInput):
        problem = problem_message(str(params.get("problem", "")), **params)
        return _fill(ERROR_TEXTS["invalid_input"],
                     {"field": field_label(str(params.get("field", ""))), "problem": problem})
    template = ERROR_TEXTS.get(exc.code)
    if template is None:
        log.warning("no message for error code %s", exc.code)
        template = ERROR_TEXTS["error"]
    needed, fallback = FALLBACK_TEXTS.get(exc.code, ("", ""))
    if needed and params.get(needed) in (None, ""):
        template = fallback
    return _capitalized(_fill(template, params))


def _refunded_since(exc: ShopError) -> str:
    """A change refused because what it changes was refunded since: when, where known."""
    state = str(exc.params["state"])
    card = state == "voucher_refunded" and exc.params.get("giftcard")
    dated, undated = CARD_SPEND_REFUNDED_TEXTS if card else REFUNDED_SINCE_TEXTS[state]
    when = exc.params.get("refunded_at")
    if not when:
        return _fill(undated, exc.params)
    return _fill(dated, {**exc.params, "when": _local_moment(str(when))})


def _reloads_refunded_with(reloads: object, currency: str) -> list[str]:
    """Each reload order a refund of its card paid back, as the refund's answer named it
    (its money a decimal string, as the JSON keeps it; in ``currency`` where given)."""
    if not isinstance(reloads, list | tuple):
        return []
    return [_fill(REFUNDED_ALREADY_RELOAD_TEXT,
                  {**part, "method": method_label(part.get("method")),
                   "refund": _in_currency(part.get("refund"), currency)})
            for part in reloads if isinstance(part, dict)]


def _in_currency(amount: object, currency: str) -> object:
    """A decimal string such as ``"20.00"`` as ``¥20.00``; anything else as it is."""
    if not currency or not isinstance(amount, str):
        return amount
    try:
        return money(parse_money(amount, "amount"), currency)
    except InvalidInput:
        return amount


def command_line_error_message(exc: ShopError) -> str:
    """What the command line prints for ``exc``: the app's words, except where those name a
    button or a menu and the command line needs its option or command instead (a moved
    shop's ``--database``; ``verify`` for the app's Admin → Verify)."""
    template = _variant(COMMAND_LINE_HOLD_VARIANT_TEXTS, exc) or _variant(
        COMMAND_LINE_VARIANT_TEXTS, exc)
    if exc.code == "integrity_hold" and exc.params.get("newer_backup"):
        template = COMMAND_LINE_NEWER_BACKUP_HOLD_TEXT
    if template is None and _variant(VARIANT_TEXTS, exc) is None:
        template = COMMAND_LINE_TEXTS.get(exc.code)
    if template is None:
        return error_message(exc)
    return _capitalized(_fill(template, _display_params(exc)))


ROLE_LABELS: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("roles", "Owner"),
    "clerk": QT_TRANSLATE_NOOP("roles", "Clerk"),
}


def role_label(role: str) -> str:
    """An operator's role as people say it: Owner, Clerk."""
    return label("roles", ROLE_LABELS, role)


def server_address(url: str) -> str:
    """A server shop's place as a person reads it, ``host:port/database``; the user and any
    password in ``url`` are left out."""
    from desktop_app.core.pg_connection import server_facts  # psycopg: only for a server shop

    facts = server_facts(url)
    return f"{facts['host']}/{facts['database']}" if facts["database"] else facts["host"]
