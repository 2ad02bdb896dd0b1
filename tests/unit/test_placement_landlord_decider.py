"""Placement's landlord decider: given events, when a command, then events or an error."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.placement.domain.landlord import (
    ConcludeCooperation,
    Landlord,
    RegisterLandlord,
    landlord,
    stream_id,
)
from shared.clock import business_time
from shared.contracts.placement import (
    CooperationAgreementConcluded,
    LandlordKind,
    LandlordRegistered,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given

LID = UUID("00000000-0000-4000-8000-0000000000a1")
TODAY = date(2019, 6, 15)


def register(**overrides: object) -> RegisterLandlord:
    values: dict[str, object] = {
        "landlord_id": LID,
        "kind": LandlordKind.municipal_housing_company,
        "cooperation_agreed_on": None,
        "registered_on": date(2019, 6, 1),
        "today": TODAY,
    }
    values.update(overrides)
    return RegisterLandlord(**values)  # type: ignore[arg-type]


def registered(**overrides: object) -> LandlordRegistered:
    values: dict[str, object] = {
        "landlord_id": LID,
        "kind": LandlordKind.municipal_housing_company,
        "cooperation_agreement": False,
        "cooperation_agreed_on": None,
        "occurred_at": business_time(date(2019, 6, 1)),
    }
    values.update(overrides)
    return LandlordRegistered(**values)


def test_registering_a_landlord_records_kind_and_day() -> None:
    given(landlord).when(register()).then(registered())


def test_a_cooperation_agreement_on_registration_is_recorded_with_its_day() -> None:
    given(landlord).when(register(cooperation_agreed_on=date(2018, 1, 1))).then(
        registered(cooperation_agreement=True, cooperation_agreed_on=date(2018, 1, 1))
    )


def test_a_landlord_is_registered_only_once() -> None:
    given(landlord, registered()).when(register()).then_error(
        RuleViolation, code="already_registered"
    )


def test_registration_and_agreement_days_may_not_lie_in_the_future() -> None:
    given(landlord).when(register(registered_on=date(2019, 6, 16))).then_error(
        RuleViolation, code="in_future"
    )
    given(landlord).when(register(cooperation_agreed_on=date(2019, 7, 1))).then_error(
        RuleViolation, code="in_future"
    )


def test_a_cooperation_agreement_can_be_concluded_later() -> None:
    given(landlord, registered()).when(
        ConcludeCooperation(agreed_on=date(2019, 6, 10), today=TODAY)
    ).then(
        CooperationAgreementConcluded(landlord_id=LID, occurred_at=business_time(date(2019, 6, 10)))
    )


def test_a_second_cooperation_agreement_is_refused() -> None:
    error = (
        given(
            landlord, registered(cooperation_agreement=True, cooperation_agreed_on=date(2018, 1, 1))
        )
        .when(ConcludeCooperation(agreed_on=date(2019, 6, 10), today=TODAY))
        .then_error(RuleViolation, code="already_cooperating")
    )
    assert "01.01.2018" in error.message


def test_an_agreement_with_an_unknown_landlord_is_not_found() -> None:
    given(landlord).when(ConcludeCooperation(agreed_on=TODAY, today=TODAY)).then_error(NotFound)


def test_state_knows_kind_and_agreement_day() -> None:
    state = landlord.fold(
        [
            registered(kind=LandlordKind.private),
            CooperationAgreementConcluded(
                landlord_id=LID, occurred_at=business_time(date(2019, 6, 10))
            ),
        ]
    )
    assert state == Landlord(
        registered=True,
        landlord_id=LID,
        kind=LandlordKind.private,
        registered_on=date(2019, 6, 1),
        cooperation_agreed_on=date(2019, 6, 10),
    )


def test_streams_are_named_per_municipality() -> None:
    assert stream_id("koeln", LID) == f"landlord:koeln:{LID}"
