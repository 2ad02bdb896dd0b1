"""The figures a council committee reads (reporting)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts.reporting import Figures, FiguresQuery

router = APIRouter(prefix="/api/reports", tags=["Berichte"])


async def _figures(rpc: Rpc, query: FiguresQuery, caller: CurrentCaller) -> Figures:
    return Figures.model_validate(await rpc.call("reporting", "figures", query, caller))


@router.get("/figures", response_model=Figures)
async def figures(
    query: Annotated[FiguresQuery, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Figures:
    """Kennzahlen für einen beliebigen Zeitraum, optional je Träger und „Stand vom“."""
    return await _figures(rpc, query, caller)


@router.get("/yearly/{year}", response_model=Figures)
async def yearly(
    year: Annotated[int, Path(ge=2000, le=2100)],
    caller: CurrentCaller,
    rpc: Rpc,
    provider: str | None = None,
    as_known_on: date | None = None,
) -> Figures:
    """Jahreszahlen (1. Januar bis 31. Dezember)."""
    query = FiguresQuery(
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
        provider=provider,
        as_known_on=as_known_on,
    )
    return await _figures(rpc, query, caller)
