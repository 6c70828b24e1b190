"""The command-line tests' fork server (``cli_process``) answers as a new interpreter does:
the same exit status, stdout and stderr, for a command that succeeds, one refused by its
usage and one that finds no shop, in two languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_process import fresh_command, run_command


@pytest.mark.parametrize("words", [
    ["--version"],
    ["product", "add", "--price", "1"],
    ["product", "list", "--json"],
    ["--lang", "zh_CN", "product", "list"],
])
def test_a_forked_command_answers_as_a_new_interpreter(tmp_path: Path, words: list[str]
                                                       ) -> None:
    env = {**os.environ, "SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "owner-pass-123"}
    args = ["--data-dir", str(tmp_path / "nothing"), *words]
    forked, fresh = run_command(args, env), fresh_command(args, env)
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        fresh.returncode, fresh.stdout, fresh.stderr)
    assert forked.stdout or forked.stderr


def test_the_forked_command_has_the_environment_it_is_given(tmp_path: Path) -> None:
    """No variable of the server's own start leaks in: without the login's variables and
    no terminal, the command says which ones to set."""
    folder = tmp_path / "shop"
    env = {**os.environ, "SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "owner-pass-123"}
    assert run_command(["--data-dir", str(folder), "init"], env).returncode == 0
    bare = {k: v for k, v in os.environ.items()
            if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    asked = run_command(["--data-dir", str(folder), "product", "list"], bare)
    assert asked.returncode == 2 and "SHOP_OPERATOR" in asked.stderr
