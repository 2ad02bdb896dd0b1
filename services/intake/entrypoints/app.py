"""Composition root of the intake service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream

from services.intake.application import disclosure_projection, documents, notes
from services.intake.application.follow_ups import intake_follow_ups
from services.intake.application.placement_policy import CONSUMER, SUBJECTS, PlacementPolicy
from services.intake.application.retention import run_retention
from services.intake.entrypoints.consent_handlers import register_consent_handlers
from services.intake.entrypoints.household_handlers import register_household_handlers
from services.intake.entrypoints.inquiry_handlers import register_inquiry_handlers
from services.intake.entrypoints.privacy_handlers import register_privacy_handlers
from shared.casework.documents import sweep_at_start
from shared.casework.followups import register_follow_up_handlers
from shared.contracts.intake import operations as intake_ops
from shared.retention import schedule_retention
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "intake"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
IntakeSettings = service_settings(SERVICE, default_port=8101)


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or IntakeSettings(), MIGRATIONS)
    register_household_handlers(host)
    register_inquiry_handlers(host)
    register_privacy_handlers(host)
    register_consent_handlers(host)
    register_follow_up_handlers(host.rpc, intake_ops.FOLLOW_UPS, intake_follow_ups(host.commands))
    notes.register(host)
    documents.register(host)
    host.consume(
        CONSUMER,
        PlacementPolicy(host.store),
        filter_subject=SUBJECTS,
    )
    host.consume(
        disclosure_projection.CONSUMER,
        disclosure_projection.DisclosureProjection(),
        filter_subject=disclosure_projection.SUBJECTS,
    )
    app = host.app()
    sweep_at_start(app, host.db, lambda: documents.archive(host.db))
    schedule_retention(app, SERVICE, host.commands, run_retention)
    return app
