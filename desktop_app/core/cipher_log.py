"""SQLCipher's own log, kept off the user's terminal.

SQLCipher prints its decryption failures on stderr ("ERROR CORE sqlcipher_page_cipher: hmac
check failed…") before the one clear line a person should read; what failed reaches our log
as the error itself. The level is one for the whole process, so it is set once, before any
shop opens (``core.store`` calls ``quiet`` as it loads).
"""

from __future__ import annotations

import contextlib


def quiet() -> None:
    import sqlcipher3

    with contextlib.closing(sqlcipher3.connect(":memory:")) as connection:
        connection.execute("PRAGMA cipher_log_level = NONE")
