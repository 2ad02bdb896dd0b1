"""Dates that contradict an offer's course are refused by the offer decider (finding 5 of
the December 2026 walk): a viewing before its proposal or its appointment, a move into a
flat before it is available, a lease before the landlord said yes. Each message names the
date it contradicts as TT.MM.JJJJ."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.placement.domain.offer import offer
from services.placement.domain.offer_commands import RecordViewing, ScheduleViewing
from shared.clock import business_time
from shared.contracts.placement import ViewingHeld, ViewingOutcome, ViewingScheduled
from shared.decider import RuleViolation
from shared.testing import given
from support.builders.placement import (
    HID,
    OID,
    TODAY,
    completed,
    day,
    decided,
    lease,
    proposed,
    received,
)

VID = UUID("00000000-0000-4000-8000-0000000000b7")


def scheduled(on: int, arranged: date = TODAY) -> ViewingScheduled:
    return ViewingScheduled(
        offer_id=OID,
        viewing_id=VID,
        household_id=HID,
        provider="caritas",
        viewing_on=day(on),
        occurred_at=business_time(arranged),
    )


def held(on: int) -> RecordViewing:
    return RecordViewing(
        viewing_id=VID,
        held_on=day(on),
        outcome=ViewingOutcome.household_interested,
        accompanied_by_tandem=False,
        tandem_id=None,
        today=TODAY,
    )


def test_a_viewing_cannot_be_arranged_for_a_day_before_the_proposal() -> None:
    command = ScheduleViewing(viewing_id=VID, household_id=HID, viewing_on=day(4), today=TODAY)
    error = (
        given(offer, received(), proposed(on=5))
        .when(command)
        .then_error(RuleViolation, code="before_proposal")
    )
    assert error.message == "Der Besichtigungstermin liegt vor dem Vorschlag (05.09.2019)."
    on_the_day = ScheduleViewing(viewing_id=VID, household_id=HID, viewing_on=day(5), today=TODAY)
    given(offer, received(), proposed(on=5)).when(on_the_day).then(scheduled(5))


def test_a_viewing_is_not_held_before_the_proposal() -> None:
    # An appointment from before this rule existed may lie before the proposal itself.
    error = (
        given(offer, received(), proposed(on=5), scheduled(3))
        .when(held(4))
        .then_error(RuleViolation, code="before_proposal")
    )
    assert error.message == "Die Besichtigung liegt vor dem Vorschlag (05.09.2019)."


def test_a_viewing_is_not_held_before_its_appointment() -> None:
    error = (
        given(offer, received(), proposed(on=5), scheduled(12))
        .when(held(8))
        .then_error(RuleViolation, code="held_before_scheduled")
    )
    assert error.message == "Die Besichtigung liegt vor dem vereinbarten Termin (12.09.2019)."


def test_a_viewing_held_on_its_day_or_later_is_recorded() -> None:
    for on in (12, 13):
        given(offer, received(), proposed(on=5), scheduled(12)).when(held(on)).then(
            ViewingHeld(
                offer_id=OID,
                viewing_id=VID,
                household_id=HID,
                provider="caritas",
                outcome=ViewingOutcome.household_interested,
                accompanied_by_tandem=False,
                tandem_id=None,
                occurred_at=business_time(day(on)),
            )
        )


def test_nobody_moves_in_before_the_flat_is_available() -> None:
    history = (received(available_from=day(25)), proposed(), decided())
    error = (
        given(offer, *history)
        .when(lease(lease_signed_on=day(20), moved_on=day(24)))
        .then_error(RuleViolation, code="before_available")
    )
    assert error.message == (
        "Der Einzug liegt vor dem Tag, ab dem die Wohnung bezugsfertig ist (25.09.2019)."
    )
    given(offer, *history).when(lease(lease_signed_on=day(20), moved_on=day(25))).then(
        completed(moved_on=day(25))
    )


def test_a_lease_is_not_signed_before_the_landlord_accepted() -> None:
    error = (
        given(offer, received(), proposed(), decided())
        .when(lease(lease_signed_on=day(11)))
        .then_error(RuleViolation, code="before_acceptance")
    )
    assert "(12.09.2019)" in error.message
