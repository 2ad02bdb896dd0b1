"""Password hashing with Argon2id (argon2-cffi's defaults, RFC 9106's second choice)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the login is unknown, so an unknown login costs as much time as a
# wrong password and response times do not reveal which logins exist.
_DUMMY_HASH = _hasher.hash("kein-Konto-mit-diesem-Namen")

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    """An Argon2id hash with its own salt and parameters, for the users table."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches; `None` (unknown login) takes as long and is False."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Parameters were raised since this hash was made: store a new one on next sign-in."""
    return _hasher.check_needs_rehash(password_hash)


def weakness(password: str) -> str | None:
    """Why a new password is refused, in German, or None."""
    if len(password) < MIN_LENGTH:
        return f"Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein."
    return None
