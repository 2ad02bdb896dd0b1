"""Move-out placement: landlords, offers, matching, viewings, guarantees, lease and move."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts import placement as c
from shared.contracts.paging import DEFAULT_PER_PAGE, MAX_PER_PAGE
from shared.contracts.placement import operations as ops

router = APIRouter(prefix="/api", tags=["Vermittlung"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "Ihre Rolle darf das nicht."},
    404: {"description": "Nicht gefunden (oder nicht sichtbar für Sie)."},
    409: {"description": "Eine Regel steht entgegen, z. B. die Wohnung ist schon vermietet."},
    422: {"description": "Eingabe unvollständig oder ungültig; `fields` nennt die Felder."},
}
_READ_ERRORS: dict[int | str, dict[str, Any]] = {
    k: v for k, v in _ERRORS.items() if k in (403, 404, 422)
}


# ---------------------------------------------------------------- landlords


@router.post(
    "/landlords",
    status_code=201,
    summary="Vermieter aufnehmen",
    responses=_ERRORS,
)
async def register_landlord(
    body: c.RegisterLandlord, caller: CurrentCaller, rpc: Rpc
) -> c.LandlordRef:
    """Wohnungsgesellschaft (z. B. GAG) oder Privatvermieter mit Ansprechperson; Koordination."""
    return await rpc.send(ops.REGISTER_LANDLORD, body, caller)


@router.get("/landlords", summary="Vermieter", responses=_READ_ERRORS)
async def list_landlords(caller: CurrentCaller, rpc: Rpc) -> c.LandlordList:
    """Alle Vermieter der Kommune mit Kooperationsvereinbarung."""
    return await rpc.send(ops.LIST_LANDLORDS, c.ListLandlords(), caller)


@router.get(
    "/landlords/{landlord_id}",
    summary="Vermieter anzeigen",
    responses=_READ_ERRORS,
)
async def get_landlord(landlord_id: UUID, caller: CurrentCaller, rpc: Rpc) -> c.LandlordView:
    """Ein Vermieter mit Ansprechperson."""
    body = c.GetLandlord(landlord_id=landlord_id)
    return await rpc.send(ops.GET_LANDLORD, body, caller)


@router.post(
    "/landlords/{landlord_id}/cooperation",
    status_code=201,
    summary="Kooperationsvereinbarung festhalten",
    responses=_ERRORS,
)
async def conclude_cooperation(
    landlord_id: UUID, body: c.ConcludeCooperation, caller: CurrentCaller, rpc: Rpc
) -> c.LandlordRef:
    """Der Vermieter hat eine Kooperationsvereinbarung geschlossen; Koordination."""
    return await rpc.send(
        ops.CONCLUDE_COOPERATION,
        ops.CONCLUDE_COOPERATION.request(id=landlord_id, body=body),
        caller,
    )


# ---------------------------------------------------------------- offers


@router.post(
    "/offers",
    status_code=201,
    summary="Wohnungsangebot aufnehmen",
    responses=_ERRORS,
)
async def receive_offer(body: c.ReceiveOffer, caller: CurrentCaller, rpc: Rpc) -> c.OfferRef:
    """Ein Vermieter bietet eine Wohnung an (Veedel, Zimmer, Fläche, Miete, WBS …); Koordination."""
    return await rpc.send(ops.RECEIVE_OFFER, body, caller)


@router.get("/offers", summary="Wohnungsangebote", responses=_READ_ERRORS)
async def list_offers(
    query: Annotated[c.GetOffers, Depends()], caller: CurrentCaller, rpc: Rpc
) -> c.OfferList:
    """Angebote der Kommune, ohne Angabe die offenen."""
    return await rpc.send(ops.LIST_OFFERS, query, caller)


@router.get(
    "/offers/{offer_id}",
    summary="Wohnungsangebot anzeigen",
    responses=_READ_ERRORS,
)
async def get_offer(offer_id: UUID, caller: CurrentCaller, rpc: Rpc) -> c.OfferView:
    """Ein Angebot mit Vorschlägen, Besichtigungen und Übernahmen (Fachkräfte: eigene Haushalte)."""
    body = c.GetOffer(offer_id=offer_id)
    return await rpc.send(ops.GET_OFFER, body, caller)


@router.post(
    "/offers/{offer_id}/withdrawal",
    status_code=201,
    summary="Angebot zurückziehen",
    responses=_ERRORS,
)
async def withdraw_offer(
    offer_id: UUID, body: c.WithdrawOffer, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Das Angebot ist zurückgezogen; Koordination."""
    return await rpc.send(
        ops.WITHDRAW_OFFER, ops.WITHDRAW_OFFER.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/expiry",
    status_code=201,
    summary="Angebot abgelaufen",
    responses=_ERRORS,
)
async def expire_offer(
    offer_id: UUID, body: c.ExpireOffer, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Das Angebot ist ohne Vermittlung abgelaufen; Koordination."""
    return await rpc.send(
        ops.EXPIRE_OFFER, ops.EXPIRE_OFFER.request(id=offer_id, body=body), caller
    )


# ---------------------------------------------------------------- matching


@router.get(
    "/offers/{offer_id}/matches",
    summary="Passende Haushalte für ein Angebot",
    responses=_READ_ERRORS,
)
async def offer_matches(
    offer_id: UUID,
    caller: CurrentCaller,
    rpc: Rpc,
    fits_only: Annotated[bool, Query(description="Nur passende Haushalte")] = False,
    sort: Annotated[c.CandidateSort, Query(description="Sortiert nach")] = "rank",
    descending: Annotated[bool, Query(description="Absteigend sortieren")] = False,
    page: Annotated[int, Query(ge=1, le=100_000, description="Seite, ab 1")] = 1,
    per_page: Annotated[
        int, Query(ge=1, le=MAX_PER_PAGE, description="Einträge je Seite")
    ] = DEFAULT_PER_PAGE,
) -> c.OfferMatches:
    """Eine Seite der suchenden Haushalte mit Begründung je Kriterium (Zimmer, Fläche,
    Miete, WBS, …); ohne Sortierung die passenden zuerst, dann wer am längsten sucht."""
    body = c.OfferMatchesQuery(
        offer_id=offer_id,
        fits_only=fits_only,
        sort=sort,
        descending=descending,
        page=page,
        per_page=per_page,
    )
    return await rpc.send(ops.OFFER_MATCHES, body, caller)


@router.get(
    "/households/{household_id}/offers",
    summary="Passende Angebote für einen Haushalt",
    responses=_READ_ERRORS,
)
async def household_offers(
    household_id: UUID,
    caller: CurrentCaller,
    rpc: Rpc,
    fits_only: Annotated[bool, Query(description="Nur passende Angebote")] = True,
) -> c.HouseholdOffers:
    """Offene Angebote mit Begründung je Kriterium."""
    body = c.HouseholdOffersQuery(household_id=household_id, fits_only=fits_only)
    return await rpc.send(ops.HOUSEHOLD_OFFERS, body, caller)


# ---------------------------------------------------------------- on the way to the lease


@router.post(
    "/offers/{offer_id}/proposals",
    status_code=201,
    summary="Haushalte vorschlagen",
    responses=_ERRORS,
)
async def propose_households(
    offer_id: UUID, body: c.ProposeHouseholds, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Einen oder mehrere Haushalte dem Vermieter vorschlagen (Fachkräfte: eigene Haushalte)."""
    return await rpc.send(
        ops.PROPOSE_HOUSEHOLDS, ops.PROPOSE_HOUSEHOLDS.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/landlord-decisions",
    status_code=201,
    summary="Entscheidung des Vermieters festhalten",
    responses=_ERRORS,
)
async def record_landlord_decision(
    offer_id: UUID, body: c.RecordLandlordDecision, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Zusage oder Absage des Vermieters für einen vorgeschlagenen Haushalt; Koordination."""
    return await rpc.send(
        ops.RECORD_LANDLORD_DECISION,
        ops.RECORD_LANDLORD_DECISION.request(id=offer_id, body=body),
        caller,
    )


@router.post(
    "/offers/{offer_id}/viewings",
    status_code=201,
    summary="Besichtigung vereinbaren",
    responses=_ERRORS,
)
async def schedule_viewing(
    offer_id: UUID, body: c.ScheduleViewing, caller: CurrentCaller, rpc: Rpc
) -> c.ViewingRef:
    """Besichtigungstermin für einen vorgeschlagenen Haushalt (Fachkräfte: eigene Haushalte)."""
    return await rpc.send(
        ops.SCHEDULE_VIEWING, ops.SCHEDULE_VIEWING.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/viewing-outcomes",
    status_code=201,
    summary="Besichtigung festhalten",
    responses=_ERRORS,
)
async def record_viewing(
    offer_id: UUID, body: c.RecordViewing, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Wie die Besichtigung ausging und ob ein Tandem begleitet hat."""
    return await rpc.send(
        ops.RECORD_VIEWING, ops.RECORD_VIEWING.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/guarantees",
    status_code=201,
    summary="Übernahme beantragen",
    responses=_ERRORS,
)
async def request_guarantee(
    offer_id: UUID, body: c.RequestGuarantee, caller: CurrentCaller, rpc: Rpc
) -> c.GuaranteeRef:
    """Kaution, Miete, Sicherheitsleistung oder Freistellung beim Jobcenter o. a.; Koordination."""
    return await rpc.send(
        ops.REQUEST_GUARANTEE, ops.REQUEST_GUARANTEE.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/guarantee-decisions",
    status_code=201,
    summary="Entscheidung über Übernahme festhalten",
    responses=_ERRORS,
)
async def decide_guarantee(
    offer_id: UUID, body: c.DecideGuarantee, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Bewilligt oder abgelehnt, mit Datum (für die Bearbeitungsdauer); Koordination."""
    return await rpc.send(
        ops.DECIDE_GUARANTEE, ops.DECIDE_GUARANTEE.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/lease",
    status_code=201,
    summary="Mietvertrag und Einzug festhalten",
    responses=_ERRORS,
)
async def complete_placement(
    offer_id: UUID, body: c.CompletePlacement, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Mietvertrag unterschrieben, eingezogen: die Vermittlung zählt. Je Wohnung nur einmal."""
    return await rpc.send(
        ops.COMPLETE_PLACEMENT, ops.COMPLETE_PLACEMENT.request(id=offer_id, body=body), caller
    )


@router.post(
    "/offers/{offer_id}/lease/retraction",
    summary="Vermittlung zurücknehmen (Korrektur)",
    responses=_ERRORS,
)
async def retract_placement(
    offer_id: UUID, body: c.RetractPlacement, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Eine irrtümlich erfasste Vermittlung wird zurückgenommen: die Wohnung ist wieder frei,
    die Zahlen des Jahres des Mietvertrags zählen sie ab dem Tag der Korrektur nicht mehr
    ("Stand vom" einem früheren Tag zeigt weiter die alte Zahl). Nur die Koordination."""
    return await rpc.send(
        ops.RETRACT_PLACEMENT, ops.RETRACT_PLACEMENT.request(id=offer_id, body=body), caller
    )


# ---------------------------------------------------------------- oversight and rules


@router.get(
    "/placement/rules",
    summary="Regeln der Kommune",
    responses=_READ_ERRORS,
)
async def get_rules(caller: CurrentCaller, rpc: Rpc) -> c.PlacementRules:
    """Mietrichtwerte des Jobcenters (wann ein Vorschlag oder eine Übernahme nachgehalten
    wird, sagen die Fristen der Wiedervorlagen: `/api/follow-up-rules`)."""
    return await rpc.send(ops.GET_RULES, c.GetRules(), caller)


@router.put(
    "/placement/rules",
    summary="Regeln der Kommune ändern",
    responses=_ERRORS,
)
async def replace_rules(
    body: c.PlacementRules, caller: CurrentCaller, rpc: Rpc
) -> c.PlacementRules:
    """Ersetzt die Mietrichtwerte der Kommune als Ganzes; Koordination."""
    return await rpc.send(ops.REPLACE_RULES, body, caller)
