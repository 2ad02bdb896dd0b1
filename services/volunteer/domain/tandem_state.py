"""The tandems of one household, rebuilt by folding their events. Pure.

All tandems of a household share one stream, so "one active tandem per household" and
"was a tandem active on the lease day" are questions about one aggregate, decided under
the stream's optimistic concurrency.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day
from shared.contracts.volunteer import (
    PlacementSupportConfirmed,
    SupportKind,
    TandemEnded,
    TandemEndReason,
    TandemFormed,
    TandemSupportRecorded,
)

Event = TandemFormed | TandemEnded | TandemSupportRecorded | PlacementSupportConfirmed


@dataclass(frozen=True)
class Support:
    support_id: UUID
    kind: SupportKind
    supported_on: date


@dataclass(frozen=True)
class Tandem:
    tandem_id: UUID
    volunteer_id: UUID
    provider: str
    formed_on: date
    ended_on: date | None = None
    end_reason: TandemEndReason | None = None
    support: tuple[Support, ...] = ()
    # The `volunteer_tandem` consent the tandem rests on (None: formed before consents).
    consent_id: UUID | None = None

    def active_on(self, day: date) -> bool:
        """Formed on or before `day` and not ended before it."""
        return self.formed_on <= day and (self.ended_on is None or day <= self.ended_on)


@dataclass(frozen=True)
class Confirmation:
    placement_event_id: UUID
    tandem_id: UUID
    lease_signed_on: date


@dataclass(frozen=True)
class HouseholdTandems:
    household_id: UUID | None = None
    tandems: tuple[Tandem, ...] = ()
    confirmations: tuple[Confirmation, ...] = ()

    def tandem(self, tandem_id: UUID) -> Tandem | None:
        return next((t for t in self.tandems if t.tandem_id == tandem_id), None)

    @property
    def active(self) -> Tandem | None:
        return next((t for t in self.tandems if t.ended_on is None), None)

    def active_on(self, day: date) -> Tandem | None:
        """The tandem active on `day`; of two (one ended, one formed that day) the newer."""
        return next((t for t in reversed(self.tandems) if t.active_on(day)), None)

    def confirmed(self, placement_event_id: UUID) -> bool:
        return any(c.placement_event_id == placement_event_id for c in self.confirmations)

    def support_recorded(self, support_id: UUID) -> bool:
        return any(s.support_id == support_id for t in self.tandems for s in t.support)


def _with(state: HouseholdTandems, tandem_id: UUID, **changes: object) -> HouseholdTandems:
    tandems = tuple(
        replace(t, **changes) if t.tandem_id == tandem_id else t  # type: ignore[arg-type]
        for t in state.tandems
    )
    return replace(state, tandems=tandems)


def evolve(state: HouseholdTandems, event: Event) -> HouseholdTandems:
    match event:
        case TandemFormed():
            tandem = Tandem(
                tandem_id=event.tandem_id,
                volunteer_id=event.volunteer_id,
                provider=event.provider,
                formed_on=business_day(event.occurred_at),
                consent_id=event.consent_id,
            )
            return replace(state, household_id=event.household_id, tandems=(*state.tandems, tandem))
        case TandemEnded():
            ended_on = business_day(event.occurred_at)
            return _with(state, event.tandem_id, ended_on=ended_on, end_reason=event.reason)
        case TandemSupportRecorded():
            found = state.tandem(event.tandem_id)
            if found is None:
                return state
            support = Support(event.support_id, event.kind, business_day(event.occurred_at))
            return _with(state, event.tandem_id, support=(*found.support, support))
        case PlacementSupportConfirmed():
            confirmation = Confirmation(
                event.placement_event_id, event.tandem_id, event.lease_signed_on
            )
            return replace(state, confirmations=(*state.confirmations, confirmation))
        case _:
            return state
