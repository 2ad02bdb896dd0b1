"""Wohnintegrationshilfe (prevention): referral, eligibility, the housing office's decision,
consent, home visits, mediation, referrals out, time limit, closing; aftercare offers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, ParamSpec
from uuid import UUID

from fastapi import APIRouter, Depends, Path

from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts import prevention as p
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops

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


def _command(
    path: str, summary: str, *, created: bool = False
) -> Callable[[Callable[P, Awaitable[p.CaseRef]]], Callable[P, Awaitable[p.CaseRef]]]:
    """POST on one case, answered with the case's new version."""
    return router.post(
        f"/prevention/cases/{{case_id}}/{path}",
        status_code=201 if created else 200,
        summary=summary,
        responses=_ERRORS,
    )


# ---------------------------------------------------------------- cases


@router.post(
    "/prevention/cases",
    status_code=201,
    summary="Meldung aufnehmen",
    responses=_ERRORS,
)
async def receive_referral(body: p.ReceiveReferral, caller: CurrentCaller, rpc: Rpc) -> p.CaseRef:
    """Selbstmeldung oder Meldung durch Dritte (Träger, Vermieter, Jobcenter, ASD, …).

    Zielgruppe, Wohnsituation und Zusammensetzung gehen ins Ereignis; Name, Anschrift,
    Kontakt und meldende Person bleiben in der Wohnintegrationshilfe.
    """
    return await rpc.send(ops.RECEIVE_REFERRAL, body, caller)


