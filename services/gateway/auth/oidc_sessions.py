"""A browser signed in at the OpenID provider gets the same server-side session as one
signed in with a password; everything after sign-in is then one path.

Sessions reference a `users` row, so an OIDC user gets one: made at the first sign-in,
keyed by the pseudonym (never by the provider's login, which may collide with a local
account's), with no password hash (password sign-in can never open it). Role,
municipality and provider are taken from the token at every sign-in, because the
provider is where they are managed; only the `active` flag is the gateway's own, so an
admin can still lock someone out locally.
"""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import uuid4

from services.gateway.adapters import sessions, users
from services.gateway.adapters.users import Account
from services.gateway.auth.authenticator import Authenticator
from services.gateway.auth.oidc import BearerIdentity
from services.gateway.auth.oidc_login import SignInFailed


async def open_oidc_session(
    authenticator: Authenticator, identity: BearerIdentity, id_token: str
) -> str:
    """A new session token for this person (SignInFailed if the gateway locked them)."""
    now = authenticator.now()
    account = Account(
        user_id=uuid4(),
        login=identity.user_id,
        password_hash="",
        role=identity.role,
        municipality=identity.municipality,
        provider=identity.provider,
        display_name=identity.login,
        oidc_user_id=identity.user_id,
    )
    token = authenticator.tokens.new()
    digest = authenticator.tokens.digest(token)
    async with authenticator.db.transaction() as conn:
        stored = await users.upsert_oidc_account(conn, account, now)
        if not stored.active:
            raise SignInFailed(
                "Ihr Zugang zu Auszug ist gesperrt. Bitte wenden Sie sich an die IT."
            )
        if identity.login:
            await users.remember_oidc_login(
                conn, identity.user_id, identity.login, identity.municipality, now
            )
        await sessions.open_session(conn, digest, stored.user_id, now, authenticator.lifetime)
        await sessions.keep_id_token(conn, digest, id_token)
    return token


async def close_returning_id_token(authenticator: Authenticator, token: str) -> str | None:
    """End the session; its ID token if it was begun at the provider."""
    async with authenticator.db.read() as conn:
        id_token = await sessions.id_token_of(conn, authenticator.tokens.digest(token))
    await authenticator.sign_out(token)
    return id_token


def end_session_url(endpoint: str, id_token: str, client_id: str, back_to: str) -> str:
    """RP-initiated logout: the provider ends its session and sends the browser back."""
    query = urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": back_to, "client_id": client_id}
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
