"""scrypt, the one deliberately slow step of a login, and the same derivation started ahead.

A command that will open the shop (``redeem`` from a script) knows the password and the salt
of the operator's key slot long before it has loaded everything an open needs: it starts the
derivation on a thread (cryptography's scrypt lets go of the GIL) while the rest imports, and
the open takes the result instead of deriving again. The result is taken only by a derivation
asked with the same password, salt and cost, once; anything else derives anew. It stays in
memory like any key-encryption key and is never written anywhere.
"""

from __future__ import annotations

import threading
import unicodedata

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

KEY_BYTES = 32

Request = tuple[str, bytes, int, int, int]  # password, salt, n, r, p


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p)
    return kdf.derive(unicodedata.normalize("NFKC", password).encode("utf-8"))


class _Ahead:
    """One derivation running on its own thread."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.key: bytes | None = None
        # Not a daemon: an unused derivation finishes before the process exits, instead of
        # being cut off inside the library.
        self.thread = threading.Thread(target=self._run, name="key-derivation")

    def _run(self) -> None:
        try:
            self.key = _scrypt(*self.request)
        except Exception:  # the open derives again and reports it there
            self.key = None

    def result(self) -> bytes | None:
        self.thread.join()
        return self.key


_pending: list[_Ahead] = []
_pending_lock = threading.Lock()


def derive_ahead(password: str, salt: bytes, n: int, r: int, p: int) -> None:
    """Start deriving ``password``'s key on a thread for the ``derive`` that will ask for it."""
    ahead = _Ahead((password, salt, n, r, p))
    with _pending_lock:
        _pending.append(ahead)
    ahead.thread.start()


def _take(request: Request) -> _Ahead | None:
    with _pending_lock:
        for ahead in _pending:
            if ahead.request == request:
                _pending.remove(ahead)
                return ahead
    return None


def derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """The key scrypt derives from ``password``: the one started ahead for exactly this
    request if there is one, else derived now."""
    request = (password, salt, n, r, p)
    ahead = _take(request)
    key = ahead.result() if ahead is not None else None
    return key if key is not None else _scrypt(*request)
