"""A folder that refuses new files, made the same way on any Linux test machine.

As a normal user, mode 0555 is enough. Root ignores permissions, so there a read-only bind
mount of the folder onto itself does it; where mounting is not allowed (a container without
the right), the test is skipped rather than run on a folder that still takes files."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, timeout=30).returncode == 0


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if os.name != "posix":
        pytest.skip("a read-only folder is made the POSIX way here")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not shutil.which("mount") or not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("root, and mounting is not allowed here: no way to make a folder read-only")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            pytest.skip("root, and a read-only remount is not allowed here")
        yield
    finally:
        _run("umount", str(folder))


# What each way reports: EROFS for the mount, EACCES for the mode.
REASONS = {"read_only", "no_permission"}
