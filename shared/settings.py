"""Settings from the environment (pydantic-settings).

Platform-wide values use the prefix `AUSZUG_` (`AUSZUG_NATS_URL`, `AUSZUG_ENVIRONMENT`);
each service's own values use `AUSZUG_<SERVICE>_` (`AUSZUG_INTAKE_DATABASE_URL`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]


class PlatformSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AUSZUG_", extra="ignore")

    environment: Environment = "development"
    nats_url: str = "nats://127.0.0.1:4222"
    # Who this process is on NATS (shared/nats_auth.py): by default the service's own
    # name; the password from a file (a docker secret), or `<credentials dir>/<user>.password`.
    nats_user: str | None = None
    nats_password_file: str | None = None
    nats_credentials_dir: str | None = None
    # CA that signed the server's certificate, for `tls://` URLs (deploy/README.md).
    nats_tls_ca_file: str | None = None
    # JetStream replicas of the streams (3 in a NATS cluster of three); never lowered.
    nats_stream_replicas: int = 1
    var_dir: str = "var"
    log_format: Literal["json", "console"] = "json"
    log_level: str = "INFO"


class ServiceSettings(BaseSettings):
    """Base of every service's settings; subclasses set `env_prefix`."""

    model_config = SettingsConfigDict(extra="ignore")

    platform: PlatformSettings = Field(default_factory=PlatformSettings)
    database_url: str | None = None
    http_host: str = "127.0.0.1"
    http_port: int = 0
    # Only honoured when environment is "test": see OutboxRelay.
    fault_crash_after_published: int | None = None
    # Where the service keeps its documents' bytes (shared/casework/documents.py): `disk`
    # (in `document_dir`, by default `<var_dir>/<service>-documents`), `database` (a table
    # in `database_url`) or `s3` (any S3-compatible store: bucket, endpoint, keys below).
    document_store: Literal["disk", "database", "s3"] = "disk"
    document_dir: str | None = None
    document_s3_endpoint: str | None = None
    document_s3_bucket: str | None = None
    document_s3_region: str = "us-east-1"
    document_s3_access_key_id: str | None = None
    document_s3_secret_access_key: str | None = None

    def database(self, service: str) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.platform.var_dir}/{service}.db"


def service_settings(service: str, default_port: int) -> type[ServiceSettings]:
    """The settings class of `service`, reading `AUSZUG_<SERVICE>_*`."""

    class Settings(ServiceSettings):
        model_config = SettingsConfigDict(env_prefix=f"AUSZUG_{service.upper()}_", extra="ignore")
        http_port: int = default_port

    Settings.__name__ = f"{service.capitalize()}Settings"
    return Settings
