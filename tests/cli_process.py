"""``python -m desktop_app ARGS`` as a process of its own, forked by ``cli_forkserver``.

The result is a ``subprocess.CompletedProcess`` as ``subprocess.run(..., capture_output=True,
text=True)`` gives it. A call made while another thread's call is under way (a race test's
commands at once) starts a fresh interpreter instead, so the two still run side by side."""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVER = Path(__file__).with_name("cli_forkserver.py")


class _ForkServer:
    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(SERVER)], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.pending = b""
        self.folder = Path(tempfile.mkdtemp(prefix="cli-output-"))
        self.calls = 0

    def alive(self) -> bool:
        return self.process.poll() is None

    def _answer(self, deadline: float | None) -> dict[str, Any]:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self.pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError("the CLI fork server ended")
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def run(self, args: list[str], env: dict[str, str], timeout: float
            ) -> subprocess.CompletedProcess[str]:
        self.calls += 1
        shown = [sys.executable, "-m", "desktop_app", *args]
        out, err = self.folder / f"{self.calls}.out", self.folder / f"{self.calls}.err"
        request = {"args": args, "env": env, "cwd": str(ROOT), "stdout": str(out),
                   "stderr": str(err)}
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        pid = self._answer(None)["pid"]
        try:
            returncode = self._answer(time.monotonic() + timeout)["returncode"]
        except TimeoutError:
            os.kill(pid, signal.SIGKILL)
            self._answer(None)
            raise subprocess.TimeoutExpired(shown, timeout) from None
        try:
            return subprocess.CompletedProcess(
                shown, returncode,
                out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"))
        finally:
            out.unlink()
            err.unlink()

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


_server: _ForkServer | None = None
_busy = threading.Lock()


def run_command(args: list[str], env: dict[str, str], timeout: float = 120
                ) -> subprocess.CompletedProcess[str]:
    """``python -m desktop_app *args`` with exactly ``env``, stdin on /dev/null, in ROOT."""
    global _server
    if not _busy.acquire(blocking=False):
        return fresh_command(args, env, timeout)
    try:
        if _server is None or not _server.alive():
            _server = _ForkServer()
            atexit.register(_server.stop)
        return _server.run(args, env, timeout)
    finally:
        _busy.release()


def fresh_command(args: list[str], env: dict[str, str], timeout: float = 120
                  ) -> subprocess.CompletedProcess[str]:
    """The same in a new interpreter: for what happens as a command starts."""
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8",
                          stdin=subprocess.DEVNULL, timeout=timeout)
