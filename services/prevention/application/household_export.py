"""Art. 15 DSGVO: everything prevention holds on one household, for the coordinator's
export — the aftercare offer made after its placement, and every Wohnintegrationshilfe
case referred with the household's id (`ReferralReceived.household_id`): the case's
row, its personal data (contact, address, referrer, notes of its steps, the notes
written on it) and its events.

Most prevention cases are referred without a household id (their households are not in
move-out management); nothing links those to a household, so they are not guessed at by
name or address and appear in no household's export.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import (
    aftercare_offers,
    case_details,
    case_documents,
    case_file_notes,
    case_index,
    case_notes,
    follow_ups,
)
from services.prevention.application import documents
from services.prevention.application.notes import NOTES
from services.prevention.domain import aftercare as ac
from services.prevention.domain import case as cs
from shared.application import CommandExecutor
from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.prevention.household_export import (
    ExportPreventionHousehold,
    PreventionHouseholdExport,
)
from shared.contracts.prevention.operations import EXPORT_HOUSEHOLD
from shared.decider import Forbidden
from shared.envelope import Envelope
from shared.eventstore.schema import events
from shared.eventstore.store import row_to_envelope
from shared.identity import Caller, Role
from shared.service import ServiceHost


async def export_household(
    commands: CommandExecutor, request: ExportPreventionHousehold, caller: Caller
) -> PreventionHouseholdExport:
    """Empty, not 404, for a household prevention never saw: intake decides existence."""
    if caller.role is not Role.coordinator:
        raise Forbidden("role", "Nur die Koordination erteilt Auskunft über gespeicherte Daten.")
    household_id, municipality = request.household_id, caller.municipality
    async with commands.db.read() as conn:
        referrals = await conn.execute(
            select(events)
            .where(
                events.c.municipality == municipality,
                events.c.event_type == "ReferralReceived",
            )
            .order_by(events.c.position)
        )
        # Scanned in Python: the payload is JSON, queried alike on SQLite and PostgreSQL.
        case_ids = [
            UUID(e.payload["case_id"])
            for e in map(row_to_envelope, referrals)
            if e.payload.get("household_id") == str(household_id)
        ]
        t = aftercare_offers
        records = {
            t.name: await _rows(
                conn,
                select(t).where(t.c.municipality == municipality, t.c.household_id == household_id),
            ),
            case_index.name: await _rows(
                conn,
                select(case_index).where(
                    case_index.c.municipality == municipality, case_index.c.case_id.in_(case_ids)
                ),
            ),
            case_details.name: await _rows(
                conn,
                select(case_details).where(
                    case_details.c.municipality == municipality,
                    case_details.c.case_id.in_(case_ids),
                ),
            ),
            case_notes.name: await _rows(
                conn, select(case_notes).where(case_notes.c.case_id.in_(case_ids))
            ),
            follow_ups.name: await _rows(
                conn,
                select(follow_ups).where(
                    follow_ups.c.municipality == municipality,
                    follow_ups.c.subject_id.in_(case_ids),
                ),
            ),
            case_file_notes.name: await NOTES.export(conn, case_ids),
            case_documents.name: await documents.archive(commands.db).export(conn, case_ids),
        }
        streams = [ac.stream_id(municipality, household_id)]
        streams += [cs.stream_id(municipality, case_id) for case_id in case_ids]
        history = [r.envelope for s in streams for r in await commands.store.load(conn, s)]
    return PreventionHouseholdExport(
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


async def _rows(conn: AsyncConnection, query: Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in await conn.execute(query)]


def register(host: ServiceHost) -> None:
    """Answer `EXPORT_HOUSEHOLD` on prevention's RPC subject."""

    @host.rpc.handle(EXPORT_HOUSEHOLD)
    async def export(body: ExportPreventionHousehold, caller: Caller) -> PreventionHouseholdExport:
        return await export_household(host.commands, body, caller)
