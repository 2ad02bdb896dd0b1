"""Wohnintegrationshilfe (prevention): referral, eligibility, the housing office's decision,
consent, home visits, mediation, referrals out, time limit, closing; aftercare offers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, ParamSpec
from uuid import UUID

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts import prevention as p
from shared.identity import Caller

P = ParamSpec("P")
router = APIRouter(prefix="/api", tags=["Wohnintegrationshilfe"])

CaseId = Annotated[UUID, Path(description="Kennung des Falls")]
HouseholdId = Annotated[UUID, Path(description="Kennung des vermittelten Haushalts")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "Ihre Rolle darf das nicht (z. B. Bewilligung: nur Fachstelle Wohnen)."},
    404: {"description": "Nicht gefunden (oder nicht sichtbar für Sie)."},
    409: {"description": "Eine Regel steht entgegen, z. B. vergleichbare Hilfe installiert."},
    422: {"description": "Eingabe unvollständig oder ungültig; `fields` nennt die Felder."},
}
_READ: dict[int | str, dict[str, Any]] = {k: v for k, v in _ERRORS.items() if k in (403, 404, 422)}


async def _on_case(
    rpc: Rpc, name: str, case_id: UUID, body: BaseModel, caller: Caller
) -> p.CaseRef:
    payload = {"case_id": str(case_id), "body": body.model_dump(mode="json")}
    return p.CaseRef.model_validate(await rpc.call("prevention", name, payload, caller))


def _command(
    path: str, summary: str, *, created: bool = False
) -> Callable[[Callable[P, Awaitable[p.CaseRef]]], Callable[P, Awaitable[p.CaseRef]]]:
    """POST on one case, answered with the case's new version."""
    return router.post(
        f"/prevention/cases/{{case_id}}/{path}",
        status_code=201 if created else 200,
        response_model=p.CaseRef,
        summary=summary,
        responses=_ERRORS,
    )


# ---------------------------------------------------------------- cases


@router.post(
    "/prevention/cases",
    status_code=201,
    response_model=p.CaseRef,
    summary="Meldung aufnehmen",
    responses=_ERRORS,
)
async def receive_referral(body: p.ReceiveReferral, caller: CurrentCaller, rpc: Rpc) -> p.CaseRef:
    """Selbstmeldung oder Meldung durch Dritte (Träger, Vermieter, Jobcenter, ASD, …).

    Zielgruppe, Wohnsituation und Zusammensetzung gehen ins Ereignis; Name, Anschrift,
    Kontakt und meldende Person bleiben in der Wohnintegrationshilfe.
    """
    return p.CaseRef.model_validate(await rpc.call("prevention", "receive_referral", body, caller))