@router.get("/prevention/cases", summary="Fälle", responses=_READ)
async def list_cases(
    query: Annotated[p.ListCases, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.CaseList:
    """Fälle der Kommune (Fachkräfte: des eigenen Trägers), ohne personenbezogene Daten."""
    return await rpc.send(ops.LIST_CASES, query, caller)


@router.get(
    "/prevention/cases/{case_id}",
    summary="Fall anzeigen",
    responses=_READ,
)
async def get_case(case_id: CaseId, caller: CurrentCaller, rpc: Rpc) -> p.CaseView:
    """Ein Fall mit Verlauf: Prüfung, Bewilligung, Hausbesuche, Vermittlungen, Ergebnis."""
    return await rpc.send(ops.GET_CASE, p.GetCase(case_id=case_id), caller)


@router.get(
    "/prevention/visits/overdue",
    summary="Überfällige Hausbesuche",
    responses=_READ,
)
async def overdue_visits(
    query: Annotated[p.OverdueQuery, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.OverdueVisits:
    """Laufende Fälle, deren nächster Hausbesuch vor dem Stichtag fällig war."""
    return await rpc.send(ops.OVERDUE_VISITS, query, caller)


# ---------------------------------------------------------------- course of a case


@_command("eligibility", "Voraussetzungen prüfen")
async def check_eligibility(
    case_id: CaseId, body: p.CheckEligibility, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ist schon eine vergleichbare Hilfe installiert (§ 67 SGB XII, § 53 SGB XII, SGB VIII)?"""
    return await rpc.send(ops.CHECK_ELIGIBILITY, Addressed(id=case_id, body=body), caller)


@_command("admission", "Hilfe bewilligen")
async def admit_case(
    case_id: CaseId, body: p.AdmitCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Befristete Bewilligung; nur die Fachstelle Wohnen, nur ohne vergleichbare Hilfe."""
    return await rpc.send(ops.ADMIT_CASE, Addressed(id=case_id, body=body), caller)


@_command("rejection", "Hilfe ablehnen")
async def reject_case(
    case_id: CaseId, body: p.RejectCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ablehnung mit Grund; nur die Fachstelle Wohnen."""
    return await rpc.send(ops.REJECT_CASE, Addressed(id=case_id, body=body), caller)


@_command("erasure", "Personenbezogene Daten des Falls löschen")
async def erase_case(
    case_id: CaseId, body: p.EraseCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Art. 17 DSGVO, nur die Koordination: Ansprechperson, Anschrift, meldende Person und
    alle Notizen werden gelöscht; Zahlen und Codes bleiben. Ein zweites Mal: 409."""
    return await rpc.send(ops.ERASE_CASE, Addressed(id=case_id, body=body), caller)


@_command("extension", "Hilfe verlängern")
async def extend_case(
    case_id: CaseId, body: p.ExtendCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Neues Ende der Befristung; nur die Fachstelle Wohnen."""
    return await rpc.send(ops.EXTEND_CASE, Addressed(id=case_id, body=body), caller)


@_command("consent", "Zustimmung festhalten")
async def record_consent(
    case_id: CaseId, body: p.RecordConsent, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Der Haushalt nimmt die freiwillige aufsuchende Hilfe an."""
    return await rpc.send(ops.RECORD_CONSENT, Addressed(id=case_id, body=body), caller)


@_command("consent-withdrawal", "Zustimmung widerrufen")
async def withdraw_consent(
    case_id: CaseId, body: p.WithdrawConsent, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Der Haushalt widerruft: die Hilfe endet, der Fall wird abgeschlossen."""
    return await rpc.send(ops.WITHDRAW_CONSENT, Addressed(id=case_id, body=body), caller)


@_command("closing", "Fall abschließen")
async def close_case(
    case_id: CaseId, body: p.CloseCase, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Ergebnis: Wohnung erhalten, eigener Mietvertrag, andere Hilfe, Räumung, Kontakt verloren."""
    return await rpc.send(ops.CLOSE_CASE, Addressed(id=case_id, body=body), caller)


# ---------------------------------------------------------------- the help


@_command("visit-rhythm", "Besuchsrhythmus planen")
async def plan_visit_rhythm(
    case_id: CaseId, body: p.PlanVisitRhythm, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Hausbesuche alle N Tage; der nächste ist danach fällig."""
    return await rpc.send(ops.PLAN_VISIT_RHYTHM, Addressed(id=case_id, body=body), caller)


@_command("home-visits", "Hausbesuch festhalten", created=True)
async def record_home_visit(
    case_id: CaseId, body: p.RecordHomeVisit, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Tag, Befunde als Codes, nächster Termin; die Notiz bleibt in der Wohnintegrationshilfe."""
    return await rpc.send(ops.RECORD_HOME_VISIT, Addressed(id=case_id, body=body), caller)


@_command("mediations", "Vermittlung festhalten", created=True)
async def record_mediation(
    case_id: CaseId, body: p.RecordMediation, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Vermittlung zwischen Haushalt und Vermieter, Jobcenter oder anderem Amt."""
    return await rpc.send(ops.RECORD_MEDIATION, Addressed(id=case_id, body=body), caller)


@_command("landlord-negotiations", "Verhandlung mit Vermieter festhalten", created=True)
async def record_landlord_negotiation(
    case_id: CaseId, body: p.RecordLandlordNegotiation, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Verhandlung mit einem potenziellen Vermieter (nur bei prekärer Wohnsituation)."""
    return await rpc.send(ops.RECORD_LANDLORD_NEGOTIATION, Addressed(id=case_id, body=body), caller)


@_command("referrals-out", "In andere Hilfe vermitteln", created=True)
async def refer_out(
    case_id: CaseId, body: p.ReferOut, caller: CurrentCaller, rpc: Rpc
) -> p.CaseRef:
    """Schuldnerberatung, Suchthilfe, Familienhilfe, Seniorenberatung, Hilfen nach § 67 SGB XII."""
    return await rpc.send(ops.REFER_OUT, Addressed(id=case_id, body=body), caller)


# ---------------------------------------------------------------- aftercare


@router.get(
    "/prevention/aftercare",
    summary="Angebote der Nachbetreuung",
    responses=_READ,
)
async def list_aftercare(
    query: Annotated[p.ListAftercare, Depends()], caller: CurrentCaller, rpc: Rpc
) -> p.AftercareList:
    """Nach einer Vermittlung in eigenen Wohnraum angebotene Nachbetreuung, je Haushalt."""
    return await rpc.send(ops.LIST_AFTERCARE, query, caller)


@router.post(
    "/prevention/aftercare/{household_id}/acceptance",
    summary="Nachbetreuung angenommen",
    responses=_ERRORS,
)
async def accept_aftercare(
    household_id: HouseholdId, body: p.AcceptAftercare, caller: CurrentCaller, rpc: Rpc
) -> p.AftercareRef:
    """Der Haushalt nimmt die Nachbetreuung an; Koordination oder Fachkraft des Trägers."""
    return await rpc.send(ops.ACCEPT_AFTERCARE, Addressed(id=household_id, body=body), caller)


@router.post(
    "/prevention/aftercare/{household_id}/decline",
    summary="Nachbetreuung abgelehnt",
    responses=_ERRORS,
)
async def decline_aftercare(
    household_id: HouseholdId, body: p.DeclineAftercare, caller: CurrentCaller, rpc: Rpc
) -> p.AftercareRef:
    """Der Haushalt lehnt ab oder ist nicht erreichbar; Koordination oder Fachkraft."""
    return await rpc.send(ops.DECLINE_AFTERCARE, Addressed(id=household_id, body=body), caller)
