"""Composition root of the reporting service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream

from services.reporting.adapters.facts import clear
from services.reporting.application.figures import figures
from services.reporting.application.projection import CONSUMER, FiguresProjection
from shared.contracts.reporting import Figures, FiguresQuery
from shared.identity import Caller
from shared.rebuild import drop_read_model
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "reporting"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
ReportingSettings = service_settings(SERVICE, default_port=8105)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or ReportingSettings(), MIGRATIONS)
    host.consume(CONSUMER, FiguresProjection())

    @host.rpc.handle("figures", FiguresQuery)
    async def get_figures(body: FiguresQuery, caller: Caller) -> Figures:
        return await figures(host.db, body, caller)

    return host.app()


async def rebuild(settings: ServiceSettings | None = None) -> None:
    """Drop the figures so the next start replays them from the stream."""
    settings = settings or ReportingSettings()
    await drop_read_model(
        database_url=settings.database(SERVICE),
        migrations=MIGRATIONS,
        nats_url=settings.platform.nats_url,
        durable=CONSUMER,
        clear=clear,
    )
