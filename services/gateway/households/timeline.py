"""A household's history in the staff's words, from intake's and placement's views of it.

Sentences are built at request time with `gettext`, so they come in the request's
language; the code tables hold German texts marked with `N_`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.gateway.placement import formats
from services.gateway.web import labels
from services.gateway.web.i18n import N_, gettext
from shared.contracts.intake import HouseholdView
from shared.contracts.intake import labels as intake_labels
from shared.contracts.placement import CourseEntry, CourseStep
from shared.contracts.placement import labels as placement_labels
from shared.contracts.places import district_name, provider_name


@dataclass(frozen=True)
class Entry:
    on: date
    text: str


def timeline(household: HouseholdView) -> list[Entry]:
    """Oldest first; one line per thing that happened to the household."""
    accommodation = labels.label(intake_labels.ACCOMMODATION_KIND, household.accommodation.kind)
    entries = [
        Entry(
            household.registered_on,
            gettext("Aufgenommen beim Träger %(provider)s, %(accommodation)s")
            % {"provider": provider_name(household.provider), "accommodation": accommodation},
        )
    ]
    for assessment in household.readiness:
        result = labels.label(intake_labels.READINESS_RESULT, assessment.result)
        text = gettext("Wohnfähigkeit eingeschätzt: %(result)s") % {"result": result}
        entries.append(Entry(assessment.assessed_on, text))
    for member in household.members + household.former_members:
        # Born after the household came in: it joined by birth (the view has no joining
        # day; a birth date is the best evidence of one).
        if member.birth_date and member.birth_date > household.registered_on:
            role = labels.label(intake_labels.MEMBER_ROLE, member.role)
            text = gettext("Geburt: %(role)s kam hinzu") % {"role": role}
            entries.append(Entry(member.birth_date, text))
    for member in household.former_members:
        if member.left_on:
            role = labels.label(intake_labels.MEMBER_ROLE, member.role)
            text = gettext("Aus dem Haushalt ausgezogen: %(role)s") % {"role": role}
            entries.append(Entry(member.left_on, text))
    if household.deregistration:
        reason = labels.label(intake_labels.DEREGISTRATION_REASON, household.deregistration.reason)
        text = gettext("Abgemeldet: %(reason)s") % {"reason": reason}
        entries.append(Entry(household.deregistration.deregistered_on, text))
    return sorted(entries, key=lambda e: e.on)


GUARANTEES = {
    "deposit": N_("Kautionsübernahme"),
    "rent": N_("Mietübernahme"),
    "security": N_("Mietsicherheit"),
    "release": N_("Freistellungserklärung"),
}
AUTHORITIES = {
    "jobcenter": N_("beim Jobcenter"),
    "social_office": N_("beim Sozialamt"),
    "housing_office": N_("beim Wohnungsamt"),
    "other": N_("bei einer anderen Stelle"),
}
VIEWINGS = {
    "household_interested": N_("Haushalt möchte die Wohnung"),
    "household_not_interested": N_("Haushalt möchte die Wohnung nicht"),
    "did_not_take_place": N_("hat nicht stattgefunden"),
}
RETRACTIONS = {
    "entered_by_mistake": N_("irrtümlich erfasst"),
    "wrong_household": N_("für den falschen Haushalt erfasst"),
    "lease_not_concluded": N_("Mietvertrag kam nicht zustande"),
}
STEPS = {
    CourseStep.proposed: N_("%(flat)s angeboten: dem Vermieter vorgeschlagen"),
    CourseStep.landlord_accepted: N_("%(flat)s: Vermieter hat zugesagt"),
    CourseStep.landlord_declined: N_("%(flat)s: Vermieter hat abgesagt"),
    CourseStep.viewing_scheduled: N_("Besichtigung der %(flat)s vereinbart"),
    CourseStep.viewing_held: N_("Besichtigung der %(flat)s: %(detail)s"),
    CourseStep.guarantee_requested: N_("%(guarantee)s beantragt"),
    CourseStep.guarantee_approved: N_("%(guarantee)s: bewilligt"),
    CourseStep.guarantee_declined: N_("%(guarantee)s: abgelehnt"),
    CourseStep.lease_signed: N_("Mietvertrag für die %(flat)s unterschrieben"),
    CourseStep.placement_retracted: N_("Vermittlung in die %(flat)s zurückgenommen (%(detail)s)"),
}


def placement_timeline(course: list[CourseEntry]) -> list[Entry]:
    """The household's way through placement, in the words the staff use."""
    return [Entry(e.on, _placement_text(e)) for e in course]


def _placement_text(e: CourseEntry) -> str:
    if e.district:
        flat = gettext("Wohnung in %(district)s") % {"district": district_name(e.district)}
    else:
        flat = gettext("Wohnung")
    guarantee = labels.label(GUARANTEES, e.detail or "")
    authority = labels.label(AUTHORITIES, e.by) if e.by else ""
    details = VIEWINGS if e.step is CourseStep.viewing_held else RETRACTIONS
    words = {
        "flat": flat,
        "guarantee": f"{guarantee} {authority}".strip(),
        "detail": labels.label(details, e.detail or ""),
    }
    template = STEPS.get(e.step)
    text = gettext(template) % words if template else str(e.step)
    return text + _placement_facts(e)


def _placement_facts(e: CourseEntry) -> str:
    """What a step agreed, where it was recorded: the viewing's time, a guarantee's amount
    and loan or grant, the lease's gross cold rent."""
    if e.at is not None:
        return gettext(", %(time)s") % {"time": formats.clock(e.at)}
    if e.step is CourseStep.lease_signed and e.amount is not None:
        return gettext(", Bruttokaltmiete %(amount)s") % {"amount": formats.euro(e.amount)}
    parts = [formats.euro(e.amount)] if e.amount is not None else []
    if e.funding is not None:
        kind = labels.label(placement_labels.GUARANTEE_FUNDING, e.funding)
        parts.append(gettext("als %(kind)s") % {"kind": kind})
    return ": " + " ".join(parts) if parts else ""


def next_steps(household: HouseholdView, role: str) -> list[str]:
    """What the role can do next with this household, in the request's language."""
    if household.status.value != "active" or role not in ("coordinator", "caseworker"):
        return []
    if household.privacy is not None:
        return []
    steps = []
    if household.current_readiness is None:
        steps.append(N_("Wohnfähigkeit einschätzen"))
    steps.append(N_("Passende Wohnungsangebote prüfen und den Haushalt vorschlagen"))
    if role == "coordinator":
        steps.append(N_("Bei Bedarf an einen anderen Träger übergeben"))
    return [gettext(step) for step in steps]
