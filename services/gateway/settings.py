"""Gateway settings (`AUSZUG_GATEWAY_*`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings

DEV_SECRET = "development-only-secret"
DEV_PSEUDONYM_KEY = "development-only-pseudonym-key"
# HMAC keys shorter than SHA-256's block of output are guessable offline from a cookie.
MIN_SECRET_BYTES = 32
MIB = 1024 * 1024


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AUSZUG_GATEWAY_", extra="ignore")

    http_port: int = 8000
    secret_key: str = DEV_SECRET
    rpc_timeout_seconds: float = 10.0
    # A session ends after this long in any case, and after `session_idle_minutes`
    # without a request: a forgotten tablet in a shelter office signs itself out.
    session_hours: float = 10.0
    session_idle_minutes: float = 60.0
    # Sign-in throttling (auth/throttle.py): failures free of any wait, per login name from
    # one address, per login name from anywhere (NIST SP 800-63B: at most 100) and per
    # client address; beyond them each further attempt waits twice as long as the one
    # before, from `login_backoff_seconds` up to `login_backoff_max_seconds` (an address
    # up to `login_backoff_max_seconds_per_ip`: people behind one NAT wait a minute at
    # most). Failures are forgotten after `login_forget_minutes` without one.
    login_failures_per_login_and_ip: int = 5
    login_failures_per_login: int = 100
    login_failures_per_ip: int = 30
    login_backoff_seconds: float = 30.0
    login_backoff_max_seconds: float = 900.0
    login_backoff_max_seconds_per_ip: float = 60.0
    login_forget_minutes: float = 60.0
    # Password checks (Argon2, in threads) running at once; a sign-in that finds no free
    # slot within `login_queue_seconds` gets 429 at once instead of queueing for a minute.
    login_concurrent_checks: int = 4
    login_queue_seconds: float = 2.0
    # Request bodies larger than this get 413 before they are read (middleware
    # body_limit.py); `body_limits` gives path prefixes their own limit (uploads),
    # e.g. AUSZUG_GATEWAY_BODY_LIMITS='{"/api/uploads": 20971520}'.
    max_body_bytes: int = MIB
    # A document's upload (shared/contracts/documents.py, MAX_BYTES = 5 MiB): the file
    # base64-encoded in JSON (~6.7 MiB) or a multipart form, with room to spare.
    upload_max_body_bytes: int = 8 * MIB
    body_limits: dict[str, int] = Field(default_factory=dict)
    # Addresses (or networks) of reverse proxies whose `X-Forwarded-For` is believed,
    # comma-separated; empty: never (the peer's address counts).
    trusted_proxies: str = ""
    # Requests in flight per service (shedding.py); one that finds no free slot within
    # `rpc_slot_wait_seconds` gets 429 with Retry-After instead of a 503 after the timeout.
    rpc_max_in_flight: int = 8
    rpc_slot_wait_seconds: float = 2.0
    # OpenID Connect bearer tokens (auth/oidc.py): on when the issuer is set. The JWKS
    # address is discovered from `<issuer>/.well-known/openid-configuration` unless given.
    oidc_issuer: str | None = None
    oidc_audience: str | None = None
    oidc_jwks_url: str | None = None
    # An unknown key id fetches the provider's keys again, at most this often.
    oidc_key_refresh_seconds: float = 60.0
    # Key of the HMAC that turns a token's `sub` into the user id services see
    # (auth/pseudonyms.py). Changing it gives every OIDC user a new identity: keep it.
    pseudonym_key: str = DEV_PSEUDONYM_KEY
    # Browser sign-in through the provider (auth/oidc_login.py): authorization code with
    # PKCE; on when the client id and the redirect address are set too. No secret: a
    # public client (PKCE alone protects the code).
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_redirect_url: str | None = None

    @property
    def development_identity(self) -> bool:
        """Identity from request headers: only ever in development and test."""
        return self.platform.environment != "production"

    @property
    def secure_cookies(self) -> bool:
        """Cookies only over HTTPS, except on a developer's plain-HTTP localhost."""
        return self.platform.environment == "production"

    @property
    def oidc_browser_sign_in(self) -> bool:
        """Whether the sign-in page offers "Mit dem Konto der Stadt anmelden"."""
        return bool(self.oidc_issuer and self.oidc_client_id and self.oidc_redirect_url)

    @property
    def proxy_options(self) -> dict[str, Any]:
        """uvicorn's options for `X-Forwarded-For`: believed only from the trusted proxies
        (uvicorn's own default trusts it from 127.0.0.1, which is any local process)."""
        trusted = [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]
        if not trusted:
            return {"proxy_headers": False, "forwarded_allow_ips": []}
        return {"proxy_headers": True, "forwarded_allow_ips": trusted}

    @property
    def gateway_database(self) -> str:
        return self.database("gateway")

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> GatewaySettings:
        if self.platform.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("AUSZUG_GATEWAY_SECRET_KEY must be set in production")
        short = len(self.secret_key.encode()) < MIN_SECRET_BYTES
        if self.platform.environment == "production" and short:
            raise ValueError(
                f"AUSZUG_GATEWAY_SECRET_KEY must be at least {MIN_SECRET_BYTES} bytes in "
                "production (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if self.oidc_issuer and not self.oidc_audience:
            raise ValueError("AUSZUG_GATEWAY_OIDC_AUDIENCE must be set with the issuer")
        if self.oidc_client_id and not (self.oidc_issuer and self.oidc_redirect_url):
            raise ValueError(
                "AUSZUG_GATEWAY_OIDC_ISSUER and …_OIDC_REDIRECT_URL must be set with the client id"
            )
        # Only bearer tokens use the key; a password-only installation does not need one.
        dev_key = self.pseudonym_key == DEV_PSEUDONYM_KEY
        if self.platform.environment == "production" and self.oidc_issuer and dev_key:
            raise ValueError("AUSZUG_GATEWAY_PSEUDONYM_KEY must be set in production")
        return self
