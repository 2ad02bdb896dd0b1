"""Volunteers (Ehrenamt): volunteers, tandems and their support acts, open office hours
and consultations, workshops with attendance and certificates."""

from __future__ import annotations

import base64
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request, Response

from services.gateway.auth.logins import service_user_id
from services.gateway.deps import CurrentCaller, Rpc
from shared.contracts import volunteer as c
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops

router = APIRouter(prefix="/api", tags=["Ehrenamt"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "Ihre Rolle darf das nicht."},
    404: {"description": "Nicht gefunden (oder nicht sichtbar für Sie)."},
    409: {"description": "Eine Regel steht entgegen, z. B. das Tandem ist schon beendet."},
    422: {"description": "Eingabe unvollständig oder ungültig; `fields` nennt die Felder."},
}
_READ: dict[int | str, dict[str, Any]] = {k: v for k, v in _ERRORS.items() if k in (403, 404, 422)}

VolunteerId = Annotated[UUID, Path(description="Kennung der/des Ehrenamtlichen")]
TandemId = Annotated[UUID, Path(description="Kennung des Tandems")]
OfficeHourId = Annotated[UUID, Path(description="Kennung der Sprechstunde")]
WorkshopId = Annotated[UUID, Path(description="Kennung des Workshops")]


# ---------------------------------------------------------------- volunteers


@router.post(
    "/volunteers",
    status_code=201,
    summary="Ehrenamtliche/n aufnehmen",
    responses=_ERRORS,
)
async def register_volunteer(
    body: c.RegisterVolunteer, caller: CurrentCaller, rpc: Rpc, request: Request
) -> c.VolunteerRef:
    """Bei einem Träger aufnehmen, mit Login (`user_id`), Stadtteil und Sprachen.

    Der Login muss ein Konto in Ihrer Kommune sein (sonst 422); das Ehrenamt erfährt nur
    dessen pseudonyme Kennung. Name und Kontakt bleiben in den Tabellen des Ehrenamts, in
    keinem Ereignis. Koordination; Fachkräfte für den eigenen Träger.
    """
    user_id = await service_user_id(request, caller, body.user_id, "user_id")
    body = body.model_copy(update={"user_id": user_id})
    return await rpc.send(ops.REGISTER_VOLUNTEER, body, caller)


@router.get("/volunteers", summary="Ehrenamtliche", responses=_READ)
async def list_volunteers(
    query: Annotated[c.ListVolunteers, Depends()], caller: CurrentCaller, rpc: Rpc
) -> c.VolunteerList:
    """Aktive Ehrenamtliche (Fachkräfte: des eigenen Trägers), nach Namen."""
    return await rpc.send(ops.LIST_VOLUNTEERS, query, caller)


@router.get(
    "/volunteers/{volunteer_id}",
    summary="Ehrenamtliche/n anzeigen",
    responses=_READ,
)
async def get_volunteer(
    volunteer_id: VolunteerId, caller: CurrentCaller, rpc: Rpc
) -> c.VolunteerView:
    """Mit Einstiegsschritten und ob ein Tandem gebildet werden kann."""
    return await rpc.send(ops.GET_VOLUNTEER, c.ById(id=volunteer_id), caller)


@router.post(
    "/volunteers/{volunteer_id}/onboarding",
    summary="Einstiegsschritt erledigt",
    responses=_ERRORS,
)
async def record_onboarding_step(
    volunteer_id: VolunteerId, body: c.RecordOnboardingStep, caller: CurrentCaller, rpc: Rpc
) -> c.VolunteerRef:
    """Erstgespräch, Ehrenamtsvereinbarung (nötig fürs Tandem) oder Führungszeugnis."""
    return await rpc.send(ops.RECORD_ONBOARDING_STEP, Addressed(id=volunteer_id, body=body), caller)


@router.post(
    "/volunteers/{volunteer_id}/leaving",
    summary="Ehrenamtliche/r hört auf",
    responses=_ERRORS,
)
async def record_leaving(
    volunteer_id: VolunteerId, body: c.RecordLeaving, caller: CurrentCaller, rpc: Rpc
) -> c.VolunteerRef:
    """Nur ohne aktive Tandems: diese bitte vorher beenden."""
    return await rpc.send(ops.RECORD_LEAVING, Addressed(id=volunteer_id, body=body), caller)


