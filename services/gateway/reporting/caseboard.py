"""The caseboard (reporting): every open move-out case with its stage, scoped by role."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts.reporting import Caseboard, CaseboardQuery
from shared.contracts.reporting import operations as reporting

router = APIRouter(prefix="/api/caseboard", tags=["Fallübersicht"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "Ihre Rolle sieht keine Fälle, oder nur die des eigenen Trägers."},
}


@router.get("", responses=_ERRORS)
async def caseboard(
    query: Annotated[CaseboardQuery, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Caseboard:
    """Offene Fälle mit Stufe, Tagen in der Stufe und nächstem Schritt, Wartende zuerst."""
    return await rpc.send(reporting.CASEBOARD, query, caller)
