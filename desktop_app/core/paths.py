"""Where a shop lives on disk, and which places it must not live."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from desktop_app import APP_ID
from desktop_app.core.errors import DataDirUnusable, NetworkPathRefused
from desktop_app.core.fileio import os_reason

DATABASE_FILE = "shop.db"
KEYSLOTS_FILE = "keyslots.json"
LOG_DIR = "logs"

# File systems whose locking SQLite's WAL cannot rely on (it needs shared memory on one host).
NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "ceph", "glusterfs", "9p", "afpfs",
     "webdav", "davfs", "fuse.sshfs", "sshfs", "fuse.rclone", "lustre", "gpfs", "ocfs2"}
)


def default_data_root() -> Path:
    """The platform's per-user application data folder for this app."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_ID


def default_data_dir() -> Path:
    return default_data_root() / "shop"


def demo_data_dir() -> Path:
    return default_data_root() / "demo"


def _linux_mounts() -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/mounts; empty where there is none."""
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes  # here: only Windows has the API this asks

    drive = path.drive
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def is_network_path(path: Path, mounts: Iterable[tuple[str, str]] | None = None) -> bool:
    """True when ``path`` is on a network share (UNC path, mapped drive, NFS/SMB mount).

    ``mounts`` lets tests describe a mount table; by default the system's is read.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32" and mounts is None:
        return _windows_drive_is_remote(path)
    table = list(mounts) if mounts is not None else _linux_mounts()
    resolved = str(path.resolve()) if mounts is None else text
    best, best_type = "", ""
    for mount_point, fs_type in table:
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type.lower() in NETWORK_FS_TYPES


def prepare_data_dir(path: Path, create: bool) -> Path:
    """Check (and with ``create``, make) a shop folder; refuse network shares."""
    path = Path(path).expanduser()
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if is_network_path(path) or is_network_path(probe):
        raise NetworkPathRefused(path=str(path))
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataDirUnusable(path=str(path), reason=os_reason(exc)) from exc
    return path.resolve() if path.exists() else path
