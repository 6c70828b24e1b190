"""Key slots: the database key wrapped once per operator, as LUKS does.

The database key is 256 random bits. Each operator's password derives a key-encryption key
with scrypt; AES-GCM wraps the database key with it. Changing a password rewraps one slot,
removing an operator removes one slot, and no password is ever the database key itself.
The slot file is JSON beside the database; it holds no secret in the clear.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.core import kdf
from desktop_app.core.errors import (
    InvalidInput,
    KeySlotMissing,
    KeySlotsDamaged,
    NoRecoveryKey,
    NoShop,
    OperatorDisabled,
    WrongPassword,
)
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.text import has_control_characters
from desktop_app.core.vouchers import ALPHABET, check_symbol, normalize

FORMAT = 1
# A shop setting present while the recovery key the app showed has not been confirmed as kept
# (its last group typed back): the app closed, or died, with the key on screen (QA s35a F1).
RECOVERY_UNCONFIRMED = "recovery_key_unconfirmed"
KEY_BYTES = kdf.KEY_BYTES
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1


def normalize_operator(name: str) -> str:
    """The slot name of an operator: Unicode-normalized, trimmed and case-folded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


_derive = kdf.derive  # the slots' one derivation (the benchmarks time it under this name)


@dataclass(frozen=True)
class KeySlot:
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    wrapped: bytes

    @classmethod
    def seal(cls, database_key: bytes, password: str, aad: bytes) -> KeySlot:
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        wrapped = AESGCM(kek).encrypt(nonce, database_key, aad)
        return cls(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, nonce, wrapped)

    def open(self, password: str, aad: bytes) -> bytes:
        kek = _derive(password, self.salt, self.n, self.r, self.p)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped, aad)
        except InvalidTag:
            raise WrongPassword() from None

    def to_json(self) -> dict[str, Any]:
        return {"kdf": "scrypt", "salt": _b64(self.salt), "n": self.n, "r": self.r, "p": self.p,
                "cipher": "aes-256-gcm", "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        if data.get("kdf") != "scrypt" or data.get("cipher") != "aes-256-gcm":
            raise ValueError("unsupported key slot")
        n, r, p = int(data["n"]), int(data["r"]), int(data["p"])
        if n < SCRYPT_N or r < SCRYPT_R or p < 1:
            raise ValueError("key slot parameters weaker than allowed")
        return cls(_unb64(data["salt"]), n, r, p, _unb64(data["nonce"]), _unb64(data["wrapped"]))


# --- the recovery key: the way back in when every owner password is forgotten -------------

RECOVERY_SYMBOLS = 27  # 135 random bits in the typed-code alphabet, then one check symbol
RECOVERY_GROUP = 4
RECOVERY_SLOT = "~recovery"  # its AES-GCM binding; never an operator's slot name


def new_recovery_key() -> str:
    """A fresh recovery key, grouped for reading: ``7QMK-2X9R-…`` (7 groups of 4)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RECOVERY_SYMBOLS))
    full = body + check_symbol(body)
    return "-".join(full[i:i + RECOVERY_GROUP] for i in range(0, len(full), RECOVERY_GROUP))


def canonical_recovery_key(text: str) -> str:
    """The recovery key as typed, forgiving case, spaces, hyphens, O/0, I/L/1 and full-width
    characters; a key of the wrong length or whose check symbol fails is refused as a typo
    (``mistyped``): a typo is not a guess and counts toward no lockout.

    What can be told is: ``character``, one no key has (with ``suspect_group``, 0-based, when
    the count is right); else ``symbols``, the count typed, when it is not 28. A failing check
    symbol alone cannot say where the typo is: for each of the 28 places exactly one other
    symbol would make it hold, so every group is equally suspect (a voucher's typo is located
    by asking the database which of those codes exist; a key's could only be tried against
    its scrypt slot, ~0.3 s a try, about 50 tries, each a guess the lockout would not see)."""
    key = normalize(text)
    length_right = len(key) == RECOVERY_SYMBOLS + 1
    for position, character in enumerate(key):
        if character not in ALPHABET:
            where = {"suspect_group": position // RECOVERY_GROUP} if length_right else {}
            raise InvalidInput(field="recovery_key", problem="mistyped", character=character,
                               **where)
    if not length_right:
        raise InvalidInput(field="recovery_key", problem="mistyped", symbols=len(key))
    if check_symbol(key[:-1]) != key[-1]:
        raise InvalidInput(field="recovery_key", problem="mistyped")
    return key


class KeySlotFile:
    """The key slots of one shop, read from and written to ``keyslots.json``: one per
    operator, and one for the shop's recovery key."""

    def __init__(self, path: Path, shop_id: str, slots: dict[str, KeySlot],
                 recovery: KeySlot | None = None, disabled: set[str] | None = None) -> None:
        self.path = path
        self.shop_id = shop_id
        self.slots = slots
        self.recovery = recovery
        # Names disabled (their slot removed): a login says "disabled", not "no such name".
        self.disabled = disabled or set()

    @classmethod
    def new(cls, path: Path) -> KeySlotFile:
        return cls(path, secrets.token_hex(16), {})

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            if (path.parent / DATABASE_FILE).exists():  # a shop whose key file went missing
                raise KeySlotsDamaged(path=str(path)) from None
            raise NoShop(path=str(path.parent)) from None
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("unknown key slot format")
            slots = {name: KeySlot.from_json(slot) for name, slot in data["slots"].items()}
            recovery = KeySlot.from_json(data["recovery"]) if data.get("recovery") else None
            disabled = {str(name) for name in data.get("disabled", [])}
            return cls(path, str(data["shop_id"]), slots, recovery, disabled - set(slots))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeySlotsDamaged(path=str(path)) from exc

    def reload(self) -> KeySlotFile:
        """The slots as stored now: another counter may have changed them."""
        return KeySlotFile.load(self.path)

    def save(self) -> None:
        data: dict[str, Any] = {
            "format": FORMAT, "shop_id": self.shop_id,
            "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())}}
        if self.recovery is not None:
            data["recovery"] = self.recovery.to_json()
        if self.disabled:
            data["disabled"] = sorted(self.disabled)
        atomic_write_bytes(self.path, json.dumps(data, indent=1).encode("utf-8"))

    def _aad(self, slot_name: str) -> bytes:
        # Binding the slot to shop and operator stops a slot being copied to another name.
        return f"{self.shop_id}/{slot_name}".encode()

    def derive_ahead(self, operator: str, password: str) -> None:
        """Start the key derivation ``unlock(operator, password)`` will ask for (see ``kdf``);
        nothing when the operator has no slot: the unlock says so."""
        slot = self.slots.get(normalize_operator(operator))
        if slot is not None:
            kdf.derive_ahead(password, slot.salt, slot.n, slot.r, slot.p)

    def unlock(self, operator: str, password: str) -> bytes:
        name = normalize_operator(operator)
        slot = self.slots.get(name)
        if slot is None:
            if name in self.disabled:
                raise OperatorDisabled(operator=operator)
            raise KeySlotMissing(operator=operator)
        return slot.open(password, self._aad(name))

    def set_password(self, operator: str, password: str, database_key: bytes) -> None:
        name = normalize_operator(operator)
        self.slots[name] = KeySlot.seal(database_key, password, self._aad(name))
        self.disabled.discard(name)

    def disable(self, operator: str) -> None:
        """The operator's slot goes (their password opens nothing); the name is kept as
        disabled, so their login is told so."""
        name = normalize_operator(operator)
        self.slots.pop(name, None)
        self.disabled.add(name)

    def has(self, operator: str) -> bool:
        return normalize_operator(operator) in self.slots

    def set_new_recovery_key(self, database_key: bytes) -> str:
        """A new recovery key wrapping ``database_key`` (the old one stops working); returned
        once to be shown, never stored in the clear."""
        key = new_recovery_key()
        self.recovery = KeySlot.seal(database_key, canonical_recovery_key(key),
                                     self._aad(RECOVERY_SLOT))
        return key

    def unlock_recovery(self, recovery_key: str) -> bytes:
        """The database key, from the recovery key (``WrongPassword`` when it is not it)."""
        key = canonical_recovery_key(recovery_key)
        if self.recovery is None:
            raise NoRecoveryKey()
        try:
            return self.recovery.open(key, self._aad(RECOVERY_SLOT))
        except WrongPassword:  # the same code and lockout; its words name the key (QA s10b)
            raise WrongPassword(credential="recovery_key") from None


# --- what a new operator name and password must be ------------------------------------------

MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 64


def password_strength(password: str) -> int:
    """A rough 0-4 score: length and variety. Enough to warn, not a policy by itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0
    classes = sum(
        any(test(c) for c in password)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = 1 + (len(password) >= 12) + (classes >= 3) + (len(password) >= 16 and classes >= 2)
    return min(score, 4)


def validate_new_operator(name: str, password: str) -> None:
    cleaned = name.strip()
    if not cleaned:
        raise InvalidInput(field="name", problem="required")
    if len(cleaned) > MAX_NAME_LENGTH or has_control_characters(cleaned):
        raise InvalidInput(field="name", problem="bad_name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(field="password", problem="too_short", minimum=MIN_PASSWORD_LENGTH)
