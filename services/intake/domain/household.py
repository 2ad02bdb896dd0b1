"""The household aggregate of intake: the decider. Pure: no I/O, no personal data.

The application keeps names, birth dates, contact data and notes out of the commands
and writes them to personal-data tables; the decider sees ids, codes, counts and days.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household_commands import (
    AssessHousingReadiness,
    AssignCaseworker,
    ChangeAccommodation,
    ChangeComposition,
    ChangeNeeds,
    Command,
    CorrectPersonalData,
    DeregisterHousehold,
    DismissDuplicate,
    EraseMemberPersonalData,
    ErasePersonalData,
    HandOverHousehold,
    LiftRestriction,
    LinkAsDuplicate,
    RecordConsent,
    RegisterHousehold,
    RestrictProcessing,
    RevokeDeregistration,
    RevokeDuplicateDecision,
    WithdrawConsent,
)
from services.intake.domain.household_consents import (
    decide_consent,
    registration_consent,
    require_consent,
)
from services.intake.domain.household_duplicates import decide_duplicate
from services.intake.domain.household_master_data import decide_master_data
from services.intake.domain.household_privacy import decide_privacy
from services.intake.domain.household_revocation import revoke_deregistration
from services.intake.domain.household_rules import (
    composition_after,
    require_active,
    require_day,
    require_registered,
)
from services.intake.domain.household_state import Event, Household, evolve
from shared.clock import business_time
from shared.contracts.intake import (
    AccommodationChanged,
    CaseworkerAssigned,
    ConsentPurpose,
    CriterionRating,
    HouseholdDeregistered,
    HouseholdHandedOver,
    HouseholdRegistered,
    HousingReadinessAssessed,
    PossibleDuplicateFlagged,
    ReadinessResult,
)
from shared.decider import Decider, RuleViolation
from shared.validation import IdUnavailable

__all__ = ["Command", "Event", "Household", "RegisterHousehold", "household", "stream_id"]


def decide(command: Command, state: Household) -> list[Event]:
    match command:
        case RegisterHousehold():
            return _register(command, state)
        case ChangeComposition():
            require_active(state)
            require_day(state, command.changed_on, command.today)
            return [composition_after(state, command)]
        case ChangeAccommodation():
            require_active(state)
            require_day(state, command.moved_on, command.today)
            assert state.household_id and state.accommodation_kind
            return [
                AccommodationChanged(
                    household_id=state.household_id,
                    accommodation_kind=command.accommodation_kind,
                    previous_accommodation_kind=state.accommodation_kind,
                    occurred_at=business_time(command.moved_on),
                )
            ]
        case HandOverHousehold():
            return _hand_over(command, state)
        case DeregisterHousehold():
            return _deregister(command, state)
        case RevokeDeregistration():
            return revoke_deregistration(command, state)
        case AssessHousingReadiness():
            return _assess(command, state)
        case LinkAsDuplicate() | DismissDuplicate() | RevokeDuplicateDecision():
            return decide_duplicate(command, state)
        case (
            ErasePersonalData()
            | EraseMemberPersonalData()
            | RestrictProcessing()
            | LiftRestriction()
        ):
            return decide_privacy(command, state)
        case RecordConsent() | WithdrawConsent():
            return decide_consent(command, state)
        case AssignCaseworker():
            return _assign(command, state)
        case CorrectPersonalData() | ChangeNeeds():
            return decide_master_data(command, state)


def _register(command: RegisterHousehold, state: Household) -> list[Event]:
    if state.registered:
        raise IdUnavailable("already_registered")
    if command.registered_on > command.today:
        raise RuleViolation(
            "registered_in_future",
            "Das Aufnahmedatum liegt in der Zukunft. Bitte den Tag der Aufnahme angeben.",
        )
    minors = sum(1 for band in command.age_bands if band.minor)
    day = business_time(command.registered_on)
    registered: list[Event] = [
        HouseholdRegistered(
            household_id=command.household_id,
            provider=command.provider,
            adults=len(command.age_bands) - minors,
            minors=minors,
            accommodation_kind=command.accommodation_kind,
            wbs=command.wbs,
            wbs_valid_until=command.wbs_valid_until if command.wbs else None,
            residence_outlook=command.residence_outlook,
            languages=command.languages,
            consent_given=command.consent_given,
            accessible_flat_needed=command.accessible_flat_needed,
            preferred_districts=command.preferred_districts,
            occurred_at=day,
        )
    ]
    if command.consent_id is not None and command.consent_given_on is not None:
        registered += registration_consent(
            command.household_id,
            command.consent_id,
            command.consent_given_on,
            command.consent_withdrawn_on,
        )
    if command.caseworker is not None:
        registered.append(
            CaseworkerAssigned(
                household_id=command.household_id, caseworker=command.caseworker, occurred_at=day
            )
        )
    others = dict.fromkeys(o for o in command.possible_duplicates if o != command.household_id)
    return registered + [
        PossibleDuplicateFlagged(
            household_id=command.household_id, other_household_id=other, occurred_at=day
        )
        for other in others
    ]


def _hand_over(command: HandOverHousehold, state: Household) -> list[Event]:
    require_active(state)
    require_day(state, command.handed_over_on, command.today)
    assert state.household_id and state.provider
    if command.to_provider == state.provider:
        raise RuleViolation(
            "same_provider", f"Der Haushalt wird bereits von „{state.provider}“ betreut."
        )
    consent = require_consent(state, ConsentPurpose.provider_handover, command.handed_over_on)
    return [
        HouseholdHandedOver(
            household_id=state.household_id,
            from_provider=state.provider,
            to_provider=command.to_provider,
            consent_id=consent.consent_id,
            consent_given_on=consent.given_on,
            occurred_at=business_time(command.handed_over_on),
        )
    ]


def _assign(command: AssignCaseworker, state: Household) -> list[Event]:
    """A deregistered (or erased, restricted) household gets nobody new; saying again who
    already is responsible records nothing."""
    require_active(state)
    assert state.household_id
    if command.caseworker == state.caseworker:
        return []
    return [
        CaseworkerAssigned(
            household_id=state.household_id,
            caseworker=command.caseworker,
            occurred_at=business_time(command.today),
        )
    ]


def _deregister(command: DeregisterHousehold, state: Household) -> list[Event]:
    require_registered(state)
    if state.deregistered:
        raise RuleViolation(
            "already_deregistered",
            f"Der Haushalt ist bereits seit {_german(state.deregistered_on)} abgemeldet.",
        )
    require_day(state, command.deregistered_on, command.today)
    assert state.household_id
    return [
        HouseholdDeregistered(
            household_id=state.household_id,
            reason=command.reason,
            adults=state.adults,
            minors=state.minors,
            offer_id=command.offer_id,
            occurred_at=business_time(command.deregistered_on),
        )
    ]


def _assess(command: AssessHousingReadiness, state: Household) -> list[Event]:
    require_active(state)
    require_day(state, command.assessed_on, command.today)
    assert state.household_id
    ratings = dict(command.criteria)
    if command.result is ReadinessResult.ready and CriterionRating.not_met in ratings.values():
        raise RuleViolation(
            "inconsistent_result",
            "„Wohnfähig“ passt nicht zu einem nicht erfüllten Kriterium. Bitte „wohnfähig "
            "mit Unterstützung“ oder „noch nicht“ wählen oder die Kriterien prüfen.",
        )
    return [
        HousingReadinessAssessed(
            household_id=state.household_id,
            assessment_id=command.assessment_id,
            criteria=ratings,
            result=command.result,
            occurred_at=business_time(command.assessed_on),
        )
    ]


def _german(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


household = Decider(decide=decide, evolve=evolve, initial_state=Household())


def stream_id(municipality: str, household_id: UUID) -> str:
    """Streams are named per municipality, so another tenant's id finds nothing."""
    return f"household:{municipality}:{household_id}"
