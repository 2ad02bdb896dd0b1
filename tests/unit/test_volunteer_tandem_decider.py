"""The tandems of a household: formed, ended, support acts, and which placements they
supported. Given events, when a command, then events or an error."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from services.volunteer.domain.tandem_commands import (
    EndTandem,
    FormTandem,
    KnownHousehold,
    RecordSupport,
)
from services.volunteer.domain.tandems import tandems
from services.volunteer.domain.volunteer import Volunteer
from shared.clock import business_time
from shared.contracts.volunteer import (
    OnboardingStep,
    SupportKind,
    TandemEndReason,
    TandemSupportRecorded,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.volunteer import (
    CONSENT,
    FORMED_ON,
    HID,
    TID,
    TID2,
    VID,
    confirmed,
    ended,
    formed,
    placement,
)

TODAY = date(2019, 12, 31)

READY = Volunteer(
    registered=True,
    volunteer_id=VID,
    provider="caritas",
    registered_on=date(2019, 9, 1),
    onboarding={OnboardingStep.agreement_signed: date(2019, 9, 5)},
)
HOUSEHOLD = KnownHousehold(provider="caritas", registered_on=date(2019, 3, 1))


def form(**overrides: Any) -> FormTandem:
    values: dict[str, Any] = {
        "tandem_id": TID,
        "household_id": HID,
        "formed_on": FORMED_ON,
        "today": TODAY,
        "volunteer": READY,
        "household": HOUSEHOLD,
        "consent": CONSENT,
    }
    return FormTandem(**{**values, **overrides})


def support(day: date, kind: SupportKind = SupportKind.viewing) -> RecordSupport:
    return RecordSupport(UUID(int=7), TID, kind, day, TODAY)


# ---------------------------------------------------------------- forming


def test_a_ready_volunteer_and_a_household_of_the_same_provider_form_a_tandem() -> None:
    given(tandems).when(form()).then(formed())


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"household": None}, "household_unknown"),
        ({"volunteer": Volunteer()}, "volunteer_unknown"),
        ({"volunteer": replace(READY, left_on=date(2019, 9, 10))}, "volunteer_left"),
        ({"volunteer": replace(READY, onboarding={})}, "agreement_missing"),
        ({"household": replace(HOUSEHOLD, provider="drk")}, "other_provider"),
        ({"formed_on": date(2020, 1, 1)}, "in_future"),
        ({"formed_on": date(2019, 2, 28)}, "before_start"),
        ({"formed_on": date(2019, 9, 4)}, "before_start"),
        ({"household": replace(HOUSEHOLD, deregistered_on=FORMED_ON)}, "household_deregistered"),
    ],
)
def test_forming_a_tandem_is_refused_when(overrides: dict[str, Any], code: str) -> None:
    given(tandems).when(form(**overrides)).then_error(RuleViolation, code)


def test_a_tandem_may_be_recorded_for_the_time_before_the_household_was_deregistered() -> None:
    household = replace(HOUSEHOLD, deregistered_on=date(2019, 11, 30))
    given(tandems).when(form(household=household)).then(formed())


def test_a_household_has_one_active_tandem_at_a_time() -> None:
    given(tandems, formed()).when(form(tandem_id=TID2)).then_error(RuleViolation, "tandem_active")


def test_a_new_tandem_may_start_when_the_last_one_ended_but_not_before() -> None:
    history = (formed(), ended(date(2019, 10, 1)))
    given(tandems, *history).when(form(tandem_id=TID2, formed_on=date(2019, 9, 30))).then_error(
        RuleViolation, "tandem_overlaps"
    )
    given(tandems, *history).when(form(tandem_id=TID2, formed_on=date(2019, 10, 1))).then(
        formed(TID2, date(2019, 10, 1))
    )


def test_the_same_tandem_id_twice_is_refused() -> None:
    history = (formed(), ended(date(2019, 10, 1)))
    given(tandems, *history).when(form(formed_on=date(2019, 11, 1))).then_error(
        RuleViolation, "already_formed"
    )


def test_a_tandem_recorded_after_the_lease_confirms_the_placement_it_supported() -> None:
    known = (placement(date(2019, 11, 20)),)
    given(tandems).when(form(placements=known)).then(formed(), confirmed(date(2019, 11, 20)))


def test_a_placement_before_the_tandem_began_is_not_confirmed() -> None:
    known = (placement(date(2019, 9, 14)),)
    given(tandems).when(form(placements=known)).then(formed())


# ---------------------------------------------------------------- ending


def test_ending_a_tandem_records_the_day_and_reason() -> None:
    command = EndTandem(TID, date(2019, 12, 1), TandemEndReason.flat_found, TODAY)
    given(tandems, formed()).when(command).then(ended(date(2019, 12, 1)))


def test_ending_an_ended_tandem_is_refused() -> None:
    command = EndTandem(TID, date(2019, 12, 1), TandemEndReason.other, TODAY)
    error = (
        given(tandems, formed(), ended(date(2019, 11, 1)))
        .when(command)
        .then_error(RuleViolation, "already_ended")
    )
    assert "01.11.2019" in error.message


def test_ending_an_unknown_tandem_is_not_found() -> None:
    command = EndTandem(TID2, date(2019, 12, 1), TandemEndReason.other, TODAY)
    given(tandems, formed()).when(command).then_error(NotFound)


@pytest.mark.parametrize(
    ("day", "code"), [(date(2019, 9, 14), "before_start"), (date(2020, 1, 1), "in_future")]
)
def test_an_end_outside_the_possible_days_is_refused(day: date, code: str) -> None:
    command = EndTandem(TID, day, TandemEndReason.other, TODAY)
    given(tandems, formed()).when(command).then_error(RuleViolation, code)


def test_a_tandem_cannot_end_before_a_placement_it_supported() -> None:
    command = EndTandem(TID, date(2019, 11, 19), TandemEndReason.flat_found, TODAY)
    given(tandems, formed(), confirmed(date(2019, 11, 20))).when(command).then_error(
        RuleViolation, "supported_placement"
    )


def test_a_tandem_cannot_end_before_a_support_act_it_recorded() -> None:
    helped = TandemSupportRecorded(
        support_id=UUID(int=7),
        tandem_id=TID,
        household_id=HID,
        kind=SupportKind.office,
        occurred_at=business_time(date(2019, 10, 10)),
    )
    command = EndTandem(TID, date(2019, 10, 9), TandemEndReason.other, TODAY)
    given(tandems, formed(), helped).when(command).then_error(RuleViolation, "support_after_end")


# ---------------------------------------------------------------- support acts


def test_support_at_a_viewing_is_recorded_for_the_household() -> None:
    given(tandems, formed()).when(support(date(2019, 10, 2))).then(
        TandemSupportRecorded(
            support_id=UUID(int=7),
            tandem_id=TID,
            household_id=HID,
            kind=SupportKind.viewing,
            occurred_at=business_time(date(2019, 10, 2)),
        )
    )


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2019, 9, 14), "outside_tandem"),
        (date(2019, 10, 2), "outside_tandem"),
        (date(2020, 1, 1), "in_future"),
    ],
)
def test_support_outside_the_tandem_is_refused(day: date, code: str) -> None:
    given(tandems, formed(), ended(date(2019, 10, 1))).when(support(day)).then_error(
        RuleViolation, code
    )


def test_the_same_support_act_twice_is_refused() -> None:
    first = tandems.decide(support(date(2019, 10, 2)), tandems.fold([formed()]))
    given(tandems, formed(), *first).when(support(date(2019, 10, 3))).then_error(
        RuleViolation, "already_recorded"
    )
