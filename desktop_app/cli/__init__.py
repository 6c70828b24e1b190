"""The command line of CONTRACT.md, on top of ``desktop_app.core``.

``frame`` runs a command and turns every failure into a message and an exit status,
``commands`` holds one function per command, ``parser`` the arguments.
"""

from desktop_app.cli.frame import run_command
from desktop_app.cli.parser import build_parser

__all__ = ["build_parser", "run_command"]
