"""Who read a household's personal data, and when (coordination only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel

from services.gateway.adapters.access_log import accesses_of
from services.gateway.deps import CurrentCaller
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
