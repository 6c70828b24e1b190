"""A real PostgreSQL server for the tests: Debian's binaries, a temporary folder, a loopback port.

The server is started by the tests themselves (``initdb`` then ``pg_ctl``), as the ``postgres``
user through ``runuser`` when the tests run as root (PostgreSQL refuses to run as root, and CI
runs as root). Where no server can be started, ``start()`` raises ``Unavailable`` with the
reason, and the fixtures skip with that message.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
PASSWORD = "pg-test-password"
START_TIMEOUT_S = 60


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def _bin_dir() -> Path:
    configured = shutil.which("pg_config")
    if configured:
        out = subprocess.run([configured, "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                      else 0)
    if not versions:
        raise Unavailable("PostgreSQL is not installed (Debian package: postgresql)")
    return versions[-1].parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise Unavailable("running as root without runuser: cannot start PostgreSQL")
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class Server:
    root: Path
    port: int
    bin_dir: Path
    prefix: list[str]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def env(self) -> dict[str, str]:
        """The environment a client needs: the password through PGPASSWORD, never the URL."""
        return {**os.environ, "PGPASSWORD": PASSWORD}

    def psql(self, sql: str, database: str = "postgres") -> str:
        out = subprocess.run(
            [str(self.bin_dir / "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
             "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-d", database,
             "-c", sql], capture_output=True, text=True, env=self.env(), check=True)
        return out.stdout.strip()

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database, empty, or a copy of ``template`` (which no one may be connected to)."""
        copied = f' TEMPLATE "{template}"' if template else ""
        self.psql(f'CREATE DATABASE "{name}"{copied}')
        return self.url(name)

    def halt(self) -> None:
        """Stopped as by a power cut, its folder kept: ``restart`` brings it back."""
        subprocess.run([*self.prefix, str(self.bin_dir / "pg_ctl"), "-D", str(self.data),
                        "-m", "immediate", "-w", "stop"], capture_output=True, check=True)

    def restart(self) -> None:
        _run(self, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", self.options(),
             "-l", str(self.root / "server.log"), "-w", "-t", str(START_TIMEOUT_S), "start")

    def options(self) -> str:
        return (f"-c listen_addresses=127.0.0.1 -p {self.port} "
                f"-c unix_socket_directories={self.root / 'sock'} -c fsync=off")

    def stop(self) -> None:
        """Stopped, and its folder removed by a process of its own: a session's hundreds of
        databases took 20 s to delete, the last thing each test run waited for."""
        subprocess.run([*self.prefix, str(self.bin_dir / "pg_ctl"), "-D", str(self.data),
                        "-m", "immediate", "-w", "stop"], capture_output=True)
        subprocess.run(["sh", "-c", 'rm -rf -- "$0" >/dev/null 2>&1 &', str(self.root)],
                       check=False)


def _run(server: Server, *args: str) -> None:
    done = subprocess.run([*server.prefix, *args], capture_output=True, text=True,
                          timeout=START_TIMEOUT_S)
    if done.returncode != 0:
        raise Unavailable(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout).strip()}")


def start() -> Server:
    """Start a fresh server in a temporary folder; the caller stops it."""
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="shop-pg-"))
    server = Server(root=root, port=_free_port(), bin_dir=bin_dir, prefix=_as_server_user())
    (root / "pwfile").write_text(PASSWORD + "\n")
    (root / "sock").mkdir()
    if server.prefix:
        shutil.chown(root, "postgres")
        for item in root.iterdir():
            shutil.chown(item, "postgres")
    try:
        _run(server, str(bin_dir / "initdb"), "-D", str(server.data), "-U", SUPERUSER,
             f"--pwfile={root / 'pwfile'}", "--auth-local=scram-sha-256",
             "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        server.restart()
    except (Unavailable, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"cannot start PostgreSQL: {exc}") from exc
    return server
