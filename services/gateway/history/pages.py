"""Who changed what (*Änderungen*): a page per subject — household, offer, prevention
case, volunteer — and its API twin, from the owner's `HISTORY` query
(shared/contracts/history.py).

**Who is named.** Events know staff by a pseudonym; the gateway alone knows the person.
The coordination — who also reads the access log — sees each change with the name of
who made it. Every other role that may read a history (a caseworker, the Fachstelle
Wohnen, the admin) sees only the role of who made it ("Koordination", "Fachkraft
(Träger)"): enough to know whom to ask, without a record of colleagues' work by name. A
step a service took itself says "automatisch"; an id no account has any more
"unbekannt". The API answers the same: `actor_name` is set for the coordination only.

**Scope.** The owner checks the subject as its page does (another provider's household,
a restricted one for all but the coordination: 404 alike); the gateway adds no check of
its own and shows the owner's refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import users
from services.gateway.adapters.users import oidc_accounts, staff_names
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.history import labels as words
from services.gateway.households.titles import household_titles
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.labels import ROLES, label
from services.gateway.web.templating import render, templates
from shared.clock import business_day
from shared.contracts.history import PER_PAGE, SYSTEM_PREFIX, Fact, History, HistoryQuery
from shared.contracts.intake import labels as intake_labels
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import short_id
from shared.contracts.operation import Operation
from shared.contracts.paging import PageInfo
from shared.contracts.placement import operations as placement
from shared.contracts.places import provider_name
from shared.contracts.prevention import operations as prevention
from shared.contracts.volunteer import operations as volunteer
from shared.db import Database
from shared.identity import Caller, Role
from shared.rpc import RpcClient

ANCHOR = "aenderungen"
# Those who see who made a change by name (see the module docstring).
SEES_NAMES = frozenset({Role.coordinator})

HistoryOp = Operation[HistoryQuery, History]


@dataclass(frozen=True)
class Subject:
    """A kind of subject with a history: its owner's query and its page."""

    operation: HistoryOp
    page: str
    what: str


SUBJECTS: Mapping[str, Subject] = {
    "household": Subject(intake.HISTORY, "/ui/haushalte/{id}", N_("Haushalt")),
    "offer": Subject(placement.HISTORY, "/ui/wohnungen/{id}", N_("Wohnungsangebot")),
    "case": Subject(prevention.HISTORY, "/ui/praevention/{id}", N_("Fall")),
    "volunteer": Subject(
        volunteer.HISTORY, "/ui/ehrenamt/ehrenamtliche/{id}", N_("Ehrenamtliche/r")
    ),
}


def history_link(kind: str, subject_id: UUID, caller: Caller | None) -> str | None:
    """Where the subject's page links its history, None where the caller's role reads
    none (the owner still checks the subject itself)."""
    subject = SUBJECTS[kind]
    if caller is None or not subject.operation.allows(caller.role):
        return None
    return subject.page.format(id=subject_id) + f"/{ANCHOR}"


templates.env.globals["history_link"] = history_link


# ------------------------------------------------------------------ who made a change


async def staff_roles(conn: AsyncConnection, user_ids: set[str]) -> dict[str, Role]:
    """The role of each account the gateway knows by the pseudonym services saw."""
    uuids = []
    for user_id in user_ids:
        try:
            uuids.append(UUID(user_id))
        except ValueError:
            continue
    rows = await conn.execute(
        sa.select(users.c.user_id, users.c.role, oidc_accounts.c.oidc_user_id)
        .select_from(users.outerjoin(oidc_accounts, oidc_accounts.c.user_id == users.c.user_id))
        .where(
            sa.or_(
                users.c.user_id.in_(uuids),
                oidc_accounts.c.oidc_user_id.in_(list(user_ids)),
            )
        )
    )
    found: dict[str, Role] = {}
    for row in rows:
        pseudonym = row.oidc_user_id or str(row.user_id)
        if pseudonym in user_ids:
            found[pseudonym] = Role(row.role)
    return found


