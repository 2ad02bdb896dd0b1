"""A household's history in plain German, from intake's view of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.gateway.ui import labels
from shared.contracts.intake import HouseholdView


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
