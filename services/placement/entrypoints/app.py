"""Composition root of the placement service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import READ_MODELS, candidate_households
from services.placement.application import (
    appointments,
    documents,
    household_export,
    household_projection,
    letters,
    notes,
    offer_projection,
)
from services.placement.application import history as change_history
from services.placement.application.follow_ups import placement_follow_ups
from services.placement.entrypoints.handlers import register_handlers
from shared.casework.documents import sweep_at_start
from shared.casework.followups import register_follow_up_handlers
from shared.contracts.placement import operations as placement_ops
from shared.messaging import NatsLogin
from shared.purge import Purger
from shared.rebuild import drop_read_model
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "placement"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
PlacementSettings = service_settings(SERVICE, default_port=8102)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or PlacementSettings(), MIGRATIONS)
    host.consume(
        household_projection.CONSUMER,
        household_projection.HouseholdProjection(Purger(host.db)),
        filter_subject=household_projection.SUBJECTS,
    )
    host.consume(
        offer_projection.CONSUMER,
        offer_projection.OfferProjection(),
        filter_subject=offer_projection.SUBJECTS,
    )
    register_handlers(host)
    household_export.register(host)
    register_follow_up_handlers(
        host.rpc, placement_ops.FOLLOW_UPS, placement_follow_ups(host.commands)
    )
    notes.register(host)
    appointments.register(host)
    letters.register(host.rpc, host.commands)
    documents.register(host)
    change_history.register(host)
    app = host.app()
    sweep_at_start(app, host.db, lambda: documents.archive(host.db))
    return app


async def _clear_households(conn: AsyncConnection) -> None:
    await conn.execute(delete(candidate_households))


async def _clear_offers(conn: AsyncConnection) -> None:
    for table in READ_MODELS:
        if table is not candidate_households:
            await conn.execute(delete(table))


async def rebuild(settings: ServiceSettings | None = None) -> None:
    """Drop both read models so the next start replays them from the stream."""
    settings = settings or PlacementSettings()
    for durable, clear in (
        (household_projection.CONSUMER, _clear_households),
        (offer_projection.CONSUMER, _clear_offers),
    ):
        await drop_read_model(
            database_url=settings.database(SERVICE),
            migrations=MIGRATIONS,
            nats=NatsLogin.of(settings.platform, SERVICE),
            durable=durable,
            clear=clear,
        )