@dataclass(frozen=True)
class Actors:
    """Who made each change, as the caller may see it."""

    names: dict[str, str]
    roles: dict[str, Role]
    by_name: bool

    def who(self, actor: str) -> str:
        if actor.startswith(SYSTEM_PREFIX):
            return gettext(words.SYSTEM)
        if self.by_name:
            return self.names.get(actor) or gettext(words.UNKNOWN)
        role = self.roles.get(actor)
        return label(ROLES, role) if role is not None else gettext(words.UNKNOWN)

    def name(self, actor: str) -> str | None:
        """The name for the API: the coordination's only."""
        if not self.by_name or actor.startswith(SYSTEM_PREFIX):
            return None
        return self.names.get(actor)


async def actors(db: Database, caller: Caller, history: History) -> Actors:
    wanted = {e.actor for e in history.entries if not e.actor.startswith(SYSTEM_PREFIX)}
    by_name = caller.role in SEES_NAMES
    async with db.read() as conn:
        if by_name:
            return Actors(await staff_names(conn, wanted), {}, True)
        return Actors({}, await staff_roles(conn, wanted) if wanted else {}, False)


# ------------------------------------------------------------------ what was changed


def what(event_type: str) -> str:
    """The German word for the event type, in the request's language."""
    return gettext(words.EVENT_TYPES.get(event_type, words.OTHER))


def details(facts: Mapping[str, Fact], municipality: str) -> str:
    """The facts an entry carries in words: which fields a rectification changed,
    between which providers a household was handed over."""
    parts = []
    fields = facts.get("fields")
    if isinstance(fields, list):
        parts.append(", ".join(label(intake_labels.CORRECTED_FIELD, f) for f in fields))
    giver, taker = facts.get("from_provider"), facts.get("to_provider")
    if isinstance(giver, str) and isinstance(taker, str):
        parts.append(
            gettext("von %(from)s an %(to)s")
            % {"from": provider_name(giver, municipality), "to": provider_name(taker, municipality)}
        )
    return "; ".join(parts)


@dataclass(frozen=True)
class Change:
    recorded_at: datetime
    # The day the change took effect, as the business day it was recorded for.
    occurred_on: date
    what: str
    details: str
    who: str


@dataclass(frozen=True)
class ChangesPage:
    title: str
    back: str
    changes: list[Change]
    page: PageInfo


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "")
    return int(raw) if raw.isdecimal() and 0 < int(raw) <= 100_000 else 1


async def _title(rpc: RpcClient, caller: Caller, kind: str, subject_id: UUID) -> str:
    if kind == "household":
        titles = await household_titles(rpc, caller, [subject_id])
        if subject_id in titles:
            return titles[subject_id]
    return f"{gettext(SUBJECTS[kind].what)} {short_id(subject_id)}"


async def changes_page(
    request: Request, rpc: RpcClient, caller: Caller, kind: str, subject_id: UUID
) -> HTMLResponse:
    subject = SUBJECTS[kind]
    query = HistoryQuery(subject_id=subject_id, page=_page_number(request))
    # First the owner's answer: a subject the caller may not see is 404 before anything
    # else (also its title) is asked for.
    history = await rpc.send(subject.operation, query, caller)
    who = await actors(request.app.state.db, caller, history)
    page = ChangesPage(
        title=await _title(rpc, caller, kind, subject_id),
        back=subject.page.format(id=subject_id),
        changes=[
            Change(
                recorded_at=e.recorded_at,
                occurred_on=business_day(e.occurred_at),
                what=what(e.event_type),
                details=details(e.facts, caller.municipality),
                who=who.who(e.actor),
            )
            for e in history.entries
        ],
        page=history.page,
    )
    return render(request, "history/aenderungen.html", {"history": page})


