"""Entry point: parse the arguments, then run a command, the self-test or the desktop app."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path


def _data_dir(explicit: str | None, demo: bool) -> Path:
    from desktop_app.core.paths import default_data_dir, demo_data_dir

    if explicit:
        return Path(explicit).expanduser()
    return demo_data_dir() if demo else default_data_dir()


# Commands that may make a shop in a folder that holds none: ``restore`` puts one in a new
# PC's folder. The desktop app (``--demo`` too) may, through its first-start setup.
SHOP_MAKING_COMMANDS = ("init", "restore")


def _log_folder(args: argparse.Namespace, data_dir: Path) -> Path:
    """The folder whose ``logs/`` this run writes to: the shop's folder when it holds a shop,
    or this run may make one there, or the shop is on a server (the folder is then this PC's
    place for its logs); else the app's per-user folder. A folder that holds no shop is not
    made for a log (QA s12d F10: a typo in ``--data-dir`` left a stray folder with a log in
    it), and the self-test and ``decode``, which need no shop, log there too."""
    from desktop_app.core.engine import DATABASE_URL_VARIABLE
    from desktop_app.core.paths import (
        DATABASE_FILE,
        KEYSLOTS_FILE,
        LOG_DIR,
        default_data_root,
        is_network_path,
    )

    makes_a_shop = args.command in SHOP_MAKING_COMMANDS or (
        args.command is None and not args.self_test)
    on_server = bool(args.database or os.environ.get(DATABASE_URL_VARIABLE))
    # logs/ already there: a shop's folder a restore stopped half-way in keeps its log
    holds_a_shop = any((data_dir / name).exists() for name in (KEYSLOTS_FILE, DATABASE_FILE,
                                                                 LOG_DIR))
    if (makes_a_shop or on_server or holds_a_shop) and not is_network_path(data_dir):
        return data_dir
    return default_data_root()


def main(argv: list[str] | None = None) -> int:
    # Start-up makes thousands of objects that live until exit (modules, classes, the parser),
    # and the cycle collector walking them over and over is ~7% of a command's import time: it
    # is off until the command has loaded (``cli.parser.runs``), and on again for the app.
    gc.disable()
    try:
        return _start(argv)
    finally:
        gc.enable()


def _start(argv: list[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    from desktop_app.cli.argparse_words import HelpFormatter
    from desktop_app.cli.parser import build_parser
    from desktop_app.i18n import use_language

    words = sys.argv[1:] if argv is None else argv
    early = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    early.add_argument("--lang")
    lang = early.parse_known_args(words)[0].lang
    # Before the parser, so --help and a usage error are in the user's language, a desktop
    # start's too (QA s11a F9); the self-test and the desktop app install Qt's translators
    # over it once their QApplication exists.
    use_language(lang)
    args = build_parser(words).parse_args(words)
    data_dir = _data_dir(args.data_dir, args.demo)
    if getattr(args, "key_ahead", False):  # first: it runs while everything else loads
        from desktop_app.cli.frame import derive_key_ahead

        derive_key_ahead(data_dir, args)
    from desktop_app.logs import setup_logging

    setup_logging(_log_folder(args, data_dir))
    if args.self_test or args.command is None:
        gc.enable()
    if args.self_test:
        from desktop_app.selftest import run_self_test

        return run_self_test(args.lang)
    if args.command is None:
        from desktop_app.ui.app import run_gui

        return run_gui(data_dir, args.lang, args.demo, args.database)
    from desktop_app.cli.frame import run_command

    return run_command(args, data_dir)


if __name__ == "__main__":
    sys.exit(main())
