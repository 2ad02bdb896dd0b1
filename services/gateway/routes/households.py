"""Households: register and show (intake)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts.intake import GetHousehold, HouseholdRef, HouseholdView, RegisterHousehold

router = APIRouter(prefix="/api/households", tags=["Haushalte"])


@router.post("", status_code=201, response_model=HouseholdRef)
async def register_household(
    body: RegisterHousehold, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Haushalt aufnehmen."""
    result = await rpc.call("intake", "register_household", body, caller)
    return HouseholdRef.model_validate(result)


@router.get("/{household_id}", response_model=HouseholdView)
async def get_household(household_id: UUID, caller: CurrentCaller, rpc: Rpc) -> HouseholdView:
    """Haushalt anzeigen."""
    result = await rpc.call(
        "intake", "get_household", GetHousehold(household_id=household_id), caller
    )
    return HouseholdView.model_validate(result)
