"""argparse's own words go through the app's translation like the rest of the command line
(QA s10b F11: "usage:", "options", "invalid choice" stayed English in a Chinese --help), and
every option of ``redeem`` has its help line."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import i18n
from desktop_app.cli.arg_types import local_date
from desktop_app.cli.argparse_words import WORDS
from desktop_app.cli.parser import build_parser

WORDS_IN_TEST = {
    "usage: ": "USAGE: ",
    "positional arguments": "POSITIONALS",
    "options": "OPTIONS",
    "show this help message and exit": "HELP AND EXIT",
    "argument %(argument_name)s: %(message)s": "ARG %(argument_name)s -> %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "BAD %(value)r [%(choices)s]",
    "the following arguments are required: %s": "MISSING %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s ERROR %(message)s\n",
}


@pytest.fixture
def test_catalogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A catalogue of argparse's words as ``use_language`` would load it; the language of
    the tests after this one is the one before."""
    catalogue = i18n.QmCatalog({("argparse", k): v for k, v in WORDS_IN_TEST.items()})
    monkeypatch.setattr(i18n, "_catalog", catalogue)
    monkeypatch.setattr(i18n, "_catalog_in_use", True)
    yield


def _redeem_parser() -> argparse.ArgumentParser:
    parser = build_parser(["redeem", "X"])
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = sub.choices["redeem"]
    return found


def _usage_error(argv: list[str]) -> str:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as exited:
        build_parser(argv).parse_args(argv)
    assert exited.value.code == 2
    return stderr.getvalue()


def test_argparse_says_its_words_in_the_users_language(test_catalogue: None) -> None:
    assert set(WORDS_IN_TEST) <= set(WORDS)  # listed for lupdate
    text = _redeem_parser().format_help()
    assert text.startswith("USAGE: ") and "POSITIONALS" in text and "OPTIONS" in text
    assert "HELP AND EXIT" in text and "usage:" not in text
    said = _usage_error(["order", "list", "--status", "x"])
    assert "ERROR ARG --status -> BAD 'x' [" in said
    assert "MISSING" in _usage_error(["order", "pay"])


def test_every_option_of_redeem_says_what_it_is() -> None:
    for action in _redeem_parser()._actions:
        assert action.help, action.dest


@pytest.mark.parametrize("argv", [["product", "add"], ["cardkey", "import"]])
def test_every_option_of_adding_a_product_and_importing_keys_says_what_it_is(
        argv: list[str]) -> None:
    """QA s39a F1: --name, --price, --kind, --uses, --valid-days, --stock and the import's
    product_id and file had no word of help, nor what 0 or nothing means."""
    parser = build_parser([*argv, "--help"])
    group = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command = next(a for a in group.choices[argv[0]]._actions
                   if isinstance(a, argparse._SubParsersAction)).choices[argv[1]]
    for action in command._actions:
        assert action.help, action.dest


@pytest.mark.parametrize("words", [["--json"], ["--data-dir"], ["--bogus"]])
def test_a_start_without_a_command_says_its_usage_error_in_the_chosen_language(
        words: list[str]) -> None:
    """QA s11a F9: ``--lang zh_CN --json`` (no command: a desktop start) said argparse's
    error in English, although the same error with a command was Chinese."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOP_")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--lang", "zh_CN", *words],
        cwd=Path(__file__).resolve().parents[1], env=env, capture_output=True, text=True,
        encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 2
    assert "错误" in result.stderr and "error:" not in result.stderr, result.stderr


def test_a_date_in_the_right_form_that_does_not_exist_is_said_so() -> None:
    """``--from 2026-13-01`` is written as YYYY-MM-DD: the words say the date does not
    exist, not that the form is wrong (QA s11a F9)."""
    with pytest.raises(argparse.ArgumentTypeError) as wrong_day:
        local_date("2026-13-01")
    assert "YYYY-MM-DD" not in str(wrong_day.value) and "2026-13-01" in str(wrong_day.value)
    assert "exist" in str(wrong_day.value)
    with pytest.raises(argparse.ArgumentTypeError) as wrong_form:
        local_date("13/01/2026")
    assert "YYYY-MM-DD" in str(wrong_form.value)
