"""The section „Zuständig“ of a household's page: who is responsible, by name, and — for
the provider's staff while the household is open — the choices of the form
(responsible.py takes the post)."""

from __future__ import annotations

from dataclasses import dataclass

from services.gateway.adapters.users import assignable_staff, staff_name, staff_names
from shared.contracts.intake import HouseholdStatus, HouseholdView
from shared.db import Database
from shared.identity import Caller, Role

FORM = "zustaendig"


@dataclass(frozen=True)
class Responsible:
    """What the page shows: the responsible person's name, and the choices where the
    caller may change it (empty where not)."""

    name: str | None
    known: bool
    choices: list[tuple[str, str]]
    chosen: str


async def responsible_of(db: Database, caller: Caller, household: HouseholdView) -> Responsible:
    """The section's content for `household` as `caller` sees it."""
    async with db.read() as conn:
        names = await staff_names(conn, {household.caseworker} if household.caseworker else set())
        staff = []
        if _may_change(caller, household):
            staff = await assignable_staff(conn, caller.municipality, household.provider)
    chosen = next((str(a.user_id) for a in staff if a.service_user_id == household.caseworker), "")
    return Responsible(
        name=names.get(household.caseworker) if household.caseworker else None,
        known=household.caseworker is None or household.caseworker in names,
        choices=[(str(a.user_id), staff_name(a)) for a in staff],
        chosen=chosen,
    )


def _may_change(caller: Caller, household: HouseholdView) -> bool:
    # Intake refuses a deregistered, erased or restricted household anyway: no form there.
    return (
        caller.role in (Role.coordinator, Role.caseworker)
        and household.status is HouseholdStatus.active
        and household.privacy is None
    )
