"""A household's history in plain German, from intake's view of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.gateway.ui import labels
from shared.contracts.intake import HouseholdView
from shared.contracts.placement import CourseEntry, CourseStep


@dataclass(frozen=True)
class Entry:
    on: date
    text: str


def timeline(household: HouseholdView) -> list[Entry]:
    """Oldest first; one line per thing that happened to the household."""
    entries = [
        Entry(
            household.registered_on,
            f"Aufgenommen beim Träger {household.provider}, "
            f"{labels.label(labels.ACCOMMODATION, household.accommodation.kind)}",
        )
    ]
    for assessment in household.readiness:
        result = labels.label(labels.READINESS, assessment.result)
        entries.append(Entry(assessment.assessed_on, f"Wohnfähigkeit eingeschätzt: {result}"))
    for member in household.former_members:
        if member.left_on:
            role = labels.label(labels.MEMBER_ROLES, member.role)
            entries.append(Entry(member.left_on, f"Aus dem Haushalt ausgezogen: {role}"))
    if household.deregistration:
        reason = labels.label(labels.DEREGISTRATION, household.deregistration.reason)
        entries.append(Entry(household.deregistration.deregistered_on, f"Abgemeldet: {reason}"))
    return sorted(entries, key=lambda e: e.on)


GUARANTEES = {
    "deposit": "Kautionsübernahme",
    "rent": "Mietübernahme",
    "security": "Mietsicherheit",
    "release": "Freistellungserklärung",
}
AUTHORITIES = {
    "jobcenter": "beim Jobcenter",
    "social_office": "beim Sozialamt",
    "housing_office": "beim Wohnungsamt",
    "other": "bei einer anderen Stelle",
}
VIEWINGS = {
    "household_interested": "Haushalt möchte die Wohnung",
    "household_not_interested": "Haushalt möchte die Wohnung nicht",
    "did_not_take_place": "hat nicht stattgefunden",
}
RETRACTIONS = {
    "entered_by_mistake": "irrtümlich erfasst",
    "wrong_household": "für den falschen Haushalt erfasst",
    "lease_not_concluded": "Mietvertrag kam nicht zustande",
}


def placement_timeline(course: list[CourseEntry]) -> list[Entry]:
    """The household's way through placement, in the words the staff use."""
    return [Entry(e.on, _placement_text(e)) for e in course]


def _placement_text(e: CourseEntry) -> str:
    flat = f"Wohnung in {e.district}" if e.district else "Wohnung"
    guarantee = f"{GUARANTEES.get(e.detail or '', e.detail)} {AUTHORITIES.get(e.by or '', '')}"
    match e.step:
        case CourseStep.proposed:
            return f"{flat} angeboten: dem Vermieter vorgeschlagen"
        case CourseStep.landlord_accepted:
            return f"{flat}: Vermieter hat zugesagt"
        case CourseStep.landlord_declined:
            return f"{flat}: Vermieter hat abgesagt"
        case CourseStep.viewing_scheduled:
            return f"Besichtigung der {flat} vereinbart"
        case CourseStep.viewing_held:
            return f"Besichtigung der {flat}: {VIEWINGS.get(e.detail or '', e.detail)}"
        case CourseStep.guarantee_requested:
            return f"{guarantee.strip()} beantragt"
        case CourseStep.guarantee_approved:
            return f"{guarantee.strip()}: bewilligt"
        case CourseStep.guarantee_declined:
            return f"{guarantee.strip()}: abgelehnt"
        case CourseStep.lease_signed:
            return f"Mietvertrag für die {flat} unterschrieben"
        case CourseStep.placement_retracted:
            reason = RETRACTIONS.get(e.detail or "", e.detail)
            return f"Vermittlung in die {flat} zurückgenommen ({reason})"


def next_steps(household: HouseholdView, role: str) -> list[str]:
    """What the role can do next with this household (the API names each step)."""
    if household.status.value != "active" or role not in ("coordinator", "caseworker"):
        return []
    steps = []
    if household.current_readiness is None:
        steps.append("Wohnfähigkeit einschätzen")
    steps.append("Passende Wohnungsangebote prüfen und den Haushalt vorschlagen")
    if role == "coordinator":
        steps.append("Bei Bedarf an einen anderen Träger übergeben")
    return steps
