"""A volunteer's erasure (Art. 17 DSGVO) on the volunteer decider: given, when, then."""

from __future__ import annotations

from datetime import date

from services.volunteer.domain.volunteer import (
    ErasePersonalData,
    RecordLeaving,
    volunteer,
)
from shared.clock import business_time
from shared.contracts.intake import ErasureGround
from shared.contracts.volunteer import (
    OnboardingStep,
    VolunteerLeft,
    VolunteerPersonalDataErased,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.volunteer import REGISTERED, TODAY, VID, onboarded, step

ERASE = ErasePersonalData(ground=ErasureGround.data_subject_request, today=TODAY)
ERASED = VolunteerPersonalDataErased(
    volunteer_id=VID,
    ground=ErasureGround.data_subject_request,
    occurred_at=business_time(TODAY),
)


def test_erasing_records_the_volunteer_and_the_ground_only() -> None:
    given(volunteer, REGISTERED).when(ERASE).then(ERASED)
    assert set(VolunteerPersonalDataErased.model_fields) == {
        "occurred_at",
        "volunteer_id",
        "ground",
    }


def test_a_volunteer_who_left_can_be_erased_on_retention_grounds() -> None:
    left = VolunteerLeft(volunteer_id=VID, occurred_at=business_time(date(2019, 10, 1)))
    command = ErasePersonalData(ground=ErasureGround.retention_expired, today=TODAY)
    expected = ERASED.model_copy(update={"ground": ErasureGround.retention_expired})
    given(volunteer, REGISTERED, left).when(command).then(expected)


def test_an_unknown_volunteer_is_not_found() -> None:
    given(volunteer).when(ERASE).then_error(NotFound, "volunteer")


def test_erasing_twice_is_refused_with_the_day_of_the_first() -> None:
    error = (
        given(volunteer, REGISTERED, ERASED).when(ERASE).then_error(RuleViolation, "already_erased")
    )
    assert "bereits am 15.10.2019 gelöscht" in error.message


def test_a_volunteer_with_active_tandems_is_not_erased() -> None:
    command = ErasePersonalData(
        ground=ErasureGround.data_subject_request, today=TODAY, active_tandems=2
    )
    error = given(volunteer, REGISTERED).when(command).then_error(RuleViolation, "tandems_active")
    assert "2 Tandem(s)" in error.message


def test_an_erased_volunteer_takes_no_onboarding_step_and_does_not_leave() -> None:
    given(volunteer, REGISTERED, ERASED).when(step(OnboardingStep.agreement_signed)).then_error(
        RuleViolation, "already_erased"
    )
    leaving = RecordLeaving(left_on=TODAY, today=TODAY)
    given(volunteer, REGISTERED, ERASED).when(leaving).then_error(RuleViolation, "already_erased")


def test_an_erased_volunteer_is_not_ready_for_a_tandem() -> None:
    signed = onboarded(OnboardingStep.agreement_signed)
    state = volunteer.fold([REGISTERED, signed, ERASED])
    assert state.erased_on == TODAY
    assert not state.ready_for_tandem and not state.active