@router.post(
    "/volunteers/{volunteer_id}/erasure",
    summary="Personenbezogene Daten einer/eines Ehrenamtlichen löschen",
    responses=_ERRORS,
)
async def erase_volunteer(
    volunteer_id: VolunteerId, body: c.EraseVolunteer, caller: CurrentCaller, rpc: Rpc
) -> c.VolunteerRef:
    """Art. 17 DSGVO, nur die Koordination: Name, Kontakt und Login werden gelöscht, Listen
    zeigen „gelöscht“; Zahlen bleiben. Nur ohne aktive Tandems; ein zweites Mal: 409."""
    return await rpc.send(ops.ERASE_VOLUNTEER, Addressed(id=volunteer_id, body=body), caller)


# ---------------------------------------------------------------- tandems


@router.post(
    "/tandems",
    status_code=201,
    summary="Tandem bilden",
    responses=_ERRORS,
)
async def form_tandem(body: c.FormTandem, caller: CurrentCaller, rpc: Rpc) -> c.TandemRef:
    """Ehrenamtliche/r (mit Vereinbarung) und Haushalt desselben Trägers; ein aktives
    Tandem je Haushalt. Ein abgemeldeter oder unbekannter Haushalt: 409."""
    return await rpc.send(ops.FORM_TANDEM, body, caller)


@router.get("/tandems", summary="Tandems", responses=_READ)
async def list_tandems(
    query: Annotated[c.ListTandems, Depends()], caller: CurrentCaller, rpc: Rpc
) -> c.TandemList:
    """Aktive Tandems; Ehrenamtliche sehen nur ihre eigenen."""
    return await rpc.send(ops.LIST_TANDEMS, query, caller)


@router.get("/tandems/{tandem_id}", summary="Tandem anzeigen", responses=_READ)
async def get_tandem(tandem_id: TandemId, caller: CurrentCaller, rpc: Rpc) -> c.TandemView:
    """Mit Unterstützungen und begleiteten Vermittlungen."""
    return await rpc.send(ops.GET_TANDEM, c.ById(id=tandem_id), caller)


@router.post(
    "/tandems/{tandem_id}/end",
    summary="Tandem beenden",
    responses=_ERRORS,
)
async def end_tandem(
    tandem_id: TandemId, body: c.EndTandem, caller: CurrentCaller, rpc: Rpc
) -> c.TandemRef:
    """Mit Grund (Wohnung gefunden, weggezogen, einvernehmlich …)."""
    return await rpc.send(ops.END_TANDEM, Addressed(id=tandem_id, body=body), caller)


@router.post(
    "/tandems/{tandem_id}/support",
    status_code=201,
    summary="Unterstützung im Tandem erfassen",
    responses=_ERRORS,
)
async def record_support(
    tandem_id: TandemId, body: c.RecordSupport, caller: CurrentCaller, rpc: Rpc
) -> c.SupportRef:
    """Bei Besichtigung, Formalitäten, Behörde oder Vermieter; auch durch die/den
    Ehrenamtliche/n des Tandems selbst."""
    return await rpc.send(ops.RECORD_SUPPORT, Addressed(id=tandem_id, body=body), caller)


@router.get(
    "/tandem-households/{household_id}",
    summary="Haushalt meines Tandems",
    responses=_READ,
)
async def get_tandem_household(
    household_id: Annotated[UUID, Path(description="Kennung des Haushalts")],
    caller: CurrentCaller,
    rpc: Rpc,
) -> c.TandemHouseholdView:
    """Nur was ein Tandem braucht: Größe, Unterkunftsart, Träger, Tandem seit (keine Namen)."""
    body = c.GetTandemHousehold(household_id=household_id)
    return await rpc.send(ops.GET_TANDEM_HOUSEHOLD, body, caller)


# ---------------------------------------------------------------- office hours


@router.post(
    "/office-hours",
    status_code=201,
    summary="Offene Sprechstunde erfassen",
    responses=_ERRORS,
)
async def hold_office_hour(
    body: c.HoldOfficeHour, caller: CurrentCaller, rpc: Rpc
) -> c.OfficeHourRef:
    """Sprechstunde eines Trägers an einem Tag, gleich mit ihren Beratungen."""
    return await rpc.send(ops.HOLD_OFFICE_HOUR, body, caller)


@router.post(
    "/office-hours/{office_hour_id}/consultations",
    status_code=201,
    summary="Beratungen einer Sprechstunde nachtragen",
    responses=_ERRORS,
)
async def record_office_hour_consultations(
    office_hour_id: OfficeHourId,
    body: c.RecordOfficeHourConsultations,
    caller: CurrentCaller,
    rpc: Rpc,
) -> c.OfficeHourRef:
    """Schnellerfassung: mehrere Beratungen auf einmal, alle oder keine."""
    op = ops.RECORD_OFFICE_HOUR_CONSULTATIONS
    return await rpc.send(op, Addressed(id=office_hour_id, body=body), caller)


