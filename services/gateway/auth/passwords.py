"""Password hashing with Argon2id (argon2-cffi's defaults, RFC 9106's second choice),
and the rule for new passwords: long enough and not guessable (zxcvbn)."""

from __future__ import annotations

from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

_hasher = PasswordHasher()
# Verified against when the login is unknown, so an unknown login costs as much time as a
# wrong password and response times do not reveal which logins exist.
_DUMMY_HASH = _hasher.hash("kein-Konto-mit-diesem-Namen")

MIN_LENGTH = 12
# zxcvbn's score 0–4; 3 = "safely unguessable: moderate protection from an offline
# slow-hash scenario" (its README). Its lists hold the most common passwords of public
# breaches, common names, words and keyboard patterns.
MIN_SCORE = 3
# zxcvbn looks at the first characters only (its matching is quadratic in the length).
_CHECKED_LENGTH = 100


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


def weakness(password: str, user_inputs: Sequence[str] = ()) -> str | None:
    """Why a new password is refused (German, then English), or None. `user_inputs`:
    the account's login, name and the like, which a password must not be built on."""
    if len(password) < MIN_LENGTH:
        return (
            f"Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein. "
            f"/ The password must be at least {MIN_LENGTH} characters long."
        )
    found = zxcvbn(password[:_CHECKED_LENGTH], user_inputs=[u for u in user_inputs if u])
    if found["score"] >= MIN_SCORE:
        return None
    reason = found["feedback"]["warning"] or "It follows a simple pattern."
    return (
        "Das Passwort ist zu leicht zu erraten: es steht auf Listen oft benutzter oder "
        "veröffentlichter Passwörter oder folgt einem einfachen Muster. Bitte ein längeres "
        "aus mehreren ungewöhnlichen Wörtern wählen. "
        f"/ The password is too easy to guess. {reason}"
    )
