"""Gateway settings (`AUSZUG_GATEWAY_*`)."""

from __future__ import annotations

from pydantic import model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings

DEV_SECRET = "development-only-secret"


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

    @property
    def development_identity(self) -> bool:
        """Identity from request headers: only ever in development and test."""
        return self.platform.environment != "production"

    @property
    def secure_cookies(self) -> bool:
        """Cookies only over HTTPS, except on a developer's plain-HTTP localhost."""
        return self.platform.environment == "production"

    @property
    def gateway_database(self) -> str:
        return self.database("gateway")

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> GatewaySettings:
        if self.platform.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("AUSZUG_GATEWAY_SECRET_KEY must be set in production")
        return self
