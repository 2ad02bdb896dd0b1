"""Revoking a deregistration whose placement was retracted. Pure: no I/O.

Only the deregistration a placement caused (reason `moved_out_via_placement`, with the
offer of that placement recorded on it) can be revoked, and only by a retraction of
that same placement: a household that moved on its own, left the city, or was placed
through another offer stays deregistered.
"""

from __future__ import annotations

from services.intake.domain.household_commands import RevokeDeregistration
from services.intake.domain.household_rules import german_day, require_registered
from services.intake.domain.household_state import Event, Household
from shared.clock import business_time
from shared.contracts.intake import DeregistrationReason, HouseholdDeregistrationRevoked
from shared.decider import RuleViolation


def revoke_deregistration(command: RevokeDeregistration, state: Household) -> list[Event]:
    """The household is active again, with its provider and members, from the correction."""
    require_registered(state)
    if state.deregistered_on is None or state.deregistration_reason is None:
        raise RuleViolation(
            "not_deregistered",
            "Der Haushalt ist nicht abgemeldet; es gibt keine Abmeldung zurückzunehmen.",
        )
    if (
        state.deregistration_reason is not DeregistrationReason.moved_out_via_placement
        or state.deregistered_via_offer != command.offer_id
    ):
        raise RuleViolation(
            "other_deregistration",
            f"Die Abmeldung vom {german_day(state.deregistered_on)} beruht nicht auf dieser "
            "Vermittlung und bleibt bestehen.",
        )
    if state.erased:
        raise RuleViolation(
            "erased",
            "Die personenbezogenen Daten dieses Haushalts sind gelöscht; die Abmeldung "
            "bleibt bestehen.",
        )
    assert state.household_id
    return [
        HouseholdDeregistrationRevoked(
            household_id=state.household_id,
            deregistered_on=state.deregistered_on,
            reason=state.deregistration_reason,
            adults=state.adults,
            minors=state.minors,
            wbs_valid_until=state.wbs_valid_until if state.wbs else None,
            consents_given_on=state.consents_given_on(),
            caseworker=state.caseworker,
            occurred_at=business_time(command.revoked_on),
        )
    ]
