"""A command typed at a terminal with ``--json``: the questions it asks go to the terminal's
stderr, so stdout is one JSON object and ``… --json > result.json`` gives a parseable file
(QA s10b F10: "Operator: {"ok": true, …}")."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from test_cli import ROOT


def run_at_terminal(data_dir: Path, answers: str, *args: str,
                    env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The command with a terminal as its stdin (``answers`` typed there), stdout and stderr
    captured apart."""
    main, terminal = pty.openpty()
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", **env})
    try:
        os.write(main, answers.encode())
        result = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
            cwd=ROOT, env=full_env, stdin=terminal, capture_output=True, text=True,
            encoding="utf-8", timeout=120)
    finally:
        os.close(terminal)
        os.close(main)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_questions_at_a_terminal_leave_stdout_to_the_json(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    password = {"SHOP_PASSWORD": "owner-pass-123"}
    created = run_at_terminal(shop, "Owner\n", "init", "--json", env=password)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["owner"] == "Owner"
    assert "Owner name" in created.stderr
    listed = run_at_terminal(shop, "Owner\n", "product", "list", "--json", env=password)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["products"] == []
    assert "Operator" in listed.stderr
