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

    @property
    def development_identity(self) -> bool:
        """Identity from request headers: only ever in development and test."""
        return self.platform.environment != "production"

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> GatewaySettings:
        if self.platform.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("AUSZUG_GATEWAY_SECRET_KEY must be set in production")
        return self
