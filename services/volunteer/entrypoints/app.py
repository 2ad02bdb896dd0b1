"""Composition root of the volunteer service (Ehrenamt)."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import known_consents, known_households
from services.volunteer.application import (
    consultation_appointments,
    documents,
    erasure_policy,
    household_export,
    household_projection,
    notes,
    placement_policy,
)
from services.volunteer.application import history as change_history
from services.volunteer.application.follow_ups import volunteer_follow_ups
from services.volunteer.application.retention import run_retention
from services.volunteer.entrypoints.activity_handlers import register_activity_handlers
from services.volunteer.entrypoints.people_handlers import register_people_handlers
from shared.casework.documents import sweep_at_start
from shared.casework.followups import register_follow_up_handlers
from shared.contracts import CONTRACTS
from shared.contracts.volunteer import operations as volunteer_ops
from shared.messaging import NatsLogin
from shared.purge import Purger
from shared.rebuild import drop_read_model
from shared.retention import schedule_retention
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "volunteer"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
VolunteerSettings = service_settings(SERVICE, default_port=8103)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or VolunteerSettings(), MIGRATIONS)
    host.consume(
        household_projection.CONSUMER,
        household_projection.HouseholdProjection(host.store),
        filter_subject=household_projection.SUBJECTS,
    )
    host.consume(
        placement_policy.CONSUMER,
        placement_policy.PlacementPolicy(host.store),
        filter_subject=CONTRACTS.subject("PlacementCompleted"),
    )
    host.consume(
        erasure_policy.CONSUMER,
        erasure_policy.ErasurePolicy(Purger(host.db)),
        filter_subject=CONTRACTS.subject("PersonalDataErased"),
    )
    register_people_handlers(host)
    register_activity_handlers(host)
    household_export.register(host)
    consultation_appointments.register(host)
    register_follow_up_handlers(
        host.rpc, volunteer_ops.FOLLOW_UPS, volunteer_follow_ups(host.commands)
    )
    notes.register(host)
    documents.register(host)
    change_history.register(host)
    app = host.app()
    sweep_at_start(app, host.db, lambda: documents.archive(host.db))
    schedule_retention(app, SERVICE, host.commands, run_retention)
    return app


async def _clear_households(conn: AsyncConnection) -> None:
    await conn.execute(delete(known_households))
    await conn.execute(delete(known_consents))


async def rebuild(settings: ServiceSettings | None = None) -> None:
    """Drop the picture of households so that the next start replays intake's events.

    The placements the policy remembered are not dropped: replaying `PlacementCompleted`
    would find them confirmed already, so there is nothing to rebuild there.
    """
    settings = settings or VolunteerSettings()
    await drop_read_model(
        database_url=settings.database(SERVICE),
        migrations=MIGRATIONS,
        nats=NatsLogin.of(settings.platform, SERVICE),
        durable=household_projection.CONSUMER,
        clear=_clear_households,
    )
