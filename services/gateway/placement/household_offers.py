"""The household page's section on housing: the offers it was proposed for (links to
them) and the open offers that fit it, each with a button to propose the household.

households/page.py composes the page and includes placement/household_offers.html; this
module fetches what the section shows. A caller whose role does not reach placement, or a
household no longer looking, gets no list of fitting offers (the page still shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from shared.contracts import placement as c
from shared.contracts.placement import operations as ops
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RemoteError, RpcClient


@dataclass(frozen=True)
class Proposed:
    """An offer the household was proposed for, from its placement course."""

    offer_id: UUID
    district: str
    on: date


async def fitting_offers(
    rpc: RpcClient, caller: Caller, household_id: UUID
) -> c.HouseholdOffers | None:
    """The open offers that fit the household, best fits first; None where there are none
    to offer (role, household not looking, placement not answering right now)."""
    if caller.role not in (Role.coordinator, Role.caseworker):
        return None
    query = c.HouseholdOffersQuery(household_id=household_id, fits_only=True)
    try:
        return await rpc.send(ops.HOUSEHOLD_OFFERS, query, caller)
    except RemoteError as exc:
        if exc.error.kind in (ErrorKind.forbidden, ErrorKind.not_found, ErrorKind.unavailable):
            return None
        raise


def proposed_for(course: list[c.CourseEntry]) -> list[Proposed]:
    """Each offer the household was proposed for, once, newest first."""
    seen: dict[UUID, Proposed] = {}
    for entry in course:
        if entry.step is c.CourseStep.proposed:
            seen[entry.offer_id] = Proposed(entry.offer_id, entry.district, entry.on)
    return sorted(seen.values(), key=lambda p: p.on, reverse=True)
