"""The volunteer aggregate: registration, onboarding steps, leaving. Pure.

A volunteer's name, contact data and login are personal data: the application writes
them to volunteer's tables; the decider sees ids, codes and days.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from uuid import UUID

from services.volunteer.domain.days import german, not_before, not_in_future
from shared.clock import business_day, business_time
from shared.contracts.intake import ErasureGround
from shared.contracts.volunteer import (
    OnboardingStep,
    VolunteerLeft,
    VolunteerOnboarded,
    VolunteerPersonalDataErased,
    VolunteerRegistered,
)
from shared.decider import Decider, NotFound, RuleViolation
from shared.validation import IdUnavailable

# The step without which a volunteer accompanies no household.
REQUIRED_FOR_TANDEM = OnboardingStep.agreement_signed


@dataclass(frozen=True)
class RegisterVolunteer:
    volunteer_id: UUID
    provider: str
    registered_on: date
    today: date
    district: str | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordOnboardingStep:
    step: OnboardingStep
    done_on: date
    today: date


@dataclass(frozen=True)
class RecordLeaving:
    left_on: date
    today: date
    # Found by the application: tandems of this volunteer still active.
    active_tandems: int = 0


@dataclass(frozen=True)
class ErasePersonalData:
    ground: ErasureGround
    today: date
    # Found by the application: tandems of this volunteer still active.
    active_tandems: int = 0


Command = RegisterVolunteer | RecordOnboardingStep | RecordLeaving | ErasePersonalData
Event = VolunteerRegistered | VolunteerOnboarded | VolunteerLeft | VolunteerPersonalDataErased


@dataclass(frozen=True)
class Volunteer:
    registered: bool = False
    volunteer_id: UUID | None = None
    provider: str | None = None
    district: str | None = None
    languages: tuple[str, ...] = ()
    registered_on: date | None = None
    onboarding: dict[OnboardingStep, date] = field(default_factory=dict)
    left_on: date | None = None
    erased_on: date | None = None

    @property
    def active(self) -> bool:
        return self.registered and self.left_on is None and self.erased_on is None

    @property
    def ready_for_tandem(self) -> bool:
        return self.active and REQUIRED_FOR_TANDEM in self.onboarding


def decide(command: Command, state: Volunteer) -> list[Event]:
    match command:
        case RegisterVolunteer():
            if state.registered:
                raise IdUnavailable("already_registered")
            not_in_future(command.registered_on, command.today, "Der Tag der Aufnahme")
            return [
                VolunteerRegistered(
                    volunteer_id=command.volunteer_id,
                    provider=command.provider,
                    district=command.district,
                    languages=command.languages,
                    occurred_at=business_time(command.registered_on),
                )
            ]
        case RecordOnboardingStep():
            _require_active(state)
            assert state.volunteer_id and state.registered_on
            if command.step in state.onboarding:
                raise RuleViolation(
                    "step_done",
                    f"Dieser Schritt ist bereits am {german(state.onboarding[command.step])} "
                    "erledigt.",
                )
            not_in_future(command.done_on, command.today, "Der Tag")
            not_before(command.done_on, state.registered_on, "Der Tag", "der Aufnahme")
            return [
                VolunteerOnboarded(
                    volunteer_id=state.volunteer_id,
                    step=command.step,
                    occurred_at=business_time(command.done_on),
                )
            ]
        case RecordLeaving():
            _require_active(state)
            assert state.volunteer_id and state.registered_on
            if command.active_tandems:
                raise RuleViolation(
                    "tandems_active",
                    f"Die Person begleitet noch {command.active_tandems} Tandem(s). "
                    "Bitte zuerst die Tandems beenden.",
                )
            not_in_future(command.left_on, command.today, "Der Tag des Ausscheidens")
            not_before(command.left_on, state.registered_on, "Der Tag", "der Aufnahme")
            return [
                VolunteerLeft(
                    volunteer_id=state.volunteer_id, occurred_at=business_time(command.left_on)
                )
            ]
        case ErasePersonalData():
            _require_registered(state)
            _require_not_erased(state)
            assert state.volunteer_id
            if command.active_tandems:
                raise RuleViolation(
                    "tandems_active",
                    f"Die Person begleitet noch {command.active_tandems} Tandem(s). "
                    "Bitte zuerst die Tandems beenden, dann die Daten löschen.",
                )
            return [
                VolunteerPersonalDataErased(
                    volunteer_id=state.volunteer_id,
                    ground=command.ground,
                    occurred_at=business_time(command.today),
                )
            ]


def _require_registered(state: Volunteer) -> None:
    if not state.registered:
        raise NotFound("volunteer", "Ehrenamtliche/r nicht gefunden.")


def _require_not_erased(state: Volunteer) -> None:
    if state.erased_on is not None:
        raise RuleViolation(
            "already_erased",
            "Die personenbezogenen Daten dieser Person wurden bereits am "
            f"{german(state.erased_on)} gelöscht.",
        )


def _require_active(state: Volunteer) -> None:
    _require_registered(state)
    _require_not_erased(state)
    if state.left_on is not None:
        raise RuleViolation(
            "volunteer_left", f"Die Person ist seit {german(state.left_on)} nicht mehr dabei."
        )


def evolve(state: Volunteer, event: Event) -> Volunteer:
    match event:
        case VolunteerRegistered():
            return Volunteer(
                registered=True,
                volunteer_id=event.volunteer_id,
                provider=event.provider,
                district=event.district,
                languages=event.languages,
                registered_on=business_day(event.occurred_at),
            )
        case VolunteerOnboarded():
            steps = {**state.onboarding, event.step: business_day(event.occurred_at)}
            return replace(state, onboarding=steps)
        case VolunteerLeft():
            return replace(state, left_on=business_day(event.occurred_at))
        case VolunteerPersonalDataErased():
            return replace(state, erased_on=business_day(event.occurred_at))
        case _:
            return state


volunteer = Decider(decide=decide, evolve=evolve, initial_state=Volunteer())


def stream_id(municipality: str, volunteer_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"volunteer:{municipality}:{volunteer_id}"
