"""A fork server for the command-line tests: ``python -m desktop_app`` in a forked process.

Started once per test process (``cli_process``), it imports the command line's modules once,
then forks one child per command. Each child is a process of its own, as a fresh
``python -m desktop_app`` is: its own environment, working folder, stdin on /dev/null,
stdout and stderr into files, ``desktop_app/__main__.py`` run as ``__main__`` (``runpy``, as
``-m`` does), the interpreter's own exit (threads joined, atexit, exit status; an uncaught
exception prints its traceback). What a fork saves is the interpreter's start and the imports
(~0.5 s of each command's ~0.75 s), and each key a login derived before is remembered
(``_remember_keys``); what happens at a start itself (the key derived while the rest imports,
``--help`` before any import) stays tested in fresh processes.

Protocol on this process's stdin/stdout, one JSON object a line: a request
``{"args", "env", "cwd", "stdout", "stderr"}`` is answered ``{"pid"}`` when forked, then
``{"returncode"}`` when the child has ended (``-N``: killed by signal N, as subprocess says).
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import locale
import os
import runpy
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# What every command loads before it runs (its parser, frame, the store and its commands).
PRELOADED = ("desktop_app.cli.parser", "desktop_app.cli.frame", "desktop_app.core.store",
             "desktop_app.core.engine", "desktop_app.logs", "desktop_app.cli.shop_commands",
             "desktop_app.cli.sales_commands", "desktop_app.cli.voucher_commands",
             "desktop_app.cli.giftcard_commands", "desktop_app.cli.report_commands",
             "desktop_app.cli.restore_commands", "desktop_app.cli.redeem_command",
             # what a command loads when it needs it: psycopg for a server, Qt for a print
             "desktop_app.core.pg", "desktop_app.printing")


def _std_streams() -> None:
    """New sys.stdin/stdout/stderr on fds 0-2, made as the interpreter makes them at a start
    where they are not terminals (stdout block-buffered, stderr written through)."""
    encoding = locale.getpreferredencoding(False)
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                 encoding=encoding)
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                  encoding=encoding)
    sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                  encoding=encoding, errors="backslashreplace",
                                  write_through=True)
    for name in ("stdin", "stdout", "stderr"):  # what a start leaves in sys.__stdout__ too
        setattr(sys, f"__{name}__", getattr(sys, name))


def _become_the_command(request: dict[str, Any], channel: list[io.TextIOWrapper]) -> None:
    """In the child: the request's environment, folder and standard streams, then the
    command, as ``python -m desktop_app ARGS``. Never returns: the interpreter exits."""
    for end in channel:
        end.close()  # the child's copies only
    os.environ.clear()
    os.environ.update(request["env"])
    locale.setlocale(locale.LC_CTYPE, "")  # what a start takes from the environment:
    time.tzset()  # its locale and its time zone (TZ)
    os.chdir(request["cwd"])
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for source, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(source, target)
        os.close(source)
    _std_streams()
    sys.argv = ["-m", *request["args"]]  # runpy puts __main__.py's path first, as -m does
    sys.path[0] = request["cwd"]  # as -m puts the working folder first
    runpy.run_module("desktop_app", run_name="__main__", alter_sys=True)
    sys.exit(0)  # __main__ exits with the command's status itself; in case it returned


def _remember_keys(folder: Path) -> None:
    """scrypt is a pure function, and a command's login derives the same key as the last
    command's did (~0.1 s of each command's ~0.25 s): the children remember each key they
    derive in ``folder``, as the tests' own process does in memory (conftest). A request not
    seen before (a wrong password, a new salt) still derives for real."""
    from desktop_app.core import kdf

    derive = kdf._scrypt

    def remembered(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
        name = hashlib.sha256(json.dumps([password, salt.hex(), n, r, p]).encode()).hexdigest()
        known = folder / name
        if known.exists():
            return known.read_bytes()
        key = derive(password, salt, n, r, p)
        staged = folder / f"{name}.{os.getpid()}"
        staged.write_bytes(key)
        staged.replace(known)  # whole or not at all, for a child deriving it at once
        return key

    kdf._scrypt = remembered


def serve() -> None:
    # The channel moves off fds 0 and 1, which each child takes for its own streams.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    channel = [requests, answers]
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _become_the_command(request, channel)
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        answers.flush()


if __name__ == "__main__":
    sys.path[0] = str(ROOT)
    for name in PRELOADED:
        importlib.import_module(name)
    assert threading.active_count() == 1, "a fork copies no other thread"
    keys, server = Path(tempfile.mkdtemp(prefix="cli-keys-")), os.getpid()
    _remember_keys(keys)
    try:
        serve()
    finally:
        if os.getpid() == server:  # not a child's exit, which passes through here too
            shutil.rmtree(keys, ignore_errors=True)
