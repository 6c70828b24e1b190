"""Shared fixtures: real encrypted shops in temporary folders, nothing mocked."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.store import Shop, create_shop

OWNER = "Alice"
OWNER_PASSWORD = "correct horse 42"
CLERK = "Bob"
CLERK_PASSWORD = "clerk-pass-77"


@pytest.fixture
def shop_dir(tmp_path: Path) -> Path:
    return tmp_path / "shop"


@pytest.fixture
def shop(shop_dir: Path) -> Iterator[Shop]:
    """A fresh encrypted shop, opened by its owner."""
    opened = create_shop(shop_dir, "Test Shop 测试店", "CNY", OWNER, OWNER_PASSWORD,
                         busy_timeout_ms=2000)
    yield opened
    opened.close()
