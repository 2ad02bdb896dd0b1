"""The figures a council committee reads (reporting)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from services.gateway.identity import CurrentCaller
from shared.contracts.reporting import Figures, FiguresQuery
from shared.rpc import RpcClient

router = APIRouter(prefix="/api/reports", tags=["Berichte"])


async def _figures(request: Request, query: FiguresQuery, caller: CurrentCaller) -> Figures:
    rpc: RpcClient = request.app.state.rpc
    return Figures.model_validate(await rpc.call("reporting", "figures", query, caller))


@router.get("/figures", response_model=Figures)
async def figures(
    query: Annotated[FiguresQuery, Depends()], caller: CurrentCaller, request: Request
) -> Figures:
    """Kennzahlen für einen beliebigen Zeitraum, optional je Träger und „Stand vom“."""
    return await _figures(request, query, caller)


@router.get("/yearly/{year}", response_model=Figures)
async def yearly(
    year: Annotated[int, Path(ge=2000, le=2100)],
    caller: CurrentCaller,
    request: Request,
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
    return await _figures(request, query, caller)
