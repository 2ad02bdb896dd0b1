"""Working an offer in the offer decider: proposals, the landlord's decision, viewings and
guarantees, each rule given/when/then.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.placement.domain.offer import offer
from services.placement.domain.offer_commands import (
    DecideGuarantee,
    RecordLandlordDecision,
    RecordViewing,
    RequestGuarantee,
    ScheduleViewing,
)
from shared.clock import business_time
from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeDecided,
    GuaranteeDecision,
    GuaranteeKind,
    GuaranteeRequested,
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    OfferWithdrawn,
    ViewingHeld,
    ViewingOutcome,
    ViewingScheduled,
    WithdrawalReason,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.placement import HID, OID, RECEIVED, TODAY, candidate, day, propose

DRK = UUID("00000000-0000-4000-8000-000000000002")
VID = UUID("00000000-0000-4000-8000-0000000000b1")
GID = UUID("00000000-0000-4000-8000-0000000000c1")


WITHDRAWN = OfferWithdrawn(
    offer_id=OID, reason=WithdrawalReason.unsuitable, occurred_at=business_time(day(9))
)


def proposed(hid: UUID = HID, provider: str = "caritas") -> HouseholdProposed:
    return HouseholdProposed(
        offer_id=OID,
        household_id=hid,
        provider=provider,
        adults=1,
        minors=1,
        occurred_at=business_time(day(5)),
    )


def decision(choice: LandlordDecision, on: date = date(2019, 9, 12)) -> RecordLandlordDecision:
    return RecordLandlordDecision(household_id=HID, decision=choice, decided_on=on, today=TODAY)


def landlord_decided(choice: LandlordDecision) -> LandlordDecided:
    return LandlordDecided(
        offer_id=OID,
        household_id=HID,
        provider="caritas",
        decision=choice,
        proposed_on=day(5),
        occurred_at=business_time(day(12)),
    )


SCHEDULED = ViewingScheduled(
    offer_id=OID,
    viewing_id=VID,
    household_id=HID,
    provider="caritas",
    viewing_on=day(8),
    occurred_at=business_time(TODAY),
)


def request(kind: GuaranteeKind = GuaranteeKind.deposit, gid: UUID = GID) -> RequestGuarantee:
    return RequestGuarantee(
        guarantee_id=gid,
        household_id=HID,
        kind=kind,
        requested_from=GuaranteeAuthority.jobcenter,
        requested_on=day(13),
        today=TODAY,
    )


REQUESTED = GuaranteeRequested(
    offer_id=OID,
    guarantee_id=GID,
    household_id=HID,
    provider="caritas",
    kind=GuaranteeKind.deposit,
    requested_from=GuaranteeAuthority.jobcenter,
    occurred_at=business_time(day(13)),
)

# ---------------------------------------------------------------- proposals


def test_one_command_proposes_several_households_one_event_each() -> None:
    given(offer, RECEIVED).when(propose(candidate(), candidate(DRK, "drk"))).then(
        proposed(), proposed(DRK, "drk")
    )


def test_a_household_is_proposed_once_per_offer() -> None:
    error = (
        given(offer, RECEIVED, proposed())
        .when(propose(candidate()))
        .then_error(RuleViolation, code="already_proposed")
    )
    assert "05.09.2019" in error.message


def test_a_household_the_landlord_declined_is_not_proposed_again() -> None:
    given(offer, RECEIVED, proposed(), landlord_decided(LandlordDecision.declined)).when(
        propose(candidate())
    ).then_error(RuleViolation, code="declined_by_landlord")


def test_proposing_to_a_withdrawn_offer_is_refused() -> None:
    error = (
        given(offer, RECEIVED, WITHDRAWN)
        .when(propose(candidate()))
        .then_error(RuleViolation, code="offer_withdrawn")
    )
    assert "zurückgezogen" in error.message


def test_a_deregistered_or_placed_household_is_not_proposed() -> None:
    given(offer, RECEIVED).when(propose(candidate(deregistered=True))).then_error(
        RuleViolation, code="household_deregistered"
    )
    given(offer, RECEIVED).when(propose(candidate(placed_elsewhere=True))).then_error(
        RuleViolation, code="household_placed"
    )


def test_a_proposal_cannot_predate_the_offer_or_lie_in_the_future() -> None:
    given(offer, RECEIVED).when(propose(candidate(), on=day(1))).then_error(
        RuleViolation, code="before_received"
    )
    given(offer, RECEIVED).when(propose(candidate(), on=date(2019, 10, 1))).then_error(
        RuleViolation, code="in_future"
    )


def test_proposing_for_an_unknown_offer_is_not_found() -> None:
    given(offer).when(propose(candidate())).then_error(NotFound, code="offer")


# ---------------------------------------------------------------- the landlord's decision


def test_the_landlords_decision_records_when_the_household_was_proposed() -> None:
    given(offer, RECEIVED, proposed()).when(decision(LandlordDecision.accepted)).then(
        landlord_decided(LandlordDecision.accepted)
    )


def test_the_landlord_decides_once_and_only_on_proposed_households() -> None:
    given(offer, RECEIVED, proposed(), landlord_decided(LandlordDecision.accepted)).when(
        decision(LandlordDecision.declined)
    ).then_error(RuleViolation, code="already_decided")
    given(offer, RECEIVED).when(decision(LandlordDecision.accepted)).then_error(
        RuleViolation, code="not_proposed"
    )


def test_the_decision_cannot_precede_the_proposal() -> None:
    given(offer, RECEIVED, proposed()).when(
        decision(LandlordDecision.accepted, on=day(4))
    ).then_error(RuleViolation, code="before_proposal")


# ---------------------------------------------------------------- viewings


def test_a_viewing_is_arranged_for_a_proposed_household() -> None:
    command = ScheduleViewing(viewing_id=VID, household_id=HID, viewing_on=day(8), today=TODAY)
    given(offer, RECEIVED, proposed()).when(command).then(SCHEDULED)
    given(offer, RECEIVED).when(command).then_error(RuleViolation, code="not_proposed")
    given(offer, RECEIVED, proposed(), SCHEDULED).when(command).then_error(
        RuleViolation, code="viewing_exists"
    )


def test_a_held_viewing_records_outcome_and_tandem() -> None:
    tandem = UUID("00000000-0000-4000-8000-0000000000d1")
    command = RecordViewing(
        viewing_id=VID,
        held_on=day(8),
        outcome=ViewingOutcome.household_interested,
        accompanied_by_tandem=True,
        tandem_id=tandem,
        today=TODAY,
    )
    held = ViewingHeld(
        offer_id=OID,
        viewing_id=VID,
        household_id=HID,
        provider="caritas",
        outcome=ViewingOutcome.household_interested,
        accompanied_by_tandem=True,
        tandem_id=tandem,
        occurred_at=business_time(day(8)),
    )
    given(offer, RECEIVED, proposed(), SCHEDULED).when(command).then(held)
    given(offer, RECEIVED, proposed(), SCHEDULED, held).when(command).then_error(
        RuleViolation, code="viewing_recorded"
    )
    given(offer, RECEIVED, proposed()).when(command).then_error(NotFound, code="viewing")


# ---------------------------------------------------------------- guarantees


def test_a_guarantee_is_requested_for_a_proposed_household() -> None:
    given(offer, RECEIVED, proposed()).when(request()).then(REQUESTED)
    given(offer, RECEIVED).when(request()).then_error(RuleViolation, code="not_proposed")


def test_the_same_kind_is_not_requested_twice_while_undecided() -> None:
    other = UUID("00000000-0000-4000-8000-0000000000c2")
    given(offer, RECEIVED, proposed(), REQUESTED).when(request(gid=other)).then_error(
        RuleViolation, code="guarantee_pending"
    )
    # Another kind is fine, and so is the same kind once the first one was decided.
    given(offer, RECEIVED, proposed(), REQUESTED).when(request(GuaranteeKind.rent, gid=other)).then(
        REQUESTED.model_copy(update={"guarantee_id": other, "kind": GuaranteeKind.rent})
    )


def test_a_decision_repeats_kind_authority_and_request_day() -> None:
    command = DecideGuarantee(
        guarantee_id=GID, decision=GuaranteeDecision.approved, decided_on=day(27), today=TODAY
    )
    approved = GuaranteeDecided(
        offer_id=OID,
        guarantee_id=GID,
        household_id=HID,
        provider="caritas",
        kind=GuaranteeKind.deposit,
        requested_from=GuaranteeAuthority.jobcenter,
        requested_on=day(13),
        decision=GuaranteeDecision.approved,
        occurred_at=business_time(day(27)),
    )
    given(offer, RECEIVED, proposed(), REQUESTED).when(command).then(approved)
    given(offer, RECEIVED, proposed(), REQUESTED, approved).when(command).then_error(
        RuleViolation, code="already_decided"
    )
    # The authority's answer counts even when the flat was withdrawn meanwhile.
    given(offer, RECEIVED, proposed(), REQUESTED, WITHDRAWN).when(command).then(approved)


def test_a_guarantee_decision_needs_a_request_and_cannot_precede_it() -> None:
    early = DecideGuarantee(
        guarantee_id=GID, decision=GuaranteeDecision.declined, decided_on=day(12), today=TODAY
    )
    given(offer, RECEIVED, proposed(), REQUESTED).when(early).then_error(
        RuleViolation, code="before_request"
    )
    given(offer, RECEIVED, proposed()).when(early).then_error(NotFound, code="guarantee")
