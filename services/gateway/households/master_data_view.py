"""The household page's sections of master data (services/gateway/households/
master_data.py posts their forms): the stored values the forms start from, the typed
values they come back with, and the history of rectifications with who made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from fastapi import Request

from services.gateway.adapters.tables import users
from services.gateway.adapters.users import oidc_accounts
from services.gateway.web import submit
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice
from shared.clock import today
from shared.contracts import places
from shared.contracts.intake import (
    ERASED,
    CorrectedField,
    HouseholdStatus,
    HouseholdView,
    MemberView,
)
from shared.contracts.intake import operations as intake
from shared.db import Database
from shared.identity import Caller, Role
from shared.rpc import ErrorKind

CORRECTION = "stammdaten"
NEEDS = "bedarf"
CORRECTED = notice("berichtigt", N_("Die Stammdaten sind berichtigt."))
NEEDS_CHANGED = notice("bedarf-geaendert", N_("Der Bedarf ist geändert."))
# Whoever corrected, when the gateway knows no name for them.
SOMEONE = N_("Fachkraft")
ACCESSIBLE = {"ja": True, "nein": False}
LANGUAGES = "languages."
DISTRICTS = "preferred_districts."
MEMBER = ("member_id", "given_name", "family_name", "birth_date")
DETAILS = ("contact.phone", "contact.email", "note.text", "expected_version")
NEEDS_FIELDS = (
    "changed_on",
    "wbs",
    "wbs_valid_until",
    "accessible_flat_needed",
    "residence_outlook",
)
# Refusals shown at the form (another provider's household answers 404 like none).
SHOWN = (*submit.SHOWN, ErrorKind.not_found)


def correctable(household: HouseholdView) -> list[MemberView]:
    """The persons whose data can be rectified: every member, also one who moved away,
    except one whose data were erased."""
    return [m for m in (*household.members, *household.former_members) if m.given_name != ERASED]


def may_change(household: HouseholdView, caller: Caller) -> tuple[bool, bool]:
    """(correct, change needs): what intake would accept of this caller now. Data exist
    until erased and are not processed while restricted; the needs of an active household
    only."""
    staff = intake.CORRECT_PERSONAL_DATA.allows(caller.role)
    correct = staff and household.privacy is None
    needs = correct and household.status is HouseholdStatus.active
    return correct, needs


# ---------------------------------------------------------------- the forms' values


def correction_values(household: HouseholdView) -> dict[str, str]:
    """The correction form as stored now."""
    values: dict[str, str] = {"expected_version": str(household.version)}
    for i, m in enumerate(correctable(household)):
        p = f"members.{i}."
        values[p + "member_id"] = str(m.member_id)
        values[p + "given_name"] = m.given_name or ""
        values[p + "family_name"] = m.family_name or ""
        values[p + "birth_date"] = m.birth_date.isoformat() if m.birth_date else ""
    contact = household.contact
    values["contact.phone"] = (contact.phone if contact else None) or ""
    values["contact.email"] = (contact.email if contact else None) or ""
    values["note.text"] = household.note or ""
    return values


def correction_names(household: HouseholdView) -> list[str]:
    names = list(DETAILS)
    for i in range(len(correctable(household))):
        names += [f"members.{i}.{f}" for f in MEMBER]
    return names


def correction_body(values: Mapping[str, str], members: int) -> dict[str, Any]:
    """The whole set as typed (an emptied field is sent as no value: intake clears it)."""

    def some(name: str) -> str | None:
        return values.get(name) or None

    return {
        "expected_version": some("expected_version"),
        "members": [
            {f: some(f"members.{i}.{f}") for f in MEMBER}
            for i in range(members)
            if some(f"members.{i}.member_id")
        ],
        "contact": {"phone": some("contact.phone"), "email": some("contact.email")},
        "note": {"text": some("note.text")},
    }


def needs_values(household: HouseholdView) -> dict[str, str]:
    """The needs form as recorded now, in effect from today."""
    values = {
        "changed_on": today().isoformat(),
        "wbs": submit.CHECKED if household.wbs else "",
        "wbs_valid_until": household.wbs_valid_until.isoformat()
        if household.wbs_valid_until
        else "",
        "accessible_flat_needed": {True: "ja", False: "nein", None: ""}[
            household.accessible_flat_needed
        ],
        "residence_outlook": household.residence_outlook.value,
    }
    values |= {LANGUAGES + code: submit.CHECKED for code in household.languages}
    values |= {DISTRICTS + code: submit.CHECKED for code in household.preferred_districts}
    return values


def needs_flags(municipality: str, household: HouseholdView) -> list[str]:
    # A code recorded before the lists had it stays tickable, so it is not dropped unseen.
    languages = dict.fromkeys([*places.LANGUAGES, *household.languages])
    districts = dict.fromkeys([*places.districts_of(municipality), *household.preferred_districts])
    return [LANGUAGES + c for c in languages] + [DISTRICTS + c for c in districts]


def needs_body(values: Mapping[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "changed_on": values.get("changed_on") or None,
        "wbs": bool(values.get("wbs")),
        "accessible_flat_needed": ACCESSIBLE.get(values.get("accessible_flat_needed", "")),
        "residence_outlook": values.get("residence_outlook") or None,
        "languages": [
            n.removeprefix(LANGUAGES) for n, v in values.items() if v and n.startswith(LANGUAGES)
        ],
        "preferred_districts": [
            n.removeprefix(DISTRICTS) for n, v in values.items() if v and n.startswith(DISTRICTS)
        ],
    }
    if values.get("wbs_valid_until"):
        body["wbs_valid_until"] = values["wbs_valid_until"]
    return body


# ---------------------------------------------------------------- the history


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    who: str
    person: str
    field: CorrectedField
    before: str
    after: str


def _shown_value(field: CorrectedField, value: str | None) -> str:
    if value and field is CorrectedField.birth_date:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    return value or ""


def _person(member: MemberView | None) -> str:
    if member is None:
        return ""
    return " ".join(n for n in (member.given_name, member.family_name) if n)


async def actor_names(db: Database, actors: Iterable[str]) -> dict[str, str]:
    """Display names of the staff the services know by these pseudonyms (a user's id, or
    the OpenID provider's subject); a pseudonym without a name is left out."""
    wanted = set(actors)
    ids = []
    for actor in wanted:
        try:
            ids.append(UUID(actor))
        except ValueError:
            continue
    query = (
        sa.select(users.c.user_id, users.c.display_name, oidc_accounts.c.oidc_user_id)
        .select_from(users.outerjoin(oidc_accounts, oidc_accounts.c.user_id == users.c.user_id))
        .where(sa.or_(users.c.user_id.in_(ids), oidc_accounts.c.oidc_user_id.in_(wanted)))
    )
    async with db.read() as conn:
        rows = (await conn.execute(query)).all()
    names = {}
    for row in rows:
        if row.display_name:
            names[row.oidc_user_id or str(row.user_id)] = row.display_name
    return names


async def history(db: Database, household: HouseholdView) -> list[HistoryRow]:
    people = {m.member_id: m for m in (*household.members, *household.former_members)}
    names = await actor_names(db, {c.actor for c in household.corrections})
    return [
        HistoryRow(
            at=c.corrected_at,
            who=names.get(c.actor, ""),
            person=_person(people.get(c.member_id)) if c.member_id else "",
            field=c.field,
            before=_shown_value(c.field, c.old_value),
            after=_shown_value(c.field, c.new_value),
        )
        for c in household.corrections
    ]


async def master_data_context(
    request: Request,
    caller: Caller,
    household: HouseholdView,
    *,
    active: str | None,
    typed: Mapping[str, str] | None,
) -> dict[str, Any]:
    """What the household page's sections of master data need."""
    correct, needs = may_change(household, caller)
    db: Database = request.app.state.db
    return {
        "correctable": correctable(household),
        "may_correct": correct,
        "may_change_needs": needs,
        "correction_form": submit.form_values(typed, correction_names(household))
        if active == CORRECTION and typed is not None
        else correction_values(household),
        "needs_form": submit.form_values(
            typed, NEEDS_FIELDS, needs_flags(caller.municipality, household)
        )
        if active == NEEDS and typed is not None
        else needs_values(household),
        "districts": places.districts_of(caller.municipality),
        "languages": places.LANGUAGES,
        "corrections": await history(db, household),
        "someone": SOMEONE,
        "coordination": caller.role is Role.coordinator,
    }
