"""Composition root of the prevention service (Wohnintegrationshilfe)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from faststream.asgi import AsgiFastStream

from services.prevention.application import (
    aftercare_policy,
    appointments,
    documents,
    household_export,
    letters,
    notes,
    restriction_projection,
)
from services.prevention.application import history as change_history
from services.prevention.application.aftercare_policy import CONSUMER, AftercarePolicy
from services.prevention.application.follow_ups import prevention_follow_ups
from services.prevention.application.reindex import reindex
from services.prevention.application.retention import run_retention
from services.prevention.entrypoints.handlers import register_handlers
from shared.casework.documents import sweep_at_start
from shared.casework.followups import register_follow_up_handlers
from shared.contracts import CONTRACTS
from shared.contracts.prevention import operations as prevention_ops
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.migrations import upgrade
from shared.retention import schedule_retention
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "prevention"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
PreventionSettings = service_settings(SERVICE, default_port=8104)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or PreventionSettings(), MIGRATIONS)
    register_handlers(host)
    register_follow_up_handlers(
        host.rpc, prevention_ops.FOLLOW_UPS, prevention_follow_ups(host.commands)
    )
    household_export.register(host)
    notes.register(host)
    appointments.register(host)
    documents.register(host)
    change_history.register(host)
    letters.register(host.rpc, host.commands)
    host.consume(
        CONSUMER,
        AftercarePolicy(host.store),
        filter_subject=aftercare_policy.SUBJECTS,
    )
    host.consume(
        restriction_projection.CONSUMER,
        restriction_projection.RestrictionProjection(),
        filter_subject=restriction_projection.SUBJECTS,
    )
    app = host.app()
    sweep_at_start(app, host.db, lambda: documents.archive(host.db))
    schedule_retention(app, SERVICE, host.commands, run_retention)
    return app


async def rebuild(settings: ServiceSettings | None = None) -> int:
    """Rewrite the case and aftercare lists from the event store (service stopped)."""
    settings = settings or PreventionSettings()
    db = Database(settings.database(SERVICE))
    try:
        await asyncio.to_thread(upgrade, MIGRATIONS, db.url)
        return await reindex(db, EventStore(CONTRACTS))
    finally:
        await db.dispose()
