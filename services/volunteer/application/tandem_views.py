"""Views of tandems, and who sees which tandem.

Staff see the tandems of the providers they see. A volunteer sees only their own
tandems while they are active: once a tandem ends, its household is none of their
business any more, and it answers 404 like any other household.
"""

from __future__ import annotations

from uuid import UUID

from services.volunteer.adapters.households import HouseholdRow
from services.volunteer.adapters.tandem_index import TandemKey
from services.volunteer.application import access
from services.volunteer.domain.tandem_state import HouseholdTandems, Tandem
from shared.contracts import volunteer as c
from shared.decider import NotFound
from shared.identity import Caller, Role

NOT_FOUND = "Tandem nicht gefunden."


def may_see(caller: Caller, key: TandemKey, tandem: Tandem | None, me: UUID | None) -> bool:
    """`me`: the volunteer the caller is, if the caller is a volunteer."""
    if tandem is None:
        return False
    if caller.role is Role.volunteer:
        return me is not None and key.volunteer_id == me and tandem.ended_on is None
    return access.may_see(caller, key.provider)


def require_visible(
    caller: Caller, key: TandemKey, state: HouseholdTandems, me: UUID | None
) -> Tandem:
    tandem = state.tandem(key.tandem_id)
    if tandem is None or not may_see(caller, key, tandem, me):
        raise NotFound("tandem", NOT_FOUND)
    return tandem


def tandem_view(key: TandemKey, state: HouseholdTandems, tandem: Tandem) -> c.TandemView:
    return c.TandemView(
        tandem_id=tandem.tandem_id,
        volunteer_id=tandem.volunteer_id,
        household_id=key.household_id,
        provider=tandem.provider,
        formed_on=tandem.formed_on,
        ended_on=tandem.ended_on,
        end_reason=tandem.end_reason,
        support=[
            c.SupportView(support_id=s.support_id, kind=s.kind, supported_on=s.supported_on)
            for s in tandem.support
        ],
        supported_placements=sum(1 for x in state.confirmations if x.tandem_id == tandem.tandem_id),
    )


def household_view(row: HouseholdRow, tandem: Tandem) -> c.TandemHouseholdView:
    return c.TandemHouseholdView(
        household_id=row.household_id,
        provider=row.provider,
        adults=row.adults,
        minors=row.minors,
        persons=row.adults + row.minors,
        accommodation_kind=row.accommodation_kind,
        tandem_id=tandem.tandem_id,
        tandem_since=tandem.formed_on,
    )