# ------------------------------------------------------------------ routes

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get(f"/haushalte/{{household_id}}/{ANCHOR}", response_class=HTMLResponse)
async def household_changes(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> HTMLResponse:
    """Who changed what on the household."""
    return await changes_page(request, rpc, caller, "household", household_id)


@router.get(f"/wohnungen/{{offer_id}}/{ANCHOR}", response_class=HTMLResponse)
async def offer_changes(
    offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> HTMLResponse:
    """Who changed what on the offer (the coordination)."""
    return await changes_page(request, rpc, caller, "offer", offer_id)


@router.get(f"/praevention/{{case_id}}/{ANCHOR}", response_class=HTMLResponse)
async def case_changes(
    case_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> HTMLResponse:
    """Who changed what on the prevention case."""
    return await changes_page(request, rpc, caller, "case", case_id)


@router.get(f"/ehrenamt/ehrenamtliche/{{volunteer_id}}/{ANCHOR}", response_class=HTMLResponse)
async def volunteer_changes(
    volunteer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> HTMLResponse:
    """Who changed what on the volunteer."""
    return await changes_page(request, rpc, caller, "volunteer", volunteer_id)


class ChangeEntry(BaseModel):
    event_type: str
    schema_version: int
    what: str
    occurred_at: datetime
    recorded_at: datetime
    actor: str
    actor_name: str | None
    facts: dict[str, Fact]


class Changes(BaseModel):
    subject_id: UUID
    entries: list[ChangeEntry]
    page: PageInfo


PageParameter = Annotated[int, Query(ge=1, le=100_000, description="Seite, ab 1")]
PerPageParameter = Annotated[int, Query(ge=1, le=200, description="Einträge je Seite")]


async def _api(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    kind: str,
    subject_id: UUID,
    page: int,
    per_page: int,
) -> Changes:
    query = HistoryQuery(subject_id=subject_id, page=page, per_page=per_page)
    history = await rpc.send(SUBJECTS[kind].operation, query, caller)
    who = await actors(request.app.state.db, caller, history)
    return Changes(
        subject_id=history.subject_id,
        entries=[
            ChangeEntry(
                event_type=e.event_type,
                schema_version=e.schema_version,
                what=what(e.event_type),
                occurred_at=e.occurred_at,
                recorded_at=e.recorded_at,
                actor=e.actor,
                actor_name=who.name(e.actor),
                facts=e.facts,
            )
            for e in history.entries
        ],
        page=history.page,
    )


api_router = APIRouter(prefix="/api")
SUMMARY = "Änderungen"


@api_router.get(
    "/households/{household_id}/history",
    summary=SUMMARY,
    tags=["Haushalte"],
    responses=documented(404),
)
async def household_history(
    household_id: Annotated[UUID, Path(description="Kennung des Haushalts")],
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: PageParameter = 1,
    per_page: PerPageParameter = PER_PAGE,
) -> Changes:
    """Wer was wann am Haushalt geändert hat, aus den Ereignissen, neueste zuerst
    (Koordination und Fachkräfte des Trägers); den Namen (`actor_name`) sieht nur die
    Koordination."""
    return await _api(request, rpc, caller, "household", household_id, page, per_page)


@api_router.get(
    "/offers/{offer_id}/history",
    summary=SUMMARY,
    tags=["Vermittlung"],
    responses=documented(404),
)
async def offer_history(
    offer_id: Annotated[UUID, Path(description="Kennung des Wohnungsangebots")],
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: PageParameter = 1,
    per_page: PerPageParameter = PER_PAGE,
) -> Changes:
    """Wer was wann am Wohnungsangebot geändert hat, neueste zuerst (nur Koordination)."""
    return await _api(request, rpc, caller, "offer", offer_id, page, per_page)


@api_router.get(
    "/prevention/cases/{case_id}/history",
    summary=SUMMARY,
    tags=["Wohnintegrationshilfe"],
    responses=documented(404),
)
async def case_history(
    case_id: Annotated[UUID, Path(description="Kennung des Falls")],
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: PageParameter = 1,
    per_page: PerPageParameter = PER_PAGE,
) -> Changes:
    """Wer was wann am Fall geändert hat, neueste zuerst (wer den Fall sieht); den Namen
    (`actor_name`) sieht nur die Koordination."""
    return await _api(request, rpc, caller, "case", case_id, page, per_page)


@api_router.get(
    "/volunteers/{volunteer_id}/history",
    summary=SUMMARY,
    tags=["Ehrenamt"],
    responses=documented(404),
)
async def volunteer_history(
    volunteer_id: Annotated[UUID, Path(description="Kennung der/des Ehrenamtlichen")],
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    page: PageParameter = 1,
    per_page: PerPageParameter = PER_PAGE,
) -> Changes:
    """Wer was wann an der/dem Ehrenamtlichen geändert hat, neueste zuerst
    (Koordination, Fachkräfte des Trägers, Administration); den Namen (`actor_name`)
    sieht nur die Koordination."""
    return await _api(request, rpc, caller, "volunteer", volunteer_id, page, per_page)
