"""The due list and the days per rule as JSON (reporting's follow-ups, issue 15)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts.followups import FollowUpList, FollowUpQuery, FollowUpRules, GetFollowUpRules
from shared.contracts.reporting import operations as reporting

router = APIRouter(prefix="/api", tags=["Wiedervorlagen"])
_READ: dict[int | str, dict[str, Any]] = {
    403: {
        "description": "Ihre Rolle sieht keine Wiedervorlagen, oder nur die des eigenen Trägers."
    },
}
_WRITE: dict[int | str, dict[str, Any]] = {
    403: {"description": "Nur die Koordination ändert die Fristen."},
    422: {"description": "Eine Frist liegt nicht zwischen 0 und 365 Tagen."},
}


@router.get("/follow-ups", summary="Fällige Wiedervorlagen", responses=_READ)
async def follow_ups(
    query: Annotated[FollowUpQuery, Depends()], caller: CurrentCaller, rpc: Rpc
) -> FollowUpList:
    """Wiedervorlagen und fällige Schritte des eigenen Bereichs am Stichtag (ohne: heute),
    älteste zuerst, seitenweise."""
    return await rpc.send(reporting.FOLLOW_UPS, query, caller)


@router.get("/follow-up-rules", summary="Fristen der Wiedervorlagen", responses=_READ)
async def follow_up_rules(caller: CurrentCaller, rpc: Rpc) -> FollowUpRules:
    """Tage je Regel, nach (oder vor) denen ein Schritt fällig wird: die der Kommune oder
    die Vorgabe."""
    return await rpc.send(reporting.GET_FOLLOW_UP_RULES, GetFollowUpRules(), caller)


@router.put("/follow-up-rules", summary="Fristen der Wiedervorlagen ändern", responses=_WRITE)
async def replace_follow_up_rules(
    body: FollowUpRules, caller: CurrentCaller, rpc: Rpc
) -> FollowUpRules:
    """Ersetzt die Tage je Regel (eine fehlende Regel gilt mit ihrer Vorgabe); offene
    Schritte der geänderten Regeln bekommen ihren neuen Fälligkeitstag. Koordination."""
    return await rpc.send(reporting.REPLACE_FOLLOW_UP_RULES, body, caller)
