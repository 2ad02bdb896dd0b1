"""The volunteer aggregate: given events, when a command, then events or an error."""

from __future__ import annotations

from datetime import date

from services.volunteer.domain.volunteer import (
    RecordLeaving,
    RegisterVolunteer,
    stream_id,
    volunteer,
)
from shared.clock import business_time
from shared.contracts.volunteer import (
    OnboardingStep,
    VolunteerLeft,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.volunteer import REGISTERED, TODAY, VID, onboarded, step


def test_registering_records_provider_district_and_languages_but_no_name() -> None:
    command = RegisterVolunteer(
        volunteer_id=VID,
        provider="caritas",
        registered_on=date(2019, 9, 2),
        today=TODAY,
        district="ehrenfeld",
        languages=("de", "ar"),
    )
    given(volunteer).when(command).then(REGISTERED)


def test_registering_twice_is_refused() -> None:
    command = RegisterVolunteer(VID, "caritas", date(2019, 9, 2), TODAY)
    given(volunteer, REGISTERED).when(command).then_error(RuleViolation, "already_registered")


def test_a_registration_day_in_the_future_is_refused() -> None:
    command = RegisterVolunteer(VID, "caritas", date(2019, 10, 16), TODAY)
    given(volunteer).when(command).then_error(RuleViolation, "in_future")


def test_an_onboarding_step_is_recorded_with_its_day() -> None:
    given(volunteer, REGISTERED).when(step(OnboardingStep.first_talk)).then(
        onboarded(OnboardingStep.first_talk)
    )


def test_the_same_step_twice_is_refused_naming_the_day_it_was_done() -> None:
    error = (
        given(volunteer, REGISTERED, onboarded(OnboardingStep.agreement_signed))
        .when(step(OnboardingStep.agreement_signed, date(2019, 10, 1)))
        .then_error(RuleViolation, "step_done")
    )
    assert "10.09.2019" in error.message


def test_a_step_before_the_registration_is_refused() -> None:
    given(volunteer, REGISTERED).when(step(OnboardingStep.first_talk, date(2019, 9, 1))).then_error(
        RuleViolation, "before_start"
    )


def test_a_step_for_an_unknown_volunteer_is_not_found() -> None:
    given(volunteer).when(step(OnboardingStep.first_talk)).then_error(NotFound)


def test_the_agreement_makes_a_volunteer_ready_for_a_tandem() -> None:
    assert not volunteer.fold([REGISTERED, onboarded(OnboardingStep.first_talk)]).ready_for_tandem
    state = volunteer.fold([REGISTERED, onboarded(OnboardingStep.agreement_signed)])
    assert state.ready_for_tandem


def test_leaving_is_recorded() -> None:
    given(volunteer, REGISTERED).when(RecordLeaving(date(2019, 10, 1), TODAY)).then(
        VolunteerLeft(volunteer_id=VID, occurred_at=business_time(date(2019, 10, 1)))
    )


def test_leaving_with_active_tandems_is_refused() -> None:
    error = (
        given(volunteer, REGISTERED)
        .when(RecordLeaving(date(2019, 10, 1), TODAY, active_tandems=2))
        .then_error(RuleViolation, "tandems_active")
    )
    assert "2 Tandem" in error.message


def test_a_volunteer_who_left_takes_no_further_steps_and_cannot_leave_again() -> None:
    left = VolunteerLeft(volunteer_id=VID, occurred_at=business_time(date(2019, 10, 1)))
    given(volunteer, REGISTERED, left).when(step(OnboardingStep.first_talk)).then_error(
        RuleViolation, "volunteer_left"
    )
    given(volunteer, REGISTERED, left).when(RecordLeaving(TODAY, TODAY)).then_error(
        RuleViolation, "volunteer_left"
    )
    assert not volunteer.fold([REGISTERED, left]).active


def test_streams_are_named_per_municipality() -> None:
    assert stream_id("koeln", VID) != stream_id("bergisch-gladbach", VID)
