"""Pages for offers and matching: the list of offers, one offer with the households that
fit it, and the steps from proposal to lease.

Receiving offers and registering landlords is the coordination's work (placement's rule):
a caseworker is told so at the form instead of being shown one that cannot succeed.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.ui import (
    labels_placement,
    offers_landlord_pages,
    offers_landlords,
    offers_rules,
    offers_stalled,
    offers_steps,
)
from services.gateway.ui.labels import label
from services.gateway.ui.labels_placement import LANDLORD_KIND
from services.gateway.ui.offers_forms import OFFER_FIELDS, OFFER_FLAGS, offer_body
from services.gateway.ui.offers_landlords import coordination_only
from services.gateway.ui.offers_page import offer_page
from services.gateway.web.i18n import N_, Verbatim, gettext
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import placement as c
from shared.identity import Caller
from shared.rpc import RpcClient

router = APIRouter(prefix="/ui/wohnungen", include_in_schema=False)
ALL = "alle"
_STATUSES = {s.value for s in c.OfferStatus}


@router.get("", response_class=HTMLResponse)
async def offer_list(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    stand: Annotated[str, Query()] = c.OfferStatus.open.value,
    haushalt: Annotated[UUID | None, Query()] = None,
) -> Response:
    """The municipality's offers by status; with `haushalt`, the open offers for that
    household with the reason per criterion."""
    context: dict[str, object] = {"lp": labels_placement, "stand": stand, "for_household": None}
    if haushalt is not None:
        query = c.HouseholdOffersQuery(household_id=haushalt, fits_only=False)
        result = await rpc.call("placement", "household_offers", query, caller)
        context["for_household"] = c.HouseholdOffers.model_validate(result)
    else:
        status = c.OfferStatus(stand) if stand in _STATUSES else None  # "alle": every one
        context["stand"] = status.value if status else ALL
        offers = await rpc.call("placement", "list_offers", c.GetOffers(status=status), caller)
        context["offers"] = c.OfferList.model_validate(offers).offers
    return render(request, "wohnungen.html", context)


@router.get("/neu", response_class=HTMLResponse)
async def new_offer(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    vermieter: Annotated[UUID | None, Query()] = None,
) -> Response:
    """The form to receive an offer; `vermieter` preselects a landlord just registered."""
    coordination_only(caller, N_("Nur die Koordination darf Wohnungsangebote aufnehmen."))
    values = form_values(
        {"landlord_id": str(vermieter or ""), "received_on": today().isoformat()},
        OFFER_FIELDS,
        OFFER_FLAGS,
    )
    return await _offer_form(request, caller, rpc, values, {})


@router.post("/neu", response_class=HTMLResponse)
async def receive_offer(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    submitted = await checked_form(request)
    coordination_only(caller, N_("Nur die Koordination darf Wohnungsangebote aufnehmen."))
    values = form_values(submitted, OFFER_FIELDS, OFFER_FLAGS)
    names = OFFER_FIELDS + OFFER_FLAGS
    result, refusal = await offers_steps.submit(
        rpc, caller, "receive_offer", c.ReceiveOffer, offer_body(values), names
    )
    if refusal is None:
        ref = c.OfferRef.model_validate(result)
        return RedirectResponse(f"/ui/wohnungen/{ref.offer_id}", status_code=303)
    return await _offer_form(
        request, caller, rpc, values, refusal.errors, refusal.general, refusal.status
    )


async def _offer_form(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    landlords = c.LandlordList.model_validate(
        await rpc.call("placement", "list_landlords", c.ListLandlords(), caller)
    ).landlords
    unnamed = gettext("ohne Namen")
    context = {
        "form": values,
        "errors": errors,
        "general": general,
        "landlords": landlords,
        "landlord_options": [
            # The landlord's name as typed: shown escaped, never looked up in the catalogue.
            (
                str(ll.landlord_id),
                Verbatim(f"{ll.name or unnamed} – {label(LANDLORD_KIND, ll.kind)}"),
            )
            for ll in landlords
        ],
        "lp": labels_placement,
    }
    return render(request, "wohnungen_neu.html", context, status_code=status_code)


offers_landlords.add_routes(router)
offers_landlord_pages.add_routes(router)
offers_rules.add_routes(router)
offers_stalled.add_routes(router)


@router.get("/{offer_id}", response_class=HTMLResponse)
async def offer(offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One offer with its matching households and the next steps."""
    return await offer_page(request, caller, rpc, offer_id)


offers_steps.add_routes(router)
