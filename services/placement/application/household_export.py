"""Art. 15 DSGVO: everything placement holds on one household, for the coordinator's
export — its way through placement (the `household_course` query), the rows placement
keeps on it and every event of an offer stream that names it.

Placement keeps no personal data of a household; the one address it holds that has
become theirs is the street address of the flat they signed a lease for, so that one is
exported (the addresses of flats they were only proposed for are the landlords'). Matches
are computed on request and never stored, so there is nothing to export for them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Select, Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.placement.adapters.tables import (
    candidate_households,
    guarantees,
    offer_details,
    offers,
    placements,
    proposals,
    viewing_appointments,
)
from services.placement.application import access
from services.placement.application.household_course import household_course
from services.placement.domain import offer as of
from shared.application import CommandExecutor
from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.placement import HouseholdCourseQuery
from shared.contracts.placement import operations as ops
from shared.contracts.placement.household_export import (
    ExportPlacementHousehold,
    PlacementHouseholdExport,
)
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

BY_HOUSEHOLD = (candidate_households, proposals, guarantees, placements, viewing_appointments)


async def export_household(
    commands: CommandExecutor, request: ExportPlacementHousehold, caller: Caller
) -> PlacementHouseholdExport:
    """Empty, not 404, for a household placement never saw: intake decides existence."""
    access.coordinator_only(caller, "Auskunft über gespeicherte Daten erteilen")
    household_id, municipality = request.household_id, caller.municipality
    try:
        query = HouseholdCourseQuery(household_id=household_id)
        course = (await household_course(commands, query, caller)).entries
    except NotFound:
        course = []
    async with commands.db.read() as conn:
        records = {
            table.name: await _rows(conn, _of_household(table, municipality, household_id))
            for table in BY_HOUSEHOLD
        }
        offer_ids = sorted({row["offer_id"] for row in records[proposals.name]})
        leased = [row["offer_id"] for row in records[placements.name]]
        records[offers.name] = await _rows(
            conn,
            select(offers).where(
                offers.c.municipality == municipality, offers.c.offer_id.in_(offer_ids)
            ),
        )
        records[offer_details.name] = await _rows(
            conn,
            select(offer_details.c.offer_id, offer_details.c.street_address).where(
                offer_details.c.municipality == municipality,
                offer_details.c.offer_id.in_(leased),
            ),
        )
        history: list[RecordedFact] = []
        for offer_id in offer_ids:
            for recorded in await commands.store.load(conn, of.stream_id(municipality, offer_id)):
                envelope = recorded.envelope
                # An offer's stream also holds other households' proposals: never theirs.
                if envelope.payload.get("household_id") == str(household_id):
                    history.append(
                        RecordedFact(
                            event_type=envelope.event_type,
                            occurred_at=envelope.occurred_at,
                            recorded_at=envelope.recorded_at,
                            payload=envelope.payload,
                        )
                    )
    return PlacementHouseholdExport(
        household_id=household_id, course=course, records=records, history=history
    )


def _of_household(table: Table, municipality: str, household_id: UUID) -> Select[Any]:
    return select(table).where(
        table.c.municipality == municipality, table.c.household_id == household_id
    )


async def _rows(conn: AsyncConnection, query: Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in await conn.execute(query)]


def register(host: ServiceHost) -> None:
    """Answer `EXPORT_HOUSEHOLD` on placement's RPC subject."""

    @host.rpc.handle(ops.EXPORT_HOUSEHOLD)
    async def export(body: ExportPlacementHousehold, caller: Caller) -> PlacementHouseholdExport:
        return await export_household(host.commands, body, caller)
