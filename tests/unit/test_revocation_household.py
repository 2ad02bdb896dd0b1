"""Revoking a deregistration: only the one the retracted placement caused, and the
household is active again with its provider and members."""

from __future__ import annotations

from uuid import UUID

from services.intake.domain.household import household
from services.intake.domain.household_commands import (
    ChangeAccommodation,
    DeregisterHousehold,
    RevokeDeregistration,
)
from shared.clock import business_time
from shared.contracts.intake import (
    AccommodationChanged,
    AccommodationKind,
    CaseworkerAssigned,
    DeregistrationReason,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, erased, registered

OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
OTHER_OFFER = UUID("00000000-0000-4000-8000-0000000000f2")
VIA_PLACEMENT = DeregistrationReason.moved_out_via_placement


def deregistered(
    reason: DeregistrationReason = VIA_PLACEMENT, offer_id: UUID | None = OFFER
) -> HouseholdDeregistered:
    return HouseholdDeregistered(
        household_id=HID,
        reason=reason,
        adults=2,
        minors=2,
        offer_id=offer_id,
        occurred_at=business_time(DAY),
    )


def revoke(offer_id: UUID = OFFER) -> RevokeDeregistration:
    return RevokeDeregistration(offer_id=offer_id, revoked_on=TODAY, today=TODAY)


def revoked(caseworker: str | None = None) -> HouseholdDeregistrationRevoked:
    return HouseholdDeregistrationRevoked(
        household_id=HID,
        deregistered_on=DAY,
        reason=VIA_PLACEMENT,
        adults=2,
        minors=2,
        caseworker=caseworker,
        occurred_at=business_time(TODAY),
    )


def test_the_placement_policy_records_the_offer_on_the_deregistration() -> None:
    command = DeregisterHousehold(
        reason=VIA_PLACEMENT, deregistered_on=DAY, today=TODAY, offer_id=OFFER
    )
    given(household, registered()).when(command).then(deregistered())


def test_a_retracted_placement_revokes_the_deregistration_it_caused() -> None:
    given(household, registered(), deregistered()).when(revoke()).then(revoked())


def test_the_revocation_names_who_was_responsible_when_it_was_deregistered() -> None:
    """The caseboard dropped the closed case; the revocation tells it who is responsible."""
    assigned = CaseworkerAssigned(
        household_id=HID, caseworker="u-2002", occurred_at=business_time(DAY)
    )
    given(household, registered(), assigned, deregistered()).when(revoke()).then(
        revoked(caseworker="u-2002")
    )
    nobody = CaseworkerAssigned(household_id=HID, caseworker=None, occurred_at=business_time(DAY))
    given(household, registered(), assigned, nobody, deregistered()).when(revoke()).then(revoked())


def test_after_the_revocation_the_household_is_active_with_provider_and_members() -> None:
    state = household.fold([registered(), deregistered(), revoked()])
    assert not state.deregistered
    assert (state.provider, state.adults, state.minors) == ("caritas", 2, 2)
    move = ChangeAccommodation(
        accommodation_kind=AccommodationKind.city_rented_flat, moved_on=TODAY, today=TODAY
    )
    given(household, registered(), deregistered(), revoked()).when(move).then(
        AccommodationChanged(
            household_id=HID,
            accommodation_kind=AccommodationKind.city_rented_flat,
            previous_accommodation_kind=AccommodationKind.shelter,
            occurred_at=business_time(TODAY),
        )
    )


def test_placed_again_after_a_revocation_the_new_placement_can_be_revoked_too() -> None:
    again = deregistered(offer_id=OTHER_OFFER)
    history = (registered(), deregistered(), revoked(), again)
    given(household, *history).when(revoke(OFFER)).then_error(
        RuleViolation, code="other_deregistration"
    )
    given(household, *history).when(revoke(OTHER_OFFER)).then(revoked())


def test_a_deregistration_caused_by_another_offer_stays() -> None:
    given(household, registered(), deregistered()).when(revoke(OTHER_OFFER)).then_error(
        RuleViolation, code="other_deregistration"
    )


def test_a_household_that_moved_on_its_own_stays_deregistered() -> None:
    own = deregistered(DeregistrationReason.moved_on_own, offer_id=None)
    error = (
        given(household, registered(), own)
        .when(revoke())
        .then_error(RuleViolation, code="other_deregistration")
    )
    assert "10.01.2020" in error.message


def test_a_deregistration_entered_by_staff_with_the_placement_reason_stays() -> None:
    # Without the offer on it, no retraction can be proven to have caused it.
    by_staff = deregistered(VIA_PLACEMENT, offer_id=None)
    given(household, registered(), by_staff).when(revoke()).then_error(
        RuleViolation, code="other_deregistration"
    )


def test_only_a_deregistered_household_can_have_its_deregistration_revoked() -> None:
    given(household, registered()).when(revoke()).then_error(RuleViolation, code="not_deregistered")
    history = (registered(), deregistered(), revoked())
    given(household, *history).when(revoke()).then_error(RuleViolation, code="not_deregistered")


def test_an_erased_household_stays_deregistered() -> None:
    given(household, registered(), deregistered(), erased()).when(revoke()).then_error(
        RuleViolation, code="erased"
    )


def test_an_unknown_household_is_not_found() -> None:
    given(household).when(revoke()).then_error(NotFound)
