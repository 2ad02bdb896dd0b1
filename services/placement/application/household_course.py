"""A household's way through placement, for the household page's timeline: proposed for
which flat, the landlord's answer, viewings, guarantees, the lease — read from the offer
streams the household was proposed on (the event store is the record; no extra table).
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

from sqlalchemy import select

from services.placement.adapters.tables import candidate_households, proposals
from services.placement.application import access
from services.placement.domain import offer as of
from shared.application import CommandExecutor
from shared.clock import business_day
from shared.contracts import placement as c
from shared.decider import NotFound
from shared.envelope import DomainEvent
from shared.identity import Caller

Step = c.CourseStep


async def household_course(
    commands: CommandExecutor, query: c.HouseholdCourseQuery, caller: Caller
) -> c.HouseholdCourse:
    """Oldest first; 404 for a household the caller may not see (or placement never saw),
    and for a restricted one unless the caller is a coordinator."""
    scope = access.provider_scope(caller)
    h, p = candidate_households, proposals
    async with commands.db.read() as conn:
        row = (
            await conn.execute(
                select(h.c.provider, h.c.restricted_on).where(
                    h.c.household_id == query.household_id,
                    h.c.municipality == caller.municipality,
                )
            )
        ).first()
        if row is None or not scope.sees(row.provider):
            raise NotFound("household", "Haushalt nicht gefunden.")
        if row.restricted_on is not None and not access.sees_restricted(caller):
            raise NotFound("household", "Haushalt nicht gefunden.")
        offer_ids = (
            await conn.execute(select(p.c.offer_id).where(p.c.household_id == query.household_id))
        ).scalars()
        entries: list[c.CourseEntry] = []
        for offer_id in offer_ids:
            history = await commands.store.load(conn, of.stream_id(caller.municipality, offer_id))
            events = [r.event for r in history]
            entries += _entries(query.household_id, offer_id, events)
    return c.HouseholdCourse(
        household_id=query.household_id, entries=sorted(entries, key=lambda e: e.on)
    )


def _entries(
    household_id: UUID, offer_id: UUID, events: list[DomainEvent]
) -> Iterator[c.CourseEntry]:
    district = next((e.district for e in events if isinstance(e, c.OfferReceived)), "")

    def entry(event: DomainEvent, step: Step, **extra: object) -> c.CourseEntry:
        on = business_day(event.occurred_at)
        return c.CourseEntry(on=on, step=step, offer_id=offer_id, district=district, **extra)

    for e in events:
        if getattr(e, "household_id", None) != household_id:
            continue
        match e:
            case c.HouseholdProposed():
                yield entry(e, Step.proposed)
            case c.LandlordDecided():
                accepted = e.decision is c.LandlordDecision.accepted
                yield entry(e, Step.landlord_accepted if accepted else Step.landlord_declined)
            case c.ViewingScheduled():
                yield c.CourseEntry(
                    on=e.viewing_on,
                    step=Step.viewing_scheduled,
                    offer_id=offer_id,
                    district=district,
                    at=e.viewing_at,
                )
            case c.ViewingHeld():
                yield entry(e, Step.viewing_held, detail=e.outcome.value)
            case c.GuaranteeRequested():
                yield entry(
                    e,
                    Step.guarantee_requested,
                    detail=e.kind.value,
                    by=e.requested_from.value,
                    amount=e.amount,
                    funding=e.funding,
                )
            case c.GuaranteeDecided():
                approved = e.decision is c.GuaranteeDecision.approved
                step = Step.guarantee_approved if approved else Step.guarantee_declined
                yield entry(
                    e,
                    step,
                    detail=e.kind.value,
                    by=e.requested_from.value,
                    amount=e.granted_amount,
                    funding=e.funding,
                )
            case c.PlacementCompleted():
                yield entry(
                    e, Step.lease_signed, detail=e.moved_on.isoformat(), amount=e.gross_cold_rent
                )
            case c.PlacementRetracted():
                yield entry(e, Step.placement_retracted, detail=e.reason.value)
            case _:
                pass