@router.get("/prevention/cases", response_model=p.CaseList, summary="Fälle", responses=_READ)
async def list_cases(
    query: Annotated[p.ListCases, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.CaseList:
    """Fälle der Kommune (Fachkräfte: des eigenen Trägers), ohne personenbezogene Daten."""
    return p.CaseList.model_validate(await rpc.call("prevention", "list_cases", query, caller))


@router.get(
    "/prevention/cases/{case_id}",
    response_model=p.CaseView,
    summary="Fall anzeigen",
    responses=_READ,
)
async def get_case(case_id: CaseId, caller: CurrentCaller, rpc: Rpc) -> p.CaseView:
    """Ein Fall mit Verlauf: Prüfung, Bewilligung, Hausbesuche, Vermittlungen, Ergebnis."""
    result = await rpc.call("prevention", "get_case", p.GetCase(case_id=case_id), caller)
    return p.CaseView.model_validate(result)


@router.get(
    "/prevention/visits/overdue",
    response_model=p.OverdueVisits,
    summary="Überfällige Hausbesuche",
    responses=_READ,
)
async def overdue_visits(
    query: Annotated[p.OverdueQuery, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.OverdueVisits:
    """Laufende Fälle, deren nächster Hausbesuch vor dem Stichtag fällig war."""
    result = await rpc.call("prevention", "overdue_visits", query, caller)
    return p.OverdueVisits.model_validate(result)


# ---------------------------------------------------------------- course of a case


@_command("eligibility", "Voraussetzungen prüfen")
async def check_eligibility(
    case_id: CaseId, body: p.CheckEligibility, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ist schon eine vergleichbare Hilfe installiert (§ 67 SGB XII, § 53 SGB XII, SGB VIII)?"""
    return await _on_case(rpc, "check_eligibility", case_id, body, caller)


@_command("admission", "Hilfe bewilligen")
async def admit_case(
    case_id: CaseId, body: p.AdmitCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Befristete Bewilligung; nur die Fachstelle Wohnen, nur ohne vergleichbare Hilfe."""
    return await _on_case(rpc, "admit_case", case_id, body, caller)


@_command("rejection", "Hilfe ablehnen")
async def reject_case(
    case_id: CaseId, body: p.RejectCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ablehnung mit Grund; nur die Fachstelle Wohnen."""
    return await _on_case(rpc, "reject_case", case_id, body, caller)


@_command("erasure", "Personenbezogene Daten des Falls löschen")
async def erase_case(
    case_id: CaseId, body: p.EraseCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Art. 17 DSGVO, nur die Koordination: Ansprechperson, Anschrift, meldende Person und
    alle Notizen werden gelöscht; Zahlen und Codes bleiben. Ein zweites Mal: 409."""
    return await _on_case(rpc, "erase_case", case_id, body, caller)


@_command("extension", "Hilfe verlängern")
async def extend_case(
    case_id: CaseId, body: p.ExtendCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Neues Ende der Befristung; nur die Fachstelle Wohnen."""
    return await _on_case(rpc, "extend_case", case_id, body, caller)


@_command("consent", "Zustimmung festhalten")
async def record_consent(
    case_id: CaseId, body: p.RecordConsent, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Der Haushalt nimmt die freiwillige aufsuchende Hilfe an."""
    return await _on_case(rpc, "record_consent", case_id, body, caller)


@_command("consent-withdrawal", "Zustimmung widerrufen")
async def withdraw_consent(
    case_id: CaseId, body: p.WithdrawConsent, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Der Haushalt widerruft: die Hilfe endet, der Fall wird abgeschlossen."""
    return await _on_case(rpc, "withdraw_consent", case_id, body, caller)


@_command("closing", "Fall abschließen")
async def close_case(
    case_id: CaseId, body: p.CloseCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ergebnis: Wohnung erhalten, eigener Mietvertrag, andere Hilfe, Räumung, Kontakt verloren."""
    return await _on_case(rpc, "close_case", case_id, body, caller)


# ---------------------------------------------------------------- the help


@_command("visit-rhythm", "Besuchsrhythmus planen")
async def plan_visit_rhythm(
    case_id: CaseId, body: p.PlanVisitRhythm, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Hausbesuche alle N Tage; der nächste ist danach fällig."""
    return await _on_case(rpc, "plan_visit_rhythm", case_id, body, caller)


@_command("home-visits", "Hausbesuch festhalten", created=True)
async def record_home_visit(
    case_id: CaseId, body: p.RecordHomeVisit, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Tag, Befunde als Codes, nächster Termin; die Notiz bleibt in der Wohnintegrationshilfe."""
    return await _on_case(rpc, "record_home_visit", case_id, body, caller)


@_command("mediations", "Vermittlung festhalten", created=True)
async def record_mediation(
    case_id: CaseId, body: p.RecordMediation, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Vermittlung zwischen Haushalt und Vermieter, Jobcenter oder anderem Amt."""
    return await _on_case(rpc, "record_mediation", case_id, body, caller)


@_command("landlord-negotiations", "Verhandlung mit Vermieter festhalten", created=True)
async def record_landlord_negotiation(
    case_id: CaseId, body: p.RecordLandlordNegotiation, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Verhandlung mit einem potenziellen Vermieter (nur bei prekärer Wohnsituation)."""
    return await _on_case(rpc, "record_landlord_negotiation", case_id, body, caller)


@_command("referrals-out", "In andere Hilfe vermitteln", created=True)
async def refer_out(
    case_id: CaseId, body: p.ReferOut, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Schuldnerberatung, Suchthilfe, Familienhilfe, Seniorenberatung, Hilfen nach § 67 SGB XII."""
    return await _on_case(rpc, "refer_out", case_id, body, caller)


# ---------------------------------------------------------------- aftercare


@router.get(
    "/prevention/aftercare",
    response_model=p.AftercareList,
    summary="Angebote der Nachbetreuung",
    responses=_READ,
)
async def list_aftercare(
    query: Annotated[p.ListAftercare, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.AftercareList:
    """Nach einer Vermittlung in eigenen Wohnraum angebotene Nachbetreuung, je Haushalt."""
    result = await rpc.call("prevention", "list_aftercare", query, caller)
    return p.AftercareList.model_validate(result)


async def _aftercare(
    rpc: Rpc, name: str, household_id: UUID, body: BaseModel, caller: Caller
) -> p.AftercareRef:
    payload = {"household_id": str(household_id), "body": body.model_dump(mode="json")}
    return p.AftercareRef.model_validate(await rpc.call("prevention", name, payload, caller))


@router.post(
    "/prevention/aftercare/{household_id}/acceptance",
    response_model=p.AftercareRef,
    summary="Nachbetreuung angenommen",
    responses=_ERRORS,
)
async def accept_aftercare(
    household_id: HouseholdId, body: p.AcceptAftercare, caller: CurrentCaller, rpc: Rpc
) -> p.AftercareRef:
    """Der Haushalt nimmt die Nachbetreuung an; Koordination oder Fachkraft des Trägers."""
    return await _aftercare(rpc, "accept_aftercare", household_id, body, caller)


@router.post(
    "/prevention/aftercare/{household_id}/decline",
    response_model=p.AftercareRef,
    summary="Nachbetreuung abgelehnt",
    responses=_ERRORS,
)
async def decline_aftercare(
    household_id: HouseholdId, body: p.DeclineAftercare, caller: CurrentCaller, rpc: Rpc
) -> p.AftercareRef:
    """Der Haushalt lehnt ab oder ist nicht erreichbar; Koordination oder Fachkraft."""
    return await _aftercare(rpc, "decline_aftercare", household_id, body, caller)
