"""`voucher batch --out X.pdf` draws whatever the user's Qt platform, and a Qt that cannot
start here stops the batch before anything is sold (QA s11b F8: under QT_QPA_PLATFORM=xcb
without a display Qt aborted the process after the batch was issued and paid: 30 sold vouchers,
no file, no JSON)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import OWNER_ENV, ROOT, as_json, run


def _run_drawing(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a user's shell runs it: their QT_QPA_PLATFORM, no display to connect to."""
    full_env = {k: v for k, v in os.environ.items()
                if (not k.startswith(("SHOP_", "QT_")) or k == "SHOP_WITNESS_DIR")
                and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    full_env.update({**OWNER_ENV, **env})
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(folder), *args],
        cwd=ROOT, env=full_env, capture_output=True, text=True, encoding="utf-8",
        stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--json").returncode == 0
    assert run(folder, "product", "add", "--name", "Wash", "--price", "18", "--json"
               ).returncode == 0
    return folder


def _orders(folder: Path) -> list[int]:
    return [o["id"] for o in as_json(run(folder, "order", "list", "--json"))["orders"]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X server is Linux's")
def test_the_batch_pdf_is_drawn_under_a_platform_with_no_display(shop: Path,
                                                                 tmp_path: Path) -> None:
    pdf = tmp_path / "batch.pdf"
    made = _run_drawing(shop, "voucher", "batch", "1", "--count", "3", "--out", str(pdf),
                        "--json", QT_QPA_PLATFORM="xcb")
    assert made.returncode == 0, made.stderr
    assert as_json(made)["count"] == 3 and pdf.read_bytes().startswith(b"%PDF")


def test_a_qt_that_cannot_start_sells_nothing(shop: Path, tmp_path: Path) -> None:
    """A Qt that fails to load (a server without libGL) is found before the batch is issued."""
    broken = tmp_path / "broken_qt" / "PySide6"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text(
        'raise ImportError("libGL.so.1: cannot open shared object file")\n', encoding="utf-8")
    pdf = tmp_path / "batch.pdf"
    failed = _run_drawing(shop, "voucher", "batch", "1", "--count", "3", "--out", str(pdf),
                          "--json", PYTHONPATH=str(broken.parent))
    assert failed.returncode == 1 and as_json(failed)["ok"] is False
    assert "issued_order" not in as_json(failed)
    assert not pdf.exists() and _orders(shop) == []
