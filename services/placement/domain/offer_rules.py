"""Rules several offer commands share, each refusing with a reason a caseworker understands."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.placement.domain.offer_commands import Candidate
from services.placement.domain.offer_state import Offer, Proposal
from shared.contracts.placement import LandlordDecision, OfferReceived, OfferStatus
from shared.decider import NotFound, RuleViolation

_CLOSED = {
    OfferStatus.let: ("offer_let", "Die Wohnung ist bereits vermietet."),
    OfferStatus.withdrawn: ("offer_withdrawn", "Das Wohnungsangebot wurde zurückgezogen."),
    OfferStatus.expired: ("offer_expired", "Das Wohnungsangebot ist abgelaufen."),
}


def received(state: Offer) -> OfferReceived:
    """The offer's facts; an offer nobody received is not found."""
    if state.facts is None:
        raise NotFound("offer", "Wohnungsangebot nicht gefunden.")
    return state.facts


def still_open(state: Offer) -> OfferReceived:
    """The offer's facts, if it can still be worked on (not let, withdrawn or expired)."""
    facts = received(state)
    if state.status is not OfferStatus.open:
        code, message = _CLOSED[state.status]
        raise RuleViolation(code, message)
    return facts


def not_in_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise RuleViolation("in_future", f"{what} liegt in der Zukunft.")


def not_before(day: date, earlier: date, code: str, what: str, reference: str) -> None:
    """`what` happened on `day`, which cannot lie before `reference` on `earlier`."""
    if day < earlier:
        raise RuleViolation(code, f"{what} liegt vor {reference} ({earlier:%d.%m.%Y}).")


def active_proposal(state: Offer, household_id: UUID) -> Proposal:
    """The household's proposal for this offer, unless the landlord declined it."""
    proposal = state.proposals.get(household_id)
    if proposal is None:
        raise RuleViolation(
            "not_proposed", "Der Haushalt wurde für diese Wohnung noch nicht vorgeschlagen."
        )
    if proposal.decision is LandlordDecision.declined:
        raise RuleViolation(
            "declined_by_landlord",
            "Der Vermieter hat diesen Haushalt für diese Wohnung abgelehnt.",
        )
    return proposal


def not_restricted(household: Candidate) -> None:
    """No new proposal for a household whose processing is restricted (Art. 18 DSGVO).

    Steps already running on an offer (viewing, guarantees, lease) are not refused here:
    the coordinator may finish them, see `application/access.py`.
    """
    if household.restricted:
        raise RuleViolation(
            "household_restricted",
            "Die Verarbeitung dieses Haushalts ist eingeschränkt (Art. 18 DSGVO); "
            "er kann keiner Wohnung vorgeschlagen werden, bis die Einschränkung aufgehoben ist.",
        )


def still_searching(household: Candidate) -> None:
    """A household that left move-out management or already moved cannot be placed."""
    if household.deregistered:
        raise RuleViolation(
            "household_deregistered",
            "Der Haushalt ist nicht mehr im Auszugsmanagement (abgemeldet).",
        )
    if household.placed_elsewhere:
        raise RuleViolation(
            "household_placed",
            "Der Haushalt ist bereits in eine andere Wohnung vermittelt worden.",
        )
