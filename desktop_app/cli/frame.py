"""The command line's frame: who runs a command, what it returns, how it exits.

Exit status: 0 done, 1 an error, 2 bad usage, 3 refused (a redemption refused, a wrong
password, an operator not allowed). ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import (
    Forbidden,
    IntegrityHold,
    InvalidInput,
    KeySlotMissing,
    LockedOut,
    OperatorDisabled,
    RestoreNotConfirmed,
    RestoreUnfinished,
    ShopError,
    ShopInUse,
    ShopMoved,
    UnknownOperator,
    WrongPassword,
)
from desktop_app.core.text import display_width, printable
from desktop_app.i18n import current_language, install_translator, translate
from desktop_app.messages import command_line_error_message
from desktop_app.messages.labels import failed_logins_text

if TYPE_CHECKING:  # the store loads with the command that opens it (see derive_key_ahead)
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
# A disabled operator has no key slot any more: KeySlotMissing is their refusal too.
REFUSALS = (WrongPassword, UnknownOperator, Forbidden, LockedOut, OperatorDisabled,
            KeySlotMissing, ShopInUse, RestoreNotConfirmed, IntegrityHold, ShopMoved,
            RestoreUnfinished)


class UsageError(Exception):
    """Bad usage that argparse could not see (a missing variable, no terminal to ask on)."""


@dataclass
class Outcome:
    """What a command did: a JSON object for ``--json``, lines of text for people."""

    data: dict[str, Any]
    lines: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK


@dataclass
class Context:
    data_dir: Path
    json: bool
    args: argparse.Namespace
    # Told beside the command's own result (``--json``: keys added to its object).
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def location(self) -> ShopLocation:
        """The shop: the server of ``--database``/``SHOP_DATABASE_URL``, else the folder."""
        return ShopLocation.choose(self.data_dir, getattr(self.args, "database", None))


Handler = Callable[[Context], Outcome]


# --- credentials --------------------------------------------------------------------------


def prompt(question: str, secret: bool, variables: tuple[str, ...]) -> str:
    """Ask on the terminal. Without one, the usage error names those of ``variables`` (what
    a script sets instead of this answer and the ones asked next) that are not set."""
    if not sys.stdin or not sys.stdin.isatty():
        missing = [name for name in variables if not os.environ.get(name)] or variables
        raise UsageError(translate("cli", "No terminal to ask on: set {variables}.").format(
            variables=", ".join(missing)))
    if secret:
        return getpass.getpass(question)  # asks on the terminal itself, not on stdout
    # The question on stderr: stdout keeps only the result (``--json > file`` at a terminal).
    print(question, end="", file=sys.stderr, flush=True)
    return input()


LOGIN_VARIABLES = ("SHOP_OPERATOR", "SHOP_PASSWORD")


def credentials() -> tuple[str, str]:
    name = os.environ.get("SHOP_OPERATOR") or prompt(
        translate("cli", "Operator: "), False, LOGIN_VARIABLES)
    password = os.environ.get("SHOP_PASSWORD")
    if password is None:
        password = prompt(translate("cli", "Password: "), True, LOGIN_VARIABLES)
    return name, password


def new_password(operator: str) -> str:
    password = os.environ.get("SHOP_NEW_PASSWORD")
    if password is not None:
        return password
    asked = ("SHOP_NEW_PASSWORD",)
    first = prompt(translate("cli", "New password for {name}: ").format(name=operator), True,
                   asked)
    again = prompt(translate("cli", "Type it again: "), True, asked)
    if first != again:
        raise InvalidInput(field="password", problem="mismatch")
    return first


def derive_key_ahead(data_dir: Path, args: argparse.Namespace) -> None:
    """For a command that opens the shop as soon as it has loaded, when a script gives the
    credentials: start the operator's key derivation now, to run while the command loads.
    Whatever is wrong here (a bad URL, no shop) the command itself finds and says."""
    name, password = os.environ.get("SHOP_OPERATOR"), os.environ.get("SHOP_PASSWORD")
    if name and password is not None and a_core_is_free():
        with contextlib.suppress(ShopError):
            Context(data_dir, False, args).location.derive_key_ahead(name, password)


def a_core_is_free() -> bool:
    """Whether a second thread would get a core of its own. On a machine already busy (load
    at or over its cores) the two threads only share this process's part of it, and scrypt's
    32 MiB evicts the importing thread's caches: measured ~7% slower than one after the other.
    Where there is no load average (Windows), assume a core is free."""
    try:
        return os.getloadavg()[0] < (os.cpu_count() or 1)
    except (AttributeError, OSError):
        return True


def open_as_operator(ctx: Context, login: tuple[str, str] | None = None) -> Shop:
    """The shop opened as SHOP_OPERATOR / SHOP_PASSWORD (or asked), or as ``login`` when the
    command needs the password again (``credentials()`` called once, never a second prompt)."""
    name, password = login or credentials()
    settles = restore_stopped_half_way(ctx)
    shop = ctx.location.open(name, password)
    if shop.failed_logins and not ctx.json:
        print(failed_logins_text(shop.failed_logins), file=sys.stderr)
    tell_clock_off(ctx)
    return tell_restore_notice(ctx, shop, settles)


def tell_clock_off(ctx: Context) -> None:
    """This PC's clock well off the shop's server's (QA s16a F2), or, for a shop in a file,
    off its newest records (QA s19a F1): said on stderr, or as ``clock_warning`` in the JSON,
    beside the log's line; the command goes on (a server shop's by the server's time)."""
    from desktop_app.core.file_clock import suspicion
    from desktop_app.core.server_clock import off_by

    offset, in_file = off_by(), False
    if offset is None:
        offset, in_file = suspicion(), True
    if offset is None:
        return
    from desktop_app.messages.clock_texts import clock_off_text, file_clock_off_text

    text = file_clock_off_text(offset) if in_file else clock_off_text(offset)
    if ctx.json:
        measured = "newest_record_minus_pc_s" if in_file else "server_minus_pc_s"
        ctx.notes["clock_warning"] = {measured: round(offset.total_seconds()), "message": text}
    else:
        print(printable(text), file=sys.stderr)


