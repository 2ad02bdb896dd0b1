"""The user id a service sees: never a login or a name, because it lands in every event's
`actor` (and the event stream keeps it for years).

Local accounts are known by their account UUID. A signed-in OpenID Connect user is
known by a keyed hash of the token's `sub`: stable across sessions (so a volunteer's
tandems stay theirs), yet not linkable to the identity provider's account without the
gateway's key (`AUSZUG_GATEWAY_PSEUDONYM_KEY`).
"""

from __future__ import annotations

import hashlib
import hmac

OIDC_PREFIX = "oidc:"


def oidc_user_id(key: str, subject: str) -> str:
    """`oidc:` + HMAC-SHA256(key, sub) in hex (69 characters)."""
    digest = hmac.new(key.encode(), subject.encode(), hashlib.sha256).hexdigest()
    return OIDC_PREFIX + digest
