"""Who read a household's personal data, and when (coordination only): the API's list,
and the paged section of the household's page, which says what was done in words and who
did it by name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel

from services.gateway.adapters.access_log import Access, access_page, accesses_of
from services.gateway.adapters.users import staff_names
from services.gateway.deps import CurrentCaller
from services.gateway.web.i18n import N_
from shared.contracts.paging import PageInfo
from shared.db import Database

router = APIRouter(prefix="/api/households", tags=["Haushalte"])


class AccessEntry(BaseModel):
    at: datetime
    user_id: str
    role: str
    route: str


class AccessLog(BaseModel):
    household_id: UUID
    entries: list[AccessEntry]


@router.get("/{household_id}/access-log", summary="Zugriffsprotokoll")
async def household_access_log(
    household_id: Annotated[UUID, Path(description="Kennung des Haushalts")],
    caller: CurrentCaller,
    request: Request,
) -> AccessLog:
    """Wer die Daten des Haushalts wann gelesen hat, neueste zuerst (nur Koordination)."""
    db: Database = request.app.state.db
    async with db.read() as conn:
        found = await accesses_of(conn, caller.municipality, "household", household_id)
    return AccessLog(
        household_id=household_id,
        entries=[
            AccessEntry(at=a.at, user_id=a.user_id, role=a.role, route=a.route) for a in found
        ],
    )


# What a read was, in the words of the staff (the routes the access log middleware audits).
WHAT = {
    "/ui/haushalte/{household_id}": N_("Haushalt angesehen"),
    "/api/households/{household_id}": N_("Haushalt über die Schnittstelle abgerufen"),
    "/api/tandem-households/{household_id}": N_("Haushalt in der Tandem-Ansicht angesehen"),
    "/api/households/{household_id}/offers": N_("Passende Wohnungsangebote abgerufen"),
    "/api/households/{household_id}/export": N_("Datenexport nach Art. 15 abgerufen"),
    "/api/households/{household_id}/auskunft": N_("Auskunft nach Art. 15 erstellt"),
    "/api/households/{household_id}/auskunft.pdf": N_("Auskunft nach Art. 15 als PDF erstellt"),
    "/ui/haushalte/{household_id}/unterlagen/{document_id}": N_("Unterlage heruntergeladen"),
    "/api/households/{household_id}/documents/{document_id}": N_(
        "Unterlage über die Schnittstelle heruntergeladen"
    ),
}
OTHER_READ = N_("Daten gelesen")
# Its own page parameter: the household's page may list other things in pages too.
PAGE_PARAMETER = "protokoll_seite"
PER_PAGE = 20


@dataclass(frozen=True)
class Read:
    at: datetime
    who: str | None
    role: str
    what: str


@dataclass(frozen=True)
class AccessLogSection:
    reads: list[Read]
    page: PageInfo
    parameter: str = PAGE_PARAMETER


def _page_number(request: Request) -> int:
    raw = request.query_params.get(PAGE_PARAMETER, "")
    return int(raw) if raw.isdecimal() and 0 < int(raw) <= 100_000 else 1


async def access_log_section(
    request: Request, municipality: str, household_id: UUID
) -> AccessLogSection:
    """The page of the household's access log the URL asks for (`protokoll_seite`)."""
    number = _page_number(request)
    db: Database = request.app.state.db
    async with db.read() as conn:
        found, total = await access_page(
            conn,
            municipality,
            "household",
            household_id,
            offset=(number - 1) * PER_PAGE,
            limit=PER_PAGE,
        )
        names = await staff_names(conn, {a.user_id for a in found})
    return AccessLogSection(
        reads=[_read(a, names) for a in found],
        page=PageInfo(page=number, per_page=PER_PAGE, total=total),
    )


def _read(access: Access, names: dict[str, str]) -> Read:
    # Entries written before user ids became pseudonymous hold the login itself.
    return Read(
        at=access.at,
        who=names.get(access.user_id, access.user_id),
        role=access.role,
        what=WHAT.get(access.route, OTHER_READ),
    )
