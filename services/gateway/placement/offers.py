"""Pages for offers and matching: the list of offers, one offer with the households that
fit it, and the steps from proposal to lease.

Receiving offers and registering landlords is the coordination's work (placement's rule):
a caseworker is told so at the form instead of being shown one that cannot succeed.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.placement import (
    formats,
    landlords,
    new_landlord,
    offer_documents,
    offer_letters,
    offer_notes,
    rules,
    stalled,
    steps,
)
from services.gateway.placement.forms import OFFER_FIELDS, OFFER_FLAGS, offer_body
from services.gateway.placement.new_landlord import coordination_only
from services.gateway.placement.offer_page import offer_page
from services.gateway.web.i18n import N_, Verbatim, gettext
from services.gateway.web.labels import label
from services.gateway.web.list_query import list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import placement as c
from shared.contracts import places
from shared.contracts.placement import operations as ops
from shared.contracts.placement.labels import LANDLORD_KIND
from shared.identity import Caller
from shared.rpc import RemoteError, RpcClient

router = APIRouter(prefix="/ui/wohnungen", include_in_schema=False)
ALL = "alle"
RECEIVED = notice("angebot-aufgenommen", N_("Das Wohnungsangebot ist aufgenommen."))
_STATUSES = {s.value for s in c.OfferStatus}


@router.get("", response_class=HTMLResponse)
async def offer_list(
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
    stand: Annotated[str, Query()] = c.OfferStatus.open.value,
    haushalt: Annotated[UUID | None, Query()] = None,
) -> Response:
    """One page of the municipality's offers, filtered by status (`stand`), district and
    landlord and sorted as the URL asks; with `haushalt`, the open offers for that household
    with the reason per criterion and a button to propose it."""
    context: dict[str, object] = {"formats": formats, "stand": stand, "for_household": None}
    if haushalt is not None:
        query = c.HouseholdOffersQuery(household_id=haushalt, fits_only=False)
        context["for_household"] = await rpc.send(ops.HOUSEHOLD_OFFERS, query, caller)
    else:
        status = c.OfferStatus(stand) if stand in _STATUSES else None  # "alle": every one
        context["stand"] = status.value if status else ALL
        listed = list_query(request, c.GetOffers, status=status)
        every = (await rpc.send(ops.LIST_LANDLORDS, c.ListLandlords(), caller)).landlords
        context["query"] = listed
        context["answer"] = await rpc.send(ops.LIST_OFFERS, listed, caller)
        context["landlord_names"] = landlord_names(every)
    return render(request, "placement/offers.html", context)


def landlord_names(landlords: list[c.LandlordView]) -> dict[UUID, str]:
    """Each landlord's name as typed (shown escaped), in the order of the names."""
    unnamed = gettext("ohne Namen")
    named = {
        ll.landlord_id: f"{ll.name or unnamed} – {label(LANDLORD_KIND, ll.kind)}"
        for ll in landlords
    }
    return dict(sorted(named.items(), key=lambda item: item[1].casefold()))


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
    ref, refusal = await steps.submit(rpc, caller, ops.RECEIVE_OFFER, offer_body(values), names)
    if ref is not None:
        return saved(f"/ui/wohnungen/{ref.offer_id}", RECEIVED)
    assert refusal is not None
    return await _offer_form(
        request, caller, rpc, values, refusal.errors, refusal.general, refusal.status
    )


async def _just_registered(
    rpc: RpcClient, caller: Caller, landlord_id: str
) -> list[c.LandlordView]:
    try:
        wanted = c.GetLandlord(landlord_id=UUID(landlord_id))
        return [await rpc.send(ops.GET_LANDLORD, wanted, caller)]
    except (ValueError, RemoteError):
        return []  # not a landlord (any more): the form offers the others


async def _offer_form(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    every = (await rpc.send(ops.LIST_LANDLORDS, c.ListLandlords(), caller)).landlords
    chosen = values.get("landlord_id")
    if chosen and chosen not in {str(ll.landlord_id) for ll in every}:
        # A landlord registered a moment ago: the list is placement's read model, which may
        # not have it yet; the landlord itself is read from its stream, so it is offered.
        every = [*every, *await _just_registered(rpc, caller, chosen)]
    unnamed = gettext("ohne Namen")
    context = {
        "form": values,
        "errors": errors,
        "general": general,
        "landlords": every,
        "landlord_options": [
            # The landlord's name as typed: shown escaped, never looked up in the catalogue.
            (
                str(ll.landlord_id),
                Verbatim(f"{ll.name or unnamed} – {label(LANDLORD_KIND, ll.kind)}"),
            )
            for ll in every
        ],
        # The municipality's districts by name: a choice, so no typo becomes a district.
        "district_options": sorted(
            (
                (code, Verbatim(name))
                for code, name in places.districts_of(caller.municipality).items()
            ),
            key=lambda option: option[1].casefold(),
        ),
        "formats": formats,
    }
    return render(request, "placement/offer_form.html", context, status_code=status_code)


new_landlord.add_routes(router)
landlords.add_routes(router)
rules.add_routes(router)
stalled.add_routes(router)


@router.get("/{offer_id}", response_class=HTMLResponse)
async def offer(offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """One offer with its matching households and the next steps."""
    return await offer_page(request, caller, rpc, offer_id)


offer_notes.install(router)
offer_documents.install(router)
offer_letters.install(router)
steps.add_routes(router)
