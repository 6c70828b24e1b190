"""argparse's own words ("usage:", "options", "invalid choice…") in the command line's
language (QA s10b F11: with ``--lang zh_CN`` they stayed English around Chinese help).

argparse looks its words up through ``gettext`` in the ``argparse`` domain, for which the app
ships no catalogue; its module's ``_`` and ``ngettext`` are pointed at the app's translation
instead (context ``argparse``). The texts are argparse's own, listed here for lupdate: a
Python update that rewords one leaves it English, never broken.
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop_app.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "argparse"

# What a user can meet: help, and the usage errors of a command line (not argparse's errors
# about a parser built wrong, which only a developer sees).
WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)
VERSION_HELP = QT_TRANSLATE_NOOP("argparse", "show program's version number and exit")


def argparse_text(text: str) -> str:
    """One of argparse's texts in the user's language (as it is when not translated)."""
    return translate(CONTEXT, text)


def argparse_plural(singular: str, plural: str, count: int) -> str:
    return argparse_text(singular if count == 1 else plural)


def speak_the_users_language() -> None:
    """From now on argparse says its words in the language ``use_language`` chose."""
    argparse._ = argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = argparse_plural  # type: ignore[attr-defined]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, its width found as shutil.get_terminal_size finds it: argparse
    makes one for every argument it adds, and would import shutil (with bz2 and lzma) to ask."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width)


def terminal_columns() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return 80