def restore_stopped_half_way(ctx: Context) -> bool:
    """Whether this command's open is the one to settle a restore that stopped half-way."""
    if ctx.location.on_server:
        return False
    from desktop_app.core import restore_journal  # loads with the store, as the open does

    return restore_journal.pending(ctx.data_dir)


def tell_restore_notice(ctx: Context, shop: Shop, settled_now: bool) -> Shop:
    """A restore that had stopped half-way (QA s12e F7). The command that undid it is refused
    as before (exit 3 ``restore_unfinished``: nothing done, run it again), a wrong login by its
    own refusal; any later command with a valid login goes on and says it (stderr, or
    ``restore_notice`` in its JSON) until an owner has been told. A restore completed at this
    open is said the same way."""
    notice = shop.restore_notice
    if notice is None:
        return shop
    from desktop_app.core.restore_notice import UNDONE
    from desktop_app.messages.restore_notice_texts import restore_notice_text

    if notice.outcome == UNDONE and settled_now:
        shop.close()
        raise RestoreUnfinished(path=str(shop.data_dir),
                                aside=str(shop.data_dir / notice.kept) if notice.kept else "")
    text = restore_notice_text(notice, str(shop.data_dir), shop.is_owner)
    if ctx.json:
        ctx.notes["restore_notice"] = {
            "outcome": notice.outcome, "started_at": notice.started_at or None,
            "settled_at": notice.settled_at, "backup_made_at": notice.backup_made_at or None,
            "message": text}
    else:
        print(printable(text), file=sys.stderr)
    return shop


def when(moment: dt.datetime | None) -> str:
    """A UTC time shown in local time for people; JSON keeps ISO UTC."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "—"


def when_exact(moment: dt.datetime | None) -> str:
    """``when`` to the second: attempts a moment apart told apart (QA s39b F9)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment else "—"


def padded(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` columns of a terminal, where a Chinese
    character takes two."""
    return text + " " * max(0, width - display_width(text))


def validity(valid_until: dt.datetime | None) -> str:
    """"valid until <local time>", or "no expiry" (QA s39a F3: "valid until —" read as a
    date missing)."""
    if valid_until is None:
        return translate("cli", "no expiry")
    return translate("cli", "valid until {until}").format(until=when(valid_until))


def _emit(ctx_json: bool, outcome: Outcome, notes: dict[str, Any]) -> int:
    if ctx_json:
        payload = {"ok": outcome.exit_code == EXIT_OK, **outcome.data, **notes}
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        for line in outcome.lines:
            print(printable(line, keep="\t"))  # tabs part a report's columns
    return outcome.exit_code


def error_outcome(exc: ShopError) -> Outcome:
    try:
        message = command_line_error_message(exc)
    except Exception:  # a broken message must not hide the error behind a traceback
        log.exception("no message for %s", exc.code)
        message = str(exc)
    code = EXIT_REFUSED if isinstance(exc, REFUSALS) else EXIT_ERROR
    return Outcome({"error": exc.code, "message": message, **_jsonable(exc.params)},
                   [message], code)


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in params.items() if k not in ("ok", "error", "message")}


def _json_value(value: Any) -> Any:
    """A fact as JSON has it: lists and objects as such (a refund's ``reloads``, as its first
    answer gave them), anything else JSON does not know as its text."""
    if isinstance(value, str | int | float | bool | None):
        return value
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return str(value)


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run the parsed command; every failure becomes a message and an exit status. A reader
    that stops early (``| head``) ends the output quietly: the command itself has run."""
    try:
        code = _run_command(args, data_dir)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at the exit
        return code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's last flush at exit must not fail too
        return EXIT_OK


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    ctx = Context(data_dir, bool(getattr(args, "json", False)), args)
    try:
        outcome = args.handler(ctx)
    except ShopError as exc:
        log.info("command %s failed: %s", args.command, exc.code)
        outcome = error_outcome(exc)
        if not ctx.json:
            print(printable(outcome.lines[0]), file=sys.stderr)
            return outcome.exit_code
    except UsageError as exc:
        outcome = Outcome({"error": "usage", "message": str(exc)}, [str(exc)], EXIT_USAGE)
        if not ctx.json:
            print(printable(str(exc)), file=sys.stderr)
            return EXIT_USAGE
    except (KeyboardInterrupt, EOFError):
        return EXIT_USAGE
    except Exception:
        log.exception("command %s crashed", args.command)
        message = translate("cli", "Unexpected error; details are in the log file.")
        outcome = Outcome({"error": "internal", "message": message}, [message], EXIT_ERROR)
        if not ctx.json:
            print(message, file=sys.stderr)
            return EXIT_ERROR
    return _emit(ctx.json, outcome, ctx.notes)


def painting_application() -> None:
    """A QGuiApplication for commands that paint a PDF (text needs the font database), with
    the command line's language. Only those commands load Qt. They show no window, so on Linux
    they use the offscreen platform, whatever the user's QT_QPA_PLATFORM says: a script on a
    server, or under a stale DISPLAY or ``QT_QPA_PLATFORM=xcb``, must not abort on a missing X
    server (QA s11b F8: Qt aborted a batch after it was sold)."""
    from PySide6.QtGui import QGuiApplication  # here: the other commands never load Qt

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([sys.argv[0]])
    install_translator(app, current_language())
