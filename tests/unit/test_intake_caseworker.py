"""Who is responsible for a household („zuständig“): set at registration by the
caseworker who takes it in, changed by the provider's staff, refused once the household
is deregistered, cleared by a hand-over to another provider."""

from __future__ import annotations

from datetime import date

from services.intake.domain.household import Event, household
from services.intake.domain.household_commands import AssignCaseworker, HandOverHousehold
from shared.clock import business_time
from shared.contracts.intake import (
    CaseworkerAssigned,
    ConsentPurpose,
    DeregistrationReason,
    HouseholdConsentGiven,
    HouseholdDeregistered,
    HouseholdRegistered,
    ProcessingRestricted,
    RestrictionReason,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, register, registered

ASSIGNED = business_time(TODAY)


def assign(caseworker: str | None = "pseudonym-b") -> AssignCaseworker:
    return AssignCaseworker(caseworker=caseworker, today=TODAY)


def assigned(caseworker: str | None = "pseudonym-a") -> CaseworkerAssigned:
    return CaseworkerAssigned(household_id=HID, caseworker=caseworker, occurred_at=ASSIGNED)


def test_registering_caseworker_is_responsible_from_the_registration_day() -> None:
    events = household.decide(register(caseworker="pseudonym-a"), household.fold([]))
    registration_day = business_time(date(2019, 12, 31))
    assert isinstance(events[0], HouseholdRegistered)
    assert events[1] == CaseworkerAssigned(
        household_id=HID, caseworker="pseudonym-a", occurred_at=registration_day
    )
    assert household.fold(events).caseworker == "pseudonym-a"


def test_a_registration_without_a_caseworker_assigns_nobody() -> None:
    events = household.decide(register(), household.fold([]))
    assert not any(isinstance(e, CaseworkerAssigned) for e in events)


def test_assigning_another_caseworker_records_who_from_today() -> None:
    given(household, registered(), assigned()).when(assign()).then(
        CaseworkerAssigned(household_id=HID, caseworker="pseudonym-b", occurred_at=ASSIGNED)
    )


def test_nobody_can_be_made_responsible() -> None:
    given(household, registered(), assigned()).when(assign(None)).then(
        CaseworkerAssigned(household_id=HID, caseworker=None, occurred_at=ASSIGNED)
    )


def test_naming_who_already_is_responsible_records_nothing() -> None:
    given(household, registered(), assigned("pseudonym-b")).when(assign()).then()


def test_a_deregistered_household_gets_nobody_new() -> None:
    deregistered = HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_on_own,
        adults=2,
        minors=2,
        occurred_at=business_time(DAY),
    )
    given(household, registered(), deregistered).when(assign()).then_error(
        RuleViolation, code="deregistered"
    )


def test_a_restricted_household_gets_nobody_new() -> None:
    restricted = ProcessingRestricted(
        household_id=HID, reason=RestrictionReason.legal_claims, occurred_at=business_time(DAY)
    )
    given(household, registered(), restricted).when(assign()).then_error(
        RuleViolation, code="restricted"
    )


def test_an_unknown_household_gets_nobody() -> None:
    given(household).when(assign()).then_error(NotFound, code="household")


def test_a_hand_over_leaves_the_household_without_a_responsible_caseworker() -> None:
    consent = HouseholdConsentGiven(
        household_id=HID,
        consent_id=HID,
        purpose_code=ConsentPurpose.provider_handover,
        given_on=DAY,
        occurred_at=business_time(DAY),
    )
    history: list[Event] = [registered(), assigned(), consent]
    state = household.fold(history)
    assert state.caseworker == "pseudonym-a"
    handed = household.decide(
        HandOverHousehold(to_provider="drk", handed_over_on=DAY, today=TODAY), state
    )
    assert household.fold([*history, *handed]).caseworker is None
