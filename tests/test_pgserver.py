"""The PostgreSQL test server starts, takes a password login over TCP and gives fresh databases."""

from __future__ import annotations

import psycopg
import pytest


def test_server_accepts_password_login_on_loopback(pg_server, pg_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "pg-test-password")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("select current_database()").fetchone()[0].startswith("t_")
        assert conn.info.host == "127.0.0.1"


def test_wrong_password_is_refused(pg_server, pg_url: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "not the password")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_url)
