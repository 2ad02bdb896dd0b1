"""Gateway settings (`AUSZUG_GATEWAY_*`)."""

from __future__ import annotations

from pydantic import model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings

DEV_SECRET = "development-only-secret"
DEV_PSEUDONYM_KEY = "development-only-pseudonym-key"


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AUSZUG_GATEWAY_", extra="ignore")

    http_port: int = 8000
    secret_key: str = DEV_SECRET
    rpc_timeout_seconds: float = 10.0
    # A session ends after this long in any case, and after `session_idle_minutes`
    # without a request: a forgotten tablet in a shelter office signs itself out.
    session_hours: float = 10.0
    session_idle_minutes: float = 60.0
    # Failed sign-ins within `login_window_minutes` before 429: per login name (guessing
    # one password) and per client address (trying many names).
    login_window_minutes: float = 15.0
    login_failures_per_login: int = 5
    login_failures_per_ip: int = 20
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
    def gateway_database(self) -> str:
        return self.database("gateway")

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> GatewaySettings:
        if self.platform.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("AUSZUG_GATEWAY_SECRET_KEY must be set in production")
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
