"""The household aggregate of intake: commands, state and decider. Pure: no I/O.

The decider sees no personal data: the application keeps names, birth dates,
contact data and notes out of the command and writes them to personal-data tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from shared.clock import business_day, business_time
from shared.contracts.intake import AccommodationKind, AgeBand, HouseholdRegistered
from shared.decider import Decider, RuleViolation

# ---------------------------------------------------------------- commands


@dataclass(frozen=True)
class RegisterHousehold:
    household_id: UUID
    provider: str
    registered_on: date
    accommodation_kind: AccommodationKind
    age_bands: tuple[AgeBand, ...]
    today: date


Command = RegisterHousehold
Event = HouseholdRegistered

# ---------------------------------------------------------------- state


@dataclass(frozen=True)
class Household:
    registered: bool = False
    household_id: UUID | None = None
    provider: str | None = None
    registered_on: date | None = None
    accommodation_kind: AccommodationKind | None = None
    adults: int = 0
    minors: int = 0

    @property
    def persons(self) -> int:
        return self.adults + self.minors


# ---------------------------------------------------------------- decider


def decide(command: Command, state: Household) -> list[Event]:
    match command:
        case RegisterHousehold():
            if state.registered:
                raise RuleViolation(
                    "already_registered", "Dieser Haushalt ist bereits aufgenommen."
                )
            if command.registered_on > command.today:
                raise RuleViolation(
                    "registered_in_future",
                    "Das Aufnahmedatum liegt in der Zukunft. Bitte den Tag der Aufnahme angeben.",
                )
            minors = sum(1 for band in command.age_bands if band.minor)
            return [
                HouseholdRegistered(
                    household_id=command.household_id,
                    provider=command.provider,
                    adults=len(command.age_bands) - minors,
                    minors=minors,
                    accommodation_kind=command.accommodation_kind,
                    occurred_at=business_time(command.registered_on),
                )
            ]


def evolve(state: Household, event: Event) -> Household:
    match event:
        case HouseholdRegistered():
            return Household(
                registered=True,
                household_id=event.household_id,
                provider=event.provider,
                registered_on=business_day(event.occurred_at),
                accommodation_kind=event.accommodation_kind,
                adults=event.adults,
                minors=event.minors,
            )
        case _:
            return state


household = Decider(decide=decide, evolve=evolve, initial_state=Household())


def stream_id(municipality: str, household_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"household:{municipality}:{household_id}"
