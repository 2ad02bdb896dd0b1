"""Art. 15 DSGVO: everything volunteer holds on one household, for the coordinator's
export — its tandems and their support acts, consultations given to it, the workshop
attendance and certificates of its people (with their names as volunteer stores them),
and volunteer's picture of the household, its consents and placements.

A tandem's volunteer appears by id only: the volunteer's name is the volunteer's
personal data, not the household's.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Select, Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.tables import (
    attendee_details,
    consultation_appointments,
    household_placements,
    known_consents,
    known_households,
    tandem_index,
)
from services.volunteer.domain import tandems as td
from shared.application import CommandExecutor
from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.volunteer.household_export import (
    ExportVolunteerHousehold,
    VolunteerHouseholdExport,
)
from shared.contracts.volunteer.operations import EXPORT_HOUSEHOLD
from shared.decider import Forbidden
from shared.envelope import Envelope
from shared.eventstore.schema import events
from shared.eventstore.store import row_to_envelope
from shared.identity import Caller, Role
from shared.service import ServiceHost

BY_HOUSEHOLD = (
    known_households,
    known_consents,
    household_placements,
    tandem_index,
    consultation_appointments,  # with the place, as recorded
)
# Events outside the household's tandem stream that may name it (workshops, consultations).
NAMING = ("WorkshopAttended", "CertificateIssued", "ConsultationHeld", "ConsultationAppointed")


async def export_household(
    commands: CommandExecutor, request: ExportVolunteerHousehold, caller: Caller
) -> VolunteerHouseholdExport:
    """Empty, not 404, for a household volunteer never saw: intake decides existence."""
    if caller.role is not Role.coordinator:
        raise Forbidden("role", "Nur die Koordination erteilt Auskunft über gespeicherte Daten.")
    household_id, municipality = request.household_id, caller.municipality
    async with commands.db.read() as conn:
        records = {
            table.name: await _rows(conn, _of_household(table, municipality, household_id))
            for table in BY_HOUSEHOLD
        }
        tandem_stream = td.stream_id(municipality, household_id)
        history = [r.envelope for r in await commands.store.load(conn, tandem_stream)]
        named = await conn.execute(
            select(events)
            .where(events.c.municipality == municipality, events.c.event_type.in_(NAMING))
            .order_by(events.c.position)
        )
        # Scanned in Python: the payload is JSON, queried alike on SQLite and PostgreSQL.
        history += [
            envelope
            for envelope in map(row_to_envelope, named)
            if envelope.payload.get("household_id") == str(household_id)
        ]
        attendees = {
            e.payload["attendee_id"] for e in history if e.event_type == "WorkshopAttended"
        }
        records[attendee_details.name] = await _rows(
            conn,
            select(attendee_details).where(
                attendee_details.c.municipality == municipality,
                attendee_details.c.attendee_id.in_([UUID(a) for a in sorted(attendees)]),
            ),
        )
    return VolunteerHouseholdExport(
        household_id=household_id,
        records=records,
        history=[_fact(e) for e in sorted(history, key=lambda e: e.occurred_at)],
    )


def _fact(envelope: Envelope) -> RecordedFact:
    return RecordedFact(
        event_type=envelope.event_type,
        occurred_at=envelope.occurred_at,
        recorded_at=envelope.recorded_at,
        payload=envelope.payload,
    )


def _of_household(table: Table, municipality: str, household_id: UUID) -> Select[Any]:
    return select(table).where(
        table.c.municipality == municipality, table.c.household_id == household_id
    )


async def _rows(conn: AsyncConnection, query: Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in await conn.execute(query)]


def register(host: ServiceHost) -> None:
    """Answer `EXPORT_HOUSEHOLD` on volunteer's RPC subject."""

    @host.rpc.handle(EXPORT_HOUSEHOLD)
    async def export(body: ExportVolunteerHousehold, caller: Caller) -> VolunteerHouseholdExport:
        return await export_household(host.commands, body, caller)
