"""Purpose-bound consents on the household (intake's decider): recorded, withdrawn, and
required for a hand-over to another provider. Given events, when a command, then events
or an error."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household import household
from services.intake.domain.household_commands import (
    HandOverHousehold,
    RecordConsent,
    WithdrawConsent,
)
from shared.clock import business_time
from shared.contracts.intake import (
    ConsentPurpose,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdHandedOver,
    ProcessingRestricted,
    RestrictionReason,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, register, registered

CID = UUID("00000000-0000-4000-8000-00000000c001")
CID2 = UUID("00000000-0000-4000-8000-00000000c002")
HANDOVER = ConsentPurpose.provider_handover


def given_consent(
    purpose: ConsentPurpose = HANDOVER, on: date = DAY, consent_id: UUID = CID
) -> HouseholdConsentGiven:
    return HouseholdConsentGiven(
        household_id=HID,
        consent_id=consent_id,
        purpose_code=purpose,
        given_on=on,
        occurred_at=business_time(on),
    )


def withdrawn(on: date, consent_id: UUID = CID) -> HouseholdConsentWithdrawn:
    return HouseholdConsentWithdrawn(
        household_id=HID,
        consent_id=consent_id,
        purpose_code=HANDOVER,
        withdrawn_on=on,
        occurred_at=business_time(on),
    )


def record(purpose: ConsentPurpose = HANDOVER, on: date = DAY) -> RecordConsent:
    return RecordConsent(consent_id=CID, purpose=purpose, given_on=on, today=TODAY)


def withdraw(on: date = TODAY, consent_id: UUID = CID) -> WithdrawConsent:
    return WithdrawConsent(consent_id=consent_id, withdrawn_on=on, today=TODAY)


def hand_over(on: date = DAY) -> HandOverHousehold:
    return HandOverHousehold(to_provider="drk", handed_over_on=on, today=TODAY)


def handed_over(on: date = DAY, consent_on: date = DAY) -> HouseholdHandedOver:
    return HouseholdHandedOver(
        household_id=HID,
        from_provider="caritas",
        to_provider="drk",
        consent_id=CID,
        consent_given_on=consent_on,
        occurred_at=business_time(on),
    )


# ---------------------------------------------------------------- recording


def test_a_consent_is_recorded_with_purpose_and_day_only() -> None:
    given(household, registered()).when(record()).then(given_consent())


def test_a_consent_dated_in_the_future_is_refused() -> None:
    given(household, registered()).when(record(on=date(2020, 2, 1))).then_error(
        RuleViolation, "in_future"
    )


def test_a_consent_is_recorded_once() -> None:
    given(household, registered(), given_consent()).when(record()).then_error(
        RuleViolation, "consent_recorded"
    )


def test_no_consent_for_a_household_that_does_not_exist() -> None:
    given(household).when(record()).then_error(NotFound, "household")


def test_the_registrations_consent_is_one_to_processing_by_the_provider() -> None:
    command = register(consent_id=CID, consent_given_on=date(2019, 12, 31))
    _, consent = household.decide(command, household.initial_state)
    assert consent == given_consent(ConsentPurpose.data_processing, date(2019, 12, 31))


def test_a_consent_withdrawn_before_registration_is_recorded_with_its_withdrawal() -> None:
    command = register(
        consent_id=CID, consent_given_on=date(2019, 11, 1), consent_withdrawn_on=date(2019, 12, 1)
    )
    events = household.decide(command, household.initial_state)
    assert [e.event_type for e in events[1:]] == [
        "HouseholdConsentGiven",
        "HouseholdConsentWithdrawn",
    ]
    assert household.fold(events).consent_valid_on(ConsentPurpose.data_processing, DAY) is None


# ---------------------------------------------------------------- withdrawing


def test_a_withdrawal_counts_from_its_day() -> None:
    given(household, registered(), given_consent()).when(withdraw()).then(withdrawn(TODAY))


def test_an_unknown_consent_cannot_be_withdrawn() -> None:
    given(household, registered()).when(withdraw()).then_error(NotFound, "consent")


def test_a_consent_is_withdrawn_once() -> None:
    given(household, registered(), given_consent(), withdrawn(TODAY)).when(withdraw()).then_error(
        RuleViolation, "consent_withdrawn"
    )


def test_a_withdrawal_before_the_consent_is_refused() -> None:
    given(household, registered(), given_consent()).when(withdraw(on=date(2020, 1, 1))).then_error(
        RuleViolation, "withdrawn_before_given"
    )


def test_a_withdrawal_in_the_future_is_refused() -> None:
    given(household, registered(), given_consent()).when(withdraw(on=date(2020, 2, 1))).then_error(
        RuleViolation, "in_future"
    )


def test_a_restricted_household_may_still_withdraw_its_consent() -> None:
    restricted = ProcessingRestricted(
        household_id=HID, reason=RestrictionReason.legal_claims, occurred_at=business_time(DAY)
    )
    given(household, registered(), given_consent(), restricted).when(withdraw()).then(
        withdrawn(TODAY)
    )


# ---------------------------------------------------------------- the hand-over gate


def test_a_hand_over_without_consent_is_refused_with_a_reason() -> None:
    error = (
        given(household, registered())
        .when(hand_over())
        .then_error(RuleViolation, "consent_missing")
    )
    assert "anderen Träger" in error.message


def test_the_consent_to_processing_does_not_cover_a_hand_over() -> None:
    given(household, registered(), given_consent(ConsentPurpose.data_processing)).when(
        hand_over()
    ).then_error(RuleViolation, "consent_missing")


def test_a_hand_over_names_the_consent_in_force_that_day() -> None:
    given(household, registered(), given_consent()).when(hand_over()).then(handed_over())


def test_a_consent_given_after_the_hand_over_day_does_not_cover_it() -> None:
    given(household, registered(), given_consent(on=TODAY)).when(hand_over()).then_error(
        RuleViolation, "consent_missing"
    )


def test_from_the_day_of_its_withdrawal_a_consent_covers_no_hand_over() -> None:
    given(household, registered(), given_consent(), withdrawn(DAY)).when(hand_over()).then_error(
        RuleViolation, "consent_missing"
    )


def test_a_hand_over_before_the_withdrawal_rests_on_the_consent_then_in_force() -> None:
    given(household, registered(), given_consent(), withdrawn(TODAY)).when(hand_over()).then(
        handed_over()
    )


def test_of_two_valid_consents_the_latest_given_is_named() -> None:
    older = given_consent(on=date(2020, 1, 2), consent_id=CID2)
    given(household, registered(), older, given_consent()).when(hand_over()).then(handed_over())


def test_the_hand_over_is_remembered_with_its_consent() -> None:
    state = household.fold([registered(), given_consent(), handed_over()])
    (handover,) = state.handovers
    assert (handover.to_provider, handover.consent_id, handover.handed_over_on) == (
        "drk",
        CID,
        DAY,
    )
