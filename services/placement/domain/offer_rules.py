"""Rules several offer commands share, each refusing with a reason a caseworker understands."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from services.placement.domain.offer_commands import Candidate
from services.placement.domain.offer_state import Offer, Proposal
from shared.contracts.placement import (
    GuaranteeKind,
    LandlordDecision,
    OfferReceived,
    OfferStatus,
)
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


# A deposit is at most three months' net cold rent (§ 551 Abs. 1 BGB): more cannot be owed.
DEPOSIT_MONTHS = 3
# A lease's gross cold rent this many times the guideline value is almost surely a typo
# (an annual rent, a missing comma); it is kept only when the person confirms it.
IMPLAUSIBLE_RENT_FACTOR = 5


def euro(value: Decimal) -> str:
    """An amount as a German reads it in a message: 1.830,00 €."""
    text = f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def deposit_within_limit(
    kind: GuaranteeKind, amount: Decimal | None, facts: OfferReceived, what: str
) -> None:
    if kind is not GuaranteeKind.deposit or amount is None:
        return
    limit = DEPOSIT_MONTHS * facts.cold_rent
    if amount > limit:
        raise RuleViolation(
            "deposit_above_limit",
            f"{what} ist höher als eine Mietkaution sein darf: höchstens drei Kaltmieten "
            f"(§ 551 BGB), hier {euro(limit)}.",
        )


def rent_plausible(gross_cold_rent: Decimal, limit: Decimal | None, confirmed: bool) -> None:
    """Far above the municipality's guideline value only when confirmed: likely a typo."""
    if limit is None or confirmed or gross_cold_rent <= IMPLAUSIBLE_RENT_FACTOR * limit:
        return
    raise RuleViolation(
        "rent_implausible",
        f"Die Bruttokaltmiete von {euro(gross_cold_rent)} ist mehr als das Fünffache des "
        f"Mietrichtwerts für diesen Haushalt ({euro(limit)}). Bitte prüfen; stimmt sie, "
        "bitte „Miete geprüft“ ankreuzen.",
    )
