"""The landlord aggregate: commands, state and decider. Pure: no I/O, no personal data.

A landlord's name and contact person are personal data (a private landlord is a
person); the application writes them to placement's tables, the decider never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day, business_time
from shared.contracts.placement import (
    CooperationAgreementConcluded,
    LandlordKind,
    LandlordRegistered,
)
from shared.decider import Decider, NotFound, RuleViolation
from shared.validation import IdUnavailable

# ---------------------------------------------------------------- commands


@dataclass(frozen=True)
class RegisterLandlord:
    landlord_id: UUID
    kind: LandlordKind
    cooperation_agreed_on: date | None
    registered_on: date
    today: date


@dataclass(frozen=True)
class ConcludeCooperation:
    agreed_on: date
    today: date


Command = RegisterLandlord | ConcludeCooperation
Event = LandlordRegistered | CooperationAgreementConcluded

# ---------------------------------------------------------------- state


@dataclass(frozen=True)
class Landlord:
    registered: bool = False
    landlord_id: UUID | None = None
    kind: LandlordKind | None = None
    registered_on: date | None = None
    cooperation_agreed_on: date | None = None


# ---------------------------------------------------------------- decider


def decide(command: Command, state: Landlord) -> list[Event]:
    match command:
        case RegisterLandlord():
            if state.registered:
                raise IdUnavailable("already_registered")
            _not_in_future(command.registered_on, command.today, "Der Tag der Aufnahme")
            if command.cooperation_agreed_on is not None:
                _not_in_future(command.cooperation_agreed_on, command.today, "Die Vereinbarung")
            return [
                LandlordRegistered(
                    landlord_id=command.landlord_id,
                    kind=command.kind,
                    cooperation_agreement=command.cooperation_agreed_on is not None,
                    cooperation_agreed_on=command.cooperation_agreed_on,
                    occurred_at=business_time(command.registered_on),
                )
            ]
        case ConcludeCooperation():
            if not state.registered:
                raise NotFound("landlord", "Vermieter nicht gefunden.")
            if state.cooperation_agreed_on is not None:
                raise RuleViolation(
                    "already_cooperating",
                    "Mit diesem Vermieter besteht bereits eine Kooperationsvereinbarung "
                    f"(seit {state.cooperation_agreed_on:%d.%m.%Y}).",
                )
            _not_in_future(command.agreed_on, command.today, "Die Vereinbarung")
            assert state.landlord_id is not None
            return [
                CooperationAgreementConcluded(
                    landlord_id=state.landlord_id, occurred_at=business_time(command.agreed_on)
                )
            ]


def _not_in_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise RuleViolation("in_future", f"{what} liegt in der Zukunft.")


def evolve(state: Landlord, event: Event) -> Landlord:
    match event:
        case LandlordRegistered():
            return Landlord(
                registered=True,
                landlord_id=event.landlord_id,
                kind=event.kind,
                registered_on=business_day(event.occurred_at),
                cooperation_agreed_on=event.cooperation_agreed_on,
            )
        case CooperationAgreementConcluded():
            return replace(state, cooperation_agreed_on=business_day(event.occurred_at))
        case _:
            return state


landlord = Decider(decide=decide, evolve=evolve, initial_state=Landlord())


def stream_id(municipality: str, landlord_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"landlord:{municipality}:{landlord_id}"