@router.get(
    "/office-hours/{office_hour_id}",
    summary="Sprechstunde anzeigen",
    responses=_READ,
)
async def get_office_hour(
    office_hour_id: OfficeHourId, caller: CurrentCaller, rpc: Rpc
) -> c.OfficeHourView:
    """Mit ihren Beratungen und der Zahl je Kanal."""
    return await rpc.send(ops.GET_OFFICE_HOUR, c.ById(id=office_hour_id), caller)


@router.post(
    "/consultations",
    status_code=201,
    summary="Beratung außerhalb der Sprechstunde erfassen",
    responses=_ERRORS,
)
async def record_consultation(
    body: c.RecordConsultation, caller: CurrentCaller, rpc: Rpc
) -> c.ConsultationRef:
    """E-Mail, Telefonat oder Einzeltermin (`appointment`)."""
    return await rpc.send(ops.RECORD_CONSULTATION, body, caller)


# ---------------------------------------------------------------- workshops


@router.post(
    "/workshops",
    status_code=201,
    summary="Workshop erfassen",
    responses=_ERRORS,
)
async def hold_workshop(body: c.HoldWorkshop, caller: CurrentCaller, rpc: Rpc) -> c.WorkshopRef:
    """Thema, Tag, Träger, Ort und Dauer eines Workshops für Geflüchtete."""
    return await rpc.send(ops.HOLD_WORKSHOP, body, caller)


@router.get(
    "/workshops/{workshop_id}",
    summary="Workshop anzeigen",
    responses=_READ,
)
async def get_workshop(workshop_id: WorkshopId, caller: CurrentCaller, rpc: Rpc) -> c.WorkshopView:
    """Mit Teilnehmenden und ausgestellten Bestätigungen."""
    return await rpc.send(ops.GET_WORKSHOP, c.ById(id=workshop_id), caller)


@router.post(
    "/workshops/{workshop_id}/attendances",
    status_code=201,
    summary="Teilnahme erfassen",
    responses=_ERRORS,
)
async def record_attendance(
    workshop_id: WorkshopId, body: c.RecordAttendance, caller: CurrentCaller, rpc: Rpc
) -> c.AttendanceRef:
    """Eine Person; ihr Name steht nur auf der Bestätigung, in keinem Ereignis."""
    return await rpc.send(ops.RECORD_ATTENDANCE, Addressed(id=workshop_id, body=body), caller)


@router.post(
    "/workshops/{workshop_id}/certificates",
    status_code=201,
    summary="Teilnahmebestätigung ausstellen",
    responses=_ERRORS,
)
async def issue_certificate(
    workshop_id: WorkshopId, body: c.IssueCertificate, caller: CurrentCaller, rpc: Rpc
) -> c.CertificateRef:
    """Qualifizierte Teilnahmebestätigung für eine teilnehmende Person."""
    return await rpc.send(ops.ISSUE_CERTIFICATE, Addressed(id=workshop_id, body=body), caller)


@router.get(
    "/workshops/{workshop_id}/certificates/{certificate_id}",
    response_class=Response,
    summary="Teilnahmebestätigung als PDF",
    responses={200: {"content": {"application/pdf": {}}, "description": "PDF"}, **_READ},
)
async def get_certificate(
    workshop_id: WorkshopId,
    certificate_id: Annotated[UUID, Path(description="Kennung der Bestätigung")],
    caller: CurrentCaller,
    rpc: Rpc,
) -> Response:
    """Zum Ausdrucken und Vorzeigen bei Vermietern, auf Deutsch, mit Namen und Inhalten."""
    body = c.GetCertificate(workshop_id=workshop_id, certificate_id=certificate_id)
    document = await rpc.send(ops.GET_CERTIFICATE, body, caller)
    return Response(
        base64.b64decode(document.content_base64),
        media_type=document.media_type,
        headers={"content-disposition": f'inline; filename="{document.filename}"'},
    )


# ---------------------------------------------------------------- consultation list


@router.get(
    "/consultations",
    summary="Beratungen auflisten",
    responses={k: v for k, v in _READ.items() if k != 404},
)
async def list_consultations(
    query: Annotated[c.ListConsultations, Depends()], caller: CurrentCaller, rpc: Rpc
) -> c.ConsultationList:
    """Erfasste Beratungen, neueste zuerst, wahlweise nur Einzeltermine oder ein Zeitraum.

    Ohne personenbezogene Daten. Fachkräfte sehen die ihres Trägers, die Koordination alle.
    """
    return await rpc.send(ops.LIST_CONSULTATIONS, query, caller)
