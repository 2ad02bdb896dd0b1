"""Move-out placement: landlords, offers, matching, viewings, guarantees, lease and move."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts import placement as c
from shared.contracts.inputs import QueryDay
from shared.identity import Caller

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


def _on(key: str, entity_id: UUID, body: BaseModel) -> dict[str, Any]:
    return {key: str(entity_id), "body": body.model_dump(mode="json")}


async def _call(rpc: Rpc, name: str, body: BaseModel | dict[str, Any], caller: Caller) -> Any:
    return await rpc.call("placement", name, body, caller)


# ---------------------------------------------------------------- landlords


@router.post(
    "/landlords",
    status_code=201,
    response_model=c.LandlordRef,
    summary="Vermieter aufnehmen",
    responses=_ERRORS,
)
async def register_landlord(
    body: c.RegisterLandlord, caller: CurrentCaller, rpc: Rpc
) -> c.LandlordRef:
    """Wohnungsgesellschaft (z. B. GAG) oder Privatvermieter mit Ansprechperson; Koordination."""
    return c.LandlordRef.model_validate(await _call(rpc, "register_landlord", body, caller))


@router.get(
    "/landlords", response_model=c.LandlordList, summary="Vermieter", responses=_READ_ERRORS
)
async def list_landlords(caller: CurrentCaller, rpc: Rpc) -> c.LandlordList:
    """Alle Vermieter der Kommune mit Kooperationsvereinbarung."""
    return c.LandlordList.model_validate(
        await _call(rpc, "list_landlords", c.ListLandlords(), caller)
    )


@router.get(
    "/landlords/{landlord_id}",
    response_model=c.LandlordView,
    summary="Vermieter anzeigen",
    responses=_READ_ERRORS,
)
async def get_landlord(landlord_id: UUID, caller: CurrentCaller, rpc: Rpc) -> c.LandlordView:
    """Ein Vermieter mit Ansprechperson."""
    body = c.GetLandlord(landlord_id=landlord_id)
    return c.LandlordView.model_validate(await _call(rpc, "get_landlord", body, caller))


@router.post(
    "/landlords/{landlord_id}/cooperation",
    status_code=201,
    response_model=c.LandlordRef,
    summary="Kooperationsvereinbarung festhalten",
    responses=_ERRORS,
)
async def conclude_cooperation(
    landlord_id: UUID, body: c.ConcludeCooperation, caller: CurrentCaller, rpc: Rpc
) -> c.LandlordRef:
    """Der Vermieter hat eine Kooperationsvereinbarung geschlossen; Koordination."""
    payload = _on("landlord_id", landlord_id, body)
    return c.LandlordRef.model_validate(await _call(rpc, "conclude_cooperation", payload, caller))


# ---------------------------------------------------------------- offers


@router.post(
    "/offers",
    status_code=201,
    response_model=c.OfferRef,
    summary="Wohnungsangebot aufnehmen",
    responses=_ERRORS,
)
async def receive_offer(body: c.ReceiveOffer, caller: CurrentCaller, rpc: Rpc) -> c.OfferRef:
    """Ein Vermieter bietet eine Wohnung an (Veedel, Zimmer, Fläche, Miete, WBS …); Koordination."""
    return c.OfferRef.model_validate(await _call(rpc, "receive_offer", body, caller))


@router.get(
    "/offers", response_model=c.OfferList, summary="Wohnungsangebote", responses=_READ_ERRORS
)
async def list_offers(
    query: Annotated[c.GetOffers, Depends()], caller: CurrentCaller, rpc: Rpc
) -> c.OfferList:
    """Angebote der Kommune, ohne Angabe die offenen."""
    return c.OfferList.model_validate(await _call(rpc, "list_offers", query, caller))


@router.get(
    "/offers/{offer_id}",
    response_model=c.OfferView,
    summary="Wohnungsangebot anzeigen",
    responses=_READ_ERRORS,
)
async def get_offer(offer_id: UUID, caller: CurrentCaller, rpc: Rpc) -> c.OfferView:
    """Ein Angebot mit Vorschlägen, Besichtigungen und Übernahmen (Fachkräfte: eigene Haushalte)."""
    body = c.GetOffer(offer_id=offer_id)
    return c.OfferView.model_validate(await _call(rpc, "get_offer", body, caller))


async def _offer_command(
    rpc: Rpc, name: str, offer_id: UUID, body: BaseModel, caller: Caller
) -> dict[str, Any]:
    result: dict[str, Any] = await _call(rpc, name, _on("offer_id", offer_id, body), caller)
    return result


@router.post(
    "/offers/{offer_id}/withdrawal",
    status_code=201,
    response_model=c.OfferRef,
    summary="Angebot zurückziehen",
    responses=_ERRORS,
)
async def withdraw_offer(
    offer_id: UUID, body: c.WithdrawOffer, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Das Angebot ist zurückgezogen; Koordination."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "withdraw_offer", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/expiry",
    status_code=201,
    response_model=c.OfferRef,
    summary="Angebot abgelaufen",
    responses=_ERRORS,
)
async def expire_offer(
    offer_id: UUID, body: c.ExpireOffer, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Das Angebot ist ohne Vermittlung abgelaufen; Koordination."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "expire_offer", offer_id, body, caller)
    )


# ---------------------------------------------------------------- matching


@router.get(
    "/offers/{offer_id}/matches",
    response_model=c.OfferMatches,
    summary="Passende Haushalte für ein Angebot",
    responses=_READ_ERRORS,
)
async def offer_matches(
    offer_id: UUID,
    caller: CurrentCaller,
    rpc: Rpc,
    fits_only: Annotated[bool, Query(description="Nur passende Haushalte")] = False,
) -> c.OfferMatches:
    """Suchende Haushalte mit Begründung je Kriterium (Zimmer, Fläche, Miete, WBS, …)."""
    body = c.OfferMatchesQuery(offer_id=offer_id, fits_only=fits_only)
    return c.OfferMatches.model_validate(await _call(rpc, "offer_matches", body, caller))


@router.get(
    "/households/{household_id}/offers",
    response_model=c.HouseholdOffers,
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
    return c.HouseholdOffers.model_validate(await _call(rpc, "household_offers", body, caller))


# ---------------------------------------------------------------- on the way to the lease


@router.post(
    "/offers/{offer_id}/proposals",
    status_code=201,
    response_model=c.OfferRef,
    summary="Haushalte vorschlagen",
    responses=_ERRORS,
)
async def propose_households(
    offer_id: UUID, body: c.ProposeHouseholds, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Einen oder mehrere Haushalte dem Vermieter vorschlagen (Fachkräfte: eigene Haushalte)."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "propose_households", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/landlord-decisions",
    status_code=201,
    response_model=c.OfferRef,
    summary="Entscheidung des Vermieters festhalten",
    responses=_ERRORS,
)
async def record_landlord_decision(
    offer_id: UUID, body: c.RecordLandlordDecision, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Zusage oder Absage des Vermieters für einen vorgeschlagenen Haushalt; Koordination."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "record_landlord_decision", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/viewings",
    status_code=201,
    response_model=c.ViewingRef,
    summary="Besichtigung vereinbaren",
    responses=_ERRORS,
)
async def schedule_viewing(
    offer_id: UUID, body: c.ScheduleViewing, caller: CurrentCaller, rpc: Rpc
) -> c.ViewingRef:
    """Besichtigungstermin für einen vorgeschlagenen Haushalt (Fachkräfte: eigene Haushalte)."""
    return c.ViewingRef.model_validate(
        await _offer_command(rpc, "schedule_viewing", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/viewing-outcomes",
    status_code=201,
    response_model=c.OfferRef,
    summary="Besichtigung festhalten",
    responses=_ERRORS,
)
async def record_viewing(
    offer_id: UUID, body: c.RecordViewing, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Wie die Besichtigung ausging und ob ein Tandem begleitet hat."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "record_viewing", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/guarantees",
    status_code=201,
    response_model=c.GuaranteeRef,
    summary="Übernahme beantragen",
    responses=_ERRORS,
)
async def request_guarantee(
    offer_id: UUID, body: c.RequestGuarantee, caller: CurrentCaller, rpc: Rpc
) -> c.GuaranteeRef:
    """Kaution, Miete, Sicherheitsleistung oder Freistellung beim Jobcenter o. a.; Koordination."""
    return c.GuaranteeRef.model_validate(
        await _offer_command(rpc, "request_guarantee", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/guarantee-decisions",
    status_code=201,
    response_model=c.OfferRef,
    summary="Entscheidung über Übernahme festhalten",
    responses=_ERRORS,
)
async def decide_guarantee(
    offer_id: UUID, body: c.DecideGuarantee, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Bewilligt oder abgelehnt, mit Datum (für die Bearbeitungsdauer); Koordination."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "decide_guarantee", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/lease",
    status_code=201,
    response_model=c.OfferRef,
    summary="Mietvertrag und Einzug festhalten",
    responses=_ERRORS,
)
async def complete_placement(
    offer_id: UUID, body: c.CompletePlacement, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Mietvertrag unterschrieben, eingezogen: die Vermittlung zählt. Je Wohnung nur einmal."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "complete_placement", offer_id, body, caller)
    )


@router.post(
    "/offers/{offer_id}/lease/retraction",
    response_model=c.OfferRef,
    summary="Vermittlung zurücknehmen (Korrektur)",
    responses=_ERRORS,
)
async def retract_placement(
    offer_id: UUID, body: c.RetractPlacement, caller: CurrentCaller, rpc: Rpc
) -> c.OfferRef:
    """Eine irrtümlich erfasste Vermittlung wird zurückgenommen: die Wohnung ist wieder frei,
    die Zahlen des Jahres des Mietvertrags zählen sie ab dem Tag der Korrektur nicht mehr
    ("Stand vom" einem früheren Tag zeigt weiter die alte Zahl). Nur die Koordination."""
    return c.OfferRef.model_validate(
        await _offer_command(rpc, "retract_placement", offer_id, body, caller)
    )


# ---------------------------------------------------------------- oversight and rules


@router.get(
    "/placement/stalled",
    response_model=c.StalledCases,
    summary="Festgefahrene Fälle",
    responses=_READ_ERRORS,
)
async def stalled_cases(
    caller: CurrentCaller,
    rpc: Rpc,
    as_of: Annotated[QueryDay | None, Query(description="Stichtag; ohne Angabe heute")] = None,
) -> c.StalledCases:
    """Vorschläge ohne Antwort des Vermieters und Übernahmen ohne Entscheidung seit N Tagen."""
    body = c.StalledQuery(as_of=as_of)
    return c.StalledCases.model_validate(await _call(rpc, "stalled_cases", body, caller))


@router.get(
    "/placement/rules",
    response_model=c.PlacementRules,
    summary="Regeln der Kommune",
    responses=_READ_ERRORS,
)
async def get_rules(caller: CurrentCaller, rpc: Rpc) -> c.PlacementRules:
    """Mietrichtwerte des Jobcenters und Fristen für festgefahrene Fälle."""
    return c.PlacementRules.model_validate(await _call(rpc, "get_rules", c.GetRules(), caller))


@router.put(
    "/placement/rules",
    response_model=c.PlacementRules,
    summary="Regeln der Kommune ändern",
    responses=_ERRORS,
)
async def replace_rules(
    body: c.PlacementRules, caller: CurrentCaller, rpc: Rpc
) -> c.PlacementRules:
    """Ersetzt Mietrichtwerte und Fristen der Kommune als Ganzes; Koordination."""
    return c.PlacementRules.model_validate(await _call(rpc, "replace_rules", body, caller))
