"""Build the PyInstaller bundle from a clean copy of the repository and check it works.

    python tests/package_smoke.py [--keep] [--workdir DIR] [--max-mib N] [--archive]

1. Copies the files git knows about (tracked, plus untracked ones that are not ignored: what a
   fresh clone plus your uncommitted work would hold) into a temporary folder, so nothing local
   (build/, dist/, caches, a developer's shop) leaks into the bundle.
2. Runs PyInstaller with build.spec there.
3. Runs the bundle's console executable with ``--self-test`` (QT_QPA_PLATFORM=offscreen, a
   throw-away data folder) and requires exit status 0, every line passed, and every QR decoder
   that loads from source also loading in the bundle; then the GUI executable's self-test for
   its exit status (a windowed executable has no stdout on Windows).
4. Opens the first release's shop (tests/data/shop_v1, kept outside the bundle like any shop)
   with the bundle's command line: a newer app must open an older shop through its migrations.
5. Prints the bundle's size in MiB and its 15 largest files.

Exits non-zero on any failure. Needs PyInstaller in the running Python (pip install pyinstaller).
``tests/test_package.py`` runs this under pytest when RUN_PACKAGE_TESTS=1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "VoucherShop"
SELF_TEST_TIMEOUT = 300
BUILD_TIMEOUT = 1800
MIB = 1024 * 1024
# tests/data/make_shop_v1.py made the first-release fixture with these credentials.
OLD_SHOP_OPERATOR = "owner"
OLD_SHOP_PASSWORD = "fixture-owner-1"


class SmokeFailure(Exception):
    """A step failed; the message says which and why."""


def log(message: str) -> None:
    print(message, flush=True)


def repository_files(root: Path) -> list[Path]:
    """Tracked files plus untracked ones that .gitignore does not exclude."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, check=True,
    ).stdout.decode("utf-8")
    return sorted({Path(name) for name in listing.split("\0") if name})


def copy_repository(root: Path, target: Path) -> int:
    count = 0
    for relative in repository_files(root):
        source = root / relative
        if not source.is_file():  # deleted in the working tree but still tracked
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        count += 1
    return count


