"""A case reopened by a revoked deregistration (its placement was retracted).

The caseboard dropped the card when the household was deregistered; the revocation
brings it back at the stage it had before it was in the running for the retracted flat:
`ready` when its latest housing-readiness assessment says so (since that assessment),
otherwise `registered` (since the registration), with the caseworker who was responsible
when it was deregistered (the revocation names them). The facts of the household — written
before the caseboard in the same transaction — say what the card needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters.intake_tables import household_changes, readiness_assessments
from services.reporting.domain.caseboard import CaseCard
from shared.contracts.intake import HouseholdDeregistrationRevoked, ReadinessResult
from shared.contracts.reporting import Stage
from shared.eventstore.store import RecordedEvent

Key = tuple[str, UUID]


async def reopened_cards(
    conn: AsyncConnection, batch: Sequence[RecordedEvent]
) -> dict[Key, CaseCard]:
    """The card each revocation of the batch reopens, keyed by tenant and household."""
    revoked = {
        (r.envelope.municipality, r.event.household_id): r
        for r in batch
        if isinstance(r.event, HouseholdDeregistrationRevoked)
    }
    if not revoked:
        return {}
    registered = await _registered(conn, set(revoked))
    readiness = await _readiness(conn, set(revoked))
    cards = {}
    for key, recorded in revoked.items():
        event = recorded.event
        assert isinstance(event, HouseholdDeregistrationRevoked)
        registered_on = registered.get(key)
        if registered_on is None:
            continue  # not known to the caseboard: nothing to reopen
        # Only what was known when the case was reopened: a rebuild reads later facts too.
        cutoff = recorded.envelope.recorded_at
        known = [(day, result) for day, at, result in readiness.get(key, []) if at <= cutoff]
        assessed = known[-1] if known else None
        ready = assessed is not None and assessed[1] != ReadinessResult.not_yet.value
        cards[key] = CaseCard(
            municipality=key[0],
            household_id=key[1],
            provider=recorded.envelope.provider or "",
            adults=event.adults,
            minors=event.minors,
            registered_on=registered_on,
            stage=Stage.ready if ready else Stage.registered,
            stage_since=assessed[0] if ready and assessed else registered_on,
            ready=ready,
            caseworker=event.caseworker,
        )
    return cards


async def _registered(conn: AsyncConnection, keys: set[Key]) -> dict[Key, date]:
    h = household_changes
    statement = select(h.c.municipality, h.c.household_id, h.c.occurred_on).where(
        tuple_(h.c.municipality, h.c.household_id).in_(keys), h.c.change == "registered"
    )
    return {(m, i): day for m, i, day in await conn.execute(statement)}


async def _readiness(
    conn: AsyncConnection, keys: set[Key]
) -> dict[Key, list[tuple[date, datetime, str]]]:
    """Every assessment of the households: day, when recorded, result; the latest last."""
    a = readiness_assessments
    statement = (
        select(a.c.municipality, a.c.household_id, a.c.occurred_on, a.c.recorded_at, a.c.result)
        .where(tuple_(a.c.municipality, a.c.household_id).in_(keys))
        .order_by(a.c.occurred_on, a.c.recorded_at)
    )
    found: dict[Key, list[tuple[date, datetime, str]]] = {}
    for m, i, day, at, result in await conn.execute(statement):
        found.setdefault((m, i), []).append((day, at, result))
    return found
