"""A schema step tested the one way: a new shop put back to the version before the step, then
migrated, has the new shop's shape again."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core import migrations
from desktop_app.core.store import Shop


def assert_step_restores_the_shape(shop: Shop, back: Callable[[Shop], None], version: int,
                                   shape: Callable[[Shop], object]) -> None:
    """``back`` puts ``shop`` (a new one) as ``version`` left it; ``shape`` says what the step
    changes (its indexes, say). The step must bring the new shop's shape back."""
    fresh = shape(shop)
    back(shop)
    assert migrations.current_version(shop.db) == version
    assert shape(shop) != fresh
    assert migrations.migrate(shop.db) == version
    assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
    assert shape(shop) == fresh
