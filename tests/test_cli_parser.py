"""The command line's parser: every command runs a function that exists, and a command line
that names one command builds that command's parser alone."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from desktop_app.cli.parser import COMMANDS, build_parser


def _handlers(parser: Any) -> dict[str, str]:
    """Every command's ``module.function``, found through the parser's sub-commands."""
    found: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                handler = sub.get_default("handler")
                if handler is not None:
                    found[name] = handler.target
                found.update({f"{name} {k}": v for k, v in _handlers(sub).items()})
    return found


def test_every_command_runs_a_function_that_exists() -> None:
    handlers = _handlers(build_parser())
    assert {"redeem", "voucher batch", "order pay", "report", "migrate-to"} <= set(handlers)
    assert {name.split()[0] for name in handlers} == set(COMMANDS)
    for target in handlers.values():
        module, _, function = target.rpartition(".")
        assert callable(getattr(importlib.import_module(f"desktop_app.cli.{module}"), function))
    # A command line that names one command builds that command's parser alone.
    assert set(_handlers(build_parser(["--lang", "en", "redeem", "X"]))) == {"redeem"}
    assert set(_handlers(build_parser(["voucher", "show", "X"]))) == {
        name for name in handlers if name.startswith("voucher ")}
    assert _handlers(build_parser(["nonsense"])) == handlers
