"""Correcting a placement recorded by mistake: a PlacementRetracted that repeats the facts
it takes back, after which the flat is open again. Never an edit of the old event."""

from __future__ import annotations

from datetime import date

from services.placement.domain.offer import offer
from services.placement.domain.offer_commands import RetractPlacement
from shared.clock import business_time
from shared.contracts.placement import LandlordKind, PlacementRetracted, RetractionReason
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.placement import (
    HID,
    OID,
    OTHER,
    TODAY,
    completed,
    day,
    decided,
    lease,
    proposed,
    received,
)

CORRECTED = day(25)
LET = (received(), proposed(), proposed(OTHER), decided(), decided(OTHER), completed())


def retract(on: date = CORRECTED) -> RetractPlacement:
    return RetractPlacement(reason=RetractionReason.wrong_household, retracted_on=on, today=TODAY)


def retracted(on: date = CORRECTED) -> PlacementRetracted:
    return PlacementRetracted(
        household_id=HID,
        offer_id=OID,
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=3,
        refugee_quota=True,
        volunteer_supported=False,
        household_had_wbs=True,
        lease_signed_on=day(20),
        reason=RetractionReason.wrong_household,
        occurred_at=business_time(on),
    )


def test_a_retraction_repeats_the_facts_of_the_placement_it_takes_back() -> None:
    given(offer, *LET).when(retract()).then(retracted())


def test_after_a_retraction_the_flat_can_be_let_to_the_right_household() -> None:
    given(offer, *LET, retracted()).when(lease(OTHER)).then(completed(OTHER))


def test_only_a_placement_in_force_can_be_retracted() -> None:
    error = (
        given(offer, received(), proposed(), decided())
        .when(retract())
        .then_error(RuleViolation, code="not_let")
    )
    assert "keine Vermittlung erfasst" in error.message
    given(offer, *LET, retracted()).when(retract()).then_error(RuleViolation, code="not_let")


def test_a_retraction_cannot_lie_before_the_lease_or_in_the_future() -> None:
    given(offer, *LET).when(retract(day(19))).then_error(RuleViolation, code="before_lease")
    given(offer, *LET).when(retract(date(2019, 10, 1))).then_error(RuleViolation, code="in_future")


def test_an_unknown_offer_has_nothing_to_retract() -> None:
    given(offer).when(retract()).then_error(NotFound)
