"""Households: register and show (intake)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request

from services.gateway.identity import CurrentCaller
from shared.contracts.intake import GetHousehold, HouseholdRef, HouseholdView, RegisterHousehold
from shared.rpc import RpcClient

router = APIRouter(prefix="/api/households", tags=["Haushalte"])


def _rpc(request: Request) -> RpcClient:
    client: RpcClient = request.app.state.rpc
    return client


@router.post("", status_code=201, response_model=HouseholdRef)
async def register_household(
    body: RegisterHousehold, caller: CurrentCaller, request: Request
) -> HouseholdRef:
    """Haushalt aufnehmen."""
    result = await _rpc(request).call("intake", "register_household", body, caller)
    return HouseholdRef.model_validate(result)


@router.get("/{household_id}", response_model=HouseholdView)
async def get_household(
    household_id: UUID, caller: CurrentCaller, request: Request
) -> HouseholdView:
    """Haushalt anzeigen."""
    result = await _rpc(request).call(
        "intake", "get_household", GetHousehold(household_id=household_id), caller
    )
    return HouseholdView.model_validate(result)
