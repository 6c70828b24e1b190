"""A refusal raised in another process (the race tests' pool workers, any multiprocessing
worker) comes back as itself: before, unpickling called ``__init__`` with the message and
raised ``TypeError: ShopError.__init__() takes 1 positional argument``, hiding the refusal."""

from __future__ import annotations

import pickle

import pytest

from desktop_app.core import errors


@pytest.mark.parametrize("refusal", [
    errors.SchemaTooNew(found=16, supported=15),
    errors.CannotWrite(path="/tmp/x", reason="read_only"),
    errors.NoShop(),
])
def test_a_refusal_pickles_as_itself(refusal: errors.ShopError) -> None:
    back = pickle.loads(pickle.dumps(refusal))
    assert type(back) is type(refusal) and back.params == refusal.params
    assert str(back) == str(refusal) and back.code == refusal.code
