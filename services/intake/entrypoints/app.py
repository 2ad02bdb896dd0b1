"""Composition root of the intake service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream

from services.intake.application.households import Households
from shared.contracts.intake import GetHousehold, HouseholdRef, HouseholdView, RegisterHousehold
from shared.identity import Caller
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "intake"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
IntakeSettings = service_settings(SERVICE, default_port=8101)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or IntakeSettings(), MIGRATIONS)
    households = Households(host.commands)

    @host.rpc.handle("register_household", RegisterHousehold)
    async def register_household(body: RegisterHousehold, caller: Caller) -> HouseholdRef:
        return await households.register(body, caller)

    @host.rpc.handle("get_household", GetHousehold)
    async def get_household(body: GetHousehold, caller: Caller) -> HouseholdView:
        return await households.get(body, caller)

    return host.app()