def build(source: Path, work: Path) -> tuple[Path, float]:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
               "build.spec"]
    log(f"$ {' '.join(command)}")
    started = time.monotonic()
    result = subprocess.run(command, cwd=source, capture_output=True, text=True,
                            timeout=BUILD_TIMEOUT, check=False)
    elapsed = time.monotonic() - started
    (work / "pyinstaller.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    for line in (result.stdout + result.stderr).splitlines():
        if "build.spec:" in line or (" WARNING: " in line and "Library not found" not in line):
            log(f"  {line.strip()}")
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
        raise SmokeFailure(f"PyInstaller failed (exit {result.returncode}):\n{tail}")
    bundle = work / "dist" / APP_ID
    if not bundle.is_dir():
        raise SmokeFailure(f"no bundle folder at {bundle}")
    return bundle, elapsed


def executable(bundle: Path, name: str) -> Path:
    path = bundle / (f"{name}.exe" if sys.platform == "win32" else name)
    if not path.is_file():
        raise SmokeFailure(f"missing executable {path}")
    return path


def run_self_test(program: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    for variable in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # nothing from this venv
        env.pop(variable, None)
    return subprocess.run(
        [str(program), "--data-dir", str(data_dir), "--self-test"],
        cwd=data_dir.parent, env=env, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=SELF_TEST_TIMEOUT, check=False,
    )


def source_decoders(source: Path) -> list[str]:
    """The QR decoders that load from source with this Python, e.g. ["zxing-cpp", "pyzbar"]."""
    code = ("from desktop_app.scanning.decoders import available_decoders\n"
            "print('\\n'.join(label.split()[0] for label in available_decoders()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise SmokeFailure(f"cannot list the decoders from source:\n{result.stderr}")
    return result.stdout.split()


def check_self_test(result: subprocess.CompletedProcess[str], decoders: list[str]) -> None:
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    problems = []
    if result.returncode != 0:
        problems.append(f"exit status {result.returncode}")
    checks = [line for line in lines if line != "self-test passed"]
    if not checks:
        problems.append("no check lines printed")
    problems += [f"not passed: {line}" for line in checks if not line.startswith("PASS ")]
    if not lines or lines[-1] != "self-test passed":
        problems.append("no final 'self-test passed' line")
    qr_line = next((line for line in checks if line.startswith("PASS QR")), "")
    problems += [f"decoder {name} loads from source but not in the bundle"
                 for name in decoders if name not in qr_line]
    if problems:
        raise SmokeFailure("bundle self-test failed: " + "; ".join(problems)
                           + f"\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}")


def check_old_shop(program: Path, source: Path, work: Path) -> str:
    """The bundle opens the first release's shop (tests/data/shop_v1) through its migrations."""
    fixture = source / "tests" / "data" / "shop_v1"
    if not fixture.is_dir():
        return "skipped (no tests/data/shop_v1)"
    shop = work / "old-shop"
    shutil.rmtree(shop, ignore_errors=True)
    shutil.copytree(fixture, shop)
    # A witness folder of its own: the fixture is the same shop every run, and this
    # computer's witness of an earlier run's upgraded copy rightly calls a fresh copy of it
    # "rolled back" (the upgrade is an audited change since schema_upgraded).
    witness = work / "old-shop-witness"
    shutil.rmtree(witness, ignore_errors=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           "SHOP_OPERATOR": OLD_SHOP_OPERATOR, "SHOP_PASSWORD": OLD_SHOP_PASSWORD,
           "SHOP_WITNESS_DIR": str(witness)}
    outputs = []
    for command in (["product", "list", "--json"], ["verify", "--json"]):
        result = subprocess.run([str(program), "--data-dir", str(shop), *command], env=env,
                                cwd=work, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=SELF_TEST_TIMEOUT, check=False)
        if result.returncode != 0:
            raise SmokeFailure(f"{' '.join(command)} on the v1 shop exited {result.returncode}:"
                               f"\n{result.stdout}{result.stderr}")
        outputs.append(result.stdout)
    if "Car wash x5" not in outputs[0]:
        raise SmokeFailure(f"the v1 shop's products are missing:\n{outputs[0]}")
    return "opened, products intact, verify ok"


def bundle_files(bundle: Path) -> list[tuple[int, Path]]:
    files = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            files.append((path.stat().st_size, path))
    return sorted(files, key=lambda item: (-item[0], str(item[1])))


def report_size(bundle: Path, top: int = 15) -> float:
    files = bundle_files(bundle)
    total = sum(size for size, _ in files) / MIB
    log(f"bundle size: {total:.1f} MiB in {len(files)} files ({bundle})")
    log(f"largest {top} files:")
    for size, path in files[:top]:
        log(f"  {size / MIB:7.1f} MiB  {path.relative_to(bundle).as_posix()}")
    return total


def report_archive(bundle: Path, work: Path) -> None:
    """The download size: a zip on Windows, a tar.gz elsewhere (zip would copy the symlinks)."""
    started = time.monotonic()
    kind = "zip" if sys.platform == "win32" else "gztar"
    archive = shutil.make_archive(str(work / APP_ID), kind, root_dir=bundle.parent,
                                  base_dir=bundle.name)
    size = Path(archive).stat().st_size / MIB
    log(f"{Path(archive).name}: {size:.1f} MiB ({time.monotonic() - started:.0f} s to make)")


def smoke(work: Path, max_mib: float | None, archive: bool) -> None:
    source = work / "src"
    started = time.monotonic()
    copied = copy_repository(ROOT, source)
    log(f"copied {copied} files to {source} in {time.monotonic() - started:.1f} s")

    bundle, build_seconds = build(source, work)
    log(f"build took {build_seconds:.0f} s")

    decoders = source_decoders(source)
    for name in ("VoucherShop-debug", APP_ID):
        data_dir = work / f"data-{name}"
        started = time.monotonic()
        result = run_self_test(executable(bundle, name), data_dir)
        if name == APP_ID and sys.platform in ("win32", "darwin"):
            # The windowed executable prints nothing where there is no console: its status counts.
            if result.returncode != 0:
                raise SmokeFailure(f"{name} --self-test exited {result.returncode}\n"
                                   f"{result.stdout}{result.stderr}")
            log(f"{name} --self-test: exit 0 ({time.monotonic() - started:.1f} s)")
            continue
        check_self_test(result, decoders)
        log(f"{name} --self-test ({time.monotonic() - started:.1f} s):")
        for line in result.stdout.splitlines():
            log(f"  {line}")

    started = time.monotonic()
    outcome = check_old_shop(executable(bundle, "VoucherShop-debug"), source, work)
    log(f"first-release shop (tests/data/shop_v1): {outcome} ({time.monotonic() - started:.1f} s)")

    total = report_size(bundle)
    if archive:
        report_archive(bundle, work)
    if max_mib is not None and total > max_mib:
        raise SmokeFailure(f"bundle is {total:.1f} MiB, over the {max_mib:g} MiB limit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path,
                        help="build here instead of a new temporary folder (kept afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--max-mib", type=float, help="fail if the bundle is larger than this")
    parser.add_argument("--archive", action="store_true",
                        help="also zip the bundle and print the download size")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        log("PyInstaller is not installed here: pip install pyinstaller")
        return 2
    if shutil.which("git") is None:
        log("git is needed to list the repository's files")
        return 2

    started = time.monotonic()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="voucher-package-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        smoke(work.resolve(), args.max_mib, args.archive)
    except (SmokeFailure, subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
        log(f"PACKAGE SMOKE TEST FAILED: {exc}")
        log(f"(work folder kept: {work})")
        return 1
    log(f"package smoke test passed in {time.monotonic() - started:.0f} s")
    if args.workdir is None and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        log(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
