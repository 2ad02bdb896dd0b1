"""Who is calling: the identity the gateway vouches for on every request to a service."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from shared.envelope import CommandContext


class Role(StrEnum):
    coordinator = "coordinator"
    caseworker = "caseworker"
    housing_office = "housing_office"
    volunteer = "volunteer"
    analyst = "analyst"
    admin = "admin"


class Caller(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: str
    role: Role
    municipality: str
    provider: str | None = None
    correlation_id: UUID

    def command_context(self) -> CommandContext:
        return CommandContext(
            actor=self.user_id,
            municipality=self.municipality,
            correlation_id=self.correlation_id,
        )
