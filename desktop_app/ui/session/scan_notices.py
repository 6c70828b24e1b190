"""What the login and lock screens say about scanner bursts typed at them (context
``LoginDialog``, where the words were first): a voucher kept for the login, fast text dropped
or kept, a barcode taken out of the password box. The rules are the scanner's
(``scanning/app_scanner.py``) and the session's (``shop_session.py``, ``held_scans.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import sentences


def scan_held_text(count: int, locked: bool) -> str:
    """``count`` vouchers scanned at this screen wait for the login, never for a password."""
    if count > 1 and locked:
        text = QCoreApplication.translate(
            "LoginDialog", "Locked – log in to redeem. Scans kept for a minute: {count}.")
    elif count > 1:
        text = QCoreApplication.translate(
            "LoginDialog", "Log in to redeem. Scans kept for a minute: {count}.")
    elif locked:
        text = QCoreApplication.translate(
            "LoginDialog", "Locked – log in to redeem. The scan is kept for a minute.")
    else:
        text = QCoreApplication.translate(
            "LoginDialog", "Log in to redeem. The scan is kept for a minute.")
    return text.format(count=count)


def fast_text_dropped_text() -> str:
    """Fast text typed with no field focused that is no voucher: thrown away, never kept for
    the login (it may be a password)."""
    return QCoreApplication.translate(
        "LoginDialog", "That was typed very fast outside the fields and is no voucher: it was "
        "not kept. Click in a field to type there.")


def scan_not_password_text(held: int) -> str:
    """A scanner's burst that is no voucher (a product's barcode) landed in the password box:
    taken out again, neither tried nor counted as a wrong password. ``held`` vouchers scanned
    before still wait for the login: still said (QA s12b F7)."""
    kept = ""
    if held == 1:
        kept = QCoreApplication.translate(
            "LoginDialog", "The voucher scanned before is kept: log in to redeem it.")
    elif held > 1:
        kept = QCoreApplication.translate(
            "LoginDialog", "The vouchers scanned before are kept: log in to redeem them "
            "({count}).").format(count=held)
    # No space after a Chinese full stop (QA s35b F18: "…未作为密码使用。 之前…")
    return sentences(QCoreApplication.translate(
        "LoginDialog", "That was a scan, not a password: it was not used."), kept)


def fast_text_kept_text() -> str:
    """Fast text kept in the password box (a password manager's auto-type, or a scanned
    label): used only on Enter; typing there replaces it (QA s11a F6)."""
    return QCoreApplication.translate(
        "LoginDialog", "That was typed very fast: press Enter to use it, or type your "
        "password to replace it.")
